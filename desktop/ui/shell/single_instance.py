"""One running Rapport per data folder: a second launch hands its request to the first.

The first instance listens on a QLocalServer whose name is derived from the data folder
(two folders, two instances). A later ``rapport`` or ``rapport capture`` connects, sends
one JSON line (``{"action": "show"}`` or ``{"action": "capture"}``) and exits, so there is
never a second database connection. Being the instance is a lock file held for the life
of the process (two launches in the same instant cannot both win); a socket left behind
by a crash is removed before listening, so it never blocks the next start.
:mod:`desktop.ui.shell.instance_probe` asks the same question without QtNetwork where it can
(``rapport capture``'s start-up).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.ui.shell.instance_lock import lock_file
from desktop.ui.shell.instance_probe import server_name

CONNECT_TIMEOUT_MS = 500
READ_TIMEOUT_MS = 1000
CLAIM_TIMEOUT_S = 10.0  # how long a second launch waits for the first to start listening


def send_to_running(data_folder: Path, action: str, **payload: object) -> bool:
    """Hand ``action`` to an instance already serving ``data_folder``; False if none runs."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_folder))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    message = json.dumps({"action": action, **payload}).encode("utf-8") + b"\n"
    socket.write(message)
    socket.flush()
    # flush() may already have written everything, and then waitForBytesWritten() has
    # nothing to wait for and reports False: what counts is that nothing is pending.
    delivered = socket.bytesToWrite() == 0 or socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    # Wait for the acknowledgement so the request is not lost if we exit at once.
    acknowledged = socket.waitForReadyRead(READ_TIMEOUT_MS) and socket.readAll().data() == b"ok\n"
    socket.disconnectFromServer()
    return delivered and acknowledged


class InstanceServer(QObject):
    """Listens for requests from later launches; emits ``requested(action, payload)``."""

    requested = Signal(str, dict)

    def __init__(self, data_folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._name = server_name(data_folder)
        self._lock: QLockFile | None = None
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening, clearing a stale socket a crashed instance may have left."""
        if self._server.listen(self._name):
            return True
        QLocalServer.removeServer(self._name)
        return self._server.listen(self._name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = socket.readLine().data()
        try:
            message = json.loads(line.decode("utf-8"))
            action = str(message.pop("action"))
        except (ValueError, KeyError, AttributeError, UnicodeDecodeError):
            socket.write(b"error\n")
            return
        socket.write(b"ok\n")
        socket.flush()
        self.requested.emit(action, message)


def serve(
    data_folder: Path, lock: QLockFile, on_request: Callable[[str, dict], None]
) -> InstanceServer:
    """Listen for later launches, holding ``lock`` (taken by this process) as long as the
    server lives."""
    server = InstanceServer(data_folder)
    server._lock = lock
    server.requested.connect(on_request)
    server.listen()  # a stale socket may be removed: the lock says it is ours
    return server


def claim_or_forward(
    data_folder: Path, action: str, on_request: Callable[[str, dict], None]
) -> InstanceServer | None:
    """Become the instance for ``data_folder`` or forward ``action`` to the one that is.

    Returns the server when this process is now the instance, None when the request was
    handed over (the caller should exit 0). The claim is a lock file held for the life
    of the process (``QLockFile``, which also sees through a lock left by a crash): two
    launches in the same instant cannot both win, as they could when "nobody answered
    the socket" was the only test. The loser forwards its request once the winner
    listens.
    """
    lock = lock_file(data_folder)
    deadline = time.monotonic() + CLAIM_TIMEOUT_S
    while True:
        if lock.tryLock(0):
            return serve(data_folder, lock, on_request)
        if send_to_running(data_folder, action):
            return None
        if time.monotonic() > deadline:
            # The holder neither answers nor lets go (hung?): do not open the database
            # beside it. The caller exits; the user can try again.
            sys.stderr.write(
                "rapport: another Rapport holds this data folder but does not answer; "
                "close it and try again\n"
            )
            return None
        time.sleep(0.05)
