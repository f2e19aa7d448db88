"""Today's address-book entry: people new from the address book ("add some context"),
and people whose card was deleted on the phone (kept here). Hidden when there are none.

It reads the contacts-sync state (a small file) and the names of the few people in it,
so it refreshes on the GUI thread without a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.kit.style import SPACING, scaled_font

ID_ROLE = Qt.ItemDataRole.UserRole


class AddressBookEntry(QWidget):
    openPersonRequested = Signal(str)

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayAddressBook")
        self.folder = folder
        self.heading = QLabel(self.tr("From your address book"), self)
        self.heading.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.people = QListWidget(self)
        self.people.setObjectName("todayAddressBookPeople")
        self.people.setAccessibleName(self.tr("From your address book"))
        self.people.itemActivated.connect(self._open)
        self.heading.setBuddy(self.people)
        self.dismiss = QPushButton(self.tr("&Seen"), self)
        self.dismiss.setObjectName("todayAddressBookSeen")
        self.dismiss.setAccessibleName(self.tr("Seen: remove from this list"))
        self.dismiss.clicked.connect(self._dismiss)
        row = QHBoxLayout()
        row.addWidget(self.people, 1)
        row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        self.setVisible(False)

    def refresh(self) -> None:
        from desktop.services.contacts_sync import account

        try:
            new = account.new_from_address_book(self.folder)
            gone = account.no_longer_in_address_book(self.folder)
        except OSError:
            new, gone = [], []
        self.people.clear()
        for pid, name, text in [
            *((p, n, self.tr("new from your address book")) for p, n in new),
            *((p, n, self.tr("no longer in your address book")) for p, n in gone),
        ]:
            item = QListWidgetItem(f"{name} — {text}")
            item.setData(ID_ROLE, pid)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)
            rows = min(self.people.count(), 5)  # as tall as its lines, up to five
            frame = 2 * self.people.frameWidth()
            self.people.setFixedHeight(rows * self.people.sizeHintForRow(0) + frame + 2)
        self.setVisible(self.people.count() > 0)

    def _open(self, item: QListWidgetItem) -> None:
        self.openPersonRequested.emit(item.data(ID_ROLE))

    def _dismiss(self) -> None:
        from desktop.services.contacts_sync import account

        item = self.people.currentItem()
        if item is None:
            return
        account.dismiss(item.data(ID_ROLE), self.folder)
        self.refresh()
