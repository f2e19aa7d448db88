"""Real CalDAV/CardDAV servers on 127.0.0.1 for the DAV tests: Radicale and Xandikos.

Two independent implementations, so that no quirk of one is baked into the client. Each
is started by the test session itself on a free port, polled for readiness in a bounded
loop, and stopped by its own pid (``tests.sync.servers``). Test data is uploaded with
plain HTTP (MKCOL/MKCALENDAR, PUT of .ics), never through the code under test.

Xandikos has no authentication of its own over plain http (it expects a reverse proxy),
so its user and password are accepted whatever they are: wrong-password tests use
Radicale.
"""

from __future__ import annotations

import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.sync import servers

# The user name is an email address, as at iCloud, Fastmail or Google: it is also how the
# user appears among a meeting's attendees (a declined invitation is told by it).
USER, PASSWORD = "me@example.org", "cal-app-pass-Vb3-Qw8-Ty6"
KINDS = ("radicale", "xandikos")

_MKCALENDAR = """<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>{name}</D:displayname></D:prop></D:set>
</C:mkcalendar>"""


@dataclass
class DavServer:
    kind: str
    base_url: str
    user: str
    password: str
    process: servers.ServerProcess
    home: str  # the user's collection home, where test calendars are made

    def as_tuple(self) -> tuple[str, str, str, str]:
        return (self.kind, self.base_url, self.user, self.password)

    def make_calendar(self, name: str = "") -> str:
        """A new, empty calendar collection; returns its URL (ends in /)."""
        url = f"{self.home}{uuid.uuid4().hex[:10]}/"
        body = _MKCALENDAR.format(name=name or "Work")
        answer = requests.request(
            "MKCALENDAR",
            url,
            data=body.encode(),
            headers={"Content-Type": "application/xml"},
            auth=(self.user, self.password),
            timeout=10,
        )
        if answer.status_code not in (200, 201):
            raise RuntimeError(f"MKCALENDAR {url}: {answer.status_code} {answer.text[:300]}")
        return url

    def put_ics(self, calendar_url: str, ics: str, name: str = "") -> str:
        url = f"{calendar_url}{name or uuid.uuid4().hex}.ics"
        answer = requests.put(
            url,
            data=ics.replace("\r\n", "\n").replace("\n", "\r\n").encode(),
            headers={"Content-Type": "text/calendar; charset=utf-8"},
            auth=(self.user, self.password),
            timeout=10,
        )
        if answer.status_code not in (200, 201, 204):
            raise RuntimeError(f"PUT {url}: {answer.status_code} {answer.text[:300]}")
        return url

    def stop(self) -> None:
        self.process.stop()


def _ready(url: str) -> bool:
    answer = requests.request("OPTIONS", url, timeout=1)
    return answer.status_code < 500


def start_radicale(root: Path) -> DavServer:
    port = servers.free_port()
    (root / "collections").mkdir(parents=True, exist_ok=True)
    users = root / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    config = root / "config"
    config.write_text(
        "[server]\n"
        f"hosts = 127.0.0.1:{port}\n"
        "[auth]\n"
        "type = htpasswd\n"
        f"htpasswd_filename = {users}\n"
        "htpasswd_encryption = plain\n"
        "delay = 0\n"
        "[storage]\n"
        f"filesystem_folder = {root / 'collections'}\n"
        "[logging]\n"
        "level = warning\n",
        encoding="utf-8",
    )
    process = servers.start(
        [sys.executable, "-m", "radicale", "--config", str(config)], root / "radicale.log"
    )
    base = f"http://127.0.0.1:{port}/"
    if not servers.wait_until(lambda: _ready(base), timeout=30):
        tail = process.log_tail()
        process.stop()
        raise RuntimeError(f"Radicale did not start:\n{tail}")
    return DavServer("radicale", base, USER, PASSWORD, process, f"{base}{USER}/")


def start_xandikos(root: Path) -> DavServer:
    port = servers.free_port()
    (root / "data").mkdir(parents=True, exist_ok=True)
    xandikos = Path(sys.executable).with_name("xandikos")
    command = [str(xandikos)] if xandikos.exists() else [sys.executable, "-m", "xandikos"]
    process = servers.start(
        [
            *command,
            "serve",
            "-d",
            str(root / "data"),
            "--state-dir",
            str(root / "state"),
            "--defaults",
            "--no-detect-systemd",
            "-l",
            "127.0.0.1",
            "-p",
            str(port),
            "--current-user-principal",
            f"/{USER}/",
        ],
        root / "xandikos.log",
    )
    base = f"http://127.0.0.1:{port}/"
    if not servers.wait_until(lambda: _ready(base), timeout=30):
        tail = process.log_tail()
        process.stop()
        raise RuntimeError(f"Xandikos did not start:\n{tail}")
    return DavServer("xandikos", base, USER, PASSWORD, process, f"{base}{USER}/calendars/")


def start_server(kind: str, root: Path) -> DavServer:
    return start_radicale(root) if kind == "radicale" else start_xandikos(root)
