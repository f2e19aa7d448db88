"""Turn a note typed right after meeting someone into what Rapport proposes to save.

The capture window calls :func:`parse_capture` on every (debounced) keystroke and shows
the result as a live preview: who was met, at which organization and where, what each
side promised and by when, which introductions are in the air, and the tags. The user
corrects the preview, so the parser prefers saying nothing over guessing wildly, and it
always reports the exact phrase behind a date ("by Friday" -> Fri 27 Nov) so a wrong guess
is visible and fixable.

Rules of the road, and why:

* Split by responsibility: this module is the entry (sentences, tags, the algorithm's
  order); the parts live beside it in :mod:`desktop.domain.capture`: ``results`` (what
  the parser returns), ``text`` (characters and words), ``rules`` (per-language phrase
  tables), ``names`` (finding names and who they are), ``promises`` (commitment
  clauses), ``meeting`` (who was met, organization and place), ``intros``
  (introductions) and ``due_dates`` (the due-date table); ``who_scorer`` is a learned
  second opinion on who was there, which adds the names the rules passed over when its
  weights (trained on the annotated corpus, shipped in the package) are confident. The
  public names below are all importable from here. The package also plans what a capture
  saves: ``plan``
  (parse + name look-ups + the user's corrections -> a ``CapturePlan``), ``planned``
  (its vocabulary), ``corrections`` (what the user changed in the preview), ``when``
  (reading "yesterday evening"). Its ``__init__`` stays empty so importing one part
  does not import them all (capture's start-up speed).
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
* "she"/"they"/"her" is the person mentioned last who is not named in the same clause
  and agrees with the pronoun: what the note says ("Mr.", "his startup") wins, then a
  first name that is one gender nearly everywhere (``first_names``) breaks ties recency
  cannot; with Ana and Ben met, "She'll intro me to Ben" is Ana's promise. A promise of
  mine that names nobody goes to the person met, if only one was.
* An introduction needs a known introducer: "intro to Ben" after meeting only Ana means Ana
  will introduce the user to Ben; with nobody (or several) met it is left out, because
  ``introducer=None`` already means "me".
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from desktop.domain.capture.fillers import blank_fillers
from desktop.domain.capture.first_names import is_first_name
from desktop.domain.capture.nicknames import formal_names
from desktop.domain.capture.promise_finder import Accept, Model
from desktop.domain.capture.promise_person import resolve as resolve_people
from desktop.domain.capture.reader import Reading, read_note
from desktop.domain.capture.results import CaptureParse, ParsedCommitment, ParsedIntroduction
from desktop.domain.capture.rules import (
    LANGUAGES,
    EnglishRules,
    LanguageRules,
    abbreviation_before,
    rules_for,
)
from desktop.domain.capture.text import _BIDI, _LINE_BREAKS, _TAG_RE, _clean_name
from desktop.domain.capture.who_scorer import RulesView, everyday_words, more_people, view_of

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


# ------------------------------------------------------------------------- sentences

# "… — this Friday 2. I send …": the next item's number, after the item before it
_INLINE_NUMBER = re.compile(r"(?<=[^\W\d_]|:)[ \t]+\d{1,2}\Z")
_BOUNDARY_RE = re.compile(
    "[\u3002\uff01\uff1f\u061f\u0964]+"
    "|[.!?\u2026]+[\"'\u2019\u201d\u00bb)\\]]*(?=\\s|\\Z)"
    "|(?<=\\s)(?=\\(\\d{1,2}\\)\\s)"  # "(2) A grad student from Mila, ...": an enumerator
    f"|[{_LINE_BREAKS}]+"
)
_TRIM = " \t" + _BIDI
_ENUMERATOR_RE = re.compile(r"\(?\d{1,2}\)[ \t]+")


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
        number = _ENUMERATOR_RE.match(text, lo, hi)
        if number:  # "(1) Dr. Amira Haddad stopped by": the number is no part of it
            lo = number.end()
        if lo < hi:
            spans.append((lo, hi))

    for m in _BOUNDARY_RE.finditer(text):
        mark = m.group()
        number = _INLINE_NUMBER.search(text, start, m.start()) if mark == "." else None
        if (
            number is not None
            and start < number.start()
            and (
                re.search(rf"(?:^|\s){int(number.group()) - 1}\.\s", text[: number.start()])
                or (int(number.group()) == 1 and text[: number.start()].endswith(":"))
            )
        ):
            # "Action items: 1. Floor to send … — this Friday 2. I send Bram …": each
            # number opens an item, so the sentence ends before it, not after
            add(start, number.start())
            start = m.end()
            continue
        if mark.rstrip("\"'\u2019\u201d\u00bb)]") == ".":
            j = m.start()
            while j > start and text[j - 1].isalpha():
                j -= 1
            word = text[j : m.start()]
            month = word.casefold() in rules.months and not re.match(r"\s*\d", text[m.end() :])
            initial = len(word) == 1 and text[j - 1 : j] not in ("'", "\u2019")  # not "Marco's."
            if initial or (abbreviation_before(rules, word, text[m.end() :]) and not month):
                continue  # "Dr. Ruiz", "Jan. 5"; but "... carla & jun. mike will ..." ends one
        add(start, m.start() if mark[:1] in _LINE_BREAKS and mark else m.end())
        start = m.end()
    add(start, len(text))
    return spans


# ----------------------------------------------------------------------- the entry


def _tags(text: str) -> tuple[str, ...]:
    """#tags, lower-cased, deduplicated, in order; "#1" or "C#" are not tags."""
    seen: dict[str, None] = {}
    for m in _TAG_RE.finditer(text):
        tag = unicodedata.normalize("NFC", m.group(1)).strip("-_").lower()
        if any(ch.isalpha() for ch in tag):
            seen.setdefault(tag, None)
    return tuple(seen)


