"""Turn a note typed right after meeting someone into what Rapport proposes to save.

The capture window calls :func:`parse_capture` on every (debounced) keystroke and shows
the result as a live preview: who was met, at which organization and where, what each
side promised and by when, which introductions are in the air, and the tags. The user
corrects the preview, so the parser prefers saying nothing over guessing wildly, and it
always reports the exact phrase behind a date ("by Friday" -> Fri 27 Nov) so a wrong guess
is visible and fixable.

Rules of the road, and why:

* Pure: no Qt, no database (``desktop/domain`` runs headless, from the CLI and tests).
* Fast: regular expressions and a small due-date table handle the common phrasings in well
  under a millisecond per sentence. ``dateparser`` is imported lazily and consulted only
  for a deadline phrase the table does not know and that contains a digit ("by 12/3"):
  its import and first call cost ~0.2 s (1.2 s with language autodetection, so it always
  gets an explicit language list).
* Never raises: a preview that crashes loses the user's note-taking rhythm, so an internal
  error is logged and the note comes back as plain notes.
* ``notes`` is always the input, unchanged: nothing the user typed is ever lost.
* Every phrasing lives in a :class:`LanguageRules` table (:class:`EnglishRules` today); the
  algorithm only reads the table, so another language is another table, chosen through
  ``parse_capture(..., language="de")``.

Date choices (the preview shows the resolved date, so the user can correct it):

* A bare weekday ("by Friday", "on Friday", "Friday", "this Friday") is the next such day
  after today, 1-7 days ahead: said on a Friday, "by Friday" means a week later.
* "next Friday" / "Friday next week" is the Friday of next (Monday-based) week. dateparser
  would say the nearest Friday; we follow the common "the week after this one" reading.
* "next week" is the Monday of next week; "this week" / "end of the week" is this week's
  Friday (its Sunday once Friday has passed); "the weekend" is the coming Saturday.
* "the 3rd" / "by the 3rd" / "before the 3rd" is the next 3rd of a month strictly after
  today. "before" keeps the 3rd itself: a due date is the last acceptable day, and the
  preview shows "before the 3rd -> Thu 3 Dec", which the user can move a day earlier.
* "end of month" is its last day; "next month" the 1st of next month; "in two weeks"
  counts from today; "March 3" is the next March 3 on or after today; "by March" is
  March 1 ("end of March" its last day; said during March, "by March" is the month's end).

Who is who (again: when unsure, say nothing, and let the user fill it in):

* People met are the names after "Met", "met with", "lunch/coffee/call with", "talked
  to", "ran into"...: runs of capitalised words with particles inside ("Ludwig van
  Beethoven"), and, right after such a verb, words of scripts without capitals.
* ``known_names`` turn "Ben" into "Ben Ode" when exactly one contact is called Ben; people
  met in the same note win over contacts. Fuzzy matching is left to the services.
* "she"/"they"/"her" is the one person met who is not named in the same clause, else
  unknown: with Ana and Ben met, "She'll intro me to Ben" is Ana's promise, while "I'll
  send her the deck" stays unassigned (no guessing gender from names). A promise of mine
  that names nobody goes to the person met, if only one was.
* An introduction needs a known introducer: "intro to Ben" after meeting only Ana means Ana
  will introduce the user to Ben; with nobody (or several) met it is left out, because
  ``introducer=None`` already means "me".
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

__all__ = [
    "LANGUAGES",
    "CaptureParse",
    "EnglishRules",
    "LanguageRules",
    "ParsedCommitment",
    "ParsedIntroduction",
    "parse_capture",
    "rules_for",
]

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class ParsedCommitment:
    """A promise read from the note, as the preview shows it before it is saved."""

    owner: str  # "me" | "them"
    description: str  # e.g. "send her the deck" (without the due phrase, trimmed)
    person_name: str | None  # who the promise is to/from, when known
    due: date | None
    due_text: str  # the phrase matched, "" if none
    span: tuple[int, int]  # character offsets of the source sentence in the input


@dataclass(frozen=True, slots=True)
class ParsedIntroduction:
    """Who introduces whom to whom; ``None`` stands for the user ("me")."""

    introducer: str | None  # None means "me"
    person: str  # who gets introduced
    to: str | None  # None means "to me"
    done: bool  # True for "introduced me to", False for a promise/plan
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class CaptureParse:
    """Everything the capture preview proposes; ``notes`` is always the input unchanged."""

    people: tuple[str, ...]  # names met, in order, deduplicated
    organization: str  # "" if none
    place: str  # "" if none
    commitments: tuple[ParsedCommitment, ...]
    introductions: tuple[ParsedIntroduction, ...]
    tags: tuple[str, ...]
    notes: str  # ALWAYS exactly the input text, unchanged


# --------------------------------------------------------------- characters and words

# Combining marks and joiners: part of a written name ("José" typed decomposed, Hebrew
# points, Devanagari vowel signs) although ``\w`` does not count them as letters.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ufe20-\ufe2f"
)
# Invisible direction marks that right-to-left text carries around names.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_APOS = "'\u2019\u02bc"
# The line breaks ``str.splitlines`` knows: every one ends a sentence.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"

_WORD_RE = re.compile(rf"[^\W\d_]{_LETTER}*(?:[{_APOS}\-]{_LETTER}+)*")
_PHRASE_TOKEN_RE = re.compile(rf"(?:[\w&@+]|[{_MARKS}])(?:[\w&@+.{_APOS}\-]|[{_MARKS}])*")
_HSPACE_RE = re.compile(rf"(?:[^\S{_LINE_BREAKS}]|[{_BIDI}])*")
_BIDI_RE = re.compile(f"[{_BIDI}]")
_TAG_RE = re.compile(rf"(?<![\w#&/{_MARKS}])#((?:[\w\-]|[{_MARKS}])+)")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([,;:.!?])")
_DESCRIPTION_STRIP = ' \t.,;:!?\u2014\u2013-\u2026"\u201c\u201d()[]' + _BIDI

_MAX_NAME_WORDS = 5
_MAX_PHRASE_WORDS = 6


def _skip_hspace(text: str, pos: int, hi: int) -> int:
    """Skip spaces and direction marks on the same line (names never span lines)."""
    return _HSPACE_RE.match(text, pos, hi).end()  # type: ignore[union-attr]  # `*` always matches


def _is_caseless(ch: str) -> bool:
    """True for letters of scripts without capitals (Arabic, Hebrew, CJK, Devanagari...)."""
    return ch.isalpha() and not ch.isupper() and not ch.islower()


def _is_cap_word(word: str) -> bool:
    """A capitalised word, not an all-capitals acronym such as "CTO" or "IBM"."""
    return bool(word) and word[0].isupper() and not (len(word) > 1 and word.isupper())


def _clean_name(raw: str) -> str:
    """One spelling per name: no direction marks, single spaces, composed accents (NFC)."""
    return unicodedata.normalize("NFC", " ".join(_BIDI_RE.sub("", raw).split()))


# ------------------------------------------------------------------ language tables


class _DueRule(NamedTuple):
    """One row of the due-date table: a phrase pattern and how to turn it into a date."""

    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], date, LanguageRules], date | None]


class LanguageRules:
    """The phrasings of one language; :func:`parse_capture`'s algorithm only reads these.

    Keeping every word list and pattern here (and none in the algorithm) is what lets a
    second language arrive as one more table instead of a rewrite. Word sets hold
    case-folded words.
    """

    code: str
    dateparser_languages: tuple[str, ...]
    sentence_abbreviations: frozenset[str]
    contraction_suffixes: frozenset[str]  # "Ben's", "She'll": the name ends before them
    particles: frozenset[str]  # "van", "de": inside a name, before a capitalised word
    titles: frozenset[str]  # "Dr": skipped before a name
    not_names: frozenset[str]  # capitalised words that are not names ("She", "Today")
    subject_pronouns: frozenset[str]
    first_person: frozenset[str]
    roles: frozenset[str]  # "CTO at Acme": the "at" names an organization
    phrase_stop_words: frozenset[str]  # end an organization or place phrase
    phrase_connectors: frozenset[str]  # "Ministry of Health", "AT & T"
    subject_skip_words: frozenset[str]  # "Ana kindly introduced me": look past "kindly"
    modal_words: frozenset[str]  # "Ana will introduce me": a plan, not done
    clause_lead_words: frozenset[str]  # "I think she'll ...": a promise may follow
    past_intro_verbs: frozenset[str]
    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    numbers: Mapping[str, int]
    me_label: re.Pattern[str]  # "Me: send slides" at the start of a sentence
    them_label: re.Pattern[str]
    me_opener: re.Pattern[str]  # "I'll", "I will" anywhere
    pronoun_opener: re.Pattern[str]  # "She'll", "They will"
    named_opener_verb: re.Pattern[str]  # "<Name> will": the part after the name
    negation: re.Pattern[str]  # "I will not ...": no promise
    clause_tail_word: re.Pattern[str]  # "and" between two promises in one sentence
    clause_boundary_before: re.Pattern[str]  # text before a clause start ends like this
    met_trigger: re.Pattern[str]
    list_separator: re.Pattern[str]
    paren_org: re.Pattern[str]
    org_lead: re.Pattern[str]  # "from Acme", "works at Acme"
    at_lead: re.Pattern[str]
    in_lead: re.Pattern[str]
    article: re.Pattern[str]
    met_region_end: re.Pattern[str]
    intro_me: re.Pattern[str]  # "introduce(d) me to"
    intro_other: re.Pattern[str]  # "introduce Ana to" (the verb part)
    intro_joiner: re.Pattern[str]  # "to" / "with" / "and" between two people
    intro_passive: re.Pattern[str]  # "was introduced to"
    intro_by: re.Pattern[str]
    intro_bare: re.Pattern[str]  # "intro to Ben"
    intro_ask: re.Pattern[str]  # "asked Ana to" right before the verb
    target_determiner: re.Pattern[str]  # "her colleague Ben"
    lowercase_word: re.Pattern[str]
    object_pronoun: re.Pattern[str]
    me_word: re.Pattern[str]  # "introduced her to me"
    due_rules: tuple[_DueRule, ...]
    deadline_prefix: re.Pattern[str]  # preferred when a clause has several dates
    fallback_lead: re.Pattern[str]  # where dateparser may look
    ordinal_followers: frozenset[str]  # "by the 3rd at the latest", not "the 3rd draft"
    month_follower: re.Pattern[str]


def _words(spaced: str) -> frozenset[str]:
    """A word set written as one spaced string, which keeps long lists readable."""
    return frozenset(spaced.split())


def _alternation(words: Iterable[str]) -> str:
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
    return " ".join(value.casefold().split()) if value else ""


def _en_relative_day(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """today / tonight / end of day -> today; tomorrow -> +1; day after tomorrow -> +2."""
    rel = _folded(m, "rel")
    if "after" in rel:
        return today + timedelta(days=2)
    if rel.startswith("tom") or rel in ("tmrw", "tmr"):
        return today + timedelta(days=1)
    return today


def _en_weekday(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """Weekday phrases; see the module docstring for "this" / "next" choices."""
    weekday = rules.weekdays[_folded(m, "wd").rstrip(".")]
    modifier = _folded(m, "mod") or _folded(m, "mod2")
    week = _folded(m, "wk")
    monday = _monday(today)
    if "after next" in week:
        return monday + timedelta(days=14 + weekday)
    if "next" in modifier or "following" in modifier or "next" in week:
        return monday + timedelta(days=7 + weekday)
    if "this" in week:
        return max(today, monday + timedelta(days=weekday))
    ahead = (weekday - today.weekday()) % 7
    if modifier == "this":
        return today + timedelta(days=ahead)
    return today + timedelta(days=ahead or 7)


def _en_week(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """next week -> its Monday; end of (next) week -> Friday; weekend -> Saturday."""
    phrase = _folded(m, "wk")
    monday = _monday(today)
    if "after next" in phrase:
        return monday + timedelta(days=14)
    if "end of next week" in phrase:
        return monday + timedelta(days=11)
    if "next weekend" in phrase:
        return monday + timedelta(days=12)
    if "weekend" in phrase:
        return max(today, monday + timedelta(days=5))
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


def _en_in_count(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """in N days / weeks / months / years (also "a fortnight", "two weeks from now")."""
    if "fortnight" in m.group().casefold():
        return today + timedelta(days=14)
    raw = _folded(m, "n") or _folded(m, "n2")
    unit = _folded(m, "unit") or _folded(m, "unit2")
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
    follower = re.match(r"\s+([^\W\d_]+)", after)
    if follower and follower.group(1).casefold() not in rules.ordinal_followers:
        return None
    day = int(m.group("d"))
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


def _en_month_day(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """ "March 3", "3rd of March", "Mar 3, 2027": the next such day, or the year given."""
    month = rules.months[_folded(m, "m").rstrip(".")]
    day = int(m.group("d"))
    year = m.groupdict().get("y")
    if year:
        return date(int(year), month, day)
    return _next_month_day(today, month, day)


def _en_iso(m: re.Match[str], today: date, rules: LanguageRules) -> date | None:
    """2026-12-03."""
    return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))


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

    if on(today.year) >= today:
        return on(today.year)
    if month == today.month and "end" not in lead:
        return _month_end(today.year, month)
    return on(today.year + 1)


def _en_due_rules(
    weekdays: Mapping[str, int], months: Mapping[str, int], numbers: Mapping[str, int]
) -> tuple[_DueRule, ...]:
    """The English due-date table: small regexes for the phrasings people actually type."""
    flags = re.IGNORECASE
    prep = (
        r"(?:(?:by|before|until|till|til|on|due|no\s+later\s+than|not\s+later\s+than"
        r"|on\s+or\s+before|at\s+the\s+latest\s+by|latest\s+by)\s+)?"
    )
    end = r"(?!\w)"
    time_of_day = (
        r"(?:\s+(?:in\s+the\s+)?(?:morning|afternoon|evening|night)"
        r"|\s+(?:at\s+)?(?:noon|midday|lunch(?:time)?|eod|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)"
        r"|\s+at\s+\d{1,2}(?::\d{2})?)?"
    )
    full_days = [d for d in weekdays if len(d) > 5]
    short_days = [d for d in weekdays if len(d) <= 5 and d not in full_days]
    month_names = _alternation(months)
    full_months = _alternation(m for m in months if len(m) > 3 or m == "may")
    number = r"\d{1,3}|" + _alternation(numbers)
    rows: list[tuple[str, Callable[[re.Match[str], date, LanguageRules], date | None]]] = [
        (
            prep + r"(?P<rel>(?:the\s+)?day\s+after\s+tomorrow|tomorrow|tmrw|tmr|today|tonight"
            r"|(?:the\s+)?end\s+of\s+(?:the\s+)?day|eod|cob|close\s+of\s+business"
            r"|this\s+(?:morning|afternoon|evening))" + time_of_day,
            _en_relative_day,
        ),
        (
            prep + r"(?:(?P<mod>this|next|coming|the\s+coming|the\s+following|following)\s+)?"
            rf"(?P<wd>{_alternation(full_days)})"
            r"(?:\s+(?P<wk>next\s+week|this\s+week|after\s+next))?" + time_of_day,
            _en_weekday,
        ),
        (
            r"(?:(?:by|before|on|until|till|due)\s+(?:(?P<mod>this|next|coming)\s+)?"
            r"|(?P<mod2>this|next|coming)\s+)"
            rf"(?P<wd>{_alternation(short_days)})\.?" + time_of_day,
            _en_weekday,
        ),
        (
            prep + r"(?P<wk>(?:the\s+)?week\s+after\s+next|(?:early\s+)?next\s+week"
            r"|(?:the\s+)?end\s+of\s+next\s+week|(?:the\s+)?(?:end|close)\s+of\s+(?:the|this)\s+week"
            r"|(?:the\s+)?end\s+of\s+week|(?:later\s+)?this\s+week|eow|next\s+weekend"
            r"|(?:this|the)\s+weekend|over\s+the\s+weekend)",
            _en_week,
        ),
        (
            prep + r"(?P<mr>(?:the\s+)?(?:end|close)\s+of\s+next\s+month"
            r"|(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+|this\s+)?month|eom|(?:later\s+)?this\s+month"
            r"|(?:the\s+)?(?:start|beginning)\s+of\s+next\s+month|next\s+month"
            r"|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?quarter|eoq"
            r"|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|eoy|this\s+year|next\s+year)",
            _en_month_relative,
        ),
        (
            rf"(?:(?:in|within|in\s+about|in\s+the\s+next)\s+(?P<n>{number})\s+"
            r"(?P<unit>day|week|month|year)s?(?:[\s'\u2019]*time)?"
            r"|(?:in|within)\s+a\s+fortnight"
            rf"|(?P<n2>{number})\s+(?P<unit2>day|week|month|year)s?\s+from\s+(?:now|today))",
            _en_in_count,
        ),
        (
            r"(?:by|before|on|until|till|due|no\s+later\s+than)\s+(?:the\s+)?"
            r"(?P<d>\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?P<which>this|next)\s+month)?",
            _en_ordinal,
        ),
        (
            prep + rf"(?P<m>{month_names})\.?\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            r"(?:,?\s+(?P<y>\d{4}))?",
            _en_month_day,
        ),
        (
            prep + r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<m>{month_names})\.?(?:,?\s+(?P<y>\d{{4}}))?",
            _en_month_day,
        ),
        (prep + r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})", _en_iso),
        (
            r"(?P<mpre>(?:(?:by|before|until|till|at|in)\s+)?"
            r"(?:(?:the\s+)?(?:start|beginning|middle|end)\s+of|early|mid|late)"
            r"|by|before|until|till|in|during)"
            rf"(?:\s+|-)(?P<m>{full_months})",
            _en_month_only,
        ),
    ]
    return tuple(
        _DueRule(re.compile(r"\b" + pattern + end, flags), resolve) for pattern, resolve in rows
    )


class EnglishRules(LanguageRules):
    """English phrasings, as typed in a hurry after a conversation."""

    code = "en"
    dateparser_languages = ("en",)
    sentence_abbreviations = _words(
        "dr mr mrs ms mx prof st jr sr vs etc inc ltd co corp dept mt ft approx no nr "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
    contraction_suffixes = _words("s ll d re ve m t")
    particles = _words(
        "de da di do dos das del della der den du la le van von ten ter bin ibn al el y zu af av"
    )
    titles = _words("dr mr mrs ms mx prof professor sir dame rev fr herr frau mme")
    not_names = _words(
        "i me my we us our you your he him his she her they them their it its the a an "
        "this that these those there here some any all both each every everyone everybody "
        "everything someone somebody something nobody nothing no yes one who what which when "
        "where why how today tomorrow tonight yesterday monday tuesday wednesday thursday "
        "friday saturday sunday next last also then maybe hopefully great good nice thanks "
        "thank ok okay met lunch coffee dinner breakfast drinks call meeting note notes ps re "
        "fyi todo action follow followup follow-up would should could can must need "
        "please and but so or if after before during while later soon again still just very "
        "really"
    )
    subject_pronouns = _words("she he they")
    first_person = _words("i")
    roles = _words(
        "ceo cto cfo coo cmo cpo vp founder co-founder cofounder engineer developer designer "
        "manager director lead head researcher professor student partner investor recruiter "
        "consultant analyst scientist intern editor writer architect advisor"
    )
    phrase_stop_words = _words(
        "and or where who which that to for about because yesterday today tonight tomorrow "
        "this last next on during after before while with from in at by but so then when "
        "monday tuesday wednesday thursday friday saturday sunday i she he they we you it "
        "met"
    )
    phrase_connectors = _words("of de du des der für & for la le am im")
    subject_skip_words = _words(
        "just kindly finally also already then has had have will shall can could would might "
        "may to offered promised agreed wants want wanted going is are was were gladly "
        "happily even generously nicely personally actually eventually later should said "
        "says did"
    )
    modal_words = _words(
        "will shall can could would might may to offered promised agreed wants want wanted "
        "going should ll d"
    )
    clause_lead_words = _words(
        "and but so then also plus hopefully maybe probably think said says ps because while"
    )
    past_intro_verbs = frozenset(
        ["introduced", "intro'd", "intro\u2019d", "introd", "connected", "put"]
    )
    weekdays = {
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
        "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3,
        "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
    }  # fmt: skip
    months = {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    }  # fmt: skip
    numbers = {
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2, "a couple": 2,
        "couple of": 2, "a few": 3, "few": 3, "several": 3,
    }  # fmt: skip

    def __init__(self) -> None:
        """Compile the patterns once, on first use: ~60 ms that importing should not cost."""
        i = re.IGNORECASE
        a = _APOS
        self.me_label = re.compile(
            r"(?:[-*\u2022\u00b7>]\s*)*(?:me|todo|to-?do|to\s+do|action(?:\s+item)?|next\s+steps?)"
            r"\s*(?:[:\uff1a]|\s[-\u2013\u2014](?=\s))\s*"
            r"|(?:[-*\u2022\u00b7>]\s*)*(?:will|need\s+to|must|promised\s+to)\s+(?=(?-i:[a-z]))",
            i,
        )
        self.them_label = re.compile(r"(?:[-*\u2022\u00b7>]\s*)*(?:them|they)\s*[:\uff1a]\s*", i)
        self.me_opener = re.compile(
            rf"(?<![\w{a}\-])i(?:\s*[{a}]ll|\s+will|\s+shall|\s*[{a}]m\s+going\s+to"
            r"|\s+am\s+going\s+to|\s+(?:promised|offered|agreed|need)\s+to"
            r"|(?=\s+owe\b))(?!\w)\s*",
            i,
        )
        third = (
            rf"(?:\s*[{a}]ll|\s+will|\s+shall|\s*[{a}](?:s|re)\s+going\s+to"
            r"|\s+(?:is|are)\s+going\s+to|\s+(?:promised|offered|agreed)\s+to"
            rf"|\s+said\s+(?:she|he|they)(?:\s*[{a}]d|\s+would))(?!\w)\s*"
        )
        self.pronoun_opener = re.compile(rf"\b(?P<pro>she|he|they){third}", i)
        self.named_opener_verb = re.compile(third, i)
        self.negation = re.compile(rf"(?:not|never|n[{a}]t)\b", i)
        self.clause_tail_word = re.compile(r"\b(?:and|but|so|then|also|plus|while|whereas)\Z", i)
        self.clause_boundary_before = re.compile(
            rf"(?:[,;:\u2014\u2013(\-]|\b(?:{'|'.join(sorted(self.clause_lead_words))}))\s*\Z", i
        )
        self.met_trigger = re.compile(
            r"\b(?:met(?:\s+up)?(?:\s+with)?|ran\s+into|bumped\s+into|caught\s+up\s+with"
            r"|chatted\s+(?:with|to)|talked\s+(?:with|to)|spoke\s+(?:with|to)|got\s+to\s+know"
            r"|(?:was|got)\s+introduced\s+to"
            r"|(?:had\s+)?(?:an?\s+)?(?:lunch|coffee|dinner|drinks|breakfast|brunch|beers?|tea"
            r"|call|chat|catch[\s-]?up|video\s+call|zoom|meeting|walk)\s+with)"
            r"(?:\s*[:\uff1a]\s*|\s+)",
            i,
        )
        self.list_separator = re.compile(
            rf"(?:[^\S{_LINE_BREAKS}])*(?:,(?:[^\S{_LINE_BREAKS}])*(?:and(?:[^\S{_LINE_BREAKS}])+)?"
            rf"|(?:[^\S{_LINE_BREAKS}])+(?:and|&)(?:[^\S{_LINE_BREAKS}])+|&)",
            i,
        )
        self.paren_org = re.compile(rf"(?:[^\S{_LINE_BREAKS}])*\(\s*([^()\n]{{1,80}}?)\s*\)")
        self.org_lead = re.compile(
            r"\b(?:from|of|(?:who\s+)?(?:works?|working|worked)\s+(?:at|for))\s+", i
        )
        self.at_lead = re.compile(r"\bat\s+", i)
        self.in_lead = re.compile(r"\bin\s+", i)
        self.article = re.compile(r"(?:the|a|an)\s+", i)
        self.met_region_end = re.compile(r"[\u2014\u2013;:]|\s-\s")
        verbs = (
            rf"introduced|introducing|introduce|intro[{a}]?d|intro|connected|connecting|connect"
            r"|put|puts|putting"
        )
        self.intro_me = re.compile(
            rf"\b(?P<verb>{verbs})\s+me\s+(?:to|with|in\s+touch\s+with)\s+", i
        )
        self.intro_other = re.compile(rf"\b(?P<verb>{verbs})\s+", i)
        self.intro_joiner = re.compile(r"\s+(?:to|with|and|in\s+touch\s+with)\s+", i)
        self.intro_passive = re.compile(
            r"\b(?P<aux>was|were|got|been|being|get|getting)\s+introduced\s+to\s+", i
        )
        self.intro_by = re.compile(r"\s+by\s+", i)
        self.intro_bare = re.compile(r"\b(?:an?\s+)?intro\s+to\s+", i)
        self.intro_ask = re.compile(
            r"\b(?:ask(?:ed|s|ing)?|get|got|getting|have|has|had)\s+(?P<x>\S+(?:\s+\S+){0,3}?)"
            r"\s+to\s+\Z",
            i,
        )
        self.target_determiner = re.compile(r"(?:her|his|their|my|our|a|an|the)\s+", i)
        self.lowercase_word = re.compile(r"[a-z][\w\-]*\s+")
        self.object_pronoun = re.compile(r"(?:him|her|them)\b", i)
        self.me_word = re.compile(r"(?:me|us)\b", i)
        self.due_rules = _en_due_rules(self.weekdays, self.months, self.numbers)
        self.deadline_prefix = re.compile(
            r"(?:by|before|until|till|til|due|no\s+later|not\s+later|on\s+or\s+before|within"
            r"|at\s+the\s+latest|latest)\b",
            i,
        )
        self.fallback_lead = re.compile(
            r"\b(?:by|before|until|till|due|no\s+later\s+than|on)\s+", i
        )
        self.ordinal_followers = _words(
            "of at and or so to if latest the for when with because as but please then"
        )
        self.month_follower = re.compile(rf"\s+(?:of\s+)?(?:{_alternation(self.months)})\b", i)


LANGUAGES: Mapping[str, type[LanguageRules]] = {"en": EnglishRules}


@functools.cache
def _compiled_rules(code: str) -> LanguageRules:
    """One table instance per language, built when first asked for."""
    return LANGUAGES[code]()


def rules_for(language: str) -> LanguageRules:
    """The table for ``language`` ("en", "en-GB", "en_US" all give English).

    An unknown language falls back to English rather than failing: the capture window may
    pass the user's interface language before a table for it exists, and a preview in
    English beats no preview.
    """
    base = re.split(r"[-_]", str(language or "en").strip().casefold(), maxsplit=1)[0]
    return _compiled_rules(base if base in LANGUAGES else "en")


# ------------------------------------------------------------------------- names


def _split_contraction(word: str, rules: LanguageRules) -> tuple[str, bool]:
    """Split "Ben's" / "She'll" into the name part and whether the name must end there.

    "O'Brien" stays whole: only known contraction endings close a name.
    """
    for index, ch in enumerate(word):
        if ch in _APOS and index > 0:
            if word[index + 1 :].casefold() in rules.contraction_suffixes:
                return word[:index], True
            break
    return word, False


def _scan_name(
    text: str, pos: int, hi: int, rules: LanguageRules, *, caseless: bool = False
) -> tuple[int, int] | None:
    """The span of a person's name starting at ``pos`` (after spaces and titles), if any.

    A name is a run of capitalised words on one line ("José Núñez", "Jean-Luc Picard",
    "J. R. Smith") that may hold lower-case particles before a capitalised word ("Ludwig
    van Beethoven"). With ``caseless`` (right after "Met"), words of scripts without
    capitals count too, so "Met محمد علي" or "Met 王小明" finds the name.
    """
    i = _skip_hspace(text, pos, hi)
    start = end = -1
    words = 0
    while words < _MAX_NAME_WORDS:
        m = _WORD_RE.match(text, i, hi)
        if m is None:
            break
        base, closes = _split_contraction(m.group(), rules)
        word_end = m.start() + len(base)
        folded = base.casefold()
        if start < 0 and folded in rules.titles:
            i = word_end + 1 if text.startswith(".", word_end) else word_end
        elif (_is_cap_word(base) or (caseless and _is_caseless(base[0]))) and (
            folded not in rules.not_names
        ):
            if start < 0:
                start = m.start()
            if len(base) == 1 and text.startswith(".", word_end) and not closes:
                word_end += 1  # an initial: "J."
            end = i = word_end
            words += 1
            if closes:
                break
        elif start >= 0 and folded in rules.particles and not closes:
            i = word_end  # kept only if a capitalised word follows
        else:
            break
        following = _skip_hspace(text, i, hi)
        if following == i:
            break
        i = following
    return (start, end) if start >= 0 else None


def _name_ending_at(text: str, lo: int, end: int, rules: LanguageRules) -> tuple[int, int] | None:
    """The span of a name that ends exactly at ``end`` ("Ben Ode| will send ...")."""
    tokens = list(_WORD_RE.finditer(text, max(lo, end - 80), end))
    if not tokens or tokens[-1].end() != end:
        return None
    start = -1
    words = 0
    follow = end
    for tok in reversed(tokens):
        if tok.end() != end and _skip_hspace(text, tok.end(), follow) != follow:
            break
        word = tok.group()
        folded = word.casefold()
        if _split_contraction(word, rules)[1]:
            break
        if _is_cap_word(word) and folded not in rules.not_names:
            start = tok.start()
            words += 1
            if words >= _MAX_NAME_WORDS:
                break
        elif not (start >= 0 and folded in rules.particles):
            break
        follow = tok.start()
    return (start, end) if start >= 0 else None


def _names_in(text: str, lo: int, hi: int, rules: LanguageRules) -> list[tuple[int, int]]:
    """Spans of every capitalised name-like run between ``lo`` and ``hi``."""
    found: list[tuple[int, int]] = []
    next_free = lo
    for m in _WORD_RE.finditer(text, lo, hi):
        if m.start() < next_free:
            continue
        base = _split_contraction(m.group(), rules)[0]
        if not _is_cap_word(base) or base.casefold() in rules.not_names:
            continue
        span = _scan_name(text, m.start(), hi, rules)
        if span is not None:
            found.append(span)
            next_free = span[1]
    return found


class _NameIndex(NamedTuple):
    """Names by case-folded full name and by case-folded first name."""

    by_full: dict[str, str]
    by_first: dict[str, list[str]]


def _index_names(names: Iterable[object]) -> _NameIndex:
    """Index names for exact and first-name look-ups (fuzzy matching lives elsewhere)."""
    by_full: dict[str, str] = {}
    by_first: dict[str, list[str]] = {}
    for raw in names:
        if not isinstance(raw, str):
            continue
        clean = _clean_name(raw)
        key = clean.casefold()
        if not key or key in by_full:
            continue
        by_full[key] = clean
        by_first.setdefault(key.split()[0], []).append(clean)
    return _NameIndex(by_full, by_first)


@functools.lru_cache(maxsize=8)
def _known_index(names: tuple[object, ...]) -> _NameIndex:
    """The user's contacts, indexed once per contact list, not on every keystroke."""
    return _index_names(names)


class _Roster:
    """Who the note is about: people met here first, then the user's known contacts."""

    def __init__(self, known: _NameIndex) -> None:
        self.known = known
        self.met: list[str] = []
        self._met = _NameIndex({}, {})

    def add_met(self, name: str) -> None:
        """Remember a person met in this note, once, in order."""
        key = name.casefold()
        if key and key not in self._met.by_full:
            self.met.append(name)
            self._met.by_full[key] = name
            self._met.by_first.setdefault(key.split()[0], []).append(name)

    def lookup(self, raw: str) -> str | None:
        """The full name ``raw`` stands for, if a person met or a contact has it.

        People met in this very note win over contacts ("Ben" is the Ben just met), and a
        first name counts only when it is unique.
        """
        key = _clean_name(raw).casefold()
        if not key:
            return None
        for index in (self._met, self.known):
            if key in index.by_full:
                return index.by_full[key]
        if " " not in key:
            for index in (self._met, self.known):
                candidates = index.by_first.get(key)
                if candidates and len(candidates) == 1:
                    return candidates[0]
        return None

    def resolve(self, raw: str) -> str:
        """The known full name, else the longest known tail ("Afterwards Ben"), else raw."""
        found = self.lookup(raw)
        if found:
            return found
        words = _clean_name(raw).split()
        for index in range(1, len(words)):
            found = self.lookup(" ".join(words[index:]))
            if found:
                return found
        return " ".join(words)

    def pronoun(self, exclude: Iterable[str | None] = ()) -> str | None:
        """Who "she"/"they" means: the one person met not otherwise named, else unknown."""
        excluded = {e.casefold() for e in exclude if e}
        candidates = [p for p in self.met if p.casefold() not in excluded]
        return candidates[0] if len(candidates) == 1 else None


def _known_at(
    text: str, pos: int, hi: int, roster: _Roster, rules: LanguageRules
) -> tuple[str, int] | None:
    """A contact typed in lower case right after "met" ("met ana ruiz"), with its end."""
    index = roster.known
    if not index.by_full:
        return None
    i = _skip_hspace(text, pos, hi)
    words: list[re.Match[str]] = []
    while len(words) < 4:
        m = _WORD_RE.match(text, i, hi)
        if m is None:
            break
        words.append(m)
        following = _skip_hspace(text, m.end(), hi)
        if following == m.end():
            break
        i = following
    for count in range(len(words), 0, -1):
        key = _clean_name(" ".join(w.group() for w in words[:count])).casefold()
        if key in index.by_full:
            return index.by_full[key], words[count - 1].end()
        candidates = index.by_first.get(key)
        if count == 1 and candidates and len(candidates) == 1 and key not in rules.not_names:
            return candidates[0], words[0].end()
    return None


# ------------------------------------------------------------------------- sentences

_BOUNDARY_RE = re.compile(
    "[\u3002\uff01\uff1f\u061f\u0964]+"
    "|[.!?\u2026]+[\"'\u2019\u201d\u00bb)\\]]*(?=\\s|\\Z)"
    f"|[{_LINE_BREAKS}]+"
)
_TRIM = " \t" + _BIDI


def _split_sentences(text: str, rules: LanguageRules) -> list[tuple[int, int]]:
    """Sentence spans (trimmed, ending punctuation included); every line break ends one.

    "Dr. Ruiz" and "e.g. the deck" do not end a sentence, so a promise is not cut in two.
    """
    spans: list[tuple[int, int]] = []
    start = 0

    def add(lo: int, hi: int) -> None:
        while lo < hi and (text[lo].isspace() or text[lo] in _TRIM):
            lo += 1
        while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in _TRIM):
            hi -= 1
        if lo < hi:
            spans.append((lo, hi))

    for m in _BOUNDARY_RE.finditer(text):
        mark = m.group()
        if mark.rstrip("\"'\u2019\u201d\u00bb)]") == ".":
            j = m.start()
            while j > start and text[j - 1].isalpha():
                j -= 1
            word = text[j : m.start()]
            if len(word) == 1 or word.casefold() in rules.sentence_abbreviations:
                continue
        add(start, m.start() if mark[0] in _LINE_BREAKS else m.end())
        start = m.end()
    add(start, len(text))
    return spans


