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
    # alone, "Yusuf thinks the frame is fine." gives Yusuf by this rule; ("Yusuf says …"
    # is read as met by the rules since round 20: 17 of the corpus's 19 were)
    assert _people("Yusuf thinks the frame is fine.") == ["Yusuf"]
    text = "Coffee with Ana Ruiz. Yusuf thinks the frame is fine."
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


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("Ana asked if I could water her plants while she's in Lagos, I said of course.",
         "water her plants while she's in Lagos"),
        ("Ben asked if I could judge the bake-off, I said absolutely", "judge the bake-off"),
    ],
)  # fmt: skip
def test_a_request_said_yes_to_in_other_words_is_my_promise(text: str, description: str) -> None:
    (promise,) = parse_capture(text, now=NOW).commitments
    assert (promise.owner, promise.description) == ("me", description)


@pytest.mark.parametrize(
    ("text", "known", "people", "person"),
    [
        # a first name and an initial: the one contact it fits
        ("Mike T will send the api keys by eod", ("Mike Brennan", "Mike Tsai"), ["Mike Tsai"],
         "Mike Tsai"),
        ("laura + mike t stopped by the booth. mike t will send the api keys by eod",
         ("Mike Brennan", "Mike Tsai", "Laura Gomez"), ["Laura Gomez", "Mike Tsai"], "Mike Tsai"),
        # two contacts fit: the name stays as written
        ("Mike T will send the keys", ("Mike Tsai", "Mike Turner"), ["Mike T"], "Mike T"),
        # "a" and "I" are no initials
        ("gave Tom a call, he'll send the keys", ("Tom Baker", "Tom Ash"), ["Tom"], "Tom"),
    ],
)  # fmt: skip
def test_a_first_name_and_an_initial_is_the_contact_it_fits(
    text: str, known: tuple[str, ...], people: list[str], person: str
) -> None:
    parse = parse_capture(text, now=NOW, known_names=known)
    assert list(parse.people) == people
    assert parse.commitments[-1].person_name == person


def test_a_nickname_then_a_full_name_with_accents_in_brackets() -> None:
    parse = parse_capture(
        "met nacho (ignacio fernández) and his gf camila ortiz. nacho said he'll add me to "
        "the league group",
        now=NOW,
    )
    assert list(parse.people) == ["Ignacio Fernández", "Camila Ortiz"]
    assert parse.organizations == {}
    assert [c.person_name for c in parse.commitments] == ["Ignacio Fernández"]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("cafe w/ anh nguyen + chị linh from the student assoc", ["Anh Nguyen", "Linh"]),
        ("cafe w/ chú hùng and anh nguyen", ["Hùng", "Anh Nguyen"]),
    ],
)
def test_a_vietnamese_title_typed_in_lower_case_is_no_part_of_the_name(
    text: str, people: list[str]
) -> None:
    assert _people(text) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a relation then a clause about them: no one else of the list met
        ("I met another dad, Haruto, his daughter Emi is in Lily's class", ["Haruto"]),
        ("I met Marisol Vega, her son Mateo plays on the same team", ["Marisol Vega"]),
        # ... but a relation listed, or said to be there, was met
        ("I met Marisol Vega and her son Mateo", ["Marisol Vega", "Mateo"]),
        ("Met Tom Baker, his wife Ana was there too", ["Tom Baker", "Ana"]),
        ("Met Tom Baker, his wife Ana, and their son Luis", ["Tom Baker", "Ana", "Luis"]),
    ],
)
def test_a_relation_then_a_clause_about_them_ends_the_list(text: str, people: list[str]) -> None:
    assert _people(text) == people


@pytest.mark.parametrize(
    ("text", "people", "person"),
    [
        (
            "At the market ran into old Mr Papadopoulos, Giorgos, who keeps the bees. He's "
            "going to save me two jars of honey",
            ["Giorgos Papadopoulos"],
            "Giorgos Papadopoulos",
        ),
        (
            "Parents' evening. Mrs Adeyemi (Tolu's mum, Funmilayo) asked me to send home extra "
            "reading books this week — yes.",
            ["Funmilayo Adeyemi"],
            "Funmilayo Adeyemi",
        ),
        ("Lunch with Yumi Tanaka. Tanaka will send the deck", ["Yumi Tanaka"], "Yumi Tanaka"),
    ],
)
def test_a_family_name_and_a_given_name_of_one_person_are_one_name(
    text: str, people: list[str], person: str
) -> None:
    parse = parse_capture(text, now=NOW)
    assert list(parse.people) == people
    assert [c.person_name for c in parse.commitments] == [person]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a title before the second first name: two people, no family name shared
        ("Auntie Pauline and Uncle Delroy came over for dinner", ["Pauline", "Delroy"]),
        # ... while a couple named once shares it
        ("Dinner with Raj and Sunita Kapoor.", ["Raj Kapoor", "Sunita Kapoor"]),
    ],
)
def test_a_titled_second_name_is_no_shared_family_name(text: str, people: list[str]) -> None:
    assert _people(text) == people


