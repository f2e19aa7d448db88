"""The ``run_db`` hook every network-reaching sync use case takes.

Sync use cases run off the GUI thread, but the GUI keeps the database connection: each
database step is handed to ``run_db`` so the caller decides where it runs (the CLI and
tests run it in place, with ``direct``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
RunDb = Callable[[Callable[[], Any]], Any]


def direct(fn: Callable[[], T]) -> T:
    """Run a database step right here (the CLI, tests)."""
    return fn()
