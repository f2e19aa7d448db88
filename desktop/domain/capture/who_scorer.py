"""A learned second opinion on who was there: names the rules passed over.

Ten rounds of hand-written rules (``people``, ``lower_lists``, ``actors``) read the
phrasings of the notes they were written from, but each new writer brings phrasings of
their own ("Kwame held the door and we got talking", "table 6 = me, …"), and a rule per
phrasing does not carry over to notes nobody has read yet. This module looks at every
name-like span of the note (runs of capitalised words, and first names typed in lower
case), describes each by the words around it and by what the rules made of it (a person
met, an organization, the place, the person of a promise), and scores it with a logistic
model trained on the annotated corpus (``tests/fixtures/capture``; trainer:
``tests/benchmarks/train_who_scorer.py``). A span the rules did not take and the model is
confident about is added to the people met.

Why a linear model over hand-picked features, written here instead of a library: it is a
dictionary look-up per feature (microseconds per note, nothing heavy on the start-up
path), its weights are a small JSON file shipped in the package (nothing downloaded at run
time), and a reader can see which feature pushed a name in (``explain``).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from desktop.domain.capture.first_names import is_first_name
from desktop.domain.capture.lexicon import _ABSENT, _NOT_NAME, _ORG_SUFFIXES, _words
from desktop.domain.capture.lower_lists import RELATIONS
from desktop.domain.capture.names import _CODE_WORD, _index, initial_fits, tidy_name
from desktop.domain.capture.nicknames import formal_names
from desktop.domain.capture.rules import EnglishRules
from desktop.domain.capture.text import _APOS, _WORD_RE

WEIGHTS_FILE = "who_weights.json"

# inside a name, before a capitalised word: "Ana de los Santos", "Ahmad bin Ismail"
_PARTICLES = frozenset(EnglishRules.particles | {"e", "st", "los", "las", "dela"})
_POSSESSIVE_RE = re.compile(rf"[{_APOS}]s$")
_CONTRACTED_RE = re.compile(rf"[{_APOS}](?:ll|d|re|ve|m|t)$|n[{_APOS}]t$", re.I)
_SENTENCE_END_RE = re.compile(r"[.!?;:\n\u2022\-\u2013\u2014]")
# after a name written as an owner: the thing of theirs did something ("Ana Ruiz's report
# came in", "Tom's invoice is overdue"), so the note tells of the thing, not of them
_THEIR_THING_DID = re.compile(
    r"\s+(?:[a-z][\w\-]*\s+){1,2}?(?:came|arrived|landed|is|was|were|are|has|had|got|went)\b"
)
_RULES_HAVE = 2.0  # the "probability" of a span the rules read as someone met: first
_MAX_WORDS = 5  # "Pierre-Antoine de La Rochefoucauld", particles included
_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the note, with its place in it."""

    start: int
    end: int
    text: str
    folded: str

    @property
    def capitalised(self) -> bool:
        """Written with a capital, and no "They'll" or "Didn't" nor "R200", "Q4": a
        name's word."""
        return (
            self.text[:1].isupper()
            and not _CONTRACTED_RE.search(self.text)
            and not _CODE_WORD.fullmatch(self.text)
        )


@dataclass(frozen=True, slots=True)
class Span:
    """A name-like run of words: tokens ``first``..``last`` (inclusive) of the note."""

    first: int
    last: int
    start: int
    end: int
    name: str  # as written, possessive "'s" removed, single spaces
    possessive: bool


