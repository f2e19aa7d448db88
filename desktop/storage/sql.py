"""Small helpers for hand-written SQL: parameter marks and batches of ids.

Values are always bound as parameters, never formatted into the text; the marks and the
batch size keep an ``IN (…)`` list under SQLite's bound-parameter limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Sized
from typing import Any, TypeVar

IN_BATCH = 400  # ids per "IN (…)": under SQLite's bound-parameter limit
S = TypeVar("S", bound=Sequence[Any])


def placeholders(values: Sized) -> str:
    """``"?, ?, ?"``: one parameter mark per value, for ``IN ({…})`` or ``VALUES ({…})``."""
    return ", ".join(["?"] * len(values))


def chunks(items: S, size: int = IN_BATCH) -> Iterable[S]:
    """Consecutive slices of at most ``size`` items (each one an ``IN (…)`` list)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]  # type: ignore[misc]
