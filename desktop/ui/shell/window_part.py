"""The base of the main window's composed action objects (edit, file, sync, app).

Each is a plain QObject owned by the window and holding it, so its slots can be
connected to the window's actions and it can reach the pages it acts on — the
composition :class:`~desktop.ui.people.history_actions.HistoryActions` started.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow


class WindowPart(QObject):
    """One group of the main window's actions, composed into it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
