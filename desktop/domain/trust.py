"""The two-way trust meter: how far each side's track record earns the other's trust.

Rapport shows trust in both directions because a network is "people you know and trust,
and who know and trust you" (DESIGN.md, "The trust meter"). The meter is read from the
history the app already keeps, following the Trust Equation of Maister, Green and Galford
(*The Trusted Advisor*, 2000)::

    trust = (credibility + reliability + intimacy) / self-orientation

Every constant is named below and explained in ``docs/trust-meter.md``; the tests in
``tests/test_trust.py`` pin hand-computed cases, so the score is never a black box.

This module is pure on purpose (stdlib only, no Qt, no database): the list views call
:func:`assess` for 10,000 people, the CLI and the briefing call it headless, and tests
call it without a display. It makes one pass over each part of the history, so the cost
grows linearly with the history and stays in the tens of microseconds for a typical person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from math import floor
from typing import NamedTuple

from desktop.domain import display_names

__all__ = [
    "BROKEN_WEIGHT",
    "CREDIBILITY_POINTS",
    "DEFAULT_CADENCE_DAYS",
    "DEPTH_WEIGHT",
    "DUE_SOON_DAYS",
    "HELPS_COUNTED",
    "HELP_CREDIBILITY_STEP",
    "INTIMACY_HALF_COUNT",
    "INTIMACY_POINTS",
    "LATE_KEPT_CREDIT",
    "LEVELS",
    "OVERDUE_FULL_DAYS",
    "OVERDUE_WEIGHT",
    "PRIOR_KEPT",
    "PRIOR_PROMISES",
    "REAL_TALK_SHARE",
    "RECENCY_FLOOR",
    "RECENCY_HALF_LIFE_DAYS",
    "RELIABILITY_POINTS",
    "SELF_ORIENTATION_PRIOR",
    "SILENCE_HALF_LIFE_DAYS",
    "SMALL_TALK_HALF_COUNT",
    "SMALL_TALK_SHARE",
    "TAKING_PENALTY_ME",
    "TAKING_PENALTY_THEM",
    "UNJUDGED_CREDIBILITY",
    "ConversationCounts",
    "ConversationRecord",
    "ExchangeRecord",
    "Move",
    "PromiseRecord",
    "RelationshipHistory",
    "TrustReading",
    "assess",
    "count_conversations",
    "first_name",
    "level_label",
]

# --- The formula's constants (docs/trust-meter.md states each one) -----------------------

#: The three numerator parts add up to at most 100 points; reliability weighs most because
#: a kept word is the clearest evidence a relationship can offer.
CREDIBILITY_POINTS = 20.0
RELIABILITY_POINTS = 50.0
INTIMACY_POINTS = 30.0

#: Credibility fraction when nothing is known: the same as a cautious "2 of 5".
UNJUDGED_CREDIBILITY = 0.25

#: Help is evidence of competence, in both directions: each time one side helped the other
#: (any give but a gift) adds a quarter to the helper's credibility, counted up to three times.
HELP_CREDIBILITY_STEP = 0.25
HELPS_COUNTED = 3

#: Reliability is a smoothed ratio (a Beta prior): as if 0.3 of 2 imagined promises were
#: kept, so no history reads 0.3 and one kept promise is 0.53, never 100 %.
PRIOR_KEPT = 0.6
PRIOR_PROMISES = 2.0
#: A promise kept after its due date earns half credit.
LATE_KEPT_CREDIT = 0.5
#: A broken promise counts twice against.
BROKEN_WEIGHT = 2.0
#: An open promise past its due date counts once against on its first late day, and more
#: the later it gets, up to a broken promise's weight after OVERDUE_FULL_DAYS.
OVERDUE_WEIGHT = 1.0
OVERDUE_FULL_DAYS = 180
#: Recent behaviour weighs more: a kept or broken promise counts in full when fresh and
#: fades towards RECENCY_FLOOR of its weight with a half-life of a year. The floor keeps
#: silence from ever erasing a record; a promise with no resolution date counts in full.
RECENCY_FLOOR = 0.5
RECENCY_HALF_LIFE_DAYS = 365.0

#: Intimacy belongs to the relationship: real conversations (personal, professional) fill
#: one share together, small talk a separate tenth that can never grow beyond it.
REAL_TALK_SHARE = 0.9
SMALL_TALK_SHARE = 0.1
#: How much one conversation of a depth counts towards the real share (personal is deepest).
DEPTH_WEIGHT: dict[str, float] = {"personal": 1.0, "professional": 0.5}
#: Personal-conversation equivalents that fill half of the real share, and small-talk
#: chats that fill half of the small-talk share (diminishing returns).
INTIMACY_HALF_COUNT = 4.0
SMALL_TALK_HALF_COUNT = 2.0
#: People, not rooms: a conversation counts 1 / (other people present), so a one-on-one
#: counts in full and a room of thirty counts a thirtieth.

#: Silence beyond the keep-in-touch cadence halves intimacy every year; nothing else cools.
DEFAULT_CADENCE_DAYS = 90
SILENCE_HALF_LIFE_DAYS = 365.0

#: Self-orientation divisor = 1 + penalty * (taker's surplus) / (gives + receives + prior).
#: Your taking costs their trust more than their taking costs yours: the app's user is the
#: one it can coach.
TAKING_PENALTY_ME = 0.5
TAKING_PENALTY_THEM = 0.25
SELF_ORIENTATION_PRIOR = 2.0

#: Open promises due within this many days are offered as the next action.
DUE_SOON_DAYS = 7

#: Words for a score, lowest bound first: colour must never carry the meaning alone.
LEVELS: tuple[tuple[int, str], ...] = (
    (0, "strained"),
    (15, "slight"),
    (30, "building"),
    (50, "solid"),
    (70, "strong"),
    (85, "deep"),
)

_MAX_OVERDUE_REASONS = 3
_FALLBACK_NAME = "this person"
_UNDESCRIBED_MINE = "what you promised"
_UNDESCRIBED_THEIRS = "what they promised"

#: First words that mark a promise description as an action ("send her the deck") rather
#: than a thing ("the deck"); only used to phrase texts, never to score.
# fmt: off
_ACTION_VERBS = frozenset((
    "book", "bring", "buy", "call", "check", "connect", "contact", "draft", "email",
    "find", "follow", "forward", "get", "give", "help", "intro", "introduce", "invite",
    "lend", "let", "look", "mail", "make", "meet", "message", "pay", "phone", "ping",
    "post", "prepare", "put", "read", "recommend", "reply", "return", "review",
    "schedule", "send", "set", "share", "show", "sign", "sketch", "tell", "text",
    "update", "visit", "write",
))
# fmt: on


# --- Records (plain data, filled by services from storage) --------------------------------


@dataclass(frozen=True, slots=True)
class PromiseRecord:
    """A commitment between the user and one person, as far as trust needs it."""

    owner: str  # "me" (I owe them) or "them" (they owe me)
    status: str  # "open" | "kept" | "broken" | "released"
    description: str
    due: date | None = None
    made_at: datetime | None = None
    resolved_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ConversationRecord:
    """One conversation with the person: when, and how deep it went."""

    happened_at: datetime
    depth: str  # "small_talk" | "professional" | "personal"
    #: Other people present besides you (1 for a one-on-one); intimacy divides by it.
    people: int = 1


class ConversationCounts(NamedTuple):
    """A person's conversations as the meter reads them, counted without a record each.

    The bulk read of 10,000 people counts these in SQL instead of building 200,000
    :class:`ConversationRecord` objects; :func:`count_conversations` counts the same from
    records, and both feed one piece of arithmetic, so the scores are identical.
    """

    personal: int
    professional: int
    small: int  # small talk and any unknown depth
    #: (depth, people) of each conversation with more than one other person, in the
    #: order of the records (the order of the subtractions fixes the last bit of a float).
    groups: tuple[tuple[str, int], ...]
    last_ord: int | None  # the latest conversation's day (date.toordinal()), None if none


@dataclass(frozen=True, slots=True)
class ExchangeRecord:
    """Something of value that went one way between the user and the person."""

    direction: str  # "give" (I gave to them) | "receive" (I received from them)
    kind: str  # introduction, help, advice, referral, opportunity, gift
    happened_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RelationshipHistory:
    """Everything :func:`assess` reads about one person; no database handle needed."""

    name: str  # the person's display name, used in reasons
    promises: tuple[PromiseRecord, ...] = ()
    conversations: tuple[ConversationRecord, ...] = ()
    exchanges: tuple[ExchangeRecord, ...] = ()
    credibility: int | None = None  # the user's own judgement of them, 1..5
    introducer_name: str | None = None
    introducer_trust: int | None = None  # my trust (0..100) in whoever introduced us
    cadence_days: int | None = None  # keep-in-touch cadence
    #: The conversations already counted (a bulk read): when given, it stands for
    #: ``conversations``, which then stays empty. Never combine the two.
    counted: ConversationCounts | None = None


class Move(NamedTuple):
    """One part of the formula and how many points it moved a score from the no-history
    baseline (negative when it pulled the score down), so a reading is never a black box.
    A named tuple, not a frozen dataclass: eight are made per person, 10,000 people a read."""

    part: str  # "credibility" | "reliability" | "intimacy" | "self-orientation"
    points: float


@dataclass(frozen=True, slots=True)
class TrustReading:
    """Both scores with the reasons behind them and one concrete next best action.

    The scores and their parts are computed at once; the words (reasons, next action) are
    composed from the kept tally only when read, because the list views read 10,000
    scores and show no words, while a person view reads the words of one.
    """

    in_them: int  # you -> them, 0..100
    their_trust_in_me: int  # them -> you, 0..100
    #: Per direction: (credibility points, reliability points, intimacy points, the score
    #: before rounding). Plain floats; the moves below are derived from them when asked.
    parts_in_them: tuple[float, ...] = ()
    parts_theirs: tuple[float, ...] = ()
    words: _Words | None = field(default=None, repr=False, hash=False)

    @property
    def reasons_in_them(self) -> tuple[str, ...]:
        """Why you trust them as far as you do (never empty)."""
        return _reasons_pair(self.words)[0]

    @property
    def reasons_theirs(self) -> tuple[str, ...]:
        """Why they trust you as far as they do (never empty)."""
        return _reasons_pair(self.words)[1]

    @property
    def next_action(self) -> str:
        """The one thing worth doing next for this relationship."""
        words = self.words
        if words is None:
            return ""
        return _next_action(words.first, words.tally, words.silence)

    @property
    def moves_in_them(self) -> tuple[Move, ...]:
        """How many points each part moved you -> them from the no-history 20."""
        return _moves(self.parts_in_them)

    @property
    def moves_theirs(self) -> tuple[Move, ...]:
        """How many points each part moved them -> you from the no-history 20."""
        return _moves(self.parts_theirs)


# --- Small text helpers --------------------------------------------------------------------


def first_name(name: str) -> str:
    """The first real word of a display name (no emoji or title), so texts read naturally."""
    return display_names.first_name(name, _FALLBACK_NAME)


def level_label(score: int) -> str:
    """A word for a score ("building", "solid"…), so meaning never rests on colour alone."""
    label = LEVELS[0][1]
    for bound, word in LEVELS:
        if score >= bound:
            label = word
    return label


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _span(days: int) -> str:
    """A human length of time: days, then weeks, months, years, rounded down."""
    if days < 14:
        return _plural(days, "day", "days")
    if days < 60:
        return _plural(days // 7, "week", "weeks")
    if days < 730:
        return _plural(days // 30, "month", "months")
    return _plural(days // 365, "year", "years")


def _late(days: int) -> str:
    return f"{_plural(days, 'day', 'days')} late"


def _due_in(days: int) -> str:
    if days <= 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    return f"due in {days} days"


def _describe(description: str, fallback: str) -> tuple[str, bool]:
    """The promise text to quote, and whether it reads as an action ("send her the deck")."""
    text = description.strip().rstrip(".").strip()
    if not text:
        return fallback, False
    return text, text.split(None, 1)[0].lower() in _ACTION_VERBS


def _mine_reason(first: str, description: str, lateness: str) -> str:
    text, action = _describe(description, _UNDESCRIBED_MINE)
    if action:
        return f"you promised {first} you'd {text}, {lateness}"
    return f"you owe {first} {text}, {lateness}"


def _mine_action(first: str, description: str, when: str) -> str:
    text, action = _describe(description, _UNDESCRIBED_MINE)
    if action:
        return f"{text[0].upper()}{text[1:]} — as promised to {first} ({when})"
    return f"Send {first} {text} ({when})"


def _theirs_reason(first: str, description: str, lateness: str) -> str:
    text, action = _describe(description, _UNDESCRIBED_THEIRS)
    if action:
        return f"{first} promised to {text}, {lateness}"
    return f"{first} owes you {text}, {lateness}"


def _theirs_action(first: str, description: str, lateness: str) -> str:
    text, action = _describe(description, _UNDESCRIBED_THEIRS)
    if action:
        return f"Follow up with {first} on their promise to {text} ({lateness})"
    return f"Follow up with {first} on {text} ({lateness})"


def _score(points: float) -> int:
    """Round half up and clamp to 0..100, so equal histories always give equal integers."""
    value = floor(points + 0.5)
    if value < 0:
        return 0
    if value > 100:
        return 100
    return value


def _kept_reason(subject: str, kept: int, broken: int, late: int) -> str:
    text = f"{subject} {kept} of {_plural(kept + broken, 'promise', 'promises')}"
    if late:
        text += f" ({late} late)"
    return text


# --- Tallying: one pass over each part of the history -----------------------------------


def recency_weight(age_days: int) -> float:
    """How much a kept or broken promise counts ``age_days`` after it was resolved: in full
    when fresh, fading to RECENCY_FLOOR with a half-life of a year (never to nothing)."""
    if age_days <= 0:
        return 1.0
    return RECENCY_FLOOR + (1.0 - RECENCY_FLOOR) * 0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS)


def overdue_weight(days_late: int) -> float:
    """What an open promise ``days_late`` past its due date counts against: once at first,
    growing to a broken promise's weight after OVERDUE_FULL_DAYS."""
    late = min(max(days_late, 0), OVERDUE_FULL_DAYS)
    return OVERDUE_WEIGHT + (BROKEN_WEIGHT - OVERDUE_WEIGHT) * late / OVERDUE_FULL_DAYS


