"""Promises: the clauses that open one ("I'll", "She'll", "Ben will", "Me:") and
what each becomes (owner, description, person, due date)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from desktop.domain.capture.due_dates import fallback_due, find_due
from desktop.domain.capture.names import _name_ending_at, _names_in, _Roster
from desktop.domain.capture.results import ParsedCommitment
from desktop.domain.capture.rules import LanguageRules
from desktop.domain.capture.text import (
    _BIDI,
    _DESCRIPTION_STRIP,
    _SPACE_BEFORE_PUNCT_RE,
    _TAG_RE,
    _WORD_RE,
    _skip_hspace,
)


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
    due = find_due(text, lo, hi, today, rules)
    if due is None and before is not None:
        due = find_due(text, before[0], before[1], today, rules)
    if due is None:
        due = fallback_due(text, lo, hi, now, rules, budget)
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
