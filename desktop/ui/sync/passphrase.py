"""Small dialogs that ask for sync secrets. They only collect text; the settings dialog
hands it to the services and then forgets it (nothing here is stored or logged)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from desktop.ui.kit.form_dialog import FormDialog, fill_combo

MIN_LENGTH = 8
REMINDER = (
    "Write this passphrase down somewhere safe (a password manager, or on paper at home). "
    "You need it to add another device and to change it later. Your data is encrypted "
    "with it before it leaves this computer, so nobody — not even Rapport — can recover it."
)


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setObjectName(name)
    return field


class NewPassphraseDialog(FormDialog):
    """Choose the passphrase of a new vault, with the recovery reminder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("New sync passphrase", "newPassphraseDialog", parent)
        self.first = self.add_row("&Passphrase:", _secret_field("passphrase"))
        self.second = self.add_row("&Again:", _secret_field("passphraseAgain"), "Passphrase again")
        reminder = QLabel(REMINDER)
        reminder.setWordWrap(True)
        self.form.addRow(reminder)
        self.stored = QCheckBox("I have stored this passphrase safely")
        self.stored.setObjectName("storedSafely")
        self.form.addRow(self.stored)

    def problem_with_input(self) -> str | None:
        if len(self.first.text()) < MIN_LENGTH:
            return f"Use at least {MIN_LENGTH} characters (a few unrelated words work well)."
        if self.first.text() != self.second.text():
            return "The two entries differ."
        if not self.stored.isChecked():
            return "Please store the passphrase safely first, then tick the box."
        return None

    def passphrase(self) -> str:
        return self.first.text()


class PassphraseDialog(FormDialog):
    """Ask the passphrase of an existing vault (joining, or unlocking a session)."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(title, "passphraseDialog", parent)
        note = QLabel(explanation)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.field = self.add_row("&Passphrase:", _secret_field("passphrase"))

    def problem_with_input(self) -> str | None:
        return None if self.field.text() else "Type the vault's passphrase."

    def passphrase(self) -> str:
        return self.field.text()


class ChangePassphraseDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Change sync passphrase", "changePassphraseDialog", parent)
        self.old = self.add_row("&Current passphrase:", _secret_field("oldPassphrase"))
        self.new = self.add_row("&New passphrase:", _secret_field("newPassphrase"))
        self.again = self.add_row("&Again:", _secret_field("newPassphraseAgain"), "New again")
        note = QLabel(
            "Your devices keep syncing without asking. The old passphrase stops working; "
            "store the new one safely."
        )
        note.setWordWrap(True)
        self.form.addRow(note)

    def problem_with_input(self) -> str | None:
        if len(self.new.text()) < MIN_LENGTH:
            return f"Use at least {MIN_LENGTH} characters for the new passphrase."
        if self.new.text() != self.again.text():
            return "The two new entries differ."
        return None


class UnlockDialog(FormDialog):
    """Ask for missing sync secrets: session-only mode (the keyring cannot keep them, so
    ask for this run), or once after another device changed the vault's key (``reason``
    then says so in words)."""

    def __init__(
        self,
        missing: list[str],
        why: str | None,
        parent: QWidget | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__("Unlock sync", "unlockSyncDialog", parent)
        note = QLabel(
            reason
            or "Sync needs these again because "
            + (why or "they are not in the system keyring")
            + ". They are kept only until Rapport quits."
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.passphrase = (
            self.add_row("&Passphrase:", _secret_field("passphrase"))
            if "passphrase" in missing
            else None
        )
        others = [m for m in missing if m != "passphrase"]
        self.secret = (
            self.add_row(f"Server {others[0]}:", _secret_field("remoteSecret")) if others else None
        )


REMOVE_EXPLANATION = (
    "Use this when a computer with Rapport was lost or stolen. The vault gets a new key "
    "that the lost device never had: everything sent from now on is sealed with it, and "
    "updates the lost device sends after this moment are refused by all your devices. "
    "What it sent before stays. Whoever has it may know the passphrase, so the vault gets "
    "a NEW passphrase too: your other devices ask for it once. Nothing "
    "is deleted, here or in the vault. Also change the WebDAV app password or the S3 "
    "key in the other devices' settings, so the lost one cannot reach the storage."
)


class RemoveDeviceDialog(FormDialog):
    """Confirm removing a lost device: which one, what happens, and the passphrase."""

    def __init__(
        self,
        devices: list[tuple[str, str]],
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Remove lost device", "removeDeviceDialog", parent)
        note = QLabel(REMOVE_EXPLANATION)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.device = QComboBox()
        self.device.setObjectName("lostDevice")
        fill_combo(self.device, devices, current)
        self.add_row("Lost &device:", self.device)
        self.field = self.add_row("Current &passphrase:", _secret_field("passphrase"))
        self.new = self.add_row("&New passphrase:", _secret_field("newPassphrase"))
        self.again = self.add_row("&Again:", _secret_field("newPassphraseAgain"), "New again")
        self.buttons.button(self.buttons.StandardButton.Ok).setText("Remove device")

    def problem_with_input(self) -> str | None:
        if self.device.currentData() is None:
            return "There is no other device to remove."
        if not self.field.text():
            return "Type the vault's current passphrase."
        if len(self.new.text()) < MIN_LENGTH:
            return f"Use at least {MIN_LENGTH} characters for the new passphrase."
        if self.new.text() != self.again.text():
            return "The two new entries differ."
        if self.new.text() == self.field.text():
            return "Choose a new passphrase: the lost device's holder may know the current one."
        return None

    def new_passphrase(self) -> str:
        return self.new.text()

    def device_id(self) -> str:
        return str(self.device.currentData())

    def passphrase(self) -> str:
        return self.field.text()
