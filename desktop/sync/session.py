"""What one sync cycle's parts share: the remote, this device's place in the vault, the
keys, sealing and opening files at their address, the database hook, device names and the
rolling backup.

The engine (segments) and :mod:`desktop.sync.snapshot` (snapshots) both receive a
``SyncSession`` and use only its public face, so either can change without reaching into
the other.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

import peewee as pw

from desktop.storage.backup import (
    backup_paths,
    parse_timestamped_name,
    timestamped_name,
    write_backup,
)
from desktop.storage.errors import SQLITE_FULL, sqlite_code
from desktop.storage.models import database
from desktop.sync import layout, state
from desktop.sync.crypto import KIND_DEVICE, Address, SealError, open_sealed, public_key, seal
from desktop.sync.errors import LocalStoreFull
from desktop.sync.payload import decode_json
from desktop.sync.remotes.base import Remote
from desktop.sync.roster import Trust, check_signed
from desktop.sync.vault import DataKey, KeyRing

log = logging.getLogger(__name__)
T = TypeVar("T")
RunDb = Callable[[Callable[[], T]], T]
BACKUPS_KEPT = 2


def _reason(name: str) -> str:
    """The reason part of a backup's file name ("before-sync", "auto"…); "" for others."""
    parsed = parse_timestamped_name(name)
    return parsed[1] if parsed else ""


def direct(fn: Callable[[], T]) -> T:
    return fn()


def _disk_full(exc: BaseException | None) -> bool:
    """SQLITE_FULL, even when hidden behind the failed rollback SQLite already did for us.

    Decided by SQLite's result code (never by a word in the message: "no such column:
    full_name" is not a full disk). Python 3.10's sqlite3 carries no codes; there the
    one message SQLite gives SQLITE_FULL, exactly, stands in for it.
    """
    code = sqlite_code(exc)
    if code is not None:
        return code & 0xFF == SQLITE_FULL
    seen: set[int] = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if str(current).strip().lower() == _FULL_MESSAGE:
            return True
        stack.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
        stack.extend((current.__cause__, current.__context__))
    return False


_FULL_MESSAGE = "database or disk is full"  # sqlite3_errstr(SQLITE_FULL)


