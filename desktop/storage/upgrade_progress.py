"""How a long upgrade step (and the compaction after it) tells the user how far it is.

Storage has no UI, so it only calls the reporter the front end installed: the CLI prints
a line, the window shows a progress dialog. ``total`` 0 means "no known end" (VACUUM).
"""

from __future__ import annotations

from collections.abc import Callable

Reporter = Callable[[str, int, int], None]  # (what, done, total)
_reporter: Reporter | None = None


def set_reporter(reporter: Reporter | None) -> Reporter | None:
    """Install ``reporter`` (None: stay silent); returns the one it replaces."""
    global _reporter
    previous, _reporter = _reporter, reporter
    return previous


def report(what: str, done: int, total: int) -> None:
    if _reporter is not None:
        _reporter(what, done, total)


_compact = False


def request_compaction() -> None:
    """A step freed much space: VACUUM once every step has committed."""
    global _compact
    _compact = True


def take_compaction() -> bool:
    global _compact
    wanted, _compact = _compact, False
    return wanted
