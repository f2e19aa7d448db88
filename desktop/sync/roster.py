"""The vault's device roster: which signing key speaks for which device folder.

Every device shares the data key, so the data key alone cannot tell who wrote a file:
any key holder — a lost laptop's thief among them — could write into another device's
folder. Each device therefore signs what it writes with its own Ed25519 key
(:func:`desktop.sync.crypto.seal` with ``signer``), and the **roster** says which public
key belongs to which device folder:

``roster/<n>.ros`` (n = 1, 2, …, write-once)
    sealed under the data key (kind 6, "device" ``0000…``, sequence n) and signed with the
    vault's **roster key** R: ``{"v": 1, "n", "members": {device id: {"keys": [[first
    sequence, public key hex], …], "joined", "since", "card_signed", "revoked": last accepted
    sequence | null}}, "former_keys": [roster keys replaced by removals]}``. A device's
    updates from ``keys[0][0]`` on are signed; a key replaced later (its keyring lost it)
    verifies the sequences up to the next one.

R's private half exists only inside the keyslots (wrapped under the passphrase) and in
memory while the passphrase is at hand (create, join, unlock, change passphrase, remove a
device), so only a passphrase holder can change the roster. Its public half is pinned on
each device at create/join/unlock, and only the pinned key verifies. A device keeps the
highest roster it accepted and never goes back to a lower one: a storage that hides the
newest roster gets a warning, not a rollback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from desktop.sync import crypto, layout
from desktop.sync.crypto import KIND_DEVICE, KIND_ROSTER, KIND_SEGMENT, Address, SealError
from desktop.sync.payload import decode_json, encode_json
from desktop.sync.remotes.base import Remote

log = logging.getLogger(__name__)
FORMAT = 1
WRITE_ATTEMPTS = 3  # another device may write the same number at the same moment
READS_PER_CYCLE = 50  # rosters above the kept one tried per cycle (planted ones are refused)


@dataclass(frozen=True)
class Member:
    """One device folder's signing keys, oldest first: (first sequence it signs, public key)."""

    keys: tuple[tuple[int, bytes], ...]
    joined: str = ""
    card_signed: bool = True  # False: its device card was written before it had a key
    revoked: int | None = None  # removed as lost: its last accepted update
    since: int = 0  # the roster that added it: devices are read oldest first

    @property
    def signed_from(self) -> int:
        return self.keys[0][0]

    @property
    def current(self) -> bytes:
        return self.keys[-1][1]

    def key_for(self, seq: int) -> bytes | None:
        """The key that signs update ``seq`` (None: before the device signed anything)."""
        found = None
        for first, public in self.keys:
            if first <= seq:
                found = public
        return found

    def to_json(self) -> dict[str, Any]:
        return {
            "keys": [[first, public.hex()] for first, public in self.keys],
            "joined": self.joined,
            "card_signed": self.card_signed,
            "revoked": self.revoked,
            "since": self.since,
        }

    @classmethod
    def from_json(cls, data: Any) -> Member:
        if not isinstance(data, dict) or not isinstance(data.get("keys"), list):
            raise SealError("malformed roster entry")
        keys = []
        for item in data["keys"]:
            if not (isinstance(item, list) and len(item) == 2 and type(item[0]) is int):
                raise SealError("malformed roster key")
            public = bytes.fromhex(str(item[1]))
            if len(public) != 32 or item[0] < 1:
                raise SealError("malformed roster key")
            keys.append((item[0], public))
        if not keys or [k[0] for k in keys] != sorted(k[0] for k in keys):
            raise SealError("malformed roster keys")
        revoked = data.get("revoked")
        if revoked is not None and (type(revoked) is not int or revoked < 0):
            raise SealError("malformed revocation")
        since = data.get("since", 0)
        if type(since) is not int or since < 0:
            raise SealError("malformed roster entry")
        return cls(
            tuple(keys), str(data.get("joined", "")), bool(data.get("card_signed")), revoked, since
        )


