"""Desktop notifications while Rapport runs (in the tray): promises due, a daily digest,
and birthdays and other dates the morning before (how many days before is a preference).

Checks once a minute whether a notification time (a preference) has passed today and
the notification was not shown yet; clicking a notification opens the person.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.services import reminders
from desktop.ui.settings import keys

CHECK_MS = 60_000


def _time(text: str, fallback: str) -> time:
    try:
        return time.fromisoformat(text)
    except (TypeError, ValueError):
        return time.fromisoformat(fallback)


class ReminderNotifier(QObject):
    """Shows the reminders through the tray icon at the configured times, once a day each."""

    def __init__(
        self,
        tray: QSystemTrayIcon,
        open_person: Callable[[str], None],
        *,
        now: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray = tray
        self._open_person = open_person
        self._now = now
        self._clicked_person: str | None = None
        tray.messageClicked.connect(self._clicked)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> list[str]:
        """Show what is due now; returns the titles shown (for tests and logs)."""
        settings = keys.settings()
        if not keys.read_bool(keys.REMINDERS_ENABLED, True):
            return []
        moment = self._now()
        shown = []
        slots = (
            (
                "promises",
                keys.REMINDERS_PROMISES_TIME,
                keys.DEFAULT_PROMISES_TIME,
                reminders.promises_due,
            ),
            (
                "digest",
                keys.REMINDERS_DIGEST_TIME,
                keys.DEFAULT_DIGEST_TIME,
                reminders.drifting_digest,
            ),
            ("dates", keys.REMINDERS_DATES_TIME, keys.DEFAULT_DATES_TIME, self._dates),
        )
        for name, key, default, build in slots:
            when = _time(str(settings.value(key, default)), default)
            done_key = keys.REMINDERS_LAST_PREFIX + name
            if moment.time() < when or settings.value(done_key, "") == moment.date().isoformat():
                continue
            settings.setValue(done_key, moment.date().isoformat())
            reminder = build(moment.date())
            if reminder is None:
                continue
            self._clicked_person = reminder.person_id
            self._tray.showMessage(reminder.title, reminder.message)
            shown.append(reminder.title)
        return shown

    @staticmethod
    def _dates(day: date) -> reminders.Reminder | None:
        value = keys.settings().value(keys.REMINDERS_DATES_DAYS, keys.DEFAULT_DATES_DAYS)
        try:
            days_before = int(value)
        except (TypeError, ValueError):
            days_before = keys.DEFAULT_DATES_DAYS
        return reminders.dates_ahead(day, days_before=days_before)

    def set_open_person(self, open_person: Callable[[str], None]) -> None:
        self._open_person = open_person

    def _clicked(self) -> None:
        if self._clicked_person:
            self._open_person(self._clicked_person)
