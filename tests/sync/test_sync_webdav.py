"""Against a real WebDAV server (wsgidav + cheroot, basic auth) on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import people
from desktop.services.sync.cycle import sync_now
from desktop.services.sync.setup import create_vault
from desktop.services.sync.setup import test_connection as check_connection
from desktop.services.sync.status import status as sync_status
from desktop.storage.models import Person
from desktop.sync.errors import (
    AuthenticationFailed,
    RemoteFull,
    RemoteNotFound,
    RemoteUnavailable,
)
from desktop.sync.targets import parse_target
from tests.sync.conftest import WEBDAV_PASSWORD, WEBDAV_USER, WebDavServer, start_webdav
from tests.sync.replicas import Replica, digest, join_all, sync_all


@pytest.fixture
def pair(tmp_path: Path, webdav: WebDavServer, fast_retries):
    target = parse_target(webdav.new_collection(), user=WEBDAV_USER)
    a, b = Replica(tmp_path, "laptop"), Replica(tmp_path, "desktop")
    join_all([a, b], target, secret=WEBDAV_PASSWORD, policy=fast_retries)
    yield a, b, target
    a.close()
    b.close()


def test_two_devices_sync_through_webdav(pair, fast_retries) -> None:
    a, b, _ = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz", about="sails on Sundays")
    b.use()
    people.create_person(full_name="Ben Ode")
    sync_all([a, b], policy=fast_retries)
    b.use()
    assert Person.get_by_id(ana).about == "sails on Sundays"
    assert digest() == (a.use() and digest())


def test_wrong_password_is_refused_with_a_clear_message(
    tmp_path: Path, webdav: WebDavServer
) -> None:
    target = parse_target(webdav.new_collection(), user=WEBDAV_USER)
    replica = Replica(tmp_path, "a").use()
    with pytest.raises(AuthenticationFailed, match="refused the credentials"):
        check_connection(target, "wrong password")
    with pytest.raises(AuthenticationFailed):
        create_vault(target=target, passphrase="long enough pass", secret="wrong")
    assert sync_status().configured is False
    replica.close()


def test_missing_collection_is_not_found(tmp_path: Path, webdav: WebDavServer) -> None:
    target = parse_target(webdav.base + "no-such-folder/", user=WEBDAV_USER)
    Replica(tmp_path, "a").use()
    with pytest.raises(RemoteNotFound):
        check_connection(target, WEBDAV_PASSWORD)


@pytest.mark.parametrize("statuses", [[423], [503, 502], [423, 500]])
def test_locked_and_overloaded_answers_are_retried(pair, webdav, fast_retries, statuses) -> None:
    a, _b, _ = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    webdav.faults(statuses)
    result = sync_now(policy=fast_retries)
    assert result.pushed > 0


def test_persistent_5xx_stops_safely_and_the_next_cycle_resumes(pair, webdav, fast_retries) -> None:
    a, b, _ = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz")
    webdav.faults([503] * 20)
    with pytest.raises(RemoteUnavailable, match="tried 3 times"):
        sync_now(policy=fast_retries)
    assert sync_status().pending > 0
    webdav.faults([])
    sync_all([a, b], policy=fast_retries)
    b.use()
    assert Person.get_by_id(ana).full_name == "Ana Ruiz"


@pytest.mark.parametrize(("status", "error"), [(403, AuthenticationFailed), (507, RemoteFull)])
def test_forbidden_and_full_have_their_own_messages(
    pair, webdav, fast_retries, status, error
) -> None:
    a, _, _ = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    webdav.faults([status])
    with pytest.raises(error):
        sync_now(policy=fast_retries)
    assert sync_status().last_error
    sync_now(policy=fast_retries)
    assert sync_status().last_error is None


def test_server_down_then_back(tmp_path: Path, fast_retries) -> None:
    server = start_webdav(tmp_path / "dav", tmp_path / "dav.log")
    try:
        target = parse_target(server.new_collection(), user=WEBDAV_USER)
        a, b = Replica(tmp_path, "a"), Replica(tmp_path, "b")
        join_all([a, b], target, secret=WEBDAV_PASSWORD, policy=fast_retries)
        a.use()
        ana = people.create_person(full_name="Ana Ruiz")
        server.process.stop()
        before = digest()
        with pytest.raises(RemoteUnavailable, match="cannot reach"):
            sync_now(policy=fast_retries)
        assert digest() == before
        server = start_webdav(tmp_path / "dav", tmp_path / "dav2.log", port=server.port)
        sync_all([a, b], policy=fast_retries)
        b.use()
        assert Person.get_by_id(ana).full_name == "Ana Ruiz"
        a.close()
        b.close()
    finally:
        server.process.stop()


def test_create_makes_the_missing_last_folder_but_join_requires_it(
    tmp_path: Path, webdav: WebDavServer, fast_retries
) -> None:
    from desktop.services.sync.setup import join_vault

    parent = webdav.new_collection()
    name = parent.rstrip("/").rsplit("/", 1)[1]
    missing = parse_target(parent + "Rapport", user=WEBDAV_USER)
    Replica(tmp_path, "b").use()
    with pytest.raises(RemoteNotFound):
        join_vault(target=missing, passphrase="long enough pass", secret=WEBDAV_PASSWORD)
    assert not (webdav.root / name / "Rapport").exists()
    Replica(tmp_path, "a").use()
    create_vault(
        target=missing,
        passphrase="long enough pass",
        secret=WEBDAV_PASSWORD,
        policy=fast_retries,
    )
    assert (webdav.root / name / "Rapport").is_dir()
    assert sync_status().configured is True


def test_create_does_not_make_a_missing_parent(tmp_path: Path, webdav: WebDavServer) -> None:
    target = parse_target(webdav.base + "no-such-parent/Rapport/", user=WEBDAV_USER)
    Replica(tmp_path, "a").use()
    with pytest.raises(RemoteNotFound, match="no-such-parent/ does not exist"):
        create_vault(target=target, passphrase="long enough pass", secret=WEBDAV_PASSWORD)
    assert not (webdav.root / "no-such-parent").exists()
    assert sync_status().configured is False