@dataclass(slots=True)
class _Promises:
    """One direction's promises: counts for the words, recency-weighted sums for the score."""

    kept: int = 0
    late: int = 0
    broken: int = 0
    credit: float = 0.0  # weighted kept credit (late ones at half)
    counted: float = 0.0  # weighted kept + broken (twice) + overdue (growing)
    overdue: list[tuple[int, str]] = field(default_factory=list)  # (days late, description)
    last_broken_ord: int | None = None  # the day the latest dated broken promise was resolved
    kept_ords: list[int] = field(default_factory=list)  # days dated kept promises were kept

    def most_overdue_first(self) -> None:
        self.overdue.sort(key=lambda item: -item[0])

    def kept_since_last_broken(self) -> int:
        last = self.last_broken_ord
        if last is None:
            return 0
        return sum(1 for day in self.kept_ords if day > last)


@dataclass(slots=True)
class _Tally:
    """What the scores and the words are computed from (counts, never text judgements)."""

    theirs: _Promises = field(default_factory=_Promises)  # they owe me -> my trust in them
    mine: _Promises = field(default_factory=_Promises)  # I owe them -> their trust in me
    mine_due_soon: tuple[int, str] | None = None  # (days left, description)
    small: int = 0
    professional: int = 0
    personal: int = 0
    in_groups: int = 0  # conversations with more than one other person present
    real_depth: float = 0.0  # personal-conversation equivalents, divided by room size
    small_depth: float = 0.0  # small-talk chats, divided by room size
    last_ord: int | None = None  # the latest conversation's day
    gives: int = 0
    receives: int = 0
    helps: int = 0  # my gives that are not gifts
    their_helps: int = 0  # what I received from them that is not a gift


