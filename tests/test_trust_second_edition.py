"""The six points of the trust meter's second edition (issue #17), as cases and properties.

Each test names the point of the issue it pins; the exact arithmetic lives in
tests/test_trust.py's worked example and in docs/trust-meter.md.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.trust import (
    ConversationRecord,
    ExchangeRecord,
    PromiseRecord,
    RelationshipHistory,
    TrustReading,
    assess,
    level_label,
    overdue_weight,
    recency_weight,
)

TODAY = date(2024, 6, 1)


def ago(days: int) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days), time(10, 0))


def promise(owner: str, status: str, days_ago: int | None = None, due: int | None = None):
    return PromiseRecord(
        owner=owner,
        status=status,
        description="something",
        due=None if due is None else TODAY - timedelta(days=due),
        resolved_at=None if days_ago is None else ago(days_ago),
    )


def talk(depth: str, days_ago: int = 5, people: int = 1) -> ConversationRecord:
    return ConversationRecord(happened_at=ago(days_ago), depth=depth, people=people)


def read(**fields: object) -> TrustReading:
    return assess(RelationshipHistory(name="Ana Ruiz", **fields), today=TODAY)  # type: ignore[arg-type]


# --- 1. People, not rooms ---------------------------------------------------------------------


def test_a_talk_in_a_room_of_thirty_builds_less_than_a_one_on_one() -> None:
    alone = read(conversations=(talk("personal"),) * 3)
    crowd = read(conversations=(talk("personal", people=30),) * 3)
    # 3 one-on-ones: 0.9 * (1 - 0.5**(3/4)) * 30 = 10.946 -> 5 + 15 + 10.946 -> 31.
    # 3 in rooms of 30: depth 3/30 = 0.1; 0.9 * (1 - 0.5**0.025) * 30 = 0.466 -> 20.47 -> 20.
    assert (alone.in_them, crowd.in_them) == (31, 20)
    assert "3 conversations in a group (counted less than one-on-one)" in crowd.reasons_in_them


# --- 2. Recent behaviour weighs more ------------------------------------------------------------


def test_a_fresh_breach_hurts_more_than_an_old_one_repaired_since() -> None:
    repaired = read(
        promises=(
            promise("them", "broken", 730),
            *(promise("them", "kept", d) for d in range(300, 20, -40)),
        )
    )
    fresh = read(
        promises=(
            *(promise("them", "kept", d) for d in range(730, 450, -40)),
            promise("them", "broken", 30),
        )
    )
    assert repaired.in_them > fresh.in_them
    assert "Ana broke a promise 2 years ago" in repaired.reasons_in_them
    assert "Ana kept 7 promises since" in repaired.reasons_in_them
    assert "Ana broke a promise last month" in fresh.reasons_in_them


def test_recency_weight_fades_to_half_never_to_nothing() -> None:
    assert recency_weight(0) == 1.0
    assert recency_weight(365) == 0.75
    assert recency_weight(3650) == 0.5 + 0.5 * 0.5**10  # ten years: barely above half
    assert recency_weight(36_500) >= 0.5


# --- 3. Their help is evidence of their competence -------------------------------------------


def test_their_help_raises_my_trust_in_them_but_gifts_do_not() -> None:
    helped = read(exchanges=(ExchangeRecord("receive", "advice"), ExchangeRecord("give", "help")))
    gifted = read(exchanges=(ExchangeRecord("receive", "gift"), ExchangeRecord("give", "help")))
    # C = 20 * (0.25 + 0.25) = 10; 10 + 15 = 25; a gift: 5 + 15 = 20.
    assert (helped.in_them, gifted.in_them) == (25, 20)


# --- 4. The longer overdue, the more it costs ---------------------------------------------------


def test_a_promise_120_days_late_costs_more_than_one_5_days_late() -> None:
    five = read(promises=(promise("me", "open", due=5),))
    long = read(promises=(promise("me", "open", due=120),))
    assert long.their_trust_in_me < five.their_trust_in_me
    assert (
        overdue_weight(1) < overdue_weight(120) < overdue_weight(180) == 2.0 == overdue_weight(999)
    )
    # 5 days: R = 50 * 0.6 / (1.027778 + 2) = 9.908; 5 + 9.908 = 14.91 -> 15.
    # 120 days: R = 50 * 0.6 / (1.666667 + 2) = 8.182; 5 + 8.182 = 13.18 -> 13.
    assert (five.their_trust_in_me, long.their_trust_in_me) == (15, 13)


# --- 5. Depth belongs to the relationship -------------------------------------------------------


def test_only_personal_talk_is_at_least_as_deep_as_a_mix_of_the_same_number() -> None:
    personal = read(conversations=(talk("personal"),) * 10)
    mixed = read(conversations=(talk("personal"),) * 5 + (talk("professional"),) * 5)
    assert personal.in_them >= mixed.in_them
    # And personal talk alone can fill more than half the depth part (the old ceiling).
    many = read(conversations=(talk("personal"),) * 40)
    assert many.moves_in_them[2].points > 0.5 * 30


# --- 6. Words that fit ------------------------------------------------------------------------


def _years(years: int, every: int, depth: str) -> tuple[ConversationRecord, ...]:
    return tuple(talk(depth, days) for days in range(10, 365 * years, every))


def test_the_bands_fit_what_a_person_would_call_each_relationship() -> None:
    stranger = read()
    breaker = read(
        promises=(
            *(promise("them", "broken", 30 * i) for i in range(5)),
            promise("them", "kept", 400),
        ),
        conversations=_years(1, 60, "professional"),
    )
    colleague = read(
        promises=tuple(promise("them", "kept", 30 * i + 10) for i in range(6)),
        conversations=_years(1, 25, "professional"),
        exchanges=(ExchangeRecord("give", "help"), ExchangeRecord("receive", "advice")),
        cadence_days=30,
    )
    friend = read(
        promises=tuple(
            promise(owner, "kept", 180 * i + 20) for i in range(20) for owner in ("me", "them")
        ),
        conversations=_years(10, 60, "personal"),
        exchanges=(ExchangeRecord("give", "help"), ExchangeRecord("receive", "help")) * 4,
        cadence_days=30,
    )
    assert level_label(stranger.in_them) == "slight"
    assert level_label(breaker.in_them) in ("strained", "slight")
    assert level_label(colleague.in_them) in ("solid", "strong")
    assert level_label(friend.in_them) == "deep"
    assert level_label(friend.their_trust_in_me) == "deep"


# --- Properties ----------------------------------------------------------------------------

_ages = st.integers(min_value=0, max_value=4000)
_depths = st.sampled_from(("small_talk", "professional", "personal"))
_owners = st.sampled_from(("me", "them"))
_some_promises = st.lists(
    st.builds(
        promise,
        owner=_owners,
        status=st.sampled_from(("open", "kept", "broken", "released")),
        days_ago=st.none() | _ages,
        due=st.none() | st.integers(min_value=-60, max_value=4000),
    ),
    max_size=15,
).map(tuple)
_some_talks = st.lists(
    st.builds(talk, depth=_depths, days_ago=_ages, people=st.integers(1, 60)), max_size=20
).map(tuple)
_some_exchanges = st.lists(
    st.builds(
        ExchangeRecord,
        direction=st.sampled_from(("give", "receive")),
        kind=st.sampled_from(("help", "advice", "gift", "introduction")),
    ),
    max_size=8,
).map(tuple)
_history = st.builds(
    RelationshipHistory,
    name=st.just("Ana Ruiz"),
    promises=_some_promises,
    conversations=_some_talks,
    exchanges=_some_exchanges,
    credibility=st.none() | st.integers(1, 5),
    introducer_trust=st.none() | st.integers(0, 100),
    cadence_days=st.none() | st.integers(1, 400),
)


@settings(max_examples=150, deadline=None)
@given(history=_history, age=st.none() | _ages, owner=_owners)
def test_one_more_kept_promise_never_lowers_trust_and_one_broken_never_raises_it(
    history: RelationshipHistory, age: int | None, owner: str
) -> None:
    before = assess(history, today=TODAY)
    kept = assess(
        replace(history, promises=(*history.promises, promise(owner, "kept", age))), today=TODAY
    )
    broke = assess(
        replace(history, promises=(*history.promises, promise(owner, "broken", age))), today=TODAY
    )
    assert kept.in_them >= before.in_them and kept.their_trust_in_me >= before.their_trust_in_me
    assert broke.in_them <= before.in_them and broke.their_trust_in_me <= before.their_trust_in_me


@settings(max_examples=150, deadline=None)
@given(history=_history, index=st.integers(0, 19), more=st.integers(1, 100))
def test_a_larger_room_never_raises_intimacy(
    history: RelationshipHistory, index: int, more: int
) -> None:
    if not history.conversations:
        return
    index %= len(history.conversations)
    talks = list(history.conversations)
    talks[index] = replace(talks[index], people=talks[index].people + more)
    before = assess(history, today=TODAY)
    after = assess(replace(history, conversations=tuple(talks)), today=TODAY)
    assert after.moves_in_them[2].points <= before.moves_in_them[2].points
    assert after.in_them <= before.in_them and after.their_trust_in_me <= before.their_trust_in_me


@settings(max_examples=150, deadline=None)
@given(history=_history)
def test_both_directions_stay_within_0_and_100(history: RelationshipHistory) -> None:
    reading = assess(history, today=TODAY)
    assert 0 <= reading.in_them <= 100 and 0 <= reading.their_trust_in_me <= 100
