"""One running Rapport per data folder: a second launch hands its request to the first.

The first instance listens on a QLocalServer whose name is derived from the data folder
(two folders, two instances). A later ``rapport`` or ``rapport capture`` connects, sends
one JSON line (``{"action": "show"}`` or ``{"action": "capture"}``) and exits, so there is
never a second database connection. A socket left behind by a crash is removed before
listening, so it never blocks the next start. :mod:`desktop.ui.shell.instance_probe` asks the
same question without QtNetwork where it can (``rapport capture``'s start-up).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.ui.shell.instance_probe import server_name

CONNECT_TIMEOUT_MS = 500
READ_TIMEOUT_MS = 1000


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


def claim_or_forward(
    data_folder: Path, action: str, on_request: Callable[[str, dict], None]
) -> InstanceServer | None:
    """Become the instance for ``data_folder`` or forward ``action`` to the one that is.

    Returns the server when this process is now the instance, None when the request was
    handed over (the caller should exit 0).
    """
    if send_to_running(data_folder, action):
        return None
    server = InstanceServer(data_folder)
    server.requested.connect(on_request)
    server.listen()
    return server
