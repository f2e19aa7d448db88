"""Shared pieces of the transfer dialogs: the modal steps tests replace, and stage words.

Modal steps (running a dialog, choosing a file, a message, a confirmation) go through
the module-level functions below so tests can drive them without a blocking ``exec()``.
Every dialog that is running is listed in :data:`open_dialogs`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

#: Dialogs currently running (tests reach them here).
open_dialogs: list[QDialog] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("transfer", text)


def exec_dialog(dialog: QDialog) -> int:
    """Run ``dialog`` modally; returns its result code."""
    open_dialogs.append(dialog)
    try:
        return dialog.exec()
    finally:
        if dialog in open_dialogs:
            open_dialogs.remove(dialog)


def show_message(parent: QWidget | None, title: str, text: str, *, error: bool = False) -> None:
    if error:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose_open_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(name) if name else None


def choose_save_file(
    parent: QWidget | None, title: str, suggested: str, filters: str
) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(name) if name else None


def choose_folder(parent: QWidget | None, title: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None


def stage_text(stage: str) -> str:
    """The words for a service's progress stage."""
    texts = {
        "reading": tr("Reading the file…"),
        "matching": tr("Matching people…"),
        "writing": tr("Writing…"),
        "indexing": tr("Updating the search index…"),
    }
    return texts.get(stage, tr("Working…"))
