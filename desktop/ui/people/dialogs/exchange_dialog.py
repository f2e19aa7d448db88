"""Something of value that went one way: an introduction, help, advice, a referral, a gift."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from desktop.domain.records import ExchangeView
from desktop.ui.kit import labels
from desktop.ui.kit.form_dialog import FormDialog, fill_combo, from_qdatetime, to_qdatetime


class ExchangeDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, *, first_name: str, existing: ExchangeView | None = None
    ) -> None:
        title = self.tr("Edit Exchange") if existing else self.tr("Record Exchange")
        super().__init__(title, "exchangeDialog", parent)
        self.give = QRadioButton(self.tr("I &gave %1").replace("%1", first_name), self)
        self.receive = QRadioButton(self.tr("%1 gave &me").replace("%1", first_name), self)
        group = QButtonGroup(self)
        group.addButton(self.give)
        group.addButton(self.receive)
        (self.receive if existing and existing.direction == "receive" else self.give).setChecked(
            True
        )
        who = QWidget(self)
        row = QHBoxLayout(who)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.give)
        row.addWidget(self.receive)
        row.addStretch(1)
        self.add_row(self.tr("Direction:"), who, self.tr("Who gave"))
        self.kind = QComboBox(self)
        fill_combo(self.kind, labels.exchange_kinds(), existing.kind if existing else "help")
        self.add_row(self.tr("&What kind:"), self.kind)
        self.description = QLineEdit(existing.description if existing else "", self)
        self.description.setPlaceholderText(
            self.tr("Intro to a hiring manager, feedback on a talk…")
        )
        self.add_row(self.tr("&Details:"), self.description)
        self.when = QDateTimeEdit(to_qdatetime(existing.happened_at if existing else None), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.add_row(self.tr("W&hen:"), self.when)
        self.description.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "direction": "give" if self.give.isChecked() else "receive",
            "kind": self.kind.currentData(),
            "description": self.description.text().strip(),
            "happened_at": from_qdatetime(self.when.dateTime()),
        }
