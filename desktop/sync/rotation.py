"""Removing a lost device: rotate the data key and record whom to stop trusting.

SYNC.md: "losing a device rotates the data key (new key id; old segments stay
readable)". A lost laptop keeps the old data key in its keyring, so from the removal on
everything is sealed with a new key it never had, and its updates after the removal are
refused. Files (write-once, like everything in the vault):

``rotations/<new key id>.enc``
    the **record**, sealed under the NEW key (header: kind 4, vault, "device" = the new
    key id, sequence 0), so only passphrase holders can write or read it:
    ``{"v": 1, "key_id", "previous", "by", "by_name", "at", "revoked": {device id:
    last accepted sequence}, "members": [device ids still trusted]}``.
``rotations/<new key id>.notice``
    a **notice** sealed under the PREVIOUS key (kind 5): ``{"v": 1, "key_id", "by_name",
    "revoked": [device ids]}``. It only lets devices that still hold the old key word
    what happened ("changed on <device>" / "this device was removed"); it decides
    nothing, because the removed device could write one too.

Since vaults have a device roster (:mod:`desktop.sync.roster`) the record is also signed
with the vault's roster key, and a device that has pinned a roster key ignores a record
that key did not sign (a key holder — the lost laptop's thief — cannot revoke the
others). A removal also makes a new roster key, wrapped only under the NEW passphrase the
removal asks for, and writes the next roster with the device marked removed: whoever
knew the old passphrase (and so could unwrap the old roster key) can no longer sign one.

The rotation takes effect — for everyone — when the old keyslots are gone (the last
step, after the new keyslot was read back). Until then devices holding the old key go
on as before, and running the removal again finishes it. A device then notices the
rotation when a record names a key it does not have and no keyslot wraps a key it has.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from desktop.sync import crypto, layout, vault
from desktop.sync import roster as rosters
from desktop.sync.crypto import KIND_ROTATION, KIND_ROTATION_NOTICE, Address, SealError
from desktop.sync.errors import DeviceRemoved, KeyRotated, WrongPassphrase
from desktop.sync.payload import decode_json, encode_json
from desktop.sync.remotes.base import Remote
from desktop.sync.vault import DataKey, KdfParams, KeyRing

log = logging.getLogger(__name__)
RECORD, NOTICE = ".enc", ".notice"


def record_path(key_id: str) -> str:
    return f"{layout.ROTATIONS}/{key_id}{RECORD}"


def notice_path(key_id: str) -> str:
    return f"{layout.ROTATIONS}/{key_id}{NOTICE}"


class HistoricalRecord(SealError):
    """A rotation record signed by a roster key a later removal replaced: genuine history
    (its removals are in the roster), not counted and not warned about."""


@dataclass(frozen=True)
class Rotation:
    """One rotation record, as read back (authenticated under its own new key)."""

    key_id: str
    by: str
    by_name: str
    at: str
    revoked: dict[str, int] = field(default_factory=dict)
    members: tuple[str, ...] = ()


def last_segment(remote: Remote, device_id: str) -> int:
    """The highest segment number a device has in the vault now (0 if none).

    Two listings (its buckets, then the newest bucket) instead of probing every number:
    what is there at the moment of the removal was sent before it and stays accepted.
    """
    base = f"{layout.device_dir(device_id)}/seg"
    buckets = [int(b) for b in remote.list_dir(base) if b.isdigit()]
    for bucket in sorted(buckets, reverse=True):
        names = remote.list_dir(f"{base}/{bucket}")
        seqs = [int(n[: -len(".seg")]) for n in names if n.endswith(".seg") and n[:-4].isdigit()]
        if seqs:
            return max(seqs)
    return 0


@dataclass(frozen=True)
class Rotated:
    """After a removal: the new key ring, the new roster key (kept only in memory by the
    caller, to pin its public half and enrol), and the roster written."""

    ring: KeyRing
    roster_key: bytes
    roster: rosters.Roster

    def __repr__(self) -> str:  # never print a key
        return f"Rotated(key_ids={self.ring.key_ids!r}, roster={self.roster.number})"

    @property
    def key_id(self) -> str:
        return self.ring.key_id


def rotate(
    remote: Remote,
    *,
    vault_id: str,
    passphrase: str,
    by: str,
    by_name: str,
    revoke: Mapping[str, int],
    members: Iterable[str],
    kdf: KdfParams | None = None,
    new_passphrase: str | None = None,
    local_roster: rosters.Roster | None = None,
) -> Rotated:
    """Make a new data key and roster key, record the revocation, rewrap the key ring
    under ``new_passphrase``; return what the caller keeps.

    Order (each step write-once): unlock with the current passphrase (a wrong one stops
    here: nothing written) → record under the new key, signed with the new roster key →
    notice under the old key → the next roster (device removed) → new keyslot with the
    whole ring and the new roster key, under the new passphrase only → read it back →
    delete the old keyslots. A crash before the last step leaves old keyslots in place,
    so nothing changes for the other devices; the files already written are named by a
    key id no keyslot wraps, or signed by a roster key nobody pinned, and are ignored.
    """
    opened = vault.open_vault(remote, vault_id, passphrase)
    old = opened.ring
    if new_passphrase and new_passphrase != passphrase:
        # a removal that crashed before deleting the old keyslots left one under the new
        # passphrase: build on its (longer) ring, so the retry's ring is the longest
        with contextlib.suppress(WrongPassphrase):
            crashed = vault.open_vault(remote, vault_id, new_passphrase).ring
            if len(crashed.ring) > len(old.ring):
                old = crashed.merged(old)
    roster_key = crypto.new_signing_key()
    old_public = (crypto.public_key(opened.roster_key),) if opened.roster_key else ()
    # Rapport's own cost, never vault.json's: that file is not authenticated, and a
    # storage provider that lowered it there would make the new keyslot cheap to attack.
    kdf = kdf or KdfParams()
    new = DataKey(secrets.token_hex(8), crypto.random_bytes(crypto.KEY_BYTES))
    ring = old.rotated(new)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    record = {
        "v": 1,
        "key_id": new.key_id,
        "previous": old.key_id,
        "by": by,
        "by_name": by_name,
        "at": now,
        "revoked": {d: int(s) for d, s in revoke.items()},
        "members": sorted(set(members) - set(revoke)),
    }
    notice = {"v": 1, "key_id": new.key_id, "by_name": by_name, "revoked": sorted(revoke)}
    remote.write(
        record_path(new.key_id),
        crypto.seal(
            encode_json(record),
            data_key=new.key,
            key_id=new.key_id,
            address=Address(KIND_ROTATION, vault_id, new.key_id),
            signer=roster_key,
        ),
    )
    remote.write(
        notice_path(new.key_id),
        crypto.seal(
            encode_json(notice),
            data_key=old.key,
            key_id=old.key_id,
            address=Address(KIND_ROTATION_NOTICE, vault_id, new.key_id),
        ),
    )
    written = rosters.write_next(
        remote,
        vault_id=vault_id,
        data_key=new,
        keys=ring.keys,
        roster_key=roster_key,
        pinned=old_public[0] if old_public else None,
        local=local_roster,
        change=lambda base: replace(base.with_revoked(revoke), former=(*base.former, *old_public)),
    )
    vault.replace_keyslots(remote, vault_id, ring, new_passphrase or passphrase, kdf, roster_key)
    return Rotated(ring, roster_key, written)


def read_record(
    remote: Remote,
    vault_id: str,
    key_id: str,
    keys: Mapping[str, bytes],
    roster_public: bytes | None = None,
    former: Sequence[bytes] = (),
) -> Rotation:
    """One rotation record, verified; raises SealError (or returns nothing usable).

    With ``roster_public`` (the pinned roster key) the record must be signed by it: the
    data key alone proves nothing, every device — and a lost one — holds it. One signed
    by a ``former`` roster key raises :class:`HistoricalRecord`."""
    data = remote.read(record_path(key_id))
    if data is None:
        raise SealError("the rotation record is not there (yet)")
    if roster_public is not None and crypto.sealed_version(data) != crypto.SIGNED:
        raise SealError("it is not signed with the vault's roster key")
    signed = data[: -crypto.SIGNATURE_BYTES]
    signature = data[-crypto.SIGNATURE_BYTES :]
    if roster_public is not None and any(crypto.verify(k, signature, signed) for k in former):
        raise HistoricalRecord("signed by a roster key a later removal replaced")
    opened = crypto.open_sealed(
        data,
        keys=keys,
        address=Address(KIND_ROTATION, vault_id, key_id),
        signers=(roster_public,) if roster_public is not None else (),
        signer_name="the vault's roster key",
    )
    body = decode_json(opened)
    if body.get("key_id") != key_id:
        raise SealError("the rotation record names another key")
    revoked = {
        str(d): int(s)
        for d, s in dict(body.get("revoked", {})).items()
        if layout.DEVICE_ID.match(d)
    }
    return Rotation(
        key_id,
        str(body.get("by", "")),
        str(body.get("by_name", "")) or "another device",
        str(body.get("at", "")),
        revoked,
        tuple(str(m) for m in body.get("members", [])),
    )


def _notice(remote: Remote, vault_id: str, key_id: str, keys: Mapping[str, bytes]) -> dict:
    data = remote.read(notice_path(key_id))
    if data is None:
        return {}
    try:
        body = decode_json(
            crypto.open_sealed(
                data, keys=keys, address=Address(KIND_ROTATION_NOTICE, vault_id, key_id)
            )
        )
    except SealError as exc:
        log.warning("Rotation notice %s unreadable: %s", key_id, exc)
        return {}
    return body if body.get("key_id") == key_id else {}


@dataclass
class Check:
    """What this device learnt about rotations in this cycle (for the engine and cache)."""

    revoked: dict[str, int] = field(default_factory=dict)
    read: dict[str, Rotation] = field(default_factory=dict)  # newly read records
    warnings: list[str] = field(default_factory=list)


def check(
    remote: Remote,
    *,
    vault_id: str,
    device_id: str,
    ring: KeyRing,
    known: Mapping[str, Mapping[str, int]],
    roster_public: bytes | None = None,
    former: Sequence[bytes] = (),
) -> Check:
    """Before a cycle: which devices are removed, and whether this device must stop.

    ``known`` maps the key ids of records already read (cached locally) to their
    revocations. One listing of ``rotations/`` per cycle in the usual case. Raises
    :class:`DeviceRemoved` when a record (or, holding only an old key, a notice) names
    this device, and :class:`KeyRotated` when the vault's key changed since this device
    last had it.
    """
    result = Check()
    for revoked in known.values():
        _merge(result.revoked, revoked)
    names = remote.list_dir(layout.ROTATIONS)
    ids = sorted({n[: -len(RECORD)] for n in names if n.endswith(RECORD)})
    ids = [i for i in ids if layout.DEVICE_ID.match(i)]
    keys = ring.keys
    unknown = []
    for key_id in ids:
        if key_id in known:
            continue
        if key_id not in keys:
            unknown.append(key_id)
            continue
        try:
            record = read_record(remote, vault_id, key_id, keys, roster_public, former)
        except HistoricalRecord:
            continue
        except SealError as exc:
            log.warning("Rotation record %s unreadable: %s", key_id, exc)
            if roster_public is not None and key_id in keys:
                result.warnings.append(
                    f"A key-change record in the vault ({key_id}) was ignored: {exc}. "
                    "Only a passphrase holder can remove devices; someone holding a device's "
                    "key may have planted it."
                )
            continue
        result.read[key_id] = record
        _merge(result.revoked, record.revoked)
    if device_id in result.revoked:
        by = next(
            (r.by_name for r in result.read.values() if device_id in r.revoked), "another device"
        )
        raise DeviceRemoved(by)
    if unknown and _rotation_committed(remote, ring):
        by = "another device"
        for key_id in unknown:
            notice = _notice(remote, vault_id, key_id, keys)
            name = str(notice.get("by_name") or "another device")
            if device_id in notice.get("revoked", []):
                raise DeviceRemoved(name)
            if notice:
                by = name
        raise KeyRotated(by)
    return result


def trusted_writers(record: Rotation) -> list[str]:
    """Who may still seal with the keys a record retired: the devices it kept, and its writer."""
    return sorted({*record.members, record.by} - set(record.revoked) - {""})


def retired_keys(
    key_ids: Sequence[str], trust: Mapping[str, Iterable[str]]
) -> dict[str, frozenset[str]]:
    """Old key id → the only devices whose updates sealed with it are still accepted.

    The removed device keeps the old key, and maybe the storage password: it could start
    a *new* device folder and seal updates with the old key. A device that was in the
    vault when the key was retired may still send a last batch under it (before it
    learns the new key); anyone else must have joined since, with the passphrase, and
    so seals with the new key. ``key_ids`` is the ring, newest first; ``trust`` maps a
    record's (new) key id to :func:`trusted_writers`. A key retired twice keeps only the
    devices trusted both times.
    """
    allowed: dict[str, frozenset[str]] = {}
    for key_id, devices in trust.items():
        if key_id not in key_ids:
            continue
        kept = frozenset(devices)
        for old in key_ids[key_ids.index(key_id) + 1 :]:
            allowed[old] = allowed.get(old, kept) & kept
    return allowed


def _merge(into: dict[str, int], revoked: Mapping[str, int]) -> None:
    """Several records may name one device (a retried removal): the earliest limit wins."""
    for device, last in revoked.items():
        into[device] = min(int(last), into.get(device, int(last)))


def _rotation_committed(remote: Remote, ring: KeyRing) -> bool:
    """True when no keyslot wraps a key this device has: the old keyslots are gone."""
    found = vault.slots(remote)
    if not found:
        return False  # no keyslot readable at all: not a rotation (still copying?)
    return not any(str(slot.get("key_id")) in ring.keys for slot in found)
