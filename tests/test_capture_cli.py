"""``rapport note`` end to end (real subprocesses): the capture parser from a launcher."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

NOTE = "Met Ana Ruiz (Acme) at PyCon. I'll send her the deck by Friday. #python"


def rapport(*args: str, data: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def test_note_json_saves_and_reports_ids(tmp_path: Path) -> None:
    result = rapport("note", NOTE, "--json", data=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["saved"] is True
    assert [(p["name"], p["new"]) for p in data["people"]] == [("Ana Ruiz", True)]
    ana = data["people"][0]["id"]
    assert data["conversation"]
    (promise,) = data["commitments"]
    assert (promise["owner"], promise["description"], promise["person"]) == (
        "me",
        "send her the deck",
        "Ana Ruiz",
    )
    assert promise["person_id"] == ana and promise["due"]
    assert data["tags"] == ["python"] and data["introductions"] == []
    # The next note finds her (exact, then fuzzy) instead of creating a second Ana.
    again = rapport(
        "note", "She will call me tomorrow.", "--with", "ana r", "--json", data=tmp_path
    )
    assert again.returncode == 0, again.stderr
    second = json.loads(again.stdout)
    assert [(p["id"], p["new"]) for p in second["people"]] == [(ana, False)]
    assert second["commitments"][0]["owner"] == "them"
    shown = rapport("show", "Ana Ruiz", "--json", data=tmp_path)
    assert len(json.loads(shown.stdout)["recent_conversations"]) == 2


def test_dry_run_prints_but_saves_nothing(tmp_path: Path) -> None:
    result = rapport("note", NOTE, "--dry-run", data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Would save a conversation with Ana Ruiz (new)")
    assert "You promised Ana Ruiz: send her the deck (due " in result.stdout
    as_json = rapport("note", NOTE, "--dry-run", "--json", data=tmp_path)
    assert json.loads(as_json.stdout)["saved"] is False
    search = rapport("search", "Ana", "--json", data=tmp_path)
    assert search.stdout.strip() == ""  # nobody was created


def test_text_from_stdin_and_options(tmp_path: Path) -> None:
    result = rapport(
        "note", "-", "--with", "Ben Ode", "--when", "yesterday evening", "--depth", "personal",
        "--tag", "sailing", "--json", data=tmp_path, stdin="Lovely chat about boats.\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [p["name"] for p in data["people"]] == ["Ben Ode"]
    assert data["happened_at"].endswith("T19:00:00")
    assert data["tags"] == ["sailing"]


def test_nobody_to_save_with_is_a_clear_error_and_nothing_is_saved(tmp_path: Path) -> None:
    result = rapport("note", "I'll send the deck by Friday.", data=tmp_path)
    assert result.returncode == 1
    assert "nothing saved" in result.stderr and "--with" in result.stderr
    assert "'send the deck'" in result.stderr
    assert rapport("note", "   ", data=tmp_path).returncode == 1
    unreadable = rapport("note", "Met Ana Ruiz.", "--when", "the day after never", data=tmp_path)
    assert unreadable.returncode == 1 and "cannot be read" in unreadable.stderr


def test_a_note_naming_nobody_fails_but_says_what_it_understood(tmp_path: Path) -> None:
    result = rapport(
        "note", "at the robotics meetup; promised to send her the deck by Friday", data=tmp_path
    )
    assert result.returncode == 1
    assert "nobody to save this with" in result.stderr
    assert "understood place: robotics meetup" in result.stderr
    assert "understood promise: you promised someone: send her the deck (due " in result.stderr
    assert "'by Friday'" in result.stderr
