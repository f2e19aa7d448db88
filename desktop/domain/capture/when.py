"""When a conversation happened, from what the user types in the capture window's "when".

The phrases people type right after (or the day after) a meeting — "now", "this
morning", "yesterday evening", "last Tuesday", "2 hours ago", "yesterday at 3pm" — are
read by a small table in well under a millisecond. Anything else ("20 Nov 18:30",
"Nov 3rd") goes to ``dateparser``, imported lazily on first use with the language fixed
(its import and first call cost ~0.2 s; with language autodetection 1.2 s), so it never
sits on the capture window's start-up path.

Choices, shown resolved in the window so a wrong guess is visible:

* A day without a time of day is taken at noon, except today, which keeps the time now.
* Parts of the day: morning 09:00, noon/lunch 12:30, afternoon 15:00, evening 19:00,
  night 21:00.
* "last Tuesday" and a bare "Tuesday" are the most recent Tuesday before today (said on a
  Tuesday: a week ago). A conversation is in the past, so dateparser prefers the past too.
"""

from __future__ import annotations

import functools
import logging
import re
from datetime import date, datetime, time, timedelta

__all__ = ["resolve_when"]

log = logging.getLogger(__name__)

_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_PARTS = {
    "morning": time(9, 0),
    "noon": time(12, 30),
    "lunch": time(12, 30),
    "lunchtime": time(12, 30),
    "midday": time(12, 30),
    "afternoon": time(15, 0),
    "evening": time(19, 0),
    "night": time(21, 0),
}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_UNITS = {"minute": 60, "min": 60, "hour": 3600, "day": 86400, "week": 604800}

_SPACES = re.compile(r"\s+")
_CLOCK = re.compile(
    r"(?:,?\s*(?:at|@|around|about|~)?\s*)"
    r"(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?$"
)
_PART = re.compile(r"(?:\s*(?:in the|at|around)?\s*)(?P<part>" + "|".join(_PARTS) + r")$")
_AGO = re.compile(
    r"(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")\s+(?P<unit>minute|min|hour|day|week)s?\s+ago"
)
_NAMES_A_TIME = re.compile(r"\d[:.h]\d|\d\s*[ap]\.?m|midnight")
_HALF_HOUR = re.compile(r"(?:half an hour|30 min(?:ute)?s?) ago")


def resolve_when(text: str, now: datetime) -> datetime | None:
    """The moment ``text`` means, relative to ``now``; None when it cannot be read.

    An empty text or "now" is ``now`` itself (seconds dropped).
    """
    phrase = _SPACES.sub(" ", text.strip().casefold()).rstrip(".")
    base = now.replace(second=0, microsecond=0)
    if phrase in ("", "now", "just now", "right now"):
        return base
    found = _from_table(phrase, base)
    if found is not None:
        return found
    if not any(ch.isalnum() for ch in phrase):
        return None
    return _from_dateparser(phrase, base)


def _from_table(phrase: str, now: datetime) -> datetime | None:
    """The common phrasings, read without dateparser."""
    if _HALF_HOUR.fullmatch(phrase):
        return now - timedelta(minutes=30)
    ago = _AGO.fullmatch(phrase)
    if ago is not None:
        raw = ago.group("n")
        count = int(raw) if raw.isdigit() else _NUMBERS[raw]
        return now - timedelta(seconds=count * _UNITS[ago.group("unit")])
    if phrase in ("last night", "yesterday night"):
        return datetime.combine(now.date() - timedelta(days=1), _PARTS["night"], now.tzinfo)
    clock: time | None = None
    m = _CLOCK.search(phrase)
    lead = m.group(0).lstrip(" ,")[:1] if m is not None else ""
    if m is not None and (m.start() > 0 or m.group("ap") or m.group("m") or lead in "a@~"):
        clock = _clock_time(m)
        if clock is None:
            return None
        phrase = phrase[: m.start()].strip(" ,")
    part = _PART.search(phrase)
    if part is not None and clock is None:
        clock = _PARTS[part.group("part")]
        phrase = phrase[: part.start()].strip(" ,")
    day = _day(phrase, now)
    if day is None:
        return None
    if clock is None:
        clock = now.time() if day == now.date() else time(12, 0)
    return datetime.combine(day, clock, tzinfo=now.tzinfo)


def _clock_time(m: re.Match[str]) -> time | None:
    """18:30, 6.30pm, 3pm, 9 am -> a time of day; None for 25:00 and the like."""
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    meridiem = (m.group("ap") or "").replace(".", "")
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _day(phrase: str, now: datetime) -> date | None:
    """The calendar day of a phrase without its time part ("" means today)."""
    today = now.date()
    if phrase in ("", "today", "this", "tonight", "earlier", "earlier today"):
        return today
    if phrase in ("yesterday", "yday"):
        return today - timedelta(days=1)
    if phrase in ("the day before yesterday", "day before yesterday"):
        return today - timedelta(days=2)
    words = phrase.split()
    if words and words[0] in ("last", "on", "this", "past") and len(words) == 2:
        words = words[1:]
    if len(words) == 1 and words[0] in _WEEKDAYS:
        back = (today.weekday() - _WEEKDAYS[words[0]]) % 7 or 7
        return today - timedelta(days=back)
    if phrase in ("last week", "a week ago"):
        return today - timedelta(days=7)
    return None


@functools.lru_cache(maxsize=256)
def _from_dateparser(phrase: str, now: datetime) -> datetime | None:
    """Ask dateparser (imported here, on first use) with English fixed and the past preferred."""
    try:
        import dateparser  # type: ignore[import-untyped] # lazily: ~60 ms import, ~0.1 s first call

        result = dateparser.parse(
            phrase,
            languages=["en"],
            settings={
                "RELATIVE_BASE": now.replace(tzinfo=None),
                "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
    except Exception:  # odd input must not break the capture window
        log.debug("dateparser failed on %r", phrase, exc_info=True)
        return None
    if result is None:
        return None
    if result.time() == time(0, 0) and not _NAMES_A_TIME.search(phrase):
        result = result.replace(hour=12)  # a day without a time: noon, as in the table
    return result.replace(second=0, microsecond=0, tzinfo=now.tzinfo)