def _tally_promises(tally: _Tally, promises: tuple[PromiseRecord, ...], today_ord: int) -> None:
    """Per direction: "them" -> my trust in them; "me" -> theirs in me."""
    for promise in promises:
        owner = promise.owner
        if owner != "me" and owner != "them":
            continue
        side = tally.theirs if owner == "them" else tally.mine
        status = promise.status
        due = promise.due
        if status == "kept" or status == "broken":
            resolved = promise.resolved_at
            resolved_ord = None if resolved is None else resolved.toordinal()
            weight = 1.0 if resolved_ord is None else recency_weight(today_ord - resolved_ord)
            if status == "kept":
                late = (
                    due is not None and resolved_ord is not None and resolved_ord > due.toordinal()
                )
                side.kept += 1
                side.late += late
                side.credit += weight * (LATE_KEPT_CREDIT if late else 1.0)
                side.counted += weight
                if resolved_ord is not None:
                    side.kept_ords.append(resolved_ord)
            else:
                side.broken += 1
                side.counted += BROKEN_WEIGHT * weight
                if resolved_ord is not None and (
                    side.last_broken_ord is None or resolved_ord > side.last_broken_ord
                ):
                    side.last_broken_ord = resolved_ord
        elif status == "open" and due is not None:
            days_left = due.toordinal() - today_ord
            if days_left < 0:
                side.overdue.append((-days_left, promise.description))
                side.counted += overdue_weight(-days_left)
            elif (
                owner == "me"
                and days_left <= DUE_SOON_DAYS
                and (tally.mine_due_soon is None or days_left < tally.mine_due_soon[0])
            ):
                tally.mine_due_soon = (days_left, promise.description)
        # "released" and open promises not yet due are neutral.