@functools.lru_cache(maxsize=8)
def _known(names: tuple[object, ...]) -> list[str]:
    """Contacts' names cleaned once per contact list, not on every keystroke."""
    return [c for c in (_clean_name(n) for n in names if isinstance(n, str)) if c]


def read_by_rules(
    text: str,
    now: datetime,
    known: list[str],
    rules: LanguageRules,
    seeded: Sequence[tuple[int, str]] = (),
    accept: Accept | None = None,
) -> Reading:
    """What the hand-written rules read; the learned scorer adds to it (and trains on it).
    ``seeded``: people met the scorer found, (position, name), read as met from the start;
    ``accept``: which readings of the learned promise finder to take (its trainer's)."""
    spoken = blank_fillers(text)  # same length: the spans still point into ``text``
    return read_note(spoken, now, known, _split_sentences(spoken, rules), rules, seeded, accept)


def rules_view(reading: Reading, known: Sequence[str]) -> RulesView:
    """The rules' reading as the learned scorer's features see it."""
    return view_of(
        reading.people,
        reading.organizations.values(),
        reading.place,
        (c.person_name for c in reading.commitments),
        (n for i in reading.introductions for n in (i.introducer, i.person, i.to)),
        known,
        reading.others,
        reading.rejected,
    )


def _with_learned_people(
    text: str,
    now: datetime,
    known: list[str],
    rules: LanguageRules,
    reading: Reading,
    accept: Accept | None = None,
) -> Reading:
    """The rules' reading with the learned scorer's second opinion on who was there: the
    people it adds are read as met in a second reading ("send him …" may mean one of
    them), and a name of everyday words only ("Plumber came round") is no one."""
    view = rules_view(reading, known)
    extra = more_people(text, view)
    if extra:
        first = reading.people
        reading = read_by_rules(text, now, known, rules, extra, accept)
        # nobody the first reading met is lost ("her husband Taro Sato" once Yuko is met):
        # the first reading's people, then whoever the second one adds
        folded = {p.casefold() for p in first}
        reading.people = [*first, *(p for p in reading.people if p.casefold() not in folded)]
        # "Kasia" read first, "Katarzyna Wójcik" added: one person, by her full name
        reading.people = [
            p
            for p in reading.people
            if " " in p
            or not any(q.split()[0].casefold() in formal_names(p) for q in reading.people)
        ]
    reading.people = [p for p in reading.people if not everyday_words(p, view)]
    return reading


