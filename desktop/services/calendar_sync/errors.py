"""The calendar's expected failures, each with a message the user can act on."""

from __future__ import annotations


class CalendarError(Exception):
    """A calendar problem worth one clear line; ``retry``: temporary (server down)."""

    def __init__(self, message: str, *, retry: bool = False) -> None:
        super().__init__(message)
        self.retry = retry


class NotConfigured(CalendarError):
    def __init__(self) -> None:
        super().__init__(
            "No calendar is set up for this data folder (rapport calendar setup URL --user NAME, "
            "or Settings ▸ Calendar)."
        )


class WrongPassword(CalendarError):
    def __init__(self, where: str) -> None:
        super().__init__(
            f"The calendar server at {where} refused the user name or password. Check both; "
            "iCloud, Fastmail and Google need an app-specific password, not your account's."
        )


class NeedsPassword(CalendarError):
    def __init__(self, why: str) -> None:
        super().__init__(f"The calendar password is needed again: {why}.")