@pytest.mark.parametrize(
    "text",
    [
        "Dinner with Ana. She will introduce me to her manager, Mr. Kobayashi, at the trade fair.",
        "Dinner with Ana. She will introduce me to her manager, Mr. Kobayashi.",
    ],
)
def test_a_titled_name_after_the_role_is_whom_she_will_introduce(text: str) -> None:
    parse = parse_capture(text, now=NOW)
    assert list(parse.people) == ["Ana"]  # Mr. Kobayashi is not met yet
    (intro,) = parse.introductions
    assert (intro.introducer, intro.person, intro.to, intro.done) == (
        "Ana",
        "Kobayashi",
        None,
        False,
    )


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a capitalised verb opening the note is no first name
        (
            "Took Biscuit to the vet, Dr. Sunita Rao - ear infection again. She'll phone Thursday",
            ["Sunita Rao"],
        ),
        ("Alfred Baker came by", ["Alfred Baker"]),
        ("Mohammed Ali said hi, he'll send the deck", ["Mohammed Ali"]),
    ],
)
def test_a_verb_opening_the_note_is_no_name(text: str, people: list[str]) -> None:
    assert _people(text) == people


@pytest.mark.parametrize(
    ("text", "introducer", "person"),
    [
        (
            "Lunch with Pieter. pieter will introduce me to his former manager, Joost de Vries, "
            "who now runs a fund.",
            "Pieter",
            "Joost de Vries",
        ),
        (
            "call w/ marcus lindqvist (spotify) - he'll intro me to his PM ingrid next week.",
            "Marcus Lindqvist",
            "Ingrid",
        ),
        (
            "Met Hannah Goldberg. she's going to intro me to her brother in law Dov, he runs a "
            "vc fund",
            "Hannah Goldberg",
            "Dov",
        ),
        (
            "coffee w/ ahmad - ahmad will intro me to his uncle rahman at petronas",
            "Ahmad",
            "Rahman",
        ),
    ],
)
def test_a_planned_introduction_names_the_person_after_the_role(
    text: str, introducer: str, person: str
) -> None:
    (intro,) = parse_capture(text, now=NOW).introductions
    assert (intro.introducer, intro.person, intro.done) == (introducer, person, False)


@pytest.mark.parametrize(
    ("text", "intro"),
    [
        # an introducer's firm in brackets is no part of the sentence's subject
        (
            "ICML day 1. Hung Nguyen (NVIDIA) introduced me to Sofía Castillo from DeepMind.",
            ("Hung Nguyen", "Sofía Castillo", True),
        ),
        # "she finally introduced me to …", and "she" is the woman met, not the last man
        (
            "bbq at kavitha's, she finally introduced me to her husband arjun",
            ("Kavitha", "Arjun", True),
        ),
        (
            "Lunch with Tom Baker and Amélie Dubois. Tom will send the draft. She also "
            "introduced me to Kwame Mensah from DeepMind.",
            ("Amélie Dubois", "Kwame Mensah", True),
        ),
        # a learner's "present me to", "link me up with", "put me in contact with"
        (
            "Met Lucía Paz. Lucía also will present me to her cousin Mateo, he is an architect.",
            ("Lucía Paz", "Mateo", False),
        ),
        (
            "Met Musa Danjuma. He promised to link me up with the chairman of the traders "
            "association, one Mallam Sani.",
            ("Musa Danjuma", "Sani", False),
        ),
        (
            "met Sophie Lefèvre at VivaTech. She will put me in contact with Antoine Giraud "
            "from BNP",
            ("Sophie Lefèvre", "Antoine Giraud", False),
        ),
    ],
)
def test_introductions_as_new_writers_put_them(text: str, intro: tuple[str, str, bool]) -> None:
    (got,) = parse_capture(text, now=NOW).introductions
    assert (got.introducer, got.person, got.done) == intro


def test_presenting_a_thing_is_no_introduction() -> None:
    parse = parse_capture("Met Ana. I'll present the deck to Ben on Monday", now=NOW)
    assert parse.introductions == ()


@pytest.mark.parametrize(
    ("text", "intro"),
    [
        # the writer introduced two people: opening a sentence, a firm in brackets, the
        # name after a role
        (
            "Party. Introduced Leila Moradi to my old colleague Finn Gallagher, they hit it off",
            (None, "Leila Moradi", "Finn Gallagher"),
        ),
        (
            "At the breakfast I introduced Hannah Schulz (Sunfire) to Ravi Iyer",
            (None, "Hannah Schulz", "Ravi Iyer"),
        ),
        # "presented me to two founders: …": each of them
        (
            "At the startup weekend, Kadri Tamm (Bolt) presented me to two founders: Andrus Kask "
            "and Liis Mägi.",
            ("Kadri Tamm", "Andrus Kask", None),
        ),
    ],
)
def test_done_introductions_of_the_writer_and_by_others(
    text: str, intro: tuple[str | None, str, str | None]
) -> None:
    got = parse_capture(text, now=NOW).introductions[0]  # (two founders: the first)
    assert (got.introducer, got.person, got.to, got.done) == (*intro, True)


def test_i_introduced_her_to_a_group_is_no_introduction_of_a_person() -> None:
    assert parse_capture("I introduced her to the team", now=NOW).introductions == ()
