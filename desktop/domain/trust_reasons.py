"""Which way each trust reason pushes its score, and how hard — in words, for display.

The meter's reasons ("kept 4 of 5 promises", "no contact for 3 months") come from
:func:`desktop.domain.trust.assess` as plain sentences, in both directions. Shown as an
unmarked list under "Why … trusts you", a reason that *lowers* the score reads as if it
raised it. This module reads each sentence back into a :class:`ShownReason` — its sign
(raises, lowers or neither) and a weight in words — without touching the formula: the
sign and weight follow the parts of the formula in docs/trust-meter.md that produced
the sentence. Pure (no Qt, no database); tests pin it to ``assess``'s actual wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RAISES = "raises"
LOWERS = "lowers"
NEUTRAL = "neutral"

#: Weight words, strongest first.
A_LOT = "a lot"
SOME = "some"
A_LITTLE = "a little"

_KEPT = re.compile(r"\bkept (\d+) of (\d+) promises?\b(?: \((\d+) late\))?")
_CREDIBILITY = re.compile(r"credibility (\d) of 5")
_COUNT = re.compile(r"^(\d+) ")
_LATE = re.compile(r"(\d+) days? late\b")


@dataclass(frozen=True, slots=True)
class ShownReason:
    text: str
    sign: str  # RAISES | LOWERS | NEUTRAL
    weight: str  # A_LOT | SOME | A_LITTLE | "" (neutral)

    @property
    def mark(self) -> str:
        """The sign as a printable mark: "+", "−" (a real minus) or "·"."""
        return {RAISES: "+", LOWERS: "\u2212"}.get(self.sign, "·")

    @property
    def words(self) -> str:
        """ "raises it a lot", "lowers it a little"; empty for a neutral line."""
        return f"{self.sign} it {self.weight}" if self.sign != NEUTRAL else ""


def _kept(match: re.Match[str]) -> tuple[str, str]:
    kept, total = int(match.group(1)), int(match.group(2))
    late = int(match.group(3) or 0)
    if total == 0:
        return NEUTRAL, ""
    ratio = (kept - late / 2) / total
    if ratio >= 0.8:
        return RAISES, A_LOT if total >= 3 else SOME
    if ratio >= 0.5:
        return RAISES, A_LITTLE
    return LOWERS, SOME if ratio >= 0.25 else A_LOT


def _overdue_weight(text: str) -> str:
    match = _LATE.search(text)
    if not match:
        return SOME
    days = int(match.group(1))
    return A_LOT if days >= 21 else SOME if days >= 7 else A_LITTLE


def classify(text: str) -> ShownReason:
    """Read one reason sentence back into its sign and weight."""
    lowered = text.casefold()
    sign, weight = NEUTRAL, ""
    if lowered.startswith(("no shared history", "no track record")):
        pass
    elif (kept := _KEPT.search(lowered)) is not None:
        sign, weight = _kept(kept)
    elif lowered.startswith("no contact for"):
        sign = LOWERS
        weight = A_LOT if ("year" in lowered or "month" in lowered) else SOME
    elif " late" in lowered and (
        " owe" in lowered or " promised " in lowered or "overdue" in lowered
    ):
        sign, weight = LOWERS, _overdue_weight(lowered)
    elif lowered.startswith("and ") and lowered.endswith("more overdue"):
        sign, weight = LOWERS, SOME
    elif (cred := _CREDIBILITY.search(lowered)) is not None:
        judged = int(cred.group(1))
        sign = RAISES if judged >= 3 else LOWERS
        weight = {5: A_LOT, 4: SOME, 3: A_LITTLE, 2: SOME, 1: A_LOT}.get(judged, SOME)
    elif lowered.startswith("introduced by"):
        sign, weight = RAISES, A_LITTLE
    elif "more than you received" in lowered or (
        "more from" in lowered and "than you gave" in lowered
    ):
        sign, weight = LOWERS, SOME
    elif lowered.startswith(("you help each other", "you have helped")):
        sign, weight = RAISES, SOME
    elif "conversation" in lowered or "chat" in lowered:
        count = _COUNT.match(lowered)
        many = int(count.group(1)) if count else 1
        sign = RAISES
        if "deep" in lowered:
            weight = A_LOT if many >= 2 else SOME
        elif "professional" in lowered:
            weight = SOME if many >= 2 else A_LITTLE
        else:
            weight = A_LITTLE  # hallway hellos: diminishing returns
    return ShownReason(text, sign, weight)


def classify_all(reasons: tuple[str, ...] | list[str]) -> list[ShownReason]:
    return [classify(r) for r in reasons]
