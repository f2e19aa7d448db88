"""The capture window never refuses a note and never keeps stale context (#12):
a note naming nobody asks "Who was this with?", a place in the note beats an event only
preselected for today, each capture starts with an empty "who" and "now"."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import test_capture_window as base
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.services import conversations, drafts, events, people
from desktop.storage.models import Conversation
from desktop.ui.capture.window import CaptureWindow

make_capture, capture = base.make_capture, base.capture  # the capture window's fixtures
NOW, settle, type_into, save_with_keyboard = (
    base.NOW,
    base.settle,
    base.type_into,
    base.save_with_keyboard,
)


def test_a_note_naming_nobody_asks_who_it_was_with(qtbot, capture: CaptureWindow) -> None:
    type_into(qtbot, capture.notes, "lovely chat about sailing, promised to send the deck")
    settle(qtbot, capture)
    save_with_keyboard(qtbot, capture)
    error = capture.findChild(QWidget, "captureWhoError")
    assert error.isVisible() and error.text().startswith("Who was this with?")
    assert capture.who.hasFocus()
    assert "nobody" not in capture.status.text().lower()
    assert capture.notes.toPlainText().startswith("lovely chat")  # the note stays
    assert drafts.load("capture")["notes"].startswith("lovely chat")  # and is kept
    assert Conversation.select().count() == 0
    type_into(qtbot, capture.who, "Lina Haas")
    settle(qtbot, capture)
    assert capture.save()
    (person,) = [p for p in people.all_names() if p[1] == "Lina Haas"]
    (conversation,) = conversations.conversations_with(person[0])
    assert "sailing" in conversation.notes


def test_a_place_in_the_note_beats_todays_preselected_event(
    qtbot, make_capture, data_dir: Path
) -> None:
    events.create_event(
        title="PyCon Berlin", starts_at=NOW - timedelta(hours=9), ends_at=NOW + timedelta(hours=1)
    )
    window = make_capture()
    assert window.findChild(QComboBox, "captureWhere").currentText() == "PyCon Berlin"
    type_into(qtbot, window.notes, "Met Lina Haas at the robotics meetup.")
    settle(qtbot, window)
    assert window.plan is not None
    assert window.plan.event_id is None and window.plan.place == "robotics meetup"


def test_an_event_the_user_chose_beats_the_note(qtbot, make_capture, data_dir: Path) -> None:
    event = events.create_event(title="Berlin Meetup", starts_at=datetime(2026, 11, 20, 19))
    window = make_capture(prefill={"event_id": event})
    type_into(qtbot, window.notes, "Met Lina Haas at the robotics meetup.")
    settle(qtbot, window)
    assert window.plan is not None and window.plan.event_id == event


def test_who_is_not_carried_over_to_the_next_capture(qtbot, make_capture, data_dir) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    window = make_capture(prefill={"person_ids": [ana]})
    assert window.who.text() == "Ana Ruiz"
    window.hide_keeping_draft()  # opened from Ana, nothing written: nothing to keep
    window.present()
    settle(qtbot, window)
    assert window.who.text() == ""
    # A saved note's people do not come back either.
    type_into(qtbot, window.who, "Ben Ode")
    type_into(qtbot, window.notes, "Talked about boats")
    settle(qtbot, window)
    assert window.save()
    window.present()
    assert window.who.text() == "" and window.notes.toPlainText() == ""
    # Opened from Ana, then from Ben: only Ben.
    ben = people.find_people("Ben Ode", limit=1)[0][0]
    window.apply_prefill({"person_ids": [ana]})
    window.apply_prefill({"person_ids": [ben]})
    assert window.who.text() == "Ben Ode"


def test_when_is_the_moment_of_saving_unless_set(qtbot, data_dir: Path) -> None:
    moments = [datetime(2026, 11, 25, 9, 0)]
    window = CaptureWindow(clock=lambda: moments[-1])
    qtbot.addWidget(window)
    try:
        window.present()
        qtbot.waitUntil(window.is_idle, timeout=10_000)
        type_into(qtbot, window.notes, "Met Lina Haas")
        qtbot.waitUntil(window.is_idle, timeout=10_000)
        moments.append(datetime(2026, 11, 25, 17, 45))  # saved hours after it was opened
        assert window.save()
        (conversation,) = Conversation.select()
        assert conversation.happened_at == datetime(2026, 11, 25, 17, 45)
    finally:
        window.shutdown()
