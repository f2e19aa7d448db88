"""Who was met ("Met Ana Ruiz and Ben Ode ..."), at which organization, and where."""

from __future__ import annotations

from desktop.domain.capture.names import _known_at, _Roster, _scan_name, _split_contraction
from desktop.domain.capture.promises import _Clause
from desktop.domain.capture.rules import LanguageRules
from desktop.domain.capture.text import (
    _MAX_PHRASE_WORDS,
    _PHRASE_TOKEN_RE,
    _clean_name,
    _is_caseless,
    _skip_hspace,
)


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
