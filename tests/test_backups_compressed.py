"""Backups that never fill the disk: compressed, atomic, checked, bounded by size (#15)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.services import backups, people, store
from desktop.services.backups import BackupError
from desktop.storage import backup as storage_backup
from desktop.storage.backup import backup_file, extract, is_intact, newest_good_backup

NOW = datetime(2026, 3, 15, 12, 0, 0)
ROOT = Path(__file__).resolve().parents[1]


def _fill(count: int = 40) -> None:
    for number in range(count):
        people.create_person(full_name=f"Person {number}", about="sailing and chess " * 20)


def test_a_backup_is_a_checked_zstd_file_that_zstd_can_read(data_dir, tmp_path):
    _fill()
    info = backups.backup_now(data_dir, reason="manual")
    assert info.name.endswith(".sqlite3.zst") and (info.people, info.conversations) == (40, 0)
    raw = info.path.read_bytes()
    assert raw[:4] == (0x184D2A50).to_bytes(4, "little")  # the header: a skippable frame
    assert b"\x28\xb5\x2f\xfd" in raw[:4096]  # then an ordinary zstd frame
    plain = extract(info.path, tmp_path / "plain.sqlite3")
    assert info.size < plain.stat().st_size / 2  # compressed
    with sqlite3.connect(plain) as copy:
        assert copy.execute("SELECT count(*) FROM person").fetchone()[0] == 40
    assert is_intact(info.path)
    assert newest_good_backup(data_dir / "backups") == info.path


def test_a_damaged_backup_is_told_apart_and_never_restored(data_dir):
    _fill(5)
    good = backups.backup_now(data_dir, reason="manual", now=NOW)
    bad = backups.backup_now(data_dir, reason="manual", now=NOW + timedelta(hours=1))
    data = bytearray(bad.path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte inside the compressed data
    bad.path.write_bytes(bytes(data))
    assert not is_intact(bad.path) and is_intact(good.path)
    assert newest_good_backup(data_dir / "backups") == good.path
    people.create_person(full_name="Still Here")
    with pytest.raises(BackupError, match="cannot be read back"):
        backups.restore_backup(data_dir, bad.name, confirmed=True)
    assert "Still Here" in [name for _, name in people.all_names()]
    assert not list((data_dir / "backups").glob(".*"))  # no half-extracted file left


def test_a_kill_just_before_the_rename_leaves_nothing_the_list_shows(data_dir):
    """A real kill (os._exit, no clean-up) at the worst moment: everything written, not
    yet renamed. The list, the newest good backup and restore never see the pieces."""
    _fill(5)
    store.close_store()
    script = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from desktop.services import backups
        os.replace = lambda *args: os._exit(9)  # killed between the check and the rename
        backups.backup_now(Path({str(data_dir)!r}), reason="manual")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], check=False)
    assert done.returncode == 9
    folder = data_dir / "backups"
    assert [p.name for p in folder.iterdir() if p.name.endswith(".partial")]  # it was killed
    assert backups.list_backups(data_dir) == []
    assert newest_good_backup(folder) is None
    old = os.path.getmtime(next(folder.iterdir())) - 7200
    for leftover in folder.iterdir():
        os.utime(leftover, (old, old))
    backups.prune(data_dir)  # stale pieces of a cut-short backup are cleared away
    assert list(folder.iterdir()) == []
    store.open_store(data_dir)


def test_a_failed_check_leaves_no_backup(data_dir, monkeypatch):
    _fill(5)
    monkeypatch.setattr(storage_backup, "_digest_of", lambda path: "not what was written")
    with pytest.raises(BackupError, match="does not read back"):
        backups.backup_now(data_dir, reason="manual")
    assert list((data_dir / "backups").iterdir()) == []


def test_old_plain_backups_are_still_listed_checked_and_restored(data_dir):
    _fill(3)
    folder = data_dir / "backups"
    folder.mkdir(exist_ok=True)
    old = folder / "rapport-20200101-000000-auto.sqlite3"  # as older Rapports wrote them
    backup_file(data_dir / "rapport.sqlite3", old)
    people.create_person(full_name="Later")
    [listed] = backups.list_backups(data_dir)
    assert listed.name == old.name and listed.people == 3 and not listed.problem
    assert newest_good_backup(folder) == old
    backups.restore_backup(data_dir, old.name, confirmed=True)
    assert len(people.all_names()) == 3
    names = [b.name for b in backups.list_backups(data_dir, counts=False)]
    assert old.name in names and any(n.endswith("before-restore.sqlite3.zst") for n in names)


def test_restore_of_a_compressed_backup_by_the_cli(data_dir, capsys):
    from desktop.cli import main

    _fill(3)
    saved = backups.backup_now(data_dir, reason="manual")
    people.create_person(full_name="Later")
    store.close_store()
    code = main(["backup", "--data-dir", str(data_dir), "--restore", saved.name, "--yes"])
    assert code == 0, capsys.readouterr()
    store.open_store(data_dir)
    assert len(people.all_names()) == 3


def test_the_folder_never_grows_past_three_times_the_newest_backup(data_dir):
    _fill(20)
    for days in range(30, -1, -1):  # a month of daily backups, oldest first
        backups.backup_now(data_dir, reason="auto", now=NOW - timedelta(days=days))
    newest = backups.list_backups(data_dir, counts=False)[0]
    removed = backups.prune(data_dir, now=NOW)
    kept = backups.list_backups(data_dir, counts=False)
    assert removed and sum(b.size for b in kept) <= 3 * newest.size
    assert [b.created for b in kept][:3] == [NOW - timedelta(days=d) for d in range(3)]
    space = backups.space(data_dir)
    assert (space.used, space.count) == (sum(b.size for b in kept), len(kept))
    assert space.budget == 3 * newest.size


def test_the_newest_three_always_stay_and_the_oldest_go_first(data_dir):
    _fill(20)
    folder = data_dir / "backups"
    folder.mkdir(exist_ok=True)
    backups.backup_now(data_dir, reason="auto", now=NOW - timedelta(days=60))
    for hours in (1, 2):  # two big plain backups among the newest three
        name = f"rapport-{(NOW - timedelta(hours=hours)):%Y%m%d-%H%M%S}-auto.sqlite3"
        backup_file(data_dir / "rapport.sqlite3", folder / name)
    newest = backups.backup_now(data_dir, reason="auto", now=NOW)
    removed = backups.prune(data_dir, now=NOW)
    kept = backups.list_backups(data_dir, counts=False)
    assert [p.name for p in removed] == ["rapport-20260114-120000-auto.sqlite3.zst"]
    assert len(kept) == 3 and kept[0].name == newest.name
    assert sum(b.size for b in kept) > 3 * newest.size  # over budget, yet they stay


def test_the_copy_taken_before_a_restore_is_not_the_first_to_go(data_dir):
    """Restoring an older, smaller backup shrinks the budget; the copy of the newer data
    taken just before the restore stays (it may be the only copy of it)."""
    _fill(60)  # the newer, bigger data
    safety = backups.backup_now(data_dir, reason="before-restore", now=NOW - timedelta(days=2))
    for days in range(40, 3, -1):  # older daily backups, then small new ones
        backups.backup_now(data_dir, reason="auto", now=NOW - timedelta(days=days))
    for hours in (3, 2, 1):
        backups.backup_now(data_dir, reason="auto", now=NOW - timedelta(hours=hours))
    removed = backups.prune(data_dir, now=NOW)
    kept = {b.name for b in backups.list_backups(data_dir, counts=False)}
    assert removed and safety.name in kept
