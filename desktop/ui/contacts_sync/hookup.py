"""How the address book joins the main window, in one place: an "Address Book…" item in
the File menu, a status-bar line, the sync controller (timer and on demand) and Today's
entry refreshed after each sync. The window calls :func:`install` once, after start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from desktop.ui.contacts_sync.controller import ContactsSyncController


class AddressBookHookup(QObject):
    """The address book's part of the window; stops its worker when the window closes."""

    def __init__(self, window: Any, controller: ContactsSyncController) -> None:
        super().__init__(window)
        self.setObjectName("addressBookHookup")
        self.window = window
        window.installEventFilter(self)
        self.controller = controller
        self.action = QAction(window.tr("&Address Book…"), window)
        self.action.setObjectName("action_address_book")
        self.action.setStatusTip(window.tr("Keep Rapport and your phone's address book in step"))
        self.action.triggered.connect(self.show_settings)
        menu = window.findChild(QMenu, "menu_file")
        if menu is not None:
            after = window.actions_by_id.get("sync_conflicts")
            actions = menu.actions()
            index = actions.index(after) + 1 if after in actions else 0
            before = actions[index] if index < len(actions) else None
            menu.insertAction(before, self.action)
        self.label = QLabel(window)
        self.label.setObjectName("addressBookSyncStatus")
        self.label.setAccessibleName(window.tr("Address book sync status"))
        self.label.setVisible(False)
        window.statusBar().addPermanentWidget(self.label)
        controller.status_changed.connect(self._show)
        controller.finished.connect(lambda _result: self._refresh_today())

    def _show(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))

    def _refresh_today(self) -> None:
        today = getattr(self.window, "_built", {}).get("today")
        entry = getattr(today, "address_book", None)
        if entry is not None:
            entry.refresh()

    def show_settings(self) -> None:
        from desktop.ui.contacts_sync.settings_page import AddressBookDialog

        AddressBookDialog(self.controller, self.window).exec()

    def stop(self) -> None:
        self.controller.shutdown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False


def install(window: Any, *, start: bool = True) -> AddressBookHookup:
    """Add the address book to ``window``; ``start`` begins the timer (the real app)."""
    controller = ContactsSyncController(window.data_folder, window)
    hookup = AddressBookHookup(window, controller)
    window.address_book = hookup
    if start:
        controller.start()
    return hookup
