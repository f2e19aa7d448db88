"""Sync against a broken or hostile folder tells the user (#19, "Sync against a hostile
or broken folder"): refused updates make `rapport sync` exit non-zero and the app show
"needs attention"; a hole in a device's sequence is reported after a grace period; an
unreadable name card is listed with the warnings; keyslot parameters out of bounds are
refused before any key derivation, and a damaged keyslot is told apart from a wrong
passphrase."""

from __future__ import annotations

import argparse
import base64
import json
from datetime import datetime
from pathlib import Path

import pytest

from desktop.services import people
from desktop.services.sync.cycle import sync_now
from desktop.sync import engine, layout, state, vault
from desktop.sync.crypto import KdfParams, SealError
from desktop.sync.errors import KeyslotDamaged, WrongPassphrase
from desktop.sync.payload import encode_json
from desktop.sync.remotes.folder import FolderRemote
from desktop.sync.targets import parse_target
from tests.sync.replicas import PASSPHRASE, Replica, cheap_kdf, digest, join_all


@pytest.fixture
def pair(tmp_path: Path):
    a, b = Replica(tmp_path, "laptop"), Replica(tmp_path, "desktop")
    join_all([a, b], parse_target(str(tmp_path / "vault")))
    yield a, b, tmp_path / "vault"
    a.close()
    b.close()


def _segments(folder: Path, device: str) -> list[Path]:
    return sorted((folder / layout.device_dir(device) / "seg").rglob("*.seg"))


def _cli_cycle(json_output: bool) -> int:
    from desktop.commands.sync_cli import _cycle

    return _cycle(argparse.Namespace(json=json_output))


def test_a_refused_update_makes_the_cli_exit_non_zero_and_the_app_say_so(
    pair, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.services.sync.status import status
    from desktop.ui.sync.status import describe

    a, b, folder = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    sync_now()
    device_a = state.load_config().device_id
    [segment] = _segments(folder, device_a)[-1:]
    data = bytearray(segment.read_bytes())
    data[-1] ^= 0x01  # altered on the way
    segment.write_bytes(bytes(data))

    b.use()
    before = digest()
    assert _cli_cycle(json_output=True) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["refused"] == 1 and out["needs_attention"] is True
    assert digest() == before  # nothing applied
    assert _cli_cycle(json_output=False) == 1
    err = capsys.readouterr().err
    assert "could not be verified" in err and "Attention: 1 update(s)" in err
    text, tip = describe(status(check_keyring=False), running=False)
    assert text == "Sync needs attention" and "could not be verified" in tip


def test_a_clean_cycle_still_exits_zero(pair, capsys: pytest.CaptureFixture[str]) -> None:
    a, b, _ = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    sync_now()
    b.use()
    assert _cli_cycle(json_output=True) == 0
    assert json.loads(capsys.readouterr().out)["needs_attention"] is False


def test_a_hole_in_a_devices_sequence_is_reported_after_the_grace_period(
    pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, folder = pair
    a.use()
    for name in ("One", "Two", "Three"):
        people.create_person(full_name=f"Person {name}")
        sync_now()
    device_a = state.load_config().device_id
    segments = _segments(folder, device_a)
    assert len(segments) >= 3
    hole = segments[0]
    hole.unlink()  # deleted by someone, or not copied yet by a folder sync

    b.use()
    quiet = sync_now()  # within the grace period: a folder sync may still be copying
    assert quiet.stuck == 0 and not any("stuck" in w for w in quiet.warnings)
    monkeypatch.setattr(engine, "GAP_GRACE_SECONDS", 0.0)
    loud = sync_now()
    assert loud.stuck == 1 and loud.needs_attention
    [warning] = [w for w in loud.warnings if "stuck since" in w]
    assert "laptop" in warning and datetime.now().strftime("%Y-%m-%d") in warning


def test_an_unreadable_name_card_is_listed_with_the_warnings(pair) -> None:
    a, b, folder = pair
    a.use()
    people.create_person(full_name="Ana Ruiz")
    sync_now()
    device_a = state.load_config().device_id
    card = folder / layout.device_info(device_a)
    card.write_bytes(card.read_bytes()[:-5])  # truncated

    b.use()
    result = sync_now()
    assert any("name card of device" in w for w in result.warnings), result.warnings


@pytest.mark.parametrize(
    "kdf",
    [
        {"memory_kib": 64, "iterations": 1, "lanes": 0},  # crashed Argon2 ("lanes: 0")
        {"memory_kib": 8, "iterations": 1, "lanes": 4},  # below 8 KiB per lane
        {"memory_kib": 4 * 1024 * 1024, "iterations": 64, "lanes": 4},  # minutes at 4 GiB
        {"memory_kib": 1024 * 1024, "iterations": 16, "lanes": 4},  # 16 GiB·passes of work
        {"memory_kib": -5, "iterations": 1, "lanes": 1},
    ],
)
def test_key_derivation_parameters_out_of_bounds_are_refused_before_use(kdf: dict) -> None:
    with pytest.raises(SealError, match="implausible"):
        KdfParams.from_json({"algorithm": "argon2id", **kdf})


def test_rapports_own_parameters_and_the_tests_cheap_ones_are_accepted() -> None:
    for params in (KdfParams(), cheap_kdf()):
        assert KdfParams.from_json(params.to_json()) == params


def _tamper_every_slot(remote: FolderRemote, change) -> None:
    for name in remote.list_dir(layout.KEYSLOTS):
        path = f"{layout.KEYSLOTS}/{name}"
        slot = json.loads(remote.read(path) or b"{}")
        change(slot)
        remote.write(path, encode_json(slot))


@pytest.mark.parametrize(
    "change",
    [
        lambda slot: slot["kdf"].update(lanes=0),
        lambda slot: slot["kdf"].update(memory_kib=4194304, iterations=64),
        lambda slot: slot.update(salt=base64.b64encode(b"short").decode()),
        lambda slot: slot.update(wrapped="not base64 at all!"),
        lambda slot: slot.pop("nonce"),
    ],
)
def test_a_damaged_keyslot_is_not_called_a_wrong_passphrase(tmp_path: Path, change) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    remote = FolderRemote(root)
    vault_id, _ = vault.create_vault(remote, PASSPHRASE, cheap_kdf())
    _tamper_every_slot(remote, change)
    # refused before any key derivation: a 4 GiB × 64 derivation would run for minutes
    with pytest.raises(KeyslotDamaged, match="changed or damaged") as caught:
        vault.unlock(remote, vault_id, PASSPHRASE)
    assert "not a wrong passphrase" in str(caught.value)


def test_a_well_formed_slot_that_does_not_open_is_a_wrong_passphrase(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    remote = FolderRemote(root)
    vault_id, _ = vault.create_vault(remote, PASSPHRASE, cheap_kdf())
    with pytest.raises(WrongPassphrase):
        vault.unlock(remote, vault_id, "not the passphrase")


@pytest.mark.parametrize(
    ("where", "said"),
    [("a-file", "is a file, not a folder"), ("/proc/self/no-such/vault", "cannot make the folder")],
)
def test_a_vault_target_that_cannot_be_a_folder_is_one_clear_line(
    tmp_path: Path, where: str, said: str
) -> None:
    import os
    import subprocess
    import sys

    (tmp_path / "a-file").write_text("not a folder")
    target = str(tmp_path / where) if not where.startswith("/") else where
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"), "sync",
         "create", target],
        input="pass phrase here\npass phrase here\n", capture_output=True, text=True,
        timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 1
    assert said in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert (tmp_path / "a-file").read_text() == "not a folder"
