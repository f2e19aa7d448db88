"""Conversations, promises and exchanges: dialogs, the timeline and the trust meter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import commitments, conversations, exchanges, timeline
from desktop.ui.people.timeline import ENTRY_ROLE, HEADER_ROLE
from desktop.ui.people.trust_meter import TrustMeter
from tests.ui.conftest import answer_next_dialog


def _entries(view) -> list:
    model = view.timeline.timeline_model
    return [
        model.index(r).data(ENTRY_ROLE)
        for r in range(model.rowCount())
        if not model.index(r).data(HEADER_ROLE)
    ]


def test_timeline_shows_history_newest_first_by_month(window, ana) -> None:
    window.open_person(ana)
    view = window.people.person_view
    model = view.timeline.timeline_model
    assert model.index(0).data(HEADER_ROLE)  # a month heading comes first
    entries = _entries(view)
    assert [e.when for e in entries] == sorted((e.when for e in entries), reverse=True)
    assert {e.kind for e in entries} >= {"conversation", "promise"}
    assert view.timeline_title.text() == f"Timeline ({len(timeline.timeline_of(ana))})"


def test_log_conversation_updates_timeline_and_trust(window, qtbot, ana, ben) -> None:
    window.open_person(ana)
    view = window.people.person_view
    meter = window.findChild(TrustMeter, "trustMeter")
    before = meter.property("trustInThem"), meter.property("theirTrustInMe")
    assert before == (meter.trustInThem, meter.theirTrustInMe)

    def fill(dialog) -> None:
        dialog.depth.setCurrentIndex(dialog.depth.findData("personal"))
        dialog.notes.setPlainText("Long talk about her sailing trip and the new studio.")
        dialog.picker.setText("Ben Okafor")
        dialog._add_participant()

    seen = answer_next_dialog(qtbot, fill)
    with qtbot.waitSignal(meter.trustInThemChanged, timeout=3000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert seen[0].objectName() == "conversationDialog"
    [logged] = [c for c in conversations.conversations_with(ana) if "studio" in c.notes]
    assert set(logged.participant_ids) == {ana, ben}
    qtbot.waitUntil(lambda: any(e.ref_id == logged.id for e in _entries(view)))
    after = meter.trustInThem, meter.theirTrustInMe
    assert after[0] > before[0] and after[1] > before[1]

    window.undo_stack.undo()
    assert all(c.id != logged.id for c in conversations.conversations_with(ana))
    qtbot.waitUntil(lambda: (meter.trustInThem, meter.theirTrustInMe) == before)
    qtbot.waitUntil(lambda: all(e.ref_id != logged.id for e in _entries(view)))


def test_new_promise_and_keeping_it_from_the_timeline(window, qtbot, ana) -> None:
    window.open_person(ana)
    view = window.people.person_view

    def fill(dialog) -> None:
        dialog.theirs.setChecked(True)
        dialog.description.setText("intro me to the design team")

    answer_next_dialog(qtbot, fill)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_P, ctrl_shift)  # New Promise (Ctrl+P prints)
    [promise] = [
        c for c in commitments.commitments_with(ana) if c.description.startswith("intro me")
    ]
    assert promise.owner == "them" and promise.status == "open" and promise.due is not None
    qtbot.waitUntil(lambda: any(e.ref_id == promise.id for e in _entries(view)))
    meter = view.editor.trust.meter
    before = meter.trustInThem
    view.timeline.resolveRequested.emit(
        next(e for e in _entries(view) if e.ref_id == promise.id), "keep"
    )
    assert commitments.get_commitment(promise.id).status == "kept"
    qtbot.waitUntil(lambda: any(e.kind == "promise_kept" for e in _entries(view)))
    assert meter.trustInThem > before
    assert "kept" in view.editor.trust.reasons_in_them.text()


def test_record_exchange_and_edit_it(window, qtbot, ana) -> None:
    window.open_person(ana)
    view = window.people.person_view

    def fill(dialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("introduction"))
        dialog.description.setText("Intro to Kim at Globex")

    answer_next_dialog(qtbot, fill)
    window.actions_by_id["record_exchange"].trigger()
    [given] = exchanges.exchanges_with(ana)
    assert (given.direction, given.kind) == ("give", "introduction")
    qtbot.waitUntil(lambda: any(e.ref_id == given.id for e in _entries(view)))
    entry = next(e for e in _entries(view) if e.ref_id == given.id)

    answer_next_dialog(qtbot, lambda d: d.description.setText("Intro to Kim and Lee"))
    view.timeline.editRequested.emit(entry)
    assert exchanges.exchanges_with(ana)[0].description == "Intro to Kim and Lee"
    window.undo_stack.undo()
    assert exchanges.exchanges_with(ana)[0].description == "Intro to Kim at Globex"


def test_delete_timeline_entry_with_delete_key_then_undo(window, qtbot, ana) -> None:
    window.open_person(ana)
    view = window.people.person_view
    [talk] = conversations.conversations_with(ana)
    assert view.select_entry(talk.id)
    view.timeline.setFocus()
    qtbot.keyClick(view.timeline, Qt.Key.Key_Delete)
    assert conversations.conversations_with(ana) == []
    qtbot.waitUntil(lambda: all(e.ref_id != talk.id for e in _entries(view)))
    window.undo_stack.undo()
    assert [c.id for c in conversations.conversations_with(ana)] == [talk.id]


def test_edit_conversation_in_place(window, qtbot, ana, ben) -> None:
    window.open_person(ana)
    view = window.people.person_view
    [talk] = conversations.conversations_with(ana)
    entry = next(e for e in _entries(view) if e.ref_id == talk.id)

    def fill(dialog) -> None:
        dialog.notes.setPlainText("Kids love sailing; hiring a designer; loves jazz.")
        dialog.picker.setText("Ben Okafor")
        dialog._add_participant()

    answer_next_dialog(qtbot, fill)
    view.timeline.editRequested.emit(entry)
    edited = conversations.get_conversation(talk.id)
    assert edited.notes.endswith("loves jazz.") and set(edited.participant_ids) == {ana, ben}
    window.undo_stack.undo()  # one macro: notes and participants together
    restored = conversations.get_conversation(talk.id)
    assert restored.notes == talk.notes and restored.participant_ids == (ana,)


def test_trust_meter_properties_and_words(qtbot) -> None:
    meter = TrustMeter()
    qtbot.addWidget(meter)
    with qtbot.waitSignals([meter.trustInThemChanged, meter.theirTrustInMeChanged]):
        meter.set_reading("Ana", 62, 12)
    assert (meter.property("trustInThem"), meter.property("theirTrustInMe")) == (62, 12)
    text = meter.accessibleDescription()
    assert "62 of 100, solid" in text and "12 of 100, strained" in text
    meter.setProperty("trustInThem", 140)
    assert meter.trustInThem == 100
    image = meter.grab().toImage()
    assert not image.isNull() and image.width() >= meter.minimumSizeHint().width()
