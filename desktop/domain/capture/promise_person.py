"""A learned second opinion on whom each promise is with, among the people of the note.

The rules (``promises``) decide whom a promise is with by walking the note: the person a
clause names, else the one "her"/"him" points back to, else the one met. Seventeen rounds
of them read the notes they were written from almost perfectly and new writers' notes far
less well (the person of a promise was the weakest part of the blind notes of round 17):
each rule is one phrasing, and whom "send her the deck" means depends on the whole note.
This module looks at every person the reading found (met, named in a promise or an
introduction, a contact the note names) and every name-like span it took for no one (with
the who-scorer's opinion of it) as a candidate for each promise, describes the pair by
where the candidate is mentioned relative to the promise (inside its words, in its
sentence, how many people were mentioned since), whether a pronoun of the promise agrees
with the candidate's gender, whether the candidate was met, and whether the rules chose
them; a logistic model scores each candidate. The rules' choice is replaced only when the
model prefers another candidate by the margin its trainer chose on notes it never trained
on.

It is trained (``tests/benchmarks/train_promise_person.py``) on how each set of the
annotated corpus was read by the parser of the day before the set arrived: today's rules
were tuned on those notes and hardly err on them, so only those readings show the model
when the rules' choice is wrong. The names the reading took for no one matter most: in
cross-validation over those readings, without them as candidates the model corrects a
tenth of the promises it corrects with them.

Why a linear model written here: as for ``who_scorer`` and ``promise_finder`` (a look-up
per feature, weights in a small JSON file shipped in the package, nothing downloaded).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from desktop.domain.capture import who_scorer as ws
from desktop.domain.capture.first_names import hinted_gender
from desktop.domain.capture.lexicon import _words
from desktop.domain.capture.nicknames import formal_names
from desktop.domain.capture.promise_finder import Model, shipped_model
from desktop.domain.capture.results import ParsedCommitment, ParsedIntroduction
from desktop.domain.capture.text import _WORD_RE
from desktop.domain.capture.who_scorer import probability

WEIGHTS_FILE = "person_weights.json"

_PRONOUNS = {
    "she": "f",
    "her": "f",
    "hers": "f",
    "he": "m",
    "him": "m",
    "his": "m",
    "they": "p",
    "them": "p",
    "their": "p",
}
_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "madam": "f"}
_SKIP_WORDS = frozenset(["van", "de", "der", "den", "da", "di", "le", "la", "von", "bin", "al"])
# two-letter words that are no name ("Jo", "Li" are): never a mention
_STOP = _words(
    "of to in at me he we us so do go no up my by an as is it or on be hi ok am if oh "
    "the and for her his him she you our out can all one new not but was are has had "
    "will mum dad"
)
_HONORIFIC = re.compile(r"-(?:san|sama|kun|chan|ji|sensei|sahib|jan)$")  # "Sato-san"
# a title that may stand alone for the one person it was written with ("Pastor Emmanuel
# Osei … Pastor asked me", "Venkatesh sir … Sir has asked me")
_TITLE_WORDS = _words(
    "mr mrs ms dr prof pastor deaconess deacon councillor cllr sir madam chief brother sister "
    "auntie aunty uncle father rev reverend imam rabbi coach captain judge senator bishop elder "
    "mama papa baba oga madame professor doctor"
)
_NICKNAME = re.compile(r"\s*[\"\u201c\u2018']([^\W\d_][\w\-]*)[\"\u201d\u2019']")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person of the note a promise may be with, and where the note names them."""

    name: str
    mentions: tuple[tuple[int, int], ...]  # (start, end) of every mention, in order
    met: bool
    first_met: bool
    in_intro: bool
    known_only: bool  # not of the reading: a contact the note names, or a name-like span
    gender: str | None
    organization: bool  # the reading took the name for an organization too
    # for a name-like span the reading took for no one: how likely the learned scorer of
    # who was there finds it someone met (its second, context-only model); else None
    likeness: float | None = None


@functools.lru_cache(maxsize=4096)
def _fold(name: str | None) -> str:
    return " ".join((name or "").casefold().replace("\u2019", "'").split())


def _same(a: str | None, b: str | None) -> bool:
    """One person: the same name, or one is the first name of the other."""
    x, y = _fold(a), _fold(b)
    if not x or not y:
        return False
    return x == y or x.split()[0] == y or y.split()[0] == x