def _one_name_per_person(reading: Reading, text: str) -> Reading:
    """One person read as two names is one: a titled family name then the given name
    ("ran into old Mr Papadopoulos, Giorgos, …", "Mrs Adeyemi (Tolu's mum, Funmilayo)",
    "Dr. Okafor (Ngozi)") is "Giorgos Papadopoulos"; a family name alone beside the one
    full name it ends is that person. Whatever the note gave either name (a promise, an
    introduction, a firm) goes to the one left."""
    singles = [p for p in reading.people if " " not in p]
    for family in singles:
        titled = re.search(rf"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr)\.?[ \t]+{re.escape(family)}\b", text)
        if titled is None:
            continue
        after = text[titled.end() : titled.end() + 45]
        bracket = re.match(r"[ \t]*\((?P<given>[A-Z][\w'\-]+)\)", after)
        if bracket and is_first_name(bracket["given"]) and bracket["given"] not in singles:
            # "Saw Dr. Oyelaran-Smith (Funmilayo)": the given name in brackets, read alone
            full = f"{bracket['given']} {family}"
            reading.people = [full if p == family else p for p in reading.people]
            if reading.organizations.get(family) == bracket["given"]:
                del reading.organizations[family]  # the bracket was her name, not her firm
            return _one_name_per_person(_renamed(reading, {family: full}), text)
        for given in singles:
            if (
                given != family
                and is_first_name(given)
                and re.match(
                    rf"[^.;\n]{{0,30}}?(?:,|\()[^.;\n]{{0,30}}?\b{re.escape(given)}\b", after
                )
            ):
                full = f"{given} {family}"
                reading.people = [full if p == family else p for p in reading.people if p != given]
                return _one_name_per_person(_renamed(reading, {family: full, given: full}), text)
    by_family: dict[str, list[str]] = {}
    for name in reading.people:
        if " " in name:
            by_family.setdefault(name.split()[-1].casefold(), []).append(name)
    same = {
        name: by_family[name.casefold()][0]
        for name in reading.people
        if " " not in name and len(by_family.get(name.casefold(), ())) == 1
    }
    if not same:
        return reading
    reading.people = [p for p in reading.people if p not in same]
    return _renamed(reading, same)


def _renamed(reading: Reading, same: dict[str, str]) -> Reading:
    """The reading with each name of ``same`` written as the name it maps to."""
    reading.commitments = [
        dataclasses.replace(c, person_name=same[c.person_name]) if c.person_name in same else c
        for c in reading.commitments
    ]
    reading.introductions = [
        dataclasses.replace(
            i,
            introducer=same.get(i.introducer or "", i.introducer),
            person=same.get(i.person, i.person),
            to=same.get(i.to or "", i.to),
        )
        for i in reading.introductions
    ]
    for short, full in same.items():
        org = reading.organizations.pop(short, "")
        if org:
            reading.organizations.setdefault(full, org)
    return reading


def _parse(
    text: str,
    now: datetime,
    known_names: Sequence[str],
    rules: LanguageRules,
    accept: Accept | None = None,
    person_model: Model | None = None,
) -> CaptureParse:
    """The parser proper; :func:`parse_capture` only adds the never-raise guard.
    ``accept``: which readings of the learned promise finder to take (its trainer's);
    ``person_model``: the weights of the learned resolver of whom a promise is with (its
    trainer's; the shipped ones by default)."""
    known = _known(tuple(known_names))
    reading = read_by_rules(text, now, known, rules, accept=accept)
    if rules.learned_people:
        reading = _with_learned_people(text, now, known, rules, reading, accept)
    reading = _one_name_per_person(reading, text)
    people = tuple(_clean_name(p) for p in reading.people)
    orgs = {_clean_name(p): o for p, o in reading.organizations.items()}
    commitments = reading.commitments
    if rules.learned_person and commitments:
        commitments = resolve_people(
            text, people, commitments, reading.introductions, known, person_model, orgs.values()
        )
    return CaptureParse(
        people=people,
        organization=next((orgs[p] for p in people if p in orgs), ""),
        place=reading.place,
        commitments=tuple(commitments),
        introductions=tuple(reading.introductions),
        tags=_tags(text),
        notes=text,
        organizations=orgs,
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