# --------------------------------------------------------------------- commitments


class _Opener(NamedTuple):
    """Where a promise starts: "I'll", "She'll", "Ben will", "Me:"."""

    start: int
    body_start: int
    owner: str  # "me" | "them"
    subject: str  # "me" | "pronoun" | "label" | "name"
    name_span: tuple[int, int] | None


@dataclass(slots=True)
class _Clause:
    """One promise's stretch of text, before and after its person is worked out."""

    opener: _Opener
    body_end: int
    span: tuple[int, int]
    negated: bool
    person: str | None = None


def _at_clause_start(text: str, s: int, pos: int, rules: LanguageRules) -> bool:
    """Whether ``pos`` starts a clause, so "whether she will come" is not her promise."""
    if pos <= s:
        return True
    before = text[max(s, pos - 40) : pos]
    if not before.strip(" \t" + _BIDI + "-*\u2022\u00b7>"):
        return True
    return rules.clause_boundary_before.search(before) is not None


def _trim_tail(text: str, lo: int, hi: int, rules: LanguageRules) -> int:
    """Drop ", and" / "; then" left between two promises of one sentence."""
    while hi > lo:
        ch = text[hi - 1]
        if ch.isspace() or ch in ",;:&\u2014\u2013-" or ch in _BIDI:
            hi -= 1
            continue
        m = rules.clause_tail_word.search(text, max(lo, hi - 12), hi)
        if m is None:
            break
        hi = m.start()
    return hi


