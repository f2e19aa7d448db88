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

from desktop.domain import display_names

__all__ = [
    "BROKEN_WEIGHT",
    "CREDIBILITY_POINTS",
    "DEFAULT_CADENCE_DAYS",
    "DEPTH_SHARE",
    "DUE_SOON_DAYS",
    "HELPS_COUNTED",
    "HELP_CREDIBILITY_STEP",
    "INTIMACY_HALF_COUNT",
    "INTIMACY_POINTS",
    "LATE_KEPT_CREDIT",
    "LEVELS",
    "OVERDUE_WEIGHT",
    "PRIOR_KEPT",
    "PRIOR_PROMISES",
    "RELIABILITY_POINTS",
    "SELF_ORIENTATION_PRIOR",
    "SILENCE_HALF_LIFE_DAYS",
    "TAKING_PENALTY_ME",
    "TAKING_PENALTY_THEM",
    "UNJUDGED_CREDIBILITY",
    "ConversationRecord",
    "ExchangeRecord",
    "PromiseRecord",
    "RelationshipHistory",
    "TrustReading",
    "assess",
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

#: Them -> you credibility: each time you helped them (any give but a gift) adds a quarter,
#: counted up to three times, on top of the unjudged quarter.
HELP_CREDIBILITY_STEP = 0.25
HELPS_COUNTED = 3

#: Reliability is a smoothed ratio (a Beta prior): as if 0.3 of 2 imagined promises were
#: kept, so no history reads 0.3 and one kept promise is 0.53, never 100 %.
PRIOR_KEPT = 0.6
PRIOR_PROMISES = 2.0
#: A promise kept after its due date earns half credit.
LATE_KEPT_CREDIT = 0.5
#: A broken promise counts twice against; an open promise past its due date counts once.
BROKEN_WEIGHT = 2.0
OVERDUE_WEIGHT = 1.0

#: Intimacy: each depth saturates on its own, and small talk can never supply more than a
#: tenth of it. Shares add up to 1.
DEPTH_SHARE: dict[str, float] = {"small_talk": 0.1, "professional": 0.4, "personal": 0.5}
#: Conversations of one depth that reach half of that depth's share (diminishing returns).
INTIMACY_HALF_COUNT = 2.0

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


@dataclass(frozen=True, slots=True)
class TrustReading:
    """Both scores with the reasons behind them and one concrete next best action."""

    in_them: int  # you -> them, 0..100
    their_trust_in_me: int  # them -> you, 0..100
    reasons_in_them: tuple[str, ...]
    reasons_theirs: tuple[str, ...]
    next_action: str


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


@dataclass(slots=True)
class _Promises:
    """One direction's promises: kept (and how many late), broken, overdue."""

    kept: int = 0
    late: int = 0
    broken: int = 0
    overdue: list[tuple[int, str]] = field(default_factory=list)  # (days late, description)

    def most_overdue_first(self) -> None:
        self.overdue.sort(key=lambda item: -item[0])


@dataclass(slots=True)
class _Tally:
    """What the scores and the words are computed from (counts, never text judgements)."""

    theirs: _Promises = field(default_factory=_Promises)  # they owe me -> my trust in them
    mine: _Promises = field(default_factory=_Promises)  # I owe them -> their trust in me
    mine_due_soon: tuple[int, str] | None = None  # (days left, description)
    small: int = 0
    professional: int = 0
    personal: int = 0
    last_ord: int | None = None  # the latest conversation's day
    gives: int = 0
    receives: int = 0
    helps: int = 0  # gives that are not gifts


def _tally_promises(tally: _Tally, promises: tuple[PromiseRecord, ...], today_ord: int) -> None:
    """Per direction: "them" -> my trust in them; "me" -> theirs in me."""
    for promise in promises:
        owner = promise.owner
        if owner != "me" and owner != "them":
            continue
        side = tally.theirs if owner == "them" else tally.mine
        status = promise.status
        due = promise.due
        if status == "kept":
            resolved = promise.resolved_at
            late = (
                due is not None
                and resolved is not None
                and (resolved.toordinal() > due.toordinal())
            )
            side.kept += 1
            side.late += late
        elif status == "broken":
            side.broken += 1
        elif status == "open" and due is not None:
            days_left = due.toordinal() - today_ord
            if days_left < 0:
                side.overdue.append((-days_left, promise.description))
            elif (
                owner == "me"
                and days_left <= DUE_SOON_DAYS
                and (tally.mine_due_soon is None or days_left < tally.mine_due_soon[0])
            ):
                tally.mine_due_soon = (days_left, promise.description)
        # "released" and open promises not yet due are neutral.


def _tally_conversations(tally: _Tally, conversations: tuple[ConversationRecord, ...]) -> None:
    """Counts per depth (anything unknown is small talk) and the latest date."""
    for conversation in conversations:
        depth = conversation.depth
        if depth == "personal":
            tally.personal += 1
        elif depth == "professional":
            tally.professional += 1
        else:
            tally.small += 1
        when = conversation.happened_at.toordinal()
        if tally.last_ord is None or when > tally.last_ord:
            tally.last_ord = when


def _tally_exchanges(tally: _Tally, exchanges: tuple[ExchangeRecord, ...]) -> None:
    """The give/receive balance and the help that shows competence."""
    for exchange in exchanges:
        direction = exchange.direction
        if direction == "give":
            tally.gives += 1
            if exchange.kind != "gift":
                tally.helps += 1
        elif direction == "receive":
            tally.receives += 1


def _tally(history: RelationshipHistory, today_ord: int) -> _Tally:
    tally = _Tally()
    _tally_promises(tally, history.promises, today_ord)
    _tally_conversations(tally, history.conversations)
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
    """Shared by both directions: each depth saturates on its own; silence beyond the
    cadence cools it."""
    intimacy = 0.0
    for depth, count in (
        ("small_talk", tally.small),
        ("professional", tally.professional),
        ("personal", tally.personal),
    ):
        if count:
            intimacy += DEPTH_SHARE[depth] * (1.0 - 0.5 ** (count / INTIMACY_HALF_COUNT))
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
    """A smoothed kept ratio; broken and overdue promises count against."""
    return (side.kept - LATE_KEPT_CREDIT * side.late + PRIOR_KEPT) / (
        side.kept
        + BROKEN_WEIGHT * side.broken
        + OVERDUE_WEIGHT * len(side.overdue)
        + PRIOR_PROMISES
    )


def _trust_points(credibility: float, reliability: float, intimacy: float, divisor: float) -> int:
    return _score(
        (CREDIBILITY_POINTS * credibility + RELIABILITY_POINTS * reliability + intimacy) / divisor
    )


def _scores(
    history: RelationshipHistory, tally: _Tally, intimacy: float, vouch: float
) -> tuple[int, int]:
    """(you -> them, them -> you)."""
    judged = _judged_credibility(history.credibility)
    credibility_in = UNJUDGED_CREDIBILITY if judged is None else (judged - 1) / 4
    if history.introducer_trust is not None:
        credibility_in = min(1.0, credibility_in + vouch)
    # them -> you: the help you have given them shows what you can do
    credibility_theirs = UNJUDGED_CREDIBILITY + HELP_CREDIBILITY_STEP * min(
        tally.helps, HELPS_COUNTED
    )
    # self-orientation: one-sided taking divides the taker's side
    balance_base = tally.gives + tally.receives + SELF_ORIENTATION_PRIOR
    self_in = 1.0 + TAKING_PENALTY_THEM * max(0, tally.gives - tally.receives) / balance_base
    self_theirs = 1.0 + TAKING_PENALTY_ME * max(0, tally.receives - tally.gives) / balance_base
    return (
        _trust_points(credibility_in, _reliability(tally.theirs), intimacy, self_in),
        _trust_points(credibility_theirs, _reliability(tally.mine), intimacy, self_theirs),
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


def _reasons_in_them(
    history: RelationshipHistory, first: str, tally: _Tally, talk: list[str], vouch: float
) -> list[str]:
    theirs, gives, receives = tally.theirs, tally.gives, tally.receives
    reasons: list[str] = []
    if theirs.kept or theirs.broken:
        reasons.append(_kept_reason(f"{first} kept", theirs.kept, theirs.broken, theirs.late))
    reasons.extend(_overdue_reasons(first, theirs, _theirs_reason))
    reasons.extend(talk)
    judged = _judged_credibility(history.credibility)
    if judged is not None:
        reasons.append(f"you rate {first}'s credibility {judged} of 5")
    if vouch > 0:
        introducer = (history.introducer_name or "").strip()
        who = first_name(introducer) if introducer else "someone"
        reasons.append(f"introduced by {who} (whom you trust)")
    if gives > receives:
        reasons.append(f"you have given {first} more than you received ({gives} vs {receives})")
    elif gives > 0 and receives > 0:
        reasons.append(f"you help each other ({gives} given, {receives} received)")
    return reasons


def _reasons_theirs(first: str, tally: _Tally, talk: list[str]) -> list[str]:
    mine, gives, receives = tally.mine, tally.gives, tally.receives
    reasons: list[str] = []
    if mine.kept or mine.broken:
        reasons.append(_kept_reason("you kept", mine.kept, mine.broken, mine.late) + f" to {first}")
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
    first = first_name(history.name)
    today_ord = today.toordinal()
    tally = _tally(history, today_ord)
    tally.theirs.most_overdue_first()
    tally.mine.most_overdue_first()
    silence = _silence(tally, history.cadence_days, today_ord)
    vouch = _vouch(history.introducer_trust)
    in_them, theirs = _scores(
        history, tally, _intimacy_points(tally, history.cadence_days, silence), vouch
    )

    talk = _conversation_reasons(tally, silence)
    reasons_in = _reasons_in_them(history, first, tally, talk, vouch)
    reasons_th = _reasons_theirs(first, tally, talk)
    if not (history.promises or history.conversations or history.exchanges) and (
        history.credibility is None and vouch == 0
    ):
        reasons_in = ["No shared history yet"]
        reasons_th = ["No shared history yet"]
    else:
        if not reasons_in:
            reasons_in.append("No track record in this direction yet")
        if not reasons_th:
            reasons_th.append("No track record in this direction yet")

    return TrustReading(
        in_them=in_them,
        their_trust_in_me=theirs,
        reasons_in_them=tuple(reasons_in),
        reasons_theirs=tuple(reasons_th),
        next_action=_next_action(first, tally, silence),
    )
