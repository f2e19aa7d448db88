"""Create, join and unlock a vault; change its passphrase (SYNC.md "Cryptography").

``vault.json`` is plain (format, version, vault id, default KDF cost) and is written
LAST when creating, so its presence means "a complete vault is here". Keyslots wrap the
random data key under a key derived from the passphrase with Argon2id; the associated
data binds each keyslot to its vault, key id and KDF cost.
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
from desktop.sync.errors import SyncError, VaultExists, VaultMissing, WrongPassphrase
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


def _slot_associated(vault_id: str, key_id: str, slot_id: str, kdf: KdfParams) -> bytes:
    kdf_text = json.dumps(kdf.to_json(), sort_keys=True)
    return f"rapport-sync-v1 keyslot|{vault_id}|{key_id}|{slot_id}|{kdf_text}".encode()


def _write_keyslot(
    remote: Remote, vault_id: str, data_key: DataKey, passphrase: str, kdf: KdfParams
) -> str:
    slot_id = secrets.token_hex(8)
    salt = crypto.random_bytes(16)
    kek = crypto.derive_kek(passphrase, salt, kdf)
    nonce, wrapped = crypto.wrap_key(
        kek, data_key.key, _slot_associated(vault_id, data_key.key_id, slot_id, kdf)
    )
    slot = {
        "format": 1,
        "slot": slot_id,
        "key_id": data_key.key_id,
        "kdf": kdf.to_json(),
        "salt": base64.b64encode(salt).decode("ascii"),
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "wrapped": base64.b64encode(wrapped).decode("ascii"),
    }
    remote.write(layout.keyslot(slot_id), encode_json(slot))
    return slot_id


def create_vault(
    remote: Remote, passphrase: str, kdf: KdfParams | None = None
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
    _write_keyslot(remote, vault_id, data_key, passphrase, kdf)
    info = {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": vault_id,
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "kdf": kdf.to_json(),
    }
    remote.write(layout.VAULT, encode_json(info))
    return vault_id, data_key


def _slots(remote: Remote) -> list[dict[str, Any]]:
    slots = []
    for name in remote.list_dir(layout.KEYSLOTS):
        if not name.endswith(".json"):
            continue
        data = remote.read(f"{layout.KEYSLOTS}/{name}")
        if data is None:
            continue
        try:
            slots.append(decode_json(data))
        except SealError:
            continue
    return slots


def unlock(remote: Remote, vault_id: str, passphrase: str) -> DataKey:
    """The vault's data key, or WrongPassphrase. Tries each keyslot (there is usually one)."""
    slots = _slots(remote)
    if not slots:
        raise SyncError(f"{remote.description} has a vault but no keyslot (still copying?).")
    for slot in slots:
        try:
            kdf = KdfParams.from_json(slot["kdf"])
            salt, nonce, wrapped = (base64.b64decode(slot[k]) for k in ("salt", "nonce", "wrapped"))
            associated = _slot_associated(vault_id, slot["key_id"], slot["slot"], kdf)
        except (KeyError, TypeError, ValueError, SealError):
            continue
        key = crypto.unwrap_key(
            crypto.derive_kek(passphrase, salt, kdf), nonce, wrapped, associated
        )
        if key is not None:
            return DataKey(str(slot["key_id"]), key)
    raise WrongPassphrase()


def change_passphrase(
    remote: Remote, vault_id: str, old: str, new: str, kdf: KdfParams | None = None
) -> None:
    """Write a keyslot for the new passphrase, then remove the old ones.

    The data key stays the same (devices keep syncing without asking anything); the old
    passphrase stops opening the vault once its keyslot is gone.
    """
    data_key = unlock(remote, vault_id, old)
    keep = _write_keyslot(remote, vault_id, data_key, new, kdf or KdfParams())
    unlock(remote, vault_id, new)  # proves the new slot reads back before deleting anything
    for slot in _slots(remote):
        if slot.get("slot") != keep:
            remote.delete(layout.keyslot(str(slot.get("slot"))))
