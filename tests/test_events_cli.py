"""``rapport events``: the list (upcoming first) and ``events import FILE.ics``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fixtures.briefing_network import build_network

ROOT = Path(__file__).resolve().parents[1]
INVITE = Path(__file__).parent / "fixtures" / "harbour_summit.ics"


def rapport(*args: str, data: Path):
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A data folder with the briefing network plus a past and an undated-place event."""
    from desktop.services import events, store

    data = tmp_path / "data"
    store.open_store(data)
    try:
        build_network()
        now = datetime.now().replace(microsecond=0)
        events.create_event(title="Old Meetup", starts_at=now - timedelta(days=40))
        events.create_event(title="Far Future Fair", starts_at=now + timedelta(days=90))
    finally:
        store.close_store()
    yield data


@pytest.mark.parametrize("command", [("brief",), ("events",), ("events", "import")])
def test_help(command: tuple[str, ...], tmp_path: Path) -> None:
    result = rapport(*command, "--help", data=tmp_path)
    assert result.returncode == 0
    assert "--data-dir" in result.stdout


def test_events_lists_upcoming_first_then_past(folder: Path) -> None:
    result = rapport("events", data=folder)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split("  ")[1].split(" ·")[0].split(" (")[0] for line in lines] == [
        "Harbour Summit",
        "Far Future Fair",
        "Old Meetup",
    ]
    assert "Harbour Summit · Pier 4, Lisbon (4 people)" in lines[0]


def test_events_json(folder: Path) -> None:
    result = rapport("events", "--json", data=folder)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in rows] == ["Harbour Summit", "Far Future Fair", "Old Meetup"]
    first = rows[0]
    assert set(first) == {"id", "title", "starts_at", "ends_at", "place", "attendees"}
    assert first["attendees"] == 4 and first["place"] == "Pier 4, Lisbon"
    datetime.fromisoformat(first["starts_at"])


def test_events_on_an_empty_folder_says_how_to_start(tmp_path: Path) -> None:
    result = rapport("events", data=tmp_path / "empty")
    assert result.returncode == 0
    assert "rapport events import FILE.ics" in result.stdout


def test_import_dry_run_shows_matches_and_saves_nothing(folder: Path) -> None:
    result = rapport("events", "import", str(INVITE), "--dry-run", "--json", data=folder)
    assert result.returncode == 0, result.stderr
    (preview,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert preview["title"] == "Harbour Summit 2031"
    assert {m["person_name"]: m["how"] for m in preview["matched"]}["Ana Ruiz"] == "email"
    assert "Cleo Park" in {m["person_name"] for m in preview["matched"]}
    assert {u["name"] for u in preview["unmatched"]} == {"Nadia Novak", "Sam Lee", "Olga Organiser"}
    assert "event_id" not in preview
    listed = rapport("events", "--json", data=folder).stdout
    assert "Harbour Summit 2031" not in listed


def test_import_then_reimport_does_not_duplicate(folder: Path) -> None:
    first = rapport("events", "import", str(INVITE), "--create-new", data=folder)
    assert first.returncode == 0, first.stderr
    assert "Created the event; 5 added to its list, 3 new people." in first.stdout
    assert "known   Ana Ruiz" in first.stdout and "by email" in first.stdout
    again = rapport("events", "import", str(INVITE), "--json", data=folder)
    assert again.returncode == 0, again.stderr
    (result,) = [json.loads(line) for line in again.stdout.splitlines()]
    assert result["created_event"] is False and result["attendees_added"] == 0
    assert result["unmatched"] == []
    titles = [
        json.loads(x)["title"]
        for x in rapport("events", "--json", data=folder).stdout.split("\n")
        if x
    ]
    assert titles.count("Harbour Summit 2031") == 1


def test_import_without_create_new_leaves_strangers_out(folder: Path) -> None:
    result = rapport("events", "import", str(INVITE), data=folder)
    assert result.returncode == 0, result.stderr
    assert "3 not in Rapport were left out (add them with --create-new)." in result.stdout


def test_a_broken_invite_is_one_line(folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.ics"
    bad.write_text("this is not a calendar\n")
    result = rapport("events", "import", str(bad), data=folder)
    assert result.returncode == 2  # a refused file: 2, as for every format (#14)
    assert result.stderr == (
        "rapport: broken.ics: not an iCalendar file (it should start with BEGIN:VCALENDAR)\n"
    )