def count_conversations(conversations: tuple[ConversationRecord, ...]) -> ConversationCounts:
    """Count the records' depths, group talks and latest day (anything unknown is small talk)."""
    personal, professional, small, groups, last = _count(conversations)
    return ConversationCounts(personal, professional, small, tuple(groups), last)


_Counted = tuple[int, int, int, list[tuple[str, int]], int | None]


def _count(conversations: tuple[ConversationRecord, ...]) -> _Counted:
    """:func:`count_conversations` as a plain tuple (no named tuple per person).

    The hottest loop of the meter when it reads records (20 conversations a person): counts
    are kept in locals and only the few group talks are remembered.
    """
    personal = professional = small = 0
    groups: list[tuple[str, int]] = []
    last = -1
    for conversation in conversations:
        depth = conversation.depth
        if depth == "personal":
            personal += 1
        elif depth == "professional":
            professional += 1
        else:
            small += 1
        if conversation.people > 1:
            groups.append((depth, conversation.people))
        when = conversation.happened_at.toordinal()
        if when > last:
            last = when
    return personal, professional, small, groups, last if last >= 0 else None


def _tally_conversations(tally: _Tally, counts: ConversationCounts | _Counted) -> None:
    """Depth per conversation, divided by the room: one-on-ones (most talks) need no
    division, and the few group talks are corrected for once at the end."""
    personal, professional, small, groups, last = counts
    personal_weight = DEPTH_WEIGHT["personal"]
    professional_weight = DEPTH_WEIGHT["professional"]
    real = personal * personal_weight + professional * professional_weight
    chats = float(small)
    for depth, people in groups:
        # counted in full above; keep only 1 / people of it
        share = 1.0 - 1.0 / people
        if depth == "personal":
            real -= personal_weight * share
        elif depth == "professional":
            real -= professional_weight * share
        else:
            chats -= share
    tally.personal, tally.professional, tally.small = personal, professional, small
    tally.in_groups = len(groups)
    tally.real_depth, tally.small_depth = real, chats
    tally.last_ord = last