@dataclass(frozen=True)
class Roster:
    number: int
    members: dict[str, Member] = field(default_factory=dict)
    # roster keys replaced by removals: what they signed (older rotation records) is
    # history — its removals are carried in ``members`` — not a forgery to warn about
    former: tuple[bytes, ...] = ()

    @property
    def revoked(self) -> dict[str, int]:
        return {d: m.revoked for d, m in self.members.items() if m.revoked is not None}

    def to_json(self) -> dict[str, Any]:
        members = {d: m.to_json() for d, m in sorted(self.members.items())}
        former = [public.hex() for public in self.former]
        return {"v": FORMAT, "n": self.number, "members": members, "former_keys": former}

    @classmethod
    def from_json(cls, data: Any) -> Roster:
        if not isinstance(data, dict) or data.get("v") != FORMAT:
            raise SealError("written by a newer Rapport (roster format)")
        number, members = data.get("n"), data.get("members")
        if type(number) is not int or number < 1 or not isinstance(members, dict):
            raise SealError("malformed roster")
        if not all(isinstance(d, str) and layout.DEVICE_ID.match(d) for d in members):
            raise SealError("malformed roster device id")
        former = data.get("former_keys", [])
        if not isinstance(former, list) or not all(
            isinstance(k, str) and len(k) == 64 for k in former
        ):
            raise SealError("malformed former roster keys")
        return cls(
            number,
            {d: Member.from_json(m) for d, m in members.items()},
            tuple(bytes.fromhex(k) for k in former),
        )

    def with_key(
        self, device_id: str, public: bytes, first_seq: int, *, card_signed: bool
    ) -> Roster:
        """The next roster, in which ``public`` signs ``device_id``'s updates from
        ``first_seq`` on (a new member, or a member whose key was lost from its keyring)."""
        members = dict(self.members)
        old = members.get(device_id)
        if old is None:
            now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            members[device_id] = Member(
                ((first_seq, public),), now, card_signed, since=self.number + 1
            )
        else:
            # nothing at or after ``first_seq`` is in the vault yet, so an old key whose
            # range starts there never signed an update: the new one takes that range over
            # (the old one still verifies the device's card and snapshots)
            first_seq = max(first_seq, old.keys[-1][0])
            keys = old.keys
            if len(keys) > 1 and keys[-1][0] == first_seq:  # a key that never signed an
                keys = keys[:-1]  # update (session-only runs): no need to keep it
            members[device_id] = replace(old, keys=(*keys, (first_seq, public)))
        return Roster(self.number + 1, members, self.former)

    def with_revoked(self, revoked: Mapping[str, int]) -> Roster:
        """The next roster, in which these devices are removed (lowest limit kept)."""
        members = dict(self.members)
        for device, last in revoked.items():
            old = members.get(device) or Member(((last + 1, bytes(32)),), card_signed=False)
            limit = last if old.revoked is None else min(old.revoked, last)
            members[device] = replace(old, revoked=limit)
        return Roster(self.number + 1, members, self.former)


def empty() -> Roster:
    """What a vault had before its first roster (the next one is number 1)."""
    return Roster(0, {})


def _address(vault_id: str, number: int) -> Address:
    return Address(KIND_ROSTER, vault_id, layout.ROSTER_DEVICE, number)


def seal_roster(roster: Roster, *, vault_id: str, data_key: Any, roster_key: bytes) -> bytes:
    """Sealed under the vault's newest data key and signed with the roster key."""
    return crypto.seal(
        encode_json(roster.to_json()),
        data_key=data_key.key,
        key_id=data_key.key_id,
        address=_address(vault_id, roster.number),
        signer=roster_key,
    )


def open_roster(
    data: bytes, *, vault_id: str, number: int, keys: Mapping[str, bytes], pinned: bytes
) -> Roster:
    """A roster verified with the pinned roster key (raises SealError)."""
    if crypto.sealed_version(data) != crypto.SIGNED:
        raise SealError("it is not signed")
    plain = crypto.open_sealed(
        data,
        keys=keys,
        address=_address(vault_id, number),
        signers=(pinned,),
        signer_name="the vault's roster key",
    )
    roster = Roster.from_json(decode_json(plain))
    if roster.number != number:
        raise SealError("it carries another number")
    return roster


def listed(remote: Remote) -> list[int]:
    """Roster numbers in the vault, highest first."""
    found = (layout.ROSTER_NAME.match(n) for n in remote.list_dir(layout.ROSTER))
    return sorted((int(m.group(1)) for m in found if m), reverse=True)


