"""A hostile storage folder cannot make Rapport touch a file outside the vault (#21).

The storage is not trusted to name what Rapport reads, writes or deletes: a planted
``keyslots/zz.json`` holding ``{"slot": "../../../victim"}`` once made "remove device" and
"change passphrase" delete a file outside the vault (over WebDAV and S3 the ``../``
collapses in the URL and the DELETE lands elsewhere in the user's account). Each case
runs against a real folder, the WebDAV test server and SeaweedFS; the victim outside the
vault must come out byte-identical.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.sync import layout, rotation, vault
from desktop.sync.errors import UnsafePath
from desktop.sync.payload import encode_json
from desktop.sync.remotes.base import Remote
from desktop.sync.remotes.folder import FolderRemote
from desktop.sync.targets import parse_target
from tests.sync.conftest import S3_ACCESS, S3_SECRET, WEBDAV_PASSWORD, WEBDAV_USER
from tests.sync.replicas import PASSPHRASE, cheap_kdf

VICTIM = b"the user's own file, not Rapport's\n"
HOSTILE_PATHS = [
    "../victim.json",
    "rapport-sync-v1/keyslots/../../../victim.json",
    "rapport-sync-v1/keyslots/..",
    "/etc/passwd",
    "rapport-sync-v1//keyslots/x.json",
    "rapport-sync-v1/./vault.json",
    "rapport-sync-v1\\..\\..\\victim.json",
    "rapport-sync-v1/keyslots/.hidden.json",
    "rapport-sync-v1/keyslots/a b.json",
    "rapport-sync-v1/keyslots/x\x00.json",
    "rapport-sync-v1/keyslots/%2e%2e",
    "",
]


@dataclass
class Vault:
    """A vault on one kind of remote, and a victim file beside it (outside the vault)."""

    remote: Remote
    read_victim: Callable[[], bytes | None]


@pytest.fixture(params=["folder", "webdav", "s3"])
def hostile(request: pytest.FixtureRequest, tmp_path: Path, fast_retries) -> Vault:
    if request.param == "folder":
        root = tmp_path / "a" / "b" / "vault"
        root.mkdir(parents=True)
        # keyslots/../../../victim.json, seen from the vault's top, is a/b/victim.json
        victim = tmp_path / "a" / "b" / "victim.json"
        victim.write_bytes(VICTIM)
        remote = parse_target(str(root)).open(None, fast_retries)
        return Vault(remote, lambda: victim.read_bytes() if victim.exists() else None)
    if request.param == "webdav":
        server = request.getfixturevalue("webdav")
        (server.root / "victim.json").write_bytes(VICTIM)
        url = server.new_collection()
        remote = parse_target(url, user=WEBDAV_USER).open(WEBDAV_PASSWORD, fast_retries)
        victim = server.root / "victim.json"
        return Vault(remote, lambda: victim.read_bytes() if victim.exists() else None)
    import requests
    from requests_aws4auth import AWS4Auth

    server = request.getfixturevalue("seaweed")
    bucket = server.new_bucket()
    auth = AWS4Auth(S3_ACCESS, S3_SECRET, "us-east-1", "s3")
    victim_url = f"{server.endpoint}/{bucket}/victim.json"
    assert requests.put(victim_url, data=VICTIM, auth=auth, timeout=10).status_code == 200
    target = parse_target(f"s3://{bucket}/rapport", endpoint=server.endpoint, access_key=S3_ACCESS)
    remote = target.open(S3_SECRET, fast_retries)

    def read_victim() -> bytes | None:
        response = requests.get(victim_url, auth=auth, timeout=10)
        return response.content if response.status_code == 200 else None

    return Vault(remote, read_victim)


def _plant_keyslots(remote: Remote) -> None:
    """Keyslot-looking files whose JSON names a path outside the vault."""
    real = vault.slots(remote)[0]
    for name, slot_field in (
        ("zz", "../../../victim"),
        ("0123456789abcdef", "../../../victim"),
        ("fedcba9876543210", "../../../victim/../victim"),
    ):
        planted = dict(real, slot=slot_field)
        remote.write(f"{layout.KEYSLOTS}/{name}.json", encode_json(planted))


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_every_path_that_could_leave_the_vault_is_refused(path: str) -> None:
    with pytest.raises(UnsafePath):
        layout.check_path(path)


@pytest.mark.parametrize("slot_id", ["../../../victim", "ZZ", "0123456789abcdeF", "", "a" * 17])
def test_a_keyslot_name_must_be_sixteen_hex_digits(slot_id: str) -> None:
    with pytest.raises(UnsafePath):
        layout.keyslot(slot_id)


def test_the_names_rapport_writes_all_pass() -> None:
    for path in (
        layout.VAULT,
        layout.keyslot("0123456789abcdef"),
        layout.device_info("0123456789abcdef"),
        layout.segment("0123456789abcdef", 12345),
        layout.snapshot_part("0123456789abcdef", 3, 2),
        f"{layout.ROTATIONS}/0123456789abcdef.enc",
    ):
        assert layout.check_path(path) == path
    assert layout.check_path("", folder=True) == ""
    assert layout.check_path("rapport-sync-v1/keyslots/", folder=True)


def test_each_remote_refuses_hostile_paths_before_sending_anything(hostile: Vault) -> None:
    for path in HOSTILE_PATHS:
        for action in (
            lambda p=path: hostile.remote.read(p),
            lambda p=path: hostile.remote.write(p, b"x"),
            lambda p=path: hostile.remote.delete(p),
            lambda p=path: hostile.remote.exists(p),
        ):
            with pytest.raises(UnsafePath):
                action()
    assert hostile.read_victim() == VICTIM


def test_planted_keyslots_cannot_make_change_passphrase_delete_outside(hostile: Vault) -> None:
    vault_id, _ = vault.create_vault(hostile.remote, PASSPHRASE, cheap_kdf())
    _plant_keyslots(hostile.remote)

    ring = vault.change_passphrase(hostile.remote, vault_id, PASSPHRASE, "new pass", cheap_kdf())

    assert hostile.read_victim() == VICTIM
    assert vault.unlock(hostile.remote, vault_id, "new pass").key_ids == ring.key_ids
    # only files named like Rapport's keyslots were considered; the odd one is left alone
    assert hostile.remote.read(f"{layout.KEYSLOTS}/zz.json") is not None


def test_planted_keyslots_cannot_make_remove_device_delete_outside(hostile: Vault) -> None:
    vault_id, _ = vault.create_vault(hostile.remote, PASSPHRASE, cheap_kdf())
    _plant_keyslots(hostile.remote)

    ring = rotation.rotate(
        hostile.remote,
        vault_id=vault_id,
        passphrase=PASSPHRASE,
        by="0123456789abcdef",
        by_name="laptop",
        revoke={"fedcba9876543210": 0},
        members=["0123456789abcdef", "fedcba9876543210"],
        kdf=cheap_kdf(),
    )

    assert hostile.read_victim() == VICTIM
    assert len(ring.ring) == 2
    assert vault.unlock(hostile.remote, vault_id, PASSPHRASE).key_id == ring.key_id


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need POSIX here")
def test_a_planted_link_cannot_lead_a_folder_remote_outside(tmp_path: Path) -> None:
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "0123456789abcdef.json").write_bytes(VICTIM)
    (outside / "secret.txt").write_bytes(VICTIM)
    root = tmp_path / "vault"
    (root / layout.ROOT).mkdir(parents=True)
    os.symlink(outside, root / layout.KEYSLOTS)  # keyslots/ -> the user's home
    (root / layout.DEVICES).mkdir()
    os.symlink(outside / "secret.txt", root / layout.DEVICES / "device.enc")
    remote = FolderRemote(root)

    with pytest.raises(UnsafePath):
        remote.delete(layout.keyslot("0123456789abcdef"))
    with pytest.raises(UnsafePath):
        remote.write(layout.keyslot("0123456789abcdef"), b"overwritten")
    with pytest.raises(UnsafePath):
        remote.list_dir(layout.KEYSLOTS)
    with pytest.raises(UnsafePath):
        remote.read(f"{layout.DEVICES}/device.enc")

    assert (outside / "0123456789abcdef.json").read_bytes() == VICTIM
    assert (outside / "secret.txt").read_bytes() == VICTIM


def test_a_listing_only_hands_on_names_rapport_could_have_written(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    keyslots = root / layout.KEYSLOTS
    keyslots.mkdir(parents=True)
    for name in ("0123456789abcdef.json", ".tmp", "a b.json", "ok-name.json"):
        (keyslots / name).write_text(json.dumps({}))
    assert FolderRemote(root).list_dir(layout.KEYSLOTS) == ["0123456789abcdef.json", "ok-name.json"]
