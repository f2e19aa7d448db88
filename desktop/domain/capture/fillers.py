"""Spoken fillers in dictated notes ("so um I had lunch with Tomás, and uh, Leah said she'd
share the deck, so yeah"): blanked out before the note is read, so that they neither
hide where a clause starts nor end up in a promise's words.

The reader works on positions in the note, so a filler is replaced by spaces of the same
length (never removed): every span the reader returns still points into the note as
typed, which is what is saved. "so yeah" / "yeah so" close a thought the way a full
stop does, so they become a ";" (a clause break) instead. A promise word typed with two
letters swapped ("promsied") is put right here too, for the same reason and at the same
length.
"""

from __future__ import annotations

import re

_PAUSE = r"u+m+|u+h+|e+r+m+"  # "um", "uhh", "erm": a pause, whatever its length
# "um", "umm", "uh", "uhh", "erm", "hmm"; "er" only in lower case ("ER" is a place)
# "eh" too, a Spanish or Portuguese speaker's pause, but only in lower case ("EH" is a place)
_HESITATION = re.compile(
    rf"(?<![\w'\u2019-])(?:(?i:{_PAUSE}|h+m+)|er|eh"
    # "… by Monday and ja I must get …": a South African "ja" (or "yeah") before "I"
    r"|(?<=(?i:and) )(?i:ja|ya|yah|yeah)(?=\s+(?:I|we)\b))"
    r"(?![\w'\u2019-])\s*,?"
)
_PAUSE_THEN_I = re.compile(rf"(?<=\w )(?i:{_PAUSE})(?=[ \t]+I\b)")
# … but not where the words before lead into it: "I said um I'd loop back", "and um I"
_LEADS_ON = re.compile(
    r"(?i:said|says|say|told\s+\w+|tell\s+\w+|that|think|thought|reckon|guess|and|but|so"
    r"|because|cos|if|when|then|maybe)[ \t]+\Z"
)


def _pause_stop(m: re.Match[str]) -> str:
    if _LEADS_ON.search(m.string, max(0, m.start() - 20), m.start()):
        return m.group()
    return ";" + " " * (len(m.group()) - 1)


# "ok that's it", "anyway that's it" close a dictated note as "so yeah" does
_SO_YEAH = re.compile(
    r"(?<![\w'\u2019-])(?i:so\s+yeah|yeah\s+so|(?:ok(?:ay)?|yeah|yep|anyway),?\s+that['\u2019]s\s+it)"
    r"(?![\w'\u2019-])\s*,?"
)
# laughter ("I owe him a caipirinha hahaha", "at the gym lol his wife …") is no part of what
# is said: blanked at the end of its line, and where words go on after it on its line it
# ends the thought there (left alone before a comma or a bracket, which already do)
_LAUGHTER = re.compile(
    r"(?<![\w'\u2019-])(?i:(?:ha){2,}h?|(?:he){2,}|lo+l|lmao|rofl)"
    r"(?:(?P<on>[ \t]+\w)|[ \t]*(?=\n|\Z))"
)


def _laughter(m: re.Match[str]) -> str:
    if m.group("on"):
        return ";" + " " * (m.start("on") - m.start() - 1) + m.group("on")
    return " " * len(m.group())


# punctuation a dictation app wrote out as words ("… next time comma also her colleague
# Marco should call me", "send her the link period Antoine will call"): after a word, in
# lower case, as dictation writes them, before another word or the line's end
_SPOKEN_MARK = re.compile(
    r"(?<=\w)[ \t]+(comma|full[ \t]+stop|period|question[ \t]+mark"
    r"|new[ \t]+(?:line|paragraph))(?=[ \t]+\w|[ \t]*(?:[.!?,;]|\n|\Z))"
)
_MARKS = {"comma": ",", "full": ".", "period": ".", "question": "?", "new": "\n"}
_ABOUT_A_MARK = frozenset(
    {"the", "a", "an", "this", "that", "no", "missing", "extra", "oxford", "serial", "every"}
)
# "the trial period", "a notice period": a span of time, not a dictated full stop
_TIME_BEFORE_PERIOD = frozenset(
    {
        "trial", "grace", "notice", "probation", "probationary", "waiting", "cooling",
        "cooling-off", "same", "holiday", "busy", "quiet", "review", "transition",
        "testing", "test", "free", "rental", "lock-up", "lockup", "settling", "exam",
        "reporting", "billing", "payment", "warranty", "sales", "peak", "off", "long",
        "short", "whole", "entire", "first", "second", "last", "next", "two-week",
        "six-month", "three-month", "time", "my", "her", "his", "our", "their", "your",
    }
)  # fmt: skip


# the words a note's dates and promises hang on, which thumbs type with two neighbouring
# letters swapped ("promsied to send him the vid", "send it thursdya", "she'll intorduce
# me"): every such swap of them is put right in place, at the same length. Generated
# rather than listed, so a new writer's swap is caught too; none of the swaps is a word.
_EXACT_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday "
    "january february march april august september october november december "
    "tomorrow tonight weekend promise promised promises introduce introduced"
)


