"""The process's cycle collector: paused for bulk work, and run only on the GUI thread.

Two policies live here because both switch the same process-wide collector.

**Paused for bulk work** (#15, #17). Creating or joining a vault at 10,000 people builds
and drops millions of small lists, tuples and dicts (~20 % of a join's CPU went to the
collector), and reading trust for 10,000 people makes some 150,000 small records (about a
fifth of that load's time). None of them form reference cycles, yet the collector scans
them again and again as they age through its generations. Reference counting still frees
everything as usual; only the search for cycles waits until the work ends. Pauses nest
across threads through one counter, and the collector is switched back on when the last
one ends — and only if it was on when the first began.

**Only on the GUI thread.** CPython runs an automatic collection on whichever thread
happens to allocate when a generation fills up. If that is a worker thread and the garbage
holds a Qt wrapper (a closed dialog caught in a reference cycle), the Qt object is destroyed
off the GUI thread and the process can crash: seen as a segmentation fault "Garbage-
collecting" under a worker's peewee query on Python 3.13. So once Qt is up, automatic
collection is switched off (:func:`collect_only_on_request`) and the GUI thread calls
:func:`collect_due` on a timer (``desktop/ui/kit/cycle_collector.py``), collecting exactly
the generations CPython itself would have collected by then.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False
_on_request_only = False


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
            if _depth == 0 and _was_enabled and not _on_request_only:
                gc.enable()


@contextmanager
def off_until_requested() -> Iterator[None]:
    """Automatic collection off from now until :func:`collect_only_on_request` takes over
    (a window's start-up: its imports free no cycles, yet CPython collects ~30 times over
    them); if the block ends before that, it is switched back on as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled and not _on_request_only:
            gc.enable()


def collect_only_on_request() -> None:
    """Switch automatic collection off for good: from now on only :func:`collect_due` runs it.

    Call it on the thread that will call :func:`collect_due` (the GUI thread).
    """
    global _on_request_only, _was_enabled
    with _lock:
        _on_request_only = True
        _was_enabled = False  # a pause running now must not switch it back on
        gc.disable()


def collect_automatically() -> None:
    """Give collection back to CPython (undoes :func:`collect_only_on_request`)."""
    global _on_request_only, _was_enabled
    with _lock:
        _on_request_only = False
        if _depth:
            _was_enabled = True  # the last pause to end switches it on
        else:
            gc.enable()


def on_request_only() -> bool:
    """Whether automatic collection is off and :func:`collect_due` is in charge."""
    return _on_request_only


def collect_due() -> int | None:
    """Collect the generations whose counts passed CPython's thresholds; ``None`` if none.

    Returns the generation collected. Nothing happens while bulk work has the collector
    paused (it would only scan the bulk's young objects again), nor when automatic
    collection is on (CPython does it then).
    """
    if gc.isenabled() or _depth:
        return None
    threshold0, threshold1, threshold2 = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if threshold0 <= 0 or count0 <= threshold0:
        return None
    generation = 0
    if count1 > threshold1:
        generation = 1
        if count2 > threshold2:
            generation = 2
    gc.collect(generation)
    return generation
