"""Preferences: the theme, defaults for new people and printing, reminder times, the inbox
folder, and how much room the backups take."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from desktop.ui.settings.theme import apply_theme, current_theme


def _time(settings: QSettings, key: str, default: str) -> QTime:
    value = QTime.fromString(str(settings.value(key, default)), "HH:mm")
    return value if value.isValid() else QTime.fromString(default, "HH:mm")


def _backup_space(widget: QWidget) -> str:
    """ "412 MB in 5 backups" for the open data folder (small: read from the folder listing)."""
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
        self.theme = QComboBox()
        self.theme.setObjectName("themeChoice")
        self.theme.setAccessibleName(self.tr("Theme"))
        for code, text in (
            ("system", self.tr("Same as the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(text, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(current_theme())))
        self.cadence = QComboBox()
        self.cadence.setObjectName("defaultCadence")
        self.cadence.setAccessibleName(self.tr("Keep in touch with new people every"))
        self.cadence.addItem(self.tr("Their circle's pace"), 0)
        for days in (7, 14, 30, 60, 90, 180, 365):
            self.cadence.addItem(self.tr("Every %1 days").replace("%1", str(days)), days)
        self.cadence.setCurrentIndex(
            max(0, self.cadence.findData(keys.read_int(keys.DEFAULT_CADENCE, 0)))
        )
        self.paper = QComboBox()
        self.paper.setObjectName("paperSize")
        self.paper.setAccessibleName(self.tr("Paper size for briefings"))
        for code, text in (
            ("auto", self.tr("As the region uses")),
            ("A4", "A4"),
            ("Letter", self.tr("US Letter")),
        ):
            self.paper.addItem(text, code)
        self.paper.setCurrentIndex(
            max(0, self.paper.findData(keys.read_text(keys.PAPER_SIZE, "auto")))
        )
        form = QFormLayout()
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("New people: keep in &touch"), self.cadence)
        form.addRow(self.tr("Briefing &paper:"), self.paper)
        form.addRow(self.enabled)
        form.addRow(self.tr("Promises due today:"), self.promises_time)
        form.addRow(self.tr("People drifting away:"), self.digest_time)
        form.addRow(self.tr("Birthdays and dates:"), self.dates_time)
        form.addRow(self.tr("Remind me:"), self.dates_days)
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
        settings.setValue(keys.THEME, self.theme.currentData())
        settings.setValue(keys.DEFAULT_CADENCE, self.cadence.currentData())
        settings.setValue(keys.PAPER_SIZE, self.paper.currentData())
        apply_theme(self.theme.currentData())
        settings.setValue(keys.REMINDERS_ENABLED, self.enabled.isChecked())
        settings.setValue(keys.REMINDERS_PROMISES_TIME, self.promises_time.time().toString("HH:mm"))
        settings.setValue(keys.REMINDERS_DIGEST_TIME, self.digest_time.time().toString("HH:mm"))
        settings.setValue(keys.REMINDERS_DATES_TIME, self.dates_time.time().toString("HH:mm"))
        settings.setValue(keys.REMINDERS_DATES_DAYS, self.dates_days.value())
        self.inbox_folder.save()
        super().accept()
