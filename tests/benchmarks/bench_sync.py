"""Sync benchmarks at 10,000 people / ~200,000 conversations over local WebDAV (on demand).

    python tests/benchmarks/bench_sync.py [--people N] [--source DIR]

Builds (or copies, with ``--source``) a ``rapport demo`` network, starts the test WebDAV
server (wsgidav + cheroot, basic auth) on 127.0.0.1, then times through the real command
line, with secrets on standard input (session-only keyring):

- the first full sync: ``rapport sync create URL`` (target ≤ 60 s), which at this size
  also writes a snapshot (≥ 200,000 changes since the last one);
- joining from an empty second data folder: ``rapport sync join URL`` (target ≤ 60 s),
  which starts from that snapshot (bulk load) and rebuilds the search index;
- an incremental sync of 10 edits: push on the first device, pull on the second
  (target ≤ 1 s each), and the bytes those 10 edits added to the server.

Prints the figures; asserts nothing (timings belong in reports, not in the test suite).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a plain script

from tests.sync import servers  # noqa: E402

USER, PASSWORD = "bench", "bench-app-password"
PASSPHRASE = "benchmark passphrase of some length"
ENV = {
    **os.environ,
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # secrets on stdin every run
}
EDIT_SCRIPT = """
import sys
from desktop.services import store, people
from desktop.storage.models import Person
store.open_store(__import__('pathlib').Path(sys.argv[1]))
for i, person in enumerate(Person.select().where(Person.deleted == False).limit(10)):
    people.update_person(person.id, headline=f"benchmark edit {i}")
"""


def rapport(*args: str, data: Path, stdin: str = "") -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data)],
        input=stdin,
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"rapport {' '.join(args)} failed:\n{result.stderr}")
    return elapsed, result.stdout.strip()


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--source", type=Path, help="an existing demo data folder to copy")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rapport-bench-sync-") as tmp:
        work = Path(tmp)
        first, second, dav = work / "first", work / "second", work / "dav"
        if args.source:
            first.mkdir()
            shutil.copy(args.source / "rapport.sqlite3", first / "rapport.sqlite3")
            print(f"copied demo network from {args.source}")
        else:
            elapsed, _ = rapport("demo", "--people", str(args.people), data=first)
            print(f"demo network of {args.people} people built in {elapsed:.1f} s")
        db_size = (first / "rapport.sqlite3").stat().st_size
        (dav / "vault").mkdir(parents=True)
        port = servers.free_port()
        server = servers.start(
            [
                sys.executable,
                str(ROOT / "tests" / "sync" / "webdav_server.py"),
                "--port",
                str(port),
                "--root",
                str(dav),
                "--user",
                USER,
                "--password",
                PASSWORD,
            ],
            work / "dav.log",
        )
        try:
            if not servers.wait_until(lambda: servers.port_open(port), timeout=20):
                raise SystemExit("the WebDAV server did not start")
            url = f"http://127.0.0.1:{port}/vault/"
            secrets = f"{PASSPHRASE}\n{PASSWORD}\n"
            push_s, out = rapport("sync", "create", url, "--user", USER, data=first, stdin=secrets)
            print(f"first full sync (create + push):    {push_s:6.1f} s   {out.splitlines()[-1]}")
            uploaded = tree_bytes(dav)
            snapshots = tree_bytes(dav / "vault" / "rapport-sync-v1" / "snapshots")
            print(
                f"  database {db_size / 1e6:.0f} MB -> vault {uploaded / 1e6:.1f} MB encrypted "
                f"(of which the snapshot: {snapshots / 1e6:.1f} MB)"
            )
            join_s, out = rapport("sync", "join", url, "--user", USER, data=second, stdin=secrets)
            print(f"join from an empty data folder:     {join_s:6.1f} s   {out.splitlines()[-1]}")
            subprocess.run(
                [sys.executable, "-c", EDIT_SCRIPT, str(first)], env=ENV, cwd=ROOT, check=True
            )
            before = tree_bytes(dav)
            push_s, out = rapport("sync", data=first, stdin=secrets)
            added = tree_bytes(dav) - before
            print(f"incremental push of 10 edits:       {push_s:6.2f} s   {out}")
            pull_s, out = rapport("sync", data=second, stdin=secrets)
            print(f"incremental pull of 10 edits:       {pull_s:6.2f} s   {out}")
            print(f"bytes uploaded for 10 edits:        {added} B (sealed segment on the server)")
            print(
                "(each command's time includes starting Python, opening the database and "
                "one Argon2id derivation for the session-only passphrase)"
            )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
