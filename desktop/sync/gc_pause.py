"""Python's cycle collector paused during a sync cycle's bulk work (issue #15).

Creating or joining a vault at 10,000 people builds and drops millions of small lists,
tuples and dicts (rows, writes, values). Each allocation burst triggers the cycle
collector, and its full passes walk every live container again and again: measured on
a join, ~20 % of the process's CPU time. Reference counting frees what a cycle allocates
as soon as it is dropped, so the collector is paused for the cycle and given back
afterwards (the rare reference cycle made meanwhile waits until then). The pause is
process-wide; a counter keeps nested or concurrent pauses from turning it back on early,
and a collector the application had turned off stays off.
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
