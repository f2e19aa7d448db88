"""Phrasings read in the seventeenth round: each case written for these tests, not taken
from the corpus. Notes are read at 18:00 on Wednesday 11 March 2026."""

from __future__ import annotations

from datetime import date

import pytest

from tests.capture_notes import promises_in, read


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # "actually no" then the new day
            "Met Pia Lund. I said I'd send her the budget on Friday — actually no, Monday.",
            ("me", "Pia Lund", "send her the budget", date(2026, 3, 16)),
        ),
        (  # "wait," then a reason, then the new day of the month
            "Met Pia Lund. She'll return the signed lease by the 20th — wait, she's in Oslo, "
            "so the 24th.",
            ("them", "Pia Lund", "return the signed lease", date(2026, 3, 24)),
        ),
        (  # dictated with no commas: the cue is no part of the action
            "met pia lund she'll send me the floor plan on Monday actually no Tuesday",
            ("them", "Pia Lund", "send me the floor plan", date(2026, 3, 17)),
        ),
    ],
)
def test_corrected_date(text: str, promise: tuple[object, ...]) -> None:
    assert promises_in(text) == [promise]


def test_correction_then_another_promise_in_the_sentence() -> None:
    assert promises_in(
        "standup with Ravi and Joy, Ravi's going to patch the importer by Thursday actually "
        "no he said Friday, Joy will update the docs"
    ) == [
        ("them", "Ravi", "patch the importer", date(2026, 3, 13)),
        ("them", "Joy", "update the docs", None),
    ]


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # Scots "the morra" is tomorrow
            "Blether with Iain Ross. He's gonnae drop the keys round the morra.",
            ("them", "Iain Ross", "drop the keys round", date(2026, 3, 12)),
        ),
        (  # Australian "this arvo" is today
            "Ran into Shane Kelly at the servo. Said he'd return my ladder this arvo.",
            ("them", "Shane Kelly", "return my ladder", date(2026, 3, 11)),
        ),
        (  # "sat" with a time after it is Saturday
            "saw dev patel at the club. i'll meet him at the boathouse sat 9am",
            ("me", "Dev Patel", "meet him at the boathouse", date(2026, 3, 14)),
        ),
        (  # a day of the month ending the clause, with no "on" or "by"
            "Visit of Ms. Elena Rossi. Elena will send me the offer the 18th.",
            ("them", "Elena Rossi", "send me the offer", date(2026, 3, 18)),
        ),
        (  # "in the next days" says soon: no date, and no part of the action
            "Met Franco Bellini. He will send me the price list in the next days.",
            ("them", "Franco Bellini", "send me the price list", None),
        ),
        (  # "from now on" is no date
            "Session with Nora Quist. She'll train twice a week from now on.",
            ("them", "Nora Quist", "train twice a week from now on", None),
        ),
    ],
)
def test_dates(text: str, promise: tuple[object, ...]) -> None:
    assert promises_in(text) == [promise]


def test_two_actions_each_with_a_bare_day_are_two_promises() -> None:
    assert promises_in(
        "Site visit with Bogdan Nowak. Bogdan will strip the wallpaper Monday and start "
        "plastering Thursday."
    ) == [
        ("them", "Bogdan Nowak", "strip the wallpaper", date(2026, 3, 16)),
        ("them", "Bogdan Nowak", "start plastering", date(2026, 3, 12)),
    ]


