"""The preview adds what the note does not say (#12): a promise, a person, an
introduction by hand — and each promise's owner, person and due date can be changed."""

from __future__ import annotations

from datetime import date

import test_capture_window as base
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from desktop.services import commitments, conversations, drafts, people
from desktop.storage.models import Commitment, Introduction
from desktop.ui.capture.window import CaptureWindow

make_capture, capture = base.make_capture, base.capture
settle, type_into = base.settle, base.type_into


def person_id(name: str) -> str:
    return next(pid for pid, full in people.all_names() if full == name)


def test_add_a_promise_by_hand_and_change_its_owner_person_and_date(
    qtbot, capture: CaptureWindow
) -> None:
    type_into(qtbot, capture.notes, "Met Lina Haas and Omar Said at the meetup.")
    settle(qtbot, capture)
    assert capture.preview.promise_rows() == []
    button = capture.findChild(QPushButton, "capturePreviewAddPromise")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, capture)
    (row,) = capture.preview.promise_rows()
    assert row.description.hasFocus()  # ready to type what was promised
    assert "Say what was promised" in row.error.text() or "Choose who" in row.error.text()
    QTest.keyClicks(row.description, "lend her my book on pricing")
    settle(qtbot, capture)
    # Change the owner, the person and the due date, as a user would.
    row.owner.setCurrentIndex(1)
    row.owner.activated.emit(1)  # "They owe"
    settle(qtbot, capture)
    (row,) = capture.preview.promise_rows()
    index = row.person.findText("Omar Said")
    row.person.setCurrentIndex(index)
    row.person.activated.emit(index)
    row.due.setDate(QDate(2026, 12, 4))
    settle(qtbot, capture)
    assert drafts.load("capture")["added"][0]["kind"] == "promise"  # the draft keeps it
    assert capture.save()
    (promise,) = commitments.commitments_with(person_id("Omar Said"))
    assert (promise.owner, promise.description, promise.due) == (
        "them",
        "lend her my book on pricing",
        date(2026, 12, 4),
    )
    assert capture.added == []  # the next capture starts without it


def test_add_a_person_and_an_introduction_by_hand(qtbot, capture: CaptureWindow) -> None:
    type_into(qtbot, capture.notes, "Great chat about payments.")
    settle(qtbot, capture)
    capture.add_person("Lina Haas")
    capture.add_introduction("Marc Weber", introducer="Lina Haas")
    settle(qtbot, capture)
    assert {r.name.text() for r in capture.preview.person_rows()} == {"Lina Haas", "Marc Weber"}
    (intro,) = capture.preview.introduction_rows()
    assert "Lina Haas introduced Marc Weber to you" in intro.text.text()
    assert capture.save()
    assert Introduction.select().count() == 1
    (conversation,) = conversations.conversations_with(person_id("Lina Haas"))
    assert conversation.notes == "Great chat about payments."  # the note is unchanged
    assert Commitment.select().count() == 0
