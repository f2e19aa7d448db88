"""What people confided stays private to the user: 0700 folders, 0600 files (#15)."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.services import backups, drafts, store
from desktop.storage.backup import backup_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """The common default: without care, new files would be readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_folder_and_its_database_are_owner_only(tmp_path):
    folder = tmp_path / "data"
    store.open_store(folder)
    try:
        assert mode(folder) == 0o700
        database = folder / "rapport.sqlite3"
        assert mode(database) == 0o600
        for suffix in ("-wal", "-shm"):
            sidecar = folder / f"rapport.sqlite3{suffix}"
            assert not sidecar.exists() or mode(sidecar) == 0o600
    finally:
        store.close_store()


def test_an_existing_folder_is_tightened_when_opened(tmp_path):
    folder = tmp_path / "data"
    store.open_store(folder)
    store.close_store()
    os.chmod(folder, 0o755)
    os.chmod(folder / "rapport.sqlite3", 0o644)
    store.open_store(folder)
    try:
        assert (mode(folder), mode(folder / "rapport.sqlite3")) == (0o700, 0o600)
    finally:
        store.close_store()


def test_backups_are_owner_only_and_old_ones_are_tightened(data_dir):
    info = backups.backup_now(data_dir, reason="manual")
    folder = data_dir / "backups"
    assert (mode(folder), mode(info.path)) == (0o700, 0o600)
    yesterday = datetime.now() - timedelta(days=1)
    old = folder / f"rapport-{yesterday:%Y%m%d-%H%M%S}-auto.sqlite3"  # as older ones left it
    backup_file(data_dir / "rapport.sqlite3", old)
    os.chmod(old, 0o644)
    os.chmod(folder, 0o755)
    backups.prune(data_dir, bounded=False)
    assert (mode(folder), mode(old)) == (0o700, 0o600)


def test_a_restored_database_is_owner_only(data_dir):
    saved = backups.backup_now(data_dir, reason="manual")
    backups.restore_backup(data_dir, saved.name, confirmed=True)
    assert mode(data_dir / "rapport.sqlite3") == 0o600


def test_the_drafts_journal_is_owner_only(data_dir):
    journal = drafts.open_journal(drafts.CAPTURE)
    assert journal is not None
    journal.reset("Met Ana at PyCon, she told me in confidence")
    journal.record("Met Ana at PyCon, she told me in confidence that")
    journal.close()
    assert (mode(journal.path.parent), mode(journal.path)) == (0o700, 0o600)


def test_a_folder_we_cannot_change_is_left_as_it_is(tmp_path, monkeypatch):
    """A shared mount may refuse chmod: privacy is tightened where possible, never a
    reason to refuse to open the data."""
    from desktop.storage import private

    def refuse(*_args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(private.os, "chmod", refuse)
    store.open_store(tmp_path / "shared")
    try:
        with sqlite3.connect(tmp_path / "shared" / "rapport.sqlite3") as raw:
            assert raw.execute("PRAGMA user_version").fetchone()[0] > 0
    finally:
        store.close_store()
