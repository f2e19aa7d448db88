"""Setting sync up on this device: test a target, create or join a vault, turn automatic
sync on or off, forget the vault here.

No Qt. Functions that reach the network must run off the GUI thread (see ``run_db``).
"""

from __future__ import annotations

import platform
import secrets as _random
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.services.sync.run_db import RunDb, direct
from desktop.services.sync.secrets import check_passphrase, keep_ring, secret_store
from desktop.storage import outbox
from desktop.storage.models import database
from desktop.sync import state

if TYPE_CHECKING:
    from desktop.sync.retry import RetryPolicy
    from desktop.sync.targets import Target
    from desktop.sync.vault import DataKey, KeyRing, Unlocked


def default_device_name() -> str:
    return platform.node() or "This computer"


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
    run_db: RunDb = direct,
) -> state.SyncConfig:
    """Make a new vault at ``target`` and make this device its first member."""
    from desktop.services.sync.membership import enroll
    from desktop.sync import crypto, vault

    check_passphrase(passphrase)
    if target.kind == "folder":  # creating is explicit: make the folder if need be
        _make_vault_folder(Path(target.location))
    remote = target.open(secret, policy)
    try:
        if target.kind == "webdav":  # the same for a WebDAV folder: its last part, if missing
            from desktop.sync.remotes.webdav import WebDavRemote

            if isinstance(remote, WebDavRemote):
                remote.create_base()
        roster_key = crypto.new_signing_key()  # only in the keyslot; pinned here by enroll
        vault_id, data_key = vault.create_vault(remote, passphrase, kdf, roster_key)
        config = _adopt(target, vault_id, data_key, secret, device_name, run_db)
        unlocked = vault.Unlocked(vault.KeyRing.of(data_key), roster_key)
        enroll(remote, config, unlocked, passphrase=passphrase, run_db=run_db)
    finally:
        remote.close()
    return config


def join_vault(
    *,
    target: Target,
    passphrase: str,
    secret: str | None = None,
    device_name: str | None = None,
    policy: RetryPolicy | None = None,
    run_db: RunDb = direct,
) -> state.SyncConfig:
    """Join the vault at ``target`` (never creates one)."""
    from desktop.services.sync.membership import enroll
    from desktop.sync import vault

    remote = target.open(secret, policy)
    try:
        remote.check()
        info = vault.read_vault(remote)
        opened = vault.open_vault(remote, info.vault_id, passphrase)
        _removed_devices(remote, info.vault_id, opened)  # a planted record stops nothing here
        config = _adopt(target, info.vault_id, opened.ring, secret, device_name, run_db)
        enroll(remote, config, opened, passphrase=passphrase, run_db=run_db)
    finally:
        remote.close()
    return config


def _removed_devices(remote: Any, vault_id: str, opened: Unlocked) -> dict[str, int]:
    """Devices removed from the vault (as lost), read with a freshly unlocked key ring;
    only records signed by the vault's roster key count once it has one."""
    from desktop.sync import crypto, rotation

    public = crypto.public_key(opened.roster_key) if opened.roster_key else None
    return rotation.check(
        remote, vault_id=vault_id, device_id="", ring=opened.ring, known={}, roster_public=public
    ).revoked


def _adopt(
    target: Target,
    vault_id: str,
    data_key: DataKey | KeyRing,
    secret: str | None,
    device_name: str | None,
    run_db: RunDb,
) -> state.SyncConfig:
    from desktop.sync.credentials import remote_key

    keep_ring(vault_id, data_key)
    store = secret_store()
    if target.needs_secret and secret:
        store.set(remote_key(target.target_id), secret)
    return run_db(partial(_remember, target, vault_id, device_name))


def _remember(target: Target, vault_id: str, device_name: str | None) -> state.SyncConfig:
    """Every join is a new device folder with a new signing key. Re-joining the same vault
    (after Forget, maybe from a restored backup whose numbering the vault has passed)
    keeps what was sent and numbers the new folder from 1; another vault gets everything."""
    with database.atomic():
        last_vault, last_device = state.get(state.LAST_VAULT), state.get(state.LAST_DEVICE)
        if last_vault == vault_id and last_device:
            outbox.start_new_folder(last_device)
        else:
            outbox.reset_for_new_vault()
        device_id = _random.token_hex(8)
        config = state.SyncConfig(
            target, vault_id, device_id, (device_name or default_device_name()).strip()
        )
        state.save_config(config)
        state.put(state.AUTOMATIC, "1")
    return config


def set_automatic(enabled: bool) -> None:
    state.put(state.AUTOMATIC, "1" if enabled else "0")


def forget_this_device() -> None:
    """Leave the vault here: secrets and settings go; all data stays; nothing remote changes."""
    from desktop.sync.credentials import dek_key, remote_key, sign_key

    config = state.load_config()
    if config is None:
        return
    store = secret_store()
    store.delete(dek_key(config.vault_id))
    store.delete(sign_key(config.device_id))  # a re-join is a new device with a new key
    if config.target.needs_secret:
        store.delete(remote_key(config.target.target_id))
    with database.atomic():
        state.clear_config()


def _make_vault_folder(folder: Path) -> None:
    """Create the vault's folder, or say in words why it cannot be (a file is there, a
    system folder such as /proc refuses, no permission) — never a bare OSError."""
    from desktop.sync.errors import SyncError

    if folder.exists() and not folder.is_dir():
        raise SyncError(
            f"{folder} is a file, not a folder. Choose a folder for the sync vault "
            "(a new or empty one, or the folder your sync tool keeps)."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SyncError(
            f"Rapport cannot make the folder {folder} ({exc.strerror or exc}). Choose a "
            "folder you can write to."
        ) from exc
