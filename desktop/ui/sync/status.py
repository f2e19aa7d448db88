"""A small status-bar widget: how sync is doing, in words, with "Sync now" and conflicts.

    window.statusBar().addPermanentWidget(SyncStatusWidget(controller, window))

``settings_requested`` and ``conflicts_requested`` let the main window open
Settings ▸ Sync and the Conflicts list; the widget itself never opens windows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.ui.sync.controller import SyncController


def describe(status: Any, running: bool, now: datetime | None = None) -> tuple[str, str]:
    """(short text, tooltip) for a SyncStatus — pure, so it is easy to test."""
    if not status.configured:
        return "Sync off", "Sync is not set up (Settings ▸ Sync)."
    if running:
        return "Syncing…", f"Syncing with {status.target}."
    waiting = f" · {status.pending} waiting" if status.pending else ""
    if status.last_error:
        return "Sync problem", status.last_error
    last = status.last_result or {}
    if last.get("refused") or last.get("stuck"):  # updates refused or stuck: say so
        warnings = [str(w) for w in last.get("warnings", [])][:3]
        return "Sync needs attention", " ".join(warnings) or "Some updates were refused."
    if not status.last_sync_at:
        return f"Not synced yet{waiting}", f"Syncing with {status.target}."
    when = datetime.fromisoformat(status.last_sync_at)
    minutes = int(((now or datetime.now()) - when).total_seconds() // 60)
    ago = "just now" if minutes < 1 else f"{minutes} min ago" if minutes < 60 else f"{when:%H:%M}"
    tip = f"Last synced with {status.target} at {when:%Y-%m-%d %H:%M}."
    if status.keyring_problem:
        tip += f" Note: {status.keyring_problem}."
    return f"Synced {ago}{waiting}", tip


class SyncStatusWidget(QWidget):
    settings_requested = Signal()
    conflicts_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.controller = controller
        self.label = QToolButton(self)
        self.label.setObjectName("syncStatusText")
        self.label.setAutoRaise(True)
        self.label.setAccessibleName(self.tr("Sync status"))
        self.label.clicked.connect(self.settings_requested)
        self.conflicts = QToolButton(self)
        self.conflicts.setObjectName("syncConflicts")
        self.conflicts.setAutoRaise(True)
        self.conflicts.setAccessibleName(self.tr("Sync conflicts"))
        self.conflicts.clicked.connect(self.conflicts_requested)
        self.conflicts.hide()
        self.now = QToolButton(self)
        self.now.setObjectName("syncNow")
        self.now.setText(self.tr("Sync now"))
        self.now.setAutoRaise(True)
        self.now.setAccessibleName(self.tr("Sync now"))
        self.now.clicked.connect(controller.sync_now)
        self.problem = QLabel(self)
        self.problem.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.now)
        controller.status_changed.connect(self.show_status)
        controller.started.connect(controller.refresh_status)
        controller.finished.connect(lambda _result: controller.refresh_status())
        controller.failed.connect(lambda _message: controller.refresh_status())
        controller.refresh_status()

    def show_status(self, status: Any) -> None:
        text, tip = describe(status, self.controller.is_running())
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.now.setVisible(status.configured)
        self.now.setEnabled(not self.controller.is_running())
        if status.unseen_conflicts:
            self.conflicts.setText(self.tr("%n conflict(s)", "", status.unseen_conflicts))
            self.conflicts.show()
        else:
            self.conflicts.hide()
