"""Fixtures for the address-book (CardDAV) tests: real servers on 127.0.0.1.

Test modules take the ones they use by name (``dav_account = contacts_fixtures.dav_account``).

``dav_account`` runs a test once per server (Radicale, Xandikos) and yields
``(kind, base_url, user, password)`` — a fresh user with one empty address book
(``.addressbook_url``) and one empty calendar (``.calendar_url``). Servers start once per
session and stop after; ``dav_server_factory`` starts a private one a test may stop and
start again (server down mid-sync). Every test also gets an empty in-memory keyring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.dav.accounts import KINDS, DavAccount, DavServer, start_server
from tests.sync.memory_keyring import MemoryKeyring


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An empty in-memory keyring and no session-only secrets, for every DAV test."""
    import keyring

    from desktop.services.sync.secrets import use_secret_store
    from desktop.sync import credentials

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    use_secret_store(None)
    credentials.forget_session()
    yield backend
    keyring.set_keyring(previous)
    use_secret_store(None)
    credentials.forget_session()


@pytest.fixture(scope="session")
def dav_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, DavServer]]:
    """Each kind of server, started on first use and stopped at the end of the session."""
    started: dict[str, DavServer] = {}

    class _Lazy(dict):
        def __missing__(self, kind: str) -> DavServer:
            server = start_server(kind, tmp_path_factory.mktemp(kind))
            started[kind] = server
            self[kind] = server
            return server

    yield _Lazy()
    for server in started.values():
        server.stop()


@pytest.fixture(params=KINDS)
def dav_account(request: pytest.FixtureRequest, dav_servers: dict[str, DavServer]) -> DavAccount:
    """A fresh account on each real server in turn: (kind, base_url, user, password)."""
    try:
        server = dav_servers[request.param]
    except RuntimeError as exc:
        pytest.fail(str(exc))
    return server.new_account()


@pytest.fixture
def dav_server_factory(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[str], DavServer]]:
    """Start a private server of a kind; stopped after the test whatever it did to it."""
    mine: list[DavServer] = []

    def make(kind: str) -> DavServer:
        server = start_server(kind, tmp_path_factory.mktemp(f"{kind}-private"))
        mine.append(server)
        return server

    yield make
    for server in mine:
        server.stop()