@pytest.mark.parametrize(
    ("text", "promises"),
    [
        (  # a pronoun label after an arrow bullet
            "1:1 with Tom Price\n→ me: book the offsite by Friday\n→ him: draft the agenda, "
            "next Mon\n→ him: owes me the headcount plan",
            [
                ("me", "Tom Price", "book the offsite", date(2026, 3, 13)),
                ("them", "Tom Price", "draft the agenda", date(2026, 3, 16)),
                ("them", "Tom Price", "the headcount plan", None),
            ],
        ),
        (  # a labelled line's second action, after a comma, is the label's too
            "kickoff w/ ana ruiz & lee chen\nana: share the repo today, set up CI by fri",
            [
                ("them", "Ana Ruiz", "share the repo", date(2026, 3, 11)),
                ("them", "Ana Ruiz", "set up CI", date(2026, 3, 13)),
            ],
        ),
        (  # … but not when it names a doer of its own
            "Club lunch\n- Rosa Vidal: will ask her brother about the van; she'll let me "
            "know by the 20th",
            [
                ("them", "Rosa Vidal", "ask her brother about the van", None),
                ("them", "Rosa Vidal", "let me know", date(2026, 3, 20)),
            ],
        ),
        (  # a dated thing with no verb under "Them:" is theirs
            "Kickoff w/ Omar Said\nMe:\n- send the sitemap by Mon\nThem:\n- Shopify "
            "logins tomorrow",
            [
                ("me", "Omar Said", "send the sitemap", date(2026, 3, 16)),
                ("them", "Omar Said", "Shopify logins", date(2026, 3, 12)),
            ],
        ),
        (  # … and after "Name:"
            "Committee mtg\n- Ines Lobo (chair) will book the hall\n- Tariq: raffle "
            "tickets, by next fri",
            [
                ("them", "Ines Lobo", "book the hall", None),
                ("them", "Tariq", "raffle tickets", date(2026, 3, 20)),
            ],
        ),
        (  # a "Me:" line's items after a semicolon are mine
            "Call w/ Yuna Park\nMe: chapter 3 by the 31st; a glossary for her editor",
            [
                ("me", "Yuna Park", "chapter 3", date(2026, 3, 31)),
                ("me", "Yuna Park", "a glossary for her editor", None),
            ],
        ),
    ],
)
def test_labelled_lines(text: str, promises: list[tuple[object, ...]]) -> None:
    assert promises_in(text) == promises


def test_a_person_and_an_aside_then_a_bare_modal_is_theirs() -> None:
    assert promises_in(
        "Home visit to Mrs. Vera Holm. Her son Piet, who was visiting, will collect the "
        "prescription."
    ) == [("them", "Piet", "collect the prescription", None)]


def test_a_bare_modal_done_to_me_is_theirs() -> None:
    assert promises_in(
        "climbing w/ josh + his sister maya. maya thinks she can get us a discount, will "
        "let me know by fri"
    ) == [("them", "Maya", "let me know", date(2026, 3, 13))]


def test_a_bare_modal_done_to_them_is_still_mine() -> None:
    assert promises_in("Met Ana Ruiz, she's lovely, will send her the deck.") == [
        ("me", "Ana Ruiz", "send her the deck", None)
    ]


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # dictated punctuation before a written stop
            "Saw Dr Helga Brun at the clinic comma she's the new GP period. She's going to "
            "order the blood tests period.",
            ("them", "Helga Brun", "order the blood tests", None),
        ),
        (
            "Lunch with Dave Moss. Dave said he'd lend us the van on Saturday full stop.",
            ("them", "Dave Moss", "lend us the van", date(2026, 3, 14)),
        ),
        (  # a South African "ja" before my clause
            "call with Johan Botha, he'll send the quote by Monday and ja I must book the "
            "survey by the 20th",
            ("them", "Johan Botha", "send the quote", date(2026, 3, 16)),
        ),
        (  # ", yeah," ends what she will do
            "coffee with Rachel Stone she'll intro us next week, yeah, good chat overall",
            ("them", "Rachel Stone", "intro us", date(2026, 3, 16)),
        ),
    ],
)
def test_dictation(text: str, promise: tuple[object, ...]) -> None:
    assert promise in promises_in(text)


def test_ja_starts_my_own_promise() -> None:
    assert (
        "me",
        "Johan Botha",
        "book the survey",
        date(2026, 3, 20),
    ) in promises_in(
        "call with Johan Botha, he'll send the quote by Monday and ja I must book the survey "
        "by the 20th"
    )


