"""Eleventh round: promise phrasings from last round's blind sets (now development sets),
each written here in other words than the note that showed it."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.capture.fillers import blank_fillers
from desktop.domain.capture.names import tidy_name
from tests.capture_notes import FRI, MON, THU, Promise, promises, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "Ill" typed without its apostrophe at the start of a sentence
            "Met Orla Quinn at the careers fair. Ill email her the brochure tmrw.",
            [("me", "Orla Quinn", "email her the brochure", THU)],
        ),
        (  # "Im gonna" capitalised, no apostrophe
            "Coffee with Bram Peeters. Im gonna send him the floor plan on Friday.",
            [("me", "Bram Peeters", "send him the floor plan", FRI)],
        ),
        (  # a present participle without its "is", typed on a phone, dated
            "drinks w/ lotte + joris. joris bringing the tent on monday",
            [("them", "Joris", "bringing the tent", MON)],
        ),
        (  # … with "me" after it
            "Met Femi Ade at the club. Femi lending me his drill tmrw.",
            [("them", "Femi Ade", "lending me his drill", THU)],
        ),
        (  # "X and I agreed he'd …": his promise, not a joint plan
            "Lunch with Piotr Nowak. Piotr and I agreed he'd draft the contract by Friday.",
            [("them", "Piotr Nowak", "draft the contract", FRI)],
        ),
        (  # "X and I agreed I'd …" stays mine
            "Lunch with Piotr Nowak. Piotr and I agreed I'd check the numbers by Friday.",
            [("me", "Piotr Nowak", "check the numbers", FRI)],
        ),
        (  # a sentence that opens with "Sends me …": the one person met
            "Saw Dr. Mira Kovač at the clinic open day. Emails me the referral form tomorrow.",
            [("them", "Mira Kovač", "emails me the referral form", THU)],
        ),
    ],
)
def test_promises_typed_in_a_hurry(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # two people met: whose "Sends me …" it is, nobody can tell
        "Met Ana Ruiz and Tom Ode. Sends me the deck tomorrow.",
        # undated: no plan
        "Met Lena Vogt. Sends me her love.",
        # "Piotr and I will …": a plan of both, no one's promise
        "Lunch with Piotr Nowak. Piotr and I will co-write the brief by Friday.",
        # a participle that is no handing over
        "drinks w/ lotte + joris. joris loving the new flat",
    ],
)
def test_no_promise_where_nobody_promised(text: str) -> None:
    assert promises(read(text)) == []


@pytest.mark.parametrize("title", ["Mme", "Mlle", "Frau", "Sra."])
def test_a_family_name_after_a_title_of_another_language_is_the_person_in_full(
    title: str,
) -> None:
    text = f"Met {title} Inès Faye at the fair. {title} Faye will send us the tender on Friday."
    result = read(text)
    assert list(result.people) == ["Inès Faye"]
    assert promises(result) == [("them", "Inès Faye", "send us the tender", FRI)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the date corrected in the same sentence, after a comma: the later one wins
            "Met Rui Lopes. He'll send the lease by Monday, sorry, next Friday, and I need "
            "to read it by the 31st.",
            [
                ("them", "Rui Lopes", "send the lease", date(2026, 3, 20)),
                ("me", "Rui Lopes", "read it", date(2026, 3, 31)),
            ],
        ),
        (
            "Met Rui Lopes. I'll send him the floor plan on Thursday, wait no, on Friday.",
            [("me", "Rui Lopes", "send him the floor plan", FRI)],
        ),
        (  # the writer's doubt is no part of the promise
            "Met Rui Lopes. He'll fix the gutter on Friday apparently.",
            [("them", "Rui Lopes", "fix the gutter", FRI)],
        ),
        (  # punctuation a dictation app wrote out as a word
            "lunch with Ada Byrne comma she will send me the menu by Friday comma and I "
            "will book the room",
            [
                ("them", "Ada Byrne", "send me the menu", FRI),
                ("me", "Ada Byrne", "book the room", None),
            ],
        ),
    ],
)
def test_corrections_doubts_and_dictation(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


def test_a_comma_talked_about_stays_a_word() -> None:
    text = "Met Ada Byrne. The comma placement in her deck was odd."
    assert read(text).notes == text
    assert blank_fillers(text) == text


def test_items_typed_on_a_phone_between_slashes_are_clauses_of_their_own() -> None:
    text = "call w/ lena + omar: i'll send lena the budget by fri / omar will book the room thurs"
    assert promises(read(text)) == [
        ("me", "Lena", "send lena the budget", FRI),
        ("them", "Omar", "book the room", THU),
    ]


def test_a_word_before_the_date_that_only_says_by_when_is_dropped() -> None:
    text = "Met Ana Ruiz. She'll send the deck within this week."
    assert promises(read(text)) == [("them", "Ana Ruiz", "send the deck", FRI)]


@pytest.mark.parametrize(
    ("written", "saved"),
    [
        ("Hajiya Aisha Abdullahi", "Aisha Abdullahi"),
        ("Malam Sani Garba", "Sani Garba"),
        ("Pak Budi", "Budi"),
        ("Bu Sri Wahyuni", "Sri Wahyuni"),
        ("Oom Koos Botha", "Koos Botha"),
        ("Mdm Siti Nurhaliza", "Siti Nurhaliza"),
        ("Barr. Ngozi Eze", "Ngozi Eze"),
        ("Paki Mensah", "Paki Mensah"),  # a name that starts like a title stays
    ],
)
def test_titles_of_more_languages_are_no_part_of_the_name(written: str, saved: str) -> None:
    assert tidy_name(written) == saved
