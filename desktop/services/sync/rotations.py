"""What this device has learnt of key rotations (lost devices removed from the vault).

Rotation records are write-once, so each is read from the remote once and cached in
``sync_state`` (device ids and sequence numbers: no secret).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from desktop.services.sync.run_db import RunDb
from desktop.storage.models import database
from desktop.sync import state

if TYPE_CHECKING:
    from desktop.sync.rotation import Rotation
    from desktop.sync.vault import KeyRing


def _rotations_key(vault_id: str) -> str:
    return f"rotations:{vault_id}"


def known_rotations(vault_id: str) -> dict[str, dict[str, int]]:
    """Rotation records already read (write-once, so read once): key id → revocations."""
    text = state.get(_rotations_key(vault_id))
    if not text:
        return {}
    try:
        return {str(k): {str(d): int(n) for d, n in v.items()} for k, v in json.loads(text).items()}
    except (TypeError, ValueError, AttributeError):
        return {}


def _trust_key(vault_id: str) -> str:
    return f"rotation-trust:{vault_id}"


def known_trust(vault_id: str) -> dict[str, list[str]]:
    """Per rotation record read: the devices it still trusted with the keys it retired."""
    text = state.get(_trust_key(vault_id))
    try:
        return {str(k): [str(d) for d in v] for k, v in json.loads(text or "{}").items()}
    except (TypeError, ValueError, AttributeError):
        return {}


def remember_rotations(vault_id: str, read: Mapping[str, Rotation]) -> None:
    """Cache newly read rotation records (device ids and sequence numbers: no secret)."""
    from desktop.sync.rotation import trusted_writers

    if not read:
        return
    with database.atomic():
        known = known_rotations(vault_id)
        known.update({key_id: record.revoked for key_id, record in read.items()})
        state.put(_rotations_key(vault_id), json.dumps(known, sort_keys=True))
        trust = known_trust(vault_id)
        trust.update({key_id: trusted_writers(record) for key_id, record in read.items()})
        state.put(_trust_key(vault_id), json.dumps(trust, sort_keys=True))


def removed_devices() -> dict[str, int]:
    """Devices removed from this vault as lost (device id → last accepted update)."""
    config = state.load_config()
    if config is None:
        return {}
    from desktop.services.sync.membership import local_roster

    removed: dict[str, int] = {}
    roster = local_roster(config.vault_id)  # it carries every removal forward
    for revoked in [*known_rotations(config.vault_id).values(), roster.revoked if roster else {}]:
        for device, last in revoked.items():
            removed[device] = min(last, removed.get(device, last))
    return removed


def check_rotations(
    remote: Any,
    config: state.SyncConfig,
    ring: KeyRing,
    run_db: RunDb,
    roster_public: bytes | None = None,
    former: tuple[bytes, ...] = (),
) -> tuple[dict[str, int], dict[str, frozenset[str]], list[str]]:
    """Before a cycle: learn removed devices; stop if this device was removed or lacks
    the vault's new key (raises DeviceRemoved / KeyRotated). Returns the removed devices
    (→ last accepted update), the retired keys (→ who may still seal with them) and
    warnings (a record not signed by the pinned roster key ``roster_public``)."""
    from desktop.sync import rotation

    known = run_db(partial(known_rotations, config.vault_id))
    checked = rotation.check(
        remote,
        vault_id=config.vault_id,
        device_id=config.device_id,
        ring=ring,
        known=known,
        roster_public=roster_public,
        former=former,
    )
    run_db(partial(remember_rotations, config.vault_id, checked.read))
    trust = run_db(partial(known_trust, config.vault_id))
    return checked.revoked, rotation.retired_keys(ring.key_ids, trust), checked.warnings
