"""Reminders while Rapport runs: once a day each, at the configured time, click opens."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.services import commitments, conversations, people, reminders
from desktop.ui.settings.keys import REMINDERS_PROMISES_TIME as KEY_PROMISES_TIME
from desktop.ui.settings.reminders import ReminderNotifier

TODAY = date(2026, 11, 25)


def test_promises_due_and_digest_texts(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz", circle="close")
    assert reminders.promises_due(TODAY) is None
    commitments.make_commitment(owner="me", person_id=ana, description="send the deck", due=TODAY)
    due = reminders.promises_due(TODAY)
    assert due is not None and due.person_id == ana
    assert "send the deck" in due.message and "Ana Ruiz" in due.message
    conversations.log_conversation(
        participants=[ana], happened_at=datetime(2026, 11, 25) - timedelta(days=90)
    )
    digest = reminders.drifting_digest(TODAY)
    assert digest is not None and "Ana Ruiz" in digest.message


def test_notifier_shows_each_reminder_once_a_day(data_dir: Path, qapp) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    commitments.make_commitment(owner="me", person_id=ana, description="call back", due=TODAY)
    QSettings().setValue(KEY_PROMISES_TIME, "09:00")
    opened: list[str] = []
    moment = [datetime(2026, 11, 25, 8, 30)]
    tray = QSystemTrayIcon()
    notifier = ReminderNotifier(tray, opened.append, now=lambda: moment[0])
    assert notifier.check() == []  # before the time
    moment[0] = datetime(2026, 11, 25, 9, 1)
    assert notifier.check() == ["A promise is due today"]
    assert notifier.check() == []  # once a day
    tray.messageClicked.emit()
    assert opened == [ana]


def test_preferences_store_the_notification_times(qapp) -> None:
    from PySide6.QtCore import QTime

    from desktop.ui.settings.keys import REMINDERS_DIGEST_TIME as KEY_DIGEST_TIME
    from desktop.ui.settings.keys import REMINDERS_ENABLED as KEY_ENABLED
    from desktop.ui.settings.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog()
    dialog.promises_time.setTime(QTime(7, 45))
    dialog.digest_time.setTime(QTime(18, 30))
    dialog.enabled.setChecked(False)
    dialog.accept()
    settings = QSettings()
    assert settings.value(KEY_PROMISES_TIME) == "07:45"
    assert settings.value(KEY_DIGEST_TIME) == "18:30"
    assert settings.value(KEY_ENABLED, True, type=bool) is False
    settings.setValue(KEY_ENABLED, True)


def test_settings_carry_their_version_and_a_newer_one_is_left_alone(make_window) -> None:
    from PySide6.QtCore import QSettings

    from desktop.ui.settings import keys

    make_window().close()
    assert QSettings().value(keys.VERSION, type=int) == keys.SETTINGS_VERSION
    QSettings().setValue(keys.VERSION, keys.SETTINGS_VERSION + 1)
    make_window().close()
    assert QSettings().value(keys.VERSION, type=int) == keys.SETTINGS_VERSION + 1
