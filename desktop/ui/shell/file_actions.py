"""What the main window's data actions do: import, export, duplicates, restore, demo.

Composed into :class:`~desktop.ui.shell.main_window.MainWindow` (as ``file_actions``).
The larger dialogs of :mod:`desktop.ui.transfer` are imported lazily so none of them
costs start-up time. Dropping a contacts file anywhere on the window imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.ui.shell.window_part import WindowPart

if TYPE_CHECKING:
    pass

IMPORTABLE = (".vcf", ".vcard", ".csv", ".json", ".ics", ".txt")


class FileActions(WindowPart):
    """Bringing data in and out: import/export, duplicates, restore, the demo network."""

    def import_file(self, path: Path | None = None) -> bool:
        from desktop.ui.transfer.import_dialog import run_import

        return run_import(self.window, path)

    def export_file(self) -> bool:
        from desktop.ui.transfer.export_dialog import run_export

        return run_export(self.window)

    def show_duplicates(self) -> None:
        from desktop.ui.transfer.merge_dialog import show_duplicates

        show_duplicates(self.window, self.window.undo_stack)

    def restore_backup(self) -> None:
        from desktop.ui.transfer.restore_dialog import restore_from_backup

        if restore_from_backup(self.window, self.window.data_folder):
            self.reopen_window()

    def reopen_window(self) -> None:
        """After the database file was replaced: a fresh window over the restored data."""
        old = self.window
        new = type(old)(old.data_folder)
        new.restoreGeometry(old.saveGeometry())
        if old.session is not None:
            old.session.adopt(new)
        new.show()
        old.close()

    def load_demo(self) -> None:
        """Fill an empty network with the 200-person demo (first-run offer)."""
        w = self.window
        try:
            from desktop.services.demo import build_demo
        except ImportError:
            w.app_actions.message(
                self.tr("Demo network"),
                self.tr("The demo network is not available in this version."),
            )
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        w.statusBar().showMessage(self.tr("Creating a demo network of 200 people…"))
        try:
            build_demo(people=200, seed=1)
        except Exception as exc:  # shown, never raised into the event loop
            w.app_actions.message(self.tr("Demo network"), str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        w.statusBar().showMessage(self.tr("Demo network ready: 200 people to explore."), 8000)
        w.show_view("today")

    def accepts_drop(self, event: QDragEnterEvent | QDropEvent) -> bool:
        """Whether ``event`` carries one importable file (the window's drag handlers ask)."""
        return dropped_file(event) is not None

    def drop(self, event: QDropEvent) -> bool:
        """Import the dropped file; False when the drop is not one importable file."""
        path = dropped_file(event)
        if path is None:
            return False
        event.acceptProposedAction()
        self.import_file(path)
        return True


def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    urls = [url for url in mime.urls() if url.isLocalFile()]
    if len(urls) != 1:
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMPORTABLE else None
