"""Passphrase → Argon2id → key-encryption key wrapping a random data key; sealed files.

Every file a device writes (except the plain ``vault.json``) is sealed: a fixed binary
header naming the vault, the writing device, the sequence number, the data-key id and a
fresh salt and nonce, then AES-256-GCM under ``HKDF-SHA256(data key, salt)`` with the
whole header as associated data. A flipped bit, a truncation, a file copied into another
device's folder or sequence, or a different vault all fail here.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

MAGIC = b"RPSY"
VERSION = 1
ALGORITHM = 1  # AES-256-GCM, key = HKDF-SHA256(data key, salt, info)
KIND_SEGMENT, KIND_DEVICE, KIND_SNAPSHOT = 1, 2, 3
KIND_ROTATION, KIND_ROTATION_NOTICE = 4, 5  # rotation record (new key) / notice (old key)
HEADER = struct.Struct(">4sBBB x 16s 8s Q 8s 16s 12s")
KEY_BYTES = 32
TAG_BYTES = 16


class SealError(ValueError):
    """A sealed file is not what it claims to be; the message says which check failed."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; stored in each keyslot so a later version can raise it."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def to_json(self) -> dict[str, Any]:
        return {"algorithm": "argon2id", **asdict(self)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> KdfParams:
        if data.get("algorithm") != "argon2id":
            raise SealError(f"unknown key derivation {data.get('algorithm')!r}")
        params = cls(int(data["memory_kib"]), int(data["iterations"]), int(data["lanes"]))
        if not (8 <= params.memory_kib <= 4 * 1024 * 1024 and 1 <= params.iterations <= 64):
            raise SealError("implausible key-derivation parameters")
        return params


def random_bytes(count: int) -> bytes:
    return os.urandom(count)


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.lanes,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def wrap_key(kek: bytes, data_key: bytes, associated: bytes) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = random_bytes(12)
    return nonce, AESGCM(kek).encrypt(nonce, data_key, associated)


def unwrap_key(kek: bytes, nonce: bytes, wrapped: bytes, associated: bytes) -> bytes | None:
    """The data key, or None when the passphrase (or the keyslot) is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(kek).decrypt(nonce, wrapped, associated)
    except InvalidTag:
        return None


def _subkey(data_key: bytes, salt: bytes, kind: int) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    info = b"rapport-sync-v1 file kind %d" % kind
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(data_key)


@dataclass(frozen=True)
class Address:
    """Where a sealed file belongs; every field is bound into its authentication."""

    kind: int
    vault_id: str  # 32 hex
    device_id: str  # 16 hex
    seq: int = 0


def seal(plaintext: bytes, *, data_key: bytes, key_id: str, address: Address) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = random_bytes(16), random_bytes(12)
    header = HEADER.pack(
        MAGIC,
        VERSION,
        ALGORITHM,
        address.kind,
        bytes.fromhex(address.vault_id),
        bytes.fromhex(address.device_id),
        address.seq,
        bytes.fromhex(key_id),
        salt,
        nonce,
    )
    body = AESGCM(_subkey(data_key, salt, address.kind)).encrypt(nonce, plaintext, header)
    return header + body


def sealed_key_id(data: bytes) -> str | None:
    """The key id a sealed file claims in its header (unverified; None if no header)."""
    if len(data) < HEADER.size or data[:4] != MAGIC:
        return None
    return HEADER.unpack(data[: HEADER.size])[7].hex()


def open_sealed(data: bytes, *, keys: Mapping[str, bytes], address: Address) -> bytes:
    """Verify and decrypt; raise :class:`SealError` naming the first check that failed."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(data) < HEADER.size + TAG_BYTES:
        raise SealError("the file is shorter than its header (incomplete or truncated)")
    header = data[: HEADER.size]
    magic, version, algorithm, kind, vault, device, seq, key_id, salt, nonce = HEADER.unpack(header)
    if magic != MAGIC:
        raise SealError("not a Rapport sync file")
    if version != VERSION or algorithm != ALGORITHM:
        raise SealError(f"written by a newer Rapport (format {version}.{algorithm})")
    if kind != address.kind:
        raise SealError("a file of another kind was put in its place")
    if vault.hex() != address.vault_id:
        raise SealError("it belongs to another vault")
    if device.hex() != address.device_id:
        raise SealError(f"it was written by device {device.hex()}, not by this folder's device")
    if seq != address.seq:
        raise SealError(f"it carries sequence {seq}, not {address.seq}")
    key = keys.get(key_id.hex())
    if key is None:
        raise SealError("it was sealed with a data key this device does not have")
    try:
        return AESGCM(_subkey(key, salt, kind)).decrypt(nonce, data[HEADER.size :], header)
    except InvalidTag:
        raise SealError("it failed authentication (altered, truncated or half-copied)") from None
