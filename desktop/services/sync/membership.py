"""This device's place in the vault's device roster: its signing key, the pinned roster key,
the roster it accepted, and enrolling while the passphrase is at hand.

- The signing key (Ed25519, private) lives in the keyring as ``sign:<device id>``, with
  the same session-only fallback as the data key. A device whose key is gone gets a new
  one, registered in the roster, the next time its user types the passphrase.
- The roster key's public half ("pinned") and the highest roster accepted are kept in
  ``sync_state``: public keys and device ids, no secret. A roster lower than the one kept
  is never taken again.

No Qt. Functions taking a remote reach the network and must run off the GUI thread.
"""

from __future__ import annotations

import base64
import json
from functools import partial
from typing import TYPE_CHECKING, Any

from desktop.services.sync.rotations import removed_devices
from desktop.services.sync.run_db import RunDb
from desktop.services.sync.secrets import secret_store
from desktop.storage import outbox
from desktop.storage.models import database
from desktop.sync import state

if TYPE_CHECKING:
    from desktop.sync.roster import Roster, Trust
    from desktop.sync.vault import KeyRing, Unlocked


def _pinned_key(vault_id: str) -> str:
    return f"roster-key:{vault_id}"


def _roster_key(vault_id: str) -> str:
    return f"roster:{vault_id}"


def pinned(vault_id: str) -> bytes | None:
    """The roster key's public half this device verifies rosters with (None: not yet)."""
    text = state.get(_pinned_key(vault_id))
    try:
        return bytes.fromhex(text) if text else None
    except ValueError:
        return None


def local_roster(vault_id: str) -> Roster | None:
    """The highest roster this device accepted (its body, kept so it never goes back)."""
    from desktop.sync.crypto import SealError
    from desktop.sync.roster import Roster

    text = state.get(_roster_key(vault_id))
    if not text:
        return None
    try:
        return Roster.from_json(json.loads(text))
    except (SealError, ValueError, TypeError):
        return None


def remember(vault_id: str, public: bytes, roster: Roster | None) -> None:
    """Pin ``public`` and keep ``roster`` unless a higher one is kept already."""
    with database.atomic():
        state.put(_pinned_key(vault_id), public.hex())
        kept = local_roster(vault_id)
        if roster is not None and (kept is None or roster.number > kept.number):
            state.put(_roster_key(vault_id), json.dumps(roster.to_json(), sort_keys=True))


def forget(vault_id: str) -> None:
    state.drop(_pinned_key(vault_id), _roster_key(vault_id))


def signing_key(device_id: str) -> bytes | None:
    """This device's signing key from the keyring (None when it is not there)."""
    from desktop.sync.credentials import sign_key

    text = secret_store().get(sign_key(device_id))
    try:
        key = base64.b64decode(text) if text else b""
    except ValueError:
        return None
    return key if len(key) == 32 else None


def _ensure_signing_key(device_id: str) -> bytes:
    from desktop.sync import crypto
    from desktop.sync.credentials import sign_key

    key = signing_key(device_id)
    if key is None:
        key = crypto.new_signing_key()
        secret_store().set(sign_key(device_id), base64.b64encode(key).decode("ascii"))
    return key


def forget_signing_key(device_id: str) -> None:
    from desktop.sync.credentials import sign_key

    secret_store().delete(sign_key(device_id))


def enroll(
    remote: Any,
    config: state.SyncConfig,
    unlocked: Unlocked,
    *,
    passphrase: str,
    run_db: RunDb,
) -> Roster:
    """What a passphrase holder does for its device (create, join, unlock, change
    passphrase, remove a device): pin the roster key and make sure the roster lists this
    device with the signing key it holds.

    A vault from before rosters gets its roster key here (wrapped into new keyslots under
    ``passphrase``) and roster 1, which also carries the removals this device knows of.
    """
    from desktop.sync import crypto, layout, rotation, vault
    from desktop.sync import roster as rosters
    from desktop.sync.errors import DeviceRemoved

    vault_id, me, ring = config.vault_id, config.device_id, unlocked.ring
    roster_key = unlocked.roster_key
    if roster_key is None:  # an earlier Rapport made this vault: give it a roster key
        roster_key = crypto.new_signing_key()
        vault.replace_keyslots(remote, vault_id, ring, passphrase, vault.KdfParams(), roster_key)
    public = crypto.public_key(roster_key)
    local = run_db(partial(local_roster, vault_id))
    current, _warnings = rosters.latest(
        remote, vault_id=vault_id, keys=ring.keys, pinned=public, local=local
    )
    sign = crypto.public_key(_ensure_signing_key(me))
    member = current.members.get(me) if current else None
    if member is not None and member.revoked is not None:
        raise DeviceRemoved("another device")
    known = run_db(removed_devices)
    missing = {
        d: n
        for d, n in known.items()
        if current is None or current.members.get(d) is None or current.members[d].revoked is None
    }
    if member is None or member.current != sign or missing:
        first = max(rotation.last_segment(remote, me), run_db(outbox.pushed_seq)) + 1
        card_signed = not remote.exists(layout.device_info(me))

        def change(base: Roster) -> Roster:
            base = base.with_revoked(missing) if missing else base
            mine = base.members.get(me)
            if mine is not None and mine.current == sign:
                return base
            return base.with_key(me, sign, first, card_signed=card_signed)

        current = rosters.write_next(
            remote,
            vault_id=vault_id,
            data_key=ring.current,
            keys=ring.keys,
            roster_key=roster_key,
            local=local,
            change=change,
        )
    run_db(partial(remember, vault_id, public, current))
    return current


def check(
    remote: Any, config: state.SyncConfig, ring: KeyRing, run_db: RunDb
) -> tuple[Trust, bytes, list[str]]:
    """Before a cycle: the roster in force, this device's signing key, warnings.

    Raises RosterNeeded when this device cannot yet check signatures or sign its own
    updates (the passphrase, typed once, fixes it through :func:`enroll`), DeviceRemoved
    when the roster says this device was removed.
    """
    from desktop.sync import crypto
    from desktop.sync import roster as rosters
    from desktop.sync.errors import DeviceRemoved, RosterNeeded

    vault_id, me = config.vault_id, config.device_id
    public = run_db(partial(pinned, vault_id))
    if public is None:
        if rosters.listed(remote):
            raise RosterNeeded(
                "The vault now keeps a roster of its devices' signing keys (set up on another "
                "device), and this device has not checked it yet."
            )
        raise RosterNeeded(
            "This vault was made by an earlier Rapport: its devices do not sign their updates "
            "yet, so a lost device could write in another's name."
        )
    local = run_db(partial(local_roster, vault_id))
    current, warnings = rosters.latest(
        remote, vault_id=vault_id, keys=ring.keys, pinned=public, local=local
    )
    if current is None:
        raise RosterNeeded("The vault's device roster could not be found or verified.")
    member = current.members.get(me)
    if member is not None and member.revoked is not None:
        raise DeviceRemoved("another device")
    sign = signing_key(me)
    if sign is None:
        why = secret_store().problem or "it is not in the keyring"
        raise RosterNeeded(f"This device's signing key is missing ({why}).")
    if member is None or crypto.public_key(sign) != member.current:
        raise RosterNeeded("This device is not in the vault's device roster yet.")
    if local is None or current.number > local.number:
        run_db(partial(remember, vault_id, public, current))
    return rosters.Trust(current), sign, warnings
