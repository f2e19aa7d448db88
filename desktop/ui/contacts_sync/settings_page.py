"""Settings ▸ Address book: the CardDAV account (server, user, app password), which
address book, which people travel, sync now, and the status.

The password goes from the field to the OS keyring (through the service) and nowhere
else: it is never written to QSettings and the field is emptied once it is kept.
Finding the books and connecting reach the network, so they run off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.contacts_sync.controller import ContactsSyncController

SCOPE_LABELS = (
    ("all", "Everyone"),
    ("circles", "People in these circles"),
    ("tags", "People with these tags"),
)


class AddressBookDialog(QDialog):
    def __init__(self, controller: ContactsSyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("addressBookDialog")
        self.setWindowTitle(self.tr("Address Book"))
        self.books: list[Any] = []
        self.busy = False
        current = controller.status()

        self.server = QLineEdit(current.server if current.configured else "")
        self.server.setObjectName("addressBookServer")
        self.server.setPlaceholderText(self.tr("e.g. cloud.example.com or https://…/dav/"))
        self.server.setAccessibleName(self.tr("Address book server"))
        self.user = QLineEdit(current.user)
        self.user.setObjectName("addressBookUser")
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setObjectName("addressBookPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("App password"))
        if current.configured:
            self.password.setPlaceholderText(self.tr("kept in the system keyring"))
        self.find = QPushButton(self.tr("&Find Address Books"))
        self.find.setObjectName("addressBookFind")
        self.find.clicked.connect(self.find_books)
        self.choice = QComboBox()
        self.choice.setObjectName("addressBookChoice")
        self.choice.setAccessibleName(self.tr("Address book to use"))
        if current.configured:
            self.choice.addItem(current.book or current.book_url, current.book_url)
        self.scope = QComboBox()
        self.scope.setObjectName("addressBookScope")
        self.scope.setAccessibleName(self.tr("Which people travel"))
        for code, text in SCOPE_LABELS:
            self.scope.addItem(self.tr(text), code)
        self.scope.setCurrentIndex(max(0, self.scope.findData(current.scope)))
        self.scope_values = QLineEdit(", ".join(current.scope_values))
        self.scope_values.setObjectName("addressBookScopeValues")
        self.scope_values.setAccessibleName(self.tr("Circles or tags, separated by commas"))
        self.scope_values.setPlaceholderText(self.tr("e.g. inner, close — or a tag such as work"))
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self._scope_changed()
        self.remove_deleted = QCheckBox(
            self.tr("When I delete someone here, also remove them from the address book")
        )
        self.remove_deleted.setObjectName("addressBookRemoveDeleted")
        self.remove_deleted.setChecked(current.remove_deleted)
        self.status = QLabel()
        self.status.setObjectName("addressBookStatus")
        self.status.setAccessibleName(self.tr("Address book status"))
        self.status.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("addressBookResult")
        self.result.setAccessibleName(self.tr("Last sync's result"))
        self.result.setWordWrap(True)
        # The answer to what the user just did (a problem, the books found) has its own
        # line: the status line is rewritten after every background step, which used to
        # wipe "refused the user name or password" as soon as it was shown.
        self.message = QLabel()
        self.message.setObjectName("addressBookMessage")
        self.message.setAccessibleName(self.tr("What happened"))
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        never = QLabel(
            self.tr(
                "What travels: names, nickname, organization, title, emails, phones, "
                "addresses, web sites, birthdays and other dates, photo. What never does: "
                "trust, promises, conversations, circles, notes, and anything you marked "
                "as told in confidence."
            )
        )
        never.setWordWrap(True)

        self.connect_button = QPushButton(self.tr("&Connect"))
        self.connect_button.setObjectName("addressBookSave")
        self.connect_button.clicked.connect(self.save)
        self.sync_button = QPushButton(self.tr("&Sync Now"))
        self.sync_button.setObjectName("addressBookSyncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.forget_button = QPushButton(self.tr("S&top Syncing…"))
        self.forget_button.setObjectName("addressBookForget")
        self.forget_button.clicked.connect(self.forget)

        books = QHBoxLayout()
        books.addWidget(self.choice, 1)
        books.addWidget(self.find)
        form = QFormLayout()
        form.addRow(self.tr("Se&rver:"), self.server)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("App &password:"), self.password)
        book_label = QLabel(self.tr("Address &book:"))
        book_label.setBuddy(self.choice)
        form.addRow(book_label, books)
        form.addRow(self.tr("&Who travels:"), self.scope)
        form.addRow("", self.scope_values)
        form.addRow(self.remove_deleted)
        actions = QHBoxLayout()
        actions.addWidget(self.connect_button)
        actions.addWidget(self.sync_button)
        actions.addStretch(1)
        actions.addWidget(self.forget_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(never)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(self.result)
        layout.addWidget(close)
        controller.status_changed.connect(self._show_status)
        controller.failed.connect(self._show_problem)
        controller.finished.connect(self._synced)
        self._update_buttons()
        controller.refresh_status()

    # -- helpers ---------------------------------------------------------------------------
    def _scope_changed(self) -> None:
        self.scope_values.setEnabled(self.scope.currentData() != "all")

    def _update_buttons(self) -> None:
        configured = self.controller.status().configured
        self.sync_button.setEnabled(configured and not self.busy)
        self.forget_button.setEnabled(configured and not self.busy)
        self.find.setEnabled(not self.busy)
        self.connect_button.setEnabled(not self.busy)

    def _show_status(self, text: str) -> None:
        self.status.setText(text or self.tr("Not connected to an address book."))

    def _show_problem(self, text: str) -> None:
        self.busy = False
        self._update_buttons()
        self._say(text)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _clear_problem(self) -> None:
        self._say("")

    def _synced(self, result: Any) -> None:
        self._clear_problem()
        self.result.setText(
            self.tr("Synced: %1 new, %2 updated, %3 uploaded, %4 conflicts.")
            .replace("%1", str(result.created))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.uploaded))
            .replace("%4", str(result.conflicts))
        )

    def _typed_password(self) -> str | None:
        text = self.password.text()
        if text:
            return text
        from desktop.services.contacts_sync.account import password

        return password(self.controller.folder)

    # -- actions ---------------------------------------------------------------------------
    def find_books(self) -> None:
        from desktop.services.contacts_sync.account import find_books

        url, user, secret = self.server.text().strip(), self.user.text().strip(), None
        secret = self._typed_password()
        if not url or not user or not secret:
            self._show_problem(self.tr("Type the server, your user name and the app password."))
            return
        self.busy = True
        self._update_buttons()
        self._clear_problem()
        self.status.setText(self.tr("Looking for your address books…"))
        policy = self.controller.policy
        self.controller.run_in_background(
            lambda run_db: find_books(url, user, secret, policy),
            self._found,
            lambda error: self._show_problem(str(error)),
        )

    def _found(self, books: list[Any]) -> None:
        self.busy = False
        self.books = books
        self.choice.clear()
        for book in books:
            self.choice.addItem(book.name or book.url, book.url)
        self._update_buttons()
        self._say(
            self.tr("Found %1 address book(s). Choose one and connect.").replace(
                "%1", str(len(books))
            )
            if books
            else self.tr("This account has no address book.")
        )

    def save(self) -> None:
        """Keep the choices; connect (in the background) when the account or book changed."""
        from desktop.services.contacts_sync.account import configure, set_up

        folder = self.controller.folder
        scope = self.scope.currentData()
        values = [v.strip() for v in self.scope_values.text().split(",") if v.strip()]
        current = self.controller.status()
        url, user = self.server.text().strip(), self.user.text().strip()
        book = self.choice.currentData()
        secret = self._typed_password()
        changed = (
            not current.configured
            or url != current.server
            or user != current.user
            or (book and book != current.book_url)
            or bool(self.password.text())
        )
        if not changed:
            configure(
                scope=scope,
                values=values,
                remove_deleted=self.remove_deleted.isChecked(),
                folder=folder,
            )
            self.controller.sync_now()
            return
        if not url or not user or not secret:
            self._show_problem(self.tr("Type the server, your user name and the app password."))
            return
        self.busy = True
        self._update_buttons()
        self._clear_problem()
        self.status.setText(self.tr("Connecting…"))
        policy = self.controller.policy
        remove = self.remove_deleted.isChecked()

        def work(run_db: Any) -> Any:
            account = set_up(url, user, secret, book or None, policy=policy, folder=folder)
            configure(scope=scope, values=values, remove_deleted=remove, folder=folder)
            return account

        self.controller.run_in_background(work, self._connected, self._failed_to_connect)

    def _connected(self, account: Any) -> None:
        self.busy = False
        self.password.clear()
        self.password.setPlaceholderText(self.tr("kept in the system keyring"))
        self.choice.clear()
        self.choice.addItem(account.book_name or account.book_url, account.book_url)
        self._update_buttons()
        self.controller.sync_now()

    def _failed_to_connect(self, error: BaseException) -> None:
        self._show_problem(str(error))

    def sync_now(self) -> None:
        self.controller.sync_now()

    def forget(self) -> None:
        from desktop.services.contacts_sync.account import forget

        answer = QMessageBox.question(
            self,
            self.tr("Stop Syncing the Address Book"),
            self.tr(
                "Stop syncing with this address book? Its password is removed from the "
                "keyring. Nobody is deleted, here or in the address book."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        forget(self.controller.folder)
        self.choice.clear()
        self.password.setPlaceholderText("")
        self._update_buttons()
        self.controller.refresh_status()
