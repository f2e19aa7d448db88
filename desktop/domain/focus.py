"""Whom to focus on at an event, and whom to write notes about afterwards.

The focus list is short, and every name carries the reason that earns its place.

Rapport's stance is quality over quantity (DESIGN.md): an evening with three real
conversations beats thirty hallway hellos. So the suggestion is deliberately short,
every name carries the reason it is there, and a focus list that grows long gets a
gentle note instead of a limit — the user decides.

Pure on purpose (no Qt, no database): :mod:`desktop.services.briefing` gathers the
facts, this module weighs them, and the tests pin the weights with hand-made cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "DEFAULT_SUGGESTIONS",
    "FOCUS_COMFORT",
    "WEIGHTS",
    "DebriefEntry",
    "FocusAdvice",
    "FocusCandidate",
    "FocusSuggestion",
    "capture_prefill",
    "focus_note",
    "suggest",
]

#: How many people a suggestion offers by default: about what one evening can hold.
DEFAULT_SUGGESTIONS = 4
#: Past this many people in focus, the list earns a "quality over quantity" note.
FOCUS_COMFORT = 5

#: Why each fact counts. A stated reason to meet outweighs everything: the user wrote it
#: down on purpose. A promise I owe comes next — keeping my word face to face is the
#: strongest trust-builder there is. Their promise to me, a drifting relationship and a
#: wanted introduction are good reasons to talk, but less pressing.
WEIGHTS: dict[str, float] = {
    "why": 4.0,
    "i_owe": 3.0,
    "they_owe": 1.5,
    "drifting": 2.0,
    "introduction": 2.0,
    "overdue_bonus": 1.0,  # added once when any promise between us is late
}
#: Promises beyond this many in one direction add nothing more: two open promises are a
#: reason to talk, ten are a reason to tidy up, not to rank higher.
_PROMISES_COUNTED = 2


@dataclass(frozen=True, slots=True)
class FocusCandidate:
    """What the focus rule knows about one attendee."""

    person_id: str
    name: str
    why: str = ""  # the attendance's "why I want to meet them"
    i_owe: int = 0  # my open promises to them
    they_owe: int = 0  # their open promises to me
    overdue: int = 0  # open promises either way past their due date
    drifting: bool = False  # past the keep-in-touch cadence of their circle
    introduction: str = ""  # an introduction wanted, in words ("could introduce you to …")
    focus: bool = False  # already in focus (the user's own choice)


@dataclass(frozen=True, slots=True)
class FocusSuggestion:
    person_id: str
    name: str
    score: float
    reasons: tuple[str, ...]
    already_focus: bool


@dataclass(frozen=True, slots=True)
class FocusAdvice:
    """A suggested focus list, how many are in focus now, and a note if that is many."""

    suggestions: tuple[FocusSuggestion, ...]
    focus_count: int
    note: str


@dataclass(frozen=True, slots=True)
class DebriefEntry:
    """Someone met at an event, for the "write it down while it is fresh" list."""

    person_id: str
    name: str
    organization: str
    why: str
    focus: bool
    noted: bool  # a conversation with them is already linked to the event
    prefill: str  # the capture window's starting text


def capture_prefill(name: str, organization: str, event_title: str) -> str:
    """The start of a capture note, in the phrasing the capture parser reads best.

    "Met Ana Ruiz (Acme) at PyCon — " names the person, their organization and the
    event, and leaves the cursor where the user's own words begin.
    """
    org = f" ({organization})" if organization else ""
    where = f" at {event_title}" if event_title else ""
    return f"Met {name}{org}{where} — "


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _weigh(c: FocusCandidate) -> tuple[float, tuple[str, ...]]:
    score = 0.0
    reasons: list[str] = []
    why = " ".join(c.why.split())
    if why:
        score += WEIGHTS["why"]
        reasons.append(f"why: {why}")
    if c.i_owe:
        score += WEIGHTS["i_owe"] * min(c.i_owe, _PROMISES_COUNTED)
        reasons.append(f"you owe them {_plural(c.i_owe, 'promise', 'promises')}")
    if c.they_owe:
        score += WEIGHTS["they_owe"] * min(c.they_owe, _PROMISES_COUNTED)
        reasons.append(f"they owe you {_plural(c.they_owe, 'promise', 'promises')}")
    if c.overdue:
        score += WEIGHTS["overdue_bonus"]
        reasons.append(f"{_plural(c.overdue, 'promise is', 'promises are')} late")
    if c.drifting:
        score += WEIGHTS["drifting"]
        reasons.append("drifting: past your keep-in-touch rhythm")
    if c.introduction:
        score += WEIGHTS["introduction"]
        reasons.append(c.introduction)
    return score, tuple(reasons)


def suggest(
    candidates: Iterable[FocusCandidate], *, limit: int = DEFAULT_SUGGESTIONS
) -> list[FocusSuggestion]:
    """The people most worth focusing on, strongest reasons first.

    People the user already put in focus always stay (their choice beats any score) and
    are listed first; the rest fill up to ``limit`` with anyone who has at least one
    reason. Ties go by name, so the same facts always give the same list.
    """
    chosen: list[FocusSuggestion] = []
    others: list[FocusSuggestion] = []
    for candidate in candidates:
        score, reasons = _weigh(candidate)
        item = FocusSuggestion(candidate.person_id, candidate.name, score, reasons, candidate.focus)
        if candidate.focus:
            chosen.append(item)
        elif score > 0:
            others.append(item)

    def order(s: FocusSuggestion) -> tuple[float, str]:
        return (-s.score, s.name.casefold())

    chosen.sort(key=order)
    others.sort(key=order)
    room = max(0, limit - len(chosen))
    return chosen + others[:room]


def focus_note(count: int) -> str:
    """A gentle word when the focus list grows long; empty while it is comfortable."""
    if count <= FOCUS_COMFORT:
        return ""
    return (
        f"Quality over quantity: {count} people in focus. A few real conversations do more "
        f"than many short ones — maybe keep {FOCUS_COMFORT} or fewer and meet the rest "
        "another time?"
    )
