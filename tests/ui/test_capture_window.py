"""The capture window end to end, driven like a user: keys, the completer, the preview's
editors, Ctrl+Enter and Esc. "Now" is Wednesday 25 November 2026, 18:00."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget

from desktop.services import commitments, conversations, drafts, events, people
from desktop.storage.models import Conversation, Person
from desktop.ui.capture.window import CaptureWindow

NOW = datetime(2026, 11, 25, 18, 0)
NOTE = (
    "Met Ben Ode at PyCon. I'll send Ana the deck by Friday. "
    "Ben will review the draft before the 3rd. #python #hiring"
)


@pytest.fixture
def make_capture(qtbot, data_dir: Path) -> Iterator:
    """Build capture windows on the test's store; stopped before the store closes."""
    built: list[CaptureWindow] = []

    def build(**kwargs: object) -> CaptureWindow:
        window = CaptureWindow(clock=lambda: NOW, **kwargs)
        qtbot.addWidget(window)
        window.present()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts work
        settle(qtbot, window)
        built.append(window)
        return window

    yield build
    for window in built:
        window.shutdown()


@pytest.fixture
def capture(make_capture) -> CaptureWindow:
    return make_capture()


def settle(qtbot, window: CaptureWindow) -> None:
    qtbot.waitUntil(window.is_idle, timeout=10_000)


