"""Reading a note clause by clause: who was there, who promised what to whom, and when.

Notes are written in a hurry ("lunch w/ lina haas (adyen); promised to send her our
pricing sheet by fri, she'll intro me to marc"), so the reader works on *clauses*, not
sentences: a note is cut at sentence ends, semicolons, dashes, bullets and line breaks,
and at a comma or "and"/"but" when what follows starts a new clause ("..., she'll ...").
Each clause then gets:

* an **actor**: an explicit subject ("Lars will", "she'll"), the writer when the subject
  is left out ("promised to ...", "need to ...", "gonna ..."), the writer when someone
  asked the writer ("she asked me to ..."), the other person for offers, debts and waits
  ("she offered to ...", "still owes me ...", "waiting on Ana for ...");
* a **person**: for the writer's promise, the first person the promise names ("send Omar
  the link") or refers to ("send her ..."); pronouns resolve by recency — the person met
  who was mentioned last before them — and "they" to the first of the last group named;
* a **due date** found inside that clause only, never a neighbouring one.

Who was met comes from meeting phrases ("lunch with", "ran into", "sat beside", "X and
I", "X reminded me", "Attendees:"), from people who act in the note ("Ola promised
to ..."), and from in-person introductions. Names may be typed in lower case after a
meeting phrase; ``nameparser`` (imported on first use, it is not needed for the first
paint of the capture window) drops titles and quoted nicknames and capitalises them.

English only for now: the word lists and patterns live in ``lexicon``.

The passes live in one module each, all methods of one reader that remembers the people
met and their mentions (``reader_base``): ``clauses`` (cutting), ``names`` (finding a name
in text), ``people`` (who was met), ``places`` (place and organizations), ``intros``
(introductions), ``actors`` (who acts in each clause) and ``promises`` (who each promise is
with, its due date and words). This module puts them together in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from desktop.domain.capture.actors import _ActorFinder
from desktop.domain.capture.clauses import _ClauseCutter
from desktop.domain.capture.lexicon import _NOT_A_PERSON
from desktop.domain.capture.names import tidy_name
from desktop.domain.capture.places import _PlaceFinder
from desktop.domain.capture.promise_finder import Accept, find_promises
from desktop.domain.capture.promises import _PromiseReader
from desktop.domain.capture.reader_base import Reading
from desktop.domain.capture.results import ParsedCommitment, ParsedIntroduction
from desktop.domain.capture.rules import LanguageRules


class _Reader(_ClauseCutter, _PlaceFinder, _ActorFinder, _PromiseReader):
    """All the passes of :func:`read_note` over one note."""


def read_note(
    text: str,
    now: datetime,
    known: list[str],
    sentences: list[tuple[int, int]],
    rules: LanguageRules,
    seeded: Sequence[tuple[int, str]] = (),
    accept: Accept | None = None,
) -> Reading:
    """Read ``text`` (already cut into ``sentences``) clause by clause.

    ``seeded`` are people met that the rules passed over, (position, name), found by the
    learned scorer after a first reading: the second reading counts them met from the
    start, so a promise's "him", the one person met, or an organization reach them too.
    They come after the rules' own people. ``accept`` decides instead of the learned
    promise finder which of its readings to take (its trainer takes them all)."""
    reader = _Reader(text, now, known, rules)
    clauses = reader.clauses(sentences)
    reader.find_people(sentences, clauses)
    for pos, name in seeded:
        _seed(reader, sentences, pos, name)
    reader.find_intros(sentences)
    reader.find_actor_people(clauses)
    reader.only_name_written(sentences)
    reader.merge_first_names()
    reader.find_actors(clauses)
    if rules.learned_promises or accept is not None:
        find_promises(reader, clauses, accept)
    reader.find_place(sentences, clauses)
    reader.learn_gender(clauses)
    reader.assign_people(clauses)
    reader.bare_intros()
    commitments = [_in_full(c, reader.people) for c in reader.commitments(clauses)]
    _not_met_if_only_introduced(reader, {c.person_name for c in commitments})
    reader.find_orgs(clauses)
    intros: list[ParsedIntroduction] = []
    for intro in reader.intros:
        if any(_NOT_A_PERSON.search(n or "") for n in (intro.person, intro.to)):
            continue  # "an intro to our logistics team": a team is no one to introduce
        if all(
            (i.introducer, i.person, i.to, i.done)
            != (intro.introducer, intro.person, intro.to, intro.done)
            for i in intros
        ):
            intros.append(intro)
    others = list(dict.fromkeys(name for _pos, name in reader.others))
    if seeded:  # the rules' people first, in their order, then the scorer's
        late = {name.casefold() for _pos, name in seeded}
        reader.people.sort(key=lambda p: p.casefold() in late)
    return Reading(
        reader.people, reader.orgs, reader.place, commitments, intros, others, reader.rejected
    )


def _seed(reader: _Reader, sentences: list[tuple[int, int]], pos: int, name: str) -> None:
    """Count ``name`` (written at ``pos``) met, with a mention wherever it is written."""

    def sentence_of(at: int) -> int:
        return next((k for k, (s, e) in enumerate(sentences) if s <= at < e), 0)

    name = reader.add_person(name, pos, sentence_of(pos))
    reader.seeded.add(name)
    words = [re.escape(w) for w in name.split()[:1] + name.split()[-1:]]
    for m in re.finditer(rf"\b(?:{'|'.join(words)})\b", reader.text, re.I):
        if m.start() != pos:
            reader.mention(name, m.start(), sentence_of(m.start()))


def _not_met_if_only_introduced(reader: _Reader, owed: set[str | None]) -> None:
    """Someone the note names only as whom another will introduce the writer to ("he'll
    introduce me to their distributor, Aroha Ngata, next month") was not met: every
    mention of them lies inside such a planned introduction, and no promise is theirs."""
    planned = [i for i in reader.intros if not i.done]
    for name in list(reader.people):
        spans = [i.span for i in planned if name in (i.person, i.to)]
        if not spans or name in owed:
            continue
        at = [pos for pos, who, _s in reader.mentions if who == name]
        if at and all(any(lo <= pos < hi for lo, hi in spans) for pos in at):
            reader.people.remove(name)
            reader.mentions = [m for m in reader.mentions if m[1] != name]
            reader.orgs.pop(name, None)


def _in_full(promise: ParsedCommitment, people: list[str]) -> ParsedCommitment:
    """A promise's person written shorter than someone met ("Aigerim Nurlanovna" for
    Aigerim Nurlanovna Bekova, "Okafor" for Emeka Okafor) is that person, when only one
    person met has those words at the start or the end of their name."""
    name = promise.person_name
    if not name or name in people:
        return promise
    words = name.casefold().split()
    fuller = [
        p
        for p in people
        if len(p.split()) > len(words)
        and (
            p.casefold().split()[: len(words)] == words
            or p.casefold().split()[-len(words) :] == words
        )
    ]
    if len(fuller) != 1:
        return promise
    return replace(promise, person_name=fuller[0])


__all__ = ["Reading", "read_note", "tidy_name"]
