"""A promise, either way: "I'll send Ana the deck by Friday" or "Ben will intro me to Kim"."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from desktop.domain.records import CommitmentView
from desktop.ui.kit.form_dialog import FormDialog, from_qdate, to_qdate


class PromiseDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, *, first_name: str, existing: CommitmentView | None = None
    ) -> None:
        title = self.tr("Edit Promise") if existing else self.tr("New Promise")
        super().__init__(title, "promiseDialog", parent)
        self.mine = QRadioButton(self.tr("&I promised %1").replace("%1", first_name), self)
        self.theirs = QRadioButton(self.tr("%1 &promised me").replace("%1", first_name), self)
        group = QButtonGroup(self)
        group.addButton(self.mine)
        group.addButton(self.theirs)
        (self.theirs if existing and existing.owner == "them" else self.mine).setChecked(True)
        who = QWidget(self)
        row = QHBoxLayout(who)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mine)
        row.addWidget(self.theirs)
        row.addStretch(1)
        self.add_row(self.tr("Who:"), who, self.tr("Who made the promise"))
        self.description = QLineEdit(existing.description if existing else "", self)
        self.description.setPlaceholderText(
            self.tr("send the deck, intro to Kim, review the draft…")
        )
        self.add_row(self.tr("&What:"), self.description)
        self.has_due = QCheckBox(self.tr("&Due by"), self)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        due = existing.due if existing else None
        self.has_due.setChecked(due is not None or existing is None)
        self.due.setDate(to_qdate(due or date.today() + timedelta(days=7)))
        self.due.setEnabled(self.has_due.isChecked())
        self.due.setAccessibleName(self.tr("Due date"))
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QWidget(self)
        line = QHBoxLayout(due_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.has_due)
        line.addWidget(self.due, 1)
        self.add_row(self.tr("When:"), due_row, self.tr("Due date"))
        self.description.setFocus()

    def problem_with_input(self) -> str | None:
        if not self.description.text().strip():
            return self.tr("Say what was promised, for example “send the deck”.")
        return None

    def values(self) -> dict[str, Any]:
        return {
            "owner": "me" if self.mine.isChecked() else "them",
            "description": self.description.text().strip(),
            "due": from_qdate(self.due.date()) if self.has_due.isChecked() else None,
        }
