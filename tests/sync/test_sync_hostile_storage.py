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
from desktop.sync.errors import SyncError, UnsafePath
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
        new_passphrase="the new passphrase",
        by="0123456789abcdef",
        by_name="laptop",
        revoke={"fedcba9876543210": 0},
        members=["0123456789abcdef", "fedcba9876543210"],
        kdf=cheap_kdf(),
    )

    assert hostile.read_victim() == VICTIM
    assert len(ring.ring.ring) == 2
    assert vault.unlock(hostile.remote, vault_id, "the new passphrase").key_id == ring.key_id


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


# -- parameters the storage cannot weaken ---------------------------------------------------
def test_a_weakened_vault_json_does_not_weaken_the_keyslot_a_removal_writes(
    hostile: Vault,
) -> None:
    from desktop.sync.crypto import KdfParams

    vault_id, _ = vault.create_vault(hostile.remote, PASSPHRASE, cheap_kdf())
    info = json.loads(hostile.remote.read(layout.VAULT) or b"{}")
    info["kdf"] = {"algorithm": "argon2id", "memory_kib": 8, "iterations": 1, "lanes": 1}
    hostile.remote.write(layout.VAULT, encode_json(info))

    rotation.rotate(
        hostile.remote,
        vault_id=vault_id,
        passphrase=PASSPHRASE,
        by="0123456789abcdef",
        by_name="laptop",
        revoke={"fedcba9876543210": 0},
        members=["0123456789abcdef", "fedcba9876543210"],
    )

    [slot] = vault.slots(hostile.remote)
    assert KdfParams.from_json(slot["kdf"]) == KdfParams()  # Rapport's own cost


# -- plain http:// ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    ["http://dav.example.org/remote.php/dav/", "http://192.0.2.7/dav", "http://[2001:db8::1]/"],
)
def test_plain_http_with_a_password_is_refused_unless_chosen(url: str) -> None:
    with pytest.raises(ValueError, match="unencrypted"):
        parse_target(url, user="ana")
    chosen = parse_target(url, user="ana", insecure_http=True)
    assert chosen.insecure_http
    # a stored target without the choice (an older database, an edited row) is refused too
    stored = type(chosen)(**{**chosen.__dict__, "insecure_http": False})
    with pytest.raises(SyncError, match="unencrypted"):
        stored.open("secret")


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8080/dav/", "http://localhost/dav", "http://[::1]:9/", "https://x.org/"],
)
def test_loopback_and_https_need_no_choice(url: str) -> None:
    assert not parse_target(url, user="ana").insecure_http


def test_the_cli_refuses_plain_http_before_asking_anything(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--data-dir",
            str(tmp_path / "data"),
            "sync",
            "create",
            "http://192.0.2.7/dav/",
            "--user",
            "ana",
        ],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 2, done.stderr
    assert "unencrypted" in done.stderr and "--insecure-http" in done.stderr
    assert "Traceback" not in done.stderr


# -- what is read is bounded -----------------------------------------------------------------
def test_an_oversized_file_is_refused_not_read_into_memory(
    hostile: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.sync.remotes import base

    path = layout.segment("0123456789abcdef", 1)
    hostile.remote.write(path, b"x" * 300_000)
    monkeypatch.setattr(base, "MAX_BODY_BYTES", 200_000)
    with pytest.raises(SyncError, match="more than"):
        hostile.remote.read(path)
    monkeypatch.setattr(base, "MAX_BODY_BYTES", 400_000)
    assert len(hostile.remote.read(path) or b"") == 300_000


def test_a_compression_bomb_is_cut_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import zlib

    from desktop.sync import payload
    from desktop.sync.crypto import SealError

    bomb = zlib.compress(b" " * 5_000_000, 9)  # ~5 KB that would inflate to 5 MB
    assert len(bomb) < 10_000
    monkeypatch.setattr(payload, "MAX_UNPACKED_BYTES", 1_000_000)
    with pytest.raises(SealError, match="more than"):
        payload.unpack(bomb, "segment")
    with pytest.raises(SealError, match="unreadable"):
        payload.unpack(payload.pack({"v": 1, "groups": []})[:-6], "segment")
    assert payload.unpack(payload.pack({"v": 1, "groups": []}), "segment") == {
        "v": 1,
        "groups": [],
    }


def test_a_key_holder_sealing_a_bomb_changes_nothing_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A device that holds the key seals a segment that inflates past the limit: the
    receiver refuses it with a warning and its store stays byte-identical."""
    import zlib

    from desktop.services import people
    from desktop.services.sync.cycle import sync_now
    from desktop.sync import payload
    from tests.sync.replicas import Replica, digest, join_all

    a, b = Replica(tmp_path, "laptop"), Replica(tmp_path, "desktop")
    try:
        join_all([a, b], parse_target(str(tmp_path / "vault")))
        monkeypatch.setattr(payload, "MAX_UNPACKED_BYTES", 1_000_000)
        a.use()
        people.create_person(full_name="Ana Ruiz")
        from desktop.sync import engine

        with monkeypatch.context() as patch:
            patch.setattr(engine, "encode_segment", lambda groups: zlib.compress(b" " * 3_000_000))
            sync_now()
        b.use()
        before = digest()
        result = sync_now()
        assert any("more than 0.954 MB" in w for w in result.warnings), result.warnings
        assert digest() == before
    finally:
        a.close()
        b.close()


# -- a folder vault is private -----------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_folder_vault_is_private_to_the_user(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    remote = FolderRemote(root)
    vault.create_vault(remote, PASSPHRASE, cheap_kdf())
    remote.write(layout.segment("0123456789abcdef", 1), b"sealed")
    for path in (root / layout.ROOT).rglob("*"):
        mode = path.stat().st_mode & 0o777
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"
