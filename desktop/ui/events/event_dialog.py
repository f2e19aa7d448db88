"""Create or edit an event, and add someone to its guest list."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.domain.records import EventView
from desktop.ui.kit.form_dialog import FormDialog, fill_combo, from_qdatetime, to_qdatetime
from desktop.ui.kit.widgets.person_picker import PersonPicker


class EventDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, existing: EventView | None = None) -> None:
        super().__init__(
            self.tr("Edit Event") if existing else self.tr("New Event"), "eventDialog", parent
        )
        self.title_edit = QLineEdit(existing.title if existing else "", self)
        self.title_edit.setPlaceholderText(self.tr("PyCon, a team dinner, a meetup…"))
        self.add_row(self.tr("&Title:"), self.title_edit)
        start = existing.starts_at if existing and existing.starts_at else _next_evening()
        self.starts = QDateTimeEdit(to_qdatetime(start), self)
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.add_row(self.tr("&Starts:"), self.starts)
        self.has_end = QCheckBox(self)
        self.has_end.setAccessibleName(self.tr("Has an end time"))
        self.has_end.setToolTip(self.tr("Untick for an event without a set end"))
        end = existing.ends_at if existing else None
        self.has_end.setChecked(end is not None or existing is None)
        self.ends = QDateTimeEdit(to_qdatetime(end or start + timedelta(hours=2)), self)
        self.ends.setCalendarPopup(True)
        self.ends.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.ends.setEnabled(self.has_end.isChecked())
        self.ends.setAccessibleName(self.tr("Ends"))
        self.has_end.toggled.connect(self.ends.setEnabled)
        end_row = QWidget(self)
        row = QHBoxLayout(end_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_end)
        row.addWidget(self.ends, 1)
        self.add_row(self.tr("&Ends:"), end_row, self.tr("End time"))
        self.place = QLineEdit(existing.place if existing else "", self)
        self.add_row(self.tr("&Place:"), self.place)
        self.goals = QPlainTextEdit(existing.goals if existing else "", self)
        self.goals.setPlaceholderText(self.tr("Whom to meet, what to learn, whom to help"))
        self.goals.setTabChangesFocus(True)
        self.goals.setFixedHeight(70)
        self.add_row(self.tr("&Goals:"), self.goals)
        self.notes = QPlainTextEdit(existing.notes if existing else "", self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.add_row(self.tr("&Notes:"), self.notes)
        self.title_edit.setFocus()

    def problem_with_input(self) -> str | None:
        if not self.title_edit.text().strip():
            return self.tr("An event needs a title.")
        if self.has_end.isChecked() and self.ends.dateTime() < self.starts.dateTime():
            return self.tr("The event ends before it starts; check the end time.")
        return None

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text().strip(),
            "starts_at": from_qdatetime(self.starts.dateTime()),
            "ends_at": from_qdatetime(self.ends.dateTime()) if self.has_end.isChecked() else None,
            "place": self.place.text().strip(),
            "goals": self.goals.toPlainText().strip(),
            "notes": self.notes.toPlainText().strip(),
        }


def _next_evening() -> datetime:
    now = datetime.now().replace(minute=0, second=0, microsecond=0)
    return (now + timedelta(days=1)).replace(hour=18)


class AttendeeDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, exclude: set[str]) -> None:
        super().__init__(self.tr("Add Attendee"), "attendeeDialog", parent)
        self.picker = PersonPicker(self, exclude=exclude)
        self.add_row(self.tr("&Who:"), self.picker, self.tr("Person"))
        self.status = QComboBox(self)
        fill_combo(self.status, [("expected", self.tr("Expected")), ("met", self.tr("Met"))])
        self.add_row(self.tr("&Status:"), self.status)
        self.why = QLineEdit(self)
        self.why.setPlaceholderText(self.tr("Why you want to meet them"))
        self.add_row(self.tr("W&hy:"), self.why)
        self.focus_box = QCheckBox(self.tr("&Focus on meeting them"), self)
        self.add_row("", self.focus_box, self.tr("Focus"))

    def problem_with_input(self) -> str | None:
        if self.picker.person_id() is None:
            return self.tr("Choose someone from the suggestions as you type their name.")
        return None

    def values(self) -> dict[str, Any]:
        return {
            "person_id": self.picker.person_id(),
            "status": self.status.currentData(),
            "why": self.why.text().strip(),
            "focus": self.focus_box.isChecked(),
        }
