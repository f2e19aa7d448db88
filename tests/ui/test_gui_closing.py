"""Closing the window never loses typing; reopening shows what was saved."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from desktop.services import people, store


def test_close_commits_pending_typing(make_window, qtbot, ana) -> None:
    window = make_window()
    window.open_person(ana)
    family = window.people.person_view.findChild(QPlainTextEdit, "field_family")
    family.setFocus()
    qtbot.keyClicks(family, "Two kids, Leo and Mia")
    assert people.get_person(ana).family == ""  # still only in the editor (debounced)
    window.close()
    assert people.get_person(ana).family == "Two kids, Leo and Mia"


def test_closed_window_stops_listening(make_window, ana) -> None:
    window = make_window()
    listeners_before = len(store._listeners)
    window.close()
    assert len(store._listeners) == listeners_before - 1
    people.update_person(ana, headline="Still fine")  # no callback into a closed window
