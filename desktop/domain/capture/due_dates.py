"""The due-date table: phrases people type for a deadline ("by Friday", "before the
3rd", "in two weeks") and how each resolves to a date; dateparser as a lazy fallback.

Split out of the capture parser so the calendar rules (which week a "next Friday" falls
in, what "end of month" means) live and are read in one place. The choices themselves are
documented in :mod:`desktop.domain.capture.parser`.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from desktop.domain.capture.rules import LanguageRules

log = logging.getLogger(__name__)


class DueRule(NamedTuple):
    """One row of the due-date table: a phrase pattern and how to turn it into a date."""

    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], date, LanguageRules], date | None]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so "sept" wins over "sep" and "a few" over "a"."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _monday(day: date) -> date:
    """The Monday of ``day``'s week: weeks start on Monday for every relative phrase."""
    return day - timedelta(days=day.weekday())


def _month_end(year: int, month: int) -> date:
    """The last day of a month (without ``calendar``, whose import pulls in ``locale``)."""
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _add_months(day: date, count: int) -> date:
    """Move by whole months, clamping the day (Jan 31 + 1 month is Feb 28/29)."""
    year, month0 = divmod(day.month - 1 + count, 12)
    last = _month_end(day.year + year, month0 + 1)
    return last.replace(day=min(day.day, last.day))


def _end_of_week(today: date) -> date:
    """This week's Friday, or its Sunday once Friday has passed."""
    monday = _monday(today)
    return monday + timedelta(days=4 if today.weekday() <= 4 else 6)


