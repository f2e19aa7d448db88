"""Phrasings read in the sixteenth round: each case written for these tests, not taken
from the corpus."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.capture.parser import parse_capture

NOW = datetime(2026, 3, 11, 18, 0)  # a Wednesday


def _promises(text: str) -> list[tuple[str, str | None, str, date | None]]:
    parse = parse_capture(text, now=NOW)
    return [(c.owner, c.person_name, c.description, c.due) for c in parse.commitments]


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # the subject of one sentence is the "she" opening the next, whatever her gender
            "Dinner with Sarah Lind and Kiran Dev. Kiran asked if I could find a venue; I "
            "said no. She'll send me the guest list on Monday.",
            ("them", "Kiran Dev", "send me the guest list", date(2026, 3, 16)),
        ),
        (  # … but a "she" inside a sentence still means the woman the note named
            "Dinner with Sarah Lind and Kiran Dev. Kiran asked if I could find a venue. "
            "Anyway, I think she'll send me the guest list on Monday.",
            ("them", "Sarah Lind", "send me the guest list", date(2026, 3, 16)),
        ),
    ],
)
def test_pronoun_after_a_subject(text: str, promise: tuple[object, ...]) -> None:
    assert promise in _promises(text)


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # a bare "the 27th" after the correction is the new date, not a take-back
            "Met Bea Kowal. I'll get Bea my receipts by the 20th — no wait, she said the 27th.",
            ("me", "Bea Kowal", "get Bea my receipts", date(2026, 3, 27)),
        ),
        (  # "scratch that" then a reason then the date
            "Met Omar Haddad. I said I'd write him a summary by Friday — scratch that, he's "
            "away, so Tuesday.",
            ("me", "Omar Haddad", "write him a summary", date(2026, 3, 17)),
        ),
        (  # dictated, no commas: the correction inside the promise's clause
            "met Greta Olsen at the forum. she will send me the fee schedule by Monday no "
            "wait by Tuesday.",
            ("them", "Greta Olsen", "send me the fee schedule", date(2026, 3, 17)),
        ),
        (
            "Met Greta Olsen. She'll send the schedule Monday, scratch that, Tuesday.",
            ("them", "Greta Olsen", "send the schedule", date(2026, 3, 17)),
        ),
        (
            "Met Olu Bankole. He will send me the protocol on Thursday no sorry Friday.",
            ("them", "Olu Bankole", "send me the protocol", date(2026, 3, 13)),
        ),
    ],
)
def test_corrected_date(text: str, promise: tuple[object, ...]) -> None:
    assert _promises(text) == [promise]


@pytest.mark.parametrize(
    "text",
    [
        # taken back with nothing new said: no promise
        "Met Greta Olsen. I'll send her the deck by Monday, no wait, scratch that.",
        "Met Greta Olsen. I'll send her the deck by Monday no wait she already has it.",
    ],
)
def test_taken_back(text: str) -> None:
    assert _promises(text) == []
