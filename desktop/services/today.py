"""The Today lists: what I owe, what I'm waiting on, who is drifting, what is coming up."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.domain import circles
from desktop.domain.dates import Upcoming
from desktop.domain.records import CommitmentView, DriftingPerson, EventView
from desktop.services import commitments, events
from desktop.storage.models import database


def _visible(c: CommitmentView, today: date) -> bool:
    return c.snoozed_until is None or c.snoozed_until <= today


def what_i_owe(*, today: date | None = None) -> list[CommitmentView]:
    """My open promises, overdue and due first, snoozed ones hidden until they wake."""
    day = today or date.today()
    return [c for c in commitments.open_commitments(owner="me") if _visible(c, day)]


def waiting_on(*, today: date | None = None) -> list[CommitmentView]:
    day = today or date.today()
    return [c for c in commitments.open_commitments(owner="them") if _visible(c, day)]


def drifting(*, today: date | None = None, limit: int = 50) -> list[DriftingPerson]:
    """People past their keep-in-touch cadence, closest circles and longest silences first."""
    day = today or date.today()
    rows = database.execute_sql(
        "SELECT p.id, p.full_name, p.circle, p.cadence_days, "
        "(SELECT MAX(c.happened_at) FROM participant pa JOIN conversation c "
        " ON c.id = pa.conversation_id WHERE pa.person_id = p.id AND pa.deleted = 0 "
        " AND c.deleted = 0) FROM person p WHERE p.deleted = 0 AND p.circle != 'acquaintance'"
    ).fetchall()
    order = {c.key: i for i, c in enumerate(circles.CIRCLES)}
    result = []
    for pid, name, circle, cadence, last_text in rows:
        last = datetime.fromisoformat(last_text) if last_text else None
        if not circles.is_drifting(circle, cadence, last, day):
            continue
        days = (day - last.date()).days if last else None
        result.append(
            DriftingPerson(
                pid, name, circle, circles.effective_cadence(circle, cadence), last, days
            )
        )
    result.sort(key=lambda d: (order.get(d.circle, 9), -((d.days_since or 10**6) - d.cadence_days)))
    return result[:limit]


def upcoming_events(*, now: datetime | None = None, days: int = 30) -> list[EventView]:
    moment = now or datetime.now()
    horizon = moment + timedelta(days=days)
    return [
        e
        for e in events.list_events(now=moment)
        if e.starts_at is None or e.starts_at <= horizon
        if (e.ends_at or e.starts_at or moment) >= moment
    ]


def dates_this_week(*, today: date | None = None) -> list[Upcoming]:
    """Birthdays (and other important dates) of live people in the next seven days."""
    from desktop.services import dates

    return dates.upcoming(today=today or date.today(), days=6)
