"""Python's cycle collector paused while bulk work builds many small objects (#15, #17).

Creating or joining a vault at 10,000 people builds and drops millions of small lists,
tuples and dicts (~20 % of a join's CPU went to the collector), and reading trust for
10,000 people makes some 150,000 small records (about a fifth of that load's time).
None of them form reference cycles, yet the collector scans them again and again as they
age through its generations. Reference counting still frees everything as usual; only the
search for cycles waits until the work ends.

One module for the whole process (sync's cycle and the services' bulk reads both use it),
because the collector is process-wide: pauses nest across threads through one counter,
and the collector is switched back on when the last one ends — and only if it was on when
the first began.
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
