"""Today's calendar rows: "Did you meet Ana on Tuesday?" with Y (yes, log it) and N (no,
dismiss), and upcoming meetings with people you know, E making them an event ready for a
briefing sheet.

Reading the calendar talks to the server, so it runs off the GUI thread (``run_job``),
at most every few minutes; answering writes on the GUI thread (the single writer). The
section stays hidden while no calendar is set up.
"""

from __future__ import annotations

import time
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.kit.background import error_text, run_job
from desktop.ui.kit.style import SPACING, make_muted, scaled_font

#: Seconds between two reads of the calendar when Today refreshes.
READ_EVERY = 300.0
_KINDS = {"video": "video call", "meal": "meal", "in_person": "in person"}


def _configured() -> bool:
    """A small local file read (no network): is a calendar set up here?"""
    from desktop.services.backups import open_data_dir
    from desktop.services.calendar_sync import account

    if open_data_dir() is None:
        return False
    try:
        return account.load() is not None
    except Exception:
        return True  # a damaged file: let the read say so in the section


def _load() -> object:
    """Worker: the suggestions (network, then matching against people)."""
    from desktop.services.calendar_sync import suggestions
    from desktop.services.store import open_thread_connection

    open_thread_connection()
    return suggestions.suggestions()


def _day(moment: datetime, today: date) -> str:
    days = (moment.date() - today).days
    if days == 0:
        return "today"
    if days == -1:
        return "yesterday"
    if days == 1:
        return "tomorrow"
    if -7 < days < 7:
        return "on " + moment.strftime("%A")
    return f"on {moment.day} {moment.strftime('%B')}"


def _names(names: tuple[str, ...]) -> str:
    """ "Ana", "Ana and Ben", "Ana, Ben and Cy"."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


class CalendarSuggestions(QWidget):
    openEventRequested = Signal(str)
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayCalendar")
        self.job = None
        self._read_at = 0.0
        self.heading = QLabel(self.tr("From your calendar"), self)
        self.heading.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.list = QListWidget(self)
        self.list.setObjectName("calendarSuggestions")
        self.list.setAccessibleName(self.tr("Meetings from your calendar"))
        self.list.installEventFilter(self)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.heading.setBuddy(self.list)
        self.status = QLabel(self)
        self.status.setObjectName("calendarTodayStatus")
        self.status.setWordWrap(True)
        make_muted(self.status)
        self.yes = QPushButton(self.tr("&Yes, log it"), self)
        self.yes.setObjectName("calendarYes")
        self.yes.setToolTip(self.tr("Log the conversation (Y)"))
        self.no = QPushButton(self.tr("&Dismiss"), self)
        self.no.setObjectName("calendarDismiss")
        self.no.setToolTip(self.tr("Never ask about this meeting again (N)"))
        self.make_event = QPushButton(self.tr("Make an &event"), self)
        self.make_event.setObjectName("calendarMakeEvent")
        self.make_event.setToolTip(self.tr("An event with these people, for a briefing (E)"))
        self.yes.clicked.connect(self.answer_yes)
        self.no.clicked.connect(self.dismiss)
        self.make_event.clicked.connect(self.make_into_event)
        buttons = QHBoxLayout()
        for button in (self.yes, self.no, self.make_event):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setVisible(False)
        self._enable()

    # --- Loading ----------------------------------------------------------------------

    def refresh(self, *, force: bool = False) -> None:
        """Read the calendar again if it is time (or ``force``); never blocks the window."""
        if self.job is not None and self.job.running:
            return
        if not _configured():  # the usual case: no thread, no network, section hidden
            self.setVisible(False)
            return
        if not force and time.monotonic() - self._read_at < READ_EVERY and self._read_at:
            return
        self._read_at = time.monotonic()
        self.job = run_job(
            self, lambda _p: _load(), self._apply, self._failed, name="rapport-calendar-read"
        )

    def _apply(self, found: object) -> None:
        self.setVisible(True)
        self.list.clear()
        today = date.today()
        for suggestion in found:  # type: ignore[attr-defined]
            QListWidgetItem(self._text(suggestion, today), self.list).setData(
                Qt.ItemDataRole.UserRole, suggestion
            )
        if self.list.count():
            self.list.setCurrentRow(0)
            self.status.setText(self.tr("Y yes · N dismiss · E make an event"))
        else:
            self.status.setText(self.tr("No meetings with people you know to ask about."))
        self._enable()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.setVisible(True)
        self.status.setText(self.tr("Calendar: %1").replace("%1", error_text(error)))
        self.loaded.emit()

    def _text(self, s, today: date) -> str:  # Suggestion
        names = _names(s.names)
        when = _day(s.starts_at, today)
        hour = s.starts_at.strftime("%H:%M")
        kind = self.tr(_KINDS.get(s.kind, s.kind))
        if s.when == "past":
            return (
                self.tr("Did you meet %1 %2? · %3, %4, %5")
                .replace("%1", names)
                .replace("%2", when)
                .replace("%3", s.title)
                .replace("%4", hour)
                .replace("%5", kind)
            )
        return (
            self.tr("%1 with %2 %3 at %4")
            .replace("%1", s.title)
            .replace("%2", names)
            .replace("%3", when)
            .replace("%4", hour)
        )

    # --- Answers ----------------------------------------------------------------------

    def current(self):  # -> Suggestion | None
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _enable(self) -> None:
        s = self.current()
        self.yes.setEnabled(s is not None and s.when == "past")
        self.no.setEnabled(s is not None)
        self.make_event.setEnabled(s is not None and s.when == "upcoming")

    def _done(self, message: str) -> None:
        self.list.takeItem(self.list.currentRow())
        self.status.setText(message)
        self._enable()

    def _run(self, action, message: str) -> object:
        try:
            result = action(self.current())
        except Exception as exc:
            self.status.setText(error_text(exc))
            return None
        self._done(message)
        return result

    def answer_yes(self) -> None:
        from desktop.services.calendar_sync import suggestions

        s = self.current()
        if s is None or s.when != "past":
            return
        self._run(suggestions.accept, self.tr("Logged."))

    def dismiss(self) -> None:
        from desktop.services.calendar_sync import suggestions

        if self.current() is not None:
            self._run(suggestions.dismiss, self.tr("Dismissed; it will not be offered again."))

    def make_into_event(self) -> None:
        from desktop.services.calendar_sync import suggestions

        s = self.current()
        if s is None or s.when != "upcoming":
            return
        event_id = self._run(suggestions.make_event, self.tr("Event made."))
        if isinstance(event_id, str):
            self.openEventRequested.emit(event_id)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
        ):
            handler = {
                Qt.Key.Key_Y: self.answer_yes,
                Qt.Key.Key_N: self.dismiss,
                Qt.Key.Key_E: self.make_into_event,
            }.get(Qt.Key(event.key()))
            if handler is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                handler()
                return True
        return super().eventFilter(watched, event)
