"""Fixtures for the DAV tests: a real Radicale and a real Xandikos on 127.0.0.1 (one per
test session each), and an in-memory keyring for every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.dav.servers import KINDS, DavServer, start_server
from tests.sync.memory_keyring import MemoryKeyring


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """No test reads or writes the machine's real keyring."""
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


@pytest.fixture(scope="session", params=KINDS)
def dav_server(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[DavServer]:
    """A running server of each kind; ``.as_tuple()`` is (kind, base_url, user, password)."""
    server = start_server(request.param, tmp_path_factory.mktemp(request.param))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def radicale(tmp_path_factory) -> Iterator[DavServer]:
    """Radicale alone: it checks passwords (for the wrong-password tests)."""
    server = start_server("radicale", tmp_path_factory.mktemp("radicale-auth"))
    yield server
    server.stop()
