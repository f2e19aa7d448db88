"""Bad days on a folder vault: killed mid-push or mid-pull, a full disk, a half-copied
file, a clock 10 minutes fast — each ends in a safe state and the next cycle resumes."""

from __future__ import annotations

import time
from pathlib import Path
from unittest import mock

import pytest

from desktop.services import people
from desktop.services.sync.cycle import sync_now
from desktop.services.sync.setup import forget_this_device, join_vault
from desktop.services.sync.status import status as sync_status
from desktop.storage import hlc, journal, outbox, replication
from desktop.storage.models import Person, database
from desktop.storage.sync_tables import SyncDevice
from desktop.sync import layout, state
from desktop.sync.errors import LocalStoreFull
from desktop.sync.remotes.folder import FolderRemote
from desktop.sync.targets import parse_target
from tests.sync.replicas import Replica, digest, join_all, sync_all


@pytest.fixture
def pair(tmp_path: Path):
    a, b = Replica(tmp_path, "laptop"), Replica(tmp_path, "desktop")
    join_all([a, b], parse_target(str(tmp_path / "vault")))
    yield a, b, tmp_path / "vault"
    a.close()
    b.close()


class Killed(BaseException):
    """Stands for the process dying: nothing after it runs."""


def test_killed_after_numbering_before_upload_reseals_the_same_batch(pair) -> None:
    a, b, _vault = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz")
    real_write = FolderRemote.write

    def die_on_segments(self, path, data):
        if "/seg/" in path:
            raise Killed
        real_write(self, path, data)

    with mock.patch.object(FolderRemote, "write", die_on_segments), pytest.raises(Killed):
        sync_now()
    assert state.get(outbox.ASSIGNED) == "1" and outbox.pushed_seq() == 0
    people.create_person(full_name="Written after the crash")
    result = sync_now()
    assert result.pushed_segments == 2  # batch 1 again (same changes), then batch 2
    sync_all([a, b])
    b.use()
    assert Person.get_by_id(ana).full_name == "Ana Ruiz"
    assert digest() == (a.use() and digest())


def test_killed_after_upload_before_confirming_does_not_upload_twice(pair) -> None:
    a, _b, vault = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    with mock.patch.object(outbox, "confirm_pushed", side_effect=Killed), pytest.raises(Killed):
        sync_now()
    path = vault.joinpath(*layout.segment(state.load_config().device_id, 1).split("/"))
    first = path.read_bytes()
    sync_now()
    assert path.read_bytes() == first  # recognised as already there, not rewritten
    assert outbox.pushed_seq() == 1


def test_killed_mid_pull_applies_all_or_nothing(pair) -> None:
    a, b, _ = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz", organization="Acme")
    sync_now()
    b.use()
    before = digest()
    real_store = replication._Applier.store

    def die_half_way(self, groups):
        real_store(self, groups)
        raise Killed

    with mock.patch.object(replication._Applier, "store", die_half_way), pytest.raises(Killed):
        sync_now()
    assert digest() == before
    assert all(d.cursor == 0 for d in SyncDevice.select())
    sync_now()
    assert Person.get_by_id(ana).organization == "Acme"


def test_a_full_local_disk_stops_cleanly_and_resumes(pair) -> None:
    a, b, _ = pair
    a.use()
    people.create_person(full_name="Ana Ruiz", about="x" * 200_000)
    sync_now()
    b.use()
    before = digest()
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(LocalStoreFull, match="disk holding your Rapport data is full"):
        sync_now()
    assert digest() == before
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    assert sync_now().pulled > 0


def test_a_half_copied_segment_waits_for_the_rest(pair) -> None:
    a, b, vault = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz")
    sync_now()
    path = vault.joinpath(*layout.segment(state.load_config().device_id, 1).split("/"))
    whole = path.read_bytes()
    path.write_bytes(whole[:100])  # the folder-sync tool is still copying
    (path.parent / ".1.seg.syncthing.tmp").write_bytes(whole)  # its temp name: ignored
    b.use()
    assert sync_now().pulled == 0
    path.write_bytes(whole)
    sync_now()
    assert Person.get_by_id(ana).full_name == "Ana Ruiz"


