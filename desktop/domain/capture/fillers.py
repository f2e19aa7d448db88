"""Spoken fillers in dictated notes ("so um I had lunch with Tomás, and uh, Leah said she'd
share the deck, so yeah"): blanked out before the note is read, so that they neither
hide where a clause starts nor end up in a promise's words.

The reader works on positions in the note, so a filler is replaced by spaces of the same
length (never removed): every span the reader returns still points into the note as
typed, which is what is saved. "so yeah" / "yeah so" close a thought the way a full
stop does, so they become a ";" (a clause break) instead.
"""

from __future__ import annotations

import re

# "um", "umm", "uh", "uhh", "erm", "hmm"; "er" only in lower case ("ER" is a place)
# "eh" too, a Spanish or Portuguese speaker's pause, but only in lower case ("EH" is a place)
_HESITATION = re.compile(
    r"(?<![\w'\u2019-])(?:(?i:u+m+|u+h+|e+r+m+|h+m+)|er|eh)(?![\w'\u2019-])\s*,?"
)
# "ok that's it" closes a dictated note as "so yeah" does
_SO_YEAH = re.compile(
    r"(?<![\w'\u2019-])(?i:so\s+yeah|yeah\s+so|ok(?:ay)?,?\s+that['\u2019]s\s+it)(?![\w'\u2019-])\s*,?"
)


def blank_fillers(text: str) -> str:
    """``text`` with spoken fillers turned into spaces (and "so yeah" into a ";"), the
    same length, so every position still means the same character of the note."""
    if not _HESITATION.search(text) and not _SO_YEAH.search(text):
        return text
    out = _SO_YEAH.sub(lambda m: ";" + " " * (len(m.group()) - 1), text)
    return _AFTER_WORD.sub(r"\1 ", _HESITATION.sub(_blank, out))


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


# "she asked me to, um, send her the report": the comma before the filler only paused
_AFTER_WORD = re.compile(
    r"(\b(?:to|the|a|an|my|our|her|his|their|of|with|for|at|in|on|is|was|me|him)),(?=\s{2,})",
    re.I,
)
