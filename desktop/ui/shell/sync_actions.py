"""What the main window's sync actions do: start and stop automatic sync, sync now,
the settings and conflicts dialogs.

Composed into :class:`~desktop.ui.shell.main_window.MainWindow` (as ``sync_actions``).
The sync UI (:mod:`desktop.ui.sync`) is imported on first use: tests and a window
without a configured vault never load it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.ui.shell.window_part import WindowPart

if TYPE_CHECKING:
    from desktop.ui.sync.controller import SyncController


class SyncActions(WindowPart):
    """Owns the window's sync controller, created on first use (tests never start one)."""

    _controller: SyncController | None = None  # built on first use

    def controller(self) -> SyncController:
        if self._controller is None:
            from desktop.ui.sync.controller import SyncController

            self._controller = SyncController(self.window)
        return self._controller

    def start(self) -> None:
        """Start automatic sync and show its status in the status bar (real app only)."""
        from desktop.ui.sync.settings_dialog import ask_for_secrets
        from desktop.ui.sync.status import SyncStatusWidget

        w = self.window
        controller = self.controller()
        status = SyncStatusWidget(controller, w)
        status.setObjectName("syncStatus")
        status.settings_requested.connect(self.show_settings)
        status.conflicts_requested.connect(self.show_conflicts)
        w.statusBar().addPermanentWidget(status)
        controller.secrets_needed.connect(lambda missing: ask_for_secrets(controller, missing, w))
        controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.shutdown()

    def sync_now(self) -> None:
        from desktop.ui.sync.controller import SyncController

        if not SyncController.is_configured():
            self.show_settings()
            return
        self.controller().sync_now()

    def show_settings(self) -> None:
        from desktop.ui.sync.settings_dialog import SyncSettingsDialog

        SyncSettingsDialog(self.controller(), self.window).exec()

    def show_conflicts(self) -> None:
        from desktop.ui.sync.conflicts import ConflictsDialog

        ConflictsDialog(self.window).exec()
