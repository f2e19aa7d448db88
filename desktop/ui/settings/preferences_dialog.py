"""Preferences: when Rapport reminds you (promises due, the daily drifting digest); how
much room the backups take."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, QTime
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


def _backup_space(widget: QWidget) -> str:
    """"412 MB in 5 backups" for the open data folder (small: read from the folder listing)."""
    from desktop.services import backups

    folder = backups.open_data_dir()
    if folder is None:
        return widget.tr("No data folder is open")
    try:
        space = backups.space(folder)
    except OSError:
        return widget.tr("Cannot be read")
    if space.count == 0:
        return widget.tr("No backups yet")
    size = QLocale().formattedDataSize(space.used)
    if space.count == 1:
        return widget.tr("1 backup, {0} on disk").format(size)
    return widget.tr("{0} backups, {1} on disk").format(space.count, size)


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
        hint = QLabel(
            self.tr(
                "Each reminder comes once a day, at or after its time; clicking it opens "
                "the person."
            )
        )
        hint.setWordWrap(True)
        self.backup_space = QLabel(_backup_space(self))
        self.backup_space.setObjectName("backupSpace")
        self.backup_space.setAccessibleName(self.tr("Space taken by backups"))
        self.backup_space.setWordWrap(True)
        form.addRow(self.tr("Backups:"), self.backup_space)
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
        super().accept()