def _find_clauses(text: str, s: int, e: int, rules: LanguageRules) -> list[_Clause]:
    """The promises of one sentence; several when it says "I'll ... and she'll ..."."""
    openers: list[_Opener] = []
    label = rules.me_label.match(text, s, e)
    if label is not None and label.end() > s:
        openers.append(_Opener(s, label.end(), "me", "me", None))
    else:
        label = rules.them_label.match(text, s, e)
        if label is not None and label.end() > s:
            openers.append(_Opener(s, label.end(), "them", "label", None))
    for m in rules.me_opener.finditer(text, s, e):
        openers.append(_Opener(m.start(), m.end(), "me", "me", None))
    for m in rules.pronoun_opener.finditer(text, s, e):
        if _at_clause_start(text, s, m.start(), rules):
            openers.append(_Opener(m.start(), m.end(), "them", "pronoun", None))
    for m in rules.named_opener_verb.finditer(text, s, e):
        span = _name_ending_at(text, s, m.start(), rules)
        if span is not None and _at_clause_start(text, s, span[0], rules):
            openers.append(_Opener(span[0], m.end(), "them", "name", span))
    openers.sort(key=lambda o: (o.start, -o.body_start))
    kept: list[_Opener] = []
    for opener in openers:
        if not kept or opener.start >= kept[-1].body_start:
            kept.append(opener)
    clauses: list[_Clause] = []
    for index, opener in enumerate(kept):
        last = index + 1 == len(kept)
        body_end = e if last else _trim_tail(text, opener.body_start, kept[index + 1].start, rules)
        body_end = max(body_end, opener.body_start)
        span = (s if index == 0 else opener.start, e if last else body_end)
        body = _skip_hspace(text, opener.body_start, e)
        negated = rules.negation.match(text, body, e) is not None
        clauses.append(_Clause(opener, body_end, span, negated))
    return clauses