@dataclass(frozen=True, slots=True)
class KnownIndex:
    """The user's contacts, folded, for look-ups in constant time (there may be 10,000)."""

    names: frozenset[str]
    by_first: Mapping[str, tuple[str, ...]]  # first word, folded -> contacts as written

    def has(self, folded: str) -> bool:
        """Whether a folded name is a contact's, or a contact's first name alone."""
        first = folded.split()[0] if folded else ""
        return (
            folded in self.names
            or (" " not in folded and first in self.by_first)
            or (first in self.names)
        )

    def full(self, name: str) -> str:
        """A lone first name is the one contact of that first name, when there is one; so
        is a first name and an initial ("Mike T" for Mike Tsai, not Mike Brennan)."""
        words = _fold(name).split()
        if len(words) == 2 and len(words[1].rstrip(".")) == 1:
            initialled = initial_fits(words[0], words[1][0], self.by_first.get(words[0], ()))
            return initialled[0] if len(initialled) == 1 else name
        if " " in name:
            return name
        matches = self.by_first.get(_fold(name), ())
        return matches[0] if len(matches) == 1 else name


@functools.lru_cache(maxsize=16)
def known_index(known: tuple[str, ...]) -> KnownIndex:
    """A list of names as the features look it up: the reader's own index of the
    contacts (``names._index``, built once per list and shared with it), as sets."""
    by_full, by_first = _index(known)
    return KnownIndex(frozenset(by_full), by_first)


@dataclass(frozen=True, slots=True)
class RulesView:
    """What the rules made of the note, folded for comparison."""

    people: tuple[str, ...]
    organizations: tuple[str, ...]
    place: str
    promise_people: KnownIndex
    intro_people: KnownIndex
    known: KnownIndex
    others: tuple[str, ...] = ()  # named in the note, and only mentioned, the rules say
    rejected: tuple[str, ...] = ()  # a rule is sure they were not met: never added


def tokens(text: str) -> list[Token]:
    """The note's words (letters, inner apostrophes and hyphens), in order; a #tag is no
    word of the note ("#python" names no one)."""
    return [
        Token(m.start(), m.end(), m.group(), m.group().casefold())
        for m in _WORD_RE.finditer(text)
        if text[m.start() - 1 : m.start()] != "#"
    ]


def positions(toks: Sequence[Token]) -> dict[str, list[int]]:
    """Where each word (folded) is written: the indexes of its tokens."""
    where: dict[str, list[int]] = {}
    for k, t in enumerate(toks):  # "Pavel's" is a mention of Pavel
        where.setdefault(_POSSESSIVE_RE.sub("", t.folded), []).append(k)
    return where


def _joined(text: str, a: Token, b: Token) -> bool:
    """Whether two neighbouring words belong to one name run: spaces only between."""
    gap = text[a.end : b.start]
    return 0 < len(gap) <= 2 and gap.strip(" \t") == ""


def _name_of(text: str, toks: Sequence[Token], i: int, j: int) -> tuple[str, bool]:
    words = [t.text for t in toks[i : j + 1]]
    possessive = bool(_POSSESSIVE_RE.search(words[-1]))
    if possessive:
        words[-1] = words[-1][:-2]
    return " ".join(words), possessive


def _particles_then_name(text: str, toks: Sequence[Token], k: int) -> bool:
    """Whether ``toks[k]`` starts particles that a capitalised word ends ("de los Santos")."""
    while k < len(toks) and toks[k].folded in _PARTICLES and not toks[k].capitalised:
        if k + 1 >= len(toks) or not _joined(text, toks[k], toks[k + 1]):
            return False
        k += 1
    return k < len(toks) and toks[k].capitalised and toks[k].folded not in _PARTICLES


