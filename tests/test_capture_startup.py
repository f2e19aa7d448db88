"""``rapport capture`` keeps slow work off its start-up path (nothing heavy is imported
before the window's first paint) and a restarted window shows the draft."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.services import drafts


def first_paint_report(*command: str, data_dir: Path) -> dict[str, str]:
    """Run ``rapport [command] --data-dir DIR`` until its first frame
    (``RAPPORT_BENCH_PAINT=1``) and return its report: ``first-paint`` (seconds) and
    ``loaded`` (the modules of ``AFTER_FIRST_PAINT`` imported before it, or ``-``)."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *command, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "RAPPORT_BENCH_PAINT": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert float(lines["first-paint"]) > 0
    return lines


def test_first_paint_comes_before_peewee_dateparser_and_the_parser(
    tmp_path: Path, data_dir: Path
) -> None:
    drafts.save("capture", {"notes": "Met Ana Ruiz at PyCon"})
    lines = first_paint_report("capture", data_dir=data_dir)
    assert lines["loaded"] == "-", f"imported before the first paint: {lines['loaded']}"


def test_the_restarted_window_shows_the_draft(tmp_path: Path, data_dir: Path) -> None:
    drafts.save("capture", {"notes": "Met Ana Ruiz at PyCon", "who": "Ana Ruiz"})
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "capture", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "RAPPORT_TEST_REPORT": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert (shown["notes"], shown["who"]) == ("Met Ana Ruiz at PyCon", "Ana Ruiz")


def test_the_main_windows_first_frame_comes_before_sync_and_the_records(data_dir: Path) -> None:
    """``rapport`` (#15): sync's status, the record types and the slow libraries load
    after the main window's first frame, which shows the view itself; so does peewee
    (with the storage models): the store's full open follows the frame on a plain start;
    and json and ``_socket`` (the single-instance request and the --json output), and the
    circles' and dates' rules that word Today's rows when its first answer comes, and
    Today's two hidden sections (calendar, address book), built with that answer."""
    from desktop.ui.shell.session import AFTER_FIRST_PAINT

    after = {"peewee", "desktop.storage.models", "json", "_socket", "desktop.domain.circles"}
    today = {"desktop.domain.dates", "desktop.ui.calendar_sync.today_rows"}
    assert after | today | {"desktop.ui.contacts_sync.today_entry"} <= set(AFTER_FIRST_PAINT)
    from desktop.services import people

    people.create_person(full_name="Ana Ruiz")
    lines = first_paint_report(data_dir=data_dir)
    assert lines["loaded"] == "-", f"imported before the first paint: {lines['loaded']}"


def test_a_new_folder_opens_its_store_before_the_first_frame(tmp_path: Path) -> None:
    """Not the plain case (nothing to look at yet): the store is created with peewee
    before the window, as always, and the report says so."""
    folder = tmp_path / "brand-new"
    lines = first_paint_report(data_dir=folder)
    assert {"peewee", "desktop.storage.models"} <= set(lines["loaded"].split(","))
    assert (folder / "rapport.sqlite3").is_file()
