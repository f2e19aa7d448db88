"""Create, join and unlock a vault; change its passphrase (SYNC.md "Cryptography").

``vault.json`` is plain (format, version, vault id, default KDF cost) and is written
LAST when creating, so its presence means "a complete vault is here". Keyslots wrap the
random data key under a key derived from the passphrase with Argon2id; the associated
data binds each keyslot to its vault, key id and KDF cost.

After a lost device was removed the vault has several data keys: the newest seals
everything from then on, the older ones still open earlier segments. A keyslot then
wraps the whole **key ring** (format 2: ``key id (8 bytes) || key (32 bytes)`` per key,
newest first; the plain ``key_ids`` list is bound into the associated data). A vault
that was never rotated keeps writing format-1 keyslots (one key), which every earlier
Rapport reads.

A keyslot may also wrap the vault's **roster key** (Ed25519; see :mod:`desktop.sync.roster`)
with the same key-encryption key, its own nonce and its own associated data (label
``roster-key``, bound to the slot and the public half, which the slot names in plain).
Such a slot is format 3 and always lists ``key_ids``, so a format-2 reader still opens
its key ring; devices unwrap the roster key only while the passphrase is at hand.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from desktop.sync import crypto, layout
from desktop.sync.crypto import KdfParams, SealError
from desktop.sync.errors import (
    KeyslotDamaged,
    SyncError,
    VaultExists,
    VaultMissing,
    WrongPassphrase,
)
from desktop.sync.payload import decode_json, encode_json
from desktop.sync.remotes.base import Remote

FORMAT = "rapport-sync"
VERSION = 1


@dataclass(frozen=True)
class VaultInfo:
    vault_id: str
    created: str
    kdf: KdfParams


@dataclass(frozen=True)
class DataKey:
    key_id: str
    key: bytes = b""

    def __repr__(self) -> str:  # never print the key
        return f"DataKey(key_id={self.key_id!r})"

    def encode(self) -> str:
        return f"{self.key_id}:{base64.b64encode(self.key).decode('ascii')}"

    @classmethod
    def decode(cls, text: str) -> DataKey:
        key_id, _, b64 = text.partition(":")
        return cls(key_id, base64.b64decode(b64))


@dataclass(frozen=True)
class KeyRing:
    """All data keys of a vault this device holds, newest (the one that seals) first.

    Duck-compatible with :class:`DataKey` (``key_id``/``key`` are the newest key's), so
    code that only seals keeps working; code that opens files uses :attr:`keys`.
    Keyring text: ``"id:base64,id:base64"`` — a single ``"id:base64"`` (what earlier
    versions stored) is a ring of one.
    """

    ring: tuple[DataKey, ...]

    def __post_init__(self) -> None:
        if not self.ring:
            raise ValueError("a key ring needs at least one key")

    def __repr__(self) -> str:  # never print a key
        return f"KeyRing(key_ids={self.key_ids!r})"

    @property
    def current(self) -> DataKey:
        return self.ring[0]

    @property
    def key_id(self) -> str:
        return self.ring[0].key_id

    @property
    def key(self) -> bytes:
        return self.ring[0].key

    @property
    def key_ids(self) -> list[str]:
        return [k.key_id for k in self.ring]

    @property
    def keys(self) -> dict[str, bytes]:
        return {k.key_id: k.key for k in self.ring}

    def encode(self) -> str:
        return ",".join(k.encode() for k in self.ring)

    @classmethod
    def decode(cls, text: str) -> KeyRing:
        return cls(tuple(DataKey.decode(part) for part in text.split(",") if part))

    @classmethod
    def of(cls, key: DataKey | KeyRing) -> KeyRing:
        return key if isinstance(key, KeyRing) else cls((key,))

    def rotated(self, new: DataKey) -> KeyRing:
        """The ring after a rotation: ``new`` seals from now on, every older key stays."""
        return KeyRing((new, *(k for k in self.ring if k.key_id != new.key_id)))

    def merged(self, other: KeyRing) -> KeyRing:
        """This ring's newest key first, plus any key only ``other`` has (none is lost)."""
        mine = set(self.key_ids)
        return KeyRing((*self.ring, *(k for k in other.ring if k.key_id not in mine)))

    def pack(self) -> bytes:
        return b"".join(bytes.fromhex(k.key_id) + k.key for k in self.ring)

    @classmethod
    def unpack(cls, data: bytes, key_ids: list[str]) -> KeyRing:
        width = 8 + crypto.KEY_BYTES
        if len(data) != width * len(key_ids):
            raise SealError("the key ring has the wrong size")
        ring = []
        for index, key_id in enumerate(key_ids):
            chunk = data[index * width : (index + 1) * width]
            if chunk[:8].hex() != key_id:
                raise SealError("the key ring does not match its key ids")
            ring.append(DataKey(key_id, chunk[8:]))
        return cls(tuple(ring))


@dataclass(frozen=True)
class Unlocked:
    """What the passphrase opens: the key ring and, once the vault has a roster, the
    roster key's private half (never stored on a device)."""

    ring: KeyRing
    roster_key: bytes | None = None

    def __repr__(self) -> str:  # never print a key
        return f"Unlocked(key_ids={self.ring.key_ids!r}, roster={self.roster_key is not None})"


def read_vault(remote: Remote) -> VaultInfo:
    """Preflight: the vault's identity, or VaultMissing — never "empty, start over"."""
    data = remote.read(layout.VAULT)
    if data is None:
        raise VaultMissing(
            f"There is no Rapport vault at {remote.description} (moved, renamed or emptied?). "
            "Nothing was changed here. Point sync at the vault's new place, or create a new "
            "vault on purpose."
        )
    try:
        info = decode_json(data)
        if info.get("format") != FORMAT:
            raise SealError("not a Rapport vault")
        if int(info.get("version", 0)) > VERSION:
            raise SyncError("This vault was made by a newer Rapport; update Rapport to use it.")
        vault_id = str(info["vault_id"])
        if not layout.HEX_ID.match(vault_id):
            raise SealError("bad vault id")
        return VaultInfo(vault_id, str(info.get("created", "")), KdfParams.from_json(info["kdf"]))
    except (SealError, KeyError, TypeError, ValueError) as exc:
        raise SyncError(f"{remote.description} holds a damaged vault.json ({exc}).") from exc


def _slot_associated(
    vault_id: str, key_id: str, slot_id: str, kdf: KdfParams, key_ids: list[str] | None = None
) -> bytes:
    kdf_text = json.dumps(kdf.to_json(), sort_keys=True)
    if key_ids is None:  # format 1: one data key
        return f"rapport-sync-v1 keyslot|{vault_id}|{key_id}|{slot_id}|{kdf_text}".encode()
    # format 2 (a key ring): a different label, so an older Rapport reading it reports a
    # wrong passphrase instead of taking the packed ring for one key
    ids = ",".join(key_ids)
    return f"rapport-sync-v1 keyring|{vault_id}|{key_id}|{slot_id}|{kdf_text}|{ids}".encode()


def _roster_associated(vault_id: str, slot_id: str, kdf: KdfParams, public: str) -> bytes:
    kdf_text = json.dumps(kdf.to_json(), sort_keys=True)
    return f"rapport-sync-v1 roster-key|{vault_id}|{slot_id}|{kdf_text}|{public}".encode()


def write_keyslot(
    remote: Remote,
    vault_id: str,
    data_key: DataKey | KeyRing,
    passphrase: str,
    kdf: KdfParams,
    roster_key: bytes | None = None,
) -> str:
    """Write a new write-once keyslot wrapping the key (ring) and, if given, the roster
    key; returns its slot id."""
    ring = KeyRing.of(data_key)
    slot_id = secrets.token_hex(8)
    salt = crypto.random_bytes(16)
    kek = crypto.derive_kek(passphrase, salt, kdf)
    slot: dict[str, Any] = {"format": 1, "slot": slot_id, "key_id": ring.key_id}
    if len(ring.ring) == 1 and roster_key is None:
        associated = _slot_associated(vault_id, ring.key_id, slot_id, kdf)
        nonce, wrapped = crypto.wrap_key(kek, ring.key, associated)
    else:
        associated = _slot_associated(vault_id, ring.key_id, slot_id, kdf, ring.key_ids)
        nonce, wrapped = crypto.wrap_key(kek, ring.pack(), associated)
        slot.update(format=2, key_ids=ring.key_ids)
    if roster_key is not None:
        public = crypto.public_key(roster_key).hex()
        r_nonce, r_wrapped = crypto.wrap_key(
            kek, roster_key, _roster_associated(vault_id, slot_id, kdf, public)
        )
        slot.update(
            format=3,
            roster_public=public,
            roster_nonce=base64.b64encode(r_nonce).decode("ascii"),
            roster_wrapped=base64.b64encode(r_wrapped).decode("ascii"),
        )
    slot.update(
        kdf=kdf.to_json(),
        salt=base64.b64encode(salt).decode("ascii"),
        nonce=base64.b64encode(nonce).decode("ascii"),
        wrapped=base64.b64encode(wrapped).decode("ascii"),
    )
    remote.write(layout.keyslot(slot_id), encode_json(slot))
    return slot_id


def create_vault(
    remote: Remote, passphrase: str, kdf: KdfParams | None = None, roster_key: bytes | None = None
) -> tuple[str, DataKey]:
    """Make a new vault on an empty target; returns its id and data key. Never overwrites."""
    remote.check()
    if remote.read(layout.VAULT) is not None:
        raise VaultExists(
            f"{remote.description} already holds a Rapport vault. Join it instead "
            "(rapport sync join), or choose another place."
        )
    kdf = kdf or KdfParams()
    vault_id = secrets.token_hex(16)
    data_key = DataKey(secrets.token_hex(8), crypto.random_bytes(crypto.KEY_BYTES))
    write_keyslot(remote, vault_id, data_key, passphrase, kdf, roster_key)
    info = {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": vault_id,
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "kdf": kdf.to_json(),
    }
    remote.write(layout.VAULT, encode_json(info))
    return vault_id, data_key


def slots(remote: Remote) -> list[dict[str, Any]]:
    """Every readable keyslot (plain JSON: ids and KDF parameters, the keys wrapped)."""
    return [slot for _, slot in _slots(remote)]


def _slots(remote: Remote) -> list[tuple[str, dict[str, Any]]]:
    """(slot id, keyslot) for each file named like one Rapport writes, ``<16 hex>.json``.

    The slot id is taken from the listed file name, never from the JSON inside it (which
    the storage could have written): a keyslot whose ``slot`` field names another file is
    not a keyslot. Deletes use these ids, so nothing outside ``keyslots/`` is reachable.
    """
    found = []
    for name in remote.list_dir(layout.KEYSLOTS):
        match = layout.SLOT_FILE.match(name)
        if match is None:
            continue
        slot_id = match.group(1)
        data = remote.read(layout.keyslot(slot_id))
        if data is None:
            continue
        try:
            slot = decode_json(data)
        except SealError:
            continue
        if isinstance(slot, dict) and slot.get("slot") == slot_id:
            found.append((slot_id, slot))
    return found


class _DamagedSlot(Exception):
    """A keyslot that is not even well-formed: changed or broken, whatever the passphrase."""


def _open_slot(slot: dict[str, Any], vault_id: str, passphrase: str) -> Unlocked | None:
    """What one keyslot wraps, or None (wrong passphrase: a well-formed slot that does not
    open). Raises _DamagedSlot, before any key derivation, for a slot that is not
    well-formed or asks for parameters out of bounds."""
    try:
        kdf = KdfParams.from_json(slot["kdf"])
        salt, nonce, wrapped = (
            base64.b64decode(slot[k], validate=True) for k in ("salt", "nonce", "wrapped")
        )
        key_id = str(slot["key_id"])
        ring_ids = [str(i) for i in slot["key_ids"]] if int(slot.get("format", 1)) >= 2 else None
        if ring_ids is not None and (not ring_ids or ring_ids[0] != key_id):
            raise _DamagedSlot("its key list does not start with its key")
        if len(salt) != 16 or len(nonce) != 12 or len(wrapped) < crypto.KEY_BYTES + 16:
            raise _DamagedSlot("its salt, nonce or wrapped key has the wrong size")
        associated = _slot_associated(vault_id, key_id, str(slot["slot"]), kdf, ring_ids)
    except SealError as exc:
        raise _DamagedSlot(str(exc)) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise _DamagedSlot(f"{exc.__class__.__name__}: {exc}"[:120]) from exc
    kek = crypto.derive_kek(passphrase, salt, kdf)
    data = crypto.unwrap_key(kek, nonce, wrapped, associated)
    if data is None:
        return None
    if ring_ids is None:
        return Unlocked(KeyRing((DataKey(key_id, data),)))
    try:
        ring = KeyRing.unpack(data, ring_ids)
    except SealError:
        return None
    return Unlocked(ring, _open_roster_key(slot, vault_id, kdf, kek))


def _open_roster_key(
    slot: dict[str, Any], vault_id: str, kdf: KdfParams, kek: bytes
) -> bytes | None:
    """The roster key a format-3 slot wraps (None when it wraps none or does not verify)."""
    if int(slot.get("format", 1)) < 3:
        return None
    try:
        public = str(slot["roster_public"])
        nonce, wrapped = (base64.b64decode(slot[k]) for k in ("roster_nonce", "roster_wrapped"))
        associated = _roster_associated(vault_id, str(slot["slot"]), kdf, public)
    except (KeyError, TypeError, ValueError):
        return None
    key = crypto.unwrap_key(kek, nonce, wrapped, associated)
    if key is None or len(key) != 32 or crypto.public_key(key).hex() != public:
        return None
    return key


def unlock(remote: Remote, vault_id: str, passphrase: str) -> KeyRing:
    """The vault's key ring (newest key first), or WrongPassphrase."""
    return open_vault(remote, vault_id, passphrase).ring


def open_vault(remote: Remote, vault_id: str, passphrase: str) -> Unlocked:
    """The vault's key ring (newest key first) and roster key, or WrongPassphrase.

    Every keyslot the passphrase opens is read: right after a rotation (or a rotation
    interrupted before the old keyslots were deleted) an old and a new one coexist, and
    the longest ring is the newest — each rotation adds one key in front.
    """
    found = _slots(remote)
    if not found:
        raise SyncError(f"{remote.description} has a vault but no keyslot (still copying?).")
    opened: list[Unlocked] = []
    damage: list[str] = []
    for _, slot in found:
        try:
            unlocked = _open_slot(slot, vault_id, passphrase)
        except _DamagedSlot as exc:
            damage.append(str(exc))
            continue
        if unlocked is not None:
            opened.append(unlocked)
    if not opened:
        if len(damage) == len(found):  # not one well-formed slot: not the passphrase
            raise KeyslotDamaged(damage[0])
        raise WrongPassphrase()
    opened.sort(key=lambda u: len(u.ring.ring), reverse=True)
    ring = opened[0].ring
    for other in opened[1:]:
        ring = ring.merged(other.ring)
    # the roster key of the newest ring (a removal makes a new one with the new data key)
    roster_key = next((u.roster_key for u in opened if u.roster_key is not None), None)
    return Unlocked(ring, roster_key)


def change_passphrase(
    remote: Remote, vault_id: str, old: str, new: str, kdf: KdfParams | None = None
) -> KeyRing:
    """Write a keyslot for the new passphrase, then remove the old ones.

    The data key stays the same (devices keep syncing without asking anything); the old
    passphrase stops opening the vault once its keyslot is gone. Returns the key ring the
    old passphrase opened (the caller keeps it: it may be newer than its keyring's).
    """
    opened = open_vault(remote, vault_id, old)
    replace_keyslots(remote, vault_id, opened.ring, new, kdf or KdfParams(), opened.roster_key)
    return opened.ring


def replace_keyslots(
    remote: Remote,
    vault_id: str,
    ring: KeyRing,
    passphrase: str,
    kdf: KdfParams,
    roster_key: bytes | None = None,
) -> None:
    """Write one keyslot for ``ring``, read it back, and only then delete all the others.

    A crash in between leaves both: every passphrase that opened the vault still does
    (unlock takes the longest ring), and running the action again finishes the job.
    """
    keep = write_keyslot(remote, vault_id, ring, passphrase, kdf, roster_key)
    opened = open_vault(remote, vault_id, passphrase)  # reads back before any delete
    back = opened.ring
    lost_roster = roster_key is not None and opened.roster_key != roster_key
    if lost_roster or back.key_id != ring.key_id or not set(ring.key_ids) <= set(back.key_ids):
        raise SyncError("The new keyslot did not read back as written; nothing was deleted.")
    # Delete by the listed file names (``<16 hex>.json``), never by a name read from
    # inside a file: the storage is not trusted to say what Rapport deletes.
    for name in remote.list_dir(layout.KEYSLOTS):
        match = layout.SLOT_FILE.match(name)
        if match is not None and match.group(1) != keep:
            remote.delete(layout.keyslot(match.group(1)))