def _tally_exchanges(tally: _Tally, exchanges: tuple[ExchangeRecord, ...]) -> None:
    """The give/receive balance and the help that shows competence, both ways."""
    gives = receives = helps = their_helps = 0
    for exchange in exchanges:
        direction = exchange.direction
        if direction == "give":
            gives += 1
            if exchange.kind != "gift":
                helps += 1
        elif direction == "receive":
            receives += 1
            if exchange.kind != "gift":
                their_helps += 1
    tally.gives, tally.receives, tally.helps, tally.their_helps = (
        gives,
        receives,
        helps,
        their_helps,
    )


def _tally(history: RelationshipHistory, today_ord: int) -> _Tally:
    tally = _Tally()
    _tally_promises(tally, history.promises, today_ord)
    counted = history.counted
    _tally_conversations(tally, _count(history.conversations) if counted is None else counted)
    _tally_exchanges(tally, history.exchanges)
    return tally


# --- Scoring: the Trust Equation per direction -------------------------------------------


@dataclass(frozen=True, slots=True)
class _Silence:
    days: int
    past_cadence: bool  # longer than the keep-in-touch cadence: intimacy cools


def _silence(tally: _Tally, cadence: int | None, today_ord: int) -> _Silence:
    grace = cadence if cadence is not None and cadence > 0 else DEFAULT_CADENCE_DAYS
    days = 0 if tally.last_ord is None else max(0, today_ord - tally.last_ord)
    return _Silence(days, tally.last_ord is not None and days > grace)