def _next_month_day(today: date, month: int, day: int) -> date | None:
    """The next ``month``/``day`` on or after today (a Feb 29 may be years away)."""
    for year in range(today.year, today.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _folded(m: re.Match[str], group: str) -> str:
    """A group's text, case-folded with single spaces ("" when it did not take part)."""
    value = m.groupdict().get(group)
    # "nxt month" is "next month" typed on a phone
    return re.sub(r"\bnxt\b", "next", " ".join(value.casefold().split())) if value else ""


def _en_relative_day(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """today / tonight / end of day -> today; tomorrow -> +1; day after tomorrow -> +2."""
    rel = _folded(m, "rel")
    if "after" in rel:
        return today + timedelta(days=2)
    if rel.startswith(("tom", "the mor")) or rel in (
        "tmrw",
        "tmr",
        "2moro",
        "2morrow",
        "2morow",
        "2mrw",
    ):
        return today + timedelta(days=1)
    return today


_NEXT = r"(?:next|nxt)"  # "nxt week", "end of nxt month": typed on a phone


def _en_weekday(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """Weekday phrases; see the module docstring for "this" / "next" choices."""
    weekday = rules.weekdays[_folded(m, "wd").rstrip(".")]
    modifier = _folded(m, "mod") or _folded(m, "mod2")  # ("nxt" read as "next")
    week = _folded(m, "wk")
    monday = _monday(today)
    if "after next" in week:
        return monday + timedelta(days=14 + weekday)
    if "next" in modifier or "following" in modifier or "next" in week:
        return monday + timedelta(days=7 + weekday)
    if "this" in week:
        return max(today, monday + timedelta(days=weekday))
    ahead = (weekday - today.weekday()) % 7
    return today + timedelta(days=ahead or 7)  # "this Friday" said on a Friday: next week


def _en_week(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """next week -> its Monday; end of (next) week -> Friday; weekend -> Saturday."""
    phrase = re.sub(r"\bwk\b", "week", _folded(m, "wk"))  # "next wk"
    phrase = re.sub(r"\bwk?e?nd\b", "weekend", phrase)  # "this wknd"
    monday = _monday(today)
    if "after next" in phrase:
        return monday + timedelta(days=14)
    if "end of next week" in phrase:
        return monday + timedelta(days=11)
    if "next weekend" in phrase:
        return monday + timedelta(days=12)
    if "weekend" in phrase:  # the coming Saturday (today when it is Saturday)
        return today + timedelta(days=(5 - today.weekday()) % 7)
    if "next week" in phrase:
        return monday + timedelta(days=7)
    return _end_of_week(today)


def _en_month_relative(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """end of month / next month / end of quarter / end of year / next year."""
    phrase = _folded(m, "mr")
    if "quarter" in phrase or phrase == "eoq":
        return _month_end(today.year, ((today.month - 1) // 3 + 1) * 3)
    if "year" in phrase or phrase == "eoy":
        return date(today.year + 1, 1, 1) if "next" in phrase else date(today.year, 12, 31)
    if "next month" in phrase:
        first = _add_months(today.replace(day=1), 1)
        if "end" in phrase or "close" in phrase:
            return _month_end(first.year, first.month)
        return first
    return _month_end(today.year, today.month)


_COUNTED_FROM_AN_EVENT = re.compile(r"\s+(?:of|after)\s+(?!now\b|today\b)", re.I)


def _en_in_count(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """in N days / weeks / months / years (also "a fortnight", "two weeks from now")."""
    if _COUNTED_FROM_AN_EVENT.match(m.string, m.end()):
        return None  # "within a week of getting them": counted from when that happens
    if "fortnight" in m.group().casefold():
        return today + timedelta(days=14)
    raw = _folded(m, "n") or _folded(m, "n2")
    unit = _folded(m, "unit") or _folded(m, "unit2")
    unit = {"wk": "week", "mo": "month", "yr": "year"}.get(unit, unit)  # "in 2 wks"
    count = int(raw) if raw.isdigit() else rules.numbers.get(raw)
    if count is None or count > 1000:
        return None
    if unit.startswith("day"):
        return today + timedelta(days=count)
    if unit.startswith("week"):
        return today + timedelta(weeks=count)
    if unit.startswith("month"):
        return _add_months(today, count)
    return _add_months(today, 12 * count)


def _en_ordinal(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """ "by the 3rd" -> the next 3rd after today; refuses "the 3rd draft"."""
    after = m.string[m.end() : m.end() + 40]
    if rules.month_follower.match(after):
        return None  # "the 3rd of March" belongs to the month-day rule
    follower = re.match(r"[ \t]+([^\W\d_]+)", after)  # the next line's first word is none
    if follower and follower.group(1).casefold() not in rules.ordinal_followers:
        return None
    day = _day_number(m)
    if not 1 <= day <= 31:
        return None
    which = _folded(m, "which")
    if which:
        first = today.replace(day=1)
        first = _add_months(first, 1) if which == "next" else first
        try:
            return date(first.year, first.month, day)
        except ValueError:
            return None
    first = today.replace(day=1)
    for offset in range(13):
        month_start = _add_months(first, offset)
        try:
            candidate = date(month_start.year, month_start.month, day)
        except ValueError:
            continue
        if candidate > today:
            return candidate
    return None


# a day of the month spelt out: "on the seventh of February", "by the twenty-first"
_UNITS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_ORDINAL_WORDS = {word: n for n, word in enumerate(_UNITS.split(), start=1)}
_ORDINAL_WORDS |= {
    f"{tens}-{word}": base + n
    for tens, base in (("twenty", 20), ("thirty", 30))
    for n, word in enumerate(_UNITS.split()[:9], start=1)
    if base + n <= 31
}
_ORDINAL_WORDS["thirtieth"] = 30
_ORDINAL_WORD = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))


def _day_number(m: re.Match[str]) -> int:
    """The day of the month a match names, in digits ("7th") or spelt out ("seventh")."""
    if m.groupdict().get("d"):
        return int(m.group("d"))
    return _ORDINAL_WORDS[_folded(m, "dw").replace(" ", "-")]


def _en_month_day(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """ "March 3", "3rd of March", "Mar 3, 2027": the next such day, or the year given."""
    month = rules.months[_folded(m, "m").rstrip(".")]
    day = _day_number(m)
    year = m.groupdict().get("y")
    if year:
        return date(int(year), month, day)
    return _next_month_day(today, month, day)


def _en_after_holidays(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """ "after the holidays" / "in the new year": the first Monday after the coming Jan 1."""
    new_year = date(today.year + 1, 1, 1)
    return new_year + timedelta(days=(7 - new_year.weekday()) % 7 or 7)


def _en_iso(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """2026-12-03."""
    return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))


def _en_slashed(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """ "due 9/15" (US) or "due 15/9": only when one number cannot be a month ("12/3" is
    left to dateparser, month first). The next such day on or after today."""
    if m.group("a"):
        month, day = int(m.group("a")), int(m.group("b"))
    else:
        day, month = int(m.group("c")), int(m.group("d"))
    for year in (today.year, today.year + 1):
        try:
            when = date(year, month, day)
        except ValueError:
            return None
        if when >= today:
            return when
    return None


def _en_month_only(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """ "by March" -> March 1, "mid-March" -> 15th, "end of March" -> last day."""
    word = m.group("m")
    if word.casefold() == "may" and not word[0].isupper():
        return None  # "by may" is more likely the modal verb than the month
    month = rules.months[word.casefold().rstrip(".")]
    lead = _folded(m, "mpre")

    def on(year: int) -> date:
        if "end" in lead or "late" in lead:
            return _month_end(year, month)
        return date(year, month, 15 if "mid" in lead else 1)

    if month == today.month and "end" not in lead and "mid" not in lead:
        return _month_end(today.year, month)  # said during March, "by March" is its end
    if on(today.year) >= today:
        return on(today.year)
    return on(today.year + 1)


def english_due_rules(
    weekdays: Mapping[str, int], months: Mapping[str, int], numbers: Mapping[str, int]
) -> tuple[DueRule, ...]:
    """The English due-date table: small regexes for the phrasings people actually type."""
    flags = re.IGNORECASE
    prep = (
        r"(?:(?:by|before|b4|until|till|til|on|due|no\s+later\s+than|not\s+later\s+than"
        r"|on\s+or\s+before|at\s+the\s+latest\s+by|latest\s+by)\s+)?"
    )
    end = r"(?!\w)"
    time_of_day = (
        r"(?:\s+(?:in\s+the\s+)?(?:morning|afternoon|evening|night|arvo)"
        r"|\s+(?:at\s+)?(?:noon|midday|lunch(?:time)?|eod|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)"
        r"|\s+at\s+\d{1,2}(?::\d{2})?)?"
    )
    full_days = [d for d in weekdays if len(d) > 5]
    short_days = [d for d in weekdays if len(d) <= 5 and d not in full_days]
    month_names = alternation(months)
    full_months = alternation(m for m in months if len(m) > 3 or m == "may")
    number = r"\d{1,3}|" + alternation(numbers)
    # "by Wednesday 4 March", "Friday, March 6": the weekday only names the date's day
    weekday_first = rf"(?:(?:{alternation(full_days)}),?\s+)?"
    rows: list[tuple[str, Callable[[re.Match[str], date, LanguageRules], date | None]]] = [
        (
            prep
            # "by EOD tomorrow": the end of that day
            + r"(?:(?:eod|cob|(?:the\s+)?end\s+of\s+(?:the\s+)?day|close\s+of\s+business)\s+"
            r"(?=tomorrow|tomm?orr?ow|tmrw|tmr|2moro|2morr?ow|2mrw|(?:the\s+)?day\s+after))?"
            r"(?P<rel>(?:the\s+)?day\s+after\s+tomorrow|tomorrow|tomm?orr?ow|tmrw|tmr|2moro|2morr?ow|2mrw"
            r"|today|2day|tonight|tonite|2nite"
            r"|(?:(?:the\s+)?end\s+of\s+(?:the\s+)?day|eod|cob|close\s+of\s+business)"
            rf"(?!\s+(?:this\s+|next\s+)?(?:{alternation(weekdays)})\b"  # "COB Friday": Friday
            r"|\s+on\s+(?:the\s+)?\d)"  # "close of business on the 6th": the 6th
            r"|this\s+(?:morning|afternoon|evening|arvo)"  # Australian "this arvo"
            r"|the\s+morr?a|the\s+morrow)" + time_of_day,  # Scots "the morra": tomorrow
            _en_relative_day,
        ),
        (
            prep
            + r"(?:(?:eod|cob|eob|close\s+of\s+business|(?:the\s+)?end\s+of\s+(?:the\s+)?day)\s+)?"
            + r"(?:(?P<mod>this|next|nxt|coming|the\s+coming|the\s+following|following"
            r"|next\s+week)\s+)?"
            rf"(?P<wd>{alternation(full_days)})(?!\.\w)"  # not "Monday.com"
            r"(?:\s+(?P<wk>next\s+week|this\s+week|after\s+next))?" + time_of_day,
            _en_weekday,
        ),
        (
            r"(?:(?:by|before|b4|on|until|till|due)\s+(?:(?P<mod>this|next|coming)\s+)?"
            r"|(?P<mod2>this|next|nxt|coming)\s+)"
            rf"(?P<wd>{alternation(short_days)})\.?(?:\s+(?P<wk>next\s+week|this\s+week))?"
            + time_of_day,
            _en_weekday,
        ),
        (  # a bare "fri" ending a promise ("send the deck fri", "… (Wed)"); not "sat"/"sun"
            rf"(?<=[\s(])(?P<wd>{alternation(d for d in short_days if d not in ('sat', 'sun'))})"
            r"\.?(?:\s+(?P<wk>next\s+week|this\s+week))?"  # "… thurs next week"
            r"(?=\s*(?:[.!?,;)]|$)|\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b)",  # "… thurs 7am"
            _en_weekday,
        ),
        (  # a day no word is spelt like, inside the clause: "can fit me in thurs for a checkup"
            r"(?<=\s)(?P<wd>tues|tue|weds|wed|thurs|thur|fri)\.?"
            r"(?=\s+(?:for|to|at|morning|afternoon|evening|night|eve|am|pm|or|after|before)\b)",
            _en_weekday,
        ),
        (  # … and "sat"/"sun" after the object, ending the clause: "drop off the box sat"
            r"(?<=[a-z0-9]\s)(?<!\bi\s)(?<!\bwe\s)(?<!\bhe\s)(?<!\bthe\s)(?<!\bshe\s)"
            r"(?<!\bthey\s)(?<!\bwho\s)(?<!\bjust\s)(?<!\balso\s)"
            r"(?P<wd>sat|sun)(?=\s*(?:[.!?,;)\n]|$|\s+(?:am|pm|morning|night)\b)"
            # "meet him at the depot sat 8am", "come back sat to help with the wardrobe"
            r"|\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\s+to\s+help\b)",
            _en_weekday,
        ),
        (
            prep + rf"(?P<wk>(?:the\s+)?week\s+after\s+{_NEXT}"
            rf"|(?:early\s+)?{_NEXT}\s+(?:week|wk\b)"
            rf"|(?:the\s+)?end\s+of\s+{_NEXT}\s+week|(?:the\s+)?(?:end|close)\s+of\s+(?:the|this)\s+week"
            rf"|(?:the\s+)?end\s+of\s+week|(?:later\s+)?this\s+(?:week|wk\b)|eow|{_NEXT}\s+(?:weekend|wknd)"
            # "this wknd", typed on a phone
            r"|(?:this|the)\s+(?:weekend|wknd|wkend)|(?:over|in|at|on)\s+(?:the\s+)?(?:weekend|wknd))",
            _en_week,
        ),
        (
            prep + rf"(?P<mr>(?:the\s+)?(?:end|close)\s+of\s+{_NEXT}\s+month"
            r"|(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+|this\s+)?month|eom|(?:later\s+)?this\s+month"
            r"|(?:the\s+)?month[\s-]end"  # "before month end"
            rf"|(?:the\s+)?(?:start|beginning)\s+of\s+{_NEXT}\s+month|{_NEXT}\s+month"
            r"|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?quarter|eoq"
            rf"|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|eoy|this\s+year|{_NEXT}\s+year)",
            _en_month_relative,
        ),
        (
            rf"(?:(?:in|within|in\s+about|in\s+the\s+next)\s+(?P<n>{number})\s+"
            r"(?P<unit>day|week|wk|month|mo|year|yr)s?(?:[\s'\u2019]*time)?"
            r"|(?:in|within)\s+a\s+fortnight"
            # (not "3 sessions a week from now on": from now on is no date)
            rf"|(?P<n2>{number})\s+(?P<unit2>day|week|month|year)s?\s+from\s+(?:now(?!\s+on\b)|today))",
            _en_in_count,
        ),
        (
            # "reserve him a table for the 17th": "for the" a day, as "on the"
            r"(?:by|before|b4|on|until|till|due|within|no\s+later\s+than|for(?=\s+the\s))\s+"
            rf"(?:(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)|the\s+(?P<dw>{_ORDINAL_WORD})\b)"
            r"(?:\s+of\s+(?P<which>this|next)\s+month)?",
            _en_ordinal,
        ),
        (  # a day of the month ending the clause, no preposition: "send me the draft the
            # 25th" (a learner's, or a phone's); not "for the 25th anniversary"
            r"(?<=[a-z]\s)(?<!\bof\s)(?<!\bsince\s)(?<!\bfrom\s)(?<!\bafter\s)"
            r"the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)(?=\s*(?:[.!?,;)\n]|$))",
            _en_ordinal,
        ),
        (  # a learner's "before the day 25"
            r"(?:by|before|b4|until|till)\s+(?:the\s+)?day\s+(?P<d>\d{1,2})(?!\d|[:./]\d)",
            _en_ordinal,
        ),
        (
            prep
            + weekday_first
            + rf"(?P<m>{month_names})\.?\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            r"(?:,?\s+(?P<y>\d{4}))?",
            _en_month_day,
        ),
        (
            prep
            + weekday_first
            + rf"(?:(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|the\s+(?P<dw>{_ORDINAL_WORD}))"
            + rf"\s+(?:of\s+)?(?P<m>{month_names})\.?(?:,?\s+(?P<y>\d{{4}}))?",
            _en_month_day,
        ),
        (prep + r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})", _en_iso),
        (  # "due 9/15", "by 15/9": a deadline word first, and no year or fraction after
            r"(?:due|by|before|b4|until|till)\s+(?=\d+/\d+(?![/\d]))"
            r"(?:(?P<a>0?[1-9]|1[0-2])/(?P<b>1[3-9]|2\d|3[01])"
            r"|(?P<c>1[3-9]|2\d|3[01])/(?P<d>0?[1-9]|1[0-2]))(?![/\d])",
            _en_slashed,
        ),
        (
            r"(?:(?:right\s+|just\s+)?after\s+the\s+(?:holidays|christmas\s+break|xmas\s+break"
            r"|festive\s+season|new\s+year)|in\s+the\s+new\s+year)",
            _en_after_holidays,
        ),
        (
            r"(?P<mpre>(?:(?:by|before|b4|until|till|at|in)\s+)?"
            r"(?:(?:the\s+)?(?:start|beginning|middle|end)\s+of|early|mid|late)"
            r"|by|before|b4|until|till)"  # "a pilot in February" names no deadline
            # "end of jan": after "of", an abbreviated month is one too
            rf"(?:\s+|-)(?P<m>{full_months}|(?<=of\s)(?:{month_names}))",
            _en_month_only,
        ),
    ]
    return tuple(
        DueRule(re.compile(r"\b" + pattern + end, flags), resolve) for pattern, resolve in rows
    )


_OWNED_DAY = re.compile(
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b", re.I
)
_POSSESSIVE_BEFORE = re.compile(  # "my Tuesday shift", "about Saturday clinics", "the
    # Thursday climbing group": a day that says which, before a noun
    r"\b(?:my|our|your|his|her|their|about|the|those|these)\s+\Z",
    re.I,
)
# (not a word that starts a clause: "ring her Wednesday after I've had a look", "call him
# Friday when …": there "her" is whom, and the day is the date)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|at|by|to|for|if|so|but|then|too|after|before|when|once|unless|because"
    r"|since|until|till|latest|instead|morning|afternoon|evening|night|next|this)\b)[a-z]{3,}\b"
)
_LATEST = re.compile(r",?\s+(?:at\s+the\s+)?latest\b", re.I)
_NOT_A_DATE_BEFORE = re.compile(r"\b(?:a|an|every|each|from)\s+\Z", re.I)  # "the pics from tonight"
_POSSESSIVE_DAY = re.compile(r"['\u2019]s\b")  # "Sunday's long run": a day named, no deadline


# the time of day after a due date belongs to it ("save me a bike thurs 7am")
_TIME_OF_DAY = re.compile(
    r"[ \t]+(?:(?:in[ \t]+the[ \t]+)?(?:morning|afternoon|evening|night|eve|arvo|lunchtime)"
    r"|first[ \t]+thing|(?:at[ \t]+)?\d{1,2}(?:[:.]\d{2})?[ \t]*(?:am|pm|a\.m\.|p\.m\.|h)"
    r"|at[ \t]+(?:\d{1,2}(?:[:.]\d{2})?|noon|midday|lunch))\b\.?",
    re.I,
)


_DAY_END = re.compile(
    r"(?:by\s+)?(?:eod|cob|eob|end\s+of\s+(?:the\s+)?day|close\s+of\s+business)", re.I
)
_DAY_AFTER_DAY_END = re.compile(r"[ \t]+(?:today|tonight|tomorrow|tmrw|tmr)\b", re.I)


def find_due(
    text: str, lo: int, hi: int, today: date, rules: LanguageRules
) -> tuple[int, int, date] | None:
    """The due phrase of a promise from the table: a deadline word ("by", "before") wins,
    then the earliest, then the longest phrase."""
    best: tuple[int, int, date] | None = None
    best_key: tuple[bool, int, int] | None = None
    for rule in rules.due_rules:
        for m in rule.pattern.finditer(text, lo, hi):
            if _NOT_A_DATE_BEFORE.search(text, max(lo, m.start() - 8), m.start()):
                continue  # "free up a Friday", "every Monday": a day, not a deadline
            if _POSSESSIVE_DAY.match(text, m.end(), hi):
                continue  # "the route for Sunday's long run"
            if _OWNED_DAY.match(m.group()) and (
                _POSSESSIVE_BEFORE.search(text, max(lo, m.start() - 7), m.start())
                and _NOUN_AFTER.match(text, m.end(), hi)
            ):
                continue  # "for covering my Tuesday shift", "our Monday call": which one
            try:
                day = rule.resolve(m, today, rules)
            except (ValueError, OverflowError, KeyError):
                day = None
            if day is None:
                continue
            key = (rules.deadline_prefix.match(m.group()) is None, m.start(), m.start() - m.end())
            if best_key is None or key < best_key:
                best, best_key = (m.start(), m.end(), day), key
    if best is not None:  # "fri morning", "thurs 7am", "tomorrow at 10:30": the time too
        time = _TIME_OF_DAY.match(text, best[1], hi)
        if time is not None:
            best = (best[0], time.end(), best[2])
        latest = _LATEST.match(text, best[1], hi)  # "by Thursday latest": the same date
        if latest is not None:
            best = (best[0], latest.end(), best[2])
        same_day = _DAY_AFTER_DAY_END.match(text, best[1], hi)
        if same_day is not None and _DAY_END.fullmatch(text, best[0], best[1]):
            best = (best[0], same_day.end(), best[2])  # "EOD today": one phrase
    return best


@functools.lru_cache(maxsize=512)
def dateparser_date(phrase: str, base: datetime, languages: tuple[str, ...]) -> date | None:
    """Ask dateparser, lazily imported, with the language fixed (autodetection costs 1.2 s).

    Cached because the preview re-parses the same note on every keystroke.
    """
    try:
        import dateparser  # ~60 ms import, ~0.1 s first call: only when needed

        result = dateparser.parse(
            phrase,
            languages=list(languages),
            settings={
                "RELATIVE_BASE": base,
                "PREFER_DATES_FROM": "future",
                "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first",
                "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
            },
        )
    except Exception:  # dateparser on odd input must not break the preview
        log.debug("dateparser failed on %r", phrase, exc_info=True)
        return None
    return result.date() if result is not None else None


_NONSPACE_RE = re.compile(r"\S+")
_FALLBACK_CUT_RE = re.compile(r"[,;!?()\n]")


def fallback_due(
    text: str, lo: int, hi: int, now: datetime, rules: LanguageRules, budget: list[int]
) -> tuple[int, int, date] | None:
    """Rarer deadline phrases with a digit ("by 12/3", "by Dec. 3rd 2027") via dateparser.

    At most five shrinking guesses per phrase and a small budget per note keep a keystroke
    cheap even when the note is full of "on 3 ..." that are not dates.
    """
    base = now.replace(tzinfo=None, second=0, microsecond=0)
    today = now.date()
    for m in rules.fallback_lead.finditer(text, lo, hi):
        limit = min(hi, m.end() + 40)
        cut = _FALLBACK_CUT_RE.search(text, m.end(), limit)
        words = list(_NONSPACE_RE.finditer(text, m.end(), cut.start() if cut else limit))[:5]
        for count in range(len(words), 0, -1):
            phrase = text[m.end() : words[count - 1].end()].rstrip(".\u2026")
            if not any(ch.isdigit() for ch in phrase) or phrase.strip().isdigit():
                continue
            phrase_end = m.end() + len(phrase)
            if any(r.pattern.fullmatch(text, m.start(), phrase_end) for r in rules.due_rules):
                continue  # the table knows this phrase and refused it ("the 3rd draft")
            if budget[0] <= 0:
                return None
            budget[0] -= 1
            day = dateparser_date(phrase, base, rules.dateparser_languages)
            if day is not None and abs((day - today).days) <= 3660:
                return m.start(), phrase_end, day
    return None
