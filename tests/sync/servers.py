"""Start and stop real servers for the sync tests: free ports, bounded readiness polls,
and stopping only the process each fixture started (by its own pid)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_port_pair(offset: int = 10_000) -> int:
    """A port p with p + offset free too (SeaweedFS puts gRPC at http port + 10000)."""
    for _ in range(200):
        port = free_port()
        if port + offset > 65_000:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port + offset))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port pair")


def wait_until(check: Callable[[], bool], timeout: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except Exception:
            pass
        time.sleep(interval)
    return False


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class ServerProcess:
    process: subprocess.Popen
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self, timeout: float = 15.0) -> None:
        """Stop our own process (and only it): SIGTERM, then SIGKILL if it lingers."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(5)

    def log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-3000:]
        except OSError:
            return ""


def start(
    command: list[str], log: Path, env: dict[str, str] | None = None, **kwargs
) -> ServerProcess:
    handle = log.open("wb")
    process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=env, **kwargs)
    handle.close()
    return ServerProcess(process, log)


def secret_service_available() -> bool:
    """Whether Debian's dbus-daemon and gnome-keyring-daemon are installed."""
    return bool(shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon"))


@contextlib.contextmanager
def secret_service(root: Path, unlock: str) -> Iterator[dict[str, str] | None]:
    """A real Secret Service: gnome-keyring on a private D-Bus session under ``root``.

    Yields what a (sub)process needs in its environment to use it, or ``None`` when it
    did not come up; stops both daemons (only the ones started here) afterwards.
    """
    home, runtime = root / "home", root / "run"
    home.mkdir(parents=True)
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
    }
    out = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=20,
        check=True,
    ).stdout.split()
    address, dbus_pid = out[0], int(out[1])
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    log_path = root / "gnome-keyring.log"
    with log_path.open("wb") as log:
        keyring_process = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        assert keyring_process.stdin is not None
        keyring_process.stdin.write(unlock.encode())
        keyring_process.stdin.close()
        probe = [
            sys.executable,
            "-c",
            "from keyring.backends import SecretService as S;"
            "k=S.Keyring(); k.set_password('probe','probe','x'); "
            "assert k.get_password('probe','probe')=='x'",
        ]

        def ready() -> bool:
            return subprocess.run(probe, env=env, capture_output=True, timeout=10).returncode == 0

        try:
            came_up = wait_until(ready, timeout=30, interval=0.3)
            yield (
                {
                    "DBUS_SESSION_BUS_ADDRESS": address,
                    "XDG_RUNTIME_DIR": str(runtime),
                    "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
                }
                if came_up
                else None
            )
        finally:
            ServerProcess(keyring_process, log_path).stop()
            with contextlib.suppress(ProcessLookupError):
                os.kill(dbus_pid, 15)
