"""Sealed files: tampering, truncation, replay into another device's path and a wrong
passphrase are all refused, and the local store stays exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.services import people
from desktop.services.sync.cycle import sync_now
from desktop.services.sync.secrets import change_passphrase
from desktop.services.sync.setup import join_vault
from desktop.services.sync.status import status as sync_status
from desktop.storage.models import Person
from desktop.storage.sync_tables import SyncDevice
from desktop.sync import crypto, layout, state
from desktop.sync.crypto import KIND_DEVICE, KIND_SEGMENT, Address, SealError
from desktop.sync.errors import VaultMissing, WrongPassphrase
from desktop.sync.targets import parse_target
from tests.sync.replicas import PASSPHRASE, Replica, digest, join_all, sync_all

VAULT = "ab" * 16
DEVICE = "0123456789abcdef"
KEY = bytes(range(32))
KEY_ID = "00112233aabbccdd"


def _sealed(seq: int = 1, kind: int = KIND_SEGMENT) -> bytes:
    return crypto.seal(
        b"hello", data_key=KEY, key_id=KEY_ID, address=Address(kind, VAULT, DEVICE, seq)
    )


def _open(data: bytes, **changes) -> bytes:
    address = {"kind": KIND_SEGMENT, "vault_id": VAULT, "device_id": DEVICE, "seq": 1, **changes}
    return crypto.open_sealed(data, keys={KEY_ID: KEY}, address=Address(**address))


def test_seal_round_trip_and_every_bound_field() -> None:
    data = _sealed()
    assert _open(data) == b"hello"
    for changes, reason in (
        ({"seq": 2}, "sequence"),
        ({"device_id": "fedcba9876543210"}, "device"),
        ({"vault_id": "cd" * 16}, "vault"),
        ({"kind": KIND_DEVICE}, "kind"),
    ):
        with pytest.raises(SealError, match=reason):
            _open(data, **changes)
    flipped = bytearray(data)
    flipped[-20] ^= 1
    with pytest.raises(SealError, match="authentication"):
        _open(bytes(flipped))
    header = bytearray(data)
    header[crypto.HEADER.size - 1] ^= 1  # the nonce: part of the authenticated header
    with pytest.raises(SealError):
        _open(bytes(header))
    with pytest.raises(SealError):
        _open(data[:-1])
    with pytest.raises(SealError, match="shorter"):
        _open(data[:40])
    with pytest.raises(SealError, match="key"):
        crypto.open_sealed(data, keys={}, address=Address(KIND_SEGMENT, VAULT, DEVICE, 1))


@pytest.fixture
def pair(tmp_path: Path):
    a, b = Replica(tmp_path, "laptop"), Replica(tmp_path, "desktop")
    join_all([a, b], parse_target(str(tmp_path / "vault")))
    yield a, b, tmp_path / "vault"
    a.close()
    b.close()


def _segment_of(replica: Replica, vault: Path, seq: int) -> Path:
    replica.use()
    return vault.joinpath(*layout.segment(state.load_config().device_id, seq).split("/"))


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty"])
def test_damaged_segment_is_refused_and_retried_later(pair, damage: str) -> None:
    a, b, vault = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz")
    sync_now()
    path = _segment_of(a, vault, 1)
    good = path.read_bytes()
    bad = {
        "flip": good[:-30] + bytes([good[-30] ^ 0x40]) + good[-29:],
        "truncate": good[: len(good) // 2],
        "empty": b"",
    }[damage]
    path.write_bytes(bad)
    b.use()
    before = digest()
    result = sync_now()
    assert result.pulled == 0
    assert any("could not be verified" in w for w in result.warnings)
    assert digest() == before  # untouched
    assert Person.get_or_none(Person.id == ana) is None
    path.write_bytes(good)  # the rest of the file arrives
    assert sync_now().pulled > 0
    assert Person.get_by_id(ana).full_name == "Ana Ruiz"


def test_a_segment_copied_into_another_devices_folder_is_refused(pair) -> None:
    a, b, vault = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    sync_now()
    b.use()
    people.create_person(full_name="Ben Ode")
    sync_now()
    a.use()
    sync_now()  # A has everything B wrote
    # Replay A's first segment as B's second.
    target = _segment_of(b, vault, 2)
    shutil.copy(_segment_of(a, vault, 1), target)
    a.use()
    before = digest()
    cursors = {d.device_id: d.cursor for d in SyncDevice.select()}
    result = sync_now()
    assert any("written by device" in w for w in result.warnings)
    assert digest() == before
    assert {d.device_id: d.cursor for d in SyncDevice.select()} == cursors


def test_wrong_passphrase_cannot_join_and_changes_nothing(tmp_path: Path) -> None:
    a, b = Replica(tmp_path, "a"), Replica(tmp_path, "b")
    target = parse_target(str(tmp_path / "vault"))
    join_all([a], target)
    b.use()
    before = digest()
    with pytest.raises(WrongPassphrase):
        join_vault(target=target, passphrase="not the passphrase")
    assert digest() == before
    assert state.load_config() is None
    join_vault(target=target, passphrase=PASSPHRASE)
    assert state.load_config() is not None
    a.close()
    b.close()


def test_changed_passphrase_opens_and_the_old_one_no_longer_does(pair) -> None:
    a, b, vault = pair
    a.use()
    change_passphrase(old=PASSPHRASE, new="a brand new passphrase")
    target = state.load_config().target
    c = Replica(vault.parent, "third")
    c.use()
    with pytest.raises(WrongPassphrase):
        join_vault(target=target, passphrase=PASSPHRASE)
    join_vault(target=target, passphrase="a brand new passphrase")
    sync_all([a, b, c])
    c.close()


def test_a_moved_or_emptied_vault_stops_and_deletes_nothing(pair) -> None:
    a, b, vault = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    sync_all([a, b])
    b.use()
    before = digest()
    vault.rename(vault.with_name("moved"))
    with pytest.raises(VaultMissing, match="moved, renamed or emptied"):
        sync_now()
    assert digest() == before
    assert "moved" in sync_status().last_error
    vault.with_name("moved").rename(vault)
    (vault / layout.VAULT).unlink()  # emptied (or half-synced) folder: still not "empty"
    with pytest.raises(VaultMissing):
        sync_now()
    assert digest() == before