def _word_names(word: str, first: str, last: str) -> bool:
    """Whether a word of the note names the person of ``first`` and ``last`` (folded):
    either name ("Jo", "Okafor"), a short form ("Rafa" for Rafaela, "Davie" for David,
    "Kasia" for Katarzyna)."""
    if word in _STOP:
        return False
    if word in (first, last):
        return len(word) >= 2
    if len(word) >= 3 and len(first) > len(word) and first.startswith(word):
        return True
    if len(word) >= 4 and len(first) >= 4 and word[:4] == first[:4]:
        return True
    return first in formal_names(word)


@functools.lru_cache(maxsize=4)
def _note_words(text: str) -> tuple[tuple[int, int, str, bool, bool], ...]:
    """The note's words once per note, for every candidate's search: (start, end, folded
    without an honorific suffix, written in capitals, an everyday short form of a name)."""
    out = []
    for m in _WORD_RE.finditer(text):
        folded = _HONORIFIC.sub("", m.group().casefold())
        out.append((m.start(), m.end(), folded, m.group().isupper(), bool(formal_names(folded))))
    return tuple(out)


def _mentions(text: str, name: str) -> tuple[tuple[int, int], ...]:
    """Where the note names ``name``: its words, short forms of its first name, and a
    nickname written in quotes right after it (``Chukwuemeka "Emeka" Eze``);
    adjacent words are one mention."""
    words = [w.casefold() for w in name.split() if w.casefold() not in _SKIP_WORDS]
    if not words:
        return ()
    first, last = words[0], words[-1]
    nick: set[str] = set()
    hits: list[tuple[int, int]] = []
    initials = "".join(w[0] for w in words) if len(words) >= 2 else ""
    heads = {first[:3], last[:3]}  # a word that may name them starts like a name of theirs
    for start, end, folded, upper, short_form in _note_words(text):
        if not (folded[:3] in heads or upper or short_form):
            continue  # (a look-up per word: a note may have a hundred people)
        if (
            _word_names(folded, first, last)
            or folded in nick
            or (upper and folded == initials)  # "FM to circulate …"
        ):
            hits.append((start, end))
            quoted = _NICKNAME.match(text, end)
            if quoted:
                nick.add(quoted.group(1).casefold())
                heads.add(quoted.group(1).casefold()[:3])
    merged: list[tuple[int, int]] = []
    for a, b in hits:
        if merged and not text[merged[-1][1] : a].strip(" \t\"'\u201c\u201d\u2018\u2019()"):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return tuple(merged)


def _gender_told(text: str, mentions: Sequence[tuple[int, int]], name: str) -> str | None:
    """A title before a mention ("Mrs. Okafor") tells; else the first name hints."""
    for start, _end in mentions:
        before = text[max(0, start - 6) : start].casefold().rstrip(". ").split()
        if before and before[-1] in _TITLES:
            return _TITLES[before[-1]]
    return hinted_gender(name)


def candidates(
    text: str,
    people: Sequence[str],
    commitments: Iterable[ParsedCommitment],
    introductions: Iterable[ParsedIntroduction],
    known: Sequence[str],
    organizations: Iterable[str] = (),
    spans: bool = True,
) -> list[Candidate]:
    """Everyone the reading found, once each (a first name alone folds into the full name
    it starts), with where the note mentions them; a known contact only when named."""
    named: list[str] = []
    intro: list[str] = []
    for name in (
        *people,
        *(c.person_name for c in commitments if c.person_name),
        *(n for i in introductions for n in (i.introducer, i.person, i.to) if n),
    ):
        if not any(_same(name, n) for n in named):
            named.append(name)
        elif " " in name:  # the full name wins over the first name read before it
            named = [name if _same(name, n) and " " not in n else n for n in named]
    for i in introductions:
        intro.extend(n for n in (i.introducer, i.person, i.to) if n)
    unread: dict[str, float] = {}
    # a contact only when the note writes one of their names (the user may have 10,000)
    by_word = _contacts_by_word(tuple(known))
    written = dict.fromkeys(m.group().casefold() for m in _WORD_RE.finditer(text))
    named_contacts = [
        k
        for k in dict.fromkeys(k for w in written for k in by_word.get(w, ()))
        if not any(_same(k, n) for n in named)
    ]
    found = {name: _mentions(text, name) for name in [*named, *named_contacts]}
    _add_lone_titles(text, found)
    orgs = {_fold(o) for o in organizations}
    if spans:
        for name, likeness in _unread_names(text, people, commitments, introductions, known, orgs):
            words = set(_fold(name).split())
            if not any(words & set(_fold(n).split()) for n in found):
                found[name] = _mentions(text, name)
                unread[name] = likeness
    out = []
    for name, at in found.items():
        if not at and name not in named:
            continue
        out.append(
            Candidate(
                name=name,
                mentions=at,
                met=any(_same(name, p) for p in people),
                first_met=bool(people) and _same(name, people[0]),
                in_intro=any(_same(name, n) for n in intro),
                known_only=name not in named,
                gender=_gender_told(text, at, name),
                organization=_fold(name) in orgs,
                likeness=unread.get(name),
            )
        )
    return out