def spans(text: str, toks: Sequence[Token], common: frozenset[str] = frozenset()) -> list[Span]:
    """Every candidate name: sub-runs of capitalised words (particles inside), and words
    typed in lower case that start a name: a first name the table knows, or any word that
    is not one of the ``common`` words of notes (learned with the weights), with up to two
    lower-case words after it."""
    out: list[Span] = []
    n = len(toks)
    i = 0
    while i < n:  # runs of capitalised words, particles allowed inside
        if not toks[i].capitalised:
            i += 1
            continue
        j = i
        while j + 1 < n and _joined(text, toks[j], toks[j + 1]):
            nxt = toks[j + 1]
            if nxt.text == "I":
                break  # "I promised Madam Efua I will bring …": the writer, no surname
            if nxt.capitalised or _particles_then_name(text, toks, j + 1):
                j += 1
                if _POSSESSIVE_RE.search(toks[j].text):
                    break
            else:
                break
        for a in range(i, j + 1):
            if not toks[a].capitalised:
                continue
            for b in range(a, min(j, a + _MAX_WORDS - 1) + 1):
                if (
                    toks[b].capitalised
                    and toks[b].folded not in _PARTICLES
                    and not (b < j and _POSSESSIVE_RE.search(toks[b].text))
                ):
                    name, poss = _name_of(text, toks, a, b)
                    out.append(Span(a, b, toks[a].start, toks[b].end, name, poss))
        i = j + 1
    for i, tok in enumerate(toks):  # names typed in lower case
        if not tok.text.islower() or len(tok.text) < 2:
            continue  # capitalised (above), or a script without case: no guess
        known_first = len(tok.text) > 2 and is_first_name(tok.text)
        if not known_first and tok.folded in common:
            continue
        j = i
        while True:
            name, poss = _name_of(text, toks, i, j)
            inner = any(len(t.text) > 2 and is_first_name(t.text) for t in toks[i + 1 : j + 1])
            if known_first or not inner:  # not "tiler marek novak": "marek novak" is
                out.append(Span(i, j, tok.start, toks[j].end, name, poss))
            if (
                poss
                or j - i >= 2
                or j + 1 >= n
                or toks[j + 1].capitalised
                or not _joined(text, toks[j], toks[j + 1])
                or toks[j + 1].folded in common
            ):
                break
            j += 1
    return out


_NOT_ALONE = frozenset(EnglishRules.titles | EnglishRules.sentence_abbreviations)


# a name typed in lower case with a first word no first-name table knows ("bread",
# "kemi"): the first model must be at least this sure
_UNKNOWN_LOWER = 0.5
# the second model's probability at which the likeliest name is taken when nobody else
# was found: chosen on the validation sets (``train_who_scorer.py --lone``)
LONE_THRESHOLD = 0.3


def _unknown_lower(span: Span) -> bool:
    return span.name.islower() and not is_first_name(span.name)


def never_a_name(span: Span) -> bool:
    """Words no person is called by: the rules' own list ("She", "Then Monday"), titles
    and abbreviations ("Dott", "Prof"), initials ("J" of "J. R. Smith"), lower-case words
    that open with a verb's form ("slipped slates")."""
    words = _fold(span.name).split()
    if (  # typed in lower case and opening with a verb's form: "3 slipped slates +
        # flashing shot" is a roof, not two people
        span.name.islower()
        and words
        and not is_first_name(words[0])
        and len(words[0]) >= 6
        and words[0].endswith(("ed", "ing"))
    ):
        return True
    return all(w in _NOT_NAME or w in _NOT_ALONE or len(w) == 1 for w in words)


def everyday_words(name: str, view: RulesView, weights: Model | None = None) -> bool:
    """Whether a name the rules took is only everyday words of notes ("Plumber came
    round", "the Met Office", "Old") or what someone is ("Roofer came to look"), no first
    name anyone has and no contact: no one.
    (On the corpus's 5,763 development notes it drops 83 names the rules took, none of
    anyone the writer met.)"""
    m = weights or model()
    folded = _fold(name)
    return (
        bool(folded)
        and all(w in m.common or w in _WHO_THEY_ARE for w in folded.split())
        and not is_first_name(folded)
        and not view.known.has(folded)
    )


