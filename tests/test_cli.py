"""End-to-end command line runs in a temporary data folder (real subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.commands import gui

COMMANDS = ("gui", "demo", "search", "show", "selftest")


def rapport(*args: str, data: Path | None = None, env: dict | None = None, timeout: int = 120):
    command = [sys.executable, "-m", "desktop", *args]
    if data is not None:
        command += ["--data-dir", str(data)]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, env=environment, check=False
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = rapport("demo", "--people", "60", "--seed", "7", "--json", data=folder)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["people"] == 60
    assert summary["conversations"] > 600
    return folder


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = rapport(command, "--help")
    assert result.returncode == 0
    assert "--data-dir" in result.stdout


def test_bad_usage_exits_2() -> None:
    assert rapport("search").returncode == 2
    assert rapport("no-such-command").returncode == 2
    assert rapport("demo", "--people", "0").returncode == 2


def test_search_json_has_the_public_fields(demo_dir: Path) -> None:
    result = rapport("search", "a", "--json", data=demo_dir)
    assert result.returncode == 0, result.stderr
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert hits
    for hit in hits:
        assert {"type", "id", "title", "snippet"} <= hit.keys()
        assert hit["type"] in ("person", "conversation")


def test_show_prints_card_trust_and_promises(demo_dir: Path) -> None:
    first = json.loads(rapport("search", "a", "--json", data=demo_dir).stdout.splitlines()[0])
    result = rapport("show", first["id"], "--json", data=demo_dir)
    assert result.returncode == 0, result.stderr
    card = json.loads(result.stdout)
    assert card["id"] == first["id"]
    assert 0 <= card["trust"]["in_them"] <= 100
    assert card["trust"]["reasons_in_them"]
    assert card["trust"]["next_action"]
    text = rapport("show", card["full_name"], data=demo_dir)
    assert text.returncode == 0, text.stderr
    assert card["full_name"] in text.stdout
    assert "trust in you" in text.stdout


def test_unknown_person_is_a_one_line_error_with_near_matches(demo_dir: Path) -> None:
    result = rapport("show", "Zzyzx Qwerty", data=demo_dir)
    assert result.returncode == 1
    assert result.stderr.startswith("rapport: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_demo_refuses_to_mix_into_existing_data(demo_dir: Path) -> None:
    result = rapport("demo", "--people", "5", data=demo_dir)
    assert result.returncode == 1
    assert "--add" in result.stderr


def test_selftest_paints_the_main_window(demo_dir: Path) -> None:
    result = rapport("selftest", data=demo_dir)
    assert result.returncode == 0, result.stderr
    assert "selftest ok" in result.stdout


def test_data_dir_from_environment(tmp_path: Path) -> None:
    folder = tmp_path / "from-env"
    result = rapport("demo", "--people", "3", env={"RAPPORT_DATA_DIR": str(folder)})
    assert result.returncode == 0, result.stderr
    assert (folder / "rapport.sqlite3").exists()


def test_broken_database_file_gives_advice_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "rapport.sqlite3").write_text("not a database", encoding="utf-8")
    for args in (("search", "x"), ("show", "x"), ("selftest",), ("demo",)):
        result = rapport(*args, data=folder)
        assert result.returncode == 1, args
        assert "not a Rapport database" in result.stderr
        assert "Traceback" not in result.stderr
    assert (folder / "rapport.sqlite3").read_text(encoding="utf-8") == "not a database"


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["gui"],
        ["capture"],
        ["capture", "--data-dir", "/some/folder"],
        ["--data-dir", "/some/folder", "capture"],
        ["capture", "--data-dir=/some/folder"],
        ["--data-dir=/some/folder"],
    ],
)
def test_the_parser_free_fast_path_reads_what_argparse_reads(arguments: list[str]) -> None:
    """``rapport capture`` skips building argparse parsers; it must mean the same thing."""
    fast = cli._plain_fast_command(arguments)
    full = cli.build_parser().parse_args(arguments)
    assert fast is not None
    assert fast.data_dir == full.data_dir
    assert fast.handler is getattr(full, "handler", gui.run_gui)


@pytest.mark.parametrize(
    "arguments",
    [
        ["capture", "--help"],
        ["capture", "extra"],
        ["capture", "--data-dir"],
        ["capture", "--data-dir", "--verbose"],
        ["note", "Met Ana"],
        ["--version"],
        ["captrue"],
    ],
)
def test_anything_else_gets_the_full_parser(arguments: list[str]) -> None:
    assert cli._plain_fast_command(arguments) is None


def test_a_window_command_starts_without_cycle_collection_and_gives_it_back() -> None:
    """``rapport`` / ``rapport capture`` (#15): no automatic collection while PySide6 and
    the window load (the application's collector takes over when it is made); a command
    that ends before making one gives automatic collection back."""
    import gc

    from desktop import gc_pause

    app_collects = gc_pause.on_request_only()  # a test application's collector may run
    gc_pause.collect_automatically()
    try:
        seen: list[bool] = []

        def handler(args: object) -> int:
            seen.append(gc.isenabled())
            return 3

        fast = cli._plain_fast_command([])
        assert fast is not None
        assert cli._run_window(handler, fast) == 3
        assert seen == [False]
        assert gc.isenabled()

        def fails(args: object) -> int:
            raise ValueError("no such folder")

        with pytest.raises(ValueError):
            cli._run_window(fails, fast)
        assert gc.isenabled()

        def makes_an_application(args: object) -> int:
            gc_pause.collect_only_on_request()  # as create_application's collector does
            return 0

        assert cli._run_window(makes_an_application, fast) == 0
        assert not gc.isenabled()  # the GUI thread's timer collects from now on
        gc_pause.collect_automatically()
    finally:
        if app_collects:
            gc_pause.collect_only_on_request()
