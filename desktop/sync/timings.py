"""Where a sync command's time goes, for benchmarks and bug reports (issue #15).

``rapport sync …`` with ``RAPPORT_SYNC_TIMINGS=1`` in its environment prints one line
``timings: {json}`` to standard error when it ends: the seconds spent inside the command
(``command_s``), in the passphrase's key derivation (``kdf_s``, Argon2id: deliberately
slow, so it is reported apart from the sync work), and in the other named phases. The
Python start-up is what a caller's wall-clock time has on top of ``command_s``.
``process_cpu_s`` is the CPU time the whole process used (start-up included): on a
machine shared with other work it varies far less than the wall-clock figures.

Phases add up across calls (create and join derive the key more than once) and may
nest; nothing is recorded unless the command asked for it, so the cost elsewhere is one
dictionary update per phase.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "RAPPORT_SYNC_TIMINGS"
KDF = "kdf_s"
_totals: dict[str, float] = {}


def wanted() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Add the time spent inside the block to ``name``'s total."""
    started = time.perf_counter()
    try:
        yield
    finally:
        _totals[name] = _totals.get(name, 0.0) + time.perf_counter() - started


def totals() -> dict[str, float]:
    """Every phase's total so far, rounded to the millisecond."""
    return {name: round(seconds, 3) for name, seconds in sorted(_totals.items())}


def record_process_cpu() -> None:
    _totals["process_cpu_s"] = time.process_time()


def reset() -> None:
    _totals.clear()
