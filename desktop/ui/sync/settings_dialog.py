"""Settings ▸ Sync: choose where the vault lives, test it, create or join a vault; then
status, devices, Sync now, automatic sync, Change passphrase, Remove lost device and
Forget this device.

Everything that touches the network runs through the :class:`SyncController`'s worker;
the dialog only enables and disables itself and shows what happened, in words.

    SyncSettingsDialog(controller, window).exec()
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.sync.controller import SyncController
from desktop.ui.sync.passphrase import (
    ChangePassphraseDialog,
    NewPassphraseDialog,
    PassphraseDialog,
    RemoveDeviceDialog,
    UnlockDialog,
)
from desktop.ui.sync.status import describe

KINDS = (
    ("folder", "A synced folder"),
    ("webdav", "WebDAV (Nextcloud, ownCloud…)"),
    ("s3", "S3-compatible"),
)


def _line(name: str, placeholder: str = "", secret: bool = False) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _SetupPage(QWidget):
    """Target choice and credentials."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("targetKind")
        self.kind.setAccessibleName("Where to keep the vault")
        for code, text in KINDS:
            self.kind.addItem(text, code)
        self.folder = _line("folderPath", "e.g. ~/Sync/Rapport (a Syncthing or Dropbox folder)")
        browse = QPushButton("Choose…")
        browse.setObjectName("chooseFolder")
        browse.clicked.connect(self._choose_folder)
        self.url = _line("webdavUrl", "https://cloud.example.com/remote.php/dav/files/me/Rapport/")
        self.user = _line("webdavUser")
        self.password = _line("webdavPassword", "an app password", secret=True)
        self.endpoint = _line("s3Endpoint", "https://s3.eu-central-1.amazonaws.com")
        self.region = _line("s3Region", "us-east-1")
        self.bucket = _line("s3Bucket")
        self.prefix = _line("s3Prefix", "rapport")
        self.access_key = _line("s3AccessKey")
        self.secret_key = _line("s3SecretKey", secret=True)
        self.device_name = _line("deviceName")
        self.pages = QStackedWidget()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(browse)
        rows: list[list[tuple[str, Any]]] = [
            [("&Folder:", folder_row)],
            [("&Address:", self.url), ("&User:", self.user), ("App &password:", self.password)],
            [
                ("&Endpoint:", self.endpoint),
                ("&Region:", self.region),
                ("&Bucket:", self.bucket),
                ("Pre&fix:", self.prefix),
                ("Access &key id:", self.access_key),
                ("&Secret key:", self.secret_key),
            ],
        ]
        labels: list[QLabel] = []

        def labelled(text: str, buddy: QWidget) -> QLabel:
            # A label with a buddy turns "&Folder:" into an underlined F (Alt+F), never
            # a literal ampersand, even when the field sits in a row with a button.
            label = QLabel(text)
            label.setBuddy(buddy)
            labels.append(label)
            return label

        forms: list[QFormLayout] = []
        for page_rows in rows:
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            forms.append(form)
            for label, widget in page_rows:
                field = widget if isinstance(widget, QWidget) else self.folder
                field.setAccessibleName(label.replace("&", "").rstrip(":"))
                form.addRow(labelled(label, field), widget)
            self.pages.addWidget(page)
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        forms.append(layout)
        layout.addRow(labelled("&Keep the vault in:", self.kind), self.kind)
        layout.addRow(self.pages)
        layout.addRow(labelled("This &device's name:", self.device_name), self.device_name)
        self.device_name.setAccessibleName("This device's name")
        # One label column for the outer form and every page's form, so fields line up.
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        for form in forms:
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose the synced folder")
        if folder:
            self.folder.setText(folder)

    def target(self) -> Any:
        """The typed target (raises ValueError with a message that says what to fix)."""
        from desktop.sync.targets import parse_target

        kind = self.kind.currentData()
        if kind == "folder":
            return parse_target(self.folder.text())
        if kind == "webdav":
            return parse_target(self.url.text(), user=self.user.text().strip())
        bucket, prefix = self.bucket.text().strip(), self.prefix.text().strip().strip("/")
        return parse_target(
            f"s3://{bucket}/{prefix}",
            endpoint=self.endpoint.text().strip(),
            access_key=self.access_key.text().strip(),
            region=self.region.text().strip(),
        )

    def secret(self) -> str | None:
        kind = self.kind.currentData()
        if kind == "webdav":
            return self.password.text() or None
        if kind == "s3":
            return self.secret_key.text() or None
        return None


