"""Phrasings read in the fourteenth round (the learned finder and cutter have their own
test modules): each case written for these tests, not taken from the corpus."""

from __future__ import annotations

from datetime import date

import pytest

from tests.capture_notes import promises_in


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # a bare "no," after a dash corrects, and the reason after it is no part of it
            "Ran into Olivia Grant at the market. She'll let me know by Wednesday — no, "
            "Tuesday, she's away Wed.",
            ("them", "Olivia Grant", "let me know", date(2026, 3, 17)),
        ),
        (  # "the 24th" right after a correction word is a date, before the reason's own
            "Met Olga Petrenko. I'll send Olga the hiring plan on the 25th. Correction: the "
            "24th, the panel meets on the 25th.",
            ("me", "Olga Petrenko", "send Olga the hiring plan", date(2026, 3, 24)),
        ),
        (
            "Met Piotr Nowak. I'll let him know by the 21st — no, the 28th, she's away next week.",
            ("me", "Piotr Nowak", "let him know", date(2026, 3, 28)),
        ),
        (  # "as …" after the new date says why
            "Met Ms. Eleanor Whitcombe. I will circulate draft heads of terms to her next "
            "Wednesday — correction, next Thursday, as she is in court on Wednesday.",
            ("me", "Eleanor Whitcombe", "circulate draft heads of terms to her", date(2026, 3, 19)),
        ),
    ],
)
def test_a_corrected_date_with_its_reason(
    text: str, promise: tuple[str, str, str, date | None]
) -> None:
    assert promise in promises_in(text)


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # "no" that answers, not corrects: the date stays
            "Met Ana Ruiz. I'll send her the deck by Friday. No, she'll call me.",
            ("me", "Ana Ruiz", "send her the deck", date(2026, 3, 13)),
        ),
        (  # "the 3rd draft" is no date
            "Met Ana Ruiz. I'll send her the deck by Friday — no, the 3rd draft is better.",
            ("me", "Ana Ruiz", "send her the deck", date(2026, 3, 13)),
        ),
    ],
)
def test_what_is_not_a_correction_keeps_the_date(
    text: str, promise: tuple[str, str, str, date | None]
) -> None:
    assert promise in promises_in(text)


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # a run-on note: who wants it is named at the end of the clause before
            "so I met Priya Das and her colleague Tom Hale at the expo Priya wants a demo of "
            "the app so I will set that up for next Thursday and Tom said he would call me",
            ("me", "Priya Das", "set that up", date(2026, 3, 19)),
        ),
        (  # typed in lower case, two clauses before
            "bbq at sam's, met his sister rachel gold + her bf ollie. ollie wants to borrow my "
            "tent, told him sure, will drop it round next sat",
            ("me", "Ollie", "drop it round", date(2026, 3, 21)),
        ),
        (  # who needs it is named before the promise in its own clause
            "Stand visit from Dr. Layla Hamdan and her buyer Omar Saleh. Omar needs our CE "
            "certificate, will email it Monday.",
            ("me", "Omar Saleh", "email it", date(2026, 3, 16)),
        ),
    ],
)
def test_a_promise_naming_no_one_answers_who_wants_it(
    text: str, promise: tuple[str, str, str, date | None]
) -> None:
    assert promise in promises_in(text)


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # a place one goes to is nobody to promise to
            "Phone call with my aunt Lucía Fernández, she's lonely. Promised I'd come down to "
            "Valencia on the 17th.",
            ("me", "Lucía Fernández", "come down to Valencia", date(2026, 3, 17)),
        ),
        (  # but a person one goes to see is
            "Met Ana Ruiz and Ben Ode. I'll go see Ben next week.",
            ("me", "Ben Ode", "go see Ben", date(2026, 3, 16)),
        ),
    ],
)
def test_where_i_go_is_not_whom_i_promise(
    text: str, promise: tuple[str, str, str, date | None]
) -> None:
    assert promise in promises_in(text)


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # what the other said after a correction word moves the date, not the promise
            "Met Femi Ade. Femi will send the preprint on Monday — correction, he said "
            "Tuesday, since Monday is a holiday for them.",
            ("them", "Femi Ade", "send the preprint", date(2026, 3, 17)),
        ),
        (
            "Met Amélie Roux. Amélie will send me the specs on Monday — no sorry, she said "
            "Tuesday finally.",
            ("them", "Amélie Roux", "send me the specs", date(2026, 3, 17)),
        ),
    ],
)
def test_a_correction_that_says_who_said_the_new_date(
    text: str, promise: tuple[str, str, str, date | None]
) -> None:
    assert promises_in(text) == [promise]