def _intimacy_points(tally: _Tally, cadence: int | None, silence: _Silence) -> float:
    """Shared by both directions: real talk fills one share together, small talk its own
    tenth; silence beyond the cadence cools it."""
    intimacy = 0.0
    if tally.real_depth:
        intimacy += REAL_TALK_SHARE * (1.0 - 0.5 ** (tally.real_depth / INTIMACY_HALF_COUNT))
    if tally.small_depth:
        intimacy += SMALL_TALK_SHARE * (1.0 - 0.5 ** (tally.small_depth / SMALL_TALK_HALF_COUNT))
    if silence.past_cadence:
        grace = cadence if cadence is not None and cadence > 0 else DEFAULT_CADENCE_DAYS
        intimacy *= 0.5 ** ((silence.days - grace) / SILENCE_HALF_LIFE_DAYS)
    return INTIMACY_POINTS * intimacy


def _judged_credibility(judged: int | None) -> int | None:
    """The user's own 1..5 judgement, clamped (None when not given)."""
    return None if judged is None else min(5, max(1, judged))


def _vouch(introducer_trust: int | None) -> float:
    """What a trusted introducer adds to my credibility reading of them (0 when none)."""
    if introducer_trust is None:
        return 0.0
    return max(0, min(100, introducer_trust) - 50) / 100


def _reliability(side: _Promises) -> float:
    """A smoothed, recency-weighted kept ratio; broken and overdue promises count against."""
    return (side.credit + PRIOR_KEPT) / (side.counted + PRIOR_PROMISES)


def _help_credibility(helps: int) -> float:
    return HELP_CREDIBILITY_STEP * min(helps, HELPS_COUNTED)


_BASELINE_C = CREDIBILITY_POINTS * UNJUDGED_CREDIBILITY
_BASELINE_R = RELIABILITY_POINTS * PRIOR_KEPT / PRIOR_PROMISES


def _direction(
    credibility: float, reliability: float, intimacy: float, divisor: float
) -> tuple[int, tuple[float, float, float, float]]:
    """One direction's score and its parts (see :attr:`TrustReading.parts_in_them`)."""
    c = CREDIBILITY_POINTS * credibility
    r = RELIABILITY_POINTS * reliability
    total = (c + r + intimacy) / divisor
    return _score(total), (c, r, intimacy, total)


def _moves(parts: tuple[float, ...]) -> tuple[Move, ...]:
    """What each part moved a score from the no-history baseline (C 5, R 15, I 0, S 1)."""
    if not parts:
        return ()
    c, r, intimacy, total = parts
    return (
        Move("credibility", c - _BASELINE_C),
        Move("reliability", r - _BASELINE_R),
        Move("intimacy", intimacy),
        Move("self-orientation", total - (c + r + intimacy)),
    )


_Direction = tuple[int, tuple[float, float, float, float]]


