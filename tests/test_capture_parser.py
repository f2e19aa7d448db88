"""The capture parser on the phrasings people really type right after meeting someone.

Every case runs with a fixed "now": Wednesday 25 November 2026, 18:00, so "by Friday" is
Fri 27 Nov, "next week" is Mon 30 Nov and "before the 3rd" is Thu 3 Dec. The property tests
at the end pin the promises the capture window relies on: the parser never raises, and
``notes`` is always exactly what the user typed.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.capture import parser as capture_parser
from desktop.domain.capture.parser import (
    CaptureParse,
    EnglishRules,
    ParsedCommitment,
    ParsedIntroduction,
    parse_capture,
    rules_for,
)

NOW = datetime(2026, 11, 25, 18, 0)  # a Wednesday
FRI = date(2026, 11, 27)
NEXT_MON = date(2026, 11, 30)
ROOT = Path(__file__).resolve().parents[1]

EXAMPLE = (
    "Met Ana Ruiz and Ben Ode from Acme at PyCon — kids love sailing. I'll send her the deck "
    "by Friday. She'll intro me to Ben. #python #hiring"
)


def parse(text: str, known: tuple[str, ...] = ()) -> CaptureParse:
    """Parse with the fixed clock, failing the test if the never-raise guard had to act."""
    with no_parser_errors():
        return parse_capture(text, now=NOW, known_names=known)


@contextmanager
def no_parser_errors() -> Iterator[None]:
    """The public function swallows internal errors; tests must still see them."""
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collect(level=logging.ERROR)
    logger = logging.getLogger(capture_parser.__name__)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    assert not records, records[0].getMessage()


def source(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


def only(result: CaptureParse) -> ParsedCommitment:
    assert len(result.commitments) == 1, result.commitments
    return result.commitments[0]


# ------------------------------------------------------------------- the full example


def test_the_example_note_completely() -> None:
    result = parse(EXAMPLE)
    assert result == CaptureParse(
        people=("Ana Ruiz", "Ben Ode"),
        organization="Acme",
        place="PyCon",
        commitments=(
            ParsedCommitment(
                owner="me",
                description="send her the deck",
                # "her" is the latest mention; a list ("Ana Ruiz and Ben Ode") counts as
                # one mention led by its first name. The preview lets the user change it.
                person_name="Ana Ruiz",
                due=FRI,
                due_text="by Friday",
                span=result.commitments[0].span,
            ),
            ParsedCommitment(
                owner="them",
                description="intro me to Ben",
                person_name="Ana Ruiz",  # "she" is not Ben, who is named in the clause
                due=None,
                due_text="",
                span=result.commitments[1].span,
            ),
        ),
        introductions=(
            ParsedIntroduction(
                introducer="Ana Ruiz",
                person="Ben Ode",
                to=None,
                done=False,
                span=result.introductions[0].span,
            ),
        ),
        tags=("python", "hiring"),
        notes=EXAMPLE,
        organizations={"Ana Ruiz": "Acme", "Ben Ode": "Acme"},  # "... from Acme": both
    )
    mine, theirs = result.commitments
    assert source(EXAMPLE, mine.span) == "I'll send her the deck by Friday."
    assert source(EXAMPLE, theirs.span) == "She'll intro me to Ben."
    assert source(EXAMPLE, result.introductions[0].span) == "She'll intro me to Ben."


def test_design_example_with_one_person_resolves_her_and_she() -> None:
    text = (
        "Met Ana Ruiz (Acme) at PyCon — kids love sailing. I'll send her the deck by Friday. "
        "She'll intro me to Ben."
    )
    result = parse(text)
    assert result.people == ("Ana Ruiz",)
    assert (result.organization, result.place) == ("Acme", "PyCon")
    assert [(c.owner, c.description, c.person_name, c.due) for c in result.commitments] == [
        ("me", "send her the deck", "Ana Ruiz", FRI),
        ("them", "intro me to Ben", "Ana Ruiz", None),
    ]
    assert result.introductions == (
        ParsedIntroduction("Ana Ruiz", "Ben", None, False, result.commitments[1].span),
    )


# ------------------------------------------------------------------------ commitments


def test_i_will_call_him_next_week() -> None:
    commitment = only(parse("I will call him next week"))
    assert commitment == ParsedCommitment(
        "me", "call him", None, NEXT_MON, "next week", (0, len("I will call him next week"))
    )


def test_me_label_line() -> None:
    commitment = only(parse("Me: send slides"))
    assert (commitment.owner, commitment.description, commitment.due) == ("me", "send slides", None)
    assert commitment.due_text == ""


def test_named_person_will_before_the_3rd() -> None:
    commitment = only(parse("Ben will send the contract before the 3rd"))
    assert commitment.owner == "them"
    assert commitment.person_name == "Ben"
    assert commitment.description == "send the contract"
    assert (commitment.due, commitment.due_text) == (date(2026, 12, 3), "before the 3rd")


def test_named_person_is_completed_from_known_contacts() -> None:
    commitment = only(parse("Ben will send the contract before the 3rd", known=("Ben Ode",)))
    assert commitment.person_name == "Ben Ode"


def test_they_will_get_back_in_two_weeks() -> None:
    commitment = only(parse("They'll get back to me in two weeks"))
    assert (commitment.owner, commitment.description) == ("them", "get back to me")
    assert (commitment.due, commitment.due_text) == (date(2026, 12, 9), "in two weeks")
    assert commitment.person_name is None  # nobody was met in this note


def test_they_with_one_person_met_is_that_person() -> None:
    result = parse("Met Ana Ruiz at PyCon. They'll get back to me in two weeks.")
    assert only(result).person_name == "Ana Ruiz"


def test_they_with_several_people_met_is_the_first_of_the_latest_group() -> None:
    result = parse("Met Ana Ruiz, Ben Ode, and Carl Diaz at PyCon. They'll send the slides.")
    assert result.people == ("Ana Ruiz", "Ben Ode", "Carl Diaz")
    assert only(result).person_name == "Ana Ruiz"


def test_a_pronoun_means_the_person_mentioned_last() -> None:
    result = parse("Lunch with Ana Ruiz and Ben Ode. Ben is hiring; I'll send him Lea's CV.")
    assert only(result).person_name == "Ben Ode"


def test_two_promises_in_one_sentence_get_their_own_clauses() -> None:
    text = "I'll email her on Monday morning, and she'll ping Ben next Friday."
    mine, theirs = parse(text).commitments
    assert (mine.owner, mine.description, mine.due, mine.due_text) == (
        "me",
        "email her",
        NEXT_MON,
        "on Monday morning",
    )
    assert source(text, mine.span) == "I'll email her on Monday morning"
    assert (theirs.owner, theirs.description, theirs.due) == ("them", "ping Ben", date(2026, 12, 4))
    assert source(text, theirs.span) == "she'll ping Ben next Friday."


def test_due_phrase_before_the_promise_counts() -> None:
    result = parse("Lunch with Ana. Tomorrow I'll call her.")
    commitment = only(result)
    assert (commitment.description, commitment.person_name) == ("call her", "Ana")
    assert (commitment.due, commitment.due_text) == (date(2026, 11, 26), "Tomorrow")
    assert source(result.notes, commitment.span) == "Tomorrow I'll call her."


def test_note_style_without_subject_and_lowercase_i() -> None:
    assert only(parse("Will send the deck by Fri")).due == FRI
    lower = only(parse("i'll send the deck tmrw"))
    assert (lower.owner, lower.description, lower.due_text) == ("me", "send the deck", "tmrw")
    todo = only(parse("TODO: book the venue by next week"))
    assert (todo.owner, todo.description, todo.due) == ("me", "book the venue", NEXT_MON)


def test_a_person_called_will_is_not_a_promise_of_mine() -> None:
    commitment = only(parse("Will Smith will send the deck"))
    assert (commitment.owner, commitment.person_name) == ("them", "Will Smith")


def test_said_she_would_and_i_think_he_will() -> None:
    said = only(parse("Ana said she'd send the paper by next week"))
    assert (said.owner, said.person_name, said.description) == ("them", "Ana", "send the paper")
    think = only(parse("PS I think Ben will send the contract by Friday"))
    assert (think.person_name, think.due) == ("Ben", FRI)


def test_negated_promises_and_plain_notes_give_no_commitments() -> None:
    assert parse("I will not send the deck").commitments == ()
    assert parse("They'll never reply, honestly.").commitments == ()
    plain = parse("Great chat with Ana Ruiz about sailing and kids. Lovely person.")
    assert plain.commitments == ()
    assert plain.introductions == ()
    assert plain.people == ("Ana Ruiz",)


def test_whether_she_will_is_not_her_promise() -> None:
    commitment = only(parse("I'll check whether she will come"))
    assert (commitment.owner, commitment.description) == ("me", "check whether she will come")


def test_promise_person_defaults_to_the_one_person_met() -> None:
    assert only(parse("Met Ana Ruiz. I'll send the deck.")).person_name == "Ana Ruiz"
    assert only(parse("Met Ana Ruiz. I'll send it by March 3.")).person_name == "Ana Ruiz"
    # someone named in the promise is its other party, met or not ("send Omar the link")
    assert only(parse("Met Ana Ruiz. I'll email Carl.")).person_name == "Carl"
    # a named contact wins over the person met
    named = only(parse("Met Ben. I'll send Ana the intro by Monday.", known=("Ana Ruiz",)))
    assert (named.person_name, named.description) == ("Ana Ruiz", "send Ana the intro")


def test_commitment_description_drops_tags() -> None:
    commitment = only(parse("I'll send the deck by Friday #urgent"))
    assert commitment.description == "send the deck"


# ---------------------------------------------------------------------------- due dates


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("by tomorrow", date(2026, 11, 26)),
        ("tonight", date(2026, 11, 25)),
        ("the day after tomorrow", date(2026, 11, 27)),
        ("by Friday", FRI),
        ("on Friday", FRI),
        ("this Friday", FRI),
        ("by Wednesday", date(2026, 12, 2)),  # today is Wednesday: a week from now
        ("by next Monday", NEXT_MON),
        ("next Friday", date(2026, 12, 4)),  # Friday of next week, unlike dateparser
        ("Friday next week", date(2026, 12, 4)),
        ("by Fri", FRI),
        ("next week", NEXT_MON),
        ("by end of week", FRI),
        ("over the weekend", date(2026, 11, 28)),
        ("before the 3rd", date(2026, 12, 3)),
        ("on the 15th", date(2026, 12, 15)),
        ("by the 25th", date(2026, 12, 25)),  # the 25th is today: the next one
        ("by the 3rd of January", date(2027, 1, 3)),
        ("by March 3", date(2027, 3, 3)),
        ("by 3 Dec 2027", date(2027, 12, 3)),
        ("by Dec 3rd", date(2026, 12, 3)),
        ("on 2026-12-24", date(2026, 12, 24)),
        ("in two weeks", date(2026, 12, 9)),
        ("in 3 days", date(2026, 11, 28)),
        ("within a week", date(2026, 12, 2)),
        ("in a couple of weeks", date(2026, 12, 9)),
        ("2 weeks from now", date(2026, 12, 9)),
        ("in a month", date(2026, 12, 25)),
        ("end of month", date(2026, 11, 30)),
        ("by the end of the month", date(2026, 11, 30)),
        ("next month", date(2026, 12, 1)),
        ("by the end of next month", date(2026, 12, 31)),
        ("by end of year", date(2026, 12, 31)),
        ("by March", date(2027, 3, 1)),
        ("by mid-March", date(2027, 3, 15)),
        ("by the end of March", date(2027, 3, 31)),
        ("by 12/3", date(2026, 12, 3)),  # not in the table: dateparser, month first
    ],
)
def test_due_phrases(phrase: str, due: date) -> None:
    text = f"I'll send it {phrase}"
    commitment = only(parse(text))
    assert (commitment.due, commitment.due_text) == (due, phrase)
    assert commitment.description == "send it"


def test_due_phrases_that_are_not_dates() -> None:
    draft = only(parse("I'll send it by the 3rd draft"))
    assert (draft.due, draft.due_text) == (None, "")
    assert draft.description == "send it by the 3rd draft"
    may = only(parse("I'll ask if she may join"))
    assert may.due is None
    holiday = only(parse("I'll send it by Christmas"))  # no holidays: left for the user
    assert (holiday.due, holiday.description) == (None, "send it by Christmas")


def test_deadline_word_wins_over_an_earlier_date() -> None:
    commitment = only(parse("I'll send the March 3 agenda by Friday"))
    assert (commitment.due, commitment.due_text) == (FRI, "by Friday")
    assert commitment.description == "send the March 3 agenda"


def test_timezone_aware_now_uses_its_own_calendar_day() -> None:
    now = datetime(2026, 11, 25, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    result = parse_capture("I'll call him tomorrow", now=now)
    assert only(result).due == date(2026, 11, 26)


def test_table_phrases_never_import_dateparser() -> None:
    code = (
        "import sys\n"
        "from datetime import datetime\n"
        "from desktop.domain.capture.parser import parse_capture\n"
        "r = parse_capture(" + repr(EXAMPLE + "\nBen will reply in two weeks.") + ",\n"
        "    now=datetime(2026, 11, 25, 18))\n"
        "assert [c.due_text for c in r.commitments] == ['by Friday', '', 'in two weeks'], r\n"
        "assert 'dateparser' not in sys.modules\n"
        "assert 'PySide6' not in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


# ------------------------------------------------------------- people, org and place


def test_accented_names_in_composed_and_decomposed_form() -> None:
    assert parse("Met José Núñez at the Berlin meetup").people == ("José Núñez",)
    decomposed = unicodedata.normalize("NFD", "Met José Núñez at the Berlin meetup")
    result = parse(decomposed)
    assert result.people == ("José Núñez",)  # saved composed (NFC)
    assert result.place == "Berlin meetup"
    assert result.notes == decomposed


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Met Ludwig van Beethoven (Acme) at PyCon", ("Ludwig van Beethoven",)),
        ("Spoke with Ana de la Cruz at the Madrid office", ("Ana de la Cruz",)),
        ("Caught up with Ursula von der Leyen in Brussels", ("Ursula von der Leyen",)),
        ("Met O'Brien and Jean-Luc Picard", ("O'Brien", "Jean-Luc Picard")),
        ("Met Dr. Ana Ruiz at PyCon", ("Ana Ruiz",)),
        ("Met J. R. Smith, Ana & Ben at PyCon", ("J. R. Smith", "Ana", "Ben")),
        ("Met Ana and her husband Tom", ("Ana", "Tom")),
        ("Had coffee with Ana Ruiz and Ben Ode in Berlin", ("Ana Ruiz", "Ben Ode")),
        ("Met Ana. Later met Ben and Ana again.", ("Ana", "Ben")),
        ("Met محمد علي at the conference", ("محمد علي",)),
        ("Met 王小明 from Acme", ("王小明",)),
        ("Met Иван Петров at PyCon", ("Иван Петров",)),
        ("I'll set up a meeting with Carl", ()),  # a plan, not a meeting
    ],
)
def test_names_met(text: str, people: tuple[str, ...]) -> None:
    assert parse(text).people == people


@pytest.mark.parametrize(
    ("text", "organization", "place"),
    [
        ("Met Ludwig van Beethoven (Acme) at PyCon", "Acme", "PyCon"),
        ("Met Ana Ruiz from Acme at PyCon", "Acme", "PyCon"),
        ("Met Ana Ruiz of Acme at the Berlin meetup", "Acme", "Berlin meetup"),
        ("Met Ana at Acme at PyCon", "Acme", "PyCon"),
        ("Met Ana, CTO at Acme, at PyCon Berlin 2026", "Acme", "PyCon Berlin 2026"),
        (
            # the town after "in" is part of the place, as the corpus's writers write it
            # ("Harvest Festival in Ludlow", "UNDP office in Gigiri"; since round 20)
            "Met Ana Ruiz from Procter & Gamble at the Web Summit in Lisbon",
            "Procter & Gamble",
            "Web Summit in Lisbon",
        ),
        ("Met Ana Ruiz, who works at Globex, in Berlin", "Globex", "Berlin"),
        ("Met Ana at PyCon — we talked at length at the bar", "", "PyCon"),
        ("Met Ana at 5pm", "", ""),
        ("Coffee with Ana Ruiz at Café Central", "", "Café Central"),
    ],
)
def test_organization_and_place(text: str, organization: str, place: str) -> None:
    result = parse(text)
    assert (result.organization, result.place) == (organization, place)


def test_known_names_complete_first_names_only_when_unique() -> None:
    known = ("Ben Ode", "Ana Ruiz", "Ana Lopez")
    result = parse("Met Ben and Ana at PyCon", known=known)
    assert result.people == ("Ben Ode", "Ana")  # two known Anas: keep what was typed
    lower = parse("met ana ruiz at PyCon. i'll send her the deck friday", known=known)
    assert lower.people == ("Ana Ruiz",)
    assert only(lower).person_name == "Ana Ruiz"
    assert only(lower).due == FRI


# ----------------------------------------------------------------------- introductions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana introduced me to Ben Ode", ("Ana", "Ben Ode", None, True)),
        ("Met Ben Ode — Ana introduced me to him.", ("Ana", "Ben Ode", None, True)),
        ("Met Ana. She put me in touch with Carl.", ("Ana", "Carl", None, True)),
        ("Met Ana. She can put me in touch with Carl.", ("Ana", "Carl", None, False)),
        ("Met Ana. Asked her to introduce me to Carl Diaz.", ("Ana", "Carl Diaz", None, False)),
        (
            "Met Ana Ruiz. I'll introduce her to Carl Diaz next week.",
            (None, "Ana Ruiz", "Carl Diaz", False),
        ),
        ("I introduced Ana to Carl", (None, "Ana", "Carl", True)),
        ("Met Ana and Ben. Ana will introduce Ben to Carl.", ("Ana", "Ben", "Carl", False)),
        ("Met Ana. Ben Ode introduced her to me.", ("Ben Ode", "Ana", None, True)),
        ("Was introduced to Ben Ode by Ana Ruiz at PyCon", ("Ana Ruiz", "Ben Ode", None, True)),
        ("Met Ana Ruiz — intro to Ben Ode", ("Ana Ruiz", "Ben Ode", None, False)),
        (
            "Met Ana Ruiz. She'll connect me with her colleague Ben Ode.",
            ("Ana Ruiz", "Ben Ode", None, False),
        ),
        ("Met Ana Ruiz. Introduce me to Ben, she said.", ("Ana Ruiz", "Ben", None, False)),
    ],
)
def test_introductions(text: str, expected: tuple[str | None, str, str | None, bool]) -> None:
    result = parse(text)
    assert [(i.introducer, i.person, i.to, i.done) for i in result.introductions] == [expected]
    (intro,) = result.introductions
    assert 0 <= intro.span[0] < intro.span[1] <= len(text)


def test_introducer_is_never_invented() -> None:
    # nobody met and a bare "she": no introduction rather than an invented introducer
    assert parse("She introduced me to Carl.").introductions == ()
    assert parse("intro to Ben Ode").introductions == ()  # who would introduce?
    assert parse("I'll intro him to Carl").introductions == ()  # who is "him"?


def test_their_intro_is_both_a_commitment_and_an_introduction() -> None:
    text = "Met Ana\nMe: send slides\nThem: intro to Ben"
    result = parse(text)
    assert [(c.owner, c.description, c.person_name) for c in result.commitments] == [
        ("me", "send slides", "Ana"),
        ("them", "intro to Ben", "Ana"),
    ]
    assert result.introductions == (
        ParsedIntroduction("Ana", "Ben", None, False, result.commitments[1].span),
    )
    assert source(text, result.commitments[0].span) == "Me: send slides"


# -------------------------------------------------------------------------------- tags


def test_tags_are_lowercased_deduplicated_and_ordered() -> None:
    text = "#Sales ok #sales C# #1 #ai-ml #café #über_cool see example.com/#frag &#39; #rust."
    assert parse(text).tags == ("sales", "ai-ml", "café", "über_cool", "rust")


# --------------------------------------------------------------- languages and safety


def test_language_selection() -> None:
    assert isinstance(rules_for("en"), EnglishRules)
    assert isinstance(rules_for("en-GB"), EnglishRules)
    assert rules_for("xx") is rules_for("en")  # no table yet: English beats no preview
    result = parse_capture("I'll call him next week", now=NOW, language="en_US")
    assert only(result).due == NEXT_MON


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "#",
        "I'll",
        "I'll by Friday",
        "Met",
        "Met (",
        "😀 Met 😀 at 😀. I'll 😀 by 😀",
        "التقيت بأحمد في المؤتمر. سأرسل له العرض يوم الجمعة",
        "פגשתי את דנה בכנס. אשלח לה את המצגת",
        "\u202eMet Ana\u202c at \u200fPyCon\x00\x07\x1b[31m I'll send\r\nit",
        "I'll " * 1200,
        "Met " + "Ana and " * 700 + "Ben",
    ],
)
def test_odd_input_keeps_the_note_and_does_not_fail(text: str) -> None:
    result = parse(text)
    assert result.notes == text
    for item in (*result.commitments, *result.introductions):
        assert 0 <= item.span[0] < item.span[1] <= len(text)


def test_right_to_left_text_yields_no_guesses() -> None:
    result = parse("פגשתי את דנה בכנס. אשלח לה את המצגת #מכירות")
    assert (result.people, result.commitments, result.tags) == ((), (), ("מכירות",))


def test_internal_error_degrades_to_plain_notes(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object) -> CaptureParse:
        raise RuntimeError("bug")

    monkeypatch.setattr(capture_parser, "_parse", broken)
    result = parse_capture(EXAMPLE, now=NOW)
    assert result == CaptureParse((), "", "", (), (), (), EXAMPLE)
    assert "capture parser failed" in caplog.text


def test_a_thousand_characters_with_ten_thousand_contacts_are_read_whole() -> None:
    # The time it takes (well under 10 ms here) is measured by
    # tests/benchmarks/bench_capture_quality.py --speed: no timed assertion in the suite.
    note = EXAMPLE + "\nBen will send the contract before the 3rd. They'll reply in two weeks.\n"
    note = (note * 6)[:1000]
    known = (*(f"Person{i} Surname{i}" for i in range(10_000)), "Ben Ode")
    result = parse_capture(note, now=NOW, known_names=known)
    assert len(result.commitments) >= 15


# ------------------------------------------------------------------- property tests

FRAGMENTS = [
    "Met",
    "met",
    "Ana Ruiz",
    "Ben",
    "José Núñez",
    "van",
    "de",
    "(Acme)",
    "from",
    "at",
    "in",
    "the",
    "PyCon",
    "I'll",
    "I will",
    "She'll",
    "they will",
    "Ben will",
    "Me:",
    "send",
    "her",
    "him",
    "the deck",
    "by",
    "before",
    "Friday",
    "next week",
    "the 3rd",
    "in two weeks",
    "end of month",
    "12/3",
    "intro me to",
    "introduced me to",
    "introduce her to",
    "#tag",
    "#",
    ",",
    ".",
    " — ",
    "\n",
    "and",
    "not",
    "محمد",
    "דנה",
    "😀",
    "\u200f",
    "\x00",
    "'",
]
NOTE_LIKE = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), NOTE_LIKE, st.text(alphabet="I'l .,#Met", max_size=80))


def check_invariants(text: str, result: CaptureParse) -> None:
    assert result.notes == text
    assert isinstance(result.people, tuple)
    assert len(set(p.casefold() for p in result.people)) == len(result.people)
    assert len(set(result.tags)) == len(result.tags)
    for tag in result.tags:
        assert tag == tag.lower()
        assert tag.casefold() in unicodedata.normalize("NFC", text).casefold()
    for commitment in result.commitments:
        assert commitment.owner in ("me", "them")
        assert 0 <= commitment.span[0] < commitment.span[1] <= len(text)
        assert commitment.description
        for word in commitment.description.split():
            assert word.rstrip(",;:.!?") in text
        assert (commitment.due is None) == (commitment.due_text == "")
        assert commitment.due_text in text
    for intro in result.introductions:
        assert 0 <= intro.span[0] < intro.span[1] <= len(text)
        assert intro.person
        assert not (intro.introducer is None and intro.to is None)


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_property_never_raises_and_keeps_every_character(text: str) -> None:
    result = parse(text, known=("Ana Ruiz", "Ben Ode"))
    assert result.notes == text  # every character lands in the saved notes
    check_invariants(text, result)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=5000))
def test_property_long_arbitrary_text(text: str) -> None:
    result = parse(text)
    assert result.notes == text
    check_invariants(text, result)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["I'll", "I will", "She'll", "They will", "Ben will"]),
    st.sampled_from(["send the deck", "call Ana", "review the draft"]),
    st.sampled_from(["", " by Friday", " next week", " in two weeks", " before the 3rd"]),
    st.sampled_from(["Met Ana Ruiz at PyCon. ", "", "Lovely talk! "]),
)
def test_property_composed_promises_are_found(
    opener: str, action: str, due: str, prefix: str
) -> None:
    text = f"{prefix}{opener} {action}{due}. #followup"
    result = parse(text)
    commitment = only(result)
    assert commitment.owner == ("me" if opener.startswith("I") else "them")
    assert commitment.description == action
    assert commitment.due_text == due.strip()
    assert (commitment.due is None) == (due == "")
    assert source(text, commitment.span) == f"{opener} {action}{due}."
    assert result.tags == ("followup",)
