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


class UnsafePath(SyncError):
    """A remote path that would leave the vault (``..``, an absolute path, a link out of
    the folder, a name Rapport never writes). Refused before any request is sent: the
    storage is not trusted to name the files Rapport reads, writes or deletes."""

    def __init__(self, path: str) -> None:
        shown = path.encode("unicode_escape").decode("ascii")[:120]
        super().__init__(
            f"Refused the path {shown!r}: it would leave the sync vault. Someone may have "
            "planted files in the storage folder; nothing outside the vault was touched."
        )


class WrongPassphrase(SyncError):
    def __init__(self) -> None:
        super().__init__("That passphrase does not open this sync vault. Nothing was changed.")


class KeyslotDamaged(SyncError):
    """No keyslot is well-formed: someone (or a broken copy) changed them. Not a wrong
    passphrase, which is what a well-formed slot that does not open means."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The vault's keyslot was changed or damaged ({reason}); this is not a wrong "
            "passphrase. Nothing was changed. Restore the folder rapport-sync-v1/keyslots "
            "from your storage's version history, or ask a device that still syncs."
        )


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


class PassphraseOnce(NeedsSecret):
    """The passphrase is needed once before this device can go on syncing; the message
    says why (shown as is in the passphrase window and by the CLI)."""

    def __init__(self, message: str) -> None:
        self.what = "passphrase"
        SyncError.__init__(self, message)


class RosterNeeded(PassphraseOnce):
    """This device cannot yet check who signed what: the vault has no device roster yet
    (made by an earlier Rapport), this device has not pinned its roster key, or it is not
    in the roster with the signing key it holds."""

    def __init__(self, why: str) -> None:
        super().__init__(
            f"{why} This device needs the passphrase once to keep syncing: Settings ▸ Sync, "
            "or run 'rapport sync unlock'. Nothing was sent or received until then, and "
            "nothing was lost."
        )


class KeyRotated(PassphraseOnce):
    """Another device removed a lost device and changed the vault's data key.

    This device still holds only the old key: until the passphrase is typed once here it
    neither sends (its new changes would be readable by the removed device) nor receives
    (it could not yet tell which of the removed device's updates to refuse).
    """

    def __init__(self, by: str) -> None:
        super().__init__(
            f"The vault's key was changed on {by} (a lost device was removed). This device "
            "needs the passphrase once to keep syncing: Settings ▸ Sync, or run "
            "'rapport sync unlock'. Nothing was sent or received until then, and nothing "
            "was lost.",
        )


class DeviceRemoved(SyncError):
    """This device was removed from the vault (reported lost) on another device."""

    def __init__(self, by: str) -> None:
        super().__init__(
            f"This device was removed from the sync vault on {by} (reported lost), so it no "
            "longer syncs. Nothing here was deleted. To sync it again, join the vault again "
            "as a new device: Settings ▸ Sync ▸ Forget this device, then Join (or "
            "'rapport sync join TARGET')."
        )
