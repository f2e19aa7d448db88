"""Store errors with messages a person can act on: which file, what is wrong, what to do."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every expected storage failure; ``str(error)`` is shown to the user as is."""

    def __init__(self, path: Path, problem: str, advice: str) -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        super().__init__(f"{path}: {problem}. {advice}")


class NotADatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


class LockedDatabaseError(StoreError):
    pass


class NewerDatabaseError(StoreError):
    pass


class UnwritableLocationError(StoreError):
    pass