# what people are to the writer, typed before their name ("handyman bogdan", "tiler marek
# novak", "candidate nikhil rao"), beyond the everyday words the weights learned
_WHO_THEY_ARE = frozenset(
    _words(
        "handyman tiler plumber electrician builder carpenter joiner roofer plasterer painter "
        "decorator gardener landscaper cleaner nanny babysitter childminder receptionist "
        "mechanic locksmith glazier surveyor contractor courier driver cabbie barber "
        "hairdresser stylist beautician physio physiotherapist chiropractor osteopath vet "
        "dentist hygienist optician pharmacist midwife doula tutor trainer instructor coach "
        "candidate applicant intern client customer seller buyer vendor supplier landlord "
        "landlady tenant lodger neighbour neighbor caretaker janitor concierge doorman "
        "treasurer secretary chairman chairwoman chairperson organiser organizer moderator "
        "facilitator host hostess chef waiter waitress barista bartender sommelier boss "
        "colleague coworker co-worker flatmate roommate housemate classmate teammate"
    )
)


def is_everyday_word(word: str) -> bool:
    """Whether ``word`` is one of the everyday words of notes the weights learned (a word
    typed in lower case in many notes and never in a name)."""
    return _fold(word) in model().common


def without_leading_everyday_word(name: str) -> str:
    """``name`` without a first word that only says who the person is ("Electrician Kwame
    Asante", "Tiler Marek Novak", "Congratulated Chiara": the role or the verb typed in
    lower case before the name, capitalised as the note's first word); the name itself
    when that word is a first name anyone has ("Will Smith", "Grace Mwangi") or what
    is left would be no name ("Young Park")."""
    words = name.split()
    while len(words) >= 2:  # "Retired Oil Engineer Abdullah al-Farsi": every such word
        first = _fold(words[0])
        if first.startswith("ex-"):  # "Ex-Colleagues Tim", "ex-boss Mark Reid"
            first = first[3:]
            if first.endswith("s") and first[:-1] in _WHO_THEY_ARE:
                first = first[:-1]
        if (
            (first not in model().common and first not in _WHO_THEY_ARE)
            or first in _PARTICLES
            or is_first_name(first)
            or (len(words) == 2 and not is_first_name(_fold(words[1])))
        ):
            break
        words = words[1:]
    return " ".join(words)


_OWES_SOMEONE_ELSE = re.compile(r"\s+(?:still\s+)?owes\s+(?:her|him|them)\b", re.I)


def absent_after(text: str, span: Span) -> bool:
    """Whether the words right after a name say they were not there ("sam couldnt come",
    "Hakan, who wasn't there")."""
    tail = re.split(r"[.;!?\n]", text[span.end : span.end + 60])[0]
    first_end = span.start + len(span.name.split()[0])
    if first_end < span.end and _ABSENT.match(text, first_end + 1):
        return True  # "sam couldnt come": "sam couldnt" is no name either
    return bool(_ABSENT.match(tail.lstrip(" ,")) or _ABSENT.search(tail[:30]))


@functools.lru_cache(maxsize=4096)
def saved_name(written: str) -> str:
    """A span's words as a person would be saved ("Dr Aoife Byrne" -> "Aoife Byrne")."""
    return tidy_name(written)


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def clashes(name: str, others: Iterable[str]) -> bool:
    """Whether a folded name may be someone already listed (folded): the same name, the
    same first word ("Ayesha Sahiba" for Ayesha Siddiqui), one word of theirs alone
    ("Kamau" for Wanjiru Kamau) or a nickname of their first ("Kasia" for Katarzyna). The
    same family name is not enough: couples share it."""
    words = name.split()
    for other in others:
        theirs = other.split()
        if not theirs or not words:
            continue
        if name == other or words[0] == theirs[0]:  # not the same family name: a couple
            return True
        if len(words) == 1 and words[0] in theirs:
            return True
        if len(words) == 1 and theirs[0] in formal_names(words[0]):
            return True  # "Kasia" for Katarzyna Wójcik: the everyday form of her name
        if len(theirs) == 1 and theirs[0] in words:
            return True
    return False


