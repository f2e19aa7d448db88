"""A learned second opinion on where a promise's words end: the aside after its last comma.

People write a comment right after a promise, in the same breath: "lend him the strimmer,
said fine", "email me the RFP, ok good", "finish the roof, grand", "introduce me to her
niece Hira, an architect in Leeds", "send the proposal (not Thursday)". The rules cut the
asides they were written for (", obviously", ", ok", "(Tal)"); each writer has others.
Yet the words after a comma are often the promise's own ("send the deck, the budget and
the plan", "a beer for the help, and lunch"). This module describes the last comma or
bracketed tail of a promise's words (its first words, its length, whether it has a
subject and a verb of saying, whether it follows a name) and a logistic model trained on
the annotated corpus (trainer: ``tests/benchmarks/train_tail_cutter.py``) says whether
it is an aside to cut.

Why a linear model written here: as for ``who_scorer`` and ``promise_finder`` (a look-up
per feature, weights in a small JSON file shipped in the package, nothing downloaded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.domain.capture.first_names import is_first_name
from desktop.domain.capture.promise_finder import Model, shipped_model
from desktop.domain.capture.who_scorer import probability

WEIGHTS_FILE = "tail_weights.json"

# the last ", …" or " (…)" of a promise's words, up to 60 characters
_TAIL = re.compile(r"(?:,(?!\d)\s*|\s+\()(?P<tail>[^,()]{1,60}?)\)?\s*\Z")  # not "€2,400"
_SUBJECTS = frozenset(["i", "im", "i'm", "she", "he", "they", "we", "you", "it", "its", "kk"])
_SAYING = frozenset(
    [
        "said",
        "says",
        "told",
        "agreed",
        "asked",
        "mentioned",
        "promised",
        "replied",
        "answered",
        "texted",
        "wrote",
    ]
)
_DETERMINERS = frozenset(["a", "an", "the", "our", "their", "his", "her", "my", "your"])
_INTRODUCES = re.compile(r"(?:intro|introduce|connect|put\s+(?:me|us|him|her)\s+in\s+touch)", re.I)
_LIST = re.compile(r"\b(?:and|or|plus|&)\b|&", re.I)
_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mx"])
_JOINERS = frozenset(
    [
        "to",
        "for",
        "with",
        "in",
        "on",
        "at",
        "by",
        "from",
        "and",
        "or",
        "but",
        "plus",
        "then",
        "also",
        "incl",
        "including",
        "about",
        "re",
        "regarding",
    ]
)


@dataclass(frozen=True, slots=True)
class Tail:
    """The last aside-shaped part of a promise's words: where it starts, its features."""

    at: int
    features: tuple[str, ...]


def model() -> Model:
    """The cutter's weights (read once, on the first promise)."""
    return shipped_model(WEIGHTS_FILE)


def tail_of(description: str, owner: str) -> Tail | None:
    """The tail a model may cut, with what it weighs; ``None`` when there is none, or
    cutting it would leave fewer than two words."""
    m = _TAIL.search(description)
    if m is None or len(description[: m.start()].split()) < 2:
        return None
    words = m.group("tail").split()
    if not words:
        return None
    folded = [w.casefold().strip(".!?;:'\"") for w in words]
    before = description[: m.start()].split()[-1]
    if _LIST.search(m.group("tail")) or (folded[0] in _DETERMINERS and not before[:1].isupper()):
        return None  # "the floor plan, the budget and the schedule": a list, all of it
    mark = "paren" if description[m.start() :].lstrip().startswith("(") else "comma"
    feats = [f"owner={owner}", f"first={folded[0]}", f"len={min(len(words), 5)}", mark]
    if len(folded) > 1:
        feats.append(f"first2={folded[0]} {folded[1]}")
    feats.append(f"last={folded[-1]}")
    if any(w in _SUBJECTS for w in folded):
        feats.append("subject")
    if any(w in _SAYING for w in folded):
        feats.append("saying")
    if folded[0] in _DETERMINERS:
        feats.append("determiner")
    if folded[0] in _JOINERS:
        feats.append("joiner")
    if before[:1].isupper():
        feats.append("after_name")
    capitals = sum(w[:1].isupper() for w in words)
    if capitals == len(words) or (capitals and folded[0] in _TITLES):
        feats.append("name")  # "…, Philipp von Lennartz", "…, Mrs. Funmi Adebayo": whom
    elif capitals:
        feats.append("capital")
    else:
        feats.append("lower")
    after = "name" if before[:1].isupper() else "word"
    feats.append(f"shape={after}:{mark}:{feats[-1]}:{min(len(words), 3)}")
    if any(ch.isdigit() for ch in m.group("tail")):
        feats.append("digit")
    if is_first_name(folded[0]) or (len(folded) > 1 and is_first_name(folded[1])):
        feats.append("first_name")  # "…, their cmo, burak demir" typed in lower case
    if _INTRODUCES.match(description):
        feats.append("introduces")  # "intro me to Hugo Lambert, their head of partnerships"
    if "," in description[: m.start()]:
        feats.append("comma_before")  # "ask her team lead, Petra Voss, about budget"
    feats.append(f"kept_words={min(len(description[: m.start()].split()), 8)}")
    return Tail(m.start(), tuple(feats))


def without_aside(description: str, owner: str, weights: Model | None = None) -> str:
    """``description`` without its last tail when the model reads it as an aside."""
    tail = tail_of(description, owner)
    if tail is None:
        return description
    chosen = weights or model()
    if probability(tail.features, chosen.bias, chosen.weights) < chosen.threshold:
        return description
    return description[: tail.at].rstrip(" ,;:-\u2013\u2014")