class FastClock:
    def time(self) -> float:
        return time.time() + 600


def test_a_clock_ten_minutes_fast_is_accepted_with_a_warning_naming_it(pair) -> None:
    a, b, _ = pair
    a.use()
    with mock.patch.object(hlc, "time", FastClock()):
        journal._clock = None
        ana = people.create_person(full_name="Ana Ruiz")
        sync_now()
    journal._clock = None
    b.use()
    result = sync_now()
    assert Person.get_by_id(ana).full_name == "Ana Ruiz"
    assert any("laptop" in w and "fast" in w for w in result.warnings), result.warnings
    received = Person.get_by_id(ana).updated
    people.update_person(ana, headline="later here")  # our clock moved past theirs
    assert Person.get_by_id(ana).updated > received
    sync_all([a, b])
    a.use()
    assert Person.get_by_id(ana).headline == "later here"


def test_a_clock_weeks_ahead_is_refused_as_corrupt(pair) -> None:
    a, b, _ = pair

    class Far:
        def time(self) -> float:
            return time.time() + 30 * 86_400

    a.use()
    with mock.patch.object(hlc, "time", Far()):
        journal._clock = None
        people.create_person(full_name="From the future")
        sync_now()
    journal._clock = None
    b.use()
    before = digest()
    result = sync_now()
    assert any("refused" in w and "7 days" in w for w in result.warnings)
    assert digest() == before


def test_a_data_folder_restored_from_a_backup_forgets_and_rejoins(pair, tmp_path: Path) -> None:
    """Issue #21: the restored copy's numbering is behind the vault ("Segment 2 of this
    device already exists"); Forget and join again is a new device and syncs on."""
    import shutil

    from desktop.storage.db import open_database
    from desktop.sync.errors import SyncError

    a, b, _vault = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    sync_now()
    a.close()
    shutil.copy(a.folder / "rapport.sqlite3", tmp_path / "backup.sqlite3")
    a.db = open_database(a.folder / "rapport.sqlite3")
    a.use()
    people.create_person(full_name="Made after the backup")
    sync_now()
    a.close()
    for leftover in a.folder.glob("rapport.sqlite3*"):
        leftover.unlink()
    shutil.copy(tmp_path / "backup.sqlite3", a.folder / "rapport.sqlite3")
    a.db = open_database(a.folder / "rapport.sqlite3")
    a.use()
    people.create_person(full_name="Made after the restore")
    with pytest.raises(SyncError, match="already exists in the vault"):
        sync_now()
    target = state.load_config().target
    forget_this_device()
    join_vault(target=target, passphrase="correct horse battery staple")
    sync_all([a, b])
    b.use()
    names = {p.full_name for p in Person.select()}
    assert {"Ana Ruiz", "Made after the backup", "Made after the restore"} <= names
    assert Person.select().where(Person.full_name == "Ana Ruiz").count() == 1


def test_forget_keeps_data_and_rejoining_is_a_new_device(pair) -> None:
    """Issue #21: a re-join after Forget (maybe from a restored backup) is a new device
    folder with a new signing key, numbered from 1 (its changes offered again, in order),
    and nothing collides with "Segment N of this device already exists"."""
    a, b, vault = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    sync_now()
    device = state.load_config().device_id
    target = state.load_config().target
    count = Person.select().count()
    forget_this_device()
    assert sync_status().configured is False
    assert Person.select().count() == count
    assert vault.joinpath(*layout.device_dir(device).split("/")).is_dir()
    people.create_person(full_name="Offline while away")
    join_vault(target=target, passphrase="correct horse battery staple")
    new_device = state.load_config().device_id
    assert new_device != device
    sync_all([a, b])
    # numbered from 1 in its new folder
    assert vault.joinpath(*layout.segment(new_device, 1).split("/")).is_file()
    assert not vault.joinpath(*layout.segment(new_device, 2).split("/")).exists()
    b.use()
    assert Person.select().where(Person.full_name == "Offline while away").count() == 1
