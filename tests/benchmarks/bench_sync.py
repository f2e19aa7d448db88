"""Sync benchmarks at 10,000 people / ~200,000 conversations over local WebDAV (on demand).

    python tests/benchmarks/bench_sync.py [--people N] [--source DIR] [--profile DIR]

Builds (or copies, with ``--source``) a ``rapport demo`` network, starts the test WebDAV
server (wsgidav + cheroot, basic auth) on 127.0.0.1, then times through the real command
line, with secrets on standard input. The keyring is a real Secret Service (gnome-keyring
on a private D-Bus session, when installed; ``--keyring session`` forces the session-only
mode), so, as on a user's laptop, only create and join ask for secrets and the
incremental syncs find them in the keyring — a session-only keyring also re-enrolls the
device (a new signing key and roster entry) on every command, which no user with a
keyring pays for:

- the first full sync: ``rapport sync create URL`` (target ≤ 30 s, goal 20 s), which at
  this size also writes a snapshot (≥ 200,000 changes since the last one);
- joining from an empty second data folder: ``rapport sync join URL`` (target ≤ 30 s,
  goal 20 s), which starts from that snapshot (bulk load) and rebuilds the search index;
- an incremental sync of 10 edits: push on the first device, pull on the second (target
  ≤ 0.5 s of sync work each, start-up and Argon2 apart), and the bytes they added — once
  through the command line (a fresh process: its lazy imports count as sync work there)
  and then ``--rounds`` times inside two running devices (the app's case: store open,
  code imported), whose medians are the sync work alone.

Each command runs with ``RAPPORT_SYNC_TIMINGS=1`` and prints where its time went
(:mod:`desktop.sync.timings`): a command's wall time is split into Python start-up
(wall time minus the time inside the command), the Argon2id key derivation, and the sync
work itself (the rest), with the main phases after it. ``--profile DIR`` also runs
every command under cProfile and leaves ``create.prof``, ``join.prof``, ``push.prof`` and
``pull.prof`` there.

Prints the figures; asserts nothing (timings belong in reports, not in the test suite).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
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
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # replaced with --keyring real
    "RAPPORT_SYNC_TIMINGS": "1",
}
KEYRING_UNLOCK = "bench-keyring-unlock"
TIMINGS = "timings: "
#: One device as a running app keeps it: the store open and the sync code imported. It reads
#: commands from stdin ("edit N" then sync, or "sync") and answers each with the cycle's
#: wall and process-CPU seconds, so the incremental figure is the sync work alone.
DEVICE_SCRIPT = """
import json, sys, time
from pathlib import Path
from desktop.services import people, store
from desktop.services.sync.cycle import sync_now
from desktop.storage.models import Person
store.open_store(Path(sys.argv[1]))
sync_now()  # warm: whatever was pending, connections and caches as in a running app
print("ready", flush=True)
round_ = 0
for line in sys.stdin:
    words = line.split()
    if words[0] == "edit":
        round_ += 1
        chosen = Person.select().where(Person.deleted == False).limit(int(words[1]))
        for i, person in enumerate(chosen):
            people.update_person(person.id, headline=f"running edit {round_}.{i}")
    wall, cpu = time.perf_counter(), time.process_time()
    result = sync_now()
    print(json.dumps([time.perf_counter() - wall, time.process_time() - cpu,
                      result.pushed, result.pulled]), flush=True)
"""
EDIT_SCRIPT = """
import sys
from desktop.services import store, people
from desktop.storage.models import Person
store.open_store(__import__('pathlib').Path(sys.argv[1]))
for i, person in enumerate(Person.select().where(Person.deleted == False).limit(10)):
    people.update_person(person.id, headline=f"benchmark edit {i}")
"""


class Run:
    """One command's wall time, last line of output and in-process timings."""

    def __init__(self, wall: float, out: str, timings: dict[str, float]) -> None:
        self.wall, self.out, self.timings = wall, out, timings

    @property
    def startup(self) -> float:
        return self.wall - self.timings.get("command_s", self.wall)

    @property
    def kdf(self) -> float:
        return self.timings.get("kdf_s", 0.0)

    @property
    def work(self) -> float:
        return self.timings.get("command_s", self.wall) - self.kdf

    def line(self, label: str) -> str:
        last = self.out.splitlines()[-1] if self.out else ""
        cpu = self.timings.get("process_cpu_s", 0.0)
        return (
            f"{label:<36}{self.wall:6.2f} s = start-up {self.startup:.2f} + Argon2 "
            f"{self.kdf:.2f} + sync work {self.work:.2f} s (process CPU {cpu:.2f} s)   {last}"
        )

    def phases(self) -> str:
        hidden = ("command_s", "kdf_s", "process_cpu_s")
        shown = {k: v for k, v in self.timings.items() if k not in hidden}
        return "    " + ", ".join(f"{k[:-2]} {v:.2f}" for k, v in shown.items())


