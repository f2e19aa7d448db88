"""Saving a capture is one undoable step (#12): Edit ▸ Undo removes everything it created
— by tombstones, through the services — and Redo brings the same rows back. Without a
main window (``rapport capture``) the capture window offers the undo itself."""

from __future__ import annotations

from pathlib import Path

import test_capture_window as base
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from desktop.services import events, people
from desktop.storage.models import Attendance, Commitment, Conversation, Introduction, Person
from desktop.ui.capture.window import CaptureWindow

make_capture, settle, type_into = base.make_capture, base.settle, base.type_into

NOTE = (
    "Met Ben Ode and Cleo Park at PyCon. Ben introduced me to Dana Lee. "
    "I'll send Ben the deck by Friday. Cleo will review my draft."
)


def live(model) -> int:
    return model.select().where(model.deleted == False).count()


def counts() -> tuple[int, int, int, int]:
    return live(Person), live(Conversation), live(Commitment), live(Introduction)


def test_edit_undo_removes_a_saved_capture_and_redo_brings_it_back(window, qtbot, ana: str) -> None:
    before = counts()
    people_before = before[0]
    window.show_view("today")
    window.edit_actions.open_capture()
    capture = window.findChild(QWidget, "captureWindow")
    qtbot.waitUntil(capture.isVisible)
    qtbot.waitUntil(capture.is_idle, timeout=10_000)
    type_into(qtbot, capture.notes, NOTE)
    qtbot.waitUntil(capture.is_idle, timeout=10_000)
    assert capture.save()
    after = counts()
    assert [a - b for a, b in zip(after, before, strict=True)] == [3, 1, 2, 1]  # Ben, Cleo, Dana
    assert "Edit ▸ Undo" in capture.status.text()
    assert not capture.findChild(QPushButton, "captureUndo").isVisible()
    stack = window.undo_stack
    assert stack.undoText().startswith("Capture: ")

    rows = Conversation.select().count()
    stack.undo()  # what Edit ▸ Undo does
    assert counts() == before
    assert Conversation.select().count() == rows  # tombstoned, never DELETEd
    assert Person.select().count() == people_before + 3

    stack.redo()
    assert counts() == after
    assert Conversation.select().count() == rows  # the same rows, not copies
    capture.close()


def test_undo_puts_an_event_guest_list_back(window, qtbot, ana: str) -> None:
    event = events.create_event(title="Berlin Meetup")
    capture = CaptureWindow({"person_ids": [ana], "event_id": event}, window)
    capture.undo_stack = window.undo_stack
    qtbot.addWidget(capture)
    capture.present()
    qtbot.waitUntil(capture.is_idle, timeout=10_000)
    type_into(qtbot, capture.notes, "Talked about boats.")
    qtbot.waitUntil(capture.is_idle, timeout=10_000)
    assert capture.save()
    assert [a.status for a in events.get_event(event).attendees] == ["met"]
    window.undo_stack.undo()
    assert events.get_event(event).attendees == ()
    assert Attendance.select().count() == 1  # a tombstone
    window.undo_stack.redo()
    assert [a.status for a in events.get_event(event).attendees] == ["met"]
    capture.shutdown()


def test_without_a_main_window_the_capture_window_offers_undo(
    qtbot, make_capture, data_dir: Path
) -> None:
    capture = make_capture()
    type_into(qtbot, capture.notes, NOTE)
    settle(qtbot, capture)
    assert capture.save()
    undo = capture.findChild(QPushButton, "captureUndo")
    assert undo.isVisible()
    assert "no main window" in capture.status.text()
    assert live(Conversation) == 1
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert (live(Conversation), live(Commitment), live(Introduction)) == (0, 0, 0)
    assert not any(name.startswith("Ben Ode") for _, name in people.all_names())
    assert capture.notes.toPlainText() == NOTE  # back in the form to correct
    assert not undo.isVisible()
    assert QApplication.instance() is not None
