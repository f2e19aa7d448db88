"""What to remind the user of, without any server: promises due, drifting people, dates.

Pure reads over the Today lists; the UI decides when to show them (notification times
are preferences) and remembers what it already showed today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services import today as today_lists


@dataclass(frozen=True, slots=True)
class Reminder:
    title: str
    message: str
    person_id: str | None  # what a click on the notification opens


def promises_due(day: date) -> Reminder | None:
    """My open promises due today (or already late), one notification for all of them."""
    owed = [c for c in today_lists.what_i_owe(today=day) if c.due is not None and c.due <= day]
    if not owed:
        return None
    first = owed[0]
    if len(owed) == 1:
        late = f" ({first.days_late(day)} days late)" if first.is_overdue(day) else ""
        return Reminder(
            "A promise is due today" if not late else "A promise is late",
            f"You promised {first.person_name}: {first.description}{late}",
            first.person_id,
        )
    names = ", ".join(dict.fromkeys(c.person_name for c in owed[:3]))
    more = f" and {len(owed) - 3} more" if len(owed) > 3 else ""
    return Reminder(
        f"{len(owed)} promises are due",
        f"To {names}{more}. First: {first.description}",
        first.person_id,
    )


def drifting_digest(day: date, *, limit: int = 3) -> Reminder | None:
    """Once a day: the few people drifting furthest past their keep-in-touch cadence."""
    drifting = today_lists.drifting(today=day, limit=limit + 1)
    if not drifting:
        return None
    shown = drifting[:limit]
    names = ", ".join(d.full_name for d in shown)
    more = " and others" if len(drifting) > limit else ""
    return Reminder(
        "People you haven't talked to in a while",
        f"{names}{more} — a short message keeps a relationship warm.",
        shown[0].id,
    )


def dates_ahead(day: date, *, days_before: int = 1) -> Reminder | None:
    """The birthdays and other dates ``days_before`` days from ``day`` (tomorrow by default),
    in one notification, so there is time to call, write or get a present."""
    from desktop.services import dates

    ahead = max(0, days_before)
    coming = [u for u in dates.upcoming(today=day, days=ahead) if u.in_days == ahead]
    if not coming:
        return None
    first = coming[0]
    when = {0: "today", 1: "tomorrow"}.get(ahead, f"in {ahead} days")
    if len(coming) == 1:
        return Reminder(f"{first.title} {when}", first.describe(), first.person_id)
    names = ", ".join(f"{u.person_name} ({u.title.lower()})" for u in coming[:3])
    more = f" and {len(coming) - 3} more" if len(coming) > 3 else ""
    return Reminder(f"{len(coming)} dates {when}", f"{names}{more}", first.person_id)
