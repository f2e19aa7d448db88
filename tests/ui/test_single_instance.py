"""One Rapport per data folder: later launches hand their request to the running one."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from desktop.ui.single_instance import InstanceServer, send_to_running, server_name


def _launch(*args: str, data: Path) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_second_launch_hands_its_request_to_the_first(tmp_path: Path, qapp) -> None:
    data = tmp_path / "data"
    first = _launch("gui", data=data)
    try:
        deadline = time.monotonic() + 60
        # Wait until the first instance serves the folder (a "show" request is harmless).
        while not send_to_running(data, "show"):
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            assert time.monotonic() < deadline, "the first instance never started listening"
            time.sleep(0.2)
        started = time.monotonic()
        second = _launch("capture", data=data)
        assert second.wait(timeout=30) == 0, second.stderr.read() if second.stderr else ""
        assert time.monotonic() - started < 30
        third = _launch("gui", data=data)
        assert third.wait(timeout=30) == 0
        assert first.poll() is None  # the first instance is still the one running
    finally:
        first.kill()
        first.wait(timeout=10)


def test_two_folders_two_instances(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_a_stale_socket_never_blocks_the_next_start(tmp_path: Path, qapp) -> None:
    data = tmp_path / "crashed"
    stale = Path(QDir.tempPath()) / server_name(data)
    stale.write_text("left behind by a crash", encoding="utf-8")
    server = InstanceServer(data)
    try:
        assert server.listen()
        socket = QLocalSocket()
        socket.connectToServer(server_name(data))
        assert socket.waitForConnected(2000)  # the OS accepts it: we really listen now
        socket.abort()
    finally:
        server.close()
    stale.unlink(missing_ok=True)
