"""Preferences: when Rapport reminds you (promises due, the daily drifting digest)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.settings import keys


def _time(settings: QSettings, key: str, default: str) -> QTime:
    value = QTime.fromString(str(settings.value(key, default)), "HH:mm")
    return value if value.isValid() else QTime.fromString(default, "HH:mm")


class PreferencesDialog(QDialog):
    """Notification settings, stored with QSettings (preferences, not window state)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        settings = keys.settings()
        self.enabled = QCheckBox(self.tr("Remind me while Rapport runs in the tray"))
        self.enabled.setChecked(keys.read_bool(keys.REMINDERS_ENABLED, True))
        self.promises_time = QTimeEdit(
            _time(settings, keys.REMINDERS_PROMISES_TIME, keys.DEFAULT_PROMISES_TIME)
        )
        self.digest_time = QTimeEdit(
            _time(settings, keys.REMINDERS_DIGEST_TIME, keys.DEFAULT_DIGEST_TIME)
        )
        for edit, name in (
            (self.promises_time, self.tr("Time for promises due")),
            (self.digest_time, self.tr("Time for the daily digest")),
        ):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
        self.enabled.setAccessibleName(self.tr("Reminders on"))
        self.enabled.toggled.connect(self.promises_time.setEnabled)
        self.enabled.toggled.connect(self.digest_time.setEnabled)
        self.promises_time.setEnabled(self.enabled.isChecked())
        self.digest_time.setEnabled(self.enabled.isChecked())
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("Promises due today:"), self.promises_time)
        form.addRow(self.tr("People drifting away:"), self.digest_time)
        from desktop.ui.settings.inbox_folder import InboxFolderField

        self.inbox_folder = InboxFolderField(self)  # notes from the phone (docs/capture.md)
        form.addRow(self.tr("Inbox folder:"), self.inbox_folder)
        hint = QLabel(
            self.tr(
                "Each reminder comes once a day, at or after its time; clicking it opens "
                "the person."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def accept(self) -> None:
        settings = keys.settings()
        settings.setValue(keys.REMINDERS_ENABLED, self.enabled.isChecked())
        settings.setValue(keys.REMINDERS_PROMISES_TIME, self.promises_time.time().toString("HH:mm"))
        settings.setValue(keys.REMINDERS_DIGEST_TIME, self.digest_time.time().toString("HH:mm"))
        self.inbox_folder.save()
        super().accept()
