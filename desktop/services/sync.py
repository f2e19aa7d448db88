"""Sync use cases for the UI and the CLI: set up, run a cycle, status, devices, conflicts.

No Qt. Functions that reach the network (create, join, test, cycle, change passphrase,
unlock, remove a lost device) must run off the GUI thread; ``sync_now`` takes a
``run_db`` hook so its database work can still run on the GUI thread. Everything heavy
(HTTP clients, keyring, cryptography) is imported here lazily, when sync is first used.
"""

from __future__ import annotations

import contextlib
import platform
import secrets as _random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import peewee as pw

from desktop.services.store import operation, publish
from desktop.storage import journal, outbox, replication_snapshot
from desktop.storage.models import ENTITY_NAMES, database
from desktop.storage.sync_tables import Conflict, SyncDevice
from desktop.sync import state

if TYPE_CHECKING:
    from desktop.sync.credentials import SecretStore
    from desktop.sync.engine import CycleResult
    from desktop.sync.retry import RetryPolicy
    from desktop.sync.rotation import Rotation
    from desktop.sync.targets import Target
    from desktop.sync.vault import DataKey, KeyRing

T = TypeVar("T")
_store: SecretStore | None = None


def secret_store() -> SecretStore:
    """The process's keyring front (created on first use: importing keyring is slow)."""
    global _store
    if _store is None:
        from desktop.sync.credentials import SecretStore

        _store = SecretStore()
    return _store


def use_secret_store(store: SecretStore | None) -> None:
    """Replace the keyring front (tests); None goes back to the default."""
    global _store
    _store = store


def _direct(fn: Callable[[], T]) -> T:
    return fn()


def default_device_name() -> str:
    return platform.node() or "This computer"


# -- setting up ----------------------------------------------------------------------------
def test_connection(target: Target, secret: str | None, policy: RetryPolicy | None = None) -> str:
    """Reach the target with these credentials; returns what was found (raises SyncError)."""
    from desktop.sync.vault import read_vault

    remote = target.open(secret, policy)
    try:
        remote.check()
        try:
            read_vault(remote)
        except Exception:
            return f"Connected to {target.describe()}: no vault there yet."
        return f"Connected to {target.describe()}: a Rapport vault is there (join it)."
    finally:
        remote.close()


def create_vault(
    *,
    target: Target,
    passphrase: str,
    secret: str | None = None,
    device_name: str | None = None,
    kdf: Any = None,
    policy: RetryPolicy | None = None,
    run_db: Callable[[Callable[[], Any]], Any] = _direct,
) -> state.SyncConfig:
    """Make a new vault at ``target`` and make this device its first member."""
    from desktop.sync import vault

    _check_passphrase(passphrase)
    if target.kind == "folder":  # creating is explicit: make the folder if need be
        Path(target.location).mkdir(parents=True, exist_ok=True)
    remote = target.open(secret, policy)
    try:
        vault_id, data_key = vault.create_vault(remote, passphrase, kdf)
    finally:
        remote.close()
    return _adopt(target, vault_id, data_key, secret, device_name, run_db)


def join_vault(
    *,
    target: Target,
    passphrase: str,
    secret: str | None = None,
    device_name: str | None = None,
    policy: RetryPolicy | None = None,
    run_db: Callable[[Callable[[], Any]], Any] = _direct,
) -> state.SyncConfig:
    """Join the vault at ``target`` (never creates one)."""
    from desktop.sync import vault

    remote = target.open(secret, policy)
    try:
        remote.check()
        info = vault.read_vault(remote)
        data_key = vault.unlock(remote, info.vault_id, passphrase)
        removed = _removed_devices(remote, info.vault_id, data_key)
    finally:
        remote.close()
    return _adopt(target, info.vault_id, data_key, secret, device_name, run_db, removed)


def _removed_devices(remote: Any, vault_id: str, ring: KeyRing) -> dict[str, int]:
    """Devices removed from the vault (as lost), read with a freshly unlocked key ring."""
    from desktop.sync import rotation

    return rotation.check(remote, vault_id=vault_id, device_id="", ring=ring, known={}).revoked


