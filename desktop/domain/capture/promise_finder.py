"""A learned second opinion on promises: clauses the rules read as no promise at all.

Thirteen rounds of hand-written rules (``actors``, ``promises``) read the phrasings of the
notes they were written from; on notes nobody had read yet, each new writer brings
phrasings of their own ("i pay him cash", "she going to send me a quote", "We are to
submit revised note by 15 January", "We agreed that Amélie organises the next workshop"),
and a rule per phrasing stopped carrying over. This module looks again at every clause
the rules gave no actor: it finds the first verb of handing something over or doing
something for someone, walks back over the words that carry it ("will", "gonna", "hv
to") to its subject ("I", "we", "she", a person met, or none), and describes that reading
by its words (subject, modal, verb and its form, what follows, a date, the words before
it). A logistic model trained on the annotated corpus (``tests/fixtures/capture``; trainer:
``tests/benchmarks/train_promise_finder.py``) scores it; a reading it is confident about
becomes the clause's actor, and the rules' own passes give it its person, words and date
as they do for any other promise.

A linear model over hand-picked features, written here rather than taken from a library,
for the reasons of ``who_scorer``: a dictionary look-up per feature (microseconds per
clause, nothing on the start-up path), a small JSON file of weights shipped in the
package (nothing downloaded at run time), and ``explain`` shows why a clause was taken.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

from desktop.domain.capture.due_dates import find_due
from desktop.domain.capture.reader_base import _Clause, _ReaderBase
from desktop.domain.capture.who_scorer import probability

WEIGHTS_FILE = "promise_weights.json"

# verbs of doing something for someone or handing something over, as typed in a hurry;
# not those whose past is their present ("She put me in touch", "set up", "read", "let"):
# without a modal they tell what happened; "try" is advice more often than a promise
_VERB_WORDS = (
    "send snd resend email mail text txt message msg whatsapp dm ping call ring phone "
    "share forward fwd introduce intro connect link loop "
    "check chk review look proofread edit revise "
    "write draft prep prepare finish finalise finalize complete update "
    "book schedule arrange organise organize plan host invite "
    "pay transfer reimburse refund lend loan give bring drop return deliver ship post "
    "submit sign approve confirm reply respond revert "
    "get find buy order collect pick fetch grab "
    "fix repair install sort handle cover chase follow "
    "help show teach train mentor coach walk "
    "treat cook bake make take drive "
    "quote price estimate measure "
    "circulate publish present demo pitch run "
    "recommend suggest nominate vouch refer "
    "visit come join attend meet stop "
    "ask contact reach tell remind save hold reserve owe "
    "do test"
)
_VERBS = frozenset(_VERB_WORDS.split())
# words that carry a verb between its subject and it: modals, "going to", adverbs
_CARRIER_WORDS = (
    "will wil wll shall gonna gona going goin to have hv has need needs must should "
    "shld can could would wud might may am is are was were be gotta got also still just "
    "then def definitely defo probably prob surely totally happily kindly please pls plz "
    "promised promise promises agreed agree offered offer said says told "
    "want wants wanted plan plans planning hope hoping try trying tryna "
    "ll d m s re"
)
_CARRIERS = frozenset(_CARRIER_WORDS.split())
_ME = frozenset(("i", "we", "me", "myself", "us"))
_WE = frozenset(("we", "us"))
# what "we" do together is a plan of both ("we'll do a bbq", "we'll meet in May")
_TOGETHER = frozenset(
    (
        "do",
        "meet",
        "come",
        "visit",
        "join",
        "attend",
        "stop",
        "run",
        "walk",
        "cook",
        "bake",
        "plan",
        "host",
        "test",
        "drive",
        "take",
    )
)
_THEM = frozenset(("she", "he", "they", "shes", "hes", "theyll", "shell", "hell", "theyre"))
_OBJECTS = frozenset(("me", "us", "him", "her", "them", "it", "you", "my", "our", "his"))
_HABIT = re.compile(r"\b(?:every|always|usually|often|each|weekly|monthly|daily)\b", re.I)
# a guess, not a promise: "Maybe she sends me the deck, who knows", "perhaps he'll call"
_HEDGE = re.compile(r"\b(?:maybe|perhaps|possibly|might|who\s+knows|not\s+sure|no\s+idea)\b", re.I)
# a debt's words are what is owed, after whom: "owes me 500 crowns", "owe her a coffee"
_OWES = re.compile(r"owe[sd]?\s+(?:me|us|him|her|them|[^\W\d_][\w'\-]*)\s+(?=\S)", re.I)
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*|\d+|\?|:")
_LABEL = re.compile(
    r"[\s\-\u2013\u2014*\u2022>\u2192\[\]x\u2713\u2610\u2611\d.)]*"
    r"(?:(?P<who>me|them|todo|to-?do|action|next\s+steps?|i|mine|theirs)\s*[:\-\u2013>]+\s*)?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Reading:
    """A clause read as a promise the rules did not see: whose, where its words start."""

    kind: str  # "me" | "them"
    verb_at: int
    subject_raw: str
    subject_at: int
    features: tuple[str, ...]


# which readings to take instead of the model (its trainer takes them all)
Accept = Callable[[_Clause, Reading], bool]


@dataclass(frozen=True, slots=True)
class Model:
    """The trained weights: one per feature, a bias, and the threshold of "a promise"."""

    bias: float
    threshold: float
    weights: Mapping[str, float]


@functools.lru_cache(maxsize=4)
def shipped_model(file_name: str) -> Model:
    """A linear model's weights shipped in this package (``tail_cutter`` keeps its own
    file), read once, on the first note that needs them."""
    raw = resources.files(__package__).joinpath(file_name).read_text(encoding="utf-8")
    data = json.loads(raw)
    return Model(float(data["bias"]), float(data["threshold"]), data["weights"])


def model() -> Model:
    """The finder's weights."""
    return shipped_model(WEIGHTS_FILE)