def _gap(text: str, lo: int, hi: int) -> str:
    """The punctuation between two words, as a feature value ("_" for a space)."""
    marks = "".join(ch for ch in text[lo:hi] if not ch.isspace())[:3]
    if "\n" in text[lo:hi]:
        marks = "NL" + marks
    return marks or "_"


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "XX"
    if word[:1].isupper():
        return "Xx"
    return "x"


def features(
    text: str,
    toks: Sequence[Token],
    span: Span,
    view: RulesView,
    common: frozenset[str] = frozenset(),
    where: Mapping[str, list[int]] | None = None,
) -> list[str]:
    """The facts about one candidate that the model weighs (strings; one weight each).
    ``common`` are the everyday words of notes (the model's); ``where`` is
    :func:`positions` of ``toks``, computed once per note by the caller."""
    if where is None:
        where = positions(toks)
    i, j = span.first, span.last
    n = len(toks)

    def word(k: int) -> str:
        return toks[k].folded if 0 <= k < n else "<s>" if k < 0 else "</s>"

    left_gap = _gap(text, toks[i - 1].end, span.start) if i else "BOS"
    right_gap = _gap(text, span.end, toks[j + 1].start) if j + 1 < n else "EOS"
    folded = _fold(span.name)
    words = folded.split()
    f = [
        f"len={min(len(words), 4)}",
        f"shape={' '.join(_shape(t.text) for t in toks[i : j + 1])}",
        f"w-1={word(i - 1)}",
        f"w-2={word(i - 2)}",
        f"w-2,-1={word(i - 2)} {word(i - 1)}",
        f"w+1={word(j + 1)}",
        f"w+2={word(j + 2)}",
        f"w+1,+2={word(j + 1)} {word(j + 2)}",
        f"gapL={left_gap}",
        f"gapR={right_gap}",
        f"gapL,w-1={left_gap} {word(i - 1)}",
        f"first={words[0]}",
        f"last={words[-1]}",
    ]
    for k in range(max(0, i - 4), i):  # the words around it, within its sentence
        if not _SENTENCE_END_RE.search(text[toks[k].end : span.start]):
            f.append(f"L:{toks[k].folded}")
    for k in range(j + 1, min(n, j + 5)):
        if _SENTENCE_END_RE.search(text[span.end : toks[k].start]):
            break
        f.append(f"R:{toks[k].folded}")
    everyday = sum(w in common for w in words)  # "Office", "Equine Lameness Specialist"
    if everyday:
        f.append("all_common" if everyday == len(words) else "some_common")
    if is_first_name(words[0]):
        f.append("first_name")
    if len(words) > 1 and is_first_name(words[-1]):
        f.append("last_is_first_name")
    if span.possessive:
        f.append("possessive")
    if absent_after(text, span):
        f.append("absent_after")
    if left_gap[-1:] in _QUOTES and right_gap[:1] in _QUOTES:
        f.append("quoted")
    if i == 0 or _SENTENCE_END_RE.search(text[toks[i - 1].end : span.start]):
        f.append("sentence_start")
        f.append(f"sentence_start,len={min(len(words), 4)}")
    if i > 0 and _joined(text, toks[i - 1], toks[i]) and toks[i - 1].capitalised:
        f.append("cap_before")
    if j + 1 < n and _joined(text, toks[j], toks[j + 1]) and toks[j + 1].capitalised:
        f.append("cap_after")
    mentions = where.get(words[0], [])
    f.append(f"mentions={min(len(mentions), 3)}")
    for k in mentions:  # how the same name is written elsewhere: "reports to Hakan"
        if k != i:
            f.append(f"{'before' if k < i else 'after'}:w-1={word(k - 1)}")
    f.append(f"rules_people={min(len(view.people), 3)}")
    if any(folded == o for o in view.organizations):
        f.append("rules_org")
    elif any(folded in o for o in view.organizations):
        f.append("inside_rules_org")
    if view.place and folded in view.place:
        f.append("inside_place")
    if view.promise_people.has(folded):
        f.append("promise_person")
    if view.intro_people.has(folded):
        f.append("intro_person")
    if view.known.has(folded):
        f.append("known")
    if clashes(folded, view.others):
        f.append("rules_mentioned_only")
    return f


