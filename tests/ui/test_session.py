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


def test_the_tray_and_its_reminders_come_after_the_first_frame(
    qtbot, data_dir: Path, settings_names: None, monkeypatch
) -> None:
    """#15: the tray is not the window; asking for one (D-Bus on Linux) waits for the frame."""
    from desktop.ui.shell import tray
    from desktop.ui.shell.main_window import MainWindow

    asked: list[str] = []
    monkeypatch.setattr(tray, "install_tray", lambda app, **_hooks: asked.append("tray"))
    for timed in ("backup_soon", "check_database"):  # start()'s timers: not this test's
        monkeypatch.setattr(DesktopSession, timed, lambda self: None)
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    session = DesktopSession(QApplication.instance(), window, data_dir)
    session.start(None)
    assert asked == [] and session.tray is None
    window.show()
    qtbot.waitUntil(lambda: asked == ["tray"], timeout=5_000)
    qtbot.waitUntil(window.wait_until_idle, timeout=10_000)
    assert session.tray is None  # install_tray found no tray here (offscreen)