def test_a_promise_taken_back_stays_taken_back() -> None:
    assert (
        promises_in("Met Ana Ruiz. I'll send her the deck by Friday, no wait, scratch that.") == []
    )


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # the correction tells what happened, then names the new date last
            "Demo for Lindiwe Dube. I'll send Lindiwe a proposal by the 24th - actually she "
            "rang after and moved it to the 28th. Pieter will share the SLA tomorrow.",
            ("me", "Lindiwe Dube", "send Lindiwe a proposal", date(2026, 3, 28)),
        ),
        (
            "Met Kalinda Moore. Kalinda will send the final cut on Tuesday - no, she just "
            "texted, Wednesday.",
            ("them", "Kalinda Moore", "send the final cut", date(2026, 3, 18)),
        ),
        (
            "Met Ifeoma Obi. ifeoma will deliver the icons nov 3, no - she asked for more "
            "time, so nov 6",
            ("them", "Ifeoma Obi", "deliver the icons", date(2026, 11, 6)),
        ),
        (  # news with a date of its own is no correction of the promise before
            "Met Ana Ruiz. I'll send her the deck by Friday, actually the budget is due Monday.",
            ("me", "Ana Ruiz", "send her the deck", date(2026, 3, 13)),
        ),
        (  # nor is a promise of its own after the correction word
            "Met Ana Ruiz. I'll send her the deck by Friday — actually she'll call me on Monday.",
            ("me", "Ana Ruiz", "send her the deck", date(2026, 3, 13)),
        ),
    ],
)
def test_a_late_correction_names_the_new_date_last(
    text: str, promise: tuple[str, str, str, date | None]
) -> None:
    assert promise in promises_in(text)


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # a deadline before the promise, cut off as a clause of its own
            "Met Leah Cole. By December 20 I need to return the book Leah lent me.",
            ("me", "Leah Cole", "return the book Leah lent me", date(2026, 12, 20)),
        ),
        (  # "close of business on the 6th" is the 6th, and no part of the words
            "Met Mr. Dominic Ash. I undertook to provide the disclosure bundle to Mr. Ash by "
            "close of business on the 6th.",
            ("me", "Dominic Ash", "provide the disclosure bundle to Mr. Ash", date(2026, 4, 6)),
        ),
        (  # a correction inside the promise's own clause
            "Met Tomás Ruiz. tomás will send me a stretching plan friday no actually saturday",
            ("them", "Tomás Ruiz", "send me a stretching plan", date(2026, 3, 14)),
        ),
        (  # "by COB Friday" still reads as before
            "Met Ana Ruiz. I'll send her the deck by COB Friday.",
            ("me", "Ana Ruiz", "send her the deck", date(2026, 3, 13)),
        ),
    ],
)
def test_deadlines_written_around_the_promise(
    text: str, promise: tuple[str, str, str, date | None]
) -> None:
    assert promise in promises_in(text)


def test_a_fronted_deadline_is_not_taken_by_the_promise_before() -> None:
    assert promises_in("Met Leah Cole. I'll call her. By Friday I'll send her the plan.") == [
        ("me", "Leah Cole", "call her", None),
        ("me", "Leah Cole", "send her the plan", date(2026, 3, 13)),
    ]


@pytest.mark.parametrize(
    ("text", "promises"),
    [
        (  # "no." ends a sentence before a capital (it is "No. 5" only before a number)
            "Lunch with Rafael Dom. He asked me to speak at his demo day - had to say no. "
            "Offered instead to review their pitch decks by Friday.",
            [("me", "Rafael Dom", "review their pitch decks", date(2026, 3, 13))],
        ),
        (  # owing nothing is no debt
            "Met Ewa Nowak at the allotment. she owes me nothing lol but she owes me a tenner "
            "for the parking",
            [("them", "Ewa Nowak", "a tenner for the parking", None)],
        ),
    ],
)
def test_offers_and_debts_in_passing(
    text: str, promises: list[tuple[str, str, str, date | None]]
) -> None:
    assert promises_in(text) == promises


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (  # the woman whose deck it is, not the man mentioned last
            "Coffee with Sofia Karl - Mikael Berg introduced us by email last week. She's a "
            "data scientist. I offered to look over her pitch deck before the 25th.",
            "Sofia Karl",
        ),
        (  # but what goes on to someone else is for whom the promise is made
            "Met Avi Ben-David and Noa Levi. Avi asked, so I'll pass her CV to HR on Monday.",
            "Avi Ben-David",
        ),
    ],
)
def test_a_promise_about_her_thing_is_for_her(text: str, person: str) -> None:
    assert [p[1] for p in promises_in(text)] == [person]


@pytest.mark.parametrize(
    ("text", "promises"),
    [
        (  # a request answered later: the answer is what is promised
            "Met Maria Rocha. Maria asked me to join their advisory board; I'll check with "
            "legal and answer her by next Friday.",
            [("me", "Maria Rocha", "check with legal and answer her", date(2026, 3, 20))],
        ),
        (
            "Met Callum Reid. Callum asked me to join the five-a-side on Tuesdays, told him "
            "maybe, will let him know by Sunday.",
            [("me", "Callum Reid", "let him know", date(2026, 3, 15))],
        ),
        (  # telling her when it is done answers nothing: the request stands
            "Met Ana Ruiz. Ana asked me to send her the deck, I'll let her know when it's done.",
            [
                ("me", "Ana Ruiz", "send her the deck", None),
                ("me", "Ana Ruiz", "let her know when it's done", None),
            ],
        ),
    ],
)
def test_a_request_not_answered_yet_is_no_promise(
    text: str, promises: list[tuple[str, str, str, date | None]]
) -> None:
    assert promises_in(text) == promises


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        (  # a brand after "a" is no one; "before then" dates nothing of its own
            "Plumber came - Gary Mull. He'll come back Thursday to fit the new valve, and I "
            "need to buy the tap before then (he recommended a Grohe).",
            ("me", "Gary Mull", "buy the tap", None),
        ),
        (  # a number after a name met is how many, not "Year 10"
            "Pitch practice w/ Kwame Asante & Julia Brandt\nMe:\n- send updated deck to Julia "
            "by wed\n- send Kwame 3 customer refs by end of week",
            ("me", "Kwame Asante", "send Kwame 3 customer refs", date(2026, 3, 13)),
        ),
    ],
)
def test_whom_the_promise_names(text: str, promise: tuple[str, str, str, date | None]) -> None:
    assert promise in promises_in(text)
