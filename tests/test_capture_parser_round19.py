"""Round 19 of the capture parser: who was there, read from how new writers put it.

Each family comes from notes of writers who never saw the parser (the sets heldout32-34,
developed against from this round on); the phrasings here are written for the tests.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.capture import who_scorer as ws
from desktop.domain.capture.parser import parse_capture

NOW = datetime(2026, 3, 4, 18, 0)


def _people(text: str) -> list[str]:
    return list(parse_capture(text, now=NOW).people)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a gathering at someone's home: the host was there (29 of the corpus's 30 such hosts)
        ("bbq at tomas's, he introduced me to his neighbour greta", ["Tomas", "Greta"]),
        ("Poker night at Farid's — he still owes me a tenner", ["Farid"]),
        ("diwali open house at lakshmi's, met her brother-in-law", ["Lakshmi"]),
        # ... but a firm's office, a restaurant, a relation and a hen party's bride are not
        # read as hosts by this rule
        ("Christmas party at Google's London office, chatted with Ana Ruiz", ["Ana Ruiz"]),
        ("Lunch at Nando's with Ben Ode.", ["Ben Ode"]),
        ("party at Grandma's, Uncle Kofi asked me about uni", ["Kofi"]),
        ("hen party at Sophie's, her sister Kate sorted the cake", ["Kate"]),
    ],
)
def test_the_host_of_a_gathering_at_their_home_was_there(text: str, people: list[str]) -> None:
    assert _people(text) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # someone who came to the writer for a job
        ("Mr. Adeyemi came to look at the damp; he'll send a quote by Friday", ["Adeyemi"]),
        ("Landlord visit. Mrs Kowalska came back to check the boiler", ["Kowalska"]),
        ("Dwayne passed by the shop today, he will fix the compressor", ["Dwayne"]),
        # "was also there", "were both there"
        ("Lunch with Tom Baker. Ana Ruiz was also there.", ["Tom Baker", "Ana Ruiz"]),
        ("Kofi and Ama were both there", ["Kofi", "Ama"]),
        # teamed up with: a list, like "met"
        ("Teamed up with Théo Girard and a designer called Anaïs.", ["Théo Girard", "Anaïs"]),
        ("paired with ola at the workshop, she'll send me the slides", ["Ola"]),
        # a trade opening the note is no one, and the one named after it was met
        (
            "Roofer came to look at the leak: Declan Byrne, DB Roofing. He'll email a quote.",
            ["Declan Byrne"],
        ),
        # a tradesperson's visit, lower case: the job is no one
        ("the electrician came back to fix the socket", []),
    ],
)
def test_who_came_to_the_writer(text: str, people: list[str]) -> None:
    assert _people(text) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # nobody found by the rules or the models' usual thresholds: the likeliest name is
        # taken on weaker evidence, since a note is written about meeting someone
        (
            "Dropped the bike at the shop. Yusuf says the frame is fine, he'll call me when "
            "the part comes in.",
            ["Yusuf"],
        ),
        (
            "took the van to Baptiste at the garage, he'll have the brakes done by fri",
            ["Baptiste"],
        ),
        # ... but someone only named in my own to-do was not met
        ("Board prep. need to send Omar the financials by Thursday.", []),
        ("I'll set up a call with Carl Berg next week", []),
        # ... and a month or a weekday is no one
        ("Renewed the insurance. October's premium goes up, sort it by Monday", []),
    ],
)
def test_a_note_with_nobody_else_takes_its_likeliest_name(text: str, people: list[str]) -> None:
    assert _people(text) == people


def test_the_nobody_else_rule_only_acts_when_nobody_was_found() -> None:
    text = "Coffee with Ana Ruiz. Yusuf says the frame is fine."
    assert _people(text) == ["Ana Ruiz"]
    # the threshold is one the trainer chose on validation notes (a probability)
    assert 0.0 < ws.LONE_THRESHOLD < 1.0


def test_the_nobody_else_rule_gives_a_promise_its_person() -> None:
    parse = parse_capture(
        "plumber came - Darek from HydroFix. he'll come back thursday to fit the valve",
        now=NOW,
    )
    assert list(parse.people) == ["Darek"]
    assert [c.person_name for c in parse.commitments] == ["Darek"]
