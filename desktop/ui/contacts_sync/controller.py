"""Runs address-book sync for the window: on a timer and on demand, the network off the
GUI thread and the one database step (the merge) on it, through the writer bridge —
the same threading rule as device sync (:mod:`desktop.ui.sync.controller`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.ui.kit.background import Cancelled, Job, WriterBridge, run_writer_job

log = logging.getLogger(__name__)
INTERVAL_MS = 15 * 60_000
FIRST_DELAY_MS = 20_000


class ContactsSyncController(QObject):
    """Owns the address book's schedule and its worker; the UI listens to the signals."""

    started = Signal()
    finished = Signal(object)  # engine.SyncResult
    failed = Signal(str)  # a message for the user
    status_changed = Signal(str)  # one line for the status bar

    def __init__(
        self,
        folder: Path,
        parent: QObject | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
        policy: Any = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.policy = policy
        self._bridge = WriterBridge(self)
        self._jobs: list[Job] = []
        self._running = False
        self._again = False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self.last_message = ""

    # -- life cycle --------------------------------------------------------------------------
    def start(self, first_delay_ms: int = FIRST_DELAY_MS) -> None:
        """Sync a little after start and then every quarter of an hour (when set up)."""
        self._timer.start()
        self.refresh_status()
        if self.status().configured:
            QTimer.singleShot(first_delay_ms, self.sync_now)

    def shutdown(self) -> None:
        self._timer.stop()
        self._bridge.closing = True
        for job in list(self._jobs):
            job.wait(2.0)

    def is_running(self) -> bool:
        return self._running

    def status(self) -> Any:
        from desktop.services.contacts_sync.account import status

        return status(self.folder, check_keyring=False)

    def refresh_status(self) -> None:
        try:
            current = self.status()
        except OSError as exc:
            self.status_changed.emit(self.tr("Address book: %1").replace("%1", str(exc)))
            return
        if not current.configured:
            text = ""
        elif self._running:
            text = self.tr("Address book: syncing…")
        elif current.last_error:
            text = self.tr("Address book: problem — %1").replace("%1", current.last_error)
        elif current.last_sync:
            text = self.tr("Address book: synced at %1").replace(
                "%1", current.last_sync.partition("T")[2][:5]
            )
        else:
            text = self.tr("Address book: not synced yet")
        self.last_message = text
        self.status_changed.emit(text)

    # -- running things off the GUI thread ---------------------------------------------------
    def run_in_background(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run ``fn(run_db=…)`` in a worker; the handlers run on the GUI thread."""
        run_writer_job(
            self,
            self._bridge,
            self._jobs,
            fn,
            on_done,
            on_error,
            name="rapport-contacts",
            after=self.refresh_status,
        )

    @Slot()
    def sync_now(self) -> None:
        """Start a sync now (or right after the running one)."""
        from desktop.services.contacts_sync.account import sync_now

        if self._running:
            self._again = True
            return
        if not self.status().configured:
            return
        self._running = True
        self._again = False
        self.started.emit()
        self.refresh_status()
        folder, policy = self.folder, self.policy
        self.run_in_background(
            lambda run_db: sync_now(folder=folder, policy=policy, run_db=run_db),
            self._done,
            self._failed,
        )

    def _done(self, result: Any) -> None:
        self._running = False
        self.finished.emit(result)
        self._maybe_again()

    def _failed(self, error: BaseException) -> None:
        from desktop.sync.errors import SyncError

        self._running = False
        if isinstance(error, Cancelled):
            return
        if not isinstance(error, SyncError):
            log.error("address book sync failed", exc_info=error)
        message = (
            str(error)
            if isinstance(error, SyncError | OSError | ValueError)
            else (self.tr("Address book sync failed: %1").replace("%1", repr(error)))
        )
        self.failed.emit(message)
        self._maybe_again()

    def _maybe_again(self) -> None:
        self.refresh_status()
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.sync_now)
