"""Against real S3 (SeaweedFS ``weed mini`` with SigV4 identities) on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import people
from desktop.services.sync.setup import test_connection as check_connection
from desktop.storage.models import Person
from desktop.sync.errors import AuthenticationFailed, RemoteNotFound
from desktop.sync.targets import parse_target
from tests.sync.conftest import S3_ACCESS, S3_SECRET, S3Server
from tests.sync.replicas import Replica, digest, join_all, sync_all


def _target(server: S3Server, bucket: str, prefix: str = "rapport/vault"):
    return parse_target(f"s3://{bucket}/{prefix}", endpoint=server.endpoint, access_key=S3_ACCESS)


def test_two_devices_sync_through_s3(tmp_path: Path, seaweed: S3Server, fast_retries) -> None:
    target = _target(seaweed, seaweed.new_bucket())
    a, b = Replica(tmp_path, "laptop"), Replica(tmp_path, "desktop")
    join_all([a, b], target, secret=S3_SECRET, policy=fast_retries)
    a.use()
    ana = people.create_person(full_name="Ana Ruiz", headline="Harbour master")
    b.use()
    people.create_person(full_name="Ben Ode")
    sync_all([a, b], policy=fast_retries)
    b.use()
    assert Person.get_by_id(ana).headline == "Harbour master"
    assert digest() == (a.use() and digest())
    a.close()
    b.close()


def test_a_wrong_secret_is_refused_by_the_server(tmp_path: Path, seaweed: S3Server) -> None:
    target = _target(seaweed, seaweed.new_bucket())
    Replica(tmp_path, "a").use()
    assert "no vault there yet" in check_connection(target, S3_SECRET)
    with pytest.raises(AuthenticationFailed):
        check_connection(target, S3_SECRET + "x")
    wrong_key = parse_target(
        f"s3://{target.location}/x", endpoint=seaweed.endpoint, access_key="NOSUCHKEY"
    )
    with pytest.raises(AuthenticationFailed):
        check_connection(wrong_key, S3_SECRET)


def test_a_missing_bucket_is_named(tmp_path: Path, seaweed: S3Server) -> None:
    Replica(tmp_path, "a").use()
    with pytest.raises(RemoteNotFound, match="does not exist"):
        check_connection(_target(seaweed, "no-such-bucket-here"), S3_SECRET)
