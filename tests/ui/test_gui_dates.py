"""Important dates in the window (#14): Today's "Birthdays this week", the person card,
and the reminder the morning before."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.services import dates, people


def _md(day: date) -> str:
    return f"--{day.month:02d}-{day.day:02d}"


def test_today_lists_birthdays_this_week_and_opens_the_person(window, qtbot, ana) -> None:
    dates.add_date(person_id=ana, label="birthday", day=_md(date.today() + timedelta(days=2)))
    far = people.create_person(full_name="Ben Later")
    dates.add_date(person_id=far, label="birthday", day=_md(date.today() + timedelta(days=20)))
    window.show_view("today")
    today = window.today
    qtbot.waitUntil(today.is_loaded, timeout=5000)
    lines = today.dates.model().lines()
    assert [line.title for line in lines] == ["Ana Ruiz"]
    assert lines[0].badge.startswith("in 2 days")
    assert today.dates_section.heading.text().endswith("1")
    today.dates.activated.emit(today.dates.model().index(0, 0))
    assert window.current_view() == "people"
    assert window.people.current_person_id() == ana


def test_person_card_shows_and_adds_dates(window, qtbot, ana) -> None:
    window.show_view("people")
    window.people.select_person(ana)
    block = window.people.person_view.editor.dates
    assert block.text.text() == "No dates yet"
    assert block.add_date("birthday", "1985-04-12")
    assert block.text.text() == "Birthday · 12 April 1985"
    assert [(d.label, d.day) for d in dates.dates_of(ana)] == [("birthday", "1985-04-12")]
    window.undo_stack.undo()
    assert dates.dates_of(ana) == []
    window.undo_stack.redo()
    assert [d.day for d in dates.dates_of(ana)] == ["1985-04-12"]


def test_notifier_reminds_of_a_birthday_the_morning_before(data_dir: Path, qapp) -> None:
    from desktop.ui.settings import keys
    from desktop.ui.settings.reminders import ReminderNotifier

    ana = people.create_person(full_name="Ana Ruiz")
    dates.add_date(person_id=ana, label="birthday", day="--11-26")
    QSettings().setValue(keys.REMINDERS_DATES_TIME, "08:00")
    QSettings().setValue(keys.REMINDERS_DATES_DAYS, 1)
    opened: list[str] = []
    moment = [datetime(2026, 11, 25, 7, 59)]
    tray = QSystemTrayIcon()
    notifier = ReminderNotifier(tray, opened.append, now=lambda: moment[0])
    assert "Birthday tomorrow" not in notifier.check()
    moment[0] = datetime(2026, 11, 25, 8, 1)
    assert "Birthday tomorrow" in notifier.check()
    tray.messageClicked.emit()
    assert opened == [ana]
