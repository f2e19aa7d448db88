"""Secrets: the keyring (in-memory and the real Secret Service), session-only mode when
no keyring works, no plaintext fallback — and no secret anywhere on disk or in logs."""

from __future__ import annotations

import base64
import contextlib
import logging
import os
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from keyring.testing.backend import BackendBasicTests

from desktop.services import people
from desktop.services.sync.cycle import sync_now
from desktop.services.sync.devices import remove_device
from desktop.services.sync.secrets import missing_secrets, unlock_session, use_secret_store
from desktop.services.sync.status import status as sync_status
from desktop.sync.credentials import SecretStore, dek_key
from desktop.sync.errors import NeedsSecret
from desktop.sync.targets import parse_target
from desktop.sync.vault import KeyRing
from tests.sync.conftest import WEBDAV_PASSWORD, WEBDAV_USER, SecretService
from tests.sync.memory_keyring import MemoryKeyring
from tests.sync.replicas import NEW_PASSPHRASE, PASSPHRASE, Replica, join_all, sync_all

ROOT = Path(__file__).resolve().parents[2]


class TestMemoryKeyring(BackendBasicTests):
    def init_keyring(self):
        return MemoryKeyring()


class TestSecretService(BackendBasicTests):
    @pytest.fixture(autouse=True)
    def _bus(self, gnome_keyring: SecretService, monkeypatch: pytest.MonkeyPatch) -> None:
        for name, value in gnome_keyring.env.items():
            monkeypatch.setenv(name, value)

    def init_keyring(self):
        from keyring.backends import SecretService as backend

        return backend.Keyring()


def test_secret_store_uses_the_real_secret_service(gnome_keyring, monkeypatch) -> None:
    from keyring.backends import SecretService as backend

    for name, value in gnome_keyring.env.items():
        monkeypatch.setenv(name, value)
    keyring.set_keyring(backend.Keyring())
    store = SecretStore()
    store.set("dek:test-vault", "k1:c2VjcmV0")
    assert not store.session_only
    assert SecretStore().get("dek:test-vault") == "k1:c2VjcmV0"
    store.delete("dek:test-vault")
    assert backend.Keyring().get_password(store.service, "dek:test-vault") is None


def test_without_a_keyring_secrets_live_in_memory_only_and_it_says_why() -> None:
    keyring.set_keyring(fail.Keyring())
    store = SecretStore()
    assert store.session_only
    assert "no system keyring" in store.problem
    store.set("remote:x", "hunter2")
    assert SecretStore().get("remote:x") == "hunter2"  # this process only


class Locked(MemoryKeyring):
    """What the Secret Service backend raises when its unlock prompt is dismissed."""

    def get_password(self, service, username):
        from keyring.errors import KeyringLocked

        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service, username, password):
        self.get_password(service, username)


def test_a_locked_keyring_or_dismissed_prompt_falls_back_to_the_session(tmp_path: Path) -> None:
    keyring.set_keyring(Locked())
    replica = Replica(tmp_path, "a")
    join_all([replica], parse_target(str(tmp_path / "vault")))
    status = sync_status()
    assert "KeyringLocked" in status.keyring_problem
    people.create_person(full_name="Ana Ruiz")
    assert sync_now().pushed > 0  # this run still has the key in memory
    from desktop.sync import credentials

    credentials.forget_session()  # as after a restart
    use_secret_store(None)
    with pytest.raises(NeedsSecret, match="passphrase"):
        sync_now()
    assert missing_secrets() == ["passphrase"]
    unlock_session(passphrase=PASSPHRASE)
    sync_now()
    replica.close()


def test_plaintext_keyring_backends_are_never_a_dependency() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "keyrings.alt" not in text and "keyrings-alt" not in text
    from importlib.metadata import PackageNotFoundError, requires

    for dist in ("keyring", "requests", "requests-aws4auth", "cryptography", "argon2-cffi"):
        with contextlib.suppress(PackageNotFoundError):
            assert not any("keyrings.alt" in r or "keyrings-alt" in r for r in requires(dist) or [])


class Plaintext(MemoryKeyring):
    pass


Plaintext.__module__ = "keyrings.alt.file"


def test_a_plaintext_backend_is_refused_even_if_installed() -> None:
    keyring.set_keyring(Plaintext())
    assert SecretStore().session_only


def test_no_secret_is_written_to_disk_settings_or_logs(
    tmp_path: Path, webdav, fast_retries, memory_keyring: MemoryKeyring, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    log_file = tmp_path / "rapport.log"
    handler = logging.FileHandler(log_file)
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        target = parse_target(webdav.new_collection(), user=WEBDAV_USER)
        a, b, c = Replica(tmp_path, "a"), Replica(tmp_path, "b"), Replica(tmp_path, "c")
        join_all([a, b, c], target, secret=WEBDAV_PASSWORD, policy=fast_retries)
        a.use()
        people.create_person(full_name="Ana Ruiz")
        sync_all([a, b, c], policy=fast_retries)
        # a lost device: the rotated keys must not leak anywhere either
        a.use()
        remove_device(
            device="c", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE, policy=fast_retries
        )
        people.create_person(full_name="After the rotation")
        sync_all([a, b], policy=fast_retries)
        _write_qsettings(b)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    encoded = memory_keyring.entries[(SecretStore().service, dek_key(sync_status().vault_id))]
    ring = KeyRing.decode(encoded)
    assert len(ring.ring) == 2, "the rotation did not happen"
    signing = [
        base64.b64decode(value)
        for (_service, name), value in memory_keyring.entries.items()
        if name.startswith("sign:")
    ]
    assert len(signing) == 3, "every device has a signing key in the keyring"
    from desktop.sync import vault as vaults

    remote = target.open(WEBDAV_PASSWORD, fast_retries)
    try:  # the roster key: only ever in the keyslot (wrapped) and in memory
        roster_key = vaults.open_vault(remote, sync_status().vault_id, NEW_PASSPHRASE).roster_key
    finally:
        remote.close()
    assert roster_key is not None
    signing.append(roster_key)
    needles = {
        "passphrase": PASSPHRASE.encode(),
        "new passphrase": NEW_PASSPHRASE.encode(),
        "password": WEBDAV_PASSWORD.encode(),
        "key ring as stored": encoded.encode(),
    }
    for index, key in enumerate([*(k.key for k in ring.ring), *signing]):
        needles.update(
            {
                f"key {index} hex": key.hex().encode(),
                f"key {index} HEX": key.hex().upper().encode(),
                f"key {index} base64": base64.b64encode(key),
                f"key {index} urlsafe": base64.urlsafe_b64encode(key),
                f"raw key {index}": key,
            }
        )
    places = [
        *tmp_path.rglob("*"),
        *Path(os.environ["XDG_CONFIG_HOME"]).rglob("*"),
        *Path(os.environ["HOME"]).rglob("*"),
    ]
    assert any(p.suffix == ".conf" for p in places), "QSettings wrote no file to grep"
    for path in places:
        if path.is_file():
            data = path.read_bytes()
            for name, needle in needles.items():
                assert needle not in data, f"{name} found in {path}"
    text = caplog.text.encode()
    for name, needle in needles.items():
        assert needle not in text, f"{name} found in the log"


def _write_qsettings(replica: Replica) -> None:
    """Let Qt write its settings file the way the app does, then grep it too."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from desktop import APP_NAME, ORG_DOMAIN, ORG_NAME

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)
    settings = QSettings()
    settings.setValue("sync/probe", "written by the test")
    settings.sync()
