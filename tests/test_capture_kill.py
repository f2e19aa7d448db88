"""Never lose a word: kill -9 a real ``rapport capture`` mid-typing, then check the draft.

The capture window types into itself through real key events (the documented
``RAPPORT_TEST_TYPE`` hook); its draft is saved at most ~0.3 s behind and every key is
appended to the draft's journal at once. We wait until
the draft row holds part of the text, SIGKILL the process (no chance to clean up), read
the SQLite file ourselves, then start ``rapport capture`` again and let it report what
its window restored (``RAPPORT_TEST_REPORT``).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

TEXT = (
    "Met Ana Ruiz (Acme) at PyCon — kids love sailing, ¡qué bien! 😀\n"
    "I'll send her the deck by Friday. She'll intro me to Ben Ode. #python #hiring\n"
    "Also: Zoë from Initech wants the workshop slides before the 3rd.\n"
) * 2  # ~400 characters: at 25 ms each, typing lasts long enough to be cut short


def capture_process(data: Path, **env: str) -> subprocess.Popen:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "capture", "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


def draft_notes(data: Path) -> str | None:
    """The draft's notes as a separate reader sees them (WAL included), or None."""
    path = data / "rapport.sqlite3"
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            row = connection.execute("SELECT content FROM draft WHERE key = 'capture'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:  # the table does not exist yet, or the file is being created
        return None
    return json.loads(row[0])["notes"] if row else None


def test_kill_9_mid_typing_loses_nothing_and_the_next_start_restores_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    process = capture_process(data, RAPPORT_TEST_TYPE=TEXT, RAPPORT_TEST_TYPE_MS="25")
    try:
        seen = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # until the draft holds a good part of the text
            seen = draft_notes(data) or ""
            if len(seen) >= 60:
                break
            assert process.poll() is None, process.communicate()
            time.sleep(0.05)
        assert len(seen) >= 60, "the draft never appeared"
        assert process.poll() is None
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    survived = draft_notes(data)
    assert survived is not None
    assert len(survived) >= len(seen)  # nothing that had been saved was lost
    assert len(survived) < len(TEXT)  # and it really was killed mid-typing
    assert TEXT.startswith(survived), survived  # every character intact, in order
    from desktop.services import drafts

    complete = (drafts.peek(data, "capture") or {}).get("notes", "")
    assert complete.startswith(survived) and TEXT.startswith(complete)  # the journal's keys

    restart = capture_process(data, RAPPORT_TEST_REPORT="1")
    out, err = restart.communicate(timeout=60)
    assert restart.returncode == 0, err
    shown = json.loads(out.strip().splitlines()[-1])
    assert shown["notes"] == complete  # the window opened with the draft restored
    assert draft_notes(data) == complete  # and saved it


# ------------------------------------------------------------------ kill at random moments


def kill_while_typing(
    data: Path, delay_s: float, *, text: str = TEXT, ms: int = 5
) -> tuple[int, str]:
    """Type ``text`` into a fresh ``rapport capture``, SIGKILL it ``delay_s`` after the
    first key, and return (keys the window had handled before the kill, the draft after).

    The window reports each key once handled (``RAPPORT_TEST_TYPE_ECHO``): every key
    reported before the kill must be in the draft, read as the next start reads it
    (the saved draft with its journal replayed).
    """
    from desktop.services import drafts

    process = capture_process(
        data,
        RAPPORT_TEST_TYPE=text,
        RAPPORT_TEST_TYPE_MS=str(ms),
        RAPPORT_TEST_TYPE_ECHO="1",
    )
    try:
        first = process.stdout.readline()  # blocks until the first key was handled
        assert first.startswith("typed "), (first, process.stderr.read())
        time.sleep(delay_s)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        rest = process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    counts = [int(line.split()[1]) for line in (first + rest).splitlines() if line[6:].isdigit()]
    typed = max(counts) if counts else 0
    draft = drafts.peek(data, "capture") or {}
    return typed, str(draft.get("notes", ""))


def check_trial(typed: int, notes: str, text: str = TEXT) -> None:
    assert notes.startswith(text[:typed]), (typed, notes)  # nothing handled was lost
    assert text.startswith(notes), notes  # nothing invented, in order


@pytest.mark.parametrize("delay_s", [0.0, 0.13, 0.41])
def test_a_kill_at_any_moment_keeps_every_key_typed_before_it(tmp_path: Path, delay_s) -> None:
    """Between two throttled draft saves the journal holds each key (issue #19: a kill
    lost 1–17 characters when the draft was the only copy)."""
    data = tmp_path / "data"
    typed, notes = kill_while_typing(data, delay_s)
    assert typed >= 1
    check_trial(typed, notes)
