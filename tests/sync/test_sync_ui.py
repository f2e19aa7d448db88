"""The Qt side of sync: the controller (network on a worker, SQLite on the GUI thread),
the status-bar widget, Settings ▸ Sync and the Conflicts list."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path
from unittest import mock

import pytest

from desktop.services import people
from desktop.services.sync.cycle import sync_now
from desktop.services.sync.setup import create_vault, join_vault
from desktop.services.sync.status import SyncStatus
from desktop.services.sync.status import status as sync_status
from desktop.storage import replication
from desktop.storage.models import Person
from desktop.sync.remotes.folder import FolderRemote
from desktop.sync.targets import parse_target
from tests.sync.replicas import PASSPHRASE, Replica, cheap_kdf, join_all, sync_all


@pytest.fixture
def pair(tmp_path: Path):
    a, b = Replica(tmp_path, "laptop"), Replica(tmp_path, "desktop")
    join_all([a, b], parse_target(str(tmp_path / "vault")))
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def controller(qtbot):
    from desktop.ui.sync.controller import SyncController

    made = []

    def make(**kwargs):
        made.append(SyncController(**{"push_delay_ms": 50, **kwargs}))
        return made[-1]

    yield make
    for c in made:
        c.shutdown(final_sync=False)


def test_cycles_run_network_on_a_worker_and_sqlite_on_the_gui_thread(pair, qtbot, controller):
    a, b = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    sync_now()
    b.use()
    threads: dict[str, set[str]] = {"read": set(), "apply": set()}
    real_read, real_apply = FolderRemote.read, replication.apply_segments

    def read(self, path):
        threads["read"].add(threading.current_thread().name)
        return real_read(self, path)

    def apply(**kwargs):
        threads["apply"].add(threading.current_thread().name)
        return real_apply(**kwargs)

    c = controller()
    with (
        mock.patch.object(FolderRemote, "read", read),
        mock.patch.object(replication, "apply_segments", apply),
        qtbot.waitSignal(c.finished, timeout=15_000) as done,
    ):
        c.sync_now()
    assert done.args[0].pulled > 0
    assert threads["apply"] == {threading.main_thread().name}
    assert threading.main_thread().name not in threads["read"]
    assert Person.select().where(Person.full_name == "Ana Ruiz").count() == 1


def test_edits_are_pushed_a_moment_later_and_on_quit(pair, qtbot, controller):
    a, _ = pair
    a.use()
    c = controller()
    with qtbot.waitSignal(c.finished, timeout=15_000):
        c.start()  # the pull on start
    with qtbot.waitSignal(c.finished, timeout=15_000) as pushed:
        people.create_person(full_name="Ana Ruiz")
    assert pushed.args[0].pushed > 0
    c._push_timer.setInterval(60_000)  # the next edit would wait: quit must push it
    people.create_person(full_name="Written just before quitting")
    assert sync_status().pending > 0
    c.shutdown()
    assert sync_status().pending == 0


def test_status_widget_says_how_sync_is_doing(pair, qtbot, controller):
    from desktop.ui.sync.status import SyncStatusWidget, describe

    a, _ = pair
    a.use()
    c = controller()
    widget = SyncStatusWidget(c)
    qtbot.addWidget(widget)
    assert widget.label.text() == "Not synced yet"
    with qtbot.waitSignal(c.finished, timeout=15_000):
        c.sync_now()
    qtbot.waitUntil(lambda: widget.label.text().startswith("Synced"), timeout=5_000)
    status = sync_status()
    later = datetime.fromisoformat(status.last_sync_at) + timedelta(minutes=7)
    assert describe(status, False, now=later)[0] == "Synced 7 min ago"
    off = SyncStatus(configured=False)
    assert describe(off, False)[0] == "Sync off"
    broken = SyncStatus(configured=True, target="x", last_error="The server is down.")
    assert describe(broken, False) == ("Sync problem", "The server is down.")


def test_settings_dialog_creates_a_vault_then_shows_devices(tmp_path, qtbot, controller):
    from desktop.ui.sync.settings_dialog import SyncSettingsDialog

    Replica(tmp_path, "a").use()
    people.create_person(full_name="Ana Ruiz")
    c = controller()
    dialog = SyncSettingsDialog(c)
    qtbot.addWidget(dialog)
    assert dialog.setup_box.isVisibleTo(dialog) and not dialog.status_page.isVisibleTo(dialog)
    dialog.setup.folder.setText(str(tmp_path / "vault"))
    with qtbot.waitSignal(dialog.action_finished, timeout=15_000) as tested:
        dialog.test_connection()
    assert "does not exist" in tested.args[0]  # not created yet: a clear message
    with qtbot.waitSignal(c.finished, timeout=30_000):
        dialog.create_vault(passphrase=PASSPHRASE)
    assert dialog.status_page.isVisibleTo(dialog)
    assert dialog.devices.topLevelItemCount() == 1
    assert "this device" in dialog.devices.topLevelItem(0).text(0)
    with qtbot.waitSignal(dialog.action_finished, timeout=30_000) as changed:
        dialog.change_passphrase(old=PASSPHRASE, new="another good passphrase")
    assert "changed" in changed.args[0]
    dialog.confirm = lambda question: True
    dialog.forget()
    assert not sync_status().configured
    assert dialog.setup_box.isVisibleTo(dialog)


def test_settings_dialog_names_a_wrong_passphrase(pair, tmp_path, qtbot, controller):
    from desktop.ui.sync.settings_dialog import SyncSettingsDialog

    Replica(tmp_path, "third").use()
    c = controller()
    dialog = SyncSettingsDialog(c)
    qtbot.addWidget(dialog)
    dialog.setup.folder.setText(str(tmp_path / "vault"))
    with qtbot.waitSignal(dialog.action_finished, timeout=15_000) as answer:
        dialog.join_vault(passphrase="not it at all")
    assert "passphrase does not open" in answer.args[0]
    assert not sync_status().configured


def test_conflicts_list_restores_a_value_in_one_click(pair, qtbot):
    from PySide6.QtCore import Qt

    from desktop.ui.sync.conflicts import ConflictsDialog

    a, b = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz", organization="Acme")
    sync_all([a, b])
    a.use()
    people.update_person(ana, organization="Acme Corp")
    b.use()
    people.update_person(ana, organization="Globex")
    sync_all([a, b])
    a.use()
    dialog = ConflictsDialog()
    qtbot.addWidget(dialog)
    table = dialog.widget.table
    assert table.rowCount() == 1
    assert table.item(0, 3).text() == "Acme Corp"
    button = table.cellWidget(0, 5)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert Person.get_by_id(ana).organization == "Acme Corp"
    assert dialog.widget.table.rowCount() == 0
    dialog.close()


def test_a_first_sync_from_a_snapshot_shows_its_progress(tmp_path, qtbot, controller, monkeypatch):
    """Joining a big vault loads a snapshot in one transaction on the GUI thread: the
    progress dialog is opened from the worker while downloading and painted directly
    while loading, then closed when the cycle ends."""
    from desktop.sync.engine import SyncEngine
    from desktop.sync.snapshot import DOWNLOADING, LOADING
    from desktop.ui.sync.controller import SyncController

    defaults = SyncEngine.__init__.__kwdefaults__
    monkeypatch.setitem(defaults, "snapshot_changes", 40)
    monkeypatch.setitem(defaults, "snapshot_part_changes", 25)
    a, b = Replica(tmp_path, "laptop"), Replica(tmp_path, "desktop")
    target = parse_target(str(tmp_path / "vault"))
    a.use()
    create_vault(target=target, passphrase=PASSPHRASE, kdf=cheap_kdf())
    for n in range(45):  # one log entry each (the row holds its values): > 40
        people.create_person(full_name=f"Person {n}", organization="Acme", headline="x")
    sync_now()  # the segments, then a snapshot of several parts
    b.use()
    join_vault(target=target, passphrase=PASSPHRASE)
    seen: list[tuple[str, int, int, bool, bool]] = []
    real_show = SyncController._show_progress

    def show(self, what, done, total):
        real_show(self, what, done, total)
        dialog = self._progress_dialog
        main = threading.current_thread() is threading.main_thread()
        seen.append((what, done, total, main, dialog.objectName() == "syncProgress"))

    monkeypatch.setattr(SyncController, "_show_progress", show)
    c = controller()
    with qtbot.waitSignal(c.finished, timeout=15_000) as done:
        c.sync_now()
    assert done.args[0].pulled > 0 and not done.args[0].warnings
    assert Person.select().where(Person.organization == "Acme").count() == 45
    downloads = [s for s in seen if s[0] == DOWNLOADING]
    loads = [s for s in seen if s[0] == LOADING]
    assert downloads and loads and all(s[3] and s[4] for s in seen)  # shown by the GUI
    assert len(loads) > 1 and loads[-1][1] == loads[-1][2] > 0  # part by part, to the end
    assert [s[1] for s in loads] == sorted(s[1] for s in loads)
    assert c._progress_dialog is None  # closed with the cycle
    a.close()
    b.close()


def test_settings_dialog_reads_cleanly(tmp_path, qtbot, controller):
    """Issue #13: no literal "&Folder:", aligned labels, one primary button, a word on vaults."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from desktop.ui.sync.settings_dialog import SyncSettingsDialog

    Replica(tmp_path, "a").use()
    dialog = SyncSettingsDialog(controller())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for label in dialog.findChildren(QLabel):
        if "&" in label.text() and "<" not in label.text():
            assert label.buddy() is not None, label.text()  # shown as a mnemonic, not "&"
    folder_label = next(lb for lb in dialog.findChildren(QLabel) if lb.text() == "&Folder:")
    kind_label = next(lb for lb in dialog.findChildren(QLabel) if lb.buddy() is dialog.setup.kind)
    assert folder_label.width() == kind_label.width()
    assert dialog.setup.folder.mapTo(dialog, dialog.setup.folder.rect().topLeft()).x() == (
        dialog.setup.kind.mapTo(dialog, dialog.setup.kind.rect().topLeft()).x()
    )
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert defaults == [dialog.create_button]
    assert "A vault is" in dialog.vault_intro.text()
