"""Search snippets made in Python: a window of text around the first matched word.

FTS5's own ``snippet()`` re-runs the whole MATCH for each hit, which costs as much as
the search for a broad prefix; the text is already at hand, so we cut it ourselves with
the same accent- and case-insensitive rule the index uses.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Case- and accent-insensitive form ("José" → "jose"), like unicode61 remove_diacritics."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def query_words(query: str) -> list[str]:
    return [fold(word) for word in _WORD.findall(query)]


def make_snippet(
    text: str, words: list[str], *, width: int = 140
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A flattened excerpt of ``text`` around the first word starting with any of ``words``,
    and the ranges of every such word inside the excerpt (for highlighting)."""
    flat = " ".join(text.split())
    folded_words = tuple(words)
    matches = [
        (m.start(), m.end())
        for m in _WORD.finditer(flat)
        if fold(m.group()).startswith(folded_words)
    ]
    if not matches:
        excerpt = flat if len(flat) <= width else flat[: width - 1] + "…"
        return excerpt, ()
    first = matches[0][0]
    start = max(0, first - width // 3)
    if start > 0:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > first else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    offset = len(prefix) - start
    spans = tuple((a + offset, b + offset) for a, b in matches if a >= start and b <= end)
    return prefix + flat[start:end] + suffix, spans
