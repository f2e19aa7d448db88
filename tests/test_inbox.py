"""The inbox folder (#12): notes from a phone listed, reviewed, saved or dismissed, their
files moved to done/ (never deleted), never read twice; ``rapport inbox`` end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from desktop.services import inbox, people
from desktop.storage.models import Conversation

READY = "Met Lina Haas at the payments meetup. I'll send her the pricing sheet by Friday."
UNSURE = "Lovely chat about sailing, promised to send the deck."


def drop(folder: Path, name: str, text: str, when: datetime | None = None) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if when is not None:
        os.utime(path, (when.timestamp(), when.timestamp()))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    box = tmp_path / "Phone notes"
    box.mkdir()
    return box


def test_notes_are_listed_and_other_files_ignored(data_dir: Path, folder: Path) -> None:
    drop(folder, "b.md", UNSURE, datetime(2026, 11, 25, 18, 30))
    drop(folder, "a.txt", READY, datetime(2026, 11, 24, 9, 15))
    for other in ("photo.jpg", ".hidden.txt", "~lock.txt", "x.txt.tmp"):
        drop(folder, other, "x")
    (folder / "done").mkdir()
    drop(folder / "done", "old.txt", READY)
    notes = inbox.list_notes(folder)
    assert [n.name for n in notes] == ["a.txt", "b.md"]  # oldest first
    assert notes[0].modified == datetime(2026, 11, 24, 9, 15) and notes[0].text == READY


def test_review_uses_the_file_time_and_says_what_needs_correcting(
    data_dir: Path, folder: Path
) -> None:
    drop(folder, "a.txt", READY, datetime(2026, 11, 24, 9, 15))
    drop(folder, "b.txt", UNSURE, datetime(2026, 11, 25, 18, 30))
    ready, unsure = inbox.review_all(folder)
    assert ready.ready and ready.plan.happened_at == datetime(2026, 11, 24, 9, 15)
    assert ready.plan.promises[0].due.isoformat() == "2026-11-27"  # Friday after the file
    assert not unsure.ready and "who was this with" in unsure.reasons[0]


def test_a_file_is_never_read_twice(data_dir: Path, folder: Path, monkeypatch) -> None:
    drop(folder, "a.txt", READY)
    assert inbox.list_notes(folder)[0].text == READY
    reads: list[Path] = []
    original = inbox._read
    monkeypatch.setattr(
        inbox, "_read", lambda path, size: reads.append(path) or original(path, size)
    )
    assert inbox.list_notes(folder)[0].text == READY
    assert reads == []  # same name, size and time: remembered
    drop(folder, "a.txt", READY + " #python")  # edited on the phone: read again
    assert inbox.list_notes(folder)[0].text.endswith("#python")
    assert [p.name for p in reads] == ["a.txt"]


def test_saving_moves_the_file_to_done_and_it_is_not_listed_again(
    data_dir: Path, folder: Path
) -> None:
    drop(folder, "a.txt", READY)
    (item,) = inbox.review_all(folder)
    result = inbox.save_note(item.note, item.plan)
    assert Conversation.get_by_id(result.conversation_id).notes == READY
    assert not (folder / "a.txt").exists()
    assert (folder / "done" / "a.txt").read_text(encoding="utf-8") == READY
    assert inbox.list_notes(folder) == []


def test_done_names_never_clash_and_nothing_is_deleted(data_dir: Path, folder: Path) -> None:
    (folder / "done").mkdir()
    drop(folder / "done", "a.txt", "an older note")
    drop(folder, "a.txt", UNSURE)
    (note,) = inbox.list_notes(folder)
    moved = inbox.dismiss(note)
    assert moved == folder / "done" / "a (2).txt"
    assert (folder / "done" / "a.txt").read_text(encoding="utf-8") == "an older note"
    assert moved.read_text(encoding="utf-8") == UNSURE
    assert Conversation.select().count() == 0
    # A sync tool putting the same file back does not bring the note back.
    drop(folder, "a.txt", UNSURE, note.modified)
    assert inbox.list_notes(folder) == []


def test_save_ready_leaves_notes_that_need_correction(data_dir: Path, folder: Path) -> None:
    drop(folder, "a.txt", READY)
    drop(folder, "b.txt", UNSURE)
    saved, left = inbox.save_ready(folder)
    assert [s.note.name for s in saved] == ["a.txt"] and [x.note.name for x in left] == ["b.txt"]
    assert [n.name for n in inbox.list_notes(folder)] == ["b.txt"]
    assert any(name == "Lina Haas" for _, name in people.all_names())


# ------------------------------------------------------------------------ rapport inbox


def rapport(*args: str, data: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def test_rapport_inbox_lists_and_saves_all(tmp_path: Path, folder: Path) -> None:
    data = tmp_path / "data"
    drop(folder, "a.txt", READY, datetime(2026, 11, 24, 9, 15))
    drop(folder, "b.txt", UNSURE, datetime(2026, 11, 25, 18, 30))
    listed = rapport("inbox", "--folder", str(folder), data=data)
    assert listed.returncode == 0, listed.stderr
    assert "2 notes waiting" in listed.stdout
    assert "a.txt" in listed.stdout and "Lina Haas" in listed.stdout and "ready" in listed.stdout
    assert "needs correction: who was this with?" in listed.stdout
    as_json = json.loads(rapport("inbox", "--folder", str(folder), "--json", data=data).stdout)
    assert [(n["file"], n["ready"]) for n in as_json["notes"]] == [
        ("a.txt", True),
        ("b.txt", False),
    ]
    assert as_json["notes"][0]["modified"] == "2026-11-24T09:15:00"
    assert as_json["saved"] == []

    saved = rapport("inbox", "--folder", str(folder), "--save-all", "--json", data=data)
    assert saved.returncode == 0, saved.stderr
    result = json.loads(saved.stdout)
    assert [n["file"] for n in result["saved"]] == ["a.txt"]
    assert [n["file"] for n in result["notes"]] == ["b.txt"]
    assert (folder / "done" / "a.txt").exists() and (folder / "b.txt").exists()
    shown = rapport("show", "Lina Haas", "--json", data=data)
    assert shown.returncode == 0, shown.stderr


def test_rapport_inbox_without_a_folder_says_how_to_set_one(tmp_path: Path) -> None:
    result = rapport("inbox", data=tmp_path / "data")
    assert result.returncode == 1
    assert "no inbox folder is set" in result.stderr and "--folder" in result.stderr
    missing = rapport("inbox", "--folder", str(tmp_path / "nope"), data=tmp_path / "data")
    assert missing.returncode == 1 and "does not exist" in missing.stderr
