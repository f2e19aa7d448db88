"""Issue #21: a lost laptop really loses its power. Each device signs what it writes with
its own key, a roster only a passphrase holder can change says whose key speaks for which
device folder, and rotation records are signed by the roster key. A (remover), B (another
trusted device) and C (the lost laptop, whose thief keeps its keys and can still write to
the storage) act on a real folder vault — and on the WebDAV and S3 test servers where the
attack goes through the storage itself. Every forged file is refused with a message and
leaves the receiving store (and a file beside a folder vault) byte-identical.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.services import people
from desktop.services.sync import membership
from desktop.services.sync.devices import remove_device
from desktop.services.sync.secrets import unlock_session
from desktop.storage import outbox
from desktop.storage.models import Change
from desktop.storage.replication import Group
from desktop.sync import crypto, layout, rotation, snapshot, state, vault
from desktop.sync import roster as rosters
from desktop.sync.crypto import KIND_ROTATION, KIND_SEGMENT, Address
from desktop.sync.errors import RosterNeeded, WrongPassphrase
from desktop.sync.payload import encode_json, encode_segment
from desktop.sync.session import SyncSession
from tests.sync import test_sync_rotation as rotation_tests
from tests.sync.replicas import NEW_PASSPHRASE, PASSPHRASE, cheap_kdf, digest
from tests.sync.test_sync_rotation import Devices, _names, _push_as_a_stale_client

# the rotation tests' fixtures: three devices on a folder, WebDAV and S3 vault
place, folder_place = rotation_tests.place, rotation_tests.folder_place
three, three_in_a_folder = rotation_tests.three, rotation_tests.three_in_a_folder

OUTSIDE = b"a file beside the vault that nothing may touch\n"


def _write_of(devices: Devices, name: str, full_name: str) -> tuple:
    """A real person creation made on ``name`` (one write: one stamp, every field)."""
    devices.use(name)
    person = people.create_person(full_name=full_name)
    rows = list(Change.select().where(Change.row_id == person).order_by(Change.seq))
    hlc = rows[0].hlc
    return (hlc, "person", person, {c.field: c.value for c in rows if c.hlc == hlc})


def _vault_id(devices: Devices) -> str:
    devices.use("A")
    return state.load_config().vault_id


def _c_keys(devices: Devices) -> tuple[Any, bytes]:
    """What the thief holds: C's key ring (the old data key) and C's signing key."""
    devices.use("C")
    ring = devices.ring("C")
    return ring, membership.signing_key(state.load_config().device_id)


def _outside(devices: Devices) -> Path | None:
    if devices.place.target.kind != "folder":
        return None
    beside = Path(devices.place.target.location).parent / "outside.txt"
    if not beside.exists():
        beside.write_bytes(OUTSIDE)
    return beside


def test_a_retired_key_writing_into_another_devices_folder_is_refused(three: Devices) -> None:
    """The thief seals an update with the old key and C's signing key and puts it in A's
    folder under A's next number: B refuses it naming A; A is not left stuck."""
    devices = three
    beside = _outside(devices)
    vault_id = _vault_id(devices)
    a_id = devices.device_id("A")
    devices.use("A")
    remove_device(device="C", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    devices.use("B")
    unlock_session(passphrase=NEW_PASSPHRASE, policy=devices.place.policy)
    devices.sync_all("A", "B")
    ring, c_signing = _c_keys(devices)
    forged = _write_of(devices, "C", "Forged in A's name")
    devices.use("A")
    next_seq = outbox.pushed_seq() + 1
    old = ring.ring[-1]  # the key C had
    sealed = crypto.seal(
        encode_segment([Group(None, (forged,))]),
        data_key=old.key,
        key_id=old.key_id,
        address=Address(KIND_SEGMENT, vault_id, a_id, next_seq),
        signer=c_signing,
    )
    remote = devices.remote()
    try:
        remote.write(layout.segment(a_id, next_seq), sealed)
    finally:
        remote.close()

    devices.use("B")
    before = digest()
    result = devices.sync("B")
    assert any(
        f"Update {next_seq} from A could not be verified" in w and "not signed by A" in w
        for w in result.warnings
    ), result.warnings
    assert digest() == before and "Forged in A's name" not in _names()
    # A's own next update replaces the forgery (only A may write A's folder) and flows on.
    devices.use("A")
    people.create_person(full_name="Ana, the real update")
    devices.sync_all("A", "B")
    devices.use("B")
    assert "Ana, the real update" in _names() and "Forged in A's name" not in _names()
    if beside is not None:
        assert beside.read_bytes() == OUTSIDE


def test_a_forged_rotation_record_by_the_removed_device_revokes_nobody(three: Devices) -> None:
    """Sealed with the data key it still has and signed with its own device key, a record
    revoking A and B is ignored with a warning; nobody stops syncing."""
    devices = three
    vault_id = _vault_id(devices)
    devices.use("A")
    remove_device(device="C", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    devices.use("B")
    unlock_session(passphrase=NEW_PASSPHRASE, policy=devices.place.policy)
    devices.sync_all("A", "B")
    ring, c_signing = _c_keys(devices)
    old = ring.ring[-1]
    record = {
        "v": 1,
        "key_id": old.key_id,
        "previous": old.key_id,
        "by": devices.device_id("C"),
        "by_name": "C",
        "at": "2026-01-01T00:00:00Z",
        "revoked": {devices.device_id("A"): 0, devices.device_id("B"): 0},
        "members": [],
    }
    remote = devices.remote()
    try:
        for signer in (c_signing, None):  # signed by a device key, or not at all
            remote.write(
                rotation.record_path(old.key_id),
                crypto.seal(
                    encode_json(record),
                    data_key=old.key,
                    key_id=old.key_id,
                    address=Address(KIND_ROTATION, vault_id, old.key_id),
                    signer=signer,
                ),
            )
            devices.use("B")
            before = digest()
            result = devices.sync("B")  # no DeviceRemoved
            assert any("key-change record" in w and "was ignored" in w for w in result.warnings), (
                result.warnings
            )
            assert digest() == before
            people.create_person(full_name=f"Bea still syncing {signer is None}")
            devices.sync_all("B", "A")
            devices.use("A")
            assert f"Bea still syncing {signer is None}" in _names()
    finally:
        remote.close()


def test_the_removed_devices_updates_before_the_removal_are_accepted(
    three_in_a_folder: Devices,
) -> None:
    """C sent update 2 before it was lost; B had not received it yet. The removal records
    2 as C's last accepted update: B accepts it (sealed with the key retired since) and
    refuses C's update 3."""
    devices = three_in_a_folder
    devices.use("C")
    people.create_person(full_name="Carl, sent before the loss")
    devices.sync("C")
    devices.use("A")
    removed = remove_device(device="C", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    assert removed.last_accepted == 2
    devices.use("C")
    people.create_person(full_name="Carl, sent after the removal")
    _push_as_a_stale_client(devices, "C")
    devices.use("B")
    unlock_session(passphrase=NEW_PASSPHRASE)
    result = devices.sync("B")
    assert "Carl, sent before the loss" in _names()
    assert "Carl, sent after the removal" not in _names()
    assert any("C was removed" in w and "update 3" in w for w in result.warnings)
    # the old passphrase no longer opens the vault; the new one does
    remote = devices.remote()
    try:
        with pytest.raises(WrongPassphrase):
            vault.unlock(remote, _vault_id(devices), PASSPHRASE)
        assert vault.open_vault(remote, _vault_id(devices), NEW_PASSPHRASE).roster_key
    finally:
        remote.close()


def test_a_forged_snapshot_is_ignored_and_a_new_device_starts_right(
    three_in_a_folder: Devices, tmp_path: Path
) -> None:
    """After the removal, C writes snapshots holding what it wrote since — one in its own
    folder (a removed device's snapshots are ignored) and one posing as A's newest, with
    inflated cursors (not signed by A: refused). A new device D starts from A's real one."""
    from tests.sync.replicas import Replica

    devices = three_in_a_folder
    a_id = devices.device_id("A")
    devices.use("A")
    remove_device(device="C", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    devices.sync("A")  # the fresh snapshot under the new key
    devices.use("C")
    people.create_person(full_name="Carl, only in forged snapshots")
    _push_as_a_stale_client(devices, "C")  # a snapshot waits until nothing is unsent
    ring, c_signing = _c_keys(devices)
    config = state.load_config()
    origin = state.own_origin()
    remote = devices.remote()
    try:
        for folder in (config.device_id, a_id):
            posing = dataclasses.replace(config, device_id=folder)
            session = SyncSession(
                remote=remote, config=posing, data_key=ring, signing_key=c_signing
            )
            assert snapshot._write(session, origin, 99, 1000)
        inflated = remote.read(layout.snapshot(a_id, 99))
        assert inflated is not None
    finally:
        remote.close()

    d = Replica(tmp_path, "D").use()
    devices.replicas["D"] = d
    from tests.sync.memory_keyring import MemoryKeyring

    devices.keyrings["D"] = MemoryKeyring()
    try:
        devices.join("D", NEW_PASSPHRASE)
        result = devices.sync("D")
        assert any(
            "Snapshot 99 from A could not be used" in w and "not signed by A" in w
            for w in result.warnings
        ), result.warnings
        assert "Carl, only in forged snapshots" not in _names()
        assert {"Ana from A", "Carl from C"} <= _names()
    finally:
        d.close()
        del devices.replicas["D"]


def test_a_hidden_newest_roster_warns_and_never_goes_back(three_in_a_folder: Devices) -> None:
    """B accepted the roster that marks C removed; the storage then hides it and plants a
    roster signed by C's key: B warns about both and keeps refusing C."""
    devices = three_in_a_folder
    vault_id = _vault_id(devices)
    devices.use("A")
    remove_device(device="C", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    devices.use("B")
    unlock_session(passphrase=NEW_PASSPHRASE)
    devices.sync("B")
    kept = membership.local_roster(vault_id)
    assert kept is not None and kept.members[devices.device_id("C")].revoked is not None
    ring, c_signing = _c_keys(devices)
    c_id = devices.device_id("C")
    remote = devices.remote()
    try:
        remote.delete(layout.roster(kept.number))  # hidden
        planted = dataclasses.replace(
            kept.with_key(c_id, crypto.public_key(c_signing), 1, card_signed=True),
            number=kept.number + 5,
        )
        planted = dataclasses.replace(
            planted,
            members={
                **planted.members,
                devices.device_id("C"): dataclasses.replace(
                    planted.members[devices.device_id("C")], revoked=None
                ),
            },
        )
        remote.write(
            layout.roster(planted.number),
            rosters.seal_roster(
                planted, vault_id=vault_id, data_key=ring.ring[-1], roster_key=c_signing
            ),
        )
    finally:
        remote.close()
    devices.use("C")
    people.create_person(full_name="Carl, after hiding the roster")
    _push_as_a_stale_client(devices, "C")
    devices.use("B")
    before = digest()
    result = devices.sync("B")
    assert any(f"roster {planted.number} could not be verified" in w for w in result.warnings)
    assert any(f"roster (number {kept.number}" in w and "missing" in w for w in result.warnings)
    assert any("C was removed" in w for w in result.warnings)
    assert digest() == before
    assert membership.local_roster(vault_id).number == kept.number


def test_a_vault_from_before_rosters_is_upgraded_by_the_first_passphrase(
    folder_place: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An earlier Rapport made the vault: nothing signed, no roster key. Each device is
    asked for the passphrase once; the first creates the roster key and roster 1; B's
    unsigned updates wait (with a warning) until B registers, then arrive."""
    from desktop.services.sync import setup
    from desktop.sync.engine import SyncEngine

    real_create = vault.create_vault
    monkeypatch.setattr(
        vault,
        "create_vault",
        lambda remote, passphrase, kdf=None, roster_key=None: real_create(remote, passphrase, kdf),
    )
    monkeypatch.setattr(membership, "enroll", lambda *a, **k: None)
    devices = Devices(tmp_path, folder_place)
    try:
        devices.use("A")
        setup.create_vault(
            target=folder_place.target,
            passphrase=PASSPHRASE,
            kdf=cheap_kdf(),
            device_name="A",
        )
        devices.join("B")
        monkeypatch.undo()

        def legacy_cycle(name: str) -> None:  # what the earlier Rapport did: nothing signed
            devices.use(name)
            remote = devices.remote()
            try:
                session = SyncSession(
                    remote=remote, config=state.load_config(), data_key=devices.ring(name)
                )
                SyncEngine(session).run_cycle()
            finally:
                remote.close()

        devices.use("A")
        people.create_person(full_name="Ana, unsigned")
        devices.use("B")
        people.create_person(full_name="Bea, unsigned")
        for name in ("A", "B", "A"):
            legacy_cycle(name)
        remote = devices.remote()
        try:
            assert [s["format"] for s in vault.slots(remote)] == [1] and not rosters.listed(remote)
        finally:
            remote.close()

        with pytest.raises(RosterNeeded, match="earlier Rapport"):
            devices.sync("A")
        unlock_session(passphrase=PASSPHRASE)  # creates the roster key and roster 1
        devices.use("B")
        people.create_person(full_name="Bea, still unregistered")
        legacy_cycle("B")
        result = devices.sync("A")
        assert any("not in the vault's device roster" in w for w in result.warnings)
        assert "Bea, still unregistered" not in _names()
        with pytest.raises(RosterNeeded, match="now keeps a roster"):
            devices.sync("B")
        unlock_session(passphrase=PASSPHRASE)  # B registers: its unsigned past is accepted
        devices.sync_all("B", "A")
        devices.use("A")
        assert {"Ana, unsigned", "Bea, unsigned", "Bea, still unregistered"} <= _names()
        a_digest = digest()
        devices.use("B")
        assert digest() == a_digest
        remote = devices.remote()
        try:
            [slot] = vault.slots(remote)
            assert slot["format"] == 3
            current, _ = rosters.latest(
                remote,
                vault_id=state.load_config().vault_id,
                keys=devices.ring("B").keys,
                pinned=membership.pinned(state.load_config().vault_id),
                local=None,
            )
            assert current is not None and len(current.members) == 2
            assert all(m.signed_from > 1 for m in current.members.values())
        finally:
            remote.close()
    finally:
        devices.close()


def test_a_roster_entry_round_trips_and_replaces_an_unused_key() -> None:
    one, two = (
        crypto.public_key(crypto.new_signing_key()),
        crypto.public_key(crypto.new_signing_key()),
    )
    first = rosters.empty().with_key("0123456789abcdef", one, 1, card_signed=True)
    again = first.with_key("0123456789abcdef", two, 1, card_signed=True)  # nothing signed yet
    member = again.members["0123456789abcdef"]
    assert member.key_for(1) == two and member.signed_from == 1
    third = crypto.public_key(crypto.new_signing_key())
    replaced = again.with_key("0123456789abcdef", third, 1, card_signed=True)
    assert replaced.members["0123456789abcdef"].keys == ((1, one), (1, third))  # no growth
    later = again.with_key("0123456789abcdef", one, 5, card_signed=True)
    assert later.members["0123456789abcdef"].key_for(4) == two
    assert later.members["0123456789abcdef"].key_for(5) == one
    assert rosters.Roster.from_json(json.loads(json.dumps(later.to_json()))) == later


def test_the_remove_device_dialog_asks_a_new_passphrase_twice(qtbot) -> None:
    from desktop.ui.sync.passphrase import RemoveDeviceDialog

    dialog = RemoveDeviceDialog([("0123456789abcdef", "laptop")], "0123456789abcdef")
    qtbot.addWidget(dialog)
    dialog.field.setText(PASSPHRASE)
    assert "at least" in (dialog.problem_with_input() or "")
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.again.setText(NEW_PASSPHRASE + "x")
    assert dialog.problem_with_input() == "The two new entries differ."
    dialog.new.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE)
    assert "new passphrase" in (dialog.problem_with_input() or "")
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.again.setText(NEW_PASSPHRASE)
    assert dialog.problem_with_input() is None
    assert (dialog.passphrase(), dialog.new_passphrase()) == (PASSPHRASE, NEW_PASSPHRASE)


def test_a_signing_key_lost_from_the_keyring_is_replaced_with_the_passphrase(
    three_in_a_folder: Devices, qtbot
) -> None:
    """B's keyring lost its signing key: B stops and says why (in the app, the passphrase
    window opens with that reason); the passphrase registers a new key, and what B signed
    with the old one stays verifiable for a device that reads it only now."""
    from desktop.sync import credentials
    from desktop.sync.credentials import sign_key
    from desktop.ui.sync.controller import SyncController
    from tests.sync.replicas import Replica

    devices = three_in_a_folder
    b_id = devices.device_id("B")
    devices.use("B")
    people.create_person(full_name="Bea, signed with the first key")
    devices.sync("B")
    devices.keyrings["B"].delete_password(membership.secret_store().service, sign_key(b_id))
    credentials.forget_session()  # as after a restart: only what the keyring kept
    devices.use("B")
    with pytest.raises(RosterNeeded, match="signing key is missing"):
        devices.sync("B")
    controller = SyncController(push_delay_ms=50)
    try:
        with qtbot.waitSignal(controller.secrets_needed, timeout=30_000) as needed:
            controller.sync_now()
        assert needed.args[0] == ["passphrase"]
        assert "signing key is missing" in (controller.secrets_reason or "")
    finally:
        controller.shutdown(final_sync=False)
    unlock_session(passphrase=PASSPHRASE)
    people.create_person(full_name="Bea, signed with the second key")
    devices.sync("B")
    member = membership.local_roster(state.load_config().vault_id).members[b_id]
    assert len(member.keys) == 2 and member.keys[1][0] > member.keys[0][0]

    d = Replica(Path(devices.place.target.location).parent, "D")
    devices.replicas["D"] = d
    from tests.sync.memory_keyring import MemoryKeyring

    devices.keyrings["D"] = MemoryKeyring()
    try:
        devices.join("D")
        result = devices.sync("D")
        assert not [w for w in result.warnings if "could not be verified" in w], result.warnings
        assert {"Bea, signed with the first key", "Bea, signed with the second key"} <= _names()
    finally:
        d.close()
        del devices.replicas["D"]


def test_a_planted_roster_with_a_huge_number_blocks_nobody(
    three_in_a_folder: Devices, tmp_path: Path
) -> None:
    """Junk named like the last roster there could ever be: the next real roster is
    still written right after the one in force, and everyone finds it."""
    from tests.sync.memory_keyring import MemoryKeyring
    from tests.sync.replicas import Replica

    devices = three_in_a_folder
    remote = devices.remote()
    try:
        remote.write(layout.roster(999_999_999_999), b"RPSY not a roster at all")
    finally:
        remote.close()
    devices.replicas["D"] = Replica(tmp_path, "D")
    devices.keyrings["D"] = MemoryKeyring()
    devices.join("D")
    people.create_person(full_name="Dora from D")
    devices.sync("D")
    result = devices.sync("A")
    assert any("roster 999999999999 could not be verified" in w for w in result.warnings)
    assert "Dora from D" in _names()


def test_after_two_removals_a_new_device_reads_the_history_without_alarms(
    three_in_a_folder: Devices, tmp_path: Path
) -> None:
    """Each removal makes a new roster key; the first removal's record is signed by the
    key the second replaced. A device joining afterwards takes it as history (the roster
    lists former roster keys), not as a forgery, and knows both devices were removed."""
    from tests.sync.memory_keyring import MemoryKeyring
    from tests.sync.replicas import Replica

    devices = three_in_a_folder
    devices.use("A")
    remove_device(device="C", passphrase=PASSPHRASE, new_passphrase=NEW_PASSPHRASE)
    remove_device(device="B", passphrase=NEW_PASSPHRASE, new_passphrase="a third passphrase")
    devices.replicas["D"] = Replica(tmp_path, "D")
    devices.keyrings["D"] = MemoryKeyring()
    devices.join("D", "a third passphrase")
    result = devices.sync("D")
    assert not [w for w in result.warnings if "record" in w], result.warnings
    assert {d.name: d.removed for d in membership_devices() if d.name in "BC"} == {
        "B": True,
        "C": True,
    }
    assert len(membership.local_roster(state.load_config().vault_id).former) == 2


def membership_devices() -> list[Any]:
    from desktop.services.sync.devices import devices as device_list

    return device_list()