def _lemma(word: str) -> tuple[str, str] | None:
    """The verb ``word`` is a form of, and which form ("base", "s", "ing")."""
    w = word.casefold().replace("\u2019", "'")
    if w in _VERBS:
        return w, "base"
    for suffix, add, form in (
        ("ies", "y", "s"),
        ("es", "", "s"),
        ("s", "", "s"),
        ("ing", "", "ing"),
        ("ing", "e", "ing"),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + add
            if stem in _VERBS:
                return stem, form
            if form == "ing" and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in _VERBS:
                return stem[:-1], form  # "shipping"
    return None


def _pieces(word: str) -> list[str]:
    """A word and its contraction ("she'll" -> she, ll; "I'm" -> i, m)."""
    w = word.casefold().replace("\u2019", "'")
    if "'" in w:
        head, _, tail = w.partition("'")
        return [head, tail] if tail else [head]
    return [w]


def read_clause(reader: _ReaderBase, clause: _Clause, prev_kind: str) -> Reading | None:
    """The clause's verb of doing something for someone, with its subject: the first one a
    modal carries ("she does catering, she going to send me …": "send"), else the first;
    ``None`` when it has none, or its subject is someone the note does not know."""
    text = reader.text
    if _HABIT.search(text, clause.start, clause.end):
        return None  # "I send invoices every month": what is done, not what is promised
    if _HEDGE.search(text, clause.start, reader.sentence_end(clause.start)):
        return None  # "Maybe she sends me the deck, who knows": a guess
    label = _LABEL.match(text, clause.start, clause.end)
    start = label.end() if label else clause.start
    labelled = (label.group("who") or "").casefold() if label else ""
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, start, clause.end)]
    dated = find_due(text, clause.start, clause.end, reader.now.date(), reader.rules) is not None
    found: list[Reading] = []
    for v in range(len(words)):
        reading = _reading_at(reader, clause, words, v, labelled, prev_kind, dated)
        if reading is None:
            continue
        if "carry=none" not in reading.features:
            return reading if not found else _nth(reading, len(found))
        found.append(reading)
        if len(found) == 3:
            break
    return found[0] if found else None


def _nth(reading: Reading, n: int) -> Reading:
    return Reading(
        reading.kind,
        reading.verb_at,
        reading.subject_raw,
        reading.subject_at,
        (*reading.features, f"nth={min(n, 2)}"),
    )


