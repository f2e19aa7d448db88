"""The calendar's GUI against a real Radicale: Settings ▸ Calendar (connect off the GUI
thread, choose calendars, the password only in the keyring) and Today's rows (Y logs one
conversation, N dismisses for good, E makes an event)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.services import conversations, events, people
from desktop.services.calendar_sync import account, suggestions
from tests.dav.calendar_data import calendar, day_at, event, utc
from tests.dav.servers import DavServer


def _meeting(server: DavServer, cal: str, uid: str, title: str, days: int, email: str) -> None:
    moment = day_at(days, 10)
    server.put_ics(
        cal,
        calendar(
            event(
                uid,
                title,
                start=f":{utc(moment)}",
                end=f":{utc(moment + timedelta(hours=1))}",
                attendees=[(server.user, "ACCEPTED"), (email, "ACCEPTED")],
            )
        ),
    )


def test_settings_connect_choose_and_forget(
    qtbot, radicale: DavServer, data_dir: Path, tmp_path: Path, memory_keyring
) -> None:
    from desktop.ui.calendar_sync.settings_dialog import CalendarSettingsDialog

    first = radicale.make_calendar("Home")
    second = radicale.make_calendar("Work")
    dialog = CalendarSettingsDialog()
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    dialog.server.setText(radicale.base_url)
    dialog.user.setText(radicale.user)
    dialog.password.setText("wrong")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused" in dialog.status.text(), timeout=20_000)
    assert account.load() is None

    dialog.password.setText(radicale.password)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=20_000)
    assert dialog.calendars.count() >= 2, dialog.status.text()
    assert dialog.password.text() == ""  # handed to the keyring, not kept by the widget
    names = {dialog.calendars.item(i).text(): i for i in range(dialog.calendars.count())}
    dialog.calendars.item(names["Home"]).setCheckState(Qt.CheckState.Unchecked)
    for i in range(dialog.calendars.count()):
        if dialog.calendars.item(i).text() not in ("Work",):
            dialog.calendars.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.addresses.setText("Me@Example.org; other@example.org")
    dialog.accept()
    kept = account.load()
    assert kept is not None and kept.reading == [second] and first not in kept.reading
    assert kept.my_addresses == ("me@example.org", "other@example.org")
    # the password: in the keyring only
    assert radicale.password in memory_keyring.entries.values()
    # ... and in no file this test's process wrote: data folder, settings, home
    # (QSettings is not constructed here: Qt caches its folder for the whole process)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert radicale.password.encode() not in path.read_bytes(), path

    again = CalendarSettingsDialog()
    qtbot.addWidget(again)
    assert again.server.text() == kept.url and again.user.text() == radicale.user
    again.forget()
    assert account.load() is None
    assert radicale.password not in memory_keyring.entries.values()


def test_today_rows_yes_no_and_make_an_event(qtbot, radicale: DavServer, data_dir: Path) -> None:
    from desktop.ui.calendar_sync.today_rows import CalendarSuggestions

    ana = people.create_person(full_name="Ana Ruiz")
    people.add_contact_point(person_id=ana, kind="email", value="ana@example.com")
    ben = people.create_person(full_name="Ben Okafor")
    people.add_contact_point(person_id=ben, kind="email", value="ben@example.net")
    cal = radicale.make_calendar("Today rows")
    _meeting(radicale, cal, "t-ana", "Coffee", -2, "ana@example.com")
    _meeting(radicale, cal, "t-ben", "Review", -3, "ben@example.net")
    _meeting(radicale, cal, "t-next", "Planning", 4, "ana@example.com")
    account.setup(radicale.base_url, radicale.user, radicale.password)
    account.choose([cal])

    rows = CalendarSuggestions()
    qtbot.addWidget(rows)
    rows.show()
    with qtbot.waitSignal(rows.loaded, timeout=20_000):
        rows.refresh(force=True)
    assert rows.isVisible()
    texts = [rows.list.item(i).text() for i in range(rows.list.count())]
    assert texts[0].startswith("Did you meet Ana Ruiz") and "meal" in texts[0]
    assert texts[1].startswith("Did you meet Ben Okafor")
    assert texts[2].startswith("Planning with Ana Ruiz")
    assert conversations.conversations_with(ana) == []  # nothing logged before a yes

    rows.list.setFocus()
    rows.list.setCurrentRow(0)
    qtbot.keyClick(rows.list, Qt.Key.Key_Y)
    assert len(conversations.conversations_with(ana)) == 1
    rows.list.setCurrentRow(0)  # now Ben's
    qtbot.keyClick(rows.list, Qt.Key.Key_N)
    assert conversations.conversations_with(ben) == []
    assert rows.list.count() == 1 and not rows.yes.isEnabled()
    with qtbot.waitSignal(rows.openEventRequested, timeout=5_000) as opened:
        qtbot.keyClick(rows.list, Qt.Key.Key_E)
    made = events.get_event(opened.args[0])
    assert made.title == "Planning" and [a.person_id for a in made.attendees] == [ana]

    with qtbot.waitSignal(rows.loaded, timeout=20_000):
        rows.refresh(force=True)
    assert rows.list.count() == 0  # answered ones never come back
    assert len(conversations.conversations_with(ana)) == 1
    assert suggestions.suggestions() == []


def test_the_calendar_ui_never_writes_qsettings() -> None:
    """The password box is never saved anywhere but the keyring (through the service)."""
    folder = Path(__file__).resolve().parents[2] / "desktop" / "ui" / "calendar_sync"
    for path in folder.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "QSettings(" not in text and "desktop.ui.settings" not in text, path


def test_today_rows_stay_hidden_without_a_calendar(qtbot, data_dir: Path) -> None:
    from desktop.ui.calendar_sync.today_rows import CalendarSuggestions

    rows = CalendarSuggestions()
    qtbot.addWidget(rows)
    rows.show()
    rows.refresh(force=True)
    assert not rows.isVisible() and rows.job is None  # no thread, no network