def _swaps(word: str) -> set[str]:
    """``word`` with each pair of neighbouring letters swapped (when they differ)."""
    return {
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    }


_SWAPPED_FIX = {swap: word for word in _EXACT_WORDS.split() for swap in _swaps(word)}
_SWAPPED = re.compile(
    r"(?<![\w'\u2019-])(?i:"
    + "|".join(sorted(_SWAPPED_FIX, key=len, reverse=True))
    + r")(?![\w'\u2019-])"
)


def _unswapped(m: re.Match[str]) -> str:
    fixed = _SWAPPED_FIX[m.group().casefold()]
    return fixed.capitalize() if m.group()[0].isupper() else fixed


# the verbs a promise of the notes starts with, after a future said the way other
# Englishes say it (a subset of the reader's action verbs: these never follow "go" or
# "promise" as anything else)
_PROMISE_VERB = (
    r"(?:send|email|call|ring|share|forward|introduce|intro|connect|link|check|review|bring"
    r"|pay|return|give|pass|show|help|drop|fix|prepare|book|text|sort|get|do|find|buy)\b"
)
# a future or a promise said the way other Englishes say it, respelt in place, the same
# length, as the standard form the reader knows: Nigerian and Caribbean "he go send me the
# link" (he'll send), "zhang wei promise send samples" (will send), Scots "gonnae"
_OTHER_FUTURE = re.compile(
    rf"(?i:\b(?P<go>(?:he|she|i|we|they)\s+go)\s+(?={_PROMISE_VERB})"
    rf"|(?<![\w'\u2019-])(?P<promise>promise)\s+(?={_PROMISE_VERB})"
    # Nigerian Pidgin "make I send him my CV": let me, I will
    rf"|\b(?P<make>make\s+I)\s+(?={_PROMISE_VERB})"
    # "he offer to show me the tower": a learner's present for "offered to"
    rf"|(?:(?<=\bhe\s)|(?<=\bshe\s))(?P<offer>offer\s+to)\s+(?={_PROMISE_VERB}|show\b)"
    r"|\b(?P<gonnae>gonnae)\b)"
)


# before "promise" as a noun: "a promise", "my promise", "the promise"
_DETERMINER = re.compile(r"(?i:\b(?:a|the|my|his|her|our|their|your|this|that|no)\s+\Z)")


def _standard_future(m: re.Match[str]) -> str:
    """The standard form of the future ``m`` found, padded to the same length: "he go" ->
    "he\u2019ll", "promise" -> "will   ", "make I" -> "I will", "offer to" -> "will    "."""
    said = m.group(m.lastgroup or 0)
    if m.lastgroup == "promise" and _DETERMINER.search(m.string, max(0, m.start() - 8), m.start()):
        return m.group()  # "a promise", "my promise": the noun
    standard = {
        "go": said[: -len(" go")] + "\u2019ll",
        "make": "I will",
        "offer": "will",
        "promise": "will",
        "gonnae": "gonna",
    }[m.lastgroup or ""]
    return standard.ljust(len(said)) + m.group()[len(said) :]


def normalise_forms(text: str) -> str:
    """``text`` with other Englishes' futures respelt in place, the same length: every
    position still means the same character of the note, and a promise's words start at
    its verb, after the respelt part."""
    return _OTHER_FUTURE.sub(_standard_future, text)


def blank_fillers(text: str) -> str:
    """``text`` with spoken fillers turned into spaces (and "so yeah" into a ";") and a
    promise word typed with two letters swapped put right, the same length, so every
    position still means the same character of the note. A punctuation mark dictated as
    a word ("comma") becomes the mark, padded with spaces."""
    text = normalise_forms(_SWAPPED.sub(_unswapped, text))
    text = _LAUGHTER.sub(_laughter, text)
    if not _HESITATION.search(text) and not _SO_YEAH.search(text) and not _SPOKEN_MARK.search(text):
        return text
    out = _SPOKEN_MARK.sub(_mark, text)
    # "she wants to do a pilot um I told her I'd …": a pause before "I" starts a new thought
    out = _PAUSE_THEN_I.sub(_pause_stop, out)
    out = _SO_YEAH.sub(lambda m: ";" + " " * (len(m.group()) - 1), out)
    return _AFTER_WORD.sub(r"\1 ", _HESITATION.sub(_blank, out))


def _mark(m: re.Match[str]) -> str:
    """ " comma" -> ",      ": the mark right after the word, then spaces; but "the comma
    placement", "an Oxford comma" are about a comma."""
    before = re.search(r"([\w\-]+)\W*\Z", m.string[: m.start()])
    word = before.group(1).casefold() if before else ""
    if word in _ABOUT_A_MARK or (m.group(1) == "period" and word in _TIME_BEFORE_PERIOD):
        return m.group()
    mark = _MARKS[m.group(1).split()[0].casefold()]
    return mark + " " * (len(m.group()) - 1)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


# "she asked me to, um, send her the report": the comma before the filler only paused
_AFTER_WORD = re.compile(
    r"(\b(?:to|the|a|an|my|our|her|his|their|of|with|for|at|in|on|is|was|me|him)),(?=\s{2,})",
    re.I,
)
