"""The fifth round's phrasing families (issue #12): minutes and action items, labels before
a promise, a date said after the promise, initials, dated present plans.

Fresh notes, none of them in the corpus; the perturbation harness
(``tests/test_capture_perturbations.py``) varies the older families the same ways.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.capture_notes import FRI, MON, promises, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an action label before whose item it is
            "Call with Nina Holt and Leo Varga\nAction: Nina to send the budget by Friday",
            [("them", "Nina Holt", "send the budget", FRI)],
        ),
        (
            "Call with Nina Holt and Leo Varga\nAction: Leo \u2013 review the draft by Monday",
            [("them", "Leo Varga", "review the draft", MON)],
        ),
        (
            "Call with Nina Holt\nAction: me \u2013 send Nina the contract by Friday",
            [("me", "Nina Holt", "send Nina the contract", FRI)],
        ),
        (
            "Call with Nina Holt\nActions:\n1. Me to book the venue by Monday",
            [("me", "Nina Holt", "book the venue", MON)],
        ),
        (  # a label line alone is no promise
            "Call with Nina Holt\nFollow-ups:\n- send Nina the contract by Friday",
            [("me", "Nina Holt", "send Nina the contract", FRI)],
        ),
        (  # initials as minutes write them
            "Attendees: Nina Holt (NH), Leo Varga (LV)\nNH to share the figures by Monday",
            [("them", "Nina Holt", "share the figures", MON)],
        ),
        (  # the date in the next clause or sentence
            "Met Nina Holt. I'll send her the deck \u2014 should be done by Friday.",
            [("me", "Nina Holt", "send her the deck", FRI)],
        ),
        (
            "Met Nina Holt. She'll send me the report. Agreed: by Monday.",
            [("them", "Nina Holt", "send me the report", MON)],
        ),
        (  # a fronted date
            "Met Nina Holt. By Friday she'll send me the report.",
            [("them", "Nina Holt", "send me the report", FRI)],
        ),
        (  # a label before a promise wording adds nothing
            "Met Nina Holt.\nNote to self: promised to send her the deck by Friday",
            [("me", "Nina Holt", "send her the deck", FRI)],
        ),
        (
            "Met Leo Varga.\nTODO: he's gonna send the contract by Monday",
            [("them", "Leo Varga", "send the contract", MON)],
        ),
        (  # as many write it in English as a second language
            "Lunch with Leo Varga. I promised him to send the offer until Friday.",
            [("me", "Leo Varga", "send the offer", FRI)],
        ),
        (
            "Coffee with Nina Holt. She reminded me I'd promised to cover her shift on Monday.",
            [("me", "Nina Holt", "cover her shift", MON)],
        ),
        (  # a dated present is a plan
            "lunch w/ nina holt - she sends budget fri, i send the deck mon",
            [("them", "Nina Holt", "sends budget", FRI), ("me", "Nina Holt", "send the deck", MON)],
        ),
        (  # a lower-case name that receives something is the promise's person
            "Met Nina Holt. need to send omar the link by Friday",
            [("me", "Omar", "send omar the link", FRI)],
        ),
    ],
)
def test_round5_promises(
    text: str, expected: list[tuple[str, str | None, str, date | None]]
) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Met Nina Holt. I send her a card every year.",  # a habit, undated
        "Note to self: call w/ Nina Holt went well.",  # a meeting, not a to-do
        "Met Nina Holt. Repro'd it together.",  # "'d" before an object is no "would"
        "Met Nina Holt.\nFollow-ups:",
        "Met Nina Holt. Sent home the forms.",
    ],
)
def test_round5_no_promise(text: str) -> None:
    assert promises(read(text)) == []


def test_a_lower_case_name_takes_the_accents_written_elsewhere() -> None:
    result = read(
        "ran into carlos. he said luc\u00eda (his sister) loves it"
        " - need to send lucia a beta invite"
    )
    assert [c.person_name for c in result.commitments] == ["Luc\u00eda"]


def test_a_pronoun_means_the_one_just_named_in_its_sentence() -> None:
    # Klaus is known to be "he" from an earlier sentence; Yusuf, named just before "him"
    # in the same sentence, is who "him" means
    result = read(
        "Dinner with Klaus Riedel and Yusuf Demir. Klaus is retired, he was a chemist. "
        "Yusuf wants to see our prototype, I promised to show it to him on Friday."
    )
    assert promises(result) == [("me", "Yusuf Demir", "show it to him", FRI)]


def test_someone_described_then_named_after_a_dash_was_met() -> None:
    result = read(
        "Sat next to a lovely woman on the 07:12 to Paddington \u2014 Margaret Ellis, retired "
        "headteacher. I said I'd email her some dates by Friday."
    )
    assert result.people == ("Margaret Ellis",)
    assert promises(result) == [("me", "Margaret Ellis", "email her some dates", FRI)]


def test_one_line_per_person_met() -> None:
    result = read(
        "Recruiting fair at TU Delft today\n"
        "Femke de Vries \u2013 ML masters, wants Amsterdam. Send her the job spec by Friday\n"
        "Joost van den Berg \u2013 PhD, robotics. He'll send his CV next week\n"
    )
    assert result.people == ("Femke de Vries", "Joost van den Berg")
    assert promises(result) == [
        ("me", "Femke de Vries", "Send her the job spec", FRI),
        ("them", "Joost van den Berg", "send his CV", MON),
    ]


def test_a_single_heading_line_is_no_person() -> None:
    assert read("Budget Review \u2013 went fine. Met Ana Ruiz.").people == ("Ana Ruiz",)


def test_will_call_her_after_a_description_of_her_is_mine() -> None:
    result = read("Met Ana Ruiz and Ben Ode. Ana is the decision maker, will call her next week.")
    assert promises(result) == [("me", "Ana Ruiz", "call her", MON)]


def test_will_send_me_after_a_description_carries_the_subject() -> None:
    result = read("Met Ana Ruiz. She's keen, will send me the brief by Friday.")
    assert promises(result) == [("them", "Ana Ruiz", "send me the brief", FRI)]


def test_items_under_an_action_heading_are_each_persons() -> None:
    result = read(
        "QBR w/ Northwind\n* Greg Hollis, VP Ops\n* Linh Tran, procurement\n"
        "action items:\n- me: send Greg the quote by Friday\n- Linh: PO number by Monday\n"
        "- Greg: intro to their CIO, Pat Morales, next week"
    )
    assert promises(result) == [
        ("me", "Greg Hollis", "send Greg the quote", FRI),
        ("them", "Linh Tran", "PO number", MON),
        ("them", "Greg Hollis", "intro to their CIO, Pat Morales", MON),
    ]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Back from the night. First proper chat was with Priya Raman, who runs ops.",
            ("Priya Raman",),
        ),
        (
            "Good evening. First, Ramesh Iyer, he heads fintech. "
            "Second, Divya Menon from Freshworks.",
            ("Ramesh Iyer", "Divya Menon"),
        ),
        ("Then Tomasz Nowak from Allegro, who I know from studies.", ("Tomasz Nowak",)),
        (
            "Ended up at a table with three people from CSIRO, Mia Thornton, Josh Papadopoulos "
            "and Ngaire Walker.",
            ("Mia Thornton", "Josh Papadopoulos", "Ngaire Walker"),
        ),
    ],
)
def test_narrative_ways_of_saying_who_was_there(text: str, people: tuple[str, ...]) -> None:
    assert read(text).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Three talks. (1) Amira Haddad stopped by. (2) Theo Lambert came over.",
            ("Amira Haddad", "Theo Lambert"),
        ),
        ("I spoke first with Clemence Dubois, she is head of digital.", ("Clemence Dubois",)),
    ],
)
def test_enumerated_and_adverbed_meetings(text: str, people: tuple[str, ...]) -> None:
    assert read(text).people == people


@pytest.mark.parametrize(
    "text",
    [
        "Met Jan Berg. Need to brief him next week \u2014 he'll want the details.",
        "Met Fenna Vries. Fenna is writing a blog series about clusters.",
    ],
)
def test_a_wish_or_ongoing_work_is_no_promise_of_theirs(text: str) -> None:
    assert [c.owner for c in read(text).commitments] == ["me"] * text.count("Need")


def test_ive_gotta_and_a_time_of_day_lead() -> None:
    result = read(
        "Met Ana Ruiz. I've gotta send her three profiles by Monday, "
        "and tomorrow arvo I have to ring Jas about the rates."
    )
    assert promises(result) == [
        ("me", "Ana Ruiz", "send her three profiles", MON),
        ("me", "Jas", "ring Jas about the rates", date(2026, 3, 12)),
    ]


def test_who_is_with_a_company_is_an_employer_not_a_meeting() -> None:
    result = read("Panel with Otieno Ochieng and Halima Yusuf, who is with Davis & Shirtliff.")
    assert result.people == ("Otieno Ochieng", "Halima Yusuf")


def test_loop_in_names_the_person() -> None:
    result = read("Call with Derek Huang. Need to loop in Anjali from our security team by Friday.")
    assert promises(result) == [("me", "Anjali", "loop in Anjali from our security team", FRI)]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("I talked long with Joao Almeida, he is design lead.", ("Joao Almeida",)),
        ("Later, Prof. Elena Vasquez grabbed me.", ("Elena Vasquez",)),
        ("I got talking to Pieter du Plessis, who runs a startup.", ("Pieter du Plessis",)),
    ],
)
def test_more_narrative_meetings(text: str, people: tuple[str, ...]) -> None:
    assert read(text).people == people
