"""Notes from the phone in the main window (#12): a file dropped in the inbox folder shows
up on Today as a draft to review, opens in the capture window with its file's time as
"when", and is moved to done/ when saved (or dismissed) — never deleted."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from desktop.services import conversations, people
from desktop.ui.settings import keys

NOTE = "Met Lina Haas at the payments meetup. I'll send her the pricing sheet by Friday."
WHEN = datetime(2026, 11, 24, 9, 15)


def drop(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    os.utime(path, (WHEN.timestamp(), WHEN.timestamp()))
    return path


def test_a_dropped_note_is_reviewed_saved_and_moved_to_done(
    window, qtbot, ana: str, tmp_path: Path
) -> None:
    folder = tmp_path / "Phone"
    folder.mkdir()
    keys.write(keys.INBOX_FOLDER, str(folder))
    window.show_view("today")
    banner = window.findChild(QWidget, "inboxBanner")
    assert banner is not None
    window.inbox.watcher.rescan()
    assert not banner.isVisible()  # nothing waiting: nothing shown

    drop(folder, "lina.txt", NOTE)
    drop(folder, "other.md", "Coffee with Omar Said, he will send me his slides.")
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=10_000)  # the watcher saw them
    assert "2 notes from your phone" in banner.findChild(QWidget, "inboxBannerText").text()

    banner.findChild(QWidget, "inboxReview").click()
    dialog = window.findChild(QDialog, "inboxDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() == 2 and "lina.txt" in dialog.list.item(0).text()

    dialog.list.setCurrentRow(0)
    dialog.findChild(QWidget, "inboxOpen").click()
    (capture,) = window.inbox.capture_windows.values()
    qtbot.waitUntil(capture.is_idle, timeout=10_000)
    assert capture.notes.toPlainText() == NOTE
    assert capture.plan is not None and capture.plan.happened_at == WHEN
    assert [p.name for p in capture.plan.participants] == ["Lina Haas"]
    assert capture.save()
    assert not (folder / "lina.txt").exists()
    assert (folder / "done" / "lina.txt").read_text(encoding="utf-8") == NOTE
    lina = next(pid for pid, name in people.all_names() if name == "Lina Haas")
    (conversation,) = conversations.conversations_with(lina)
    assert conversation.happened_at == WHEN
    assert dialog.list.count() == 1
    assert "1 note from your phone" in banner.findChild(QWidget, "inboxBannerText").text()

    dialog.findChild(QWidget, "inboxDismiss").click()  # the other one: not worth saving
    assert (folder / "done" / "other.md").exists() and not (folder / "other.md").exists()
    assert not banner.isVisible() and dialog.list.count() == 0
    window.undo_stack.undo()  # the saved note is one undo step too
    assert not any(name == "Lina Haas" for _, name in people.all_names())
    dialog.close()


def test_preferences_store_the_inbox_folder(window, qtbot, tmp_path: Path) -> None:
    from desktop.ui.settings.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window)
    field = dialog.findChild(QLineEdit, "preferencesInboxFolder")
    assert field is not None and field.text() == ""
    field.setText(str(tmp_path))
    dialog.accept()
    assert keys.read_text(keys.INBOX_FOLDER, "") == str(tmp_path)
    window.inbox.watcher.rescan()
    assert window.inbox.watcher.folder == tmp_path
