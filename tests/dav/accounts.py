"""Real CardDAV/CalDAV servers for the tests, on 127.0.0.1: Radicale and Xandikos.

Each server runs as its own process (so a test can stop it like a server going down and
start it again on the same port and folder), on a free port, with Basic auth. A test gets
a fresh user whose account holds one empty address book and one empty calendar, so tests
never see each other's cards. Helpers for processes and ports are the sync tests' own.
"""

from __future__ import annotations

import json
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from tests.sync import servers as processes

HERE = Path(__file__).resolve().parent
KINDS = ("radicale", "xandikos")

_MKCOL = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<D:mkcol xmlns:D="DAV:" xmlns:C="{ns}"><D:set><D:prop>'
    "<D:resourcetype><D:collection/><C:{kind}/></D:resourcetype>"
    "<D:displayname>{name}</D:displayname>"
    "</D:prop></D:set></D:mkcol>"
)
_CARDDAV = "urn:ietf:params:xml:ns:carddav"
_CALDAV = "urn:ietf:params:xml:ns:caldav"


class DavAccount(NamedTuple):
    """What a test gets: ``kind, base_url, user, password = account``."""

    kind: str
    base_url: str  # the server's root, ending in "/"
    user: str
    password: str

    @property
    def addressbook_url(self) -> str:
        """The account's one (empty) address book."""
        if self.kind == "xandikos":
            return f"{self.base_url}{self.user}/contacts/addressbook/"
        return f"{self.base_url}{self.user}/contacts/"

    @property
    def calendar_url(self) -> str:
        """The account's one (empty) calendar."""
        if self.kind == "xandikos":
            return f"{self.base_url}{self.user}/calendars/calendar/"
        return f"{self.base_url}{self.user}/calendar/"


@dataclass
class DavServer:
    kind: str
    root: Path
    port: int
    process: processes.ServerProcess | None = None
    users: dict[str, str] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def users_file(self) -> Path:
        return self.root / ("users.htpasswd" if self.kind == "radicale" else "users.json")

    def start(self) -> None:
        """Start (or start again, on the same port and folder) and wait until it answers."""
        self.root.mkdir(parents=True, exist_ok=True)
        self._write_users()
        log = self.root / "server.log"
        if self.kind == "radicale":
            config = self.root / "radicale.conf"
            config.write_text(
                "[server]\n"
                f"hosts = 127.0.0.1:{self.port}\n"
                "[auth]\n"
                "type = htpasswd\n"
                f"htpasswd_filename = {self.users_file}\n"
                "htpasswd_encryption = plain\n"
                "delay = 0\n"
                "[rights]\n"
                "type = owner_only\n"
                "[storage]\n"
                f"filesystem_folder = {self.root / 'collections'}\n"
                "[logging]\n"
                "level = warning\n"
            )
            command = [sys.executable, "-m", "radicale", "--config", str(config)]
        else:
            command = [
                sys.executable,
                str(HERE / "xandikos_server.py"),
                "--port",
                str(self.port),
                "--root",
                str(self.root / "collections"),
                "--users",
                str(self.users_file),
            ]
        self.process = processes.start(command, log)
        if not processes.wait_until(lambda: processes.port_open(self.port), timeout=30):
            tail = self.process.log_tail()
            self.stop()
            raise RuntimeError(f"{self.kind} did not start on port {self.port}:\n{tail}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None

    def _write_users(self) -> None:
        if self.kind == "radicale":
            text = "".join(f"{u}:{p}\n" for u, p in self.users.items())
        else:
            text = json.dumps(self.users)
        temporary = self.users_file.with_suffix(".tmp")
        temporary.write_text(text)
        temporary.replace(self.users_file)

    def new_account(self) -> DavAccount:
        """A fresh user with one empty address book and one empty calendar."""
        import requests

        user = f"u{uuid.uuid4().hex[:10]}"
        password = f"app-{uuid.uuid4().hex[:6]}-{uuid.uuid4().hex[:6]}"
        self.users[user] = password
        self._write_users()
        account = DavAccount(self.kind, self.base_url, user, password)
        auth = (user, password)
        with requests.Session() as http:
            http.auth = auth
            # Radicale makes the principal's collection on first contact; Xandikos made
            # the default address book and calendar with the principal.
            answer = http.request(
                "PROPFIND",
                f"{self.base_url}{user}/",
                headers={"Depth": "0"},
                timeout=30,
            )
            if answer.status_code != 207:
                raise RuntimeError(f"{self.kind}: PROPFIND answered {answer.status_code}")
            if self.kind == "radicale":
                for url, kind, ns in (
                    (account.addressbook_url, "addressbook", _CARDDAV),
                    (account.calendar_url, "calendar", _CALDAV),
                ):
                    body = _MKCOL.format(ns=ns, kind=kind, name=kind.title())
                    made = http.request(
                        "MKCOL",
                        url,
                        data=body.encode(),
                        headers={"Content-Type": "application/xml"},
                        timeout=30,
                    )
                    if made.status_code not in (200, 201):
                        raise RuntimeError(f"radicale: MKCOL {url} answered {made.status_code}")
        return account


def start_server(kind: str, root: Path, port: int | None = None) -> DavServer:
    """A running server of ``kind`` ("radicale" or "xandikos") keeping its data in ``root``."""
    if kind not in KINDS:
        raise ValueError(f"unknown DAV server {kind!r}; choose from {', '.join(KINDS)}")
    server = DavServer(kind, root, port or processes.free_port())
    server.start()
    return server