def _check_passphrase(passphrase: str) -> None:
    from desktop.sync.errors import SyncError

    if len(passphrase) < 8:
        raise SyncError("Choose a passphrase of at least 8 characters (a few words is best).")


def _adopt(
    target: Target,
    vault_id: str,
    data_key: DataKey | KeyRing,
    secret: str | None,
    device_name: str | None,
    run_db: Callable[[Callable[[], Any]], Any],
    removed: dict[str, int] | None = None,
) -> state.SyncConfig:
    from desktop.sync.credentials import remote_key

    _keep_ring(vault_id, data_key)
    store = secret_store()
    if target.needs_secret and secret:
        store.set(remote_key(target.target_id), secret)
    return run_db(partial(_remember, target, vault_id, device_name, set(removed or {})))


def _keep_ring(vault_id: str, data_key: DataKey | KeyRing) -> KeyRing:
    """Store the vault's key ring in the keyring, keeping any older key already there.

    The vault's ring is the authority on which key is newest; a key only this device
    still had (none, normally) is kept too so that nothing it could read becomes
    unreadable.
    """
    from desktop.sync.credentials import dek_key
    from desktop.sync.vault import KeyRing

    ring = KeyRing.of(data_key)
    store = secret_store()
    held = store.get(dek_key(vault_id))
    if held:
        # a damaged entry: the vault's ring replaces it
        with contextlib.suppress(ValueError, TypeError):
            ring = ring.merged(KeyRing.decode(held))
    store.set(dek_key(vault_id), ring.encode())
    return ring


def _remember(
    target: Target, vault_id: str, device_name: str | None, removed: set[str] | None = None
) -> state.SyncConfig:
    with database.atomic():
        last_vault, last_device = state.get(state.LAST_VAULT), state.get(state.LAST_DEVICE)
        if last_vault == vault_id and last_device and last_device not in (removed or set()):
            device_id = last_device  # re-joining: continue this device's numbering
        else:  # a new vault, or this device was removed from it: join as a new device
            outbox.reset_for_new_vault()
            device_id = _random.token_hex(8)
        config = state.SyncConfig(
            target, vault_id, device_id, (device_name or default_device_name()).strip()
        )
        state.save_config(config)
        state.put(state.AUTOMATIC, "1")
    return config


def unlock_session(
    *,
    passphrase: str | None = None,
    secret: str | None = None,
    policy: RetryPolicy | None = None,
    run_db: Callable[[Callable[[], Any]], Any] = _direct,
) -> None:
    """Give this device the secrets it lacks: session-only mode (the keyring could not keep
    them), or the vault's new key ring after another device removed a lost one."""
    from desktop.sync import vault
    from desktop.sync.credentials import remote_key
    from desktop.sync.errors import NotConfigured

    config = run_db(state.load_config)
    if config is None:
        raise NotConfigured()
    store = secret_store()
    if secret is not None:
        store.set(remote_key(config.target.target_id), secret)
    if passphrase is not None:
        remote = config.target.open(_remote_secret(config), policy)
        try:
            data_key = vault.unlock(remote, config.vault_id, passphrase)
        finally:
            remote.close()
        _keep_ring(config.vault_id, data_key)


def missing_secrets() -> list[str]:
    """What must be asked before a cycle can run: "passphrase" and/or the remote secret."""
    from desktop.sync.credentials import dek_key, remote_key

    config = state.load_config()
    if config is None:
        return []
    store = secret_store()
    missing = []
    if store.get(dek_key(config.vault_id)) is None:
        missing.append("passphrase")
    if config.target.needs_secret and store.get(remote_key(config.target.target_id)) is None:
        missing.append(config.target.secret_name)
    return missing


def _remote_secret(config: state.SyncConfig) -> str | None:
    from desktop.sync.credentials import remote_key

    if not config.target.needs_secret:
        return None
    return secret_store().get(remote_key(config.target.target_id))


