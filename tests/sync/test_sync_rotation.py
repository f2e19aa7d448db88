"""Losing a device (SYNC.md: "losing a device rotates the data key"): A removes the lost
C; A seals with a new key; B is asked for the passphrase once, then reads old and new
segments; C's later updates are refused everywhere and C is told it was removed. A
wrong passphrase changes nothing; a crash half-way leaves a usable vault.

Each replica gets its own in-memory keyring here, as separate computers would: the
shared keyring of the other tests would hand B the new key behind the test's back.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import pytest

from desktop.services import people
from desktop.services.sync import membership
from desktop.services.sync.cycle import sync_now
from desktop.services.sync.devices import devices as device_list
from desktop.services.sync.devices import remove_device
from desktop.services.sync.secrets import unlock_session, use_secret_store
from desktop.services.sync.setup import create_vault, join_vault
from desktop.services.sync.status import status as sync_status
from desktop.storage import outbox
from desktop.storage.models import Person, database
from desktop.storage.sync_tables import SyncState
from desktop.sync import crypto, layout, rotation, state, vault
from desktop.sync.credentials import SecretStore, dek_key
from desktop.sync.engine import SyncEngine
from desktop.sync.errors import DeviceRemoved, KeyRotated, SyncError, WrongPassphrase
from desktop.sync.remotes.folder import FolderRemote
from desktop.sync.session import SyncSession
from desktop.sync.targets import parse_target
from desktop.sync.vault import DataKey, KeyRing
from tests.sync.conftest import S3_ACCESS, S3_SECRET, WEBDAV_PASSWORD, WEBDAV_USER
from tests.sync.memory_keyring import MemoryKeyring
from tests.sync.replicas import NEW_PASSPHRASE, PASSPHRASE, Replica, cheap_kdf, digest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Place:
    target: Any
    secret: str | None
    policy: Any


class Devices:
    """Replicas A, B, C, each with its own keyring (a separate computer each)."""

    def __init__(self, root: Path, place: Place) -> None:
        self.place = place
        self.replicas = {name: Replica(root, name) for name in ("A", "B", "C")}
        self.keyrings = {name: MemoryKeyring() for name in self.replicas}

    def use(self, name: str) -> Replica:
        replica = self.replicas[name].use()
        keyring.set_keyring(self.keyrings[name])
        use_secret_store(None)
        return replica

    def setup(self) -> None:
        self.use("A")
        create_vault(
            target=self.place.target,
            passphrase=PASSPHRASE,
            secret=self.place.secret,
            kdf=cheap_kdf(),
            policy=self.place.policy,
            device_name="A",
        )
        for name in ("B", "C"):
            self.join(name)

    def join(self, name: str, passphrase: str = PASSPHRASE) -> state.SyncConfig:
        self.use(name)
        return join_vault(
            target=self.place.target,
            passphrase=passphrase,
            secret=self.place.secret,
            policy=self.place.policy,
            device_name=name,
        )

    def sync(self, name: str) -> Any:
        self.use(name)
        return sync_now(policy=self.place.policy)

    def sync_all(self, *names: str, rounds: int = 2) -> None:
        for _ in range(rounds):
            for name in names:
                self.sync(name)

    def ring(self, name: str) -> KeyRing:
        self.use(name)
        return KeyRing.decode(self.keyrings[name].entries[(SecretStore().service, self._dek())])

    def _dek(self) -> str:
        return dek_key(state.load_config().vault_id)

    def device_id(self, name: str) -> str:
        self.use(name)
        return state.load_config().device_id

    def remote(self, name: str = "A") -> Any:
        return self.place.target.open(self.place.secret, self.place.policy)

    def close(self) -> None:
        for replica in self.replicas.values():
            replica.close()


@pytest.fixture(params=["folder", "webdav", "s3"])
def place(request: pytest.FixtureRequest, tmp_path: Path, fast_retries) -> Place:
    if request.param == "folder":
        return Place(parse_target(str(tmp_path / "vault")), None, fast_retries)
    if request.param == "webdav":
        server = request.getfixturevalue("webdav")
        return Place(
            parse_target(server.new_collection(), user=WEBDAV_USER), WEBDAV_PASSWORD, fast_retries
        )
    server = request.getfixturevalue("seaweed")
    target = parse_target(
        f"s3://{server.new_bucket()}/rapport", endpoint=server.endpoint, access_key=S3_ACCESS
    )
    return Place(target, S3_SECRET, fast_retries)


@pytest.fixture
def folder_place(tmp_path: Path, fast_retries) -> Place:
    return Place(parse_target(str(tmp_path / "vault")), None, fast_retries)


def _devices(tmp_path: Path, place: Place) -> Iterator[Devices]:
    devices = Devices(tmp_path, place)
    devices.setup()
    devices.use("A")
    people.create_person(full_name="Ana from A")
    devices.use("C")
    people.create_person(full_name="Carl from C")
    devices.sync_all("A", "B", "C")
    yield devices
    keyring.set_keyring(MemoryKeyring())
    devices.close()


@pytest.fixture
def three(tmp_path: Path, place: Place) -> Iterator[Devices]:
    yield from _devices(tmp_path, place)


@pytest.fixture
def three_in_a_folder(tmp_path: Path, folder_place: Place) -> Iterator[Devices]:
    yield from _devices(tmp_path, folder_place)


def _key_id_of(remote: Any, path: str) -> str:
    data = remote.read(path)
    assert data is not None, path
    return crypto.HEADER.unpack(data[: crypto.HEADER.size])[7].hex()


def _names() -> set[str]:
    return {p.full_name for p in Person.select()}


def _push_as_a_stale_client(devices: Devices, name: str) -> None:
    """What a lost device running an old or altered Rapport could do: skip every check
    and push straight through the engine with the old key it still has."""
    devices.use(name)
    config = state.load_config()
    ring = devices.ring(name)
    signing_key = membership.signing_key(config.device_id)
    remote = devices.remote()
    try:
        session = SyncSession(remote=remote, config=config, data_key=ring, signing_key=signing_key)
        SyncEngine(session).run_cycle()
    finally:
        remote.close()


def test_a_lost_device_is_removed_and_everyone_else_converges(three: Devices) -> None:
    devices = three
    old_ring = devices.ring("A")
    c_id = devices.device_id("C")
    devices.use("A")
    removed = remove_device(
        device="C",
        passphrase=PASSPHRASE,
        new_passphrase=NEW_PASSPHRASE,
        policy=devices.place.policy,
    )
    assert (removed.device_id, removed.name, removed.last_accepted) == (c_id, "C", 1)
    ring = devices.ring("A")
    assert ring.key_id == removed.key_id != old_ring.key_id
    assert ring.key_ids == [removed.key_id, old_ring.key_id]  # old segments stay readable
    remote = devices.remote()
    try:
        slots = vault.slots(remote)
        assert [s["key_id"] for s in slots] == [removed.key_id] and slots[0]["format"] == 3
        # A's new segments are sealed with the new key
        devices.use("A")
        people.create_person(full_name="Ana after the removal")
        assert devices.sync("A").pushed > 0
        a_id = devices.device_id("A")
        last = device_list()[0].applied
        assert _key_id_of(remote, layout.segment(a_id, last)) == removed.key_id
        assert _key_id_of(remote, layout.segment(a_id, 1)) == old_ring.key_id
    finally:
        remote.close()
    assert {d.name: d.removed for d in device_list()} == {"A": False, "B": False, "C": True}

    # B still holds only the old key: it is told, in words, and sends nothing meanwhile.
    devices.use("B")
    people.create_person(full_name="Bea from B, written before unlocking")
    pending = sync_status().pending
    with pytest.raises(KeyRotated, match="key was changed on A") as raised:
        devices.sync("B")
    assert raised.value.what == "passphrase"
    assert "key was changed on A" in sync_status().last_error
    assert sync_status().pending == pending
    assert "Ana after the removal" not in _names()

    # C, the lost one: told it was removed; its stale client still pushes under the old key.
    devices.use("C")
    people.create_person(full_name="Carl after the removal")
    with pytest.raises(DeviceRemoved, match="removed from the sync vault on A"):
        devices.sync("C")
    _push_as_a_stale_client(devices, "C")

    # B types the passphrase once: then it reads old and new segments and refuses C's.
    devices.use("B")
    unlock_session(passphrase=NEW_PASSPHRASE, policy=devices.place.policy)
    result = devices.sync("B")
    assert any("C was removed" in w and "update 2" in w for w in result.warnings)
    assert {"Ana from A", "Carl from C", "Ana after the removal"} <= _names()
    assert "Carl after the removal" not in _names()
    assert devices.ring("B").key_ids == ring.key_ids
    result = devices.sync("A")
    assert any("C was removed" in w for w in result.warnings)
    assert "Carl after the removal" not in _names()
    assert "Bea from B, written before unlocking" in _names()
    devices.sync_all("A", "B")
    a_digest = (devices.use("A"), digest())[1]
    assert a_digest == (devices.use("B"), digest())[1]
    # Nothing local is deleted anywhere: C keeps what it wrote.
    devices.use("C")
    assert "Carl after the removal" in _names()


def test_the_removed_device_is_told_even_with_the_passphrase_and_can_join_anew(
    three_in_a_folder: Devices,
) -> None:
    devices = three_in_a_folder
    c_old = devices.device_id("C")
    devices.use("A")
    remove_device(device=c_old, passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    devices.use("C")
    people.create_person(full_name="Carl after the removal")
    with pytest.raises(WrongPassphrase):  # the removal changed the passphrase
        unlock_session(passphrase=PASSPHRASE)
    # even with the new passphrase the new key does not make it a member again
    with pytest.raises(DeviceRemoved, match="join the vault again as a new device"):
        unlock_session(passphrase=NEW_PASSPHRASE)
    with pytest.raises(DeviceRemoved, match="join the vault again as a new device"):
        devices.sync("C")
    config = devices.join("C", NEW_PASSPHRASE)
    assert config.device_id != c_old
    devices.sync_all("C", "A")
    devices.use("A")
    assert "Carl after the removal" in _names()  # re-sent from C under its new id
    assert sorted((d.name, d.removed) for d in device_list() if d.name == "C") == [
        ("C", False),
        ("C", True),
    ]


def test_a_wrong_passphrase_changes_nothing_remotely_or_locally(
    three_in_a_folder: Devices, tmp_path: Path
) -> None:
    devices = three_in_a_folder
    root = Path(devices.place.target.location)

    def files() -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    devices.use("A")
    before = (files(), digest(), dict(devices.keyrings["A"].entries))
    with pytest.raises(WrongPassphrase):
        remove_device(device="C", passphrase="not the passphrase", new_passphrase=NEW_PASSPHRASE)
    assert (files(), digest(), dict(devices.keyrings["A"].entries)) == before
    with pytest.raises(SyncError, match="this device"):
        remove_device(device="A", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    with pytest.raises(SyncError, match="No device called"):
        remove_device(device="nobody", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    assert files() == before[0]


def test_a_crash_between_the_new_keyslot_and_deleting_the_old_ones(
    three_in_a_folder: Devices, monkeypatch: pytest.MonkeyPatch
) -> None:
    devices = three_in_a_folder
    old_ring = devices.ring("A")

    def crash(self, path: str) -> None:
        raise SyncError("simulated crash before deleting the old keyslot")

    monkeypatch.setattr(FolderRemote, "delete", crash)
    devices.use("A")
    with pytest.raises(SyncError, match="simulated crash"):
        remove_device(device="C", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    monkeypatch.undo()
    remote = devices.remote()
    try:
        assert len(vault.slots(remote)) == 2  # old and new side by side
        # the old passphrase still opens the old ring, the new one the new ring
        vault_id = state.load_config().vault_id
        assert vault.unlock(remote, vault_id, PASSPHRASE).key_ids == old_ring.key_ids
        assert vault.unlock(remote, vault_id, NEW_PASSPHRASE).key_ids[1:] == [old_ring.key_id]
    finally:
        remote.close()
    assert devices.ring("A").key_ids == old_ring.key_ids
    # Devices holding the old key are unaffected: they keep syncing with each other.
    devices.use("A")
    people.create_person(full_name="Ana during the half-done removal")
    devices.sync_all("A", "B")
    devices.use("B")
    assert "Ana during the half-done removal" in _names()
    # Retrying finishes the job.
    devices.use("A")
    removed = remove_device(device="C", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    remote = devices.remote()
    try:
        assert [s["key_id"] for s in vault.slots(remote)] == [removed.key_id]
    finally:
        remote.close()
    with pytest.raises(KeyRotated):
        devices.sync("B")
    devices.use("B")
    unlock_session(passphrase=NEW_PASSPHRASE)
    devices.sync_all("A", "B")
    devices.use("C")
    with pytest.raises(DeviceRemoved):
        devices.sync("C")


def test_the_key_ring_reads_the_old_single_key_format() -> None:
    key = DataKey("00112233aabbccdd", bytes(range(32)))
    newer = DataKey("8899aabbccddeeff", bytes(range(32, 64)))
    single = KeyRing.decode(key.encode())  # what earlier versions stored
    assert single.key_ids == [key.key_id] and single.key == key.key
    ring = single.rotated(newer)
    assert KeyRing.decode(ring.encode()) == ring
    assert ring.key_id == newer.key_id and ring.keys == {**single.keys, newer.key_id: newer.key}
    assert KeyRing.unpack(ring.pack(), ring.key_ids) == ring
    assert "00010203" not in repr(ring) and bytes(range(32)).hex() not in repr(ring)


def test_a_new_vaults_keyslot_wraps_the_roster_key_and_older_readers_open_its_key(
    folder_place: Place, tmp_path
) -> None:
    devices = Devices(tmp_path, folder_place)
    devices.use("A")
    create_vault(target=folder_place.target, passphrase=PASSPHRASE, kdf=cheap_kdf())
    remote = devices.remote()
    try:
        [slot] = vault.slots(remote)
        # format 3 lists key_ids like format 2, so a Rapport that reads format 2 opens it
        assert slot["format"] == 3 and slot["key_ids"] == [slot["key_id"]]
        assert len(bytes.fromhex(slot["roster_public"])) == 32
        assert rotation.last_segment(remote, devices.device_id("A")) == 0
    finally:
        remote.close()
    devices.close()


@pytest.fixture
def controllers(qtbot) -> Iterator[Any]:
    from desktop.ui.sync.controller import SyncController

    made: list[SyncController] = []

    def make() -> SyncController:
        made.append(SyncController(push_delay_ms=50))
        return made[-1]

    yield make
    for controller in made:
        controller.shutdown(final_sync=False)


def test_settings_remove_lost_device_button(
    three_in_a_folder: Devices, qtbot, controllers, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QPushButton

    from desktop.ui.sync import settings_dialog as sync_settings
    from desktop.ui.sync.passphrase import UnlockDialog

    devices = three_in_a_folder
    c_id = devices.device_id("C")
    devices.use("A")
    controller = controllers()
    dialog = sync_settings.SyncSettingsDialog(controller)
    qtbot.addWidget(dialog)
    button = dialog.findChild(QPushButton, "syncRemoveDevice")
    assert button is not None and button.isVisibleTo(dialog) and button.isEnabled()
    items = [dialog.devices.topLevelItem(i) for i in range(dialog.devices.topLevelItemCount())]
    lost = next(i for i in items if i.data(0, Qt.ItemDataRole.UserRole) == c_id)
    dialog.devices.setCurrentItem(lost)
    shown: dict[str, Any] = {}

    def answer(self: Any) -> int:  # the confirmation: read it, type the passphrase, OK
        shown["text"] = " ".join(label.text() for label in self.findChildren(sync_settings.QLabel))
        shown["device"] = self.device_id()
        self.field.setText(PASSPHRASE)
        self.new.setText(NEW_PASSPHRASE)
        self.again.setText(NEW_PASSPHRASE)
        self._try_accept()
        return self.result()

    monkeypatch.setattr(sync_settings.RemoveDeviceDialog, "exec", answer)
    with qtbot.waitSignal(dialog.action_finished, timeout=30_000) as finished:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shown["device"] == c_id
    assert "lost or stolen" in shown["text"] and "Nothing" in shown["text"]
    assert "C was removed" in finished.args[0], finished.args[0]
    assert any("(removed)" in i.text(0) for i in _tree_items(dialog))
    assert devices.ring("A").key_id != devices.ring("B").key_id

    # B's app: the existing passphrase-needed flow, with the reason in words.
    devices.use("B")
    other = controllers()
    with qtbot.waitSignal(other.secrets_needed, timeout=30_000) as needed:
        other.sync_now()
    assert needed.args[0] == ["passphrase"]
    assert "key was changed on A" in (other.secrets_reason or "")
    unlock = UnlockDialog(needed.args[0], None, reason=other.secrets_reason)
    qtbot.addWidget(unlock)
    assert any(
        "changed on A" in label.text() for label in unlock.findChildren(sync_settings.QLabel)
    )
    unlock.passphrase.setText(NEW_PASSPHRASE)
    monkeypatch.setattr(UnlockDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(sync_settings, "UnlockDialog", lambda *a, **k: unlock)
    with qtbot.waitSignal(other.finished, timeout=30_000):
        sync_settings.ask_for_secrets(other, needed.args[0], None)
    assert devices.ring("B").key_ids == devices.ring("A").key_ids


def _tree_items(dialog: Any) -> list[Any]:
    return [dialog.devices.topLevelItem(i) for i in range(dialog.devices.topLevelItemCount())]


def test_cli_remove_device_then_unlock(tmp_path: Path, gnome_keyring) -> None:
    """Real subprocesses: A and C in session-only mode (passphrase on stdin every run), B
    with the real Secret Service, so B keeps the old key until it is told."""
    import json

    from tests.sync.test_sync_cli import SESSION_ONLY, rapport

    a, b, c, place = tmp_path / "a", tmp_path / "b", tmp_path / "c", str(tmp_path / "vault")
    line = PASSPHRASE + "\n"
    created = rapport("sync", "create", place, data=a, stdin=line, env=SESSION_ONLY)
    assert created.returncode == 0, created.stderr
    joined = rapport("sync", "join", place, data=b, stdin=line, env=gnome_keyring.env)
    assert joined.returncode == 0, joined.stderr
    lost = rapport(
        "sync", "join", place, "--device-name", "lost laptop", data=c, stdin=line, env=SESSION_ONLY
    )
    assert lost.returncode == 0, lost.stderr
    assert rapport("sync", data=a, stdin=line, env=SESSION_ONLY).returncode == 0

    new = NEW_PASSPHRASE + "\n"
    wrong = rapport(
        "sync", "remove-device", "lost laptop", data=a, stdin="nope\n" + new * 2, env=SESSION_ONLY
    )
    assert wrong.returncode == 1 and "passphrase does not open" in wrong.stderr
    differ = rapport(
        "sync", "remove-device", "lost laptop", data=a, stdin=line + new + line, env=SESSION_ONLY
    )
    assert differ.returncode != 0 and "differ" in differ.stderr
    # stdin order: the current passphrase, the new one, the new one again
    removed = rapport(
        "sync",
        "remove-device",
        "lost laptop",
        "--json",
        data=a,
        stdin=line + new * 2,
        env=SESSION_ONLY,
    )
    assert removed.returncode == 0, removed.stderr
    answer = json.loads(removed.stdout)
    assert answer["name"] == "lost laptop" and answer["last_accepted"] >= 0
    status = json.loads(
        rapport("sync", "status", "--json", data=a, stdin=new, env=SESSION_ONLY).stdout
    )
    assert [d["removed"] for d in status["devices"] if d["name"] == "lost laptop"] == [True]

    told = rapport("sync", data=b, env=gnome_keyring.env)
    assert told.returncode == 1
    assert "key was changed on" in told.stderr and "rapport sync unlock" in told.stderr
    old = rapport("sync", "unlock", data=b, stdin=line, env=gnome_keyring.env)
    assert old.returncode == 1 and "passphrase does not open" in old.stderr
    unlocked = rapport("sync", "unlock", data=b, stdin=new, env=gnome_keyring.env)
    assert unlocked.returncode == 0, unlocked.stderr
    assert "Unlocked" in unlocked.stdout and "Synced:" in unlocked.stdout
    again = rapport("sync", data=b, env=gnome_keyring.env)
    assert again.returncode == 0, again.stderr

    gone = rapport("sync", data=c, stdin=new, env=SESSION_ONLY)
    assert gone.returncode == 1 and "removed from the sync vault" in gone.stderr


def test_old_key_updates_count_only_from_devices_trusted_when_it_was_retired(
    three_in_a_folder: Devices,
) -> None:
    """The lost laptop keeps the old key (and maybe the storage password): a device
    folder it starts after the removal is refused; a device that was in the vault may
    still send a last batch under the old key before it learns the new one."""
    devices = three_in_a_folder
    old_key = devices.ring("A").key_id
    devices.use("A")
    remove_device(device="C", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    a_new_key = devices.ring("A").key_id

    # C's holder starts a brand-new device folder and seals with the old key.
    devices.use("C")
    people.create_person(full_name="Forged by the thief")
    forged = dataclasses.replace(state.load_config(), device_id=secrets.token_hex(8))
    with database.atomic():  # an altered client numbers its batches from 1 again
        SyncState.write(outbox.ASSIGNED, 0)
        SyncState.write(outbox.PUSHED, 0)
    remote = devices.remote()
    try:
        signing_key = membership.signing_key(state.load_config().device_id)
        SyncEngine(
            SyncSession(
                remote=remote, config=forged, data_key=devices.ring("C"), signing_key=signing_key
            )
        ).run_cycle()
        assert _key_id_of(remote, layout.segment(forged.device_id, 1)) == old_key
    finally:
        remote.close()

    # B, still in the vault, pushes one batch under the old key before it notices.
    devices.use("B")
    people.create_person(full_name="Bea, sent under the old key")
    _push_as_a_stale_client(devices, "B")

    result = devices.sync("A")
    assert devices.ring("A").key_id == a_new_key
    assert any(
        f"folder of device {forged.device_id} were not applied" in w
        and "not in the vault's device roster" in w
        for w in result.warnings
    ), result.warnings
    assert "Forged by the thief" not in _names()
    assert "Bea, sent under the old key" in _names()
    assert rotation.retired_keys([a_new_key, old_key], {a_new_key: ["x"]}) == {
        old_key: frozenset({"x"})
    }


def test_after_a_removal_the_next_cycle_writes_a_snapshot_under_the_new_key(
    three_in_a_folder: Devices,
) -> None:
    """SYNC.md: losing a device rotates the data key, "a fresh snapshot under the new key"
    — even though far fewer segments than the usual threshold have accumulated."""
    devices = three_in_a_folder
    devices.use("A")
    a_id = state.load_config().device_id
    remote = devices.remote()
    try:
        assert not remote.list_dir(layout.snapshot_dir(a_id))  # a small vault: none yet
        removed = remove_device(device="C", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
        devices.sync("A")
        names = remote.list_dir(layout.snapshot_dir(a_id))
        [manifest] = [n for n in names if n.endswith(".snap")]
        path = f"{layout.snapshot_dir(a_id)}/{manifest}"
        assert _key_id_of(remote, path) == removed.key_id
        devices.sync("A")  # once: the request is used up
        assert (
            len([n for n in remote.list_dir(layout.snapshot_dir(a_id)) if n.endswith(".snap")]) == 1
        )
    finally:
        remote.close()
