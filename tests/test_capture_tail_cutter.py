"""The learned cutter of an aside written right after a promise ("…, said fine")."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.capture import tail_cutter as tc
from desktop.domain.capture.parser import _parse
from desktop.domain.capture.rules import EnglishRules

NOW = datetime(2026, 3, 4, 18, 0)


def _words(text: str, *, cutter: bool = True) -> list[str]:
    rules = EnglishRules()
    rules.learned_tails = cutter
    return [c.description for c in _parse(text, NOW, (), rules).commitments]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Met Dana Wu at the school gate. She asked me to lend her my ladder on Saturday, "
            "said fine.",
            "lend her my ladder",
        ),
        (
            "Drinks with Ravi Menon. I'll send him the draft contract tomorrow, told him I would.",
            "send him the draft contract",
        ),
        ("Met Kofi Mensah. Kofi will email me the RFP, ok good.", "email me the RFP"),
        (
            "Met Hugo Blanc. He will introduce me to his friend Dario, an architect.",
            "introduce me to his friend Dario",
        ),
    ],
)
def test_an_aside_after_the_promise_is_cut(text: str, words: str) -> None:
    assert words not in _words(text, cutter=False)  # the rules alone keep the aside
    assert words in _words(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (  # whom the introduction is to, after the role: the promise's own words
            "Met Hugo Blanc. He will introduce me to their investor, Philipp von Lennartz.",
            "introduce me to their investor, Philipp von Lennartz",
        ),
        (  # a list is all of what is promised
            "Lunch with Omar Haddad. He'll send me the floor plan, the budget and the "
            "schedule by Monday.",
            "send me the floor plan, the budget and the schedule",
        ),
        (  # a thousands separator is no comma
            "Call with Ines Roth: I'll issue her a credit note for €2,400 by Friday.",
            "issue her a credit note for €2,400",
        ),
    ],
)
def test_the_promise_s_own_words_after_a_comma_stay(text: str, words: str) -> None:
    assert words in _words(text)


def test_a_list_or_a_number_has_no_tail_to_weigh() -> None:
    assert tc.tail_of("bring the wine, the cheese and some bread", "me") is None
    assert tc.tail_of("pay him €2,400", "me") is None
    assert tc.tail_of("call, fine", "me") is None  # one word would be left
    tail = tc.tail_of("lend him the strimmer, said fine", "me")
    assert (
        tail is not None and "saying" in tail.features and tail.at == len("lend him the strimmer")
    )


def test_the_shipped_weights_cut_what_was_said_after_a_promise() -> None:
    model = tc.model()
    assert 0.0 < model.threshold < 1.0
    assert model.weights["saying"] > 0 > model.weights.get("name", 0.0)
    assert tc.without_aside("finish the roof, said fine", "me") == "finish the roof"