@pytest.mark.parametrize(
    "text",
    [
        # a request not answered yet is no promise
        "Met Lena Ek. Asked me to cover her shift in April, havent said yes.",
        "Met Lena Ek. She asked me to judge the bake-off, I haven't said yes.",
    ],
)
def test_request_not_answered_yet(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("checkup, dr. amir haddad's new here. nice guy", ("Amir Haddad",)),
        (  # "I" after a first name is the writer, not a surname
            "I met Madam Abena Owusu. I promised Madam Abena I will bring the forms.",
            ("Abena Owusu",),
        ),
        (  # "the ROLE" after a name, before "and", goes on with the list
            "I met Mr. Kofi Asare the treasurer and Mrs. Ama Boateng the secretary.",
            ("Kofi Asare", "Ama Boateng"),
        ),
        (  # a church title is no part of the name
            "After mass I met Deaconess Ngozi Eze.",
            ("Ngozi Eze",),
        ),
        (  # a firm after the list's last name is where they work, no one met
            "Meeting with Mr. Lars Berg and Mrs. Eva Lind, Ericsson Research, in Kista.",
            ("Lars Berg", "Eva Lind"),
        ),
        (  # a verb typed in lower case between "and" and its object is no one
            "Call with Mia Roth. I'll send her the quote and pencil her in for May.",
            ("Mia Roth",),
        ),
    ],
)
def test_people(text: str, people: tuple[str, ...]) -> None:
    assert read(text).people == people


def test_a_firm_after_the_lists_last_name_is_theirs() -> None:
    parse = read("Meeting with Mr. Lars Berg and Mrs. Eva Lind, Ericsson Research, in Kista.")
    assert parse.organizations == {
        "Lars Berg": "Ericsson Research",
        "Eva Lind": "Ericsson Research",
    }


def test_a_title_alone_means_the_one_so_titled() -> None:
    assert promises_in(
        "After mass I met Deaconess Ngozi Eze. Deaconess will collect the pledges by Sunday."
    ) == [("them", "Ngozi Eze", "collect the pledges", date(2026, 3, 15))]


def test_whose_relative_then_a_name_then_a_bare_modal() -> None:
    parse = read("Netball final. Ella's mum, Grace, will drive the girls on Saturday.")
    assert parse.people == ("Grace",)
    assert promises_in("Netball final. Ella's mum, Grace, will drive the girls on Saturday.") == [
        ("them", "Grace", "drive the girls", date(2026, 3, 14))
    ]


def test_a_group_named_before_a_lower_case_list() -> None:
    assert set(read("pub quiz w/ the work lot tom, ines + raj. fun").people) == {
        "Tom",
        "Ines",
        "Raj",
    }


def test_the_relative_of_the_one_met_keeps_their_promise() -> None:
    text = "Call with Dr. Ines Moura. Her postdoc, Rui Lopes, will send me the data on Friday."
    assert promises_in(text) == [("them", "Rui Lopes", "send me the data", date(2026, 3, 13))]


def test_a_pause_before_i_starts_my_promise() -> None:
    assert promises_in(
        "so um met Lucia Ferri she runs events at Fiera and she wants a demo um I told her "
        "I'd send a proposal by Friday"
    ) == [("me", "Lucia Ferri", "send a proposal", date(2026, 3, 13))]


def test_a_pause_after_said_is_only_a_pause() -> None:
    assert promises_in(
        "so um met Diego Ruiz and I said um I'd check with our drivers and send him a plan "
        "by the 20th"
    ) == [("me", "Diego Ruiz", "check with our drivers and send him a plan", date(2026, 3, 20))]


def test_be_the_one_to() -> None:
    assert promises_in("Met Ate Liza Santos. She will be the one to call the caterer.") == [
        ("them", "Liza Santos", "call the caterer", None)
    ]
