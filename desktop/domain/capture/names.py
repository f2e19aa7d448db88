"""Finding people's names in a note and working out who a name or pronoun means."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from desktop.domain.capture.rules import LanguageRules
from desktop.domain.capture.text import (
    _APOS,
    _MAX_NAME_WORDS,
    _WORD_RE,
    _clean_name,
    _is_cap_word,
    _is_caseless,
    _skip_hspace,
)


def _split_contraction(word: str, rules: LanguageRules) -> tuple[str, bool]:
    """Split "Ben's" / "She'll" into the name part and whether the name must end there.

    "O'Brien" stays whole: only known contraction endings close a name.
    """
    for index, ch in enumerate(word):
        if ch in _APOS and index > 0:
            if word[index + 1 :].casefold() in rules.contraction_suffixes:
                return word[:index], True
            break
    return word, False


def _scan_name(
    text: str, pos: int, hi: int, rules: LanguageRules, *, caseless: bool = False
) -> tuple[int, int] | None:
    """The span of a person's name starting at ``pos`` (after spaces and titles), if any.

    A name is a run of capitalised words on one line ("José Núñez", "Jean-Luc Picard",
    "J. R. Smith") that may hold lower-case particles before a capitalised word ("Ludwig
    van Beethoven"). With ``caseless`` (right after "Met"), words of scripts without
    capitals count too, so "Met محمد علي" or "Met 王小明" finds the name.
    """
    i = _skip_hspace(text, pos, hi)
    start = end = -1
    words = 0
    while words < _MAX_NAME_WORDS:
        m = _WORD_RE.match(text, i, hi)
        if m is None:
            break
        base, closes = _split_contraction(m.group(), rules)
        word_end = m.start() + len(base)
        folded = base.casefold()
        if start < 0 and folded in rules.titles:
            i = word_end + 1 if text.startswith(".", word_end) else word_end
        elif (_is_cap_word(base) or (caseless and _is_caseless(base[0]))) and (
            folded not in rules.not_names
        ):
            if start < 0:
                start = m.start()
            if len(base) == 1 and text.startswith(".", word_end) and not closes:
                word_end += 1  # an initial: "J."
            end = i = word_end
            words += 1
            if closes:
                break
        elif start >= 0 and folded in rules.particles and not closes:
            i = word_end  # kept only if a capitalised word follows
        else:
            break
        following = _skip_hspace(text, i, hi)
        if following == i:
            break
        i = following
    return (start, end) if start >= 0 else None


def _name_ending_at(text: str, lo: int, end: int, rules: LanguageRules) -> tuple[int, int] | None:
    """The span of a name that ends exactly at ``end`` ("Ben Ode| will send ...")."""
    tokens = list(_WORD_RE.finditer(text, max(lo, end - 80), end))
    if not tokens or tokens[-1].end() != end:
        return None
    start = -1
    words = 0
    follow = end
    for tok in reversed(tokens):
        if tok.end() != end and _skip_hspace(text, tok.end(), follow) != follow:
            break
        word = tok.group()
        folded = word.casefold()
        if _split_contraction(word, rules)[1]:
            break
        if _is_cap_word(word) and folded not in rules.not_names:
            start = tok.start()
            words += 1
            if words >= _MAX_NAME_WORDS:
                break
        elif not (start >= 0 and folded in rules.particles):
            break
        follow = tok.start()
    return (start, end) if start >= 0 else None


def _names_in(text: str, lo: int, hi: int, rules: LanguageRules) -> list[tuple[int, int]]:
    """Spans of every capitalised name-like run between ``lo`` and ``hi``."""
    found: list[tuple[int, int]] = []
    next_free = lo
    for m in _WORD_RE.finditer(text, lo, hi):
        if m.start() < next_free:
            continue
        base = _split_contraction(m.group(), rules)[0]
        if not _is_cap_word(base) or base.casefold() in rules.not_names:
            continue
        span = _scan_name(text, m.start(), hi, rules)
        if span is not None:
            found.append(span)
            next_free = span[1]
    return found


class _NameIndex(NamedTuple):
    """Names by case-folded full name and by case-folded first name."""

    by_full: dict[str, str]
    by_first: dict[str, list[str]]


def _index_names(names: Iterable[object]) -> _NameIndex:
    """Index names for exact and first-name look-ups (fuzzy matching lives elsewhere)."""
    by_full: dict[str, str] = {}
    by_first: dict[str, list[str]] = {}
    for raw in names:
        if not isinstance(raw, str):
            continue
        clean = _clean_name(raw)
        key = clean.casefold()
        if not key or key in by_full:
            continue
        by_full[key] = clean
        by_first.setdefault(key.split()[0], []).append(clean)
    return _NameIndex(by_full, by_first)


@functools.lru_cache(maxsize=8)
def _known_index(names: tuple[object, ...]) -> _NameIndex:
    """The user's contacts, indexed once per contact list, not on every keystroke."""
    return _index_names(names)


class _Roster:
    """Who the note is about: people met here first, then the user's known contacts."""

    def __init__(self, known: _NameIndex) -> None:
        self.known = known
        self.met: list[str] = []
        self._met = _NameIndex({}, {})

    def add_met(self, name: str) -> None:
        """Remember a person met in this note, once, in order."""
        key = name.casefold()
        if key and key not in self._met.by_full:
            self.met.append(name)
            self._met.by_full[key] = name
            self._met.by_first.setdefault(key.split()[0], []).append(name)

    def lookup(self, raw: str) -> str | None:
        """The full name ``raw`` stands for, if a person met or a contact has it.

        People met in this very note win over contacts ("Ben" is the Ben just met), and a
        first name counts only when it is unique.
        """
        key = _clean_name(raw).casefold()
        if not key:
            return None
        for index in (self._met, self.known):
            if key in index.by_full:
                return index.by_full[key]
        if " " not in key:
            for index in (self._met, self.known):
                candidates = index.by_first.get(key)
                if candidates and len(candidates) == 1:
                    return candidates[0]
        return None

    def resolve(self, raw: str) -> str:
        """The known full name, else the longest known tail ("Afterwards Ben"), else raw."""
        found = self.lookup(raw)
        if found:
            return found
        words = _clean_name(raw).split()
        for index in range(1, len(words)):
            found = self.lookup(" ".join(words[index:]))
            if found:
                return found
        return " ".join(words)

    def pronoun(self, exclude: Iterable[str | None] = ()) -> str | None:
        """Who "she"/"they" means: the one person met not otherwise named, else unknown."""
        excluded = {e.casefold() for e in exclude if e}
        candidates = [p for p in self.met if p.casefold() not in excluded]
        return candidates[0] if len(candidates) == 1 else None


def _known_at(
    text: str, pos: int, hi: int, roster: _Roster, rules: LanguageRules
) -> tuple[str, int] | None:
    """A contact typed in lower case right after "met" ("met ana ruiz"), with its end."""
    index = roster.known
    if not index.by_full:
        return None
    i = _skip_hspace(text, pos, hi)
    words: list[re.Match[str]] = []
    while len(words) < 4:
        m = _WORD_RE.match(text, i, hi)
        if m is None:
            break
        words.append(m)
        following = _skip_hspace(text, m.end(), hi)
        if following == m.end():
            break
        i = following
    for count in range(len(words), 0, -1):
        key = _clean_name(" ".join(w.group() for w in words[:count])).casefold()
        if key in index.by_full:
            return index.by_full[key], words[count - 1].end()
        candidates = index.by_first.get(key)
        if count == 1 and candidates and len(candidates) == 1 and key not in rules.not_names:
            return candidates[0], words[0].end()
    return None
