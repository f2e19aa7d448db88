"""Texts of the printed sheet worded for the reader: whole sentences, promises with pronouns.

A sheet is read standing in a hallway. A conversation summary cut mid-word ("she is
hiring a desi…") is worse than a shorter one that ends on a full stop, and a promise
reads best as the reader would say it: "You owe Lina: send her the pricing sheet",
"Lina owes you: an introduction to Marc" — with the person's own pronouns, and the
person's "me" turned into the reader's "you". Pure: no Qt, no database.
"""

from __future__ import annotations

import re

#: Sentence ends: Latin and CJK full stops, question and exclamation marks.
_SENTENCE_END = re.compile(r"[.!?…。！？](?=\s|$)|[。！？]")

#: Object and possessive pronouns by the first word of a "she/her"-style field.
_PRONOUNS = {
    "she": ("her", "her"),
    "he": ("him", "his"),
    "they": ("them", "their"),
    "ze": ("zir", "zir"),
    "xe": ("xem", "xyr"),
}

#: The other person's words about themselves, as the reader hears them.
_FIRST_TO_SECOND = {
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i": "you",
    "i'll": "you'll",
    "i'm": "you're",
    "i've": "you've",
}


def end_on_sentence(text: str, limit: int) -> str:
    """``text`` in full when it fits, else cut after its last whole sentence that fits.

    Only when not even one sentence fits is it cut at a word, with "…" — never mid-word.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    head = flat[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] >= limit // 4:
        return head[: ends[-1]].rstrip()
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-—") + "…"


def object_pronoun(pronouns: str) -> tuple[str, str] | None:
    """("her", "her") for "she/her", ("him", "his") for "He / Him"; None when unknown."""
    words = [w for w in re.split(r"[\s/,]+", pronouns.casefold()) if w]
    if not words:
        return None
    known = _PRONOUNS.get(words[0])
    if known:
        return known
    if len(words) >= 2:  # "fae/faer": the second form is the object one
        return words[1], words[1]
    return None


def _replace_name(text: str, first: str, full: str, pronouns: str) -> str:
    forms = object_pronoun(pronouns)
    if forms is None:
        return text
    objective, possessive = forms
    for name in sorted({full, first} - {""}, key=len, reverse=True):
        escaped = re.escape(name)
        text = re.sub(rf"(?<=\w )\b{escaped}['’]s\b", possessive, text)
        text = re.sub(rf"(?<=\w )\b{escaped}\b", objective, text)
    return text


def _second_person(text: str) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return _FIRST_TO_SECOND.get(word.casefold(), word)

    return re.sub(r"\b(?:I'll|I'm|I've|myself|mine|my|me|I)\b", swap, text, flags=re.IGNORECASE)


def promise_for_reader(
    owner: str, description: str, *, first: str, full_name: str = "", pronouns: str = ""
) -> tuple[str, str]:
    """(who owes whom, what) as the reader says it.

    ``owner`` "me": ("You owe Lina", "send her the pricing sheet") — the person's name
    in the text becomes their pronoun when it is known. ``owner`` "them": ("Lina owes
    you", "introduce you to Marc") — their "me"/"my" become the reader's "you"/"your".
    """
    text = " ".join(description.split())
    if owner == "me":
        return f"You owe {first}", _replace_name(text, first, full_name, pronouns)
    return f"{first} owes you", _second_person(text)
