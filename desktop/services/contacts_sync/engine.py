"""One contacts sync: ask what changed (one request when nothing did), read the changed
cards, merge them with Rapport field by field in one transaction, then upload what
Rapport changed and remove what the user asked to remove.

The merge compares each side with its own last snapshot: a field only the address book
changed is taken; a field only Rapport changed is uploaded; a field both changed to
different values keeps Rapport's value and keeps the address book's as a conflict the
user can bring back (the same ``conflict`` table and view as sync between devices).
Lists (emails, phones, addresses, URLs) merge item by item: what either side added is
added, what either side removed is removed.

Progress is saved card by card: a server that goes away mid-sync loses nothing, and the
next sync finishes the work (a card whose upload answer was lost is recognised by its
UID and linked, not duplicated).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from desktop.services.contacts_sync import local
from desktop.services.contacts_sync import state as state_file
from desktop.services.contacts_sync.client import DavClient, TokenExpired, absolute
from desktop.services.contacts_sync.mapping import (
    LISTS,
    SCALARS,
    LocalPerson,
    Side,
    agreed,
    card_text,
    from_card,
    item_key,
    remote_side,
)
from desktop.services.contacts_sync.state import Card, ContactsState
from desktop.services.store import operation
from desktop.services.sync.run_db import RunDb, direct
from desktop.storage import journal
from desktop.storage.models import link_id
from desktop.storage.sync_tables import Conflict

SAVE_EVERY = 50


@dataclass
class SyncResult:
    downloaded: int = 0  # cards read from the server
    created: int = 0  # new people from the address book
    updated: int = 0  # people changed from the address book
    uploaded: int = 0  # cards written
    removed: int = 0  # cards removed from the server (the user asked)
    gone: int = 0  # people no longer in the address book (kept here)
    conflicts: int = 0
    requests: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Job:
    action: str  # create | update | delete
    person: str
    href: str | None = None


def _none(value: Any) -> Any:
    return value or None


def _uid_person(uid: str) -> str | None:
    """The person id a card's UID names: ours (``urn:uuid:<id>``) or the vCard import's."""
    import uuid

    if not uid:
        return None
    text = uid.removeprefix("urn:uuid:")
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return link_id("vcard-uid", uid)


class _Merge:
    """The local half of one sync, run inside one transaction."""

    def __init__(self, state: ContactsState, now: str) -> None:
        self.state = state
        self.now = now
        self.result = SyncResult()
        self.touched: set[str] = set()  # people whose snapshot must be taken again
        self.created: set[str] = set()  # people new from the address book in this sync
        self.remote: dict[str, Side] = {}  # href → the card as read now

    def conflict(self, entity: str, row_id: str, name: str, value: Any, etag: str) -> None:
        won = local.field_clock(row_id, name) if entity == "person" else ""
        Conflict.insert(
            id=f"carddav:{entity}:{row_id}:{name}:{etag}",
            entity=entity,
            row_id=row_id,
            field=name,
            value=journal.encode_value(value),
            losing_hlc=f"address book {etag}"[:200],
            winning_hlc=won,
            seen=False,
            detected_at=datetime.now().replace(microsecond=0),
        ).on_conflict_ignore().execute()
        self.result.conflicts += 1

    def merge(self, href: str, card: Card, person: local.Held, side: Side, etag: str) -> bool:
        """Take the address book's changes; True when Rapport must upload the card."""
        mine = person.side()
        base_l, base_r = card.local, card.remote
        now_l, now_r = mine.snapshot, side.snapshot
        upload = False
        fields: dict[str, Any] = {}
        keys = [k for k in SCALARS if k in now_l] + sorted(
            {k for s in (now_l, now_r, base_l, base_r) for k in s if k.startswith("date:")}
        )
        for key in keys:
            if key.startswith("date:") and "dates" in person.hidden:
                continue
            ours, theirs = _none(now_l.get(key)), _none(now_r.get(key))
            ours_changed = ours != _none(base_l.get(key))
            theirs_changed = theirs != _none(base_r.get(key))
            if ours == theirs or not (ours_changed or theirs_changed):
                continue
            if theirs_changed and not ours_changed:
                self._take(person, card.person, key, theirs, side, fields)
            elif theirs_changed and ours_changed:
                value = side.photo if key == "photo" else theirs
                if key.startswith("date:"):
                    row = person.date_ids.get(key[5:])
                    if row:
                        self.conflict("important_date", row, "day", theirs, etag)
                    elif theirs:
                        local.set_date(card.person, key[5:], theirs, None)  # nothing to lose
                        continue
                else:
                    self.conflict("person", card.person, key, value or "", etag)
                upload = True
            else:
                upload = True
        if fields:
            local.set_fields(card.person, fields)
        if "contact_points" not in person.hidden:
            upload = self._lists(card, person, now_l, now_r) or upload
        return upload

    def _take(
        self, person: local.Held, pid: str, key: str, value: Any, side: Side, fields: dict
    ) -> None:
        self.touched.add(pid)
        if key.startswith("date:"):
            label = key[5:]
            local.set_date(pid, label, value, person.date_ids.get(label))
        elif key == "photo":
            fields["photo"] = side.photo
        elif key == "full_name" and not value:
            return  # a card always has a name; never blank a person
        else:
            fields[key] = value or ""

    def _lists(self, card: Card, person: local.Held, now_l: dict, now_r: dict) -> bool:
        upload = False
        for kind in LISTS:

            def keys(items: Any, kind: str = kind) -> dict[str, tuple[str, str]]:
                return {item_key(kind, v): (v, label) for v, label in (items or [])}

            ours, base_l = keys(now_l.get(kind)), keys(card.local.get(kind))
            theirs, base_r = keys(now_r.get(kind)), keys(card.remote.get(kind))
            result = set(ours)
            for key in theirs.keys() - base_r.keys() - ours.keys():
                value, label = theirs[key]
                local.add_contact(card.person, kind, label, value, value)
                self.touched.add(card.person)
                result.add(key)
            for key in (base_r.keys() - theirs.keys()) & ours.keys():
                if key in base_l:  # (not one Rapport added since: that one stays)
                    for contact_id in person.contact_ids.get((kind, key), []):
                        local.remove_contact(contact_id)
                    self.touched.add(card.person)
                    result.discard(key)
            if result != theirs.keys():  # the card does not hold Rapport's list yet
                upload = True
        return upload


