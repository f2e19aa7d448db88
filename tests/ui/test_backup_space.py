"""Preferences shows how much room the backups take (#15)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from desktop.services import backups


def test_preferences_show_the_space_the_backups_take(qtbot, data_dir) -> None:
    from desktop.ui.settings.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "backupSpace")
    assert label is not None and label.text() == "No backups yet"
    assert label.accessibleName()
    backups.backup_now(data_dir, reason="manual")
    backups.backup_now(data_dir, reason="manual")
    used = backups.space(data_dir).used
    again = PreferencesDialog()
    qtbot.addWidget(again)
    text = again.findChild(QLabel, "backupSpace").text()
    assert text == f"2 backups, {QLocale().formattedDataSize(used)} on disk"
