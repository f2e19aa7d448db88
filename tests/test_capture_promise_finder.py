"""The learned promise finder: clauses the rules gave no actor, read again by a model.

Each case is a phrasing the hand-written rules pass over (checked here: the rules alone
propose nothing), which the finder reads as the promise the note makes, with the
person, words and date the rules' own passes give it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.capture import promise_finder as pf
from desktop.domain.capture.parser import _parse, parse_capture
from desktop.domain.capture.rules import EnglishRules

NOW = datetime(2026, 3, 4, 18, 0)  # a Wednesday


def _promises(text: str) -> list[tuple[str, str | None, str, date | None]]:
    parse = parse_capture(text, now=NOW)
    return [(c.owner, c.person_name, c.description, c.due) for c in parse.commitments]


def _rules_alone(text: str) -> list[str]:
    parse = _parse(text, NOW, (), EnglishRules(), lambda _c, _r: False)
    return [c.description for c in parse.commitments]


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # "going to" without its "is", typed fast
            "coffee w/ rosa delgado, she going to send me the floor plans by monday",
            ("them", "Rosa Delgado", "send me the floor plans", date(2026, 3, 9)),
        ),
        (  # a formal "we are to"
            "Call with Ifeoma Eze (Zenith). We are to submit the revised budget by 20 March.",
            ("me", "Ifeoma Eze", "submit the revised budget", date(2026, 3, 20)),
        ),
        (  # "we agreed that <name> <verb>s"
            "lunch with Pieter Smit and Anke Visser. Pieter will email the contract; we "
            "agreed that Anke organises the kickoff next week.",
            ("them", "Anke Visser", "organises the kickoff", date(2026, 3, 9)),
        ),
        (  # the present tense of a learner's English
            "met joao silva at the bar, i treat him a beer next time",
            ("me", "Joao Silva", "treat him a beer next time", None),
        ),
    ],
)
def test_the_finder_reads_what_the_rules_pass_over(
    text: str, promise: tuple[str, str, str, date | None]
) -> None:
    assert promise[2] not in _rules_alone(text)
    assert promise in _promises(text)


@pytest.mark.parametrize(
    "text",
    [
        "Met Hana Kim at the meetup. Maybe she sends me the deck, who knows.",
        "Met Hana Kim at the meetup. She sends her kids to my school.",
        "Met Hana Kim at the meetup. If she gets the budget, she books us in May.",
        "Met Hana Kim at the meetup, she does yoga and runs marathons.",
        "chat with omar said, he calls his mum every sunday",
        "Met Hana Kim. I send invoices every month to her company, boring stuff.",
        "Team will send the invoice tomorrow. Met Dana Wu at the expo.",
    ],
)
def test_habits_conditions_and_strangers_are_no_promise(text: str) -> None:
    assert _promises(text) == []


def test_a_subject_nobody_in_the_note_is_gives_no_reading() -> None:
    seen: list[pf.Reading] = []

    def take(_clause: object, reading: pf.Reading) -> bool:
        seen.append(reading)
        return True

    text = "Team will send the invoice tomorrow. Met Dana Wu, she will send the slides."
    _parse(text, NOW, (), EnglishRules(), take)
    assert all(r.subject_raw != "Team" for r in seen)


def test_the_shipped_weights_load_and_choose_a_threshold() -> None:
    model = pf.model()
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 50
    families = {
        "subj", "verb", "form", "subj_form", "carry", "carry_n", "carry_last", "subj_carry",
        "next", "verb_next", "before", "label", "prev", "rest_words", "kind", "kind_next",
        "nth",
    }  # fmt: skip
    assert all(
        k.split("=")[0] in families or k in ("at_start", "question", "due") for k in model.weights
    )
    # the model learned that a promise in the notes is carried by "will", not by "if"
    assert model.weights["carry=will"] > model.weights.get("before=if", 0.0)


def test_explain_puts_the_strongest_feature_first() -> None:
    weights = {"a": 0.5, "b": -2.0, "c": 1.0}
    assert pf.explain(["a", "b", "c", "d"], weights) == [
        ("b", -2.0),
        ("c", 1.0),
        ("a", 0.5),
        ("d", 0.0),
    ]


def test_a_bullet_list_typed_on_a_phone_gives_both_sides_and_the_introduction() -> None:
    text = "- kwame mensah (mtn)\n- i do demo for him thurs\n- he intro me to cfo ama owusu"
    parse = parse_capture(text, now=NOW)
    assert [(c.owner, c.person_name, c.description, c.due) for c in parse.commitments] == [
        ("me", "Kwame Mensah", "do demo for him", date(2026, 3, 5)),
        ("them", "Kwame Mensah", "intro me to cfo ama owusu", None),
    ]
    # the role before a name typed in lower case is no part of it, determiner or not
    assert [(i.introducer, i.person) for i in parse.introductions] == [
        ("Kwame Mensah", "Ama Owusu")
    ]
    assert _rules_alone(text) == []


def test_a_debt_inside_a_run_on_sentence_is_what_is_owed() -> None:
    text = (
        "ok so dinner with my old classmates Hana Novak and Petr Dvorak in Prague Petr still "
        "owes me 500 crowns from last time and Hana said she will send me the invitation"
    )
    assert "500 crowns from last time" not in _rules_alone(text)
    assert ("them", "Petr Dvorak", "500 crowns from last time", None) in _promises(text)
