"""Small, translated wordings shared by views: "3 weeks ago", "due tomorrow", dates.

Kept apart from the widgets so every view says the same thing the same way. Qt plural
forms come from translation files; without one loaded, ``%n`` is substituted into the
English source, so singular and plural are chosen here rather than written as "(s)".
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

_CONTEXT = "format"


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, None, n)


def _count(n: int, one: str, many: str) -> str:
    return _tr(one) if n == 1 else _tr(many, n)


def ago(moment: datetime | date | None, today: date | None = None) -> str:
    """ "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago"."""
    if moment is None:
        return _tr("never")
    day = today or date.today()
    then = moment.date() if isinstance(moment, datetime) else moment
    days = (day - then).days
    if days < 0:
        return _tr("in the future")
    if days == 0:
        return _tr("today")
    if days == 1:
        return _tr("yesterday")
    if days < 14:
        return _count(days, "1 day ago", "%n days ago")
    if days < 60:
        return _count(days // 7, "1 week ago", "%n weeks ago")
    if days < 730:
        return _count(days // 30, "1 month ago", "%n months ago")
    return _count(days // 365, "1 year ago", "%n years ago")


def relative_day(moment: datetime | date | None, today: date | None = None) -> str:
    """ "today", "tomorrow", "in 4 days", "in 3 weeks", or :func:`ago` for the past."""
    if moment is None:
        return ""
    day = today or date.today()
    then = moment.date() if isinstance(moment, datetime) else moment
    days = (then - day).days
    if days <= 0:
        return ago(then, day)
    if days == 1:
        return _tr("tomorrow")
    if days < 14:
        return _count(days, "in 1 day", "in %n days")
    if days < 60:
        return _count(days // 7, "in 1 week", "in %n weeks")
    return _count(days // 30, "in 1 month", "in %n months")


def last_talked(moment: datetime | None, today: date | None = None) -> str:
    if moment is None:
        return _tr("never talked")
    return _tr("last talked %1").replace("%1", ago(moment, today))


def due_text(due: date | None, today: date | None = None) -> str:
    """ "no date", "due today", "due tomorrow", "due in 4 days", "3 days late"."""
    if due is None:
        return _tr("no date")
    day = today or date.today()
    days = (due - day).days
    if days == 0:
        return _tr("due today")
    if days == 1:
        return _tr("due tomorrow")
    if days > 1:
        return _count(days, "due in 1 day", "due in %n days")
    return _count(-days, "1 day late", "%n days late")


def short_date(moment: datetime | date | None) -> str:
    """ "12 Mar 2024" — unambiguous in every locale, compact enough for a list."""
    if moment is None:
        return _tr("undated")
    return f"{moment.day} {moment.strftime('%b %Y')}"


def day_and_time(moment: datetime | None) -> str:
    if moment is None:
        return _tr("undated")
    text = f"{moment.strftime('%a')} {moment.day} {moment.strftime('%b %Y')}"
    if (moment.hour, moment.minute) != (0, 0):
        text += f", {moment:%H:%M}"
    return text


def isolate(text: str) -> str:
    """Wrap a name in Unicode isolates so an Arabic or Hebrew name inside an English
    sentence ("You promised أمل جابر · 26 Dec") cannot reorder the words around it."""
    return f"\u2068{text}\u2069"


def initials(name: str) -> str:
    """Up to two letters for an avatar: "Ana Ruiz" → "AR", "Björk" → "B"."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()
