"""What this device holds to reach and read the vault: the keyring front, the vault's key
ring, the remote's secret, and asking for the ones it lacks.

No Qt. Keyring and cryptography are imported lazily, when sync is first used.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from desktop.services.sync.run_db import RunDb, direct
from desktop.sync import state

if TYPE_CHECKING:
    from desktop.sync.credentials import SecretStore
    from desktop.sync.retry import RetryPolicy
    from desktop.sync.vault import DataKey, KeyRing

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


def check_passphrase(passphrase: str) -> None:
    from desktop.sync.errors import SyncError

    if len(passphrase) < 8:
        raise SyncError("Choose a passphrase of at least 8 characters (a few words is best).")


def keep_ring(vault_id: str, data_key: DataKey | KeyRing) -> KeyRing:
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


def unlock_session(
    *,
    passphrase: str | None = None,
    secret: str | None = None,
    policy: RetryPolicy | None = None,
    run_db: RunDb = direct,
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
        from desktop.services.sync.membership import enroll

        remote = config.target.open(remote_secret(config), policy)
        try:
            opened = vault.open_vault(remote, config.vault_id, passphrase)
            # the passphrase is at hand: pin the roster key, (re)register this device's
            # signing key — or give a vault from before rosters its roster. First: a device
            # the roster says was removed gets no new key, even from the passphrase.
            enroll(remote, config, opened, passphrase=passphrase, run_db=run_db)
            keep_ring(config.vault_id, opened.ring)
        finally:
            remote.close()


def missing_secrets() -> list[str]:
    """What must be asked before a cycle can run: "passphrase" and/or the remote secret.

    (A signing key gone from a working keyring is not asked for here: the cycle says why
    it needs the passphrase once, see ``RosterNeeded``; in session-only mode the data key
    is missing at every start anyway, and typing the passphrase registers a new one.)"""
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


def remote_secret(config: state.SyncConfig) -> str | None:
    """The remote's password or access secret from the keyring (None if it needs none)."""
    from desktop.sync.credentials import remote_key

    if not config.target.needs_secret:
        return None
    return secret_store().get(remote_key(config.target.target_id))


def key_ring(config: state.SyncConfig) -> KeyRing:
    """Every data key this device holds for the vault (one, or a ring after rotations)."""
    from desktop.sync.credentials import dek_key
    from desktop.sync.errors import NeedsSecret
    from desktop.sync.vault import KeyRing

    encoded = secret_store().get(dek_key(config.vault_id))
    if encoded is None:
        why = secret_store().problem or "the vault's key is not in the keyring"
        raise NeedsSecret("passphrase", why)
    return KeyRing.decode(encoded)


def change_passphrase(
    *,
    old: str,
    new: str,
    policy: RetryPolicy | None = None,
    run_db: RunDb = direct,
) -> None:
    from desktop.services.sync.membership import enroll
    from desktop.sync import crypto, vault
    from desktop.sync.errors import NotConfigured

    check_passphrase(new)
    config = run_db(state.load_config)
    if config is None:
        raise NotConfigured()
    remote = config.target.open(remote_secret(config), policy)
    try:
        opened = vault.open_vault(remote, config.vault_id, old)
        # a vault from before rosters gets its roster key here, wrapped under the new one
        roster_key = opened.roster_key or crypto.new_signing_key()
        vault.replace_keyslots(
            remote, config.vault_id, opened.ring, new, vault.KdfParams(), roster_key
        )
        keep_ring(config.vault_id, opened.ring)  # the vault's ring may be newer than ours
        unlocked = vault.Unlocked(opened.ring, roster_key)
        enroll(remote, config, unlocked, passphrase=new, run_db=run_db)
    finally:
        remote.close()
