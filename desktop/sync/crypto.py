"""Passphrase → Argon2id → key-encryption key wrapping a random data key; sealed files.

Every file a device writes (except the plain ``vault.json``) is sealed: a fixed binary
header naming the vault, the writing device, the sequence number, the data-key id and a
fresh salt and nonce, then AES-256-GCM under ``HKDF-SHA256(data key, salt)`` with the
whole header as associated data. A flipped bit, a truncation, a file copied into another
device's folder or sequence, or a different vault all fail here.

Format 2 (``SIGNED``) appends an Ed25519 signature over header and ciphertext, made with
the writing device's own signing key (or, for rosters and rotation records, the vault's
roster key): the data key is shared by every device, so without it any key holder could
write a file in another device's name. A format-1 reader says "written by a newer
Rapport" instead of misreading a signed file; whether an unsigned file is still
acceptable is the caller's decision (:mod:`desktop.sync.roster`).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

MAGIC = b"RPSY"
VERSION = 1  # unsigned (still read: files written before a device had a signing key)
SIGNED = 2  # … followed by a 64-byte Ed25519 signature over header + ciphertext
ALGORITHM = 1  # AES-256-GCM, key = HKDF-SHA256(data key, salt, info)
KIND_SEGMENT, KIND_DEVICE, KIND_SNAPSHOT = 1, 2, 3
KIND_ROTATION, KIND_ROTATION_NOTICE = 4, 5  # rotation record (new key) / notice (old key)
KIND_ROSTER = 6  # the vault's device roster (signed by the roster key)
HEADER = struct.Struct(">4sBBB x 16s 8s Q 8s 16s 12s")
KEY_BYTES = 32
TAG_BYTES = 16
SIGNATURE_BYTES = 64


# Bounds on key-derivation parameters read from a keyslot (see KdfParams.affordable).
MAX_LANES = 16
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB
MAX_ITERATIONS = 16
MAX_WORK_KIB = 4 * 1024 * 1024  # memory × passes: ~4× Rapport's own cost at most


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
        if not params.affordable():
            raise SealError(
                f"implausible key-derivation parameters ({params.memory_kib} KiB, "
                f"{params.iterations} passes, {params.lanes} lanes)"
            )
        return params

    def affordable(self) -> bool:
        """Within what Rapport writes (64 MiB, 3 passes, 4 lanes; less in tests) and what a
        laptop can spend: the parameters are read from the storage before anything can
        authenticate them, so 0 lanes must not crash Argon2 and 4 GiB × 64 passes must
        not keep the machine busy for minutes."""
        return (
            1 <= self.lanes <= MAX_LANES
            and 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
            and self.memory_kib * self.iterations <= MAX_WORK_KIB
        )


def random_bytes(count: int) -> bytes:
    return os.urandom(count)


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id: slow on purpose (timed apart, see :mod:`desktop.sync.timings`)."""
    from argon2.low_level import Type, hash_secret_raw

    from desktop.sync import timings

    with timings.phase(timings.KDF):
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


def new_signing_key() -> bytes:
    """A fresh Ed25519 private key, as its 32 raw bytes (what the keyring keeps)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return _raw_private(Ed25519PrivateKey.generate())


def _raw_private(key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization as s

    return key.private_bytes(s.Encoding.Raw, s.PrivateFormat.Raw, s.NoEncryption())


def public_key(private: bytes) -> bytes:
    """The 32 raw bytes of the public half of an Ed25519 private key."""
    from cryptography.hazmat.primitives import serialization as s
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(private)
    return key.public_key().public_bytes(s.Encoding.Raw, s.PublicFormat.Raw)


def sign(private: bytes, message: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(private).sign(message)


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def seal(
    plaintext: bytes,
    *,
    data_key: bytes,
    key_id: str,
    address: Address,
    signer: bytes | None = None,
) -> bytes:
    """Encrypt under the data key; with ``signer`` (an Ed25519 private key) the file is
    format 2 and ends with a signature over everything before it."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = random_bytes(16), random_bytes(12)
    header = HEADER.pack(
        MAGIC,
        VERSION if signer is None else SIGNED,
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
    if signer is None:
        return header + body
    return header + body + sign(signer, header + body)


def sealed_version(data: bytes) -> int:
    """The format a sealed file claims (unverified; 0 if it has no header)."""
    if len(data) < HEADER.size or data[:4] != MAGIC:
        return 0
    return data[4]


def sealed_key_id(data: bytes) -> str | None:
    """The key id a sealed file claims in its header (unverified; None if no header)."""
    if len(data) < HEADER.size or data[:4] != MAGIC:
        return None
    return HEADER.unpack(data[: HEADER.size])[7].hex()


def open_sealed(
    data: bytes,
    *,
    keys: Mapping[str, bytes],
    address: Address,
    signers: Sequence[bytes] = (),
    signer_name: str = "",
) -> bytes:
    """Verify and decrypt; raise :class:`SealError` naming the first check that failed.

    A signed (format 2) file is accepted only when one of the public keys ``signers``
    verifies its signature; an unsigned one is opened as before (the caller decides whether that is
    still acceptable for this writer and sequence).
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(data) < HEADER.size + TAG_BYTES:
        raise SealError("the file is shorter than its header (incomplete or truncated)")
    header = data[: HEADER.size]
    magic, version, algorithm, kind, vault, device, seq, key_id, salt, nonce = HEADER.unpack(header)
    if magic != MAGIC:
        raise SealError("not a Rapport sync file")
    if version not in (VERSION, SIGNED) or algorithm != ALGORITHM:
        raise SealError(f"written by a newer Rapport (format {version}.{algorithm})")
    if kind != address.kind:
        raise SealError("a file of another kind was put in its place")
    if vault.hex() != address.vault_id:
        raise SealError("it belongs to another vault")
    if device.hex() != address.device_id:
        raise SealError(f"it was written by device {device.hex()}, not by this folder's device")
    if seq != address.seq:
        raise SealError(f"it carries sequence {seq}, not {address.seq}")
    if version == SIGNED:
        if len(data) < HEADER.size + TAG_BYTES + SIGNATURE_BYTES:
            raise SealError("the file is shorter than its signature (incomplete or truncated)")
        who = signer_name or "its device"
        if not signers:
            raise SealError(f"it is signed, but {who} has no signing key in the vault's roster")
        signed, signature = data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
        if not any(verify(public, signature, signed) for public in signers):
            raise SealError(
                f"it is not signed by {who} (written with another device's key, or altered)"
            )
        data = signed
    key = keys.get(key_id.hex())
    if key is None:
        raise SealError("it was sealed with a data key this device does not have")
    try:
        return AESGCM(_subkey(key, salt, kind)).decrypt(nonce, data[HEADER.size :], header)
    except InvalidTag:
        raise SealError("it failed authentication (altered, truncated or half-copied)") from None
