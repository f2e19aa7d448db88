"""Two processes writing one data folder at once (issue #19): no failure, no traceback.

Before write transactions began as writes (``BEGIN IMMEDIATE``), a deferred transaction
that turned into a write after another process committed failed at once with "database
is locked" (about 3 % of parallel notes), and an import beside a note loop failed almost
every time, leaving a full backup behind on each try.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import store

RAPPORT = [sys.executable, "-m", "desktop"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data), "--people", "20"]) == 0
    store.close_store()
    return data


def _conversations(folder: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(folder / "rapport.sqlite3")
    try:
        return connection.execute("SELECT count(*) FROM conversation").fetchone()[0]
    finally:
        connection.close()


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_twenty_notes_at_once_all_succeed(folder):
    before = _conversations(folder)
    procs = [
        subprocess.Popen(
            [*RAPPORT, "note", f"Met Parallel{i} Tester at the fair", "--data-dir", str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for i in range(20)
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for proc in procs:
        proc.stdout.close()
        proc.stderr.close()
    for code, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    assert _conversations(folder) == before + 20


def _cards(path: Path, count: int) -> None:
    path.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported{i} Person{i}\r\n"
            f"EMAIL:person{i}@example.org\r\nORG:Org {i % 50}\r\nEND:VCARD\r\n"
            for i in range(count)
        )
    )


def test_an_import_beside_a_note_loop(folder, tmp_path):
    cards = tmp_path / "cards.vcf"
    _cards(cards, 800)
    loop = (
        "import subprocess, sys\n"
        "codes = []\n"
        "for i in range(6):\n"
        "    done = subprocess.run([sys.executable, '-m', 'desktop', 'note',\n"
        "        f'Met Looper{i} Tester', '--data-dir', sys.argv[1]], capture_output=True,\n"
        "        text=True)\n"
        "    if done.returncode or 'Traceback' in done.stderr:\n"
        "        print(done.returncode, done.stderr, file=sys.stderr)\n"
        "        sys.exit(1)\n"
    )
    notes = subprocess.Popen(
        [sys.executable, "-c", loop, str(folder)], stderr=subprocess.PIPE, text=True, env=_env()
    )
    imported = subprocess.run(
        [*RAPPORT, "import", str(cards), "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
    )
    notes_err = notes.communicate(timeout=300)[1]
    assert notes.returncode == 0, notes_err
    assert imported.returncode == 0, imported.stderr
    assert "Traceback" not in imported.stderr
    backups = list((folder / "backups").glob("*before-import*"))
    assert len(backups) == 1
