"""Trust over time: both directions replayed from the history, with marks at what moved them.

Nothing here is stored. The person view asks for the curve when it shows someone, and it is
recomputed from the same records the meter reads (:mod:`desktop.domain.trust`), as they stood
on each day: a promise kept in May was still open in April, a conversation in June did not
exist yet in May. Pure (stdlib only), so it runs on a worker thread and in tests headless.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from itertools import pairwise

from desktop.domain.trust import (
    DEFAULT_CADENCE_DAYS,
    PromiseRecord,
    RelationshipHistory,
    assess,
    first_name,
)

__all__ = ["TrustMark", "TrustPoint", "history_as_of", "trust_over_time"]

#: Evenly spaced days between events, so slow changes (cooling, fading) show as a slope.
SAMPLES = 24
#: More marks than this crowd a small chart; the biggest moves are kept.
MAX_MARKS = 40


@dataclass(frozen=True, slots=True)
class TrustPoint:
    day: date
    in_them: int
    theirs: int


@dataclass(frozen=True, slots=True)
class TrustMark:
    """Something that happened on ``day`` and how far it moved each direction."""

    day: date
    kind: str  # "kept" | "broken" | "deep" | "silence"
    text: str  # what happened, for the hover text
    in_them_delta: int
    theirs_delta: int

    def describe(self) -> str:
        """The hover text: when, what, and by how much each direction moved."""
        return (
            f"{self.day.isoformat()}: {self.text} "
            f"(you → them {self.in_them_delta:+d}, them → you {self.theirs_delta:+d})"
        )


def _on(moment: datetime | None) -> date | None:
    return None if moment is None else moment.date()


def _promise_as_of(promise: PromiseRecord, day: date) -> PromiseRecord | None:
    """The promise as it stood at the end of ``day`` (None if not made yet)."""
    made = _on(promise.made_at)
    if made is not None and made > day:
        return None
    resolved = _on(promise.resolved_at)
    if promise.status != "open" and resolved is not None and resolved > day:
        return replace(promise, status="open", resolved_at=None)
    return promise


def history_as_of(history: RelationshipHistory, day: date) -> RelationshipHistory:
    """The history as it stood at the end of ``day``; undated records count as always there."""
    promises = tuple(p for p in (_promise_as_of(p, day) for p in history.promises) if p is not None)
    return replace(
        history,
        promises=promises,
        conversations=tuple(c for c in history.conversations if c.happened_at.date() <= day),
        exchanges=tuple(
            e for e in history.exchanges if e.happened_at is None or e.happened_at.date() <= day
        ),
    )


def _events(history: RelationshipHistory) -> list[tuple[date, str, str, date]]:
    """(day, kind, text, until) of what can move trust, oldest first; ``until`` is the
    day its effect is measured at (the same day, or a silence's last day)."""
    first = first_name(history.name)
    events: list[tuple[date, str, str, date]] = []
    for promise in history.promises:
        day = _on(promise.resolved_at)
        if day is None or promise.status not in ("kept", "broken"):
            continue
        what = promise.description.strip() or "a promise"
        if promise.owner == "them":
            verb = "kept" if promise.status == "kept" else "broke"
            events.append((day, promise.status, f"{first} {verb} a promise: {what}", day))
        elif promise.owner == "me":
            verb = "kept" if promise.status == "kept" else "broke"
            events.append((day, promise.status, f"you {verb} a promise to {first}: {what}", day))
    talks = sorted(c.happened_at.date() for c in history.conversations)
    for conversation in history.conversations:
        if conversation.depth == "personal":
            day = conversation.happened_at.date()
            events.append((day, "deep", "a deep conversation", day))
    grace = history.cadence_days if history.cadence_days and history.cadence_days > 0 else None
    grace = grace or DEFAULT_CADENCE_DAYS
    for before, after in pairwise(talks):
        if (after - before).days > grace + 30:
            events.append(
                (
                    before + timedelta(days=grace),
                    "silence",
                    f"a long silence began ({(after - before).days} days without contact)",
                    after - timedelta(days=1),
                )
            )
    events.sort(key=lambda event: event[0])
    return events


#: Which kind of event gives a shared day's mark its shape, weightiest first.
_WEIGHT = ("broken", "kept", "silence", "deep")


def _counted(unique: list[str], every: list[str]) -> list[str]:
    """ "a deep conversation" twice on a day reads "2× a deep conversation"."""
    return [text if every.count(text) == 1 else f"{every.count(text)}× {text}" for text in unique]


def trust_over_time(
    history: RelationshipHistory, *, today: date
) -> tuple[list[TrustPoint], list[TrustMark]]:
    """Both directions from the first recorded day to ``today``, and the marks that moved them.

    Each mark's deltas compare the end of its day with the end of the day before, so they
    include anything else of that day (the text names the event the mark stands for).
    """
    events = [event for event in _events(history) if event[0] <= today]
    dated = [c.happened_at.date() for c in history.conversations]
    dated += [d for p in history.promises for d in (_on(p.made_at), _on(p.resolved_at)) if d]
    start = min([d for d in dated if d <= today], default=today)
    days = {start, today}
    span = (today - start).days
    if span > 0:
        days.update(start + timedelta(days=span * i // SAMPLES) for i in range(SAMPLES + 1))
    for day, _, _, until in events:
        days.update((day, day - timedelta(days=1), until))
    readings = {}
    for day in sorted(d for d in days if start - timedelta(days=1) <= d <= today):
        reading = assess(history_as_of(history, day), today=day)
        readings[day] = (reading.in_them, reading.their_trust_in_me)
    points = [TrustPoint(day, *readings[day]) for day in sorted(readings) if day >= start]
    # What happened on one day is one mark (its deltas are the day's): the weightiest kind
    # gives the shape, every event is named in the text.
    grouped: dict[tuple[date, date], list[tuple[str, str]]] = {}
    for day, kind, text, until in events:
        grouped.setdefault((day, until), []).append((kind, text))
    marks = []
    for (day, until), happened in grouped.items():
        before = readings[day - timedelta(days=1)]
        after = readings[until]
        kind = min((k for k, _ in happened), key=_WEIGHT.index)
        texts = list(dict.fromkeys(text for _, text in happened))
        text = "; ".join(_counted(texts, [t for _, t in happened]))
        marks.append(TrustMark(day, kind, text, after[0] - before[0], after[1] - before[1]))
    if len(marks) > MAX_MARKS:
        keep = sorted(marks, key=lambda m: -(abs(m.in_them_delta) + abs(m.theirs_delta)))
        chosen = set(map(id, keep[:MAX_MARKS]))
        marks = [m for m in marks if id(m) in chosen]
    return points, marks
