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

from dataclasses import dataclass
from datetime import date, datetime
from math import floor

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
    """The first word of a display name, so texts read like a person wrote them."""
    words = name.split()
    if words:
        return words[0]
    return name.strip() or _FALLBACK_NAME


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


# --- The meter ------------------------------------------------------------------------------


def assess(history: RelationshipHistory, *, today: date) -> TrustReading:
    """Read both trust scores, their reasons and the next best action from one history.

    Deterministic for a given ``today`` and linear in the size of the history; unknown
    status, depth or direction strings are ignored (or, for depth, read as small talk)
    rather than raising, because a list view must never fail on one odd row.
    """
    first = first_name(history.name)
    today_ord = today.toordinal()

    # Promises: one pass, per direction. "them" -> my trust in them; "me" -> theirs in me.
    them_kept = them_late = them_broken = 0
    me_kept = me_late = me_broken = 0
    them_overdue: list[tuple[int, str]] = []
    me_overdue: list[tuple[int, str]] = []
    me_due_soon: tuple[int, str] | None = None
    for promise in history.promises:
        owner = promise.owner
        if owner != "me" and owner != "them":
            continue
        status = promise.status
        due = promise.due
        if status == "kept":
            resolved = promise.resolved_at
            late = (
                due is not None
                and resolved is not None
                and (resolved.toordinal() > due.toordinal())
            )
            if owner == "them":
                them_kept += 1
                them_late += late
            else:
                me_kept += 1
                me_late += late
        elif status == "broken":
            if owner == "them":
                them_broken += 1
            else:
                me_broken += 1
        elif status == "open" and due is not None:
            days_left = due.toordinal() - today_ord
            if days_left < 0:
                entry = (-days_left, promise.description)
                (them_overdue if owner == "them" else me_overdue).append(entry)
            elif (
                owner == "me"
                and days_left <= DUE_SOON_DAYS
                and (me_due_soon is None or days_left < me_due_soon[0])
            ):
                me_due_soon = (days_left, promise.description)
        # "released" and open promises not yet due are neutral.

    # Conversations: counts per depth and the latest date.
    small = professional = personal = 0
    last_ord: int | None = None
    for conversation in history.conversations:
        depth = conversation.depth
        if depth == "personal":
            personal += 1
        elif depth == "professional":
            professional += 1
        else:
            small += 1
        when = conversation.happened_at.toordinal()
        if last_ord is None or when > last_ord:
            last_ord = when

    # Exchanges: the give/receive balance and the help that shows competence.
    gives = receives = helps = 0
    for exchange in history.exchanges:
        direction = exchange.direction
        if direction == "give":
            gives += 1
            if exchange.kind != "gift":
                helps += 1
        elif direction == "receive":
            receives += 1

    # Intimacy, shared by both directions, cooled by silence beyond the cadence.
    intimacy = 0.0
    if small:
        intimacy += DEPTH_SHARE["small_talk"] * (1.0 - 0.5 ** (small / INTIMACY_HALF_COUNT))
    if professional:
        intimacy += DEPTH_SHARE["professional"] * (
            1.0 - 0.5 ** (professional / INTIMACY_HALF_COUNT)
        )
    if personal:
        intimacy += DEPTH_SHARE["personal"] * (1.0 - 0.5 ** (personal / INTIMACY_HALF_COUNT))
    cadence = history.cadence_days
    grace = cadence if cadence is not None and cadence > 0 else DEFAULT_CADENCE_DAYS
    silence = 0 if last_ord is None else max(0, today_ord - last_ord)
    past_cadence = last_ord is not None and silence > grace
    if past_cadence:
        intimacy *= 0.5 ** ((silence - grace) / SILENCE_HALF_LIFE_DAYS)
    intimacy_points = INTIMACY_POINTS * intimacy

    # Credibility, you -> them: your judgement plus a trusted introducer's vouching.
    judged = history.credibility
    credibility_in = UNJUDGED_CREDIBILITY if judged is None else (min(5, max(1, judged)) - 1) / 4
    vouch = 0.0
    if history.introducer_trust is not None:
        vouch = max(0, min(100, history.introducer_trust) - 50) / 100
        credibility_in = min(1.0, credibility_in + vouch)
    # Credibility, them -> you: the help you have given them shows what you can do.
    credibility_theirs = UNJUDGED_CREDIBILITY + HELP_CREDIBILITY_STEP * min(helps, HELPS_COUNTED)

    # Reliability per direction: a smoothed kept ratio, broken and overdue count against.
    rel_in = (them_kept - LATE_KEPT_CREDIT * them_late + PRIOR_KEPT) / (
        them_kept
        + BROKEN_WEIGHT * them_broken
        + OVERDUE_WEIGHT * len(them_overdue)
        + PRIOR_PROMISES
    )
    rel_theirs = (me_kept - LATE_KEPT_CREDIT * me_late + PRIOR_KEPT) / (
        me_kept + BROKEN_WEIGHT * me_broken + OVERDUE_WEIGHT * len(me_overdue) + PRIOR_PROMISES
    )

    # Self-orientation: one-sided taking divides the taker's side.
    balance_base = gives + receives + SELF_ORIENTATION_PRIOR
    self_in = 1.0 + TAKING_PENALTY_THEM * max(0, gives - receives) / balance_base
    self_theirs = 1.0 + TAKING_PENALTY_ME * max(0, receives - gives) / balance_base

    in_them = _score(
        (CREDIBILITY_POINTS * credibility_in + RELIABILITY_POINTS * rel_in + intimacy_points)
        / self_in
    )
    theirs = _score(
        (
            CREDIBILITY_POINTS * credibility_theirs
            + RELIABILITY_POINTS * rel_theirs
            + intimacy_points
        )
        / self_theirs
    )

    # Reasons, in both directions.
    conversation_reasons: list[str] = []
    if personal:
        conversation_reasons.append(_plural(personal, "deep conversation", "deep conversations"))
    if professional:
        conversation_reasons.append(
            _plural(professional, "professional conversation", "professional conversations")
        )
    if small:
        conversation_reasons.append(_plural(small, "small-talk chat", "small-talk chats"))
    if past_cadence:
        conversation_reasons.append(f"no contact for {_span(silence)}")
    mutual = gives > 0 and receives > 0

    reasons_in: list[str] = []
    if them_kept or them_broken:
        reasons_in.append(_kept_reason(f"{first} kept", them_kept, them_broken, them_late))
    them_overdue.sort(key=lambda item: -item[0])
    for days, description in them_overdue[:_MAX_OVERDUE_REASONS]:
        reasons_in.append(_theirs_reason(first, description, _late(days)))
    if len(them_overdue) > _MAX_OVERDUE_REASONS:
        reasons_in.append(f"and {len(them_overdue) - _MAX_OVERDUE_REASONS} more overdue")
    reasons_in.extend(conversation_reasons)
    if judged is not None:
        reasons_in.append(f"you rate {first}'s credibility {min(5, max(1, judged))} of 5")
    if vouch > 0:
        introducer = (history.introducer_name or "").strip()
        who = first_name(introducer) if introducer else "someone"
        reasons_in.append(f"introduced by {who} (whom you trust)")
    if gives > receives:
        reasons_in.append(f"you have given {first} more than you received ({gives} vs {receives})")
    elif mutual:
        reasons_in.append(f"you help each other ({gives} given, {receives} received)")

    reasons_th: list[str] = []
    if me_kept or me_broken:
        reasons_th.append(_kept_reason("you kept", me_kept, me_broken, me_late) + f" to {first}")
    me_overdue.sort(key=lambda item: -item[0])
    for days, description in me_overdue[:_MAX_OVERDUE_REASONS]:
        reasons_th.append(_mine_reason(first, description, _late(days)))
    if len(me_overdue) > _MAX_OVERDUE_REASONS:
        reasons_th.append(f"and {len(me_overdue) - _MAX_OVERDUE_REASONS} more overdue")
    reasons_th.extend(conversation_reasons)
    if helps:
        reasons_th.append(f"you have helped {first} {_plural(helps, 'time', 'times')}")
    if receives > gives:
        reasons_th.append(
            f"you have received more from {first} than you gave ({receives} vs {gives})"
        )
    elif mutual:
        reasons_th.append(f"you help each other ({gives} given, {receives} received)")

    if not (history.promises or history.conversations or history.exchanges) and (
        judged is None and vouch == 0
    ):
        reasons_in = ["No shared history yet"]
        reasons_th = ["No shared history yet"]
    else:
        if not reasons_in:
            reasons_in.append("No track record in this direction yet")
        if not reasons_th:
            reasons_th.append("No track record in this direction yet")

    # The next best action: keep my word first, then tend, then follow up, then be curious.
    if me_overdue:
        days, description = me_overdue[0]
        next_action = _mine_action(first, description, _late(days))
    elif me_due_soon is not None:
        next_action = _mine_action(first, me_due_soon[1], _due_in(me_due_soon[0]))
    elif past_cadence:
        next_action = f"Reconnect with {first} — no contact for {_span(silence)}"
    elif them_overdue:
        days, description = them_overdue[0]
        next_action = _theirs_action(first, description, _late(days))
    elif receives > gives:
        next_action = f"Offer {first} something useful — an introduction, a lead, your help"
    else:
        next_action = f"Ask {first} what they're working on"

    return TrustReading(
        in_them=in_them,
        their_trust_in_me=theirs,
        reasons_in_them=tuple(reasons_in),
        reasons_theirs=tuple(reasons_th),
        next_action=next_action,
    )