def _scores(
    history: RelationshipHistory, tally: _Tally, intimacy: float, vouch: float
) -> tuple[_Direction, _Direction]:
    """(you -> them, them -> you), each with its parts."""
    judged = _judged_credibility(history.credibility)
    credibility_in = UNJUDGED_CREDIBILITY if judged is None else (judged - 1) / 4
    # you -> them: your judgement, a trusted introducer's word and the help they gave you
    credibility_in = min(1.0, credibility_in + vouch + _help_credibility(tally.their_helps))
    # them -> you: the help you have given them shows what you can do
    credibility_theirs = min(1.0, UNJUDGED_CREDIBILITY + _help_credibility(tally.helps))
    # self-orientation: one-sided taking divides the taker's side
    balance_base = tally.gives + tally.receives + SELF_ORIENTATION_PRIOR
    self_in = 1.0 + TAKING_PENALTY_THEM * max(0, tally.gives - tally.receives) / balance_base
    self_theirs = 1.0 + TAKING_PENALTY_ME * max(0, tally.receives - tally.gives) / balance_base
    return (
        _direction(credibility_in, _reliability(tally.theirs), intimacy, self_in),
        _direction(credibility_theirs, _reliability(tally.mine), intimacy, self_theirs),
    )


# --- Wording: reasons in both directions and the next best action ------------------------


def _conversation_reasons(tally: _Tally, silence: _Silence) -> list[str]:
    reasons: list[str] = []
    if tally.personal:
        reasons.append(_plural(tally.personal, "deep conversation", "deep conversations"))
    if tally.professional:
        reasons.append(
            _plural(tally.professional, "professional conversation", "professional conversations")
        )
    if tally.small:
        reasons.append(_plural(tally.small, "small-talk chat", "small-talk chats"))
    if tally.in_groups:
        reasons.append(
            f"{_plural(tally.in_groups, 'conversation', 'conversations')} in a group "
            "(counted less than one-on-one)"
        )
    if silence.past_cadence:
        reasons.append(f"no contact for {_span(silence.days)}")
    return reasons


def _overdue_reasons(
    first: str, side: _Promises, reason: Callable[[str, str, str], str]
) -> list[str]:
    reasons = [
        reason(first, description, _late(days))
        for days, description in side.overdue[:_MAX_OVERDUE_REASONS]
    ]
    if len(side.overdue) > _MAX_OVERDUE_REASONS:
        reasons.append(f"and {len(side.overdue) - _MAX_OVERDUE_REASONS} more overdue")
    return reasons


def _ago(days: int) -> str:
    """When something happened, as a person would say it."""
    if days < 7:
        return "this week"
    if days < 60:
        return "last month" if days >= 28 else f"{_plural(days // 7, 'week', 'weeks')} ago"
    return f"{_span(days)} ago"


def _recency_reasons(side: _Promises, today_ord: int, broke: str, kept: str) -> list[str]:
    """The latest breach and the record since: recent behaviour weighs more."""
    if side.last_broken_ord is None:
        return []
    reasons = [f"{broke} {_ago(today_ord - side.last_broken_ord)}"]
    since = side.kept_since_last_broken()
    if since:
        reasons.append(f"{kept} {_plural(since, 'promise', 'promises')} since")
    return reasons


def _reasons_in_them(words: _Words, talk: list[str]) -> list[str]:
    first, tally, vouch, today_ord = words.first, words.tally, words.vouch, words.today_ord
    theirs, gives, receives = tally.theirs, tally.gives, tally.receives
    reasons: list[str] = []
    if theirs.kept or theirs.broken:
        reasons.append(_kept_reason(f"{first} kept", theirs.kept, theirs.broken, theirs.late))
    reasons.extend(_recency_reasons(theirs, today_ord, f"{first} broke a promise", f"{first} kept"))
    reasons.extend(_overdue_reasons(first, theirs, _theirs_reason))
    reasons.extend(talk)
    if words.judged is not None:
        reasons.append(f"you rate {first}'s credibility {words.judged} of 5")
    if vouch > 0:
        introducer = (words.introducer_name or "").strip()
        who = first_name(introducer) if introducer else "someone"
        reasons.append(f"introduced by {who} (whom you trust)")
    if tally.their_helps:
        reasons.append(f"{first} has helped you {_plural(tally.their_helps, 'time', 'times')}")
    if gives > receives:
        reasons.append(f"you have given {first} more than you received ({gives} vs {receives})")
    elif gives > 0 and receives > 0:
        reasons.append(f"you help each other ({gives} given, {receives} received)")
    return reasons