def _read_cards(
    client: DavClient, state: ContactsState, result: SyncResult
) -> tuple[dict[str, tuple[str, str]], list[str], str | None]:
    """(href → (etag, text) of cards changed on the server, hrefs removed there, new token)."""
    book = state.account.book_url  # type: ignore[union-attr]
    try:
        changes = client.changes(book, state.token)
    except TokenExpired:
        changes = client.changes(book, None)
    known = state.cards
    if changes.full:
        removed = [h for h in known if h not in changes.changed]
    else:
        removed = [h for h in changes.removed if h in known]
    wanted = [h for h, tag in changes.changed.items() if h not in known or known[h].etag != tag]
    fetched = client.fetch(book, wanted) if wanted else {}
    result.downloaded = len(fetched)
    return fetched, removed, changes.token


def synchronise(
    folder: Path,
    client: DavClient,
    progress: Callable[[str], None] | None = None,
    run_db: RunDb = direct,
) -> SyncResult:
    """One sync of the data folder's address book; state is saved as work completes.

    The network runs where this is called; the one database step (the merge, one
    transaction) is handed to ``run_db`` (the GUI thread, in the app)."""
    started = time.monotonic()
    state = state_file.load(folder)
    if state.account is None:
        from desktop.sync.errors import NotConfigured

        raise NotConfigured("The address book is not set up (rapport contacts setup).")
    counter = _RequestCounter(client)
    try:
        result = _run(folder, client, state, progress, run_db)
        state.last_error = None
    except Exception as exc:
        # What was saved is what happened: a merge that rolled back left the file as it
        # was, and uploads save their progress as they go. Only the problem is added.
        saved = state_file.load(folder)
        saved.last_error = str(exc)
        state_file.save(folder, saved)
        raise
    finally:
        client.request = counter.original  # type: ignore[method-assign]
    result.requests = counter.count
    result.seconds = time.monotonic() - started
    state.last_sync = datetime.now().replace(microsecond=0).isoformat()
    state.last_result = {k: v for k, v in result.to_json().items() if isinstance(v, int)}
    state_file.save(folder, state)
    return result


