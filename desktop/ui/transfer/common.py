"""Shared pieces of the transfer dialogs: a background job, and hooks tests replace.

Modal steps (running a dialog, choosing a file, a message, a confirmation) go through
the module-level functions below so tests can drive them without a blocking ``exec()``.
Every dialog that is running is listed in :data:`open_dialogs`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
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


def error_text(exc: BaseException) -> str:
    """A service error as the user reads it: its message, never a traceback."""
    return str(exc) or type(exc).__name__


class Job(QObject):
    """Runs one callable on a thread of its own; results arrive on the GUI thread.

    ``fn`` receives a ``progress(stage, done, total)`` callback (the services' shape).
    The thread's own SQLite connection is closed when it ends.
    """

    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[Callable[[str, int, int], None]], Any], parent: QObject):
        super().__init__(parent)
        self._fn = fn
        self.running = False
        self._thread = threading.Thread(target=self._run, name="rapport-transfer", daemon=True)
        self.on_done: Callable[[Any], None] | None = None
        self.on_error: Callable[[str], None] | None = None
        self.on_progress: Callable[[str, int, int], None] | None = None
        # Bound methods of this GUI-thread object: emitted from the worker they queue.
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def _run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Exception as exc:  # shown to the user as a message
            self._emit(self.failed, error_text(exc))
        else:
            self._emit(self.succeeded, result)
        finally:
            from desktop.services import store

            store.close_thread_connection()

    def _progress(self, stage: str, done: int, total: int) -> None:
        self._emit(self.progressed, stage, done, total)

    def _emit(self, signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the dialog was closed and deleted meanwhile
            signal.emit(*args)

    def _deliver_result(self, result: Any) -> None:
        self.running = False
        if self.on_done is not None:
            self.on_done(result)

    def _deliver_error(self, message: str) -> None:
        self.running = False
        if self.on_error is not None:
            self.on_error(message)

    def _deliver_progress(self, stage: str, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(stage, done, total)

    def wait(self, timeout: float = 30.0) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)


def run_job(
    parent: QObject,
    fn: Callable[[Callable[[str, int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
    on_progress: Callable[[str, int, int], None] | None = None,
) -> Job:
    """Start ``fn`` in the background; the handlers run on the GUI thread."""
    job = Job(fn, parent)
    job.on_done, job.on_error, job.on_progress = on_done, on_error, on_progress
    job.start()
    return job


def stage_text(stage: str) -> str:
    """The words for a service's progress stage."""
    texts = {
        "reading": tr("Reading the file…"),
        "matching": tr("Matching people…"),
        "writing": tr("Writing…"),
        "indexing": tr("Updating the search index…"),
    }
    return texts.get(stage, tr("Working…"))
