"""Who introduced you to this person (vouching by a trusted introducer lifts trust)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.ui.kit.form_dialog import FormDialog
from desktop.ui.kit.widgets.person_picker import PersonPicker


class IntroducerDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, person_id: str, first_name: str) -> None:
        super().__init__(self.tr("Introduced By"), "introducerDialog", parent)
        self.picker = PersonPicker(self, exclude={person_id})
        self.add_row(
            self.tr("&Who introduced you to %1:").replace("%1", first_name),
            self.picker,
            self.tr("Introducer"),
        )
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("thought we should meet because…"))
        self.add_row(self.tr("&Note:"), self.note_edit)

    def problem_with_input(self) -> str | None:
        if self.picker.person_id() is None:
            return self.tr("Choose someone from the suggestions as you type their name.")
        return None

    def introducer_id(self) -> str | None:
        return self.picker.person_id()

    def note(self) -> str:
        return self.note_edit.text().strip()
