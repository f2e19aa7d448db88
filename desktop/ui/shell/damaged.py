"""When the database is damaged at start: say so, save what can be read, offer a backup.

Nothing is written to the damaged file: "Export What Can Be Read…" opens it read-only
and saves every list that still reads as JSON; "Restore Backup" puts the newest backup
that passes SQLite's check in its place (after keeping the damaged file as a backup too),
and Rapport then starts on it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop import APP_NAME


class DamagedDatabaseDialog(QMessageBox):
    """The choices for a damaged database; each action is a method so tests can run it."""

    def __init__(
        self,
        folder: Path,
        problem: str,
        good_backup: str | None,
        *,
        in_use: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QMessageBox.Icon.Critical, APP_NAME, "", parent=parent)
        self.setObjectName("damagedDatabase")
        self.folder = folder
        self.good_backup = good_backup
        self.in_use = in_use  # found while the app runs: the open connection is read-only
        self.setText(self.tr("Rapport's database is damaged"))
        restore = (
            self.tr("The newest good backup is %1.").replace("%1", good_backup)
            if good_backup
            else self.tr("No good backup was found in the data folder's backups.")
        )
        self.setInformativeText(
            f"{problem}\n\n"
            + (
                self.tr("Rapport is now read-only, so the damage cannot spread. ")
                if in_use
                else self.tr("Nothing was changed. ")
            )
            + self.tr("You can save what can still be read to a file first, then restore a backup.")
            + f" {restore}"
        )
        self.export_button = self.addButton(
            self.tr("Export What Can Be Read…"), QMessageBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("damagedExport")
        self.restore_button = None
        if good_backup:
            self.restore_button = self.addButton(
                self.tr("Restore Newest Good Backup"), QMessageBox.ButtonRole.AcceptRole
            )
            self.restore_button.setToolTip(good_backup)
            self.restore_button.setObjectName("damagedRestore")
        self.close_button = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.export_button)

    def export_to(self, output: Path) -> str:
        """Save what can be read to ``output``; the sentence to show the user."""
        from desktop.services.salvage import SalvageError, export_readable

        try:
            saved = export_readable(self.folder, output, already_open=self.in_use)
        except SalvageError as exc:
            return self.tr("Nothing could be saved: %1").replace("%1", str(exc))
        text = self.tr("Saved %n people to %1.", "", saved.people).replace("%1", str(saved.path))
        if saved.unreadable:
            text += " " + self.tr("Missing or incomplete (damaged): %1.").replace(
                "%1", ", ".join(saved.unreadable)
            )
        return text

    def restore(self) -> str | None:
        """Put the newest good backup in place; None when it worked, else the problem."""
        from desktop.services.backups import BackupError, restore_backup

        assert self.good_backup
        try:
            restore_backup(self.folder, self.good_backup, confirmed=True)
        except (BackupError, OSError) as exc:
            return str(exc)
        return None


def recover(folder: Path, problem: str, parent: QWidget | None = None) -> bool:
    """Show why the data folder cannot open; for a damaged file offer export and restore.

    True when a backup was restored and the store now opens (start the app), else False.
    """
    from desktop.services.salvage import diagnose

    damage = diagnose(folder)
    if not damage.damaged:
        QMessageBox.critical(parent, APP_NAME, problem)
        return False
    return run_choices(DamagedDatabaseDialog(folder, problem, damage.good_backup))


def run_choices(dialog: DamagedDatabaseDialog) -> bool:
    """Show the dialog until the user closes it or a restore worked (True)."""
    while True:
        dialog.exec()
        clicked = dialog.clickedButton()
        if clicked is dialog.export_button:
            name, _ = QFileDialog.getSaveFileName(
                dialog,
                dialog.tr("Export What Can Be Read"),
                str(Path.home() / "rapport-rescued.json"),
                dialog.tr("Rapport JSON (*.json)"),
            )
            if name:
                QMessageBox.information(dialog, APP_NAME, dialog.export_to(Path(name)))
            continue
        if dialog.restore_button is not None and clicked is dialog.restore_button:
            failed = dialog.restore()
            if failed is None:
                return True
            QMessageBox.critical(dialog, APP_NAME, failed)
            continue
        return False
