"""Address-book (CardDAV) sync benchmarks against a local Radicale (on demand).

    python tests/benchmarks/bench_carddav.py [--people N] [--server radicale|xandikos]
                                             [--latency MS]

Starts Radicale (or Xandikos) on 127.0.0.1 (the test servers of tests/dav), then times,
in process (wall clock, and the CPU time Rapport's own process spent):

- the first sync of N people (default 2,000; each with an email, a phone, an
  organization, a title and a birthday) from Rapport into an empty address book;
- the first sync of those N cards into an empty second data folder (the other way);
- a sync with nothing changed (target: one request, well under a second);
- a sync after 10 edits in Rapport.

``--latency MS`` adds MS milliseconds before each request, as a server across the
internet would (a local server answers in about a millisecond, so only there does
sending several PUTs at once show what it saves a user of iCloud or Fastmail).

Prints the figures; asserts nothing (timings belong in reports, not in the test suite).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a plain script


def _fill(count: int) -> None:
    from desktop.services.store import operation
    from desktop.storage import journal
    from desktop.storage.models import ContactPoint, ImportantDate, Person

    @operation
    def fill() -> None:
        for n in range(count):
            pid = journal.save(
                Person,
                None,
                {
                    "full_name": f"Person {n:05} Example",
                    "organization": f"Company {n % 97}",
                    "headline": "Engineer",
                    "about": "never leaves the laptop",
                },
            )
            journal.save(
                ContactPoint,
                None,
                {"person": pid, "kind": "email", "value": f"p{n}@example.org", "label": "work"},
            )
            journal.save(
                ContactPoint,
                None,
                {"person": pid, "kind": "phone", "value": f"+1 415 555 {n:04}", "label": "mobile"},
            )
            journal.save(
                ImportantDate,
                None,
                {
                    "person": pid,
                    "label": "birthday",
                    "day": f"1980-{n % 12 + 1:02}-{n % 28 + 1:02}",
                },
            )

    fill()


def _timed(label: str, run) -> object:
    started, cpu = time.perf_counter(), time.process_time()
    result = run()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{label:<40} {seconds:7.2f} s (Rapport CPU {cpu:6.2f} s)  requests {result.requests:>4}  "
        f"uploaded {result.uploaded:>5}  created {result.created:>5}  read {result.downloaded:>5}"
    )
    return result


def _add_latency(seconds: float) -> None:
    """Every CardDAV request waits ``seconds`` first (a round trip to a distant server)."""
    from desktop.services.contacts_sync.client import DavClient

    real = DavClient.request

    def distant(self, *args, **kwargs):
        time.sleep(seconds)
        return real(self, *args, **kwargs)

    DavClient.request = distant


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--server", choices=("radicale", "xandikos"), default="radicale")
    parser.add_argument("--latency", type=float, default=0.0, help="ms added per request")
    args = parser.parse_args()
    if args.latency > 0:
        _add_latency(args.latency / 1000)

    import keyring

    from desktop.services import people, store
    from desktop.services.contacts_sync import account as contacts
    from desktop.storage.models import Person
    from tests.dav.accounts import start_server
    from tests.sync.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    work = Path(tempfile.mkdtemp(prefix="bench-carddav-"))
    server = start_server(args.server, work / args.server)
    try:
        dav = server.new_account()
        store.open_store(work / "a")
        started = time.perf_counter()
        _fill(args.people)
        print(f"made {args.people:,} people in {time.perf_counter() - started:.1f} s")
        contacts.set_up(dav.base_url, dav.user, dav.password)
        _timed(f"first sync, {args.people:,} people up", contacts.sync_now)
        _timed("no-change sync", contacts.sync_now)
        for person in Person.select().limit(10):
            people.update_person(person.id, headline="Engineering manager")
        _timed("sync after 10 edits here", contacts.sync_now)
        _timed("no-change sync again", contacts.sync_now)
        store.close_store()

        store.open_store(work / "b")
        contacts.set_up(dav.base_url, dav.user, dav.password)
        _timed(f"first sync, {args.people:,} cards down", contacts.sync_now)
        _timed("no-change sync (second folder)", contacts.sync_now)
        store.close_store()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
