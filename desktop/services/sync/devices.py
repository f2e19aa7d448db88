"""The vault's devices: listing them, and removing a lost one from another, trusted device.

No Qt. ``remove_device`` reaches the network and must run off the GUI thread.
"""

from __future__ import annotations

import platform
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from desktop.services.sync.rotations import remember_rotations, removed_devices
from desktop.services.sync.run_db import RunDb, direct
from desktop.services.sync.secrets import keep_ring, remote_secret
from desktop.storage import outbox, replication_snapshot
from desktop.storage.sync_tables import SyncDevice
from desktop.sync import state

if TYPE_CHECKING:
    from desktop.sync.retry import RetryPolicy


@dataclass(frozen=True)
class DeviceView:
    device_id: str
    name: str
    platform: str
    app_version: str
    applied: int  # segments applied from it
    seen_at: datetime | None
    this_device: bool
    removed: bool = False  # removed from the vault as lost (its later updates are refused)


def devices() -> list[DeviceView]:
    config = state.load_config()
    removed = removed_devices()
    views = []
    if config is not None:
        views.append(
            DeviceView(
                config.device_id,
                config.device_name,
                platform.system(),
                "",
                outbox.pushed_seq(),
                None,
                True,
            )
        )
    for row in SyncDevice.select().order_by(SyncDevice.name):
        if config is not None and row.device_id == config.device_id:
            continue
        views.append(
            DeviceView(
                row.device_id,
                row.name or row.device_id,
                row.platform,
                row.app_version,
                row.cursor,
                row.seen_at,
                False,
                row.device_id in removed,
            )
        )
    return views


@dataclass(frozen=True)
class RemovedDevice:
    device_id: str
    name: str
    last_accepted: int  # its updates up to this number stay; later ones are refused
    key_id: str  # the new data key's id (not secret: it is in every file header)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _find_device(wanted: str, config: state.SyncConfig) -> tuple[str, str]:
    """(device id, name) for an id or a name from the device list; SyncError if unclear."""
    from desktop.sync import layout
    from desktop.sync.errors import SyncError

    wanted = wanted.strip()
    if wanted in (config.device_id, config.device_name):
        raise SyncError(
            "That is this device. To stop syncing here, use Forget this device; remove a "
            "lost device from one of your other devices."
        )
    others = [v for v in devices() if not v.this_device]
    by_id = [v for v in others if v.device_id == wanted.lower()]
    if by_id:
        return by_id[0].device_id, by_id[0].name
    by_name = [v for v in others if v.name == wanted] or [
        v for v in others if v.name.casefold() == wanted.casefold()
    ]
    if len(by_name) == 1:
        return by_name[0].device_id, by_name[0].name
    if len(by_name) > 1:
        ids = ", ".join(v.device_id for v in by_name)
        raise SyncError(f"Several devices are called {wanted!r} ({ids}); give the id instead.")
    if layout.DEVICE_ID.match(wanted.lower()):
        return wanted.lower(), wanted.lower()  # not heard of here yet: checked remotely
    raise SyncError(f"No device called {wanted!r} in this vault (rapport sync status lists them).")


def remove_device(
    *,
    device: str,
    passphrase: str,
    new_passphrase: str,
    policy: RetryPolicy | None = None,
    run_db: RunDb = direct,
) -> RemovedDevice:
    """Remove a lost device from the vault (from another, trusted device).

    Rotates the data key (the lost device keeps only the old one) and the roster key,
    records remotely — signed — which of its updates stay accepted, and from now on seals
    with the new key. The current passphrase opens the vault; the new key ring is
    wrapped only under ``new_passphrase`` (the lost device's holder may know the old
    one). A wrong passphrase changes nothing anywhere. Nothing local is deleted, and
    nothing of the lost device's data is removed from the vault.
    """
    from desktop.services.sync.membership import enroll, local_roster
    from desktop.services.sync.secrets import check_passphrase
    from desktop.sync import layout, rotation, vault
    from desktop.sync.errors import NotConfigured, SyncError, VaultMismatch

    check_passphrase(new_passphrase)
    if new_passphrase == passphrase:
        raise SyncError(
            "Choose a new passphrase: whoever has the lost device may know the current one. "
            "Nothing was changed."
        )
    config = run_db(state.load_config)
    if config is None:
        raise NotConfigured()
    device_id, name = run_db(partial(_find_device, device, config))
    remote = config.target.open(remote_secret(config), policy)
    try:
        info = vault.read_vault(remote)
        if info.vault_id != config.vault_id:
            raise VaultMismatch(
                f"{remote.description} now holds a different vault than the one this device "
                "belongs to. Nothing was changed."
            )
        members = [d for d in remote.list_dir(layout.DEVICES) if layout.DEVICE_ID.match(d)]
        if device_id not in members:
            raise SyncError(f"There is no device {name!r} in the vault; nothing was changed.")
        last = rotation.last_segment(remote, device_id)
        rotated = rotation.rotate(
            remote,
            vault_id=config.vault_id,
            passphrase=passphrase,
            new_passphrase=new_passphrase,
            by=config.device_id,
            by_name=config.device_name,
            revoke={device_id: last},
            members=members,
            local_roster=run_db(partial(local_roster, config.vault_id)),
        )
        ring = rotated.ring
        keep_ring(config.vault_id, ring)
        unlocked = vault.Unlocked(ring, rotated.roster_key)
        enroll(remote, config, unlocked, passphrase=new_passphrase, run_db=run_db)
    finally:
        remote.close()
    record = rotation.Rotation(
        ring.key_id,
        config.device_id,
        config.device_name,
        "",
        {device_id: last},
        tuple(sorted(set(members) - {device_id})),
    )
    run_db(partial(remember_rotations, config.vault_id, {ring.key_id: record}))
    run_db(replication_snapshot.request)  # "a fresh snapshot under the new key" (SYNC.md)
    return RemovedDevice(device_id, name, last, ring.key_id)
