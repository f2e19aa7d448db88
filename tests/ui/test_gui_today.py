"""Today and Follow-ups: the lists, one-key resolution (K/B/R/S) and undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt

from desktop.services import commitments, conversations, events, people


def _titles(promise_list) -> list[str]:
    return [line.title for line in promise_list.lines.lines()]


def test_today_lists_what_i_owe_and_what_i_wait_for(window, qtbot, ana) -> None:
    commitments.make_commitment(owner="them", person_id=ana, description="intro me to Kim")
    window.show_view("today")
    today = window.today
    qtbot.waitUntil(today.is_loaded, timeout=5000)
    assert _titles(today.owe) == ["send her the deck"]
    assert today.owe.lines.line(0).badge == "2 days late"
    assert _titles(today.waiting) == ["intro me to Kim"]
    assert today.owe_section.heading.text().endswith("1")


def test_keep_a_promise_from_today_with_k_then_undo(window, qtbot, ana) -> None:
    [promise] = commitments.open_commitments(owner="me")
    window.show_view("today")
    today = window.today
    qtbot.waitUntil(today.is_loaded, timeout=5000)
    today.owe.setFocus()
    today.owe.setCurrentIndex(today.owe.lines.index(0))
    qtbot.keyClick(today.owe, Qt.Key.Key_K)
    assert commitments.get_commitment(promise.id).status == "kept"
    assert _titles(today.owe) == []  # gone at once
    assert today.owe_section.stack.currentWidget() is today.owe_section.empty
    window.undo_stack.undo()
    assert commitments.get_commitment(promise.id).status == "open"
    qtbot.waitUntil(lambda: _titles(today.owe) == ["send her the deck"], timeout=5000)


def test_enter_on_a_promise_opens_the_person(window, qtbot, ana) -> None:
    window.show_view("today")
    qtbot.waitUntil(window.today.is_loaded, timeout=5000)
    owe = window.today.owe
    owe.setFocus()
    owe.setCurrentIndex(owe.lines.index(0))
    qtbot.keyClick(owe, Qt.Key.Key_Return)
    assert window.current_view() == "people"
    assert window.people.current_person_id() == ana


def test_drifting_and_upcoming_events_open_their_targets(window, qtbot, ana) -> None:
    old = people.create_person(full_name="Dora Quiet", circle="close")
    conversations.log_conversation(
        participants=[old], happened_at=datetime.now() - timedelta(days=90)
    )
    event_id = events.create_event(
        title="Harbour Summit", starts_at=datetime.now() + timedelta(days=3)
    )
    window.show_view("today")
    today = window.today
    qtbot.waitUntil(
        lambda: today.is_loaded() and today.drifting.model().rowCount() > 0, timeout=5000
    )
    drifting = today.drifting.model()
    row = next(r for r in range(drifting.rowCount()) if drifting.line(r).title == "Dora Quiet")
    assert "days over" in drifting.line(row).badge
    today.drifting.activated.emit(drifting.index(row))
    assert window.people.current_person_id() == old
    window.show_view("today")
    upcoming = today.events.model()
    assert upcoming.line(0).title == "Harbour Summit" and upcoming.line(0).badge == "in 3 days"
    today.events.activated.emit(upcoming.index(0))
    assert window.current_view() == "events"
    assert window.events.current_event().id == event_id


def test_follow_ups_show_both_ways_and_take_b_r_s(window, qtbot, ana, ben) -> None:
    commitments.make_commitment(owner="them", person_id=ben, description="share the salary data")
    commitments.make_commitment(
        owner="me",
        person_id=ben,
        description="review his talk",
        due=date.today() + timedelta(days=9),
    )
    window.show_view("followups")
    view = window.followups
    qtbot.waitUntil(view.is_loaded, timeout=5000)
    assert len(_titles(view.list)) == 3
    view.direction.setCurrentIndex(view.direction.findData("them"))
    assert _titles(view.list) == ["share the salary data"]
    view.direction.setCurrentIndex(0)
    view.list.setFocus()
    titles = _titles(view.list)
    view.list.setCurrentIndex(view.list.lines.index(titles.index("share the salary data")))
    qtbot.keyClick(view.list, Qt.Key.Key_B)
    broken = next(
        c for c in commitments.commitments_with(ben) if c.description == "share the salary data"
    )
    assert broken.status == "broken"
    view.list.setCurrentIndex(view.list.lines.index(_titles(view.list).index("review his talk")))
    qtbot.keyClick(view.list, Qt.Key.Key_S)
    snoozed = next(
        c for c in commitments.commitments_with(ben) if c.description == "review his talk"
    )
    assert snoozed.snoozed_until == date.today() + timedelta(days=7)
    qtbot.waitUntil(lambda: len(_titles(view.list)) == 2, timeout=5000)  # snoozed stays listed
    assert any("snoozed until" in line.detail for line in view.list.lines.lines())
    view.list.setCurrentIndex(view.list.lines.index(_titles(view.list).index("send her the deck")))
    qtbot.keyClick(view.list, Qt.Key.Key_R)
    released = commitments.open_commitments(owner="me")
    assert [c.description for c in released] == ["review his talk"]
    for _ in range(3):
        window.undo_stack.undo()
    assert len(commitments.open_commitments()) == 3
    assert all(c.snoozed_until is None for c in commitments.open_commitments())


def test_new_promise_from_today_is_for_the_selected_promises_person(
    window, qtbot, ana, ben
) -> None:
    from tests.ui.conftest import answer_next_dialog

    commitments.make_commitment(owner="them", person_id=ben, description="intro me to Kim")
    window.show_view("today")
    qtbot.waitUntil(window.today.is_loaded, timeout=5000)
    waiting = window.today.waiting
    waiting.setFocus()
    waiting.setCurrentIndex(waiting.lines.index(0))
    answer_next_dialog(qtbot, lambda d: d.description.setText("send Ben the slides"))
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_P, ctrl_shift)  # New Promise (Ctrl+P prints)
    assert [c.description for c in commitments.commitments_with(ben) if c.owner == "me"] == [
        "send Ben the slides"
    ]
