"""Sync failures as messages a person can act on; none ever contains a secret.

``str(error)`` is shown as is (status bar, dialogs, the CLI). ``retry`` says whether the
next scheduled cycle may simply try again (server down) or the user must act first
(wrong password, vault moved).
"""

from __future__ import annotations


class SyncError(Exception):
    retry = False

    def __init__(self, message: str) -> None:
        super().__init__(message)


class NotConfigured(SyncError):
    def __init__(self) -> None:
        super().__init__("Sync is not set up for this data folder (rapport sync create/join).")


class VaultMissing(SyncError):
    """vault.json is absent: the folder was moved or emptied. Never treated as empty."""


class VaultMismatch(SyncError):
    """The target holds another vault than the one this device belongs to."""


class VaultExists(SyncError):
    """Create was asked where a vault already is: join it instead."""


class WrongPassphrase(SyncError):
    def __init__(self) -> None:
        super().__init__("That passphrase does not open this sync vault. Nothing was changed.")


class AuthenticationFailed(SyncError):
    """The server refused the user name, password, access key or secret (401/403)."""


class RemoteNotFound(SyncError):
    """The address, folder or bucket does not exist (404 on the base)."""


class RemoteUnavailable(SyncError):
    """Down, unreachable, overloaded or locked after bounded retries: try again later."""

    retry = True


class RemoteFull(SyncError):
    retry = True


class LocalStoreFull(SyncError):
    retry = True


class NeedsSecret(SyncError):
    """Session-only mode (no keyring): the passphrase or password must be asked again."""

    def __init__(self, what: str, why: str) -> None:
        self.what = what
        super().__init__(f"Sync needs the {what} again: {why}")


class IntegrityError(SyncError):
    """A remote file failed authentication (altered, truncated, misplaced or half-copied)."""

    retry = True