# ------------------------------------------------------------------------ due dates


def _find_due(
    text: str, lo: int, hi: int, today: date, rules: LanguageRules
) -> tuple[int, int, date] | None:
    """The due phrase of a promise from the table: a deadline word ("by", "before") wins,
    then the earliest, then the longest phrase."""
    best: tuple[int, int, date] | None = None
    best_key: tuple[bool, int, int] | None = None
    for rule in rules.due_rules:
        for m in rule.pattern.finditer(text, lo, hi):
            try:
                day = rule.resolve(m, today, rules)
            except (ValueError, OverflowError, KeyError):
                day = None
            if day is None:
                continue
            key = (rules.deadline_prefix.match(m.group()) is None, m.start(), m.start() - m.end())
            if best_key is None or key < best_key:
                best, best_key = (m.start(), m.end(), day), key
    return best


@functools.lru_cache(maxsize=512)
def _dateparser_date(phrase: str, base: datetime, languages: tuple[str, ...]) -> date | None:
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


def _fallback_due(
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
            day = _dateparser_date(phrase, base, rules.dateparser_languages)
            if day is not None and abs((day - today).days) <= 3660:
                return m.start(), phrase_end, day
    return None


def _describe(text: str, lo: int, hi: int, due: tuple[int, int, date] | None) -> str:
    """The promise in the user's words, minus the due phrase and tags, tidily trimmed."""
    if due is not None and lo <= due[0] and due[1] <= hi:
        raw = text[lo : due[0]] + " " + text[due[1] : hi]
    else:
        raw = text[lo:hi]
    tidy = " ".join(_TAG_RE.sub(" ", raw).split())
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", tidy).strip(_DESCRIPTION_STRIP)


def _object_pronoun_at(text: str, lo: int, hi: int, rules: LanguageRules) -> int:
    """Offset of the first "her"/"him"/"them" in a promise, or -1."""
    for m in _WORD_RE.finditer(text, lo, hi):
        if rules.object_pronoun.fullmatch(m.group()):
            return m.start()
    return -1


def _clause_person(
    text: str, clause: _Clause, roster: _Roster, org: str, rules: LanguageRules
) -> str | None:
    """Who a promise is to (mine) or from (theirs), or None when the note does not say.

    Pronouns mean the single person met, not counting anyone named in the same clause:
    in "She'll intro me to Ben" after meeting Ana and Ben, "she" is Ana.
    """
    opener = clause.opener
    lo, hi = opener.body_start, clause.body_end
    spans = [
        (a, b)
        for a, b in _names_in(text, lo, hi, rules)
        if text[a:b].casefold() not in rules.months  # "by March 3" names nobody
    ]
    named = [roster.resolve(text[a:b]) for a, b in spans]
    others = {org.casefold()} if org else set()
    if opener.subject == "name" and opener.name_span is not None:
        subject = roster.resolve(text[opener.name_span[0] : opener.name_span[1]])
        if subject.casefold() not in others:
            return subject
        return roster.pronoun(named)
    if opener.owner == "them":
        return roster.pronoun(named)
    pronoun_at = _object_pronoun_at(text, lo, hi, rules)
    unknown_seen = False
    for (a, _b), name in zip(spans, named, strict=True):
        if 0 <= pronoun_at < a:
            break
        if roster.lookup(name) is not None:
            return name
        unknown_seen = unknown_seen or name.casefold() not in others
    if pronoun_at >= 0:
        return roster.pronoun(named)
    if not unknown_seen and len(roster.met) == 1:
        return roster.met[0]
    return None


def _build_commitment(
    text: str, clause: _Clause, now: datetime, rules: LanguageRules, budget: list[int]
) -> ParsedCommitment | None:
    """Turn a clause into a commitment; None when nothing is left to promise."""
    opener = clause.opener
    lo, hi = opener.body_start, clause.body_end
    today = now.date()
    before = (clause.span[0], opener.start) if clause.span[0] < opener.start else None
    due = _find_due(text, lo, hi, today, rules)
    if due is None and before is not None:
        due = _find_due(text, before[0], before[1], today, rules)
    if due is None:
        due = _fallback_due(text, lo, hi, now, rules, budget)
    description = _describe(text, lo, hi, due)
    if not description:
        return None
    return ParsedCommitment(
        owner=opener.owner,
        description=description,
        person_name=clause.person,
        due=due[2] if due else None,
        due_text=text[due[0] : due[1]] if due else "",
        span=clause.span,
    )


# ------------------------------------------------------------- who, where, which org


def _scan_phrase(text: str, pos: int, hi: int, rules: LanguageRules, *, org: bool) -> str:
    """An organization ("Acme", "Procter & Gamble") or place ("PyCon 2026", "the Berlin
    meetup" -> "Berlin meetup") starting at ``pos``; "" if the words do not look like one."""
    i = _skip_hspace(text, pos, hi)
    lenient = False
    if not org:
        article = rules.article.match(text, i, hi)
        if article is not None:
            lenient, i = True, article.end()
    start = end = -1
    words = 0
    while words < _MAX_PHRASE_WORDS:
        m = _PHRASE_TOKEN_RE.match(text, i, hi)
        if m is None:
            break
        token = m.group().rstrip(".")
        stop = len(token) != len(m.group())
        token, closes = _split_contraction(token, rules)
        stop = stop or closes
        folded = token.casefold()
        if not token or folded in rules.phrase_stop_words:
            break
        first = token[0]
        if (
            first.isupper()
            or _is_caseless(first)
            or (first.isdigit() and (start >= 0 or org))
            or (lenient and first.isalnum())
        ):
            start = m.start() if start < 0 else start
            end = m.start() + len(token)
            words += 1
        elif not (start >= 0 and folded in rules.phrase_connectors):
            break
        if stop:
            break
        following = _skip_hspace(text, m.end(), hi)
        if following == m.end():
            break
        i = following
    return _clean_name(text[start:end]) if start >= 0 else ""


def _word_before(text: str, lo: int, pos: int) -> str:
    """The word just before ``pos`` ("CTO" in "CTO at Acme")."""
    j = pos
    while j > lo and text[j - 1].isspace():
        j -= 1
    k = j
    while k > lo and (text[k - 1].isalnum() or text[k - 1] == "-"):
        k -= 1
    return text[k:j]


def _org_and_place(
    text: str, lo: int, hi: int, paren: str, rules: LanguageRules
) -> tuple[str, str]:
    """Organization and place from the rest of a "Met ..." sentence.

    "(Acme)", "from Acme", "of Acme", "works at Acme" and "CTO at Acme" name the
    organization; "at X" names the place, and of two "at"s the first is the organization
    ("Met Ana at Acme at PyCon"); "in Berlin" is the place only when no "at" gives one.
    """
    org = paren
    leads: list[tuple[int, int]] = []  # "works at Acme": that "at" is not a place
    for m in rules.org_lead.finditer(text, lo, hi):
        leads.append(m.span())
        org = org or _scan_phrase(text, m.end(), hi, rules, org=True)
    ats: list[str] = []
    for m in rules.at_lead.finditer(text, lo, hi):
        if any(a <= m.start() < b for a, b in leads):
            continue
        word = _word_before(text, lo, m.start())
        if word.casefold() in rules.roles or (2 <= len(word) <= 4 and word.isupper()):
            found = _scan_phrase(text, m.end(), hi, rules, org=True)
            org = org or found
            continue
        found = _scan_phrase(text, m.end(), hi, rules, org=False)
        if found:
            ats.append(found)
    if not org and len(ats) >= 2:
        org = ats.pop(0)
    if ats:
        return org, ats[0]
    for m in rules.in_lead.finditer(text, lo, hi):
        found = _scan_phrase(text, m.end(), hi, rules, org=False)
        if found:
            return org, found
    return org, ""


def _find_met(
    text: str,
    sentences: list[tuple[int, int]],
    clauses: list[_Clause],
    roster: _Roster,
    rules: LanguageRules,
) -> tuple[str, str]:
    """Fill ``roster.met`` from "Met Ana Ruiz and Ben Ode ..." and return (org, place).

    A "met" inside a promise ("I'll set up a meeting with Carl") is not a meeting.
    """
    bodies = [(c.opener.body_start, c.body_end) for c in clauses]
    org = place = ""
    for s, e in sentences:
        for m in rules.met_trigger.finditer(text, s, e):
            if any(a <= m.start() < b for a, b in bodies):
                continue
            pos, paren = m.end(), ""
            while True:
                span = _scan_name(text, pos, e, rules, caseless=True)
                if span is not None:
                    roster.add_met(roster.resolve(text[span[0] : span[1]]))
                    pos = span[1]
                else:
                    known = _known_at(text, pos, e, roster, rules)
                    if known is None:
                        break
                    roster.add_met(known[0])
                    pos = known[1]
                inside = rules.paren_org.match(text, pos, e)
                if inside is not None:
                    content = inside.group(1).strip()
                    if not paren and (content[:1].isupper() or content[:1].isdigit()):
                        paren = _clean_name(content)
                    pos = inside.end()
                separator = rules.list_separator.match(text, pos, e)
                if separator is None:
                    break
                pos = separator.end()
            if org and place:
                continue
            region_end = e
            cut = rules.met_region_end.search(text, pos, e)
            if cut is not None:
                region_end = cut.start()
            for clause in clauses:
                if m.start() < clause.opener.start < region_end:
                    region_end = clause.opener.start
            found_org, found_place = _org_and_place(text, m.end(), region_end, paren, rules)
            org, place = org or found_org, place or found_place
    return org, place


# -------------------------------------------------------------------- introductions


class _Who(NamedTuple):
    """A party to an introduction as written: a name, a pronoun, "me", or unknown."""

    kind: str  # "me" | "person" | "pronoun" | "unknown"
    name: str | None
    modal: bool  # "will"/"can"/"offered to" seen: a plan, not a done introduction


def _parse_target(
    text: str, pos: int, hi: int, rules: LanguageRules
) -> tuple[str, str, int] | None:
    """("name"|"pronoun", words, end) for "Ben Ode", "her colleague Ben" or "him"."""
    i = _skip_hspace(text, pos, hi)
    span = _scan_name(text, i, hi, rules)
    if span is not None:
        return "name", text[span[0] : span[1]], span[1]
    determiner = rules.target_determiner.match(text, i, hi)
    if determiner is not None:
        j = determiner.end()
        for _ in range(3):
            span = _scan_name(text, j, hi, rules)
            if span is not None:
                return "name", text[span[0] : span[1]], span[1]
            word = rules.lowercase_word.match(text, j, hi)
            if word is None or word.group().strip().casefold() in rules.phrase_stop_words:
                break
            j = word.end()
    pronoun = rules.object_pronoun.match(text, i, hi)
    if pronoun is not None:
        return "pronoun", pronoun.group(), pronoun.end()
    return None


def _containing(clauses: list[_Clause], pos: int) -> _Clause | None:
    """The promise whose text holds ``pos``."""
    for clause in clauses:
        if clause.opener.start <= pos < clause.body_end:
            return clause
    return None


def _intro_subject(
    text: str, s: int, verb: int, clause: _Clause | None, roster: _Roster, rules: LanguageRules
) -> _Who:
    """Who does the introducing: "asked Ana to", the promise's owner, or the subject."""
    lo = max(s, verb - 80)
    ask = rules.intro_ask.search(text, lo, verb)
    if ask is not None:
        words = ask.group("x").strip()
        if words.casefold() in rules.subject_pronouns or rules.object_pronoun.fullmatch(words):
            return _Who("pronoun", None, True)
        span = _scan_name(text, ask.start("x"), ask.end("x"), rules)
        if span is not None:
            return _Who("person", roster.resolve(text[span[0] : span[1]]), True)
    if clause is not None:
        if clause.opener.owner == "me":
            return _Who("me", None, True)
        if clause.person:
            return _Who("person", clause.person, True)
        return _Who("pronoun", None, True)
    modal = False
    follow = verb
    for tok in reversed(list(_WORD_RE.finditer(text, lo, verb))):
        if _skip_hspace(text, tok.end(), follow) != follow:
            break
        base, closes = _split_contraction(tok.group(), rules)
        folded = base.casefold()
        suffix = tok.group()[len(base) + 1 :].casefold()
        modal = modal or (closes and suffix in rules.modal_words)
        if folded in rules.first_person:
            return _Who("me", None, modal)
        if folded in rules.subject_pronouns:
            return _Who("pronoun", None, modal)
        if not closes and folded in rules.subject_skip_words:
            modal = modal or folded in rules.modal_words
            follow = tok.start()
            continue
        span = _name_ending_at(text, lo, tok.start() + len(base), rules)
        if span is not None:
            return _Who("person", roster.resolve(text[span[0] : span[1]]), modal)
        break
    return _Who("unknown", None, modal)


def _is_done(verb: str, who: _Who, clause: _Clause | None, rules: LanguageRules) -> bool:
    """ "introduced me to" is done; "will introduce", "can put me in touch" are plans."""
    folded = verb.casefold()
    if who.modal or folded not in rules.past_intro_verbs:
        return False
    return folded != "put" or clause is None


def _find_intros(
    text: str,
    sentences: list[tuple[int, int]],
    clauses: list[_Clause],
    roster: _Roster,
    rules: LanguageRules,
) -> list[ParsedIntroduction]:
    """Every introduction in the note, done or promised, deduplicated."""
    found: dict[tuple[str | None, str, str | None, bool], ParsedIntroduction] = {}

    def add(
        introducer: str | None,
        person: str | None,
        to: str | None,
        done: bool,
        pos: int,
        sentence: tuple[int, int],
    ) -> None:
        if not person or person in (introducer, to) or introducer == to:
            return  # introducer None and to None would be "me to me"
        clause = _containing(clauses, pos)
        span = clause.span if clause is not None else sentence
        found.setdefault(
            (introducer, person, to, done), ParsedIntroduction(introducer, person, to, done, span)
        )

    def named(target: tuple[str, str, int] | None) -> str | None:
        return roster.resolve(target[1]) if target and target[0] == "name" else None

    for s, e in sentences:
        sentence = (s, e)
        for m in rules.intro_me.finditer(text, s, e):  # "Ana introduced me to Ben"
            target = _parse_target(text, m.end(), e, rules)
            clause = _containing(clauses, m.start())
            who = _intro_subject(text, s, m.start(), clause, roster, rules)
            if target is None or who.kind == "me":
                continue
            person = named(target)
            introducer = who.name if who.kind == "person" else roster.pronoun([person])
            if target[0] == "pronoun":
                person = roster.pronoun([introducer])
            add(
                introducer,
                person,
                None,
                _is_done(m.group("verb"), who, clause, rules),
                m.start(),
                sentence,
            )
        for m in rules.intro_other.finditer(text, s, e):  # "I'll introduce her to Carl"
            subject = _parse_target(text, m.end(), e, rules)
            joiner = rules.intro_joiner.match(text, subject[2], e) if subject else None
            if subject is None or joiner is None:
                continue
            if m.group("verb").casefold().startswith("put") and "touch" not in joiner.group():
                continue
            target = _parse_target(text, joiner.end(), e, rules)
            to_me = target is None and rules.me_word.match(text, joiner.end(), e) is not None
            if target is None and not to_me:
                continue
            clause = _containing(clauses, m.start())
            who = _intro_subject(text, s, m.start(), clause, roster, rules)
            person, to = named(subject), named(target)
            introducer = who.name if who.kind == "person" else None
            if who.kind == "pronoun":
                introducer = roster.pronoun([person, to])
                if introducer is None:
                    continue
            if to_me and introducer is None:
                continue  # "introduced her to me" needs someone else as the introducer
            if subject[0] == "pronoun":
                person = roster.pronoun([to, introducer])
            if target is not None and target[0] == "pronoun":
                to = roster.pronoun([person, introducer])
                if to is None:
                    continue  # an unknown "him" must not turn into "to me"
            add(
                introducer,
                person,
                to,
                _is_done(m.group("verb"), who, clause, rules),
                m.start(),
                sentence,
            )
        for m in rules.intro_passive.finditer(text, s, e):  # "was introduced to Ben by Ana"
            target = _parse_target(text, m.end(), e, rules)
            if target is None:
                continue
            by = rules.intro_by.match(text, target[2], e)
            giver = _parse_target(text, by.end(), e, rules) if by else None
            person = named(target)
            introducer = named(giver) or roster.pronoun([person])
            if target[0] == "pronoun":
                person = roster.pronoun([introducer])
            done = m.group("aux").casefold() not in ("get", "getting", "being")
            add(introducer, person, None, done, m.start(), sentence)
        for m in rules.intro_bare.finditer(text, s, e):  # "intro to Ben Ode"
            target = _parse_target(text, m.end(), e, rules)
            if target is None or target[0] != "name":
                continue
            person = named(target)
            clause = _containing(clauses, m.start())
            if clause is not None and clause.opener.owner == "me":
                add(None, clause.person, person, False, m.start(), sentence)
            elif clause is not None:
                add(clause.person, person, None, False, m.start(), sentence)
            else:
                add(roster.pronoun([person]), person, None, False, m.start(), sentence)
    return list(found.values())


# ----------------------------------------------------------------------- the entry


def _tags(text: str) -> tuple[str, ...]:
    """#tags, lower-cased, deduplicated, in order; "#1" or "C#" are not tags."""
    seen: dict[str, None] = {}
    for m in _TAG_RE.finditer(text):
        tag = unicodedata.normalize("NFC", m.group(1)).strip("-_").lower()
        if any(ch.isalpha() for ch in tag):
            seen.setdefault(tag, None)
    return tuple(seen)


def _parse(
    text: str, now: datetime, known_names: Sequence[str], rules: LanguageRules
) -> CaptureParse:
    """The parser proper; :func:`parse_capture` only adds the never-raise guard."""
    tags = _tags(text)
    roster = _Roster(_known_index(tuple(known_names)))
    sentences = _split_sentences(text, rules)
    clauses = [c for s, e in sentences for c in _find_clauses(text, s, e, rules)]
    org, place = _find_met(text, sentences, clauses, roster, rules)
    budget = [6]
    commitments: list[ParsedCommitment] = []
    for clause in clauses:
        clause.person = _clause_person(text, clause, roster, org, rules)
        if not clause.negated:
            commitment = _build_commitment(text, clause, now, rules, budget)
            if commitment is not None:
                commitments.append(commitment)
    introductions = _find_intros(text, sentences, clauses, roster, rules)
    return CaptureParse(
        people=tuple(roster.met),
        organization=org,
        place=place,
        commitments=tuple(commitments),
        introductions=tuple(introductions),
        tags=tags,
        notes=text,
    )


def parse_capture(
    text: str,
    *,
    now: datetime,
    known_names: Sequence[str] = (),
    language: str = "en",
) -> CaptureParse:
    """Read a capture note and propose people, organization, place, promises, intros, tags.

    ``now`` anchors relative dates ("by Friday"); ``known_names`` are the user's contacts,
    so "Ben" becomes "Ben Ode" when he is the only Ben (exact and first-name matches only;
    fuzzy matching happens in the services). Names come back in composed Unicode (NFC).

    Never raises: this runs on every keystroke of the capture window, and a parser bug must
    cost the user a preview, not their note. ``notes`` is always ``text`` unchanged.
    """
    try:
        return _parse(text, now, known_names, rules_for(language))
    except Exception:  # the preview degrades to plain notes instead of crashing
        log.exception("capture parser failed; keeping the note as plain notes")
        return CaptureParse((), "", "", (), (), (), text)
