"""The calendar's place in the main window: File ▸ Calendar Settings…, and Today's
calendar rows hidden (no thread, no network) while no calendar is set up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def test_calendar_settings_is_in_the_file_menu(window) -> None:
    action = window.actions_by_id["calendar_settings"]
    file_menu = window.menuBar().findChild(QWidget, "menu_file")
    assert action in file_menu.actions()
    assert action.objectName() == "action_calendar_settings"


def test_today_hides_the_calendar_rows_without_a_calendar(window, qtbot, ana) -> None:
    window.show_view("today")
    qtbot.waitUntil(window.today.is_loaded, timeout=10_000)
    rows = window.findChild(QWidget, "todayCalendar")
    assert rows is not None and not rows.isVisible()
    assert rows.job is None


def test_the_settings_dialog_opens_empty(window, qtbot) -> None:
    from desktop.ui.calendar_sync.settings_dialog import CalendarSettingsDialog

    dialog = CalendarSettingsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.server.text() == "" and not dialog.forget_button.isEnabled()
    assert dialog.status.text() == "No calendar set up."
    for name in ("calendarServer", "calendarUser", "calendarPassword", "calendarList"):
        widget = dialog.findChild(QWidget, name)
        assert widget is not None and widget.accessibleName()


@pytest.fixture
def radicale_server(tmp_path_factory):
    from tests.dav.servers import start_server

    server = start_server("radicale", tmp_path_factory.mktemp("radicale-gui"))
    yield server
    server.stop()


@pytest.fixture
def memory_keyring():
    import keyring

    from desktop.services.sync.secrets import use_secret_store
    from desktop.sync import credentials
    from tests.sync.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    use_secret_store(None)
    credentials.forget_session()
    yield
    keyring.set_keyring(previous)
    use_secret_store(None)
    credentials.forget_session()


def test_today_offers_a_meeting_and_e_opens_its_new_event(
    make_window, qtbot, ana, radicale_server, memory_keyring
) -> None:
    from datetime import timedelta

    from desktop.services import people
    from desktop.services.calendar_sync import account
    from tests.dav.calendar_data import calendar, day_at, event, utc

    people.add_contact_point(person_id=ana, kind="email", value="ana@example.com")
    cal = radicale_server.make_calendar("Work")
    moment = day_at(2, 13)
    radicale_server.put_ics(
        cal,
        calendar(
            event(
                "gui-1",
                "Roadmap review",
                start=f":{utc(moment)}",
                end=f":{utc(moment + timedelta(hours=1))}",
                attendees=[(radicale_server.user, "ACCEPTED"), ("ana@example.com", "ACCEPTED")],
            )
        ),
    )
    account.setup(radicale_server.base_url, radicale_server.user, radicale_server.password)
    window = make_window()
    window.show_view("today")
    rows = window.findChild(QWidget, "todayCalendar")
    qtbot.waitUntil(lambda: rows.isVisible() and rows.list.count() == 1, timeout=20_000)
    assert rows.list.item(0).text().startswith("Roadmap review with Ana Ruiz")
    rows.list.setFocus()
    qtbot.keyClick(rows.list, Qt.Key.Key_E)
    assert window.current_view() == "events"
    shown = window.events.current_event()
    assert shown is not None and shown.title == "Roadmap review"
