"""Search as you type: instant name matches, full-text hits, Enter opens the first."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.search.field import name_hits
from desktop.ui.search.results import marked_runs


def test_typing_shows_people_at_once_and_enter_opens_the_hit(window, qtbot, ana, ben) -> None:
    window.show_view("today")
    field = window.search
    assert field.objectName() == "searchField"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert field.hasFocus()
    qtbot.keyClicks(field, "ben")
    # The name pass answers within the keystroke, before any worker result.
    assert [h.title for h in field.hits()][:1] == ["Ben Okafor"]
    assert field.popup.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.current_view() == "people"
    assert window.people.current_person_id() == ben
    assert not field.popup.isVisible()


def test_full_text_hits_conversations_with_highlight_spans(window, qtbot, ana) -> None:
    field = window.search
    field.setFocus()
    qtbot.keyClicks(field, "design")
    qtbot.waitUntil(field.has_full_results, timeout=5000)
    hits = field.hits()
    conversation = next(h for h in hits if h.type == "conversation")
    assert conversation.person_id == ana
    start, end = conversation.spans[0]
    assert conversation.snippet[start:end].lower().startswith("design")
    # Choosing it opens Ana with that conversation selected in her timeline.
    field.popup.setCurrentIndex(field.popup.hits_model.index(hits.index(conversation)))
    qtbot.keyClick(field, Qt.Key.Key_Enter)
    view = window.people.person_view
    assert view.person_id() == ana
    assert view.timeline.current_entry().ref_id == conversation.id


def test_enter_before_results_arrive_still_opens_the_first_hit(window, qtbot, ana) -> None:
    field = window.search
    field.setFocus()
    field.setText("sailing")  # no keystrokes: nothing searched yet
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.people.current_person_id() == ana


def test_escape_closes_results_and_arrows_move(window, qtbot, ana, ben) -> None:
    field = window.search
    field.setFocus()
    qtbot.keyClicks(field, "a")  # Ana (first name) and Okafor? no: only word prefixes
    qtbot.waitUntil(field.has_full_results, timeout=5000)
    assert field.popup.isVisible()
    first = field.popup.current_hit()
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.popup.current_hit() != first or field.popup.hits_model.rowCount() == 1
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not field.popup.isVisible()


def test_name_hits_match_word_prefixes_in_any_order() -> None:
    names = [
        (str(i), n, " " + n.casefold())
        for i, n in enumerate(["Ana Ruiz", "Ben Okafor", "Juana Li"])
    ]
    assert [h.title for h in name_hits("ru an", names)] == ["Ana Ruiz"]
    assert [h.title for h in name_hits("an", names)] == ["Ana Ruiz"]  # not "Juana"
    hit = name_hits("oka", names)[0]
    start, end = hit.spans[0]
    assert hit.snippet[start:end] == "Oka"
    assert marked_runs("sail away", ((0, 4),)) == [("sail", True), (" away", False)]


def test_long_snippets_start_near_the_first_match() -> None:
    from desktop.ui.search.results import around_first_match

    text = "one two three four five six seven eight nine ten sailing eleven"
    at = text.index("sailing")
    shown, spans = around_first_match(text, ((at, at + 7),), lead=10)
    assert shown.startswith("…") and len(shown) < len(text)
    start, end = spans[0]
    assert shown[start:end] == "sailing"
