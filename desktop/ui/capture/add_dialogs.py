"""The two small questions behind the preview's "+ Person" and "+ Introduction".

Loaded on first use. Names are typed (completed from the note's people): a name not in
the network becomes a new person on save, exactly as if the note had said it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QWidget,
)


def ask_person(parent: QWidget) -> str:
    """A name, or "" when cancelled."""
    name, ok = QInputDialog.getText(
        parent, parent.tr("Add a person"), parent.tr("Who else was there (full name)?")
    )
    return " ".join(name.split()) if ok else ""


class IntroductionDialog(QDialog):
    """Who introduced whom to whom; "You" on either end is the user."""

    def __init__(self, parent: QWidget, names: Sequence[str]) -> None:
        super().__init__(parent)
        self.setObjectName("captureAddIntroDialog")
        self.setWindowTitle(self.tr("Add an introduction"))
        you = self.tr("You")
        self.you = you
        self.introducer = self._combo([you, *names], self.tr("Who introduced"))
        self.person = self._combo(list(names), self.tr("Whom"))
        self.to = self._combo([you, *names], self.tr("To whom"))
        self.done = QCheckBox(self.tr("It has happened (else it is a promise)"))
        self.done.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Introduced by:"), self.introducer)
        form.addRow(self.tr("Introduced:"), self.person)
        form.addRow(self.tr("To:"), self.to)
        form.addRow(self.done)
        form.addRow(buttons)

    def _combo(self, items: list[str], name: str) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItems(items)
        combo.setAccessibleName(name)
        return combo

    def values(self) -> dict[str, Any]:
        def name(combo: QComboBox) -> str:
            text = " ".join(combo.currentText().split())
            return "" if text == self.you else text

        return {
            "introducer": name(self.introducer),
            "person": name(self.person),
            "to": name(self.to),
            "done": self.done.isChecked(),
        }


def ask_introduction(parent: QWidget, names: Sequence[str]) -> dict[str, Any] | None:
    dialog = IntroductionDialog(parent, names)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    values = dialog.values()
    return values if values["person"] else None