def rapport(*args: str, data: Path, stdin: str = "", profile: Path | None = None) -> Run:
    started = time.perf_counter()
    python = [sys.executable]
    if profile is not None:
        python += ["-m", "cProfile", "-o", str(profile)]
    result = subprocess.run(
        [*python, "-m", "desktop", *args, "--data-dir", str(data)],
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
    timings: dict[str, float] = {}
    for line in result.stderr.splitlines():
        if line.startswith(TIMINGS):
            timings = json.loads(line[len(TIMINGS) :])
    return Run(elapsed, result.stdout.strip(), timings)


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--source", type=Path, help="an existing demo data folder to copy")
    parser.add_argument("--profile", type=Path, help="write cProfile files of create and join")
    parser.add_argument("--rounds", type=int, default=7, help="running-app sync rounds")
    parser.add_argument(
        "--keyring",
        choices=("real", "session"),
        default="real" if servers.secret_service_available() else "session",
        help="a real Secret Service (default when gnome-keyring is installed) or none",
    )
    args = parser.parse_args()
    profile = args.profile.resolve() if args.profile else None
    if profile is not None:
        profile.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rapport-bench-sync-")))
        if args.keyring == "real":
            keyring = servers.secret_service(work / "keyring", KEYRING_UNLOCK)
            keyring_env = stack.enter_context(keyring)
            if keyring_env is None:
                raise SystemExit("gnome-keyring did not come up on the private D-Bus session")
            ENV.update(keyring_env)
        print(f"keyring: {args.keyring}")
        first, second, dav = work / "first", work / "second", work / "dav"
        if args.source:
            first.mkdir()
            shutil.copy(args.source / "rapport.sqlite3", first / "rapport.sqlite3")
            print(f"copied demo network from {args.source}")
        else:
            built = rapport("demo", "--people", str(args.people), data=first)
            print(f"demo network of {args.people} people built in {built.wall:.1f} s")
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
            created = rapport(
                "sync",
                "create",
                url,
                "--user",
                USER,
                data=first,
                stdin=secrets,
                profile=profile / "create.prof" if profile else None,
            )
            print(created.line("first full sync (create + push):"))
            print(created.phases())
            uploaded = tree_bytes(dav)
            snapshots = tree_bytes(dav / "vault" / "rapport-sync-v1" / "snapshots")
            print(
                f"  database {db_size / 1e6:.0f} MB -> vault {uploaded / 1e6:.1f} MB encrypted "
                f"(of which the snapshot: {snapshots / 1e6:.1f} MB)"
            )
            joined = rapport(
                "sync",
                "join",
                url,
                "--user",
                USER,
                data=second,
                stdin=secrets,
                profile=profile / "join.prof" if profile else None,
            )
            print(joined.line("join from an empty data folder:"))
            print(joined.phases())
            subprocess.run(
                [sys.executable, "-c", EDIT_SCRIPT, str(first)], env=ENV, cwd=ROOT, check=True
            )
            before = tree_bytes(dav)
            later = "" if args.keyring == "real" else secrets  # the keyring has them
            pushed = rapport(
                "sync", data=first, stdin=later, profile=profile / "push.prof" if profile else None
            )
            added = tree_bytes(dav) - before
            print(pushed.line("incremental push of 10 edits:"))
            print(pushed.phases())
            pulled = rapport(
                "sync", data=second, stdin=later, profile=profile / "pull.prof" if profile else None
            )
            print(pulled.line("incremental pull of 10 edits:"))
            print(pulled.phases())
            print(f"bytes uploaded for 10 edits:        {added} B (sealed segment on the server)")
            print(
                "(start-up: wall time minus the time inside the command; Argon2: every "
                "key derivation of the passphrase; sync work: the rest, "
                "opening the database included)"
            )
            running_app(first, second, rounds=args.rounds)
        finally:
            server.stop()


def running_app(first: Path, second: Path, *, rounds: int) -> None:
    """10-edit syncs inside two running devices: push on one, pull on the other."""

    def device(folder: Path) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-c", DEVICE_SCRIPT, str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=ENV,
            cwd=ROOT,
        )
        assert process.stdout is not None
        if process.stdout.readline().strip() != "ready":
            raise SystemExit("a device process did not start")
        return process

    def ask(process: subprocess.Popen[str], command: str) -> list[float]:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(command + "\n")
        process.stdin.flush()
        return json.loads(process.stdout.readline())

    pusher, puller = device(first), device(second)
    pushes, pulls = [], []
    try:
        for _ in range(rounds):
            pushes.append(ask(pusher, "edit 10"))
            pulls.append(ask(puller, "sync"))
    finally:
        for process in (pusher, puller):
            assert process.stdin is not None
            process.stdin.close()
            process.wait(60)
    for label, runs in (("push", pushes), ("pull", pulls)):
        moved = {int(r[2] if label == "push" else r[3]) for r in runs}
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(
            f"running app, {label} of 10 edits:{'':<9}median {wall:.3f} s "
            f"wall, {cpu:.3f} s CPU over {rounds} rounds "
            f"(changes per cycle: {sorted(moved)})"
        )


if __name__ == "__main__":
    main()