class SyncSession:
    """One device's connection to its vault for one cycle."""

    def __init__(
        self,
        *,
        remote: Remote,
        config: state.SyncConfig,
        data_key: DataKey | KeyRing,
        run_db: RunDb = direct,
        publish: Callable[[], None] | None = None,
        progress: Callable[[str, int, int], None] | None = None,
        revoked: Mapping[str, int] | None = None,
        retired: Mapping[str, frozenset[str]] | None = None,
        signing_key: bytes | None = None,
        trust: Trust | None = None,
    ) -> None:
        self.remote = remote
        self.config = config
        ring = KeyRing.of(data_key)  # after a rotation: the newest seals, all of them open
        self.sealing_key = ring.current
        self.keys = ring.keys
        self.revoked = dict(revoked or {})  # removed (lost) device → last accepted sequence
        self.retired = dict(retired or {})  # old key id → devices that may still use it
        # this device's Ed25519 key (None only in a vault from before rosters) and the
        # roster that says whose key signs which device folder's files
        self.signing_key = signing_key
        self.trust = trust or Trust(None)
        for device, last in self.trust.roster.revoked.items() if self.trust.roster else ():
            self.revoked[device] = min(last, self.revoked.get(device, last))
        self.run_db = run_db
        self.publish = publish or (lambda: None)
        # (what, done, total) during long database work — the snapshot load — called on
        # the thread that runs the database step (the app's GUI thread)
        self.progress = progress or (lambda _what, _done, _total: None)
        self.backed_up = False
        self._names: dict[str, str] = {}  # device id → name, for messages
        # what the cycle must tell the user that was found outside it (an unreadable card)
        self.notes: list[str] = []

    @property
    def device_id(self) -> str:
        return self.config.device_id

    # -- the database ---------------------------------------------------------------------
    def db(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` on the database thread; a full disk becomes a clear message."""
        try:
            return self.run_db(fn)
        except (pw.OperationalError, sqlite3.OperationalError) as exc:
            if _disk_full(exc):
                raise LocalStoreFull(
                    "The disk holding your Rapport data is full; sync stopped and nothing was "
                    "lost. Free some space and sync again."
                ) from exc
            raise

    def backup(self) -> None:
        """A rolling copy of the database before a large batch of incoming changes."""
        path = Path(self.db(lambda: database.obj.database))
        folder = path.parent / "backups"
        write_backup(path, folder / timestamped_name("before-sync"))
        old = [p for p in backup_paths(folder) if _reason(p.name) == "before-sync"]  # oldest first
        for stale in old[:-BACKUPS_KEPT]:
            stale.unlink(missing_ok=True)
        self.backed_up = True

    # -- keys and sealed files ------------------------------------------------------------
    def address(self, kind: int, device_id: str, seq: int = 0) -> Address:
        """Where a sealed file belongs: its header is bound to kind, vault, device, number."""
        return Address(kind, self.config.vault_id, device_id, seq)

    def keys_for(self, device_id: str) -> dict[str, bytes]:
        """The keys a device's files may be sealed with (see rotation.retired_keys).

        A removed device sealed its updates before the removal with keys retired since:
        those stay readable (its later ones are refused by number, see ``revoked``)."""
        if device_id in self.revoked:
            return dict(self.keys)
        return {
            key_id: key
            for key_id, key in self.keys.items()
            if key_id not in self.retired or device_id in self.retired[key_id]
        }

    def seal(self, plain: bytes, kind: int, seq: int = 0) -> bytes:
        """Seal one of this device's files with the vault's newest key."""
        return seal(
            plain,
            data_key=self.sealing_key.key,
            key_id=self.sealing_key.key_id,
            address=self.address(kind, self.config.device_id, seq),
            signer=self.signing_key,
        )

    def open(
        self,
        data: bytes,
        kind: int,
        device_id: str,
        seq: int = 0,
        keys: Mapping[str, bytes] | None = None,
    ) -> bytes:
        """Open a sealed file of ``device_id`` (raises SealError); ``keys`` defaults to
        every key this device holds. It must be signed by ``device_id``'s key as the roster
        says (unsigned only where the roster still allows it: written before it signed)."""
        name = self._name_for_messages(device_id, kind)
        if device_id == self.config.device_id:  # our own upload, read back after a crash
            member = self.trust.roster.members.get(device_id) if self.trust.roster else None
            signers = tuple(p for _, p in member.keys) if member else ()
            if self.signing_key is not None:
                signers = (*signers, public_key(self.signing_key))
        else:
            signers, unsigned_ok = self.trust.signers(device_id, kind, seq, name)
            check_signed(data, unsigned_ok, name, seq, kind)
        return open_sealed(
            data,
            keys=self.keys if keys is None else keys,
            address=self.address(kind, device_id, seq),
            signers=signers,
            signer_name=name,
        )

    def _name_for_messages(self, device_id: str, kind: int) -> str:
        """A device's name for a refusal message (its card is read once if need be)."""
        if device_id == self.config.device_id:
            return "this device"
        if device_id not in self._names:
            if kind == KIND_DEVICE:  # reading the card itself: no recursion
                return f"device {device_id}"
            self._names[device_id] = self.device_name(device_id) or ""
        return self._names[device_id] or f"device {device_id}"

    # -- other devices --------------------------------------------------------------------
    def device_name(self, device_id: str) -> str | None:
        """Learn another device's name card; None if it has not fully arrived yet."""
        known = self.db(lambda: state.device(device_id))
        if known is not None and known.name:
            return known.name
        data = self.remote.read(layout.device_info(device_id))
        if data is None:
            return None
        try:
            info = decode_json(self.open(data, KIND_DEVICE, device_id))
        except SealError as exc:
            log.warning("Device card of %s unreadable: %s", device_id, exc)
            note = (
                f"The name card of device {device_id} could not be read ({exc}); its updates "
                "wait until it can (it may still be arriving, or it was altered)."
            )
            if note not in self.notes:
                self.notes.append(note)
            return None
        self.db(lambda: state.record_device(device_id, info))
        return str(info.get("name") or device_id)
