"""The first name a text should use for a person, whatever decorates their display name.

People's names arrive from phone books and social profiles decorated: "🌻 Sunny Okafor 🚀",
"Dr. Ana Ruiz", "★ Lina". Reasons ("kept 4 of 5 promises Sunny made"), actions and the
printed sheet speak of the person by first name, so an emoji, a title or a stray symbol
must never be taken for it. Pure: used by the domain, the services, the UI and printing.
"""

from __future__ import annotations

import unicodedata

#: Honorifics and titles that come before a name, compared without dots and case.
TITLES = frozenset(
    {
        "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame",
        "lord", "lady", "rev", "reverend", "fr", "father", "sr", "sra", "srta", "mme", "mlle",
        "m", "herr", "frau", "dott", "dottssa", "ing", "hon", "capt", "captain", "col", "gen",
        "sgt", "lt", "rabbi", "imam", "pastor", "sheikh", "hr", "fru", "dra",
    }
)  # fmt: skip

FALLBACK = "them"


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in ("L", "M")


def _is_kept(char: str) -> bool:
    return unicodedata.category(char)[0] in ("L", "M", "N")


def _trimmed(word: str) -> str:
    """``word`` without symbols at either end ("(Ana)" → "Ana", "🚀" → "", "Zed00" kept);
    a word with no letter at all (a number, a symbol) gives ""."""
    start, end = 0, len(word)
    while start < end and not _is_kept(word[start]):
        start += 1
    while end > start and not _is_kept(word[end - 1]):
        end -= 1
    word = word[start:end]
    return word if any(_is_letter(c) for c in word) else ""


def first_name(full_name: str, fallback: str = FALLBACK) -> str:
    """The first real word of ``full_name``: no emoji, symbol, title or initial-only dot.

    "🌻 Sunny Okafor 🚀" → "Sunny"; "Dr. Ana Ruiz" → "Ana"; "Prof Dr Lina Haddad" → "Lina";
    "王小明" → "王小明". A name that is only a title ("Dr. Who" keeps "Who") or only symbols
    gives ``fallback`` — or the stripped text when there is no word at all to offer.
    """
    last = ""
    for raw in full_name.split():  # the first real word wins: stop there (hot in trust)
        word = raw if raw.isalpha() else _trimmed(raw)  # plain letters: nothing to trim
        if not word:
            continue
        if word.replace(".", "").casefold() not in TITLES:
            return word
        last = word
    return last or fallback  # only titles ("Dr") — better a title than nothing