class _RequestCounter:
    """Counts the HTTP requests of one sync (the no-change sync makes exactly one)."""

    def __init__(self, client: DavClient) -> None:
        self.count = 0
        self.original = client.request

        lock = threading.Lock()  # uploads count from several threads

        def counted(*args: Any, **kwargs: Any) -> Any:
            with lock:
                self.count += 1
            return self.original(*args, **kwargs)

        client.request = counted  # type: ignore[method-assign]


def _run(
    folder: Path,
    client: DavClient,
    state: ContactsState,
    progress: Callable[[str], None] | None,
    run_db: RunDb,
) -> SyncResult:
    say = progress or (lambda _text: None)
    account = state.account
    assert account is not None
    now = datetime.now().replace(microsecond=0).isoformat()
    say("Asking the address book what changed…")
    result = SyncResult()
    fetched, removed, token = _read_cards(client, state, result)
    merge = _Merge(state, now)
    merge.result = result
    say(f"Merging {len(fetched)} changed contacts…" if fetched else "Checking your people…")
    jobs, texts, people = run_db(lambda: _apply(state, merge, fetched, removed))
    if fetched or removed or token != state.token:
        state.token = token
        state_file.save(folder, state)
    if jobs:
        _upload(folder, client, state, jobs, texts, people, result, say)
        _advance_token(client, state)
        state_file.save(folder, state)
    return result


def _advance_token(client: DavClient, state: ContactsState) -> None:
    """Move the sync-token past our own uploads, so the next sync starts after them.

    Some servers (Xandikos) report the net change since a token: a card we uploaded and
    the phone then deleted would never be reported as removed. The token moves only when
    everything since it is our own writing; otherwise the next sync reads it all.
    """
    if not state.token:
        return
    try:
        changes = client.changes(state.account.book_url, state.token)  # type: ignore[union-attr]
    except TokenExpired:
        return
    ours = all(h in state.cards and state.cards[h].etag == e for h, e in changes.changed.items())
    if ours and not any(h in state.cards for h in changes.removed) and changes.token:
        state.token = changes.token


