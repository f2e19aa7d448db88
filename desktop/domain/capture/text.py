"""Characters and words of a capture note: scripts, marks, direction marks, names."""

from __future__ import annotations

import re
import unicodedata

# Combining marks and joiners: part of a written name ("José" typed decomposed, Hebrew
# points, Devanagari vowel signs) although ``\w`` does not count them as letters.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ufe20-\ufe2f"
)
# Invisible direction marks that right-to-left text carries around names.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_APOS = "'\u2019\u02bc"
# The line breaks ``str.splitlines`` knows: every one ends a sentence.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"

_WORD_RE = re.compile(rf"[^\W\d_]{_LETTER}*(?:[{_APOS}\-]{_LETTER}+)*")
_PHRASE_TOKEN_RE = re.compile(rf"(?:[\w&@+]|[{_MARKS}])(?:[\w&@+.{_APOS}\-]|[{_MARKS}])*")
_HSPACE_RE = re.compile(rf"(?:[^\S{_LINE_BREAKS}]|[{_BIDI}])*")
_BIDI_RE = re.compile(f"[{_BIDI}]")
_TAG_RE = re.compile(rf"(?<![\w#&/{_MARKS}])#((?:[\w\-]|[{_MARKS}])+)")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([,;:.!?])")
_DESCRIPTION_STRIP = ' \t.,;:!?\u2014\u2013-\u2026"\u201c\u201d()[]' + _BIDI

_MAX_NAME_WORDS = 5
_MAX_PHRASE_WORDS = 6


def _skip_hspace(text: str, pos: int, hi: int) -> int:
    """Skip spaces and direction marks on the same line (names never span lines)."""
    return _HSPACE_RE.match(text, pos, hi).end()  # type: ignore[union-attr]  # `*` always matches


def _is_caseless(ch: str) -> bool:
    """True for letters of scripts without capitals (Arabic, Hebrew, CJK, Devanagari...)."""
    return ch.isalpha() and not ch.isupper() and not ch.islower()


def _is_cap_word(word: str) -> bool:
    """A capitalised word, not an all-capitals acronym such as "CTO" or "IBM"."""
    return bool(word) and word[0].isupper() and not (len(word) > 1 and word.isupper())


def _clean_name(raw: str) -> str:
    """One spelling per name: no direction marks, single spaces, composed accents (NFC)."""
    return unicodedata.normalize("NFC", " ".join(_BIDI_RE.sub("", raw).split()))
