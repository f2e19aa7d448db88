"""The app on a damaged database (#19): it says so, saves what can still be read
(read-only: the damaged file's bytes never change) and restores the newest good backup,
after which Rapport opens normally."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import store
from desktop.storage.backup import extract

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _damage(path: Path) -> None:
    """Overwrite every third page after the first with garbage, sparing the schema's own
    pages (without them nothing at all can be read, whatever the layout puts where)."""
    size = path.stat().st_size
    connection = sqlite3.connect(path)
    schema = {
        page
        for (page,) in connection.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")
    }
    connection.close()
    with path.open("r+b") as handle:
        for offset in range(8192, size, 4096 * 3):
            if offset // 4096 + 1 in schema:
                continue
            handle.seek(offset)
            handle.write(b"\xde\xad\xbe\xef" * 1024)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("damaged") / "data"
    assert main(["demo", "--data-dir", str(folder), "--people", "20"]) == 0
    assert main(["backup", "--data-dir", str(folder)]) == 0
    store.close_store()
    connection = sqlite3.connect(folder / "rapport.sqlite3")  # every page in the main file,
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # where the damage will land
    connection.close()
    return folder


@pytest.fixture
def damaged(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(template, folder, ignore=shutil.ignore_patterns("*-wal", "*-shm"))
    _damage(folder / "rapport.sqlite3")
    return folder


def test_the_dialog_says_so_and_offers_export_and_the_newest_good_backup(
    qtbot, damaged: Path
) -> None:
    from desktop.services.salvage import diagnose
    from desktop.ui.shell.damaged import DamagedDatabaseDialog

    damage = diagnose(damaged)
    good = next((damaged / "backups").iterdir()).name
    assert damage.damaged and damage.good_backup == good
    dialog = DamagedDatabaseDialog(damaged, "the database cannot be read", damage.good_backup)
    qtbot.addWidget(dialog)
    assert dialog.text() == "Rapport's database is damaged"
    assert good in dialog.informativeText() and "Nothing was changed" in dialog.informativeText()
    assert dialog.findChild(type(dialog.export_button), "damagedExport") is dialog.export_button
    assert dialog.restore_button is not None and good in dialog.restore_button.toolTip()


def test_found_while_running_the_app_turns_read_only_and_still_exports(
    qtbot, damaged: Path, tmp_path: Path, monkeypatch
) -> None:
    """The file opens (start-up reads no damaged page); the check after start finds the
    damage: writes stop, and what can be read is exported through the open connection."""
    from desktop.services import people, salvage
    from desktop.ui.shell import damaged as damaged_ui
    from desktop.ui.shell.session import DesktopSession

    path = damaged / "rapport.sqlite3"
    path.unlink()
    extract(next((damaged / "backups").iterdir()), path)  # whole again, then one bad
    with path.open("r+b") as handle:  # page near the end, which opening never reads
        handle.seek(path.stat().st_size - 3 * 4096)
        handle.write(b"\xde\xad\xbe\xef" * 1024)
    store.open_store(damaged)
    try:
        damage = salvage.diagnose(damaged)
        assert damage.damaged and damage.good_backup
        shown = []
        monkeypatch.setattr(damaged_ui, "run_choices", lambda dialog: shown.append(dialog))

        from PySide6.QtWidgets import QWidget

        window = QWidget()  # the handler only parents its dialog and translates
        qtbot.addWidget(window)
        session = DesktopSession.__new__(DesktopSession)
        session.folder, session.window = damaged, window
        session._database_checked(damage)
        [dialog] = shown
        assert dialog.in_use and "now read-only" in dialog.informativeText()
        before = (damaged / "rapport.sqlite3").read_bytes()
        with pytest.raises(Exception, match=r"readonly|read-only|query_only"):
            people.create_person(full_name="Not written")
        said = dialog.export_to(tmp_path / "rescued.json")
        assert "Saved" in said, said
        assert (damaged / "rapport.sqlite3").read_bytes() == before
    finally:
        store.close_store()


def test_export_what_can_be_read_leaves_the_damaged_file_untouched(
    qtbot, damaged: Path, tmp_path: Path
) -> None:
    from desktop.ui.shell.damaged import DamagedDatabaseDialog

    before = (damaged / "rapport.sqlite3").read_bytes()
    dialog = DamagedDatabaseDialog(damaged, "damaged", None)
    qtbot.addWidget(dialog)
    out = tmp_path / "rescued.json"
    said = dialog.export_to(out)
    assert "Saved" in said and str(out) in said
    saved = json.loads(out.read_text())
    assert saved["events"]  # what could be read is there
    assert (damaged / "rapport.sqlite3").read_bytes() == before


def test_restoring_the_backup_lets_rapport_open(qtbot, damaged: Path) -> None:
    from desktop.app import open_data
    from desktop.services.salvage import diagnose
    from desktop.ui.shell.damaged import DamagedDatabaseDialog

    damage = diagnose(damaged)
    dialog = DamagedDatabaseDialog(damaged, "damaged", damage.good_backup)
    qtbot.addWidget(dialog)
    assert dialog.restore() is None
    try:
        assert open_data(damaged) is None  # opens normally now
        assert not diagnose(damaged).damaged
    finally:
        store.close_store()


def test_a_problem_that_is_not_damage_is_only_shown(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.shell.damaged import recover

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    (tmp_path / "rapport.sqlite3").write_bytes(b"")
    assert recover(tmp_path, "the database is locked by another program") is False
    assert shown == ["the database is locked by another program"]