@dataclass(frozen=True, slots=True)
class Weights:
    """One logistic model: a weight per feature, a bias and the threshold of "met"."""

    bias: float
    threshold: float
    weights: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Model:
    """The trained weights: one per feature, a bias, the threshold of "met", and the
    words so common in notes that a lower-case one is never taken for a name.

    Two models: the first (``bias``, ``threshold``, ``weights``) learned from the spans
    the rules passed over, so it knows what the rules miss, and is biased by it ("his
    apprentice Dylan" the rules left out is usually only talked about); ``context``
    learned from every span, the rules' own people left out of its features, which reads
    "his apprentice Dylan made me tea" as someone met. It adds only what it is very sure
    of, after the first."""

    bias: float
    threshold: float
    weights: Mapping[str, float]
    common: frozenset[str]
    context: Weights | None = None


@functools.lru_cache(maxsize=1)
def model() -> Model:
    """The weights shipped beside this module (read once, on the first note)."""
    raw = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)
    context = data.get("context")
    return Model(
        float(data["bias"]),
        float(data["threshold"]),
        data["weights"],
        frozenset(data["common"]) | _NOT_NAME,
        Weights(float(context["bias"]), float(context["threshold"]), context["weights"])
        if context
        else None,
    )


_RULES_COUNT = ("rules_people=", "rules_mentioned_only")  # not features of ``context``


def context_features(feats: Iterable[str]) -> list[str]:
    """The features of the ``context`` model: all but what says how the rules read the
    note's people."""
    return [f for f in feats if not f.startswith(_RULES_COUNT)]