def _reading_at(
    reader: _ReaderBase,
    clause: _Clause,
    words: list[tuple[int, str]],
    v: int,
    labelled: str,
    prev_kind: str,
    dated: bool,
) -> Reading | None:
    """The reading of the clause with ``words[v]`` as its verb, if it is one (``dated``:
    the clause has a due date)."""
    text = reader.text
    at, word = words[v]
    lemma = _lemma(word)
    if lemma is None or (v + 1 < len(words) and words[v + 1][1] == ":"):
        return None
    carried: list[str] = []
    k = v - 1
    while k >= 0 and all(p in _CARRIERS for p in _pieces(words[k][1])):
        carried[:0] = _pieces(words[k][1])
        k -= 1
    gap = text[words[k][0] + len(words[k][1]) : words[k + 1][0]] if k >= 0 else ""
    if k >= 0 and carried and re.search(r"[,;\u2013\u2014(]", gap):
        k = -1  # "chloe wants my deck, will send it tmrw": no subject written
    subject = words[k][1] if k >= 0 else ""
    pieces = _pieces(subject) if subject else []
    head = pieces[0] if pieces else ""
    carried[:0] = pieces[1:]
    subject_at = words[k][0] if k >= 0 else at
    if head in _ME:
        kind, who = "me", "we" if head in _WE else "i"
    elif head in _THEM:
        kind, who = "them", "pronoun"
        subject = head[:-1] if head in ("shes", "hes", "shell", "hell") else head
        subject = {"theyll": "they", "theyre": "they"}.get(subject, subject)
    elif not subject or subject == ":":
        kind, who = ("them" if labelled in ("them", "theirs") else "me"), "none"
        subject = ""
    elif reader.lookup(subject) is not None:
        kind, who = ("me" if labelled in ("me", "mine") else "them"), "name"
    else:  # "Team will send …", "the plumber to fix", "kids will love": no one the note
        return None  # knows acting
    if who == "we" and lemma[0] in _TOGETHER:
        return None  # "We'll do a bbq in the summer": something done together, no one's promise
    if kind == "me" and who not in ("i", "we") and labelled in ("them", "theirs"):
        kind = "them"
    feats = _features(text, words, v, k, lemma, carried, (who, kind, labelled), clause)
    feats.append(f"prev={prev_kind or 'none'}")
    if dated:
        feats.append("due")
    return Reading(kind, at, subject, subject_at, tuple(feats))


def _features(
    text: str,
    words: list[tuple[int, str]],
    v: int,
    k: int,
    lemma: tuple[str, str],
    carried: list[str],
    whose: tuple[str, str, str],
    clause: _Clause,
) -> list[str]:
    """What the model weighs: the subject, what carries the verb, the verb and its form,
    the word after it, the words before the subject, the label of the line.
    ``whose``: the kind of subject ("i", "we", "pronoun", "name", "none"), whose promise it
    would be ("me", "them") and the label of the line ("me", "them", "todo", "")."""
    verb, form = lemma
    who, kind, labelled = whose
    feats = [f"subj={who}", f"verb={verb}", f"form={form}", f"subj_form={who}:{form}"]
    feats.append(f"kind={kind}")
    feats += [f"carry={c}" for c in carried] or ["carry=none"]
    feats.append(f"carry_n={min(len(carried), 3)}")
    if carried:
        feats.append(f"carry_last={carried[-1]}")
        feats.append(f"subj_carry={who}:{carried[0]}")
    after = words[v + 1][1].casefold() if v + 1 < len(words) else ""
    shape = "cap" if after[:1].isupper() else "word" if after else "end"
    feats.append(f"next={after if after in _OBJECTS else shape}")
    feats.append(f"kind_next={kind}:{after if after in _OBJECTS else shape}")
    feats.append(f"verb_next={verb}:{after if after in _OBJECTS else '*'}")
    for w in words[max(0, k - 3) : max(0, k)]:
        feats.append(f"before={w[1].casefold()}")
    if k <= 0:
        feats.append("at_start")
    if labelled:
        feats.append(f"label={labelled}")
    if "?" in text[clause.start : clause.end + 1]:
        feats.append("question")
    feats.append(f"rest_words={min(len(words) - v - 1, 6)}")
    return feats


def find_promises(
    reader: _ReaderBase,
    clauses: list[_Clause],
    accept: Accept | None = None,
) -> None:
    """Give an actor to each clause without one that the model reads as a promise (or
    that ``accept`` takes: the trainer takes every reading to label it)."""
    chosen = model() if accept is None else None
    prev = ""
    for c in clauses:
        if c.kind or c.negated:
            prev = c.kind
            continue
        reading = read_clause(reader, c, prev)
        prev = ""
        if reading is None:
            continue
        if chosen is not None:
            p = probability(reading.features, chosen.bias, chosen.weights)
            if p < chosen.threshold:
                continue
        elif accept is not None and not accept(c, reading):
            continue
        c.kind, c.desc = reading.kind, (reading.verb_at, c.end)
        owed = _OWES.match(reader.text, reading.verb_at, c.end)
        if owed is not None:  # "Petr still owes me 500 crowns": what is owed
            c.debt, c.desc = True, (owed.end(), c.end)
        if reading.kind == "them":
            c.subject_raw, c.subject_at = reading.subject_raw, reading.subject_at


def explain(features: Iterable[str], weights: Mapping[str, float]) -> list[tuple[str, float]]:
    """The features that pushed a reading in or out, strongest first (for debugging)."""
    return sorted(((f, weights.get(f, 0.0)) for f in features), key=lambda x: -abs(x[1]))
