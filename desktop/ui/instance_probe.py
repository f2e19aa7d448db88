"""Find the running Rapport for a data folder without loading QtNetwork.

``rapport capture`` is bound to a global shortcut, and a quarter of what it adds to a bare
Qt window's start-up was QtNetwork (the module and its enums), needed only to ask "is
Rapport already running on this folder?". On Linux and the BSDs that question is one
Unix-socket connection, which the standard library makes in microseconds: the
``QLocalServer`` of :mod:`desktop.ui.single_instance` listens on
``<QDir.tempPath()>/<server_name>``, and it speaks one JSON line answered by ``ok``.

Where Qt's temporary folder cannot be told without Qt (macOS without ``TMPDIR``) or
local sockets are named pipes (Windows), :func:`probe_supported` is False and the caller
asks through QtNetwork as before. No Qt here, so importing this costs nothing.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import socket
import sys
from pathlib import Path

CONNECT_TIMEOUT_S = 0.5
READ_TIMEOUT_S = 1.0


def server_name(data_folder: Path) -> str:
    """A short, per-user, per-folder name (local socket names have tight length limits)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers) — fall back to a constant
        user = "user"
    digest = hashlib.sha256(f"{user}:{data_folder.resolve()}".encode()).hexdigest()[:16]
    return f"rapport-{digest}"


def _qt_temp_folder() -> str | None:
    """``QDir.tempPath()`` as Qt computes it on Unix: ``$TMPDIR`` or /tmp, canonical."""
    if sys.platform == "win32":
        return None  # named pipes, not files
    folder = os.environ.get("TMPDIR", "")
    if not folder:
        if sys.platform == "darwin":
            return None  # Qt asks NSTemporaryDirectory(), which we cannot see from here
        folder = "/tmp"
    return os.path.realpath(folder)


def probe_supported() -> bool:
    return _qt_temp_folder() is not None and hasattr(socket, "AF_UNIX")


def socket_path(data_folder: Path) -> Path | None:
    folder = _qt_temp_folder()
    return None if folder is None else Path(folder) / server_name(data_folder)


def send_to_running(data_folder: Path, action: str, **payload: object) -> bool:
    """Hand ``action`` to the instance serving ``data_folder``; False if none answers.

    A socket file left by a crashed instance refuses the connection: False, and the
    caller becomes the instance (which removes the stale file before listening).
    """
    path = socket_path(data_folder)
    if path is None or not path.exists():
        return False
    message = json.dumps({"action": action, **payload}).encode("utf-8") + b"\n"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(CONNECT_TIMEOUT_S)
            client.connect(str(path))
            client.sendall(message)
            client.settimeout(READ_TIMEOUT_S)
            answer = b""
            while not answer.endswith(b"\n") and len(answer) < 64:
                chunk = client.recv(64)
                if not chunk:
                    break
                answer += chunk
    except OSError:
        return False
    return answer == b"ok\n"