def _data_key(config: state.SyncConfig) -> KeyRing:
    """Every data key this device holds for the vault (one, or a ring after rotations)."""
    from desktop.sync.credentials import dek_key
    from desktop.sync.errors import NeedsSecret
    from desktop.sync.vault import KeyRing

    encoded = secret_store().get(dek_key(config.vault_id))
    if encoded is None:
        why = secret_store().problem or "the vault's key is not in the keyring"
        raise NeedsSecret("passphrase", why)
    return KeyRing.decode(encoded)


def _rotations_key(vault_id: str) -> str:
    return f"rotations:{vault_id}"


def _known_rotations(vault_id: str) -> dict[str, dict[str, int]]:
    """Rotation records already read (write-once, so read once): key id → revocations."""
    import json

    text = state.get(_rotations_key(vault_id))
    if not text:
        return {}
    try:
        return {str(k): {str(d): int(n) for d, n in v.items()} for k, v in json.loads(text).items()}
    except (TypeError, ValueError, AttributeError):
        return {}


def _trust_key(vault_id: str) -> str:
    return f"rotation-trust:{vault_id}"


def _known_trust(vault_id: str) -> dict[str, list[str]]:
    """Per rotation record read: the devices it still trusted with the keys it retired."""
    import json

    text = state.get(_trust_key(vault_id))
    try:
        return {str(k): [str(d) for d in v] for k, v in json.loads(text or "{}").items()}
    except (TypeError, ValueError, AttributeError):
        return {}


def _remember_rotations(vault_id: str, read: Mapping[str, Rotation]) -> None:
    """Cache newly read rotation records (device ids and sequence numbers: no secret)."""
    import json

    from desktop.sync.rotation import trusted_writers

    if not read:
        return
    with database.atomic():
        known = _known_rotations(vault_id)
        known.update({key_id: record.revoked for key_id, record in read.items()})
        state.put(_rotations_key(vault_id), json.dumps(known, sort_keys=True))
        trust = _known_trust(vault_id)
        trust.update({key_id: trusted_writers(record) for key_id, record in read.items()})
        state.put(_trust_key(vault_id), json.dumps(trust, sort_keys=True))


def removed_devices() -> dict[str, int]:
    """Devices removed from this vault as lost (device id → last accepted update)."""
    config = state.load_config()
    if config is None:
        return {}
    removed: dict[str, int] = {}
    for revoked in _known_rotations(config.vault_id).values():
        for device, last in revoked.items():
            removed[device] = min(last, removed.get(device, last))
    return removed


def _check_rotations(
    remote: Any, config: state.SyncConfig, ring: KeyRing, run_db: Callable[[Callable[[], Any]], Any]
) -> tuple[dict[str, int], dict[str, frozenset[str]]]:
    """Before a cycle: learn removed devices; stop if this device was removed or lacks
    the vault's new key (raises DeviceRemoved / KeyRotated). Returns the removed devices
    (→ last accepted update) and the retired keys (→ who may still seal with them)."""
    from desktop.sync import rotation

    known = run_db(partial(_known_rotations, config.vault_id))
    checked = rotation.check(
        remote, vault_id=config.vault_id, device_id=config.device_id, ring=ring, known=known
    )
    run_db(partial(_remember_rotations, config.vault_id, checked.read))
    trust = run_db(partial(_known_trust, config.vault_id))
    return checked.revoked, rotation.retired_keys(ring.key_ids, trust)


