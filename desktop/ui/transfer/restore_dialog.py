"""File ▸ Restore from backup…: pick a backup, confirm, and the data becomes that copy.

The service backs the current data up first, so a restore can itself be undone by
restoring the "before-restore" copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import backups
from desktop.services.backups import BackupInfo
from desktop.ui.kit.background import error_text
from desktop.ui.transfer import common
from desktop.ui.transfer.common import tr


def _count(value: int | None) -> str:
    return "?" if value is None else str(value)


def _reason(reason: str) -> str:
    texts = {
        "auto": tr("automatic"),
        "manual": tr("made by you"),
        "before-import": tr("before an import"),
        "before-merge": tr("before a merge"),
        "before-restore": tr("before a restore"),
    }
    return texts.get(reason, reason.replace("-", " "))


class RestoreDialog(QDialog):
    """The backups, newest first; Restore is enabled for a readable one."""

    def __init__(self, items: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(tr("Restore from backup"))
        self.setAccessibleName(tr("Restore from backup"))
        self.setModal(True)
        self.setMinimumSize(560, 340)
        self.items = items
        self.table = QTableWidget(len(items), 4, self)
        self.table.setObjectName("backupTable")
        self.table.setAccessibleName(tr("Backups"))
        self.table.setHorizontalHeaderLabels(
            [tr("Date"), tr("Why"), tr("People"), tr("Conversations")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(items):
            why = _reason(info.reason) + (f" ({info.problem})" if info.problem else "")
            cells = (
                info.created.strftime("%Y-%m-%d %H:%M"),
                why,
                _count(info.people),
                _count(info.conversations),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.accept_if_ready())
        intro = QLabel(
            tr(
                "Restoring replaces all current data with the chosen copy. "
                "The current data is backed up first."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setAccessibleName(tr("Restore"))
        self.buttons.accepted.connect(self.accept_if_ready)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        if items:
            self.table.selectRow(0)
        self._selection_changed()

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = self.items[rows[0].row()]
        return None if info.problem else info

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def accept_if_ready(self) -> None:
        if self.chosen() is not None:
            self.accept()


def restore_from_backup(parent: QWidget, data_folder: Path) -> bool:
    """Let the user pick a backup and restore it; True when the data was replaced."""
    try:
        items = backups.list_backups(data_folder)
    except Exception as exc:
        common.show_message(parent, tr("Restore from backup"), error_text(exc), error=True)
        return False
    if not items:
        common.show_message(parent, tr("Restore from backup"), tr("There are no backups yet."))
        return False
    dialog = RestoreDialog(items, parent)
    try:
        accepted = common.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        info = dialog.chosen()
    finally:
        dialog.deleteLater()
    if not accepted or info is None:
        return False
    question = tr(
        "Replace all current data with the backup of {0} ({1} people)? "
        "The current data is backed up first."
    ).format(info.created.strftime("%Y-%m-%d %H:%M"), _count(info.people))
    if not common.confirm(parent, tr("Restore from backup"), question):
        return False
    try:
        backups.restore_backup(data_folder, info.name, confirmed=True)
    except Exception as exc:
        common.show_message(parent, tr("Restore from backup"), error_text(exc), error=True)
        return False
    return True
