"""Important dates (birthdays, anniversaries, any labelled day): pure rules, no storage.

A day is kept as text, ``YYYY-MM-DD`` or ``--MM-DD`` when the year is unknown — the form
vCard (RFC 6350 §4.3.1) and ISO 8601 use, so it survives export and sync unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

BIRTHDAY = "birthday"
ANNIVERSARY = "anniversary"
_DAY = re.compile(r"^(\d{4}|--)-?(\d\d)-?(\d\d)$")
MAX_LABEL = 80


def normalise_day(text: str) -> str | None:
    """``YYYY-MM-DD`` or ``--MM-DD`` for a valid day written in either form; else None."""
    match = _DAY.match(text.strip())
    if not match:
        return None
    year_text, month, day = match.groups()
    year = 0 if year_text == "--" else int(year_text)
    try:
        date(year or 2000, int(month), int(day))  # 2000 is a leap year: 29 February stands
    except ValueError:
        return None
    if not year:
        return f"--{int(month):02d}-{int(day):02d}"
    return f"{year:04d}-{int(month):02d}-{int(day):02d}"


def normalise_label(label: str) -> str:
    """The stored label: lower-case for the two well-known kinds, the user's words else."""
    text = " ".join(label.split())[:MAX_LABEL]
    return text.lower() if text.lower() in (BIRTHDAY, ANNIVERSARY) else text


def parts(day: str) -> tuple[int | None, int, int]:
    """(year or None, month, day) of a normalised day."""
    if day.startswith("--"):
        return None, int(day[2:4]), int(day[5:7])
    return int(day[:4]), int(day[5:7]), int(day[8:10])


def next_occurrence(day: str, today: date) -> date:
    """The next time (today included) this day comes round; 29 February → 28 in other years."""
    _, month, dom = parts(day)
    for year in (today.year, today.year + 1):
        try:
            when = date(year, month, dom)
        except ValueError:
            when = date(year, month, 28)
        if when >= today:
            return when
    raise AssertionError("unreachable: next year always comes")  # pragma: no cover


@dataclass(frozen=True, slots=True)
class Upcoming:
    """One date coming round: whose, what, when, and how many years it will be."""

    date_id: str
    person_id: str
    person_name: str
    label: str
    day: str
    on: date
    in_days: int
    years: int | None  # the age turned / years married on that day; None without a year

    @property
    def title(self) -> str:
        return title_of(self.label)

    def describe(self) -> str:
        """ "Ana Ruiz's birthday today (turns 41)", "… in 3 days (Fri 12 Apr)"."""
        when = when_text(self.in_days, self.on)
        years = ""
        if self.years:
            years = f" (turns {self.years})" if self.label == BIRTHDAY else f" ({self.years} years)"
        return f"{self.person_name}'s {self.title.lower()} {when}{years}"


def title_of(label: str) -> str:
    return {BIRTHDAY: "Birthday", ANNIVERSARY: "Anniversary"}.get(label, label or "Date")


def when_text(in_days: int, on: date) -> str:
    if in_days == 0:
        return "today"
    if in_days == 1:
        return "tomorrow"
    return f"in {in_days} days ({on.strftime('%a')} {on.day} {on.strftime('%b')})"


def upcoming(rows: list[tuple[str, str, str, str, str]], today: date, days: int) -> list[Upcoming]:
    """Dates coming round within ``days`` (today included), soonest first.

    ``rows`` are (date id, person id, person name, label, day) as storage holds them.
    """
    out: list[Upcoming] = []
    horizon = today + timedelta(days=days)
    for date_id, person_id, name, label, day in rows:
        if normalise_day(day) is None:
            continue
        on = next_occurrence(day, today)
        if on > horizon:
            continue
        year = parts(day)[0]
        years = on.year - year if year and on.year > year else None
        out.append(Upcoming(date_id, person_id, name, label, day, on, (on - today).days, years))
    out.sort(key=lambda u: (u.on, u.person_name.casefold(), u.label))
    return out


def shown(day: str) -> str:
    """ "12 April 1985" or "12 April" (no year) for the person card and the briefing."""
    year, month, dom = parts(day)
    name = date(2000, month, dom).strftime("%B")
    return f"{dom} {name} {year}" if year else f"{dom} {name}"