@operation
def _apply(
    state: ContactsState,
    merge: _Merge,
    fetched: dict[str, tuple[str, str]],
    removed: list[str],
) -> tuple[list[_Job], dict[str, str], dict[str, local.Held]]:
    """Everything local, in one transaction: returns the uploads it leaves to do."""
    result = merge.result
    by_person = state.by_person()
    for href in removed:
        card = state.cards.pop(href)
        if card.person and not card.detached and card.person in local.live_ids([card.person]):
            state.gone[card.person] = merge.now
            state.new_people.pop(card.person, None)
            result.gone += 1
    linked_ids = [c.person for c in state.cards.values() if c.person]
    scope = local.in_scope(state.scope, state.scope_values) - set(state.gone)
    people = local.load({*linked_ids, *scope})
    upload: set[str] = set()
    texts: dict[str, str] = {}
    parsed: dict[str, tuple[Any, str]] = {}
    for href, (_etag, text) in fetched.items():
        try:
            parsed[href] = from_card(text)
        except Exception as exc:  # one unreadable card must not stop the others
            result.warnings.append(f"{href}: the card could not be read ({exc})")
            parsed[href] = (None, "")
    # cards not linked yet: a person named by their UID, or a new person
    uid_ids = {href: _uid_person(uid) for href, (p, uid) in parsed.items()}
    candidates = {pid for pid in uid_ids.values() if pid}
    exists = local.existing_ids(candidates)
    extra = [pid for pid in candidates if pid in exists and pid not in people]
    people.update(local.load(extra))
    batch = local.NewPeople()
    for href, (etag, text) in fetched.items():
        incoming, uid = parsed[href]
        card = state.cards.get(href)
        if incoming is None:
            state.cards[href] = Card("", etag, uid, {}, {})
            continue
        texts[href] = text
        if card is None or not card.person:
            pid = uid_ids[href]
            if pid and pid in exists and pid not in by_person:
                if exists[pid]:  # deleted here: leave the card alone
                    state.cards[href] = Card(pid, etag, uid, {}, {}, detached=True)
                    by_person[pid] = href
                    continue
                card = Card(pid, etag, uid, {}, {})
            else:
                fresh_id = pid not in exists and pid not in by_person
                new = batch.add(incoming, pid if pid and fresh_id else None)
                state.new_people[new] = merge.now
                merge.created.add(new)
                result.created += 1
                card = Card(new, etag, uid, {}, {})
                people[new] = batch.held[new]
                merge.remote[href] = remote_side(incoming, set())
                card.remote = merge.remote[href].snapshot
                card.local = people[new].side().snapshot
                state.cards[href] = card
                by_person[new] = href
                continue
            state.cards[href] = card
            by_person[card.person] = href
        person = people.get(card.person)
        if person is None or person.deleted:
            card.etag = etag
            continue
        side = remote_side(incoming, person.hidden)
        merge.remote[href] = side
        if merge.merge(href, card, person, side, etag):
            upload.add(card.person)
        card.etag = etag
        card.uid = uid or card.uid
    batch.write()
    result.updated = len(merge.touched - merge.created)
    # what Rapport changed since the last sync, and what it deleted
    jobs: list[_Job] = []
    fresh = local.load(merge.touched) if merge.touched else {}
    people.update(fresh)
    for href, card in list(state.cards.items()):
        if not card.person:
            continue
        person = people.get(card.person)
        if person is None or person.deleted:
            asked = card.person in state.remove_requested
            if asked or (state.remove_deleted and not card.detached):
                jobs.append(_Job("delete", card.person, href))
            else:
                card.detached = True  # stays in the address book; no longer synced
            continue
        card.detached = False  # restored here (Undo): linked again
        if href in merge.remote:
            card.remote = merge.remote[href].snapshot
            if card.person not in upload:
                card.local = person.side().snapshot
                continue
        if card.person in upload or person.side().snapshot != card.local:
            jobs.append(_Job("update", card.person, href))
    for pid in sorted(scope - set(by_person)):
        person = people.get(pid)
        if person is not None and not person.deleted:
            jobs.append(_Job("create", pid))
    return jobs, texts, people


def _upload(
    folder: Path,
    client: DavClient,
    state: ContactsState,
    jobs: list[_Job],
    texts: dict[str, str],
    people: dict[str, local.Held],
    result: SyncResult,
    say: Callable[[str], None],
) -> None:
    """Removals one by one, then the PUTs through a small pool (:data:`UPLOADERS` at once).

    A first upload of thousands of cards is bound by the server's cost per PUT, not by
    Rapport, so a few PUTs in flight divide its time. Only the network runs in the pool:
    each answer is written into ``state`` here, on this thread, and the state is saved
    every :data:`SAVE_EVERY` answers and at the end, whatever happened. A failed PUT stops
    the ones not yet sent; those in flight finish and are kept; the first error is raised.
    """
    book = state.account.book_url  # type: ignore[union-attr]
    need = [j.href for j in jobs if j.action == "update" and j.href and j.href not in texts]
    if need:
        for href, (_etag, text) in client.fetch(book, need).items():
            texts[href] = text
    done = 0

    def count() -> None:
        nonlocal done
        done += 1
        if done % SAVE_EVERY == 0:
            say(f"Uploaded {done} of {len(jobs)} contacts…")
            state_file.save(folder, state)

    try:
        for job in jobs:
            if job.action != "delete":
                continue
            card = state.cards[job.href]  # type: ignore[index]
            if client.delete(absolute(book, job.href), card.etag):  # type: ignore[arg-type]
                del state.cards[job.href]  # type: ignore[arg-type]
                if job.person in state.remove_requested:
                    state.remove_requested.remove(job.person)
                result.removed += 1
            count()
        puts = [
            (job, people[job.person], state.cards.get(job.href or ""))
            for job in jobs
            if job.action != "delete"
        ]
        for sent in _in_pool(client, book, puts, texts):
            _record(state, sent, result)
            count()
    finally:
        state_file.save(folder, state)


