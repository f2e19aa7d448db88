"""Pausing the cycle collector while a bulk read builds many small objects.

Reading trust for 10,000 people makes some 150,000 small records, tallies and readings,
none of which form reference cycles, yet the collector scans them again and again as they
age through its generations: about a fifth of the load's time at 10,000 people (#17).
Reference counting still frees everything as usual; only the search for cycles waits
until the read ends.

The collector is process-wide, and bulk reads run on worker threads: pauses nest across
threads, and the collector is switched back on when the last one ends — and only if it
was on when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting goes on)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
