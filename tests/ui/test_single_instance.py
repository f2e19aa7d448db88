"""One Rapport per data folder: later launches hand their request to the running one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from desktop.ui.shell import instance_probe
from desktop.ui.shell.single_instance import InstanceServer, send_to_running, server_name


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


def test_the_qt_free_probe_finds_the_socket_qt_listens_on(tmp_path: Path, qtbot) -> None:
    """``rapport capture`` asks over a plain Unix socket; it must reach the QLocalServer."""
    if not instance_probe.probe_supported():
        pytest.skip("local sockets are named pipes here; capture asks through QtNetwork")
    data = tmp_path / "probed"
    assert instance_probe.send_to_running(data, "capture") is False  # nobody listens yet
    server = InstanceServer(data)
    try:
        assert server.listen()
        assert instance_probe.socket_path(data) == Path(server._server.fullServerName())
        answers: list[bool] = []
        # The probe blocks until the server answers, and the server answers from this
        # thread's event loop: ask from another thread.
        with qtbot.waitSignal(server.requested, timeout=5000) as received:
            asking = threading.Thread(
                target=lambda: answers.append(
                    instance_probe.send_to_running(data, "capture", note="x")
                )
            )
            asking.start()
        qtbot.waitUntil(lambda: not asking.is_alive(), timeout=5000)
        assert received.args == ["capture", {"note": "x"}]
        assert answers == [True]
    finally:
        server.close()
        # The accepted connection is deleted later, from the event loop: let that happen
        # while the server (its parent) still exists.
        qtbot.wait(100)


def test_the_probe_reads_a_stale_socket_file_as_nobody_running(tmp_path: Path) -> None:
    if not instance_probe.probe_supported():
        pytest.skip("local sockets are named pipes here")
    data = tmp_path / "crashed-probe"
    stale = instance_probe.socket_path(data)
    assert stale is not None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(str(stale))  # bound, never listening: what a killed instance leaves
    try:
        started = time.monotonic()
        assert instance_probe.send_to_running(data, "capture") is False
        assert time.monotonic() - started < instance_probe.CONNECT_TIMEOUT_S + 0.5
    finally:
        stale.unlink(missing_ok=True)
