"""Desktop integration around a running main window.

What makes Rapport behave like an installed app rather than a script: one instance per
data folder (a second launch raises this window or opens its capture window), a tray
icon, reminders while it runs, rotating backups on a timer, and offering back a capture
draft that a crash left behind.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
BACKUP_CHECK_MS = 30 * 60 * 1000  # backup_if_due decides; this is only how often we ask


class DesktopSession(QObject):
    """Owns the single-instance server, tray, reminders and backup timer of one window."""

    def __init__(self, app: QApplication, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.server = None
        self.tray = None
        self.notifier = None
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self.backup_soon)
        self._app = app

    def start(self, server: QObject | None) -> None:
        """Take over the instance server and start tray, reminders and backups."""
        if server is not None:
            self._take_server(server)
            server.requested.connect(self.handle_request)
        # The tray icon and its reminders are not part of the window: after its first
        # frame (asking for a tray is a D-Bus round trip on Linux desktops, and the
        # reminders load their services).
        self.window.after_first_paint(self.start_tray)
        self.window.session = self
        # Sync's status and the draft offer read the database: after the first frame.
        self.window.after_first_paint(self.window.sync_actions.start)
        self.window.after_first_paint(lambda: _install_address_book(self.window))
        QTimer.singleShot(3_000, self.backup_soon)
        self._backup_timer.start()
        self.window.after_first_paint(self.offer_draft)
        QTimer.singleShot(2_000, self.check_database)

    def start_tray(self) -> None:
        """The tray icon ("Capture a Note…", "Open Rapport") and its reminders, where the
        desktop has a tray."""
        from desktop.ui.shell.tray import install_tray

        self.tray = install_tray(self._app, open_main=self.raise_window, open_capture=self.capture)
        if self.tray is not None:
            from desktop.ui.settings.reminders import ReminderNotifier

            self.notifier = ReminderNotifier(self.tray, self.window.open_person, parent=self)
            QTimer.singleShot(5_000, self.notifier.check)

    def serve(self, lock: QLockFile) -> None:
        """Listen for later launches (holding ``lock``, this folder's): called after the
        first frame, so QtNetwork is not loaded before it."""
        from desktop.ui.shell.single_instance import serve

        self._take_server(serve(self.folder, lock, self.handle_request))

    def _take_server(self, server: QObject) -> None:
        self.server = server
        server.setParent(self)

    def check_database(self) -> None:
        """SQLite's quick_check on a worker, once per start: a damaged file makes the app
        read-only and offers to save what can be read and to restore a good backup."""
        from desktop.services import salvage
        from desktop.ui.kit.background import run_job

        folder = self.folder
        run_job(
            self,
            lambda _progress: salvage.diagnose(folder),
            self._database_checked,
            lambda _error: None,  # the check itself failed: nothing to say
            name="rapport-check",
            dispose=True,
        )

    def _database_checked(self, damage: object) -> None:
        from desktop import paths
        from desktop.services import salvage
        from desktop.ui.shell.damaged import DamagedDatabaseDialog, run_choices

        if not getattr(damage, "damaged", False):
            return
        salvage.protect()
        dialog = DamagedDatabaseDialog(
            self.folder,
            self.window.tr("SQLite's check found damaged pages in %1.").replace(
                "%1", str(paths.database_path(self.folder))
            ),
            getattr(damage, "good_backup", None),
            in_use=True,
            parent=self.window,
        )
        if run_choices(dialog):  # a backup replaced the file: a fresh window over it
            self.window.file_actions.reopen_window()

    def adopt(self, window: MainWindow) -> None:
        """Serve a new window (after a restore replaced the database and its views)."""
        self.window = window
        self.setParent(window)
        window.session = self
        if self.notifier is not None:
            self.notifier.set_open_person(window.open_person)
        QTimer.singleShot(0, window.sync_actions.start)
        QTimer.singleShot(0, lambda: _install_address_book(window))

    def handle_request(self, action: str, payload: dict) -> None:
        """A later launch asked for something: show the window or the capture window."""
        if action == "capture":
            self.capture()
        else:
            self.raise_window()

    def raise_window(self) -> None:
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def capture(self) -> None:
        self.window.edit_actions.open_capture()

    def backup_soon(self) -> None:
        """One online backup off the GUI thread (a large file takes seconds to copy)."""
        from desktop.services import backups
        from desktop.ui.kit.background import run_job

        folder = self.folder
        run_job(
            self,
            lambda _progress: backups.backup_if_due(folder, datetime.now()),
            lambda _result: None,
            _backup_failed,
            name="rapport-backup",
            dispose=True,
        )

    def offer_draft(self) -> None:
        """A draft left by a crash comes back in the capture window, text intact."""
        from desktop.services import drafts

        try:
            draft = drafts.load("capture")
        except Exception:  # an unreadable draft must never stop the app from starting
            return
        if draft and str(draft.get("notes") or "").strip():  # words worth offering back
            self.capture()
            status = self.window.statusBar()
            status.showMessage(self.window.tr("Your unsaved note is back, as you left it."), 8000)


def _backup_failed(error: BaseException) -> None:
    """A full or read-only disk: the next check tries again; the data is untouched."""
    if not isinstance(error, OSError):
        log.error("backup failed", exc_info=error)


#: Modules the main window's first frame does without (#15): sync's status and UI, the
#: record types (they come with the first answers), and the slow libraries.
AFTER_FIRST_PAINT = (
    "desktop.ui.sync.controller",
    "desktop.services.sync.status",
    "desktop.domain.records",
    "desktop.domain.circles",  # Today's rows are worded when its first answer comes
    "desktop.domain.dates",
    "desktop.services.inbox",  # the phone's inbox folder: its first look follows the frame
    "desktop.ui.capture.inbox",  # and so do its watcher and Today's banner
    "desktop.ui.shell.tray",  # the tray icon and its reminders are not the window
    "desktop.ui.settings.reminders",
    "desktop.ui.shell.termination",  # SIGTERM as Quit: nothing to save before the frame
    "desktop.services.calendar_sync.account",  # is a calendar set up? After Today's answer
    "desktop.ui.calendar_sync.today_rows",  # Today's hidden sections: built with its answer
    "desktop.ui.contacts_sync.today_entry",
    "PySide6.QtNetwork",  # the instance server listens after the first frame
    "desktop.ui.people.person_view",  # built with the first person shown
    # the store's full open follows the frame when the first look finds the plain case
    # (storage.front_door): a new, older, newer or damaged file still opens before it
    "peewee",
    "desktop.storage.models",
    "json",  # the command line's --json output, a later launch's request
    "_socket",  # asking a running Rapport (the lock alone says nobody is)
    "keyring",
    "dateparser",
    "rapidfuzz",
    "icalendar",
    "vobject",
)
#: Qt types the first frame does without (#15). PySide makes a class's Python type, with
#: all of its enums, the first time the class is named — QStyle's ~40 enums cost ~5 ms —
#: so a type that is only used later is imported where it is used.
AFTER_FIRST_PAINT_QT_TYPES = ("PySide6.QtWidgets.QStyle", "PySide6.QtWidgets.QMessageBox")


def loaded_before_now() -> list[str]:
    """Which of :data:`AFTER_FIRST_PAINT` and :data:`AFTER_FIRST_PAINT_QT_TYPES` exist yet."""
    import sys

    loaded = [name for name in AFTER_FIRST_PAINT if name in sys.modules]
    for name in AFTER_FIRST_PAINT_QT_TYPES:
        module, _, type_name = name.rpartition(".")
        if module in sys.modules and type_name in vars(sys.modules[module]):
            loaded.append(name)
    return loaded


class _FirstPaintReporter(QObject):
    """``RAPPORT_BENCH_PAINT=1``: print the wall time of the first frame and, on a second
    line, ``loaded <names>`` — which of :data:`AFTER_FIRST_PAINT` were imported, and of
    :data:`AFTER_FIRST_PAINT_QT_TYPES` made, before it (``-``: none); then exit at once.

    Used by tests/benchmarks to time start-up of the source tree and the bundle alike.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    @staticmethod
    def _report() -> None:
        loaded = loaded_before_now()
        print(f"first-paint {time.time():.6f}\nloaded {','.join(loaded) or '-'}", flush=True)
        os._exit(0)


def report_first_paint_if_asked(window: QMainWindow) -> None:
    if os.environ.get("RAPPORT_BENCH_PAINT"):
        reporter = _FirstPaintReporter(window)
        window.installEventFilter(reporter)


def _install_address_book(window: MainWindow) -> None:
    """Address-book sync (CardDAV): menu item, status line, timer (desktop.ui.contacts_sync)."""
    from desktop.ui.contacts_sync.hookup import install

    install(window)
