"""Find the running Rapport for a data folder without loading QtNetwork.

``rapport capture`` is bound to a global shortcut, and a quarter of what it adds to a bare
Qt window's start-up was QtNetwork (the module and its enums), needed only to ask "is
Rapport already running on this folder?". On Linux and the BSDs that question is one
Unix-socket connection, which the standard library makes in microseconds: the
``QLocalServer`` of :mod:`desktop.ui.shell.single_instance` listens on
``<QDir.tempPath()>/<server_name>``, and it speaks one JSON line answered by ``ok``.

Where Qt's temporary folder cannot be told without Qt (macOS without ``TMPDIR``) or
local sockets are named pipes (Windows), :func:`probe_supported` is False and the caller
asks through QtNetwork as before. No Qt here, so importing this costs nothing.
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path

CONNECT_TIMEOUT_S = 0.5
READ_TIMEOUT_S = 1.0


def _user() -> str:
    """Who runs this, as ``getpass.getuser()`` finds it (without importing getpass)."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, OSError):  # Windows, or no passwd entry (containers)
        return "user"


def server_name(data_folder: Path) -> str:
    """A short, per-user, per-folder name (local socket names have tight length limits).

    Two checksums of user and folder (zlib is loaded with Qt anyway; hashlib would load
    OpenSSL before the first paint): a name to meet on, not a secret.
    """
    key = f"{_user()}:{data_folder.resolve()}".encode()
    return f"rapport-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


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
    # The C module under ``socket``: the same objects, without the 7–9 ms that ``socket``
    # spends turning its constants into enums at import — a twentieth of a bare Qt
    # window's start-up, on the path of a global shortcut. Stable in CPython since
    # Python 2. Imported here, with json below: plain ``rapport`` takes the folder's lock
    # (``server_name``) and asks nobody before its first frame (#15).
    import _socket

    return _qt_temp_folder() is not None and hasattr(_socket, "AF_UNIX")


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
    import _socket
    import json

    message = json.dumps({"action": action, **payload}).encode("utf-8") + b"\n"
    try:
        client = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        try:
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
        finally:
            client.close()
    except OSError:
        return False
    return answer == b"ok\n"