def _reasons_theirs(first: str, tally: _Tally, talk: list[str], today_ord: int) -> list[str]:
    mine, gives, receives = tally.mine, tally.gives, tally.receives
    reasons: list[str] = []
    if mine.kept or mine.broken:
        reasons.append(_kept_reason("you kept", mine.kept, mine.broken, mine.late) + f" to {first}")
    reasons.extend(_recency_reasons(mine, today_ord, f"you broke a promise to {first}", "you kept"))
    reasons.extend(_overdue_reasons(first, mine, _mine_reason))
    reasons.extend(talk)
    if tally.helps:
        reasons.append(f"you have helped {first} {_plural(tally.helps, 'time', 'times')}")
    if receives > gives:
        reasons.append(f"you have received more from {first} than you gave ({receives} vs {gives})")
    elif gives > 0 and receives > 0:
        reasons.append(f"you help each other ({gives} given, {receives} received)")
    return reasons


def _next_action(first: str, tally: _Tally, silence: _Silence) -> str:
    """Keep my word first, then tend, then follow up, then be curious."""
    if tally.mine.overdue:
        days, description = tally.mine.overdue[0]
        return _mine_action(first, description, _late(days))
    if tally.mine_due_soon is not None:
        days_left, description = tally.mine_due_soon
        return _mine_action(first, description, _due_in(days_left))
    if silence.past_cadence:
        return f"Reconnect with {first} — no contact for {_span(silence.days)}"
    if tally.theirs.overdue:
        days, description = tally.theirs.overdue[0]
        return _theirs_action(first, description, _late(days))
    if tally.receives > tally.gives:
        return f"Offer {first} something useful — an introduction, a lead, your help"
    return f"Ask {first} what they're working on"


# --- The meter ------------------------------------------------------------------------------


def assess(history: RelationshipHistory, *, today: date) -> TrustReading:
    """Read both trust scores, their reasons and the next best action from one history.

    Deterministic for a given ``today`` and linear in the size of the history; unknown
    status, depth or direction strings are ignored (or, for depth, read as small talk)
    rather than raising, because a list view must never fail on one odd row.
    """
    today_ord = today.toordinal()
    tally = _tally(history, today_ord)
    silence = _silence(tally, history.cadence_days, today_ord)
    vouch = _vouch(history.introducer_trust)
    (in_them, moves_in), (theirs, moves_th) = _scores(
        history, tally, _intimacy_points(tally, history.cadence_days, silence), vouch
    )

    tally.theirs.most_overdue_first()
    tally.mine.most_overdue_first()
    talked = history.conversations or (tally.personal or tally.professional or tally.small)
    blank = not (history.promises or talked or history.exchanges) and (
        history.credibility is None and vouch == 0
    )
    words = _Words(
        first_name(history.name),
        tally,
        silence,
        vouch,
        _judged_credibility(history.credibility),
        history.introducer_name,
        today_ord,
        blank,
    )
    return TrustReading(in_them, theirs, moves_in, moves_th, words)


@dataclass(frozen=True, slots=True)
class _Words:
    """What the reasons and the next action are composed from, kept with a reading."""

    first: str
    tally: _Tally
    silence: _Silence
    vouch: float
    judged: int | None
    introducer_name: str | None
    today_ord: int
    blank: bool  # nothing recorded at all


def _reasons_pair(words: _Words | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(reasons you -> them, reasons them -> you)."""
    if words is None:
        return (), ()
    if words.blank:
        return ("No shared history yet",), ("No shared history yet",)
    talk = _conversation_reasons(words.tally, words.silence)
    reasons_in = _reasons_in_them(words, talk)
    reasons_th = _reasons_theirs(words.first, words.tally, talk, words.today_ord)
    if not reasons_in:
        reasons_in.append("No track record in this direction yet")
    if not reasons_th:
        reasons_th.append("No track record in this direction yet")
    return tuple(reasons_in), tuple(reasons_th)
