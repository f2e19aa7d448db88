"""Preferences: when Rapport reminds you (promises due, the drifting digest, dates)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.settings import keys


def _time(settings: QSettings, key: str, default: str) -> QTime:
    value = QTime.fromString(str(settings.value(key, default)), "HH:mm")
    return value if value.isValid() else QTime.fromString(default, "HH:mm")


def _int(settings: QSettings, key: str, default: int) -> int:
    try:
        return int(settings.value(key, default))
    except (TypeError, ValueError):
        return default


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
        self.dates_time = QTimeEdit(
            _time(settings, keys.REMINDERS_DATES_TIME, keys.DEFAULT_DATES_TIME)
        )
        self.dates_time.setObjectName("datesReminderTime")
        self.dates_days = QSpinBox()
        self.dates_days.setObjectName("datesReminderDays")
        self.dates_days.setRange(0, 14)
        self.dates_days.setSuffix(self.tr(" day(s) before"))
        self.dates_days.setValue(_int(settings, keys.REMINDERS_DATES_DAYS, keys.DEFAULT_DATES_DAYS))
        self.dates_days.setAccessibleName(self.tr("Days before a birthday or date"))
        for edit, name in (
            (self.promises_time, self.tr("Time for promises due")),
            (self.digest_time, self.tr("Time for the daily digest")),
            (self.dates_time, self.tr("Time for birthdays and dates")),
        ):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
        self.enabled.setAccessibleName(self.tr("Reminders on"))
        for widget in (self.promises_time, self.digest_time, self.dates_time, self.dates_days):
            self.enabled.toggled.connect(widget.setEnabled)
            widget.setEnabled(self.enabled.isChecked())
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("Promises due today:"), self.promises_time)
        form.addRow(self.tr("People drifting away:"), self.digest_time)
        form.addRow(self.tr("Birthdays and dates:"), self.dates_time)
        form.addRow(self.tr("Remind me:"), self.dates_days)
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
        settings.setValue(keys.REMINDERS_DATES_TIME, self.dates_time.time().toString("HH:mm"))
        settings.setValue(keys.REMINDERS_DATES_DAYS, self.dates_days.value())
        super().accept()
