"""Each phrasing family of issue #12, with a few fresh notes (none of them in the corpus).

The corpus (tests/fixtures/capture/) measures the parser as a whole; these tests say, in
a line each, which ways of writing it understands, so a regression names its family.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.capture.parser import CaptureParse, parse_capture

WED = datetime(2026, 3, 11, 18, 0)  # Wednesday 11 March 2026


def read(text: str, known: tuple[str, ...] = (), now: datetime = WED) -> CaptureParse:
    return parse_capture(text, now=now, known_names=known)


def promises(result: CaptureParse) -> list[tuple[str, str | None, str, date | None]]:
    return [(c.owner, c.person_name, c.description, c.due) for c in result.commitments]


# ------------------------------------------------------------------ who was there


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Met Rosa Diaz at the station", ("Rosa Diaz",)),
        ("coffee with ingrid berg", ("Ingrid Berg",)),
        ("Lunch w/ Tariq Aziz and Mona Lind", ("Tariq Aziz", "Mona Lind")),
        ("drinks with Jon Snow, Arya Stark & Sam Tarly", ("Jon Snow", "Arya Stark", "Sam Tarly")),
        ("Zoom with Petra Holm re the pilot", ("Petra Holm",)),
        ("Phone call with Kim Lee about hiring", ("Kim Lee",)),
        ("Ran into Hugo Lenz at the gym", ("Hugo Lenz",)),
        ("bumped into marta vidal on the tram", ("Marta Vidal",)),
        ("Sat next to Ali Reza at the gala dinner", ("Ali Reza",)),
        ("Sat beside Noa Levi on the train", ("Noa Levi",)),
        ("chatted with Femi Ade after the talk", ("Femi Ade",)),
        ("Saw Ida Moss again at the book club", ("Ida Moss",)),
        ("Omar Said and I had tea in Cairo", ("Omar Said",)),
        ("Lea Wolf reminded me about the grant", ("Lea Wolf",)),
        ("Yan Li, Bo Chen and Wu Fang from Tencent dropped by", ("Yan Li", "Bo Chen", "Wu Fang")),
        ("Met Prof. Anne Weber at the lab", ("Anne Weber",)),
        ('Met Robert "Bobby" Tables at the DB meetup', ("Robert Tables",)),
        ("Dinner with Carlos de la Fuente", ("Carlos de la Fuente",)),
        ("Met Jan van der Berg in Utrecht", ("Jan van der Berg",)),
        ("Met Mary-Kate O'Neill at the pub", ("Mary-Kate O'Neill",)),
        ("Met Tom's sister, Lisa Grant, at the wedding", ("Lisa Grant",)),
    ],
)
def test_who_was_there(text: str, people: tuple[str, ...]) -> None:
    assert read(text).people == people


# ------------------------------------------------------------------ my promises


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Met Ada Park. promised to send her the grant template",
            ("me", "Ada Park", "send her the grant template", None),
        ),
        ("Coffee with Ben Ode. owe him a lunch", ("me", "Ben Ode", "a lunch", None)),
        (
            "Met Ada Park. need to send Omar the hackathon link",
            ("me", "Omar", "send Omar the hackathon link", None),
        ),
        (
            "call with Ada Park - should send her the budget by friday",
            ("me", "Ada Park", "send her the budget", date(2026, 3, 13)),
        ),
        (
            "Lunch with Ben Ode. Told him I'd review his CV tomorrow",
            ("me", "Ben Ode", "review his CV", date(2026, 3, 12)),
        ),
        (
            "Met Ada Park. said I'd share the recording",
            ("me", "Ada Park", "share the recording", None),
        ),
        (
            "Met Ada Park. we agreed I'd write the first draft",
            ("me", "Ada Park", "write the first draft", None),
        ),
        (
            "Met Ben Ode. He asked me to check his slides next week",
            ("me", "Ben Ode", "check his slides", date(2026, 3, 16)),
        ),
        (
            "Met Ada Park. asked if I could proofread her essay, I said yes",
            ("me", "Ada Park", "proofread her essay", None),
        ),
        (
            "Met Ben Ode. gonna send him the podcast",
            ("me", "Ben Ode", "send him the podcast", None),
        ),
        (
            "Met Ben Ode. I'm sending him the quote on Monday",
            ("me", "Ben Ode", "sending him the quote", date(2026, 3, 16)),
        ),
    ],
)
def test_my_promises_with_the_subject_left_out_or_indirect(
    text: str, expected: tuple[str, str | None, str, date | None]
) -> None:
    assert promises(read(text)) == [expected]


def test_asked_if_i_could_and_i_said_no_is_no_promise() -> None:
    assert read("Met Ada Park. asked if I could host the meetup, I said no").commitments == ()


# ------------------------------------------------------------------ their promises


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Met Ada Park. she'll send the contract", ("them", "Ada Park", "send the contract", None)),
        ("Met Ben Ode. he will call the bank", ("them", "Ben Ode", "call the bank", None)),
        (
            "Met Lars Holm. Lars will send the photos tonight",
            ("them", "Lars Holm", "send the photos", date(2026, 3, 11)),
        ),
        (
            "Met Ada Park. she offered to host the retro",
            ("them", "Ada Park", "host the retro", None),
        ),
        ("Met Ben Ode. he said he'd fix the typo", ("them", "Ben Ode", "fix the typo", None)),
        (
            "Met Ada Park. she still owes me the receipts",
            ("them", "Ada Park", "the receipts", None),
        ),
        ("Met Ben Ode. he's gonna book the hall", ("them", "Ben Ode", "book the hall", None)),
        (
            "Met Ola Berg. Ola promised to send the specs by the 20th",
            ("them", "Ola Berg", "send the specs", date(2026, 3, 20)),
        ),
    ],
)
def test_their_promises(text: str, expected: tuple[str, str | None, str, date | None]) -> None:
    assert promises(read(text)) == [expected]


def test_both_ways_in_one_sentence_each_with_its_own_date() -> None:
    text = "Met Ada Park. I'll check her numbers by Monday; in exchange she'll intro me to Raj"
    assert promises(read(text)) == [
        ("me", "Ada Park", "check her numbers", date(2026, 3, 16)),
        ("them", "Ada Park", "intro me to Raj", None),
    ]


def test_a_date_belongs_to_its_own_clause() -> None:
    text = "coffee with ada park, she'll send the deck, i'll reply by friday"
    assert promises(read(text)) == [
        ("them", "Ada Park", "send the deck", None),
        ("me", "Ada Park", "reply", date(2026, 3, 13)),
    ]


# ------------------------------------------------------------------ who, with several people


def test_pronouns_follow_the_person_mentioned_last() -> None:
    text = (
        "Lunch with Ada Park and Ben Ode. Ben is moving to Oslo; I'll send him the relocation "
        "guide. Ada wants a mentor - promised to find her one"
    )
    assert promises(read(text)) == [
        ("me", "Ben Ode", "send him the relocation guide", None),
        ("me", "Ada Park", "find her one", None),
    ]


def test_she_is_not_the_person_named_in_her_own_clause() -> None:
    text = "Met Ada Park and Kim Lee. She'll introduce me to Kim's boss"
    assert promises(read(text))[0][1] == "Ada Park"


def test_a_promise_naming_someone_is_with_them() -> None:
    text = "Met Ada Park and Ben Ode. Need to send Ben the invite"
    assert promises(read(text)) == [("me", "Ben Ode", "send Ben the invite", None)]


# ------------------------------------------------------------------ introductions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ada Park introduced me to Raj Mehta", ("Ada Park", "Raj Mehta", None, True)),
        ("met Raj Mehta via Ada Park", ("Ada Park", "Raj Mehta", None, True)),
        (
            "Call with Ada Park. Thanked her for introducing me to Raj Mehta",
            ("Ada Park", "Raj Mehta", None, True),
        ),
        ("Met Ada Park. She'll introduce me to Raj", ("Ada Park", "Raj", None, False)),
        (
            "Met Ada Park. I'll introduce her to Raj Mehta",
            (None, "Ada Park", "Raj Mehta", False),
        ),
    ],
)
def test_introductions(text: str, expected: tuple[str | None, str, str | None, bool]) -> None:
    result = read(text)
    assert [(i.introducer, i.person, i.to, i.done) for i in result.introductions] == [expected]


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("by Friday", date(2026, 3, 13)),
        ("next Tuesday", date(2026, 3, 17)),
        ("tomorrow", date(2026, 3, 12)),
        ("tonight", date(2026, 3, 11)),
        ("this weekend", date(2026, 3, 14)),
        ("in 3 days", date(2026, 3, 14)),
        ("in two weeks", date(2026, 3, 25)),
        ("by the 12th", date(2026, 3, 12)),
        ("by the end of the month", date(2026, 3, 31)),
        ("before March 3", date(2027, 3, 3)),
        ("after the holidays", date(2027, 1, 4)),
        ("by 2026-04-02", date(2026, 4, 2)),
        ("sometime", None),
    ],
)
def test_due_phrases_in_a_note(phrase: str, due: date | None) -> None:
    (promise,) = read(f"Met Ada Park. I'll send her the report {phrase}").commitments
    assert (promise.description, promise.due) == ("send her the report", due)


def test_weekend_said_on_a_sunday_is_the_next_saturday() -> None:
    sunday = datetime(2026, 3, 15, 18, 0)
    (promise,) = read("Met Ada Park. I'll call her this weekend", now=sunday).commitments
    assert promise.due == date(2026, 3, 21)


# ------------------------------------------------------------------ places and organizations


@pytest.mark.parametrize(
    ("text", "place", "organizations"),
    [
        ("Met Ada Park at the robotics meetup", "robotics meetup", {}),
        ("Met Ada Park from Adyen at PyCon 2026", "PyCon 2026", {"Ada Park": "Adyen"}),
        ("Lunch with Ada Park (Nokia) in Espoo", "Espoo", {"Ada Park": "Nokia"}),
        (
            "Met Ada Park, VP at Klarna, during the fintech week",
            "fintech week",
            {"Ada Park": "Klarna"},
        ),
        (
            "Ola Berg, Tim Vos and Eva Lund from Initech at the expo",
            "expo",
            {"Ola Berg": "Initech", "Tim Vos": "Initech", "Eva Lund": "Initech"},
        ),
        ("Coffee with Ada Park. She works at Spotify now", "", {"Ada Park": "Spotify"}),
    ],
)
def test_places_and_organizations(text: str, place: str, organizations: dict[str, str]) -> None:
    result = read(text)
    assert (result.place, dict(result.organizations)) == (place, organizations)
    assert result.organization == next(iter(organizations.values()), "")


# ------------------------------------------------------------------ shorthand seen in real notes


def test_a_descriptor_before_a_name_and_a_debt_without_subject() -> None:
    result = read("met up with old friend Theo Blake in Leeds. owes me a tenner")
    assert (result.people, result.place) == (("Theo Blake",), "Leeds")
    assert promises(result) == [("them", "Theo Blake", "a tenner", None)]


def test_names_after_a_group_and_a_dash() -> None:
    result = read("drinks after work w/ the design team - Zara, Omar and Kenji")
    assert result.people == ("Zara", "Omar", "Kenji")


def test_a_role_at_an_organization_and_plus_between_two_promises() -> None:
    result = read(
        "chat with Mia Lopez, product at Notion. Sending her the docs tomorrow + will loop in Dev"
    )
    assert dict(result.organizations) == {"Mia Lopez": "Notion"}
    assert [c.description for c in result.commitments] == ["Sending her the docs", "loop in Dev"]


def test_an_introduction_to_someone_named_after_a_comma() -> None:
    result = read("Lunch with Ivan Horvat. He'll intro me to their CTO, Maja.")
    assert [(i.introducer, i.person) for i in result.introductions] == [("Ivan Horvat", "Maja")]


def test_a_to_do_on_its_own_line_is_mine_but_needs_a_lawyer_is_not() -> None:
    result = read("Met Priya Shah\n- she needs a lawyer\n- send deck by thurs")
    assert promises(result) == [("me", "Priya Shah", "send deck", date(2026, 3, 12))]


def test_a_header_place_and_a_list_after_a_colon() -> None:
    result = read(
        "At the climate meetup: Ana Ruiz (Watershed), Ben Ode (Patch). Ben - I'll call him"
    )
    assert (result.people, result.place) == (("Ana Ruiz", "Ben Ode"), "climate meetup")
    assert dict(result.organizations) == {"Ana Ruiz": "Watershed", "Ben Ode": "Patch"}
    assert promises(result) == [("me", "Ben Ode", "call him", None)]


def test_someone_at_a_company_is_not_the_speakers_employer() -> None:
    result = read("Coffee with Ana Ruiz. She asked if I could intro her to someone at Stripe")
    assert dict(result.organizations) == {}


def test_a_promise_asked_for_is_owed_to_whoever_asked() -> None:
    result = read("Met Ana Ruiz and Ben Ode. Ana Ruiz asked me to send Ben the deck")
    assert promises(result) == [("me", "Ana Ruiz", "send Ben the deck", None)]


# ------------------------------------------------------------------ second round (#12)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Spent the morning with Ruth Adler at the archive", ("Ruth Adler",)),
        ("Ran the parkrun with Kofi Mensah", ("Kofi Mensah",)),
        ("caught the bus w/ ines duarte", ("Ines Duarte",)),
        ("I'll set up a call with Carl Berg next week", ()),
        ("Bumped into old school friend Maya Cohen", ("Maya Cohen",)),
        ("Chatted w/ the barista, theo marsh", ("Theo Marsh",)),
        ("Interviewed Nguyen Van An for the ops role", ("Nguyen Van An",)),
        ("Screened Adebayo 'Bayo' Okoro for the PM role", ("Adebayo Okoro",)),
        ("Call with Cllr. Joan Hart about the park", ("Joan Hart",)),
        ("Met Sam Ward, senior engineer, at the meetup", ("Sam Ward",)),
    ],
)
def test_who_was_there_second_round(text: str, people: tuple[str, ...]) -> None:
    assert read(text).people == people


def test_minutes_style_and_arrows_are_their_promises() -> None:
    result = read("Call w/ Ana Ruiz + Ben Ode. Ben to send the deck by Friday.\nana -> book it")
    assert promises(result) == [
        ("them", "Ben Ode", "send the deck", date(2026, 3, 13)),
        ("them", "Ana Ruiz", "book it", None),
    ]


def test_pronouns_agree_with_what_the_note_says() -> None:
    result = read(
        "Dinner with Omar Lund and Leila Haas. Omar is raising for his startup; Leila is "
        "an angel. I'll send him my notes tomorrow."
    )
    assert promises(result) == [("me", "Omar Lund", "send him my notes", date(2026, 3, 12))]


def test_an_offer_to_introduce_me_is_theirs_and_a_plural_subject_carries_over() -> None:
    result = read("Lunch with Pia Berg. Also offered to introduce me to Jon Voss.")
    assert promises(result) == [("them", "Pia Berg", "introduce me to Jon Voss", None)]
    result = read("Showed the flat to Ana and Ben Ode. They love it but need to sell first.")
    assert promises(result) == []


def test_a_yes_dates_the_request_it_answers() -> None:
    result = read("Zoom with Kai Berg. He asked if I could share the list, I said yes, by Friday.")
    assert promises(result) == [("me", "Kai Berg", "share the list", date(2026, 3, 13))]


def test_organizations_said_in_other_ways() -> None:
    result = read("ran into jake ode, he's at canva now. Saw Declan Roy, who's moved to Stripe")
    assert result.organizations == {"Jake Ode": "canva", "Declan Roy": "Stripe"}
