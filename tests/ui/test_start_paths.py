"""How ``rapport`` opens its data folder (#15): the plain case defers the store's full
open past the first frame; every other case opens — creates, upgrades or refuses — before
any window, with the same outcome and the same message as the full open gives.

``app.run`` runs for real up to building the main window, which is replaced by a stand-in
that records how it was asked and stops there (so no event loop runs); the damaged-file
dialog is replaced by one that records the message it would show.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop import paths
from desktop.services import store
from desktop.storage import front_door, schema


class _WindowBuilt(Exception):
    """The stand-in main window was asked for: the start got that far."""


@pytest.fixture
def start(qapp, settings_names: None, monkeypatch) -> Iterator[Callable[[Path], dict]]:
    from desktop import app
    from desktop.ui.shell import damaged

    def build(folder: Path, first_look=None):
        seen["window"] = {"first_look": first_look, "deferred": front_door.has_deferred_open()}
        raise _WindowBuilt

    def recover(folder: Path, problem: str, parent=None) -> bool:
        seen.setdefault("shown", []).append(problem)
        return False

    seen: dict = {}
    monkeypatch.setattr(app, "build_main_window", build)
    monkeypatch.setattr(damaged, "recover", recover)

    def run(folder: Path) -> dict:
        seen.clear()
        try:
            seen["exit"] = app.run(folder)
        except _WindowBuilt:
            seen["exit"] = None
        return seen

    yield run
    store.close_store()


def _made(folder: Path, *, people: int = 1) -> Path:
    """A current-schema data folder, closed; its database's path."""
    from desktop.services import people as people_service

    store.open_store(folder)
    for n in range(people):
        people_service.create_person(full_name=f"Person {n}")
    store.close_store()
    return paths.database_path(folder)


def _refusal(folder: Path) -> str:
    """What the full open says of the folder's file (the message shown before #15)."""
    from desktop.storage.errors import StoreError

    with pytest.raises(StoreError) as error:
        store.open_store(folder)
    return str(error.value)


def test_the_plain_case_defers_the_full_open(tmp_path: Path, start) -> None:
    folder = tmp_path / "data"
    _made(folder)
    seen = start(folder)
    assert seen["window"] == {"first_look": front_door.FirstLook(True), "deferred": True}
    assert "shown" not in seen


def test_an_empty_folder_is_created_before_the_window(tmp_path: Path, start) -> None:
    folder = tmp_path / "new"
    seen = start(folder)
    assert seen["window"] == {"first_look": None, "deferred": False}
    with sqlite3.connect(paths.database_path(folder)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_an_older_schema_is_upgraded_after_a_backup_before_the_window(
    tmp_path: Path, start
) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    with sqlite3.connect(paths.database_path(folder)) as raw:
        for statement in schema.V1_SCHEMA:
            raw.execute(statement)
        raw.execute("INSERT INTO meta (key, value) VALUES ('device_id', 'abcdef0123456789')")
        raw.execute("PRAGMA user_version = 1")
    seen = start(folder)
    assert seen["window"] == {"first_look": None, "deferred": False}
    with sqlite3.connect(paths.database_path(folder)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert list((folder / "backups").glob("*before-v2*"))


@pytest.mark.parametrize("case", ["newer", "damaged", "foreign"])
def test_a_file_the_full_open_refuses_gets_no_window(tmp_path: Path, start, case: str) -> None:
    folder = tmp_path / case
    path = _made(folder)
    if case == "newer":
        with sqlite3.connect(path) as raw:
            raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    elif case == "damaged":
        with sqlite3.connect(path) as raw:
            raw.execute("DROP TABLE tag")
    else:
        path.write_bytes(b"not a database, but a letter to a friend" * 50)
    content = path.read_bytes()
    seen = start(folder)
    assert seen["exit"] == 1 and "window" not in seen
    assert seen["shown"] == [_refusal(folder)]  # the full open's own words, as before
    assert path.read_bytes() == content


def test_a_file_another_writer_holds_gets_no_window(tmp_path: Path, start) -> None:
    folder = tmp_path / "held"
    path = _made(folder)
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        seen = start(folder)  # the full open waits for its busy timeout, then refuses
    finally:
        holder.rollback()
        holder.close()
    assert seen["exit"] == 1 and "window" not in seen
    assert "in use" in seen["shown"][0]