def probability(feats: Iterable[str], bias: float, weights: Mapping[str, float]) -> float:
    z = bias + sum(weights.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def view_of(
    people: Sequence[str],
    organizations: Iterable[str],
    place: str,
    promise_people: Iterable[str | None],
    intro_people: Iterable[str | None],
    known: Sequence[str],
    others: Iterable[str] = (),
    rejected: Iterable[str] = (),
) -> RulesView:
    """The rules' reading of a note, folded, as the features compare it."""
    return RulesView(
        tuple(_fold(p) for p in people),
        tuple(_fold(o) for o in organizations if o),
        _fold(place or ""),
        known_index(tuple(p for p in promise_people if p)),
        known_index(tuple(p for p in intro_people if p)),
        known_index(tuple(known)),
        tuple(_fold(o) for o in others),
        tuple(_fold(r) for r in rejected),
    )


def scored_spans(
    text: str, view: RulesView, weights: Model | None = None
) -> list[tuple[float, Span, list[str]]]:
    """Every candidate the rules did not take, with its probability of being someone
    met, best first."""
    m = weights or model()
    toks = tokens(text)
    where = positions(toks)
    out: list[tuple[float, Span, list[str]]] = []
    for span in spans(text, toks, m.common):
        if never_a_name(span):
            continue
        feats = features(text, toks, span, view, m.common, where)
        if clashes(_fold(saved_name(span.name)), view.people):
            # the rules have them (the model is trained on the rest only); the words stay
            # theirs: "Sow" of "Mme Aminata Sow" is no one else
            out.append((_RULES_HAVE, span, feats))
            continue
        out.append((probability(feats, m.bias, m.weights), span, feats))
    out.sort(key=lambda x: (-x[0], x[1].start, -(x[1].end - x[1].start)))
    return out


def _mentions(text: str, words: str) -> Iterator[re.Match[str]]:
    """Where the note writes ``words`` as whole words, in text order (any case)."""
    return re.finditer(rf"(?<![\w\-]){re.escape(words)}(?![\w\-])", text, re.I)


def _as_owner(text: str, mention: re.Match[str]) -> bool:
    """Whether a name is written there as an owner: "Mia's ankle", "deb's grandson"."""
    return _POSSESSIVE_AFTER.match(text, mention.end()) is not None


def _only_as_owner(text: str, span: Span) -> bool:
    """Whether every mention of ``span``'s name is as an owner ("deb's grandson"), none as
    someone who does or is something themselves ("Harold Finch … Harold's wife")."""
    return all(_as_owner(text, m) for m in _mentions(text, span.name.split()[0]))


def _first_written_as_owner(text: str, span: Span) -> bool:
    """Whether the note first writes ``span``'s name as an owner ("Mia's ankle"), before
    this later mention: someone the note tells of (the second model's reading of the later
    mention alone does not make them met)."""
    first = next(_mentions(text, span.name), None)
    return first is not None and first.start() < span.start and _as_owner(text, first)


def _their_relative(text: str, at: int) -> bool:
    """Whether a relation follows an owner's name at ``at`` ("deb's grandson", "Tom's new
    wife"): the words of ``lower_lists.RELATIONS``, one describing word allowed."""
    words = _WORD_AFTER_OWNER.match(text, at)
    return words is not None and words.group(1).casefold() in RELATIONS


_WORD_AFTER_OWNER = re.compile(
    r"\s+(?:(?:new|little|baby|eldest|youngest|older|younger)\s+)?([\w\-]+)", re.I
)


def _only_whose(text: str, span: Span) -> bool:
    """Whether the note first names ``span``'s person in brackets as whose relative or
    teacher someone is ("Rosa Ferrante (Matteo's mum)", "Ms. Okafor (Lily's form tutor)"):
    a child or a relative named to say who the one met is, whom the note then goes on
    about ("Lily's doing great in maths") without their having been met."""
    first = next(_mentions(text, span.name.split()[0]), None)
    return (
        first is not None
        and re.search(r"\(\s*\Z", text[max(0, first.start() - 3) : first.start()]) is not None
        and _as_owner(text, first)
    )


# someone the one met knows or mentions, named after "called": told of, not met
_SOMEONE_THEY_KNOW = re.compile(
    r"\b(?:knows?|has|had|mentioned|recommended|suggested|told\s+me\s+about)\b"
    r"[^.;!?\n]{0,70}\b(?:called|named)\s+\Z",
    re.I,
)
_POSSESSIVE_AFTER = re.compile(rf"[{_APOS}]s\s+[a-z]")


# a word typed in lower case after what links a second action, and before its object
_ACTION_LINK_BEFORE = re.compile(
    r"(?:\band|\bto|\bwill|['\u2019]ll|\bgonna|\bthen|\+|&)[ \t]+\Z", re.I
)
# a lone letter after a first name: an initial ("mike t"), but not "I" or "a" ("gave Tom a
# call", "met Ana I think")
_INITIAL_AFTER = re.compile(r"[ \t]+([^\W\d_aAiI])\.?(?![\w'\u2019])")
_OBJECT_AFTER = re.compile(r"[ \t]+(?:her|him|them|it|us|me|\d+)\b", re.I)


def more_people(
    text: str, view: RulesView, weights: Model | None = None, lone: float = LONE_THRESHOLD
) -> list[tuple[int, str]]:
    """Names the model is confident were met and the rules did not take, in text order,
    as they would be saved, with where each is written: (position, name). ``lone``: how
    sure the second model must be of the likeliest name when nobody else was found."""
    m = weights or model()
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []
    have = list(view.people)

    def take(span: Span) -> None:
        if absent_after(text, span):
            return  # the rules' own reading of "wasn't there", as a hard rule here too
        if _OWES_SOMEONE_ELSE.match(text, span.end):
            return  # "Apparently Kevin Tran owes her money": a debt told of, not a meeting
        if " " in span.name and _fold(span.name).split()[-1] in _ORG_SUFFIXES:
            return  # "Nowak Instalacje", "Valleys Electrical": a firm, by the rules' own list
        if _SOMEONE_THEY_KNOW.search(text, max(0, span.start - 90), span.start):
            return  # "She knows someone at Penguin, an editor called Ayesha Siddiqui"
        if (
            text[span.start : span.end].islower()
            and _OBJECT_AFTER.match(text, span.end)
            and _ACTION_LINK_BEFORE.search(text, max(0, span.start - 12), span.start)
        ):  # "… and pencil her in", "… and knock 50 off the rent": a verb, typed as one
            return
        if (
            _fold(saved_name(span.name)) in view.organizations
            and " " in span.name
            and not text[span.start : span.end].islower()
            # ("Electrician (Mo Rahimi)": a name in brackets the rules took for a firm)
            and not (
                text[span.start - 1 : span.start] == "(" and text[span.end : span.end + 1] == ")"
            )
            and not any(is_first_name(w) for w in span.name.split())
        ):
            return  # "Oluwaseun Adeyemi (also Pinsent Masons)": where someone works
        if _only_whose(text, span):
            return  # "Mrs. Nakamura (Hiro's mother). Hiro is struggling …": her son
        line = text[text.rfind("\n", 0, span.start) + 1 : span.start]
        item = re.fullmatch(r"[\s\u2022*\-\d.)]*([^,\n]+?),\s*", line)
        if item and _fold(saved_name(item.group(1))) in view.people:
            return  # "- Diego Alarcón, Mercado Libre": where the one met works
        name = saved_name(span.name)
        initial = _INITIAL_AFTER.match(text, span.end)
        if initial and " " not in name:  # "mike t" (Mike Tsai), not the other Mike
            name = f"{name} {initial.group(1).upper()}"
        name = view.known.full(name)
        if clashes(_fold(name), have) or clashes(_fold(name), view.rejected):
            return
        have.append(_fold(name))
        found.append((span.start, name))

    scored = scored_spans(text, view, m)
    for p, span, _feats in scored:
        if p < m.threshold:
            break
        if p < _UNKNOWN_LOWER and _unknown_lower(span):
            continue  # "bought bread from the new baker": a word, most likely
        if any(span.start < e and s < span.end for s, e in taken):
            continue
        taken.append((span.start, span.end))
        if p != _RULES_HAVE and not (
            span.possessive
            and (
                _THEIR_THING_DID.match(text, span.end)
                or (_their_relative(text, span.end) and _only_as_owner(text, span))
            )
        ):  # (not "Ana Ruiz's report came in": her report did, not she; nor "deb's
            take(span)  # grandson marcus …": whose grandson he is)
    if m.context is not None:
        c = m.context
        second = sorted(
            ((probability(context_features(f), c.bias, c.weights), span) for _p, span, f in scored),
            key=lambda x: (-x[0], x[1].start, -(x[1].end - x[1].start)),
        )
        for p, span in second:
            if p < c.threshold:
                break
            if span.possessive or any(span.start < e and s < span.end for s, e in taken):
                continue  # "Met Tom's sister, Lisa Grant": Tom is only how she is described
            if _first_written_as_owner(text, span):
                continue  # "look at Mia's ankle, I said I'd bring Mia by": told of, by then
            taken.append((span.start, span.end))
            take(span)
        if not found and all(everyday_words(p, view, m) for p in view.people):
            # nobody at all: a note is written about meeting someone, so the likeliest
            # name is taken on weaker evidence ("Picked the car up. Yusuf says the brakes
            # are done"); the window would otherwise ask "Who was this with?"
            for p, span in second:
                if p < lone:
                    break
                # (not "need to send Omar the financials": a to-do, no one met)
                if not span.possessive and not view.promise_people.has(
                    _fold(saved_name(span.name))
                ):
                    take(span)
                    if found:
                        break
    return sorted(found)