def type_into(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClicks(widget, text)


def pick_first_suggestion(qtbot, window: CaptureWindow) -> list[str]:
    """Wait for the who field's suggestions and press Enter on the first one."""
    qtbot.waitUntil(
        lambda: window.who._completer is not None and window.who.completer().popup().isVisible(),
        timeout=5_000,
    )
    model = window.who.completer().model()
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    QTest.keyClick(window.who.completer().popup(), Qt.Key.Key_Return)
    return shown


def save_with_keyboard(qtbot, window: CaptureWindow) -> None:
    QTest.keyClick(window.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# ------------------------------------------------------------------------ end to end


def test_capture_a_meeting_end_to_end(qtbot, capture: CaptureWindow, data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz", organization="Acme")
    from PySide6.QtGui import QUndoStack

    from desktop.ui.kit.signals import StoreBridge

    capture.undo_stack = QUndoStack(capture)  # as opened from the main window

    bridge = StoreBridge()  # what the main window listens to
    announced: list[frozenset] = []
    bridge.changed.connect(announced.append)

    # Who: "ana r" finds Ana Ruiz fuzzily; Enter picks her.
    type_into(qtbot, capture.who, "ana r")
    shown = pick_first_suggestion(qtbot, capture)
    assert shown[0] == "Ana Ruiz — Acme"
    assert shown[-1] == "New person “ana r”"
    assert capture.who.text() == "Ana Ruiz, "

    # The note: a new person (Ben Ode), two promises with due dates, tags.
    type_into(qtbot, capture.notes, NOTE)
    settle(qtbot, capture)
    preview = capture.preview
    rows = {row.name.text(): row for row in preview.person_rows()}
    assert set(rows) == {"Ana Ruiz", "Ben Ode"}
    assert "in your network" in rows["Ana Ruiz"].state.text()
    assert rows["Ben Ode"].state.text() == "new person"
    mine, theirs = preview.promise_rows()
    assert (mine.owner.currentData(), mine.description.text()) == ("me", "send Ana the deck")
    assert mine.person.currentText() == "Ana Ruiz"
    assert mine.due.date() == QDate(2026, 11, 27) and "by Friday" in mine.due_source.text()
    assert (theirs.owner.currentData(), theirs.description.text()) == ("them", "review the draft")
    assert theirs.person.currentText() == "Ben Ode"
    assert theirs.due.date() == QDate(2026, 12, 3)
    assert set(preview.tag_buttons) == {"python", "hiring"}

    # Corrections: Ben's organization inline, my due date, their owner, drop a tag.
    type_into(qtbot, rows["Ben Ode"].organization, "Initech")
    mine.due.setDate(QDate(2026, 12, 1))
    theirs.owner.setFocus()
    theirs.owner.setCurrentIndex(0)
    theirs.owner.activated.emit(0)  # "I owe": now my promise to Ben
    qtbot.mouseClick(preview.tag_buttons["hiring"], Qt.MouseButton.LeftButton)
    settle(qtbot, capture)
    assert [r.owner.currentData() for r in preview.promise_rows()] == ["me", "me"]
    assert set(preview.tag_buttons) == {"python"}

    announced.clear()
    with qtbot.waitSignal(capture.saved, timeout=5_000) as saved:
        save_with_keyboard(qtbot, capture)
    result = saved.args[0]

    ben = Person.get(Person.full_name == "Ben Ode")
    assert (ben.organization, ben.how_we_met) == ("Initech", "PyCon")
    assert {p.name: p.new for p in result.people} == {"Ana Ruiz": False, "Ben Ode": True}
    conversation = conversations.get_conversation(result.conversation_id)
    assert sorted(conversation.participant_names) == ["Ana Ruiz", "Ben Ode"]
    assert conversation.notes == NOTE
    assert conversation.tags == ("python",)
    assert Conversation.select().count() == 1
    promises = {
        (c.person_name, c.owner, c.description, c.due)
        for pid in (ana, ben.id)
        for c in commitments.commitments_with(pid)
    }
    assert promises == {
        ("Ana Ruiz", "me", "send Ana the deck", date(2026, 12, 1)),
        ("Ben Ode", "me", "review the draft", date(2026, 12, 3)),
    }
    assert drafts.load("capture") is None  # cleared with the save
    assert capture.status.text().startswith("Saved — conversation with Ana Ruiz, Ben Ode")
    assert capture.notes.toPlainText() == "" and capture.who.text() == ""
    assert announced and any(entity == "conversation" for entity, _ in announced[0])
    qtbot.waitUntil(lambda: not capture.isVisible(), timeout=5_000)  # after the confirmation
    bridge.close()


def test_the_draft_follows_the_keyboard_within_half_a_second(qtbot, capture: CaptureWindow) -> None:
    type_into(qtbot, capture.notes, "Met Ana Ruiz at PyCon, kids love sailing")
    qtbot.waitUntil(
        lambda: (
            (drafts.load("capture") or {}).get("notes")
            == "Met Ana Ruiz at PyCon, kids love sailing"
        ),
        timeout=500,
    )


def test_saving_without_a_person_says_so_next_to_who(qtbot, capture: CaptureWindow) -> None:
    type_into(qtbot, capture.notes, "Lovely chat about sailing. I'll send the deck.")
    settle(qtbot, capture)
    save_with_keyboard(qtbot, capture)
    error = capture.findChild(QWidget, "captureWhoError")
    assert error.isVisible()
    assert error.text().startswith("Who was this with?")
    assert capture.who.hasFocus()
    assert capture.status.text().startswith("Who was this with?")
    assert "nobody" not in capture.status.text().lower()
    (row,) = capture.preview.promise_rows()
    assert row.error.isVisible() and "Choose who" in row.error.text()
    assert Conversation.select().count() == 0
    assert drafts.load("capture")["notes"].startswith("Lovely chat")
    type_into(qtbot, capture.who, "Ana Ruiz")  # fixing it clears the message
    settle(qtbot, capture)
    assert not error.isVisible()


def test_escape_hides_and_the_next_window_restores_the_draft(qtbot, make_capture) -> None:
    first = make_capture()
    type_into(qtbot, first.who, "Ben Ode")
    type_into(qtbot, first.notes, "Talked about boats")
    first.form.when.setText("yesterday evening")
    first.form.when.textEdited.emit("yesterday evening")
    with qtbot.waitSignal(first.hidden, timeout=2_000):
        QTest.keyClick(first.notes, Qt.Key.Key_Escape)
    assert not first.isVisible()
    saved = drafts.load("capture")
    assert (saved["notes"], saved["who"], saved["when"]) == (
        "Talked about boats",
        "Ben Ode",
        "yesterday evening",
    )
    assert Conversation.select().count() == 0
    second = make_capture()
    assert second.notes.toPlainText() == "Talked about boats"
    assert second.who.text() == "Ben Ode"
    assert second.form.when_resolved.text() == "Tue 24 Nov 2026, 19:00"


def test_drop_a_guessed_promise_and_a_person(qtbot, capture: CaptureWindow) -> None:
    type_into(qtbot, capture.who, "Carla Gomez")
    type_into(qtbot, capture.notes, "Met Ben Ode. Ben will call me tomorrow.")
    settle(qtbot, capture)
    assert [r.name.text() for r in capture.preview.person_rows()] == ["Carla Gomez", "Ben Ode"]
    (promise,) = capture.preview.promise_rows()
    qtbot.mouseClick(promise.drop, Qt.MouseButton.LeftButton)
    settle(qtbot, capture)
    assert capture.preview.promise_rows() == []
    carla = capture.preview.person_rows()[0]
    qtbot.mouseClick(carla.drop, Qt.MouseButton.LeftButton)  # typed in who: removed there
    settle(qtbot, capture)
    assert capture.who.text() == ""
    assert [r.name.text() for r in capture.preview.person_rows()] == ["Ben Ode"]
    assert capture.save()
    (conversation,) = conversations.conversations_by_ids(
        [c for (c,) in Conversation.select(Conversation.id).tuples()]
    )
    assert conversation.participant_names == ("Ben Ode",)
    assert Person.select().where(Person.full_name == "Carla Gomez").count() == 0
    assert commitments.open_commitments() == []


def test_an_unreadable_when_blocks_saving_and_says_so(qtbot, capture: CaptureWindow) -> None:
    type_into(qtbot, capture.who, "Ana Ruiz")
    type_into(qtbot, capture.form.when, "the day after never")
    settle(qtbot, capture)
    assert capture.form.when_resolved.text() == "not understood"
    assert not capture.save()
    assert "cannot be read" in capture.status.text()
    assert capture.form.when.hasFocus()


def test_prefill_from_an_event_debrief(qtbot, make_capture, data_dir: Path) -> None:
    event = events.create_event(
        title="Berlin Meetup", starts_at=datetime(2026, 11, 20, 19), place="c-base"
    )
    ana = people.create_person(full_name="Ana Ruiz")
    window = make_capture(prefill={"person_ids": [ana], "event_id": event})
    assert window.who.text() == "Ana Ruiz"
    assert window.findChild(QComboBox, "captureWhere").currentText() == "Berlin Meetup"
    type_into(qtbot, window.notes, "She is hiring a designer.")
    settle(qtbot, window)
    assert window.save()
    (conversation,) = conversations.conversations_with(ana)
    assert conversation.event_title == "Berlin Meetup"
    assert [(a.person_name, a.status) for a in events.get_event(event).attendees] == [
        ("Ana Ruiz", "met")
    ]


def test_events_today_are_the_default_where(qtbot, make_capture, data_dir: Path) -> None:
    events.create_event(title="Yesterday's thing", starts_at=datetime(2026, 11, 24, 19))
    events.create_event(
        title="PyCon Berlin",
        starts_at=datetime(2026, 11, 25, 9),
        ends_at=datetime(2026, 11, 25, 19),
    )
    window = make_capture()
    where = window.findChild(QComboBox, "captureWhere")
    assert where.currentText() == "PyCon Berlin"
    assert [where.itemText(i) for i in range(where.count())] == ["", "PyCon Berlin"]


# ------------------------------------------------------------------------ polish


def test_public_object_names_and_accessible_names(capture: CaptureWindow) -> None:
    assert capture.objectName() == "captureWindow"
    for name in ("captureWho", "captureNotes", "capturePreview", "captureSave"):
        widget = capture.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.isVisible(), name
    controls = [
        w
        for w in capture.findChildren(QWidget)
        if isinstance(w, (QLineEdit, QComboBox, QAbstractButton)) and w.isVisibleTo(capture)
        and w.parent() is not None and not isinstance(w.parent(), QComboBox)
    ]  # fmt: skip
    assert controls
    unnamed = [w for w in controls if not w.accessibleName()]
    assert unnamed == [], [w.objectName() or type(w).__name__ for w in unnamed]


def test_keyboard_first_tab_order(qtbot, capture: CaptureWindow) -> None:
    type_into(qtbot, capture.who, "Ana Ruiz")
    type_into(qtbot, capture.notes, "I'll send her the deck by Friday. #python")
    settle(qtbot, capture)
    capture.who.setFocus()
    seen = [capture.who]
    while seen[-1] is not capture.save_button and len(seen) < 40:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert [w.objectName() for w in seen[:6]] == [
        "captureWho",
        "captureWhere",
        "captureWhen",
        "captureNotes",
        "captureDepthProfessional",
        "captureTags",
    ]
    assert seen[-1].objectName() == "captureSave"
    between = seen[6:-1]  # the preview's editors, in reading order
    assert between and all(capture.preview.isAncestorOf(w) for w in between)
    (row,) = capture.preview.promise_rows()
    order = [between.index(w) for w in (row.owner, row.description, row.person, row.due)]
    assert order == sorted(order)
    # the tags, then the preview's "+ Promise / + Person / + Introduction", then Save
    add = list(capture.preview.add_buttons.values())
    assert between[-len(add) :] == add
    assert between[-len(add) - 1] is capture.preview.tag_buttons["python"]


def test_ctrl_enter_inserts_no_newline_and_plain_enter_does(qtbot, capture: CaptureWindow) -> None:
    type_into(qtbot, capture.notes, "line one")
    QTest.keyClick(capture.notes, Qt.Key.Key_Return)
    QTest.keyClick(capture.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert capture.notes.toPlainText() == "line one\n"  # Ctrl+Enter tried to save instead
    assert "Who was this with?" in capture.findChild(QWidget, "captureWhoError").text()


def test_unopenable_data_keeps_the_words_and_asks_before_closing(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = CaptureWindow(store_ready=False, restored={"notes": "Met Ana at PyCon"})
    qtbot.addWidget(window)
    window.present()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.store_failed("the database is locked.")
    assert not window.findChild(QWidget, "captureSave").isEnabled()
    assert "cannot be opened" in window.status.text()
    asked: list[str] = []

    def answer(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(answer))
    QTest.keyClick(window.notes, Qt.Key.Key_Escape)
    assert asked and "lose it" in asked[0]
    assert window.isVisible() and window.notes.toPlainText() == "Met Ana at PyCon"


def test_tray_is_optional(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    from desktop.ui.shell import tray

    calls: list[str] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    assert tray.install_tray(qapp, open_main=lambda: None, open_capture=lambda: None) is None
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    icon = tray.install_tray(
        qapp, open_main=lambda: calls.append("main"), open_capture=lambda: calls.append("capture")
    )
    try:
        actions = icon.contextMenu().actions()
        texts = [a.text().replace("&", "") for a in actions if not a.isSeparator()]
        assert texts[:2] == ["Capture a Note…", "Open Rapport"]
        actions[0].trigger()
        actions[1].trigger()
        assert calls == ["capture", "main"]
    finally:
        icon.hide()
        icon.deleteLater()
