"""A running Rapport: one per data folder even at the same instant, and SIGTERM is Quit.

Real processes (offscreen): before issue #19, two ``rapport gui`` started together both
stayed up in about 1 of 10 tries (the claim was "nobody answered the socket"), and
SIGTERM killed the app without saving its window state or the capture draft.
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

from desktop.ui.shell.single_instance import send_to_running

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _launch(*args: str, data: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_listening(data: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not send_to_running(data, "show"):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the instance never started listening"
        time.sleep(0.1)


def _stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


@pytest.mark.parametrize("round_", range(3))
def test_two_launches_at_the_same_instant_leave_one_running(tmp_path, qapp, round_):
    data = tmp_path / "data"
    pair = [_launch("gui", data=data), _launch("gui", data=data)]
    try:
        deadline = time.monotonic() + 60
        while all(p.poll() is None for p in pair):
            assert time.monotonic() < deadline, "neither launch handed over to the other"
            time.sleep(0.1)
        ended = next(p for p in pair if p.poll() is not None)
        running = next(p for p in pair if p is not ended)
        assert ended.returncode == 0, ended.communicate()
        time.sleep(0.5)
        assert running.poll() is None, running.communicate()
    finally:
        _stop(*pair)


def test_sigterm_quits_the_main_window_like_quit(tmp_path, qapp):
    data = tmp_path / "data"
    config = Path(os.environ["XDG_CONFIG_HOME"])
    process = _launch("gui", data=data)
    try:
        _wait_listening(data, process)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        _stop(process)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    saved = [p for p in config.rglob("*.conf") if "geometry" in p.read_text(errors="replace")]
    assert saved, "the window state was not saved"


def test_sigterm_saves_the_capture_draft(tmp_path, qapp):
    data = tmp_path / "data"
    process = _launch(
        "capture",
        data=data,
        RAPPORT_TEST_TYPE="Met Ana Ruiz at PyCon",
        RAPPORT_TEST_TYPE_MS="5",
    )
    try:
        assert process.stdout.readline().strip() == "typed", process.communicate()
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        _stop(process)
    assert process.returncode == 0, err
    connection = sqlite3.connect(data / "rapport.sqlite3")
    try:
        row = connection.execute("SELECT content FROM draft WHERE key = 'capture'").fetchone()
    finally:
        connection.close()
    assert row is not None and json.loads(row[0])["notes"] == "Met Ana Ruiz at PyCon"
