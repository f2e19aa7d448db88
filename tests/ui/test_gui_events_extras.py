"""Events view extras: import an invite, suggest focus (undoable), debrief, print."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QMessageBox, QPushButton

from desktop.services import events, people
from desktop.ui.events.prep_dialogs import (
    PERSON_ROLE,
    DebriefDialog,
    FocusDialog,
    ImportPreviewDialog,
)

INVITE = Path(__file__).resolve().parents[1] / "fixtures" / "harbour_summit.ics"


def _choose_file(monkeypatch, path: Path | str) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_import_invite_adds_the_event_with_matched_and_new_attendees(
    window, qtbot, ana, monkeypatch
) -> None:
    people.add_contact_point(person_id=ana, kind="email", value="ana.ruiz@acme.example")
    window.show_view("events")
    view = window.events
    button = view.findChild(QPushButton, "importInviteButton")
    assert button.toolTip() and button.accessibleName() == "Import invite (.ics)"
    _choose_file(monkeypatch, INVITE)
    seen: list[ImportPreviewDialog] = []

    def fake_exec(dialog: ImportPreviewDialog) -> int:
        seen.append(dialog)
        matched = [dialog.matched.item(i).data(PERSON_ROLE) for i in range(dialog.matched.count())]
        assert matched == [ana]
        assert "by email" in dialog.matched.item(0).text()
        assert all(box.isChecked() for box in dialog.create_boxes.values())
        dialog.create_boxes["cleo@research.example"].setChecked(False)  # not Cleo
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", fake_exec)
    button.click()
    assert seen
    [event] = [e for e in events.list_events() if e.title == "Harbour Summit 2031"]
    detail = events.get_event(event.id)
    names = {a.person_name for a in detail.attendees}
    assert "Ana Ruiz" in names
    assert "Cleo Parks" not in names
    assert {"Nadia Novak"} <= names
    assert len(names) >= 3  # Ana, Nadia, Sam (and perhaps the organiser)
    assert view.current_event().id == event.id
    assert view.title.text() == "Harbour Summit 2031"
    # the whole invite is one Edit ▸ Undo step (#13): the event and the new people go
    new_people = {pid for pid, _name in people.all_names()} - {ana}
    assert window.undo_stack.undoText() == "Import harbour_summit.ics"
    window.undo_stack.undo()
    assert [e for e in events.list_events() if e.title == "Harbour Summit 2031"] == []
    assert {pid for pid, _name in people.all_names()} & new_people == set()
    window.undo_stack.redo()
    assert [e.id for e in events.list_events() if e.title == "Harbour Summit 2031"] == [event.id]


def test_a_malformed_invite_shows_a_message_and_writes_nothing(
    window, qtbot, tmp_path, monkeypatch
) -> None:
    bad = tmp_path / "broken.ics"
    bad.write_text("this is not a calendar")
    _choose_file(monkeypatch, bad)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warnings.append(text))
    )
    monkeypatch.setattr(
        ImportPreviewDialog, "exec", lambda _d: pytest.fail("no preview for a broken file")
    )
    window.show_view("events")
    assert window.events.event_actions.import_invite() is None
    assert warnings and "broken.ics" in warnings[0]
    assert events.list_events() == []


@pytest.fixture
def summit(ana, ben) -> str:
    event_id = events.create_event(title="Demo Day", starts_at=datetime.now() - timedelta(hours=3))
    events.add_attendee(event_id=event_id, person_id=ana, why="hiring designers", status="met")
    events.add_attendee(event_id=event_id, person_id=ben, focus=True)
    return event_id


def test_suggest_focus_apply_and_undo(window, qtbot, summit, ana, ben, monkeypatch) -> None:
    window.open_event(summit)
    view = window.events
    shown: list[list[str]] = []

    def fake_exec(dialog: FocusDialog) -> int:
        items = [dialog.list.item(i) for i in range(dialog.list.count())]
        shown.append([item.data(PERSON_ROLE) for item in items])
        ana_item = next(i for i in items if i.data(PERSON_ROLE) == ana)
        assert "hiring designers" in ana_item.text()  # the reason is shown
        for item in items:  # focus on Ana only
            item.setCheckState(
                Qt.CheckState.Checked if item.data(PERSON_ROLE) == ana else Qt.CheckState.Unchecked
            )
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FocusDialog, "exec", fake_exec)
    depth = window.undo_stack.count()
    assert view.event_actions.suggest_focus()
    assert set(shown[0]) == {ana, ben}

    def focus() -> dict[str, bool]:
        return {a.person_id: a.focus for a in events.get_event(summit).attendees}

    assert focus() == {ana: True, ben: False}
    assert window.undo_stack.count() == depth + 1
    window.undo_stack.undo()
    assert focus() == {ana: False, ben: True}
    window.undo_stack.redo()
    assert focus() == {ana: True, ben: False}


def test_focus_dialog_shows_the_gentle_note(qtbot) -> None:
    from desktop.domain.focus import FocusAdvice, FocusSuggestion

    advice = FocusAdvice(
        (FocusSuggestion("p1", "Ana Ruiz", 3.0, ("you owe her the deck",), True),),
        9,
        "Nine in focus is a lot — a few you really talk to beat many you wave at.",
    )
    dialog = FocusDialog(advice)
    qtbot.addWidget(dialog)
    assert dialog.note.text() == advice.note and not dialog.note.isHidden()
    assert "you owe her the deck" in dialog.list.item(0).text()
    assert dialog.chosen() == ["p1"]


def test_debrief_lists_the_met_and_opens_a_prefilled_capture(window, qtbot, summit, ana) -> None:
    window.open_event(summit)
    view = window.events
    dialog = view.event_actions.debrief()
    assert isinstance(dialog, DebriefDialog)
    assert dialog.list.count() == 1  # only Ana was met
    item = dialog.list.item(0)
    assert item.data(PERSON_ROLE) == ana and "Ana Ruiz" in item.text()
    assert "no note yet" in item.text()
    dialog.list.setCurrentRow(0)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    capture = view.event_actions.capture_window
    assert capture is not None and capture.isVisible()
    who = capture.findChild(QLineEdit, "captureWho")
    assert "Ana Ruiz" in who.text()
    capture.close()
    dialog.close()


def test_print_briefing_opens_the_preview(window, qtbot, summit) -> None:
    window.open_event(summit)
    button = window.events.findChild(QPushButton, "printBriefingButton")
    assert button.accessibleName() == "Print briefing"
    preview = window.events.event_actions.print_briefing()
    assert preview is not None and preview.isVisible()
    assert preview.objectName() == "briefingPreview"
    assert "Demo Day" in preview.windowTitle()
    preview.close()
