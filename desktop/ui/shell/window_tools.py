"""Main-window actions for bringing data in and out, backups and sync.

Kept apart from :mod:`desktop.ui.shell.window_actions` (everyday editing): these open larger
dialogs from :mod:`desktop.ui.transfer` and the sync UI, imported lazily so none of them
costs start-up time. Dropping a contacts file anywhere on the window imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow

IMPORTABLE = (".vcf", ".vcard", ".csv", ".json", ".ics", ".txt")

_Base: Any = QMainWindow


class WindowTools(_Base):
    """Mixed into MainWindow: import/export, duplicates, restore, sync."""

    data_folder: Path

    # --- import and export -------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> bool:
        from desktop.ui.transfer.import_dialog import run_import

        return run_import(self, path)

    def export_file(self) -> bool:
        from desktop.ui.transfer.export_dialog import run_export

        return run_export(self)

    def show_duplicates(self) -> None:
        from desktop.ui.transfer.merge_dialog import show_duplicates

        show_duplicates(self, self.undo_stack)  # type: ignore[attr-defined]

    def restore_backup(self) -> None:
        from desktop.ui.transfer.restore_dialog import restore_from_backup

        if restore_from_backup(self, self.data_folder):
            self.reopen_window()

    def reopen_window(self) -> None:
        """After the database file was replaced: a fresh window over the restored data."""
        new = type(self)(self.data_folder)
        new.restoreGeometry(self.saveGeometry())
        session = getattr(self, "session", None)
        if session is not None:
            session.adopt(new)
        new.show()
        self.close()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event)
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.import_file(path)

    def show_preferences(self) -> None:
        from desktop.ui.settings.preferences_dialog import PreferencesDialog

        PreferencesDialog(self).exec()

    # --- sync -------------------------------------------------------------------------
    def sync_controller(self) -> Any:
        """The window's sync controller, created on first use (tests never start one)."""
        controller = getattr(self, "_sync_controller", None)
        if controller is None:
            from desktop.ui.sync.controller import SyncController

            controller = SyncController(self)
            self._sync_controller = controller
        return controller

    def start_sync(self) -> None:
        """Start automatic sync and show its status in the status bar (real app only)."""
        from desktop.ui.sync.settings_dialog import ask_for_secrets
        from desktop.ui.sync.status import SyncStatusWidget

        controller = self.sync_controller()
        status = SyncStatusWidget(controller, self)
        status.setObjectName("syncStatus")
        status.settings_requested.connect(self.show_sync_settings)
        status.conflicts_requested.connect(self.show_sync_conflicts)
        self.statusBar().addPermanentWidget(status)
        controller.secrets_needed.connect(
            lambda missing: ask_for_secrets(controller, missing, self)
        )
        controller.start()

    def stop_sync(self) -> None:
        controller = getattr(self, "_sync_controller", None)
        if controller is not None:
            controller.shutdown()

    def sync_now(self) -> None:
        from desktop.services import sync

        if not sync.status(check_keyring=False).configured:
            self.show_sync_settings()
            return
        self.sync_controller().sync_now()

    def show_sync_settings(self) -> None:
        from desktop.ui.sync.settings_dialog import SyncSettingsDialog

        SyncSettingsDialog(self.sync_controller(), self).exec()

    def show_sync_conflicts(self) -> None:
        from desktop.ui.sync.conflicts import ConflictsDialog

        ConflictsDialog(self).exec()


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    urls = [url for url in mime.urls() if url.isLocalFile()]
    if len(urls) != 1:
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMPORTABLE else None
