"""Hand-computed cases for the trust meter (docs/trust-meter.md states the formula).

Each expected score is worked out by hand in a comment, from the documented constants:
C = 20 * credibility, R = 50 * reliability, I = 30 * intimacy * cooling,
score = round_half_up((C + R + I) / self_orientation), clamped to 0..100.
No history: C = 20 * 0.25 = 5, R = 50 * 0.6 / 2 = 15, I = 0, S = 1 -> 20.
If a test here fails, either the formula or the document is wrong; fix both together.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.trust import (
    ConversationRecord,
    ExchangeRecord,
    PromiseRecord,
    RelationshipHistory,
    TrustReading,
    assess,
    first_name,
    level_label,
)

TODAY = date(2024, 6, 1)


def ago(days: int) -> datetime:
    """A moment ``days`` before TODAY (mid-morning, so the date is unambiguous)."""
    return datetime.combine(TODAY - timedelta(days=days), time(10, 0))


def due_in(days: int) -> date:
    return TODAY + timedelta(days=days)


def kept(owner: str, description: str = "something") -> PromiseRecord:
    return PromiseRecord(owner=owner, status="kept", description=description)


def broken(owner: str, description: str = "something") -> PromiseRecord:
    return PromiseRecord(owner=owner, status="broken", description=description)


def talks(
    count: int, depth: str, days_ago: int = 5, people: int = 1
) -> tuple[ConversationRecord, ...]:
    return tuple(
        ConversationRecord(happened_at=ago(days_ago), depth=depth, people=people)
        for _ in range(count)
    )


def read(**fields: object) -> TrustReading:
    return assess(RelationshipHistory(name="Ana Ruiz", **fields), today=TODAY)  # type: ignore[arg-type]


# --- Baseline --------------------------------------------------------------------------------


def test_no_history_is_a_modest_neutral_low_baseline() -> None:
    # C = 5, R = 15, I = 0, S = 1 -> 20 in both directions.
    reading = read()
    assert (reading.in_them, reading.their_trust_in_me) == (20, 20)
    assert reading.reasons_in_them == ("No shared history yet",)
    assert reading.reasons_theirs == ("No shared history yet",)
    assert reading.next_action == "Ask Ana what they're working on"


def test_released_promises_are_neutral() -> None:
    released = PromiseRecord(owner="them", status="released", description="the intro")
    mine = PromiseRecord(owner="me", status="released", description="the deck", due=due_in(-9))
    reading = read(promises=(released, mine))
    assert (reading.in_them, reading.their_trust_in_me) == (20, 20)
    assert reading.reasons_in_them == ("No track record in this direction yet",)


# --- Reliability -----------------------------------------------------------------------------


def test_one_kept_promise_is_not_a_perfect_record() -> None:
    # r = (1 + 0.6) / (1 + 2) = 0.5333; R = 26.667; 5 + 26.667 = 31.667 -> 32.
    reading = read(promises=(kept("them"),))
    assert reading.in_them == 32
    assert reading.their_trust_in_me == 20  # their promise says nothing about me
    assert reading.reasons_in_them == ("Ana kept 1 of 1 promise",)


def test_kept_versus_broken_promises() -> None:
    # Four kept, one broken (counts twice): r = (4 + 0.6) / (4 + 2*1 + 2) = 4.6 / 8 = 0.575
    # R = 28.75; 5 + 28.75 = 33.75 -> 34.
    mixed = read(promises=(*[kept("them")] * 4, broken("them")))
    assert mixed.in_them == 34
    assert mixed.reasons_in_them == ("Ana kept 4 of 5 promises",)
    # Five kept: r = 5.6 / 7 = 0.8; R = 40; 5 + 40 = 45.
    assert read(promises=(kept("them"),) * 5).in_them == 45
    # Four broken: r = 0.6 / (2*4 + 2) = 0.06; R = 3; 5 + 3 = 8.
    assert read(promises=(broken("them"),) * 4).in_them == 8


def test_a_single_broken_promise_rounds_half_up() -> None:
    # r = 0.6 / (2*1 + 2) = 0.15; R = 7.5; 5 + 7.5 = 12.5 -> 13 (half up, not to even).
    reading = read(promises=(broken("them"),))
    assert reading.in_them == 13
    assert reading.reasons_in_them == ("Ana kept 0 of 1 promise",)


def test_my_promises_drive_their_trust_in_me() -> None:
    # r = (3 + 0.6) / (3 + 2) = 0.72; R = 36; 5 + 36 = 41.
    reading = read(promises=(kept("me"),) * 3)
    assert (reading.in_them, reading.their_trust_in_me) == (20, 41)
    assert reading.reasons_theirs == ("you kept 3 of 3 promises to Ana",)


def test_a_promise_kept_late_earns_half_credit() -> None:
    late = PromiseRecord(
        owner="them", status="kept", description="the intro", due=due_in(-10), resolved_at=ago(4)
    )
    # r = (1 - 0.5 + 0.6) / (1 + 2) = 1.1 / 3 = 0.3667; R = 18.333; 5 + 18.333 = 23.33 -> 23.
    reading = read(promises=(late,))
    assert reading.in_them == 23
    assert reading.reasons_in_them == ("Ana kept 1 of 1 promise (1 late)",)


def test_an_overdue_promise_i_owe_counts_against_me_and_comes_first() -> None:
    deck = PromiseRecord(owner="me", status="open", description="the deck", due=due_in(-12))
    # r = 0.6 / (1 + 2) = 0.2; R = 10; 5 + 10 = 15.
    reading = read(promises=(deck,))
    assert (reading.in_them, reading.their_trust_in_me) == (20, 15)
    assert reading.reasons_theirs == ("you owe Ana the deck, 12 days late",)
    assert reading.next_action == "Send Ana the deck (12 days late)"


def test_an_overdue_promise_they_owe_counts_against_them() -> None:
    intro = PromiseRecord(owner="them", status="open", description="the intro", due=due_in(-3))
    # r = 0.6 / (1 + 2) = 0.2; R = 10; 5 + 10 = 15.
    reading = read(promises=(intro,))
    assert (reading.in_them, reading.their_trust_in_me) == (15, 20)
    assert reading.reasons_in_them == ("Ana owes you the intro, 3 days late",)
    assert reading.next_action == "Follow up with Ana on the intro (3 days late)"


def test_an_open_promise_not_yet_due_is_neutral_but_offered_as_next_action() -> None:
    slides = PromiseRecord(owner="me", status="open", description="the slides", due=due_in(3))
    reading = read(promises=(slides,))
    assert (reading.in_them, reading.their_trust_in_me) == (20, 20)
    assert reading.next_action == "Send Ana the slides (due in 3 days)"
    due_today = PromiseRecord(owner="me", status="open", description="the slides", due=TODAY)
    assert read(promises=(due_today,)).next_action == "Send Ana the slides (due today)"


def test_promises_phrased_as_actions_read_naturally() -> None:
    mine = PromiseRecord(owner="me", status="open", description="send her the deck", due=due_in(-1))
    theirs = PromiseRecord(
        owner="them", status="open", description="intro me to Ben.", due=due_in(-2)
    )
    reading = read(promises=(mine, theirs))
    assert "you promised Ana you'd send her the deck, 1 day late" in reading.reasons_theirs
    assert "Ana promised to intro me to Ben, 2 days late" in reading.reasons_in_them
    assert reading.next_action == "Send her the deck — as promised to Ana (1 day late)"
    only_theirs = read(promises=(theirs,))
    assert only_theirs.next_action == (
        "Follow up with Ana on their promise to intro me to Ben (2 days late)"
    )


# --- Intimacy and time -------------------------------------------------------------------------


def test_three_real_conversations_outweigh_thirty_hallway_hellos() -> None:
    # Second edition (#17): real talk fills one 0.9 share with a half count of 4, so
    # 3 personal: i = 0.9 * (1 - 0.5**0.75) = 0.9 * 0.405396 = 0.364856; I = 10.946
    #   5 + 15 + 10.946 = 30.946 -> 31 (was 30 when personal talk could fill only half).
    deep = read(conversations=talks(3, "personal"))
    # 30 small talk: i = 0.1 * (1 - 0.5**15) = 0.099997; I = 2.9999; 5 + 15 + 3.0 -> 23.
    shallow = read(conversations=talks(30, "small_talk"))
    assert (deep.in_them, deep.their_trust_in_me) == (31, 31)
    assert (shallow.in_them, shallow.their_trust_in_me) == (23, 23)
    assert deep.in_them > shallow.in_them
    assert deep.reasons_in_them == ("3 deep conversations",)
    assert shallow.reasons_in_them == ("30 small-talk chats",)
    # Small talk saturates: a thousand hellos still give at most 3 points of intimacy.
    assert read(conversations=talks(1000, "small_talk")).in_them == 23


def test_long_silence_cools_slowly_but_kept_promises_still_count() -> None:
    promises = (kept("them"),) * 4
    # Reliability (undated promises count in full): r = (4 + 0.6) / (4 + 2) = 0.766667;
    #   R = 38.333.
    # Intimacy, 4 personal (second edition): i = 0.9 * (1 - 0.5**1) = 0.45; I = 13.5
    #   (was 11.25 when personal talk filled only its own half).
    # Fresh (10 days ago, cadence 30): 5 + 38.333 + 13.5 = 56.833 -> 57;
    #   theirs: 5 + 15 + 13.5 = 33.5 -> 34.
    fresh = read(promises=promises, conversations=talks(4, "personal", 10), cadence_days=30)
    assert (fresh.in_them, fresh.their_trust_in_me) == (57, 34)
    # 395 days of silence = cadence 30 + one half-life of 365: I = 13.5 * 0.5 = 6.75
    #   5 + 38.333 + 6.75 = 50.083 -> 50; theirs: 5 + 15 + 6.75 = 26.75 -> 27.
    quiet = read(promises=promises, conversations=talks(4, "personal", 395), cadence_days=30)
    assert (quiet.in_them, quiet.their_trust_in_me) == (50, 27)
    assert quiet.reasons_in_them == (
        "Ana kept 4 of 4 promises",
        "4 deep conversations",
        "no contact for 13 months",
    )
    assert quiet.next_action == "Reconnect with Ana — no contact for 13 months"
    # Ten half-lives later intimacy is almost gone (13.5 / 1024 = 0.013), the kept promises
    # are not: 5 + 38.333 + 0.013 = 43.35 -> 43, still far above the baseline of 20.
    ancient = read(
        promises=promises, conversations=talks(4, "personal", 30 + 3650), cadence_days=30
    )
    assert ancient.in_them == 43


def test_silence_within_the_cadence_does_not_cool() -> None:
    # Default cadence is 90 days: 89 days of quiet is not silence yet.
    reading = read(conversations=talks(3, "personal", 89))
    assert reading.in_them == 31  # 3 personal, uncooled: see the hallway test above
    assert not any("no contact" in reason for reason in reading.reasons_in_them)
    assert reading.next_action == "Ask Ana what they're working on"


# --- Credibility -------------------------------------------------------------------------------


def test_a_trusted_introducer_raises_trust_in_them() -> None:
    # Judged 4 of 5: C = 20 * 3/4 = 15; 15 + 15 = 30.
    assert read(credibility=4).in_them == 30
    # Introduced by Ben (trust 80): vouch = (80 - 50) / 100 = 0.3; C = 20 * (0.75 + 0.3 capped
    #   at 1) = 20; 20 + 15 = 35.
    vouched = read(credibility=4, introducer_name="Ben Ortiz", introducer_trust=80)
    assert vouched.in_them == 35
    assert "introduced by Ben (whom you trust)" in vouched.reasons_in_them
    assert vouched.their_trust_in_me == 20  # my trust in Ben tells Ana nothing about me
    # Not judged, Ben vouches: C = 20 * (0.25 + 0.3) = 11; 11 + 15 = 26.
    assert read(introducer_name="Ben Ortiz", introducer_trust=80).in_them == 26
    # An introducer I do not trust (30) adds nothing, and is not given as a reason.
    doubtful = read(credibility=4, introducer_name="Ben Ortiz", introducer_trust=30)
    assert doubtful.in_them == 30
    assert doubtful.reasons_in_them == ("you rate Ana's credibility 4 of 5",)


# --- Self-orientation ----------------------------------------------------------------------------


def test_one_sided_taking_lowers_the_takers_score() -> None:
    kinds = ("help", "advice", "introduction")
    # I only receive (3 vs 0): S_theirs = 1 + 0.5 * 3 / (3 + 2) = 1.3; 20 / 1.3 = 15.38 -> 15.
    # Second edition (#17): their help is evidence of their competence for me, as mine is
    #   for them: C_in = 20 * (0.25 + 3 * 0.25) = 20; 20 + 15 = 35 (was 20).
    taker = read(exchanges=tuple(ExchangeRecord("receive", kind) for kind in kinds))
    assert (taker.in_them, taker.their_trust_in_me) == (35, 15)
    assert taker.reasons_in_them == ("Ana has helped you 3 times",)
    assert taker.reasons_theirs == ("you have received more from Ana than you gave (3 vs 0)",)
    assert taker.next_action == ("Offer Ana something useful — an introduction, a lead, your help")
    # They only receive (I give 3): S_in = 1 + 0.25 * 3 / 5 = 1.15; 20 / 1.15 = 17.39 -> 17.
    # My three helps make me credible to them: C = 20 * (0.25 + 3 * 0.25) = 20; 20 + 15 = 35.
    giver = read(exchanges=tuple(ExchangeRecord("give", kind) for kind in kinds))
    assert (giver.in_them, giver.their_trust_in_me) == (17, 35)
    assert giver.reasons_in_them == ("you have given Ana more than you received (3 vs 0)",)
    assert giver.reasons_theirs == ("you have helped Ana 3 times",)
    # Gifts are kind but show no competence: no credibility for me, the same S for them.
    #   Them -> me: C = 5, R = 15 -> 20; me -> them: 20 / 1.15 -> 17.
    gifts = read(exchanges=(ExchangeRecord("give", "gift"),) * 3)
    assert (gifts.in_them, gifts.their_trust_in_me) == (17, 20)


# --- The worked example of docs/trust-meter.md -------------------------------------------------


def worked_example() -> RelationshipHistory:
    """Ana, as described step by step in docs/trust-meter.md."""
    intro = PromiseRecord(
        owner="them", status="kept", description="the intro", due=due_in(-30), resolved_at=ago(25)
    )
    deck = PromiseRecord(owner="me", status="open", description="the deck", due=due_in(-12))
    coffee = PromiseRecord(
        owner="them", status="broken", description="coffee", due=due_in(-370), resolved_at=ago(365)
    )
    return RelationshipHistory(
        name="Ana Ruiz",
        promises=(
            *[kept("them")] * 3,
            intro,
            coffee,
            kept("me"),
            kept("me"),
            deck,
        ),
        conversations=talks(2, "personal", 20)
        + talks(2, "professional", 40)
        + talks(1, "professional", 45, people=4)
        + talks(6, "small_talk", 60),
        exchanges=(
            ExchangeRecord("give", "advice"),
            ExchangeRecord("give", "introduction"),
            ExchangeRecord("receive", "help"),
        ),
        credibility=4,
        introducer_name="Ben Ortiz",
        introducer_trust=70,
        cadence_days=30,
    )


def test_worked_example_from_the_documentation() -> None:
    # Second edition (#17); docs/trust-meter.md shows the same arithmetic.
    # You -> Ana:
    #   C = 20 * min(1, 0.75 + (70 - 50) / 100 + 0.25 for her one help) = 20
    #   Recency: the intro was kept 25 days ago, w = 0.5 + 0.5 * 0.5**(25/365) = 0.976817;
    #     the coffee was broken 365 days ago, w = 0.5 + 0.5 * 0.5 = 0.75; the three
    #     undated promises count in full.
    #   R = 50 * (3 + 0.5 * 0.976817 + 0.6) / (3 + 0.976817 + 2 * 0.75 + 2)
    #     = 50 * 4.088408 / 7.476817 = 27.341
    #   Room: 2 personal + 2 professional one-on-one + 1 professional with 4 others:
    #     depth = 2 * 1 + 2 * 0.5 + 0.5 / 4 = 3.125
    #   I = 30 * (0.9 * (1 - 0.5**(3.125/4)) + 0.1 * (1 - 0.5**(6/2)))
    #     = 30 * (0.9 * 0.418138 + 0.0875) = 30 * 0.463824 = 13.915  (20 days < cadence 30)
    #   S = 1 + 0.25 * (2 - 1) / (3 + 2) = 1.05
    #   (20 + 27.341 + 13.915) / 1.05 = 61.255 / 1.05 = 58.34 -> 58
    # Ana -> you:
    #   C = 20 * (0.25 + 2 * 0.25) = 15
    #   The deck is 12 days overdue: it counts 1 + 12/180 = 1.066667 against.
    #   R = 50 * (2 + 0.6) / (2 + 1.066667 + 2) = 50 * 2.6 / 5.066667 = 25.658
    #   I = 13.915, S = 1 (you gave more than you took)
    #   15 + 25.658 + 13.915 = 54.57 -> 55
    reading = assess(worked_example(), today=TODAY)
    assert (reading.in_them, reading.their_trust_in_me) == (58, 55)
    assert reading.reasons_in_them == (
        "Ana kept 4 of 5 promises (1 late)",
        "Ana broke a promise 12 months ago",
        "Ana kept 1 promise since",
        "2 deep conversations",
        "3 professional conversations",
        "6 small-talk chats",
        "1 conversation in a group (counted less than one-on-one)",
        "you rate Ana's credibility 4 of 5",
        "introduced by Ben (whom you trust)",
        "Ana has helped you 1 time",
        "you have given Ana more than you received (2 vs 1)",
    )
    assert reading.reasons_theirs == (
        "you kept 2 of 2 promises to Ana",
        "you owe Ana the deck, 12 days late",
        "2 deep conversations",
        "3 professional conversations",
        "6 small-talk chats",
        "1 conversation in a group (counted less than one-on-one)",
        "you have helped Ana 2 times",
        "you help each other (2 given, 1 received)",
    )
    assert reading.next_action == "Send Ana the deck (12 days late)"
    # Each part says how far it moved the score from the no-history 20 (C 5, R 15):
    moves = {move.part: round(move.points, 2) for move in reading.moves_in_them}
    assert moves == {
        "credibility": 15.0,
        "reliability": 12.34,
        "intimacy": 13.91,
        "self-orientation": -2.92,
    }
    total = 20 + sum(move.points for move in reading.moves_in_them)
    assert abs(total - (20 + 27.341 + 13.915) / 1.05) < 0.001
    # Sending the deck today keeps it, late (fresh, w = 1):
    #   R = 50 * (2 + 0.5 + 0.6) / (3 + 2) = 31; 15 + 31 + 13.915 = 59.91 -> 60.
    history = worked_example()
    sent = replace(history.promises[-1], status="kept", resolved_at=ago(0))
    after = assess(replace(history, promises=(*history.promises[:-1], sent)), today=TODAY)
    assert after.their_trust_in_me == 60
    assert after.next_action == "Ask Ana what they're working on"
    assert (level_label(reading.in_them), level_label(reading.their_trust_in_me)) == (
        "solid",
        "solid",
    )


# --- Next best action priority -----------------------------------------------------------------


def test_next_action_priority_order() -> None:
    overdue_mine = PromiseRecord(owner="me", status="open", description="the deck", due=due_in(-2))
    soon_mine = PromiseRecord(owner="me", status="open", description="the notes", due=due_in(1))
    overdue_theirs = PromiseRecord(
        owner="them", status="open", description="the intro", due=due_in(-5)
    )
    quiet = talks(1, "professional", 200)  # past the default 90-day cadence
    everything = (overdue_mine, soon_mine, overdue_theirs)
    assert read(promises=everything, conversations=quiet).next_action == (
        "Send Ana the deck (2 days late)"
    )
    assert read(promises=everything[1:], conversations=quiet).next_action == (
        "Send Ana the notes (due tomorrow)"
    )
    assert read(promises=everything[2:], conversations=quiet).next_action == (
        "Reconnect with Ana — no contact for 6 months"
    )
    assert read(promises=everything[2:]).next_action == (
        "Follow up with Ana on the intro (5 days late)"
    )


def test_the_most_overdue_promise_i_owe_is_named_first() -> None:
    older = PromiseRecord(owner="me", status="open", description="the book", due=due_in(-30))
    newer = PromiseRecord(owner="me", status="open", description="the deck", due=due_in(-2))
    reading = read(promises=(newer, older))
    assert reading.next_action == "Send Ana the book (30 days late)"
    assert reading.reasons_theirs == (
        "you owe Ana the book, 30 days late",
        "you owe Ana the deck, 2 days late",
    )


# --- Small helpers -------------------------------------------------------------------------------


def test_first_name_and_level_label() -> None:
    assert first_name("Ana Ruiz") == "Ana"
    assert first_name("  Cher ") == "Cher"
    assert first_name("") == "this person"
    labels = [level_label(score) for score in (0, 14, 15, 29, 30, 49, 50, 69, 70, 84, 85, 100)]
    assert labels == [
        "strained",
        "strained",
        "slight",
        "slight",
        "building",
        "building",
        "solid",
        "solid",
        "strong",
        "strong",
        "deep",
        "deep",
    ]


# --- Properties ----------------------------------------------------------------------------------

_text = st.text(max_size=30)
_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
_datetimes = st.one_of(
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2200, 12, 30)),
    st.datetimes(
        min_value=datetime(1900, 1, 2),
        max_value=datetime(2200, 12, 30),
        timezones=st.just(timezone(timedelta(hours=5))),
    ),
)
_promises = st.builds(
    PromiseRecord,
    owner=st.one_of(st.sampled_from(("me", "them")), _text),
    status=st.one_of(st.sampled_from(("open", "kept", "broken", "released")), _text),
    description=_text,
    due=st.none() | _dates,
    made_at=st.none() | _datetimes,
    resolved_at=st.none() | _datetimes,
)
_conversations = st.builds(
    ConversationRecord,
    happened_at=_datetimes,
    depth=st.one_of(st.sampled_from(("small_talk", "professional", "personal")), _text),
)
_exchanges = st.builds(
    ExchangeRecord,
    direction=st.one_of(st.sampled_from(("give", "receive")), _text),
    kind=st.one_of(
        st.sampled_from(("introduction", "help", "advice", "referral", "opportunity", "gift")),
        _text,
    ),
    happened_at=st.none() | _datetimes,
)
_histories = st.builds(
    RelationshipHistory,
    name=_text,
    promises=st.lists(_promises, max_size=12).map(tuple),
    conversations=st.lists(_conversations, max_size=25).map(tuple),
    exchanges=st.lists(_exchanges, max_size=12).map(tuple),
    credibility=st.none() | st.integers(-10, 10),
    introducer_name=st.none() | _text,
    introducer_trust=st.none() | st.integers(-1000, 1000),
    cadence_days=st.none() | st.integers(-100, 10_000),
)


@settings(max_examples=150, deadline=None)
@given(history=_histories, today=_dates)
def test_scores_stay_in_range_and_assess_never_raises(
    history: RelationshipHistory, today: date
) -> None:
    reading = assess(history, today=today)
    assert 0 <= reading.in_them <= 100
    assert 0 <= reading.their_trust_in_me <= 100
    assert isinstance(reading.in_them, int)
    assert isinstance(reading.their_trust_in_me, int)
    assert reading.reasons_in_them
    assert reading.reasons_theirs
    assert reading.next_action
    assert assess(history, today=today) == reading  # deterministic for a given day


@settings(max_examples=100, deadline=None)
@given(history=_histories, today=_dates)
def test_a_kept_promise_never_lowers_and_a_broken_one_never_raises_trust(
    history: RelationshipHistory, today: date
) -> None:
    before = assess(history, today=today)
    with_kept = replace(history, promises=(*history.promises, kept("them"), kept("me")))
    with_broken = replace(history, promises=(*history.promises, broken("them"), broken("me")))
    after_kept = assess(with_kept, today=today)
    after_broken = assess(with_broken, today=today)
    assert after_kept.in_them >= before.in_them
    assert after_kept.their_trust_in_me >= before.their_trust_in_me
    assert after_broken.in_them <= before.in_them
    assert after_broken.their_trust_in_me <= before.their_trust_in_me
