"""The desktop session's background work: the timed backup runs off the GUI thread
through the one background-work API and leaves a backup behind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.services import backups
from desktop.ui.kit.background import Job
from desktop.ui.shell.session import DesktopSession


def test_a_due_backup_is_made_in_the_background(qtbot, window, data_dir: Path, ana) -> None:
    session = DesktopSession(QApplication.instance(), window, data_dir)
    assert backups.list_backups(data_dir, counts=False) == []
    session.backup_soon()
    # The job reports back and disposes of itself (a timer runs this every half hour).
    qtbot.waitUntil(lambda: not session.findChildren(Job), timeout=10_000)
    assert len(backups.list_backups(data_dir, counts=False)) == 1