def latest(
    remote: Remote,
    *,
    vault_id: str,
    keys: Mapping[str, bytes],
    pinned: bytes,
    local: Roster | None,
) -> tuple[Roster | None, list[str]]:
    """The roster in force: the highest one that verifies, never lower than ``local``
    (the highest this device accepted before). Returns it and warnings to show."""
    warnings: list[str] = []
    numbers = listed(remote)
    floor = local.number if local is not None else 0
    for number in [n for n in numbers if n > floor][:READS_PER_CYCLE]:
        data = remote.read(layout.roster(number))
        if data is None:
            continue
        try:
            return open_roster(
                data, vault_id=vault_id, number=number, keys=keys, pinned=pinned
            ), warnings
        except SealError as exc:
            log.warning("Roster %d unusable: %s", number, exc)
            warnings.append(
                f"The vault's device roster {number} could not be verified ({exc}); it was "
                "ignored. Someone may have planted it in the storage."
            )
    if local is not None and local.number not in numbers:
        warnings.append(
            f"The vault's newest device roster (number {local.number}, kept on this device) is "
            "missing from the storage; this device goes on with its own copy. The storage may "
            "have been restored from an old copy, or someone is hiding files."
        )
    return local, warnings


def write_next(
    remote: Remote,
    *,
    vault_id: str,
    data_key: Any,
    keys: Mapping[str, bytes],
    roster_key: bytes,
    local: Roster | None,
    change: Callable[[Roster], Roster],
    pinned: bytes | None = None,
) -> Roster:
    """Apply ``change`` to the roster in force and write the result under the next number.

    Write-once and no locks: if another device wrote the same number at the same moment
    (the read-back differs), start again from the roster in force then. ``pinned``
    verifies the rosters already there (default: ``roster_key``'s own public half; a
    removal signs the next roster with a new roster key).
    """
    pinned = pinned or crypto.public_key(roster_key)
    for _ in range(WRITE_ATTEMPTS):
        current, _warnings = latest(
            remote, vault_id=vault_id, keys=keys, pinned=pinned, local=local
        )
        base = current or empty()
        taken, number = set(listed(remote)), base.number + 1
        while number in taken:  # a roster that did not verify (planted, or a crashed
            number += 1  # removal's): never overwritten, never made to skip to the end
        new = replace(change(base), number=number)
        sealed = seal_roster(new, vault_id=vault_id, data_key=data_key, roster_key=roster_key)
        remote.write(layout.roster(new.number), sealed)
        if remote.read(layout.roster(new.number)) == sealed:
            return new
    raise SealError("other devices kept writing the roster at the same moment")


@dataclass(frozen=True)
class Trust:
    """Who may write what, as the roster in force says. ``roster`` None: a vault from
    before rosters (nothing is signed there yet; files are checked as before)."""

    roster: Roster | None

    def signers(
        self, device_id: str, kind: int, seq: int, name: str
    ) -> tuple[tuple[bytes, ...], bool]:
        """(public keys a signed file may verify with, whether an unsigned one is still
        acceptable) for a file of ``device_id``; SealError when nothing of it is."""
        if self.roster is None:
            return (), True
        member = self.roster.members.get(device_id)
        if member is None:
            if kind == KIND_DEVICE:
                return (), True  # only its name; its updates wait (below)
            raise SealError(
                f"{name} is not in the vault's device roster yet, so its updates cannot be "
                "checked; they wait until its user types the passphrase on it once"
            )
        if kind == KIND_SEGMENT:
            if member.revoked is not None and seq > member.revoked:
                raise SealError(f"{name} was removed from this vault")
            key = member.key_for(seq)
            return ((key,) if key else ()), seq < member.signed_from
        if kind != KIND_DEVICE and member.revoked is not None:
            raise SealError(f"{name} was removed from this vault")
        every = tuple(public for _, public in member.keys)  # a card, a snapshot: any of its keys
        if kind == KIND_DEVICE:
            return every, not member.card_signed
        return every, False  # snapshots: always signed since it joined the roster


def check_signed(data: bytes, unsigned_ok: bool, name: str, seq: int, kind: int) -> None:
    """Refuse an unsigned file where the roster says its writer signs (SealError)."""
    if crypto.sealed_version(data) == crypto.VERSION and not unsigned_ok:
        what = f"update {seq}" if kind == KIND_SEGMENT else "this file"
        raise SealError(
            f"it is not signed, but {name} signs {what} (someone else wrote it with the "
            "shared data key)"
        )
