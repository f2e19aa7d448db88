"""Twelfth round: what last round's blind sets (now development sets) and this round's
arrivals showed, each written here in other words than the note that showed it."""

from __future__ import annotations

import pytest

from desktop.domain.capture.fillers import blank_fillers
from desktop.domain.capture.who_scorer import without_leading_everyday_word
from tests.capture_notes import FRI, MON, THU, Promise, promises, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "period" dictated as the American full stop: not part of the promise
            "met Dara Quinn from Wolt period she will send me the menu tomorrow period",
            [("them", "Dara Quinn", "send me the menu", THU)],
        ),
        (  # … between two promises, each keeping its own date
            "lunch with Omar Haddad period I'll send him the deck on Friday period "
            "he will call me Monday period",
            [
                ("me", "Omar Haddad", "send him the deck", FRI),
                ("them", "Omar Haddad", "call me", MON),
            ],
        ),
        (  # "question mark" dictated too
            "met Ines Costa question mark no she'll email me the brochure tomorrow",
            [("them", "Ines Costa", "email me the brochure", THU)],
        ),
    ],
)
def test_dictated_punctuation_marks_end_the_promise(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ana says the trial period ends in May, we might extend it.",
        "Her notice period is three months.",
        "Sorry, my period started and I skipped the gym.",
    ],
)
def test_a_period_of_time_stays_a_word(text: str) -> None:
    assert blank_fillers(text) == text


@pytest.mark.parametrize(
    ("written", "saved"),
    [
        ("Electrician Kwame Asante", "Kwame Asante"),  # the role typed before the name
        ("Retired Oil Engineer Abdullah al-Farsi", "Abdullah al-Farsi"),
        ("Candidate Nikhil Rao", "Nikhil Rao"),
        ("Will Smith", "Will Smith"),  # a first name people have stays
        ("Grace Mwangi", "Grace Mwangi"),
        ("Young Park", "Young Park"),  # nothing left that is a name
        ("Ana de la Cruz", "Ana de la Cruz"),
    ],
)
def test_an_everyday_word_before_a_name_is_no_part_of_it(written: str, saved: str) -> None:
    assert without_leading_everyday_word(written) == saved


def test_a_role_typed_in_lower_case_before_the_name_is_not_saved_with_it() -> None:
    result = read("electrician kwame asante came round. hes gonna send a quote by monday.")
    assert result.people == ("Kwame Asante",)
    assert promises(result) == [("them", "Kwame Asante", "send a quote", MON)]


@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        (  # a quoted nickname, met in a phrase that is no meeting phrase
            'Pitch follow-up with Adebola "Bola" Okoro and Hana Kim of Sunrise Ventures. '
            "Bola will share the term sheet by Friday.",
            ("Adebola Okoro", "Hana Kim"),
            [("them", "Adebola Okoro", "share the term sheet", FRI)],
        ),
        (  # single quotes
            "Talked with Rahul 'Raj' Menon and Ollie Fry. Raj will send me his list tomorrow.",
            ("Rahul Menon", "Ollie Fry"),
            [("them", "Rahul Menon", "send me his list", THU)],
        ),
        (  # the given names of a name written family name first
            "Met Mr Tan Boon Huat from GovTech. Boon Huat asked me to send the report by Friday.",
            ("Tan Boon Huat",),
            [("me", "Tan Boon Huat", "send the report", FRI)],
        ),
        (  # offices and officers written before the name, as minutes do
            "Bilateral with Ambassador Kenji Sato and First Secretary Mai Tran. "
            "Ms Tran will share the programme by Friday.",
            ("Kenji Sato", "Mai Tran"),
            [("them", "Mai Tran", "share the programme", FRI)],
        ),
        (
            "board prep w/ CEO Amelia Hart, CFO Gordon Blake. "
            "gordon will send the numbers tomorrow.",
            ("Amelia Hart", "Gordon Blake"),
            [("them", "Gordon Blake", "send the numbers", THU)],
        ),
    ],
)
def test_a_person_named_another_way_later_is_the_same_person(
    text: str, people: tuple[str, ...], expected: list[Promise]
) -> None:
    result = read(text)
    assert result.people == people
    assert promises(result) == expected


def test_an_officer_title_before_a_field_is_no_title() -> None:
    """ "VP Strategy at Equinor": the title of a person named before, not of a name after."""
    result = read(
        "Breakfast at Hotel Bristol with Sigrid Holm, VP Strategy at Equinor. "
        "She'll call me tomorrow."
    )
    assert result.people == ("Sigrid Holm",)
    assert result.place == "Hotel Bristol"
    assert promises(result) == [("them", "Sigrid Holm", "call me", THU)]
