"""Sync settings and progress in the database (``sync_state``): never a secret.

These functions touch SQLite, so the engine calls them through its ``run_db`` hook (the
GUI runs them on its own thread; the CLI calls them directly).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.storage.models import Meta, database
from desktop.storage.sync_tables import SyncDevice, SyncState
from desktop.sync.targets import Target

TARGET, VAULT, DEVICE, NAME = "target", "vault_id", "device_id", "device_name"
LAST_VAULT, LAST_DEVICE = "last_vault_id", "last_device_id"
INFO_WRITTEN = "device_info_written"
AUTOMATIC = "automatic"
LAST_SYNC, LAST_ERROR, LAST_RESULT = "last_sync_at", "last_error", "last_result"


@dataclass(frozen=True)
class SyncConfig:
    target: Target
    vault_id: str
    device_id: str  # this device's folder under devices/
    device_name: str


def get(key: str) -> str | None:
    return SyncState.read(key)


def put(key: str, value: object) -> None:
    SyncState.write(key, value)


def drop(*keys: str) -> None:
    SyncState.delete().where(SyncState.key.in_(list(keys))).execute()


def load_config() -> SyncConfig | None:
    values = {
        r.key: r.value
        for r in SyncState.select().where(SyncState.key.in_([TARGET, VAULT, DEVICE, NAME]))
    }
    if len(values) < 4:
        return None
    return SyncConfig(Target.from_json(values[TARGET]), values[VAULT], values[DEVICE], values[NAME])


def save_config(config: SyncConfig) -> None:
    with database.atomic():
        put(TARGET, config.target.to_json())
        put(VAULT, config.vault_id)
        put(DEVICE, config.device_id)
        put(NAME, config.device_name)
        put(LAST_VAULT, config.vault_id)
        put(LAST_DEVICE, config.device_id)


def clear_config() -> None:
    """Leave the vault: settings and status go; the numbering stays for a later re-join."""
    drop(TARGET, VAULT, DEVICE, NAME, INFO_WRITTEN, LAST_SYNC, LAST_ERROR, LAST_RESULT)


def own_origin() -> str:
    """The device id inside this database's clock stamps."""
    return Meta.get(Meta.key == "device_id").value


def device(device_id: str) -> SyncDevice | None:
    return SyncDevice.get_or_none(SyncDevice.device_id == device_id)


def record_device(device_id: str, info: dict[str, Any]) -> None:
    SyncDevice.insert(
        device_id=device_id,
        hlc_device=str(info.get("hlc_device", "")),
        name=str(info.get("name", ""))[:200],
        platform=str(info.get("platform", ""))[:100],
        app_version=str(info.get("app_version", ""))[:50],
    ).on_conflict(
        conflict_target=[SyncDevice.device_id],
        update={
            SyncDevice.hlc_device: str(info.get("hlc_device", "")),
            SyncDevice.name: str(info.get("name", ""))[:200],
            SyncDevice.platform: str(info.get("platform", ""))[:100],
            SyncDevice.app_version: str(info.get("app_version", ""))[:50],
        },
    ).execute()


def name_of_origin(origin: str) -> str:
    row = SyncDevice.get_or_none(SyncDevice.hlc_device == origin)
    return row.name if row and row.name else f"device {origin[:8]}"


def record_success(result: dict[str, Any]) -> None:
    with database.atomic():
        put(LAST_SYNC, datetime.now().replace(microsecond=0).isoformat())
        put(LAST_RESULT, json.dumps(result))
        drop(LAST_ERROR)


def record_error(message: str) -> None:
    put(LAST_ERROR, message)
