"""The person card's important dates: birthday, anniversary, any labelled day.

Shows each date ("Birthday · 12 April 1985") and offers Add… and Remove…, both undoable
(Edit ▸ Undo); the records live in :mod:`desktop.services.dates` and sync like every
other record.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class DatesBlock(QWidget):
    """The dates of one person, with buttons to add and remove one."""

    changed = Signal()

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self.setObjectName("personDates")
        self._person_id: str | None = None
        self._dates: list = []
        self.text = QLabel(self)
        self.text.setObjectName("personDatesText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Important dates"))
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.add_button.setObjectName("addDateButton")
        self.add_button.setAccessibleName(self.tr("Add a birthday or other date"))
        self.add_button.clicked.connect(self.add_date)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.setObjectName("removeDateButton")
        self.remove_button.setAccessibleName(self.tr("Remove a date"))
        self.remove_button.clicked.connect(self.remove_date)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def set_person(self, person_id: str | None) -> None:
        from desktop.services import dates

        self._person_id = person_id
        self._dates = dates.dates_of(person_id) if person_id else []
        lines = [f"{self.tr(d.title)} · {d.shown}" for d in self._dates]
        self.text.setText("\n".join(lines) if lines else self.tr("No dates yet"))
        self.remove_button.setEnabled(bool(self._dates))

    def add_date(self, label: str | None = None, day: str | None = None) -> bool:
        """Ask for a label and a day (or take them, for tests); True when one was saved."""
        from desktop.services import dates

        if self._person_id is None:
            return False
        if label is None:
            label, ok = QInputDialog.getItem(
                self,
                self.tr("Add a date"),
                self.tr("What is the date? (choose or type your own words)"),
                [self.tr("birthday"), self.tr("anniversary")],
                0,
                True,
            )
            if not ok or not label.strip():
                return False
        if day is None:
            day, ok = QInputDialog.getText(
                self,
                self.tr("Add a date"),
                self.tr("Day as YYYY-MM-DD, or --MM-DD when you don't know the year:"),
            )
            if not ok:
                return False
        from desktop.domain.dates import normalise_day
        from desktop.ui.kit.undo import CreateCommand, push

        if normalise_day(day) is None or not label.strip():
            QMessageBox.warning(
                self,
                self.tr("Add a date"),
                self.tr("%1 is not a date: write YYYY-MM-DD, or --MM-DD without a year.").replace(
                    "%1", repr(day)
                ),
            )
            return False
        pid = self._person_id
        done = push(
            self._stack,
            CreateCommand(
                self.tr("Add date"),
                lambda: dates.add_date(person_id=pid, label=label, day=day),
                dates.delete_date,
                dates.restore_date,
            ),
        )
        self.set_person(pid)
        self.changed.emit()
        return done

    def remove_date(self) -> None:
        from desktop.services import dates

        if not self._dates:
            return
        shown = [f"{d.title} · {d.shown}" for d in self._dates]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Remove a date"), self.tr("Which date?"), shown, 0, False
        )
        if not ok or choice not in shown:
            return
        from desktop.ui.kit.undo import DeleteCommand, push

        push(
            self._stack,
            DeleteCommand(
                self.tr("Remove date"),
                self._dates[shown.index(choice)].id,
                dates.delete_date,
                dates.restore_date,
            ),
        )
        self.set_person(self._person_id)
        self.changed.emit()