@functools.lru_cache(maxsize=4)
def _contacts_by_word(known: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each word of the contacts' names, folded, with the contacts it is part of; built
    once per contact list, not on every keystroke."""
    index: dict[str, list[str]] = {}
    for name in known:
        for word in {w.casefold() for w in name.split()}:
            index.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in index.items()}


def _unread_names(
    text: str,
    people: Sequence[str],
    commitments: Iterable[ParsedCommitment],
    introductions: Iterable[ParsedIntroduction],
    known: Sequence[str],
    orgs: Iterable[str],
) -> list[tuple[str, float]]:
    """Name-like spans of the note the reading took for no one ("share the quotes with her
    press officer, Ibrahima Sow"), with how likely each is a person (``who_scorer``)."""
    m = ws.model()
    if m.context is None:
        return []
    view = ws.view_of(
        people,
        orgs,
        "",
        (c.person_name for c in commitments),
        (n for i in introductions for n in (i.introducer, i.person, i.to)),
        known,
    )
    out = []
    for p, span, feats in ws.scored_spans(text, view, m):
        if p > 1.0:
            continue  # the reading has them
        likeness = ws.probability(ws.context_features(feats), m.context.bias, m.context.weights)
        out.append((ws.saved_name(span.name), likeness))
    return out


def _next_to(text: str, word: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether only spaces part a word from a mention ("Pastor Emmanuel", "Venkatesh sir")."""
    gap = text[span[1] : word[0]] if span[1] <= word[0] else text[word[1] : span[0]]
    return len(gap) <= 2 and not gap.strip()


def _add_lone_titles(text: str, found: dict[str, tuple[tuple[int, int], ...]]) -> None:
    """A title written right before or after exactly one person's mention ("Pastor
    Emmanuel Osei", "Venkatesh sir") stands for them where it is written alone."""
    owner: dict[str, set[str]] = {}
    words = list(_WORD_RE.finditer(text))
    for k, m in enumerate(words):
        title = m.group().casefold()
        if title not in _TITLE_WORDS:
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(words) and _next_to(
                text, (m.start(), m.end()), (words[j].start(), words[j].end())
            ):
                for name, at in found.items():
                    if any(a <= words[j].start() < b for a, b in at):
                        owner.setdefault(title, set()).add(name)
    for title, names in owner.items():
        if len(names) != 1:
            continue
        (name,) = names
        taken = [span for at in found.values() for span in at]
        extra = [
            (m.start(), m.end())
            for m in words
            if m.group().casefold() == title
            and not any(a <= m.start() < b for a, b in taken)
            and not any(_next_to(text, (m.start(), m.end()), span) for span in taken)
        ]
        found[name] = tuple(sorted({*found[name], *extra}))


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _words_start(text: str, lo: int, hi: int, words: str) -> int:
    """Where a promise's words begin in its sentence (its first word found), else ``lo``."""
    first = _WORD_RE.search(words)
    if first is None:
        return lo
    at = text.casefold().find(first.group().casefold(), lo, hi)
    return at if at >= 0 else lo


def _pronoun(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """The first he/she/him/her/his/they/them of a stretch: where, and its gender."""
    for m in _WORD_RE.finditer(text, lo, hi):
        g = _PRONOUNS.get(m.group().casefold())
        if g:
            return m.end(), g
    return None


def _whose(text: str, pronoun_end: int, mention: int) -> bool:
    """ "her new hire Omar", "his lead Karin": one or two words between a pronoun and a
    name, no mark: the pronoun says whose they are."""
    between = text[pronoun_end:mention]
    return (
        0 < mention - pronoun_end <= 25
        and 1 <= len(between.split()) <= 2
        and (not any(ch in between for ch in ",.;:!?()"))
    )


@dataclass(frozen=True, slots=True)
class Marks:
    """Every mention of every candidate of a note, in text order: (position, candidate's
    index), with the positions alone for bisection; built once per note, so that a note
    of a hundred names and promises is read in time for the next keystroke."""

    at: tuple[int, ...]
    who: tuple[int, ...]
    index: Mapping[int, int]  # id() of a candidate -> its index
    by_gender: Mapping[str, tuple[int, ...]]  # "f"/"m" -> positions of those mentions

    @classmethod
    def of(cls, everyone: Sequence[Candidate]) -> Marks:
        pairs = sorted((a, k) for k, c in enumerate(everyone) for a, _b in c.mentions)
        return cls(
            tuple(a for a, _k in pairs),
            tuple(k for _a, k in pairs),
            {id(c): k for k, c in enumerate(everyone)},
            {
                g: tuple(a for a, k in pairs if everyone[k].gender == g)
                for g in {c.gender for c in everyone if c.gender}
            },
        )

    def others_between(self, lo: int, hi: int, me: int, enough: int) -> int:
        """How many candidates but ``me`` are mentioned at ``lo`` <= position < ``hi``,
        counted up to ``enough`` (the nearest first)."""
        seen: set[int] = set()
        for k in reversed(self.within(lo, hi)):
            if self.who[k] != me:
                seen.add(self.who[k])
                if len(seen) >= enough:
                    break
        return len(seen)

    def gender_between(self, gender: str, lo: int, hi: int) -> bool:
        """Whether someone of ``gender`` is mentioned at ``lo`` <= position < ``hi``."""
        at = self.by_gender.get(gender, ())
        return bisect.bisect_left(at, lo) < bisect.bisect_left(at, hi)

    def within(self, lo: int, hi: int) -> range:
        """Indices of the mentions at ``lo`` <= position < ``hi``."""
        return range(bisect.bisect_left(self.at, lo), bisect.bisect_left(self.at, hi))


@dataclass(frozen=True, slots=True)
class PromiseView:
    """What every candidate of one promise shares: where its words are, and the pronoun
    that may point at one of them."""

    item: ParsedCommitment
    start: int  # the words' first character
    end: int  # just after the words (not the aside after them)
    first_named: int  # the first mention inside the words, -1 if none
    pronoun: tuple[int, str] | None  # (its end, its gender), unless it says whose
    whose: bool  # "call her assistant Marek": the pronoun says whose, not whom


def promise_view(text: str, item: ParsedCommitment, marks: Marks) -> PromiseView:
    lo, hi = item.span
    start = _words_start(text, lo, hi, item.description)
    end = min(hi, start + len(item.description) + 2)
    inside = marks.within(start, end)
    pronoun = _pronoun(text, start, end) if item.owner == "me" else _pronoun(text, lo, start)
    whose = pronoun is not None and any(
        _whose(text, pronoun[0], marks.at[k]) for k in marks.within(pronoun[0] + 1, pronoun[0] + 26)
    )
    return PromiseView(
        item,
        start,
        end,
        marks.at[inside.start] if inside else -1,
        None if whose else pronoun,
        whose,
    )


def features(
    text: str,
    item: ParsedCommitment,
    cand: Candidate,
    everyone: Sequence[Candidate],
    n_people: int,
    marks: Marks | None = None,
    view: PromiseView | None = None,
) -> list[str]:
    """What the model knows of one (promise, candidate) pair; ``marks`` and ``view`` are
    what the pairs of one note and of one promise share (computed here when not given)."""
    marks = marks or Marks.of(everyone)
    view = view or promise_view(text, item, marks)
    me = marks.index[id(cand)]
    lo, hi = item.span
    start, end = view.start, view.end
    own = item.owner
    out = [f"owner={own}"]
    if _same(item.person_name, cand.name):
        out += ["rules", f"rules&{own}"]
    elif item.person_name is None:
        out.append(f"rules_none&{own}")
    before = [a for a, _b in cand.mentions if a < start]
    inside_words = [a for a, _b in cand.mentions if start <= a < end]
    in_sentence = [a for a in before if a >= lo]
    after = [a for a, _b in cand.mentions if a >= hi]
    if any(end <= a < hi for a, _b in cand.mentions):
        out.append(f"after_words&{own}")
    if inside_words:
        out.append(f"in_words&{own}")
        if inside_words[0] == view.first_named:
            out.append(f"first_in_words&{own}")
        word = text[max(start, inside_words[0] - 12) : inside_words[0]].split()
        out.append(f"words_prev={word[-1].casefold().strip(',.;:') if word else '^'}&{own}")
    if in_sentence:
        out.append(f"in_sentence&{own}")
        if not text[lo : in_sentence[0]].strip(" -*\u2022>:"):
            out.append(f"opens_sentence&{own}")
        word = text[max(lo, in_sentence[-1] - 12) : in_sentence[-1]].split()
        if word:
            out.append(f"prev={word[-1].casefold().strip(',.;:')}&{own}")
        gap = text[in_sentence[-1] : start]
        out.append(f"gap_words={_bucket(len(gap.split()), (1, 2, 4, 8))}&{own}")
    # the others mentioned between the candidate's last mention and the promise's words
    if before:
        since = marks.others_between(before[-1] + 1, start, me, enough=3)
        out.append(f"dist={_bucket(start - before[-1], (0, 30, 80, 200, 500))}&{own}")
        out.append(f"since={_bucket(since, (0, 1, 2))}&{own}")
        if not since:
            out.append(f"latest&{own}")
    elif not inside_words:
        out.append(f"not_before&{own}")
    if after and not before and not inside_words:
        out.append(f"only_after&{own}")
    if not cand.mentions:
        out.append("unwritten")
    if cand.met:
        out.append(f"met&{own}")
    if cand.first_met:
        out.append(f"first_met&{own}")
    if cand.met and n_people == 1:
        out.append(f"only_met&{own}")
    out.append(f"n_people={_bucket(n_people, (0, 1, 2, 3))}")
    if cand.in_intro:
        out.append("in_intro")
    if cand.known_only:
        out.append("known_only")
    if cand.organization:
        out.append("organization")
    if cand.likeness is not None:
        out.append("unread")
        out.append(f"likeness={_bucket(int(cand.likeness * 10), (0, 1, 3, 5, 7, 8))}&{own}")
    if view.whose:
        out.append(f"whose_pronoun&{own}")
    if view.pronoun is not None:
        g = view.pronoun[1]
        agree = "plural" if g == "p" else ("unknown" if cand.gender is None else cand.gender == g)
        out.append(f"pronoun={agree}&{own}")
        if agree is True and before:
            # (none of the candidate's own mentions lies between: ``before[-1]`` is the last)
            same_gender_since = marks.gender_between(g, before[-1] + 1, start)
            out.append(f"agree_latest={not same_gender_since}&{own}")
    return out


@dataclass(frozen=True, slots=True)
class Choice:
    """The model's opinion on one promise: the best candidate and how sure it is."""

    name: str
    score: float
    rules_score: float


def choose(
    text: str,
    item: ParsedCommitment,
    everyone: Sequence[Candidate],
    n_people: int,
    weights: Model,
    marks: Marks | None = None,
) -> Choice | None:
    """The candidate the model prefers for ``item``, with the rules' own candidate's score
    (0 when the rules chose nobody or someone not among the candidates)."""
    if not everyone:
        return None
    marks = marks or Marks.of(everyone)
    view = promise_view(text, item, marks)
    scored = [
        (
            probability(
                features(text, item, c, everyone, n_people, marks, view),
                weights.bias,
                weights.weights,
            ),
            c,
        )
        for c in everyone
    ]
    best, top = max(scored, key=lambda pair: pair[0])
    rules = max((p for p, c in scored if _same(item.person_name, c.name)), default=0.0)
    return Choice(top.name, best, rules)


def model() -> Model:
    """The resolver's weights."""
    return shipped_model(WEIGHTS_FILE)


def resolve(
    text: str,
    people: Sequence[str],
    commitments: Sequence[ParsedCommitment],
    introductions: Sequence[ParsedIntroduction],
    known: Sequence[str],
    weights: Model | None = None,
    organizations: Iterable[str] = (),
) -> list[ParsedCommitment]:
    """The promises, each with the person the model prefers when it beats the rules'
    choice by the shipped margin (``threshold``); otherwise as the rules read them."""
    weights = weights or model()
    everyone = candidates(text, people, commitments, introductions, known, organizations)
    out = []
    marks = Marks.of(everyone)
    for item in commitments:
        choice = choose(text, item, everyone, len(people), weights, marks)
        if (
            choice is not None
            and not _same(choice.name, item.person_name)
            and choice.score - choice.rules_score >= weights.threshold
        ):
            item = replace(item, person_name=choice.name)
        out.append(item)
    return out
