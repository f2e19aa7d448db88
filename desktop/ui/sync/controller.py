"""Runs sync in the background for the main window: network off the GUI thread, every
SQLite statement on it.

Rapport has one writer thread — the GUI thread — so a sync can never race the user's
own edits (and the journal's clock). A cycle therefore runs in a worker (a background
job); whenever it needs the database it hands a small function to the GUI thread and
waits for it (:class:`~desktop.ui.kit.background.WriterBridge`). Each received segment
is one short transaction there, so the window stays responsive while megabytes download.

Schedule (SYNC.md): a pull when started, a push a few seconds after edits, a cycle every
few minutes, and a last one on quit (bounded in time).

    controller = SyncController(window)
    controller.start()                     # after the store is open
    window.statusBar().addPermanentWidget(SyncStatusWidget(controller))
    ...
    controller.shutdown()                  # from closeEvent: last push, then stop
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot

from desktop.services import store
from desktop.ui.kit.background import Cancelled, Job, WriterBridge, run_writer_job

log = logging.getLogger(__name__)
PUSH_DELAY_MS = 5_000
INTERVAL_MS = 5 * 60_000
QUIT_TIMEOUT_MS = 15_000


class SyncController(QObject):
    """Owns the sync schedule and worker; the UI listens to its signals."""

    started = Signal()
    finished = Signal(object)  # CycleResult
    failed = Signal(str)  # a message for the user
    status_changed = Signal(object)  # services.sync.SyncStatus
    secrets_needed = Signal(list)  # e.g. ["passphrase", "password"] in session-only mode
    progress = Signal(str, int, int)  # what, done, total — long work in a cycle (joining)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        push_delay_ms: int = PUSH_DELAY_MS,
        interval_ms: int = INTERVAL_MS,
        policy: Any = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self._bridge = WriterBridge(self)
        self._jobs: list[Job] = []  # a cycle and a setup/test action at most
        self._running = False
        self._again = False
        self._started = False
        self._unsubscribe: Callable[[], None] | None = None
        self._push_timer = QTimer(self, singleShot=True, interval=push_delay_ms)
        self._push_timer.timeout.connect(self.sync_now)
        self._interval = QTimer(self, interval=interval_ms)
        self._interval.timeout.connect(self.sync_now)
        # why secrets_needed fired, in words, when it is not session-only mode (the
        # vault's key was changed on another device); None otherwise
        self.secrets_reason: str | None = None
        self._progress_dialog: Any = None  # QProgressDialog while a snapshot is loaded
        self.progress.connect(self._show_progress)

    # -- life cycle --------------------------------------------------------------------------
    def start(self) -> None:
        """Begin automatic sync: pull now, push after edits, and every few minutes."""
        if self._started:
            return
        self._started = True
        self._unsubscribe = store.subscribe(self._on_local_change)
        self._interval.start()
        self.refresh_status()
        if self._automatic():
            QTimer.singleShot(0, self.sync_now)

    def shutdown(self, *, final_sync: bool = True, timeout_ms: int = QUIT_TIMEOUT_MS) -> None:
        """On quit: one last cycle if there is something to push, bounded; then stop."""
        self._push_timer.stop()
        self._interval.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if final_sync and self._automatic() and self._pending() and not self._running:
            self.sync_now()
        if self._running:
            loop = QEventLoop()
            self.finished.connect(loop.quit)
            self.failed.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
        self._bridge.closing = True
        deadline = time.monotonic() + 2.0  # for every worker together
        for job in list(self._jobs):
            job.wait(max(0.0, deadline - time.monotonic()))
        self._started = False

    # -- state -------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._running

    def status(self) -> Any:
        from desktop.services.sync.status import status

        return status()

    @staticmethod
    def is_configured() -> bool:
        """Whether a vault is set up: a few settings rows, never a count of the outbox."""
        from desktop.sync import state

        return state.load_config() is not None

    def _status_if_configured(self) -> Any:
        """The status, without counting pending changes when sync is off.

        Counting them reads the whole change log (~0.4 s at 10,000 people), on the GUI
        thread, at start-up and after every edit; "Sync off" never shows the count.
        """
        if not self.is_configured():
            from desktop.services.sync.status import SyncStatus

            return SyncStatus(configured=False)
        return self.status()

    def refresh_status(self) -> None:
        try:
            self.status_changed.emit(self._status_if_configured())
        except Exception:  # the store may be closing; the next refresh will tell
            log.debug("sync status unavailable", exc_info=True)

    def _automatic(self) -> bool:
        if not self.is_configured():
            return False
        status = self.status()
        return status.configured and status.automatic

    def _pending(self) -> bool:
        return self.status().pending > 0

    def _on_local_change(self, changes: frozenset[tuple[str, str]]) -> None:
        if self._bridge.busy or not self._started:
            return  # a pull announcing what it received: nothing to push
        if self._automatic():
            self._push_timer.start()  # (re)start: one push a few seconds after the last edit

    # -- running things off the GUI thread ---------------------------------------------------------
    def run_in_background(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run ``fn(run_db=…)`` in the worker; results come back on the GUI thread.

        For the settings dialog: test connection, create, join, change passphrase, unlock.
        """
        run_writer_job(
            self,
            self._bridge,
            self._jobs,
            fn,
            on_done,
            on_error,
            name="rapport-sync",
            after=self.refresh_status,
        )

    @Slot()
    def sync_now(self) -> None:
        """Start a cycle now (or right after the running one)."""
        from desktop.services.sync.cycle import sync_now
        from desktop.services.sync.secrets import missing_secrets

        if self._running:
            self._again = True
            return
        if not self.is_configured():
            return
        status = self.status()
        missing = missing_secrets()
        if missing:
            self.secrets_reason = None
            self.secrets_needed.emit(missing)
            return
        self._running = True
        self._again = False
        self.started.emit()
        self.status_changed.emit(status)
        self.run_in_background(
            lambda run_db: sync_now(
                run_db=run_db, policy=self.policy, progress=self._report_progress
            ),
            self._cycle_done,
            self._cycle_failed,
        )

    def _report_progress(self, what: str, done: int, total: int) -> None:
        """From the worker (downloading) or from inside a database step on the GUI thread
        (loading the data: the event loop is blocked for the whole transaction, so the
        dialog is painted directly)."""
        if threading.current_thread() is threading.main_thread():
            self._show_progress(what, done, total)
            if self._progress_dialog is not None:
                self._progress_dialog.repaint()
        else:
            self.progress.emit(what, done, total)

    @Slot(str, int, int)
    def _show_progress(self, what: str, done: int, total: int) -> None:
        from PySide6.QtWidgets import QApplication, QProgressDialog

        dialog = self._progress_dialog
        if dialog is None:
            # Not modal on purpose: a modal QProgressDialog runs the event loop in
            # setValue(), which must not happen inside a database transaction.
            dialog = QProgressDialog(QApplication.activeWindow())
            dialog.setObjectName("syncProgress")
            dialog.setWindowTitle(self.tr("First sync"))
            dialog.setCancelButton(None)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            self._progress_dialog = dialog
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        dialog.setLabelText(
            self.tr("%1… (%2 of %3)")
            .replace("%1", what)
            .replace("%2", f"{done:,}")
            .replace("%3", f"{total:,}")
        )
        dialog.show()

    def _close_progress(self) -> None:
        if self._progress_dialog is not None:
            self._progress_dialog.close()
            self._progress_dialog.deleteLater()
            self._progress_dialog = None

    def _cycle_done(self, result: Any) -> None:
        self._close_progress()
        self._running = False
        self.finished.emit(result)
        self._maybe_again()

    def _cycle_failed(self, error: BaseException) -> None:
        from desktop.sync.errors import NeedsSecret, PassphraseOnce, SyncError

        self._close_progress()
        self._running = False
        if isinstance(error, Cancelled):
            return
        if isinstance(error, NeedsSecret):
            self.secrets_reason = str(error) if isinstance(error, PassphraseOnce) else None
            self.secrets_needed.emit([error.what])
        message = str(error) if isinstance(error, SyncError) else f"Sync failed: {error!r}"
        if not isinstance(error, SyncError):
            log.error("sync cycle failed", exc_info=error)
        self.failed.emit(message)
        self._maybe_again()

    def _maybe_again(self) -> None:
        if self._again and self._started:
            self._again = False
            QTimer.singleShot(0, self.sync_now)