#: PUTs in flight at once during an upload (each thread has its own HTTP session).
UPLOADERS = 4


@dataclass
class _Sent:
    """One PUT's answer, for the coordinating thread to record."""

    job: _Job
    person: LocalPerson
    href: str
    etag: str | None  # None: nothing was written (see ``found``)
    uid: str
    text: str
    found: tuple[str, str] | None = None  # a card already at the address: (etag, text)


def _in_pool(
    client: DavClient,
    book: str,
    puts: list[tuple[_Job, LocalPerson, Card | None]],
    texts: dict[str, str],
) -> Iterator[_Sent]:
    """Send the PUTs, at most :data:`UPLOADERS` at once; yield each answer as it comes."""
    if len(puts) < 2:
        for job, person, card in puts:
            yield _send(client, book, job, person, card, texts)
        return
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    pending = iter(puts)
    error: BaseException | None = None
    with ThreadPoolExecutor(UPLOADERS, thread_name_prefix="carddav-put") as pool:
        running = set()
        for job, person, card in pending:
            running.add(pool.submit(_send, client, book, job, person, card, texts))
            if len(running) >= UPLOADERS * 2:
                break
        while running:
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                if future.exception() is not None:
                    error = error or future.exception()
                else:
                    yield future.result()
            if error is None:  # keep the pool fed; after an error, only drain
                for job, person, card in pending:
                    running.add(pool.submit(_send, client, book, job, person, card, texts))
                    if len(running) >= UPLOADERS * 2:
                        break
    if error is not None:
        raise error


def _send(
    client: DavClient,
    book: str,
    job: _Job,
    person: LocalPerson,
    card: Card | None,
    texts: dict[str, str],
) -> _Sent:
    """The network half of one upload (any thread): build the card, PUT it."""
    if job.action == "create":
        href = f"{_book_path(book)}{quote(job.person)}.vcf"
        text = card_text(job.person, person, None, None)
        etag = client.put(absolute(book, href), text, None)
        found = None
        if etag is None:  # a card is already there (an earlier upload whose answer was lost)
            found = client.fetch(book, [href]).get(href)
        return _Sent(job, person, href, etag, f"urn:uuid:{job.person}", text, found)
    href = job.href or ""
    assert card is not None
    existing = texts.get(href)
    same = agreed(person.side().snapshot, card.remote) if existing else set()
    text = card_text(job.person, person, existing, card.uid or None, same)
    etag = client.put(absolute(book, href), text, card.etag or None)
    # None: changed on the server meanwhile; the next sync merges it first
    return _Sent(job, person, href, etag, card.uid, text)


def _record(state: ContactsState, sent: _Sent, result: SyncResult) -> None:
    """Write one answer into the state (the coordinating thread only)."""
    person = sent.person
    if sent.etag is None:
        if sent.found is not None:  # link the card that was already there
            etag, there = sent.found
            incoming, uid = from_card(there)
            remote = remote_side(incoming, person.hidden).snapshot if incoming else {}
            state.cards[sent.href] = Card(sent.job.person, etag, uid, remote, {})
        return
    incoming, _ = from_card(sent.text)
    remote = remote_side(incoming, person.hidden).snapshot if incoming else {}
    snapshot = person.side().snapshot
    state.cards[sent.href] = Card(sent.job.person, sent.etag, sent.uid, remote, snapshot)
    result.uploaded += 1


def _book_path(book_url: str) -> str:
    from desktop.services.contacts_sync.client import href_path

    path = href_path(book_url)
    return path if path.endswith("/") else path + "/"