class SyncSettingsDialog(QDialog):
    """Settings ▸ Sync. ``action_finished(message)`` fires after each background action."""

    action_finished = Signal(str)

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncSettingsDialog")
        self.setWindowTitle(self.tr("Sync"))
        self.setAccessibleName(self.tr("Sync settings"))
        self.controller = controller
        self.setup = _SetupPage(self)
        self.message = QLabel(self)
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.create_button = QPushButton(self.tr("&Create a new vault…"))
        self.join_button = QPushButton(self.tr("&Join an existing vault…"))
        setup_buttons = QHBoxLayout()
        for name, button in (
            ("testConnection", self.test_button),
            ("createVault", self.create_button),
            ("joinVault", self.join_button),
        ):
            button.setObjectName(name)
            setup_buttons.addWidget(button)
        # One primary button: creating a vault is the step most people take first.
        for button in (self.test_button, self.join_button):
            button.setAutoDefault(False)
        self.create_button.setDefault(True)
        self.test_button.clicked.connect(self.test_connection)
        self.create_button.clicked.connect(lambda: self.create_vault())
        self.join_button.clicked.connect(lambda: self.join_vault())
        self.status_page = self._build_status_page()
        self.setup_box = QWidget(self)
        setup_layout = QVBoxLayout(self.setup_box)
        setup_layout.setContentsMargins(0, 0, 0, 0)
        self.vault_intro = QLabel(
            self.tr(
                "A vault is an encrypted copy of your Rapport data in a folder or storage "
                "you choose; each of your devices syncs through it, and only your "
                "passphrase can open it."
            ),
            self.setup_box,
        )
        self.vault_intro.setObjectName("vaultIntro")
        self.vault_intro.setWordWrap(True)
        setup_layout.addWidget(self.vault_intro)
        setup_layout.addWidget(self.setup)
        setup_layout.addLayout(setup_buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        for button in close.buttons():
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.setup_box)
        layout.addWidget(self.status_page)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.setMinimumWidth(560)
        controller.status_changed.connect(self._show_status)
        controller.finished.connect(lambda r: self._say(f"Synced: {r.summary()}."))
        controller.failed.connect(self._say)
        self._busy = False
        self.refresh()

    def _build_status_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("syncSummary")
        self.summary.setWordWrap(True)
        self.automatic = QCheckBox(
            self.tr("Sync &automatically (after edits and every few minutes)")
        )
        self.automatic.setObjectName("automaticSync")
        self.automatic.toggled.connect(self._set_automatic)
        self.devices = QTreeWidget(page)
        self.devices.setObjectName("syncDevices")
        self.devices.setAccessibleName(self.tr("Devices in this vault"))
        self.devices.setHeaderLabels(["Device", "System", "Updates", "Last heard of"])
        self.devices.setRootIsDecorated(False)
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.clicked.connect(self.controller.sync_now)
        self.passphrase_button = QPushButton(self.tr("Change &passphrase…"))
        self.passphrase_button.setObjectName("changePassphrase")
        self.passphrase_button.clicked.connect(lambda: self.change_passphrase())
        self.remove_button = QPushButton(self.tr("&Remove lost device…"))
        self.remove_button.setObjectName("syncRemoveDevice")
        self.remove_button.setToolTip(
            self.tr("A computer was lost or stolen: stop trusting it (needs the passphrase)")
        )
        self.remove_button.clicked.connect(lambda: self.remove_device())
        self.forget_button = QPushButton(self.tr("&Forget this device…"))
        self.forget_button.setObjectName("forgetDevice")
        self.forget_button.clicked.connect(self.forget)
        buttons = QHBoxLayout()
        for button in (
            self.sync_button,
            self.passphrase_button,
            self.remove_button,
            self.forget_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.automatic)
        layout.addWidget(QLabel(self.tr("Devices in this vault:")))
        layout.addWidget(self.devices)
        layout.addLayout(buttons)
        return page

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._show_status(self.controller.status())

    def _show_status(self, status: Any) -> None:
        from desktop.services.sync.devices import devices
        from desktop.services.sync.setup import default_device_name

        self.setup_box.setVisible(not status.configured)
        self.status_page.setVisible(status.configured)
        if not status.configured:
            if not self.setup.device_name.text():
                self.setup.device_name.setText(default_device_name())
            return
        short, detail = describe(status, self.controller.is_running())
        lines = [
            f"Vault: {status.target}",
            f"This device: {status.device_name}",
            f"{short}. {status.pending} changes waiting to be sent.",
        ]
        if status.last_error:
            lines.append(f"Problem: {status.last_error}")
        if status.keyring_problem:
            lines.append(f"Note: {status.keyring_problem}.")
        self.summary.setText("\n".join(lines))
        self.summary.setToolTip(detail)
        self.automatic.blockSignals(True)
        self.automatic.setChecked(status.automatic)
        self.automatic.blockSignals(False)
        self.devices.clear()
        for device in devices():
            name = device.name + (" (this device)" if device.this_device else "")
            name += " (removed)" if device.removed else ""
            seen = f"{device.seen_at:%Y-%m-%d %H:%M}" if device.seen_at else ""
            item = QTreeWidgetItem(self.devices, [name, device.platform, str(device.applied), seen])
            item.setData(0, Qt.ItemDataRole.UserRole, device.device_id)
        for column in range(self.devices.columnCount()):
            self.devices.resizeColumnToContents(column)

    def _set_automatic(self, enabled: bool) -> None:
        from desktop.services.sync.setup import set_automatic

        set_automatic(enabled)
        self.controller.refresh_status()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        for button in (
            self.test_button,
            self.create_button,
            self.join_button,
            self.passphrase_button,
            self.remove_button,
            self.forget_button,
        ):
            button.setEnabled(not busy)
        if text:
            self._say(text)

    def _background(self, text: str, fn: Any, done_text: Any) -> None:
        self._set_busy(True, text)

        def done(result: Any) -> None:
            self._set_busy(False)
            message = done_text(result) if callable(done_text) else done_text
            self._say(message)
            self.refresh()
            self.action_finished.emit(message)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            message = str(error) if _is_sync_error(error) else f"Unexpected problem: {error!r}"
            self._say(message)
            self.action_finished.emit(message)

        self.controller.run_in_background(fn, done, failed)

    def _target_and_secret(self) -> tuple[Any, str | None] | None:
        try:
            target = self.setup.target()
        except ValueError as exc:
            self._say(f"Check the address: {exc}.")
            return None
        secret = self.setup.secret()
        if target.needs_secret and not secret:
            self._say(f"Type the {target.secret_name}.")
            return None
        return target, secret

    # -- actions -------------------------------------------------------------------------------
    def test_connection(self) -> None:
        from desktop.services.sync.setup import test_connection

        chosen = self._target_and_secret()
        if chosen is None:
            return
        target, secret = chosen
        policy = self.controller.policy
        self._background(
            "Testing the connection…",
            lambda run_db: test_connection(target, secret, policy),
            lambda found: found,
        )

    def create_vault(self, passphrase: str | None = None) -> None:
        from desktop.services.sync.setup import create_vault

        self._set_up(
            create_vault,
            passphrase,
            lambda: NewPassphraseDialog(self),
            "Creating the vault (deriving the key takes a moment)…",
            "Created a new sync vault",
        )

    def join_vault(self, passphrase: str | None = None) -> None:
        from desktop.services.sync.setup import join_vault

        self._set_up(
            join_vault,
            passphrase,
            lambda: PassphraseDialog(
                "Join a sync vault",
                "Type the passphrase you chose when you created the vault.",
                self,
            ),
            "Joining the vault…",
            "Joined the sync vault",
        )

    def _set_up(
        self,
        action: Callable[..., Any],
        passphrase: str | None,
        ask: Callable[[], Any],
        busy: str,
        verb: str,
    ) -> None:
        """Create or join: the target and secret from the form, the passphrase from
        ``ask()`` unless given, then ``action`` in the background."""
        chosen = self._target_and_secret()
        if chosen is None:
            return
        if passphrase is None:
            dialog = ask()
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            passphrase = dialog.passphrase()
        target, secret = chosen
        name, policy = self.setup.device_name.text(), self.controller.policy
        self._background(
            busy,
            lambda run_db: action(
                target=target,
                passphrase=passphrase,
                secret=secret,
                device_name=name,
                policy=policy,
                run_db=run_db,
            ),
            self._joined(verb),
        )

    def _joined(self, verb: str) -> Any:
        def text(config: Any) -> str:
            self.controller.start()
            self.controller.sync_now()
            return f"{verb} at {config.target.describe()}. The first sync is running."

        return text

    def change_passphrase(self, old: str | None = None, new: str | None = None) -> None:
        from desktop.services.sync.secrets import change_passphrase

        if old is None or new is None:
            dialog = ChangePassphraseDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            old, new = dialog.old.text(), dialog.new.text()
        policy = self.controller.policy
        self._background(
            "Changing the passphrase…",
            lambda run_db: change_passphrase(old=old, new=new, policy=policy, run_db=run_db),
            "The passphrase was changed. Store the new one safely.",
        )

    def _removable(self) -> list[tuple[str, str]]:
        """(device id, label) of the other devices that are not removed yet."""
        from desktop.services.sync.devices import devices

        return [
            (d.device_id, f"{d.name} ({d.device_id[:8]})")
            for d in devices()
            if not d.this_device and not d.removed
        ]

    def remove_device(
        self,
        device_id: str | None = None,
        passphrase: str | None = None,
        new_passphrase: str | None = None,
    ) -> None:
        """Remove a lost device: confirm (saying what happens), ask the current and a new
        passphrase, then rotate the vault's key in the background."""
        from desktop.services.sync.devices import remove_device

        if device_id is None or passphrase is None or new_passphrase is None:
            choices = self._removable()
            if not choices:
                self._say("There is no other device in this vault to remove.")
                return
            selected = self.devices.currentItem()
            current = selected.data(0, Qt.ItemDataRole.UserRole) if selected else None
            dialog = RemoveDeviceDialog(choices, current, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            device_id, passphrase = dialog.device_id(), dialog.passphrase()
            new_passphrase = dialog.new_passphrase()
        policy = self.controller.policy

        def done(removed: Any) -> str:
            return (
                f"{removed.name} was removed from the vault: its updates after number "
                f"{removed.last_accepted} will be refused, and this device now uses a new key. "
                "The vault now opens only with the new passphrase; your other devices will ask "
                "for it once. Also change the server password or key the lost device knew."
            )

        self._background(
            "Removing the lost device (changing the vault's key)…",
            lambda run_db: remove_device(
                device=device_id,
                passphrase=passphrase,
                new_passphrase=new_passphrase,
                policy=policy,
                run_db=run_db,
            ),
            done,
        )

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Sync"), question)
        return answer == QMessageBox.StandardButton.Yes

    def forget(self) -> None:
        from desktop.services.sync.setup import forget_this_device

        if not self.confirm(
            "Stop syncing this device? Its keys are removed from the keyring; all your data "
            "stays here and nothing is deleted from the vault. You can join again later."
        ):
            return
        forget_this_device()
        self._say("This device no longer syncs. Your data is all still here.")
        self.controller.refresh_status()
        self.refresh()


def _is_sync_error(error: BaseException) -> bool:
    from desktop.sync.errors import SyncError

    return isinstance(error, SyncError)


def ask_for_secrets(controller: SyncController, missing: list[str], parent: QWidget | None) -> None:
    """Session-only mode: ask what the keyring could not keep, then sync.

    Connect it to ``controller.secrets_needed`` (the main window decides when to show it).
    """
    from desktop.services.sync.secrets import secret_store, unlock_session

    reason = getattr(controller, "secrets_reason", None)
    dialog = UnlockDialog(missing, secret_store().problem, parent, reason=reason)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    passphrase = dialog.passphrase.text() if dialog.passphrase else None
    secret = dialog.secret.text() if dialog.secret else None
    controller.run_in_background(
        lambda run_db: unlock_session(
            passphrase=passphrase, secret=secret, policy=controller.policy, run_db=run_db
        ),
        lambda _result: controller.sync_now(),
        lambda error: controller.failed.emit(str(error)),
    )
