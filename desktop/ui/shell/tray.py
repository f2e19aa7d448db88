"""The system-tray icon: capture a note, or open Rapport, from anywhere.

Where the platform has no tray (many GNOME setups, offscreen tests) there is simply no
icon: :func:`install_tray` returns None and everything else works as before. A click
on the icon captures a note — the moment the tray exists for (on macOS, where a click opens the
menu, it is the menu's first entry); the menu also opens the main window.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from desktop import APP_NAME, paths


def _tr(text: str) -> str:
    return QCoreApplication.translate("tray", text)


def install_tray(
    app: QApplication,
    *,
    open_main: Callable[[], None],
    open_capture: Callable[[], None],
) -> QSystemTrayIcon | None:
    """Show a tray icon with "Capture a note" and "Open Rapport"; None without a tray.

    The icon and its menu belong to ``app`` (they live until it quits); keep the returned
    object if you want to hide it earlier.
    """
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = app.windowIcon()
    if icon.isNull():
        icon = QIcon(str(paths.resource("icons", "app.svg")))
    tray = QSystemTrayIcon(icon, app)
    tray.setObjectName("rapportTray")
    tray.setToolTip(APP_NAME)
    menu = QMenu()
    menu.setObjectName("rapportTrayMenu")
    capture = _action(menu, _tr("&Capture a Note…"), "trayCapture", open_capture)
    main = _action(menu, _tr("&Open Rapport"), "trayOpen", open_main)
    menu.addAction(capture)
    menu.addAction(main)
    menu.addSeparator()
    menu.addAction(_action(menu, _tr("&Quit"), "trayQuit", app.quit))
    tray.setContextMenu(menu)
    tray.setProperty("rapportMenu", menu)  # the menu has no parent: keep it alive with the icon

    def activated(reason: QSystemTrayIcon.ActivationReason) -> None:
        # On macOS a click opens the menu itself; elsewhere a click captures a note.
        if reason == QSystemTrayIcon.ActivationReason.Trigger and sys.platform != "darwin":
            open_capture()

    tray.activated.connect(activated)
    tray.show()
    return tray


def _action(parent: QObject, text: str, name: str, slot: Callable[[], None]) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    return action
