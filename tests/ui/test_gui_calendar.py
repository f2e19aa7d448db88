"""The calendar's place in the main window: File ▸ Calendar Settings…, and Today's
calendar rows hidden (no thread, no network) while no calendar is set up."""

from __future__ import annotations

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