# -- the cycle -------------------------------------------------------------------------------
def sync_now(
    *,
    run_db: Callable[[Callable[[], Any]], Any] = _direct,
    policy: RetryPolicy | None = None,
    segment_changes: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> CycleResult:
    """Run one cycle (preflight, push, pull); status is recorded either way.

    ``progress(what, done, total)`` reports long database work (loading a snapshot when
    joining); it is called from inside ``run_db``.
    """
    from desktop.sync.engine import SEGMENT_CHANGES, SyncEngine
    from desktop.sync.errors import NeedsSecret, NotConfigured, SyncError

    config = run_db(state.load_config)
    if config is None:
        raise NotConfigured()
    try:
        data_key = _data_key(config)
        secret = _remote_secret(config)
        if config.target.needs_secret and secret is None:
            why = secret_store().problem or "it is not in the keyring"
            raise NeedsSecret(config.target.secret_name, why)
        remote = config.target.open(secret, policy)
        try:
            revoked, retired = _check_rotations(remote, config, data_key, run_db)
            engine = SyncEngine(
                remote=remote,
                config=config,
                data_key=data_key,
                run_db=run_db,
                publish=lambda: run_db(publish),
                segment_changes=segment_changes or SEGMENT_CHANGES,
                revoked=revoked,
                retired=retired,
                progress=progress,
            )
            result = engine.run_cycle()
        finally:
            remote.close()
    except SyncError as exc:
        run_db(partial(state.record_error, str(exc)))
        raise
    except Exception as exc:
        run_db(partial(state.record_error, f"Unexpected problem: {exc.__class__.__name__}"))
        raise
    run_db(lambda: state.record_success(result.to_json()))
    return result


# -- what the user sees ------------------------------------------------------------------------
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


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    target: str = ""
    device_name: str = ""
    vault_id: str = ""
    automatic: bool = True
    last_sync_at: str | None = None
    last_error: str | None = None
    last_result: dict[str, Any] | None = None
    pending: int = 0
    unseen_conflicts: int = 0
    keyring_problem: str | None = None

    def to_json(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


def status(*, check_keyring: bool = True) -> SyncStatus:
    import json

    config = state.load_config()
    if config is None:
        return SyncStatus(configured=False, pending=outbox.pending_count())
    result = state.get(state.LAST_RESULT)
    problem = None
    if check_keyring:
        store = secret_store()
        problem = store.problem if store.session_only else None
    return SyncStatus(
        configured=True,
        target=config.target.describe(),
        device_name=config.device_name,
        vault_id=config.vault_id,
        automatic=state.get(state.AUTOMATIC) != "0",
        last_sync_at=state.get(state.LAST_SYNC),
        last_error=state.get(state.LAST_ERROR),
        last_result=json.loads(result) if result else None,
        pending=outbox.pending_count(),
        unseen_conflicts=Conflict.select().where(Conflict.seen == False).count(),
        keyring_problem=problem,
    )


def set_automatic(enabled: bool) -> None:
    state.put(state.AUTOMATIC, "1" if enabled else "0")


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


def forget_this_device() -> None:
    """Leave the vault here: secrets and settings go; all data stays; nothing remote changes."""
    from desktop.sync.credentials import dek_key, remote_key

    config = state.load_config()
    if config is None:
        return
    store = secret_store()
    store.delete(dek_key(config.vault_id))
    if config.target.needs_secret:
        store.delete(remote_key(config.target.target_id))
    with database.atomic():
        state.clear_config()


def change_passphrase(
    *,
    old: str,
    new: str,
    policy: RetryPolicy | None = None,
    run_db: Callable[[Callable[[], Any]], Any] = _direct,
) -> None:
    from desktop.sync import vault
    from desktop.sync.errors import NotConfigured

    _check_passphrase(new)
    config = run_db(state.load_config)
    if config is None:
        raise NotConfigured()
    remote = config.target.open(_remote_secret(config), policy)
    try:
        ring = vault.change_passphrase(remote, config.vault_id, old, new)
    finally:
        remote.close()
    _keep_ring(config.vault_id, ring)  # the vault's ring may be newer than ours


# -- a lost device ---------------------------------------------------------------------------
@dataclass(frozen=True)
class RemovedDevice:
    device_id: str
    name: str
    last_accepted: int  # its updates up to this number stay; later ones are refused
    key_id: str  # the new data key's id (not secret: it is in every file header)

    def to_json(self) -> dict[str, Any]:
        from dataclasses import asdict

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
    policy: RetryPolicy | None = None,
    run_db: Callable[[Callable[[], Any]], Any] = _direct,
) -> RemovedDevice:
    """Remove a lost device from the vault (from another, trusted device).

    Rotates the data key (the lost device keeps only the old one), records remotely
    which of its updates stay accepted, and from now on seals with the new key. The
    passphrase is needed because the new key must be wrapped in a new keyslot; a wrong
    one changes nothing anywhere. Nothing local is deleted, and nothing of the lost
    device's data is removed from the vault.
    """
    from desktop.sync import layout, rotation, vault
    from desktop.sync.errors import NotConfigured, SyncError, VaultMismatch

    config = run_db(state.load_config)
    if config is None:
        raise NotConfigured()
    device_id, name = run_db(partial(_find_device, device, config))
    remote = config.target.open(_remote_secret(config), policy)
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
        ring = rotation.rotate(
            remote,
            vault_id=config.vault_id,
            passphrase=passphrase,
            by=config.device_id,
            by_name=config.device_name,
            revoke={device_id: last},
            members=members,
        )
    finally:
        remote.close()
    _keep_ring(config.vault_id, ring)
    record = rotation.Rotation(
        ring.key_id,
        config.device_id,
        config.device_name,
        "",
        {device_id: last},
        tuple(sorted(set(members) - {device_id})),
    )
    run_db(partial(_remember_rotations, config.vault_id, {ring.key_id: record}))
    run_db(replication_snapshot.request)  # "a fresh snapshot under the new key" (SYNC.md)
    return RemovedDevice(device_id, name, last, ring.key_id)


# -- conflicts ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConflictView:
    id: str
    entity: str
    row_id: str
    field: str
    record: str  # "Ana Ruiz", "Conversation on 2024-05-01"…
    losing: str  # the value that lost, for display
    current: str  # the value in place now
    losing_hlc: str
    winning_hlc: str
    detected_at: datetime
    seen: bool


def _display(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, bytes | bytearray | memoryview):
        return f"(picture, {len(bytes(value)) // 1024 + 1} KB)"
    return str(value)


def _record_label(entity: str, row: Any) -> str:
    if row is None:
        return f"{entity} (not here yet)"
    for name in ("full_name", "title", "description", "name", "value", "note"):
        text = getattr(row, name, None)
        if text:
            return str(text)[:80]
    when = getattr(row, "happened_at", None)
    if when:
        return f"{entity.replace('_', ' ')} on {when:%Y-%m-%d}"
    return entity.replace("_", " ")


def _column_value(row: Any, model: Any, name: str) -> Any:
    field = model._meta.fields.get(name)
    if row is None or field is None:
        return None
    return getattr(row, name + "_id" if isinstance(field, pw.ForeignKeyField) else name)


def conflicts(*, include_seen: bool = True, limit: int = 500) -> list[ConflictView]:
    query = Conflict.select().where(Conflict.restored_at.is_null())
    if not include_seen:
        query = query.where(Conflict.seen == False)
    views = []
    for c in query.order_by(Conflict.detected_at.desc()).limit(limit):
        model = ENTITY_NAMES.get(c.entity)
        row = model.get_or_none(model.id == c.row_id) if model else None
        views.append(
            ConflictView(
                c.id,
                c.entity,
                c.row_id,
                c.field,
                _record_label(c.entity, row),
                _display(journal.decode_value(c.value)),
                _display(_column_value(row, model, c.field)),
                c.losing_hlc,
                c.winning_hlc,
                c.detected_at,
                bool(c.seen),
            )
        )
    return views


def _python_value(model: Any, name: str, value: Any) -> Any:
    field = model._meta.fields[name]
    if isinstance(value, str) and isinstance(field, pw.DateTimeField):
        return datetime.fromisoformat(value)
    if isinstance(value, str) and isinstance(field, pw.DateField):
        return date.fromisoformat(value)
    return value


@operation
def restore_conflict(conflict_id: str) -> None:
    """Bring a losing value back: a new local write of it, which then syncs like any edit."""
    conflict = Conflict.get_by_id(conflict_id)
    model = ENTITY_NAMES[conflict.entity]
    value = _python_value(model, conflict.field, journal.decode_value(conflict.value))
    journal.save(model, conflict.row_id, {conflict.field: value})
    Conflict.update(seen=True, restored_at=datetime.now().replace(microsecond=0)).where(
        Conflict.id == conflict_id
    ).execute()


def mark_conflicts_seen(ids: Iterable[str] | None = None) -> None:
    query = Conflict.update(seen=True)
    if ids is not None:
        query = query.where(Conflict.id.in_(list(ids)))
    query.execute()
