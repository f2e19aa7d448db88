"""Trust readings from the stored history, one person or everyone at once (cached).

The rules are pure (:mod:`desktop.domain.trust`); this module only gathers each
relationship's history. Readings for the whole network are built in bulk with a handful
of queries and kept until a write touches one of the people involved. For everyone, the
200,000 conversations are counted in SQL (:class:`ConversationCounts`) rather than read as
one record each: the first edition's load time at 10,000 people is the budget (#17).
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import NamedTuple

from desktop import gc_pause
from desktop.domain.trust import (
    ConversationCounts,
    ConversationRecord,
    ExchangeRecord,
    PromiseRecord,
    RelationshipHistory,
    TrustReading,
    assess,
    count_conversations,
)
from desktop.services import store
from desktop.storage.models import database
from desktop.storage.sql import chunks, placeholders

_lock = threading.Lock()
_stale_during_bulk: set[str] | None = None  # people invalidated while a bulk load runs
_cache: dict[str, TrustReading] = {}
_last_contact: dict[str, datetime | None] = {}
_cache_day: date | None = None
_cache_db: object | None = None


def _dt(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _d(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _where_people(column: str, ids: list[str] | None) -> tuple[str, tuple[str, ...]]:
    if ids is None:
        return "", ()
    return f" AND {column} IN ({', '.join('?' for _ in ids)})", tuple(ids)


class _Loaded(NamedTuple):
    histories: dict[str, RelationshipHistory]
    introducers: dict[str, str]  # person id -> whoever introduced us
    last_contact: dict[str, datetime]  # person id -> the latest conversation (if any)


def _histories(ids: list[str] | None) -> _Loaded:
    """Histories of ``ids``, with every conversation as a record; None: everyone, counted."""
    if ids is None:
        return _counted_histories()
    return _records(ids)


def _records(ids: list[str] | None) -> _Loaded:
    """Histories of ``ids`` (None: everyone) with one record per conversation."""
    where, params = _where_people("p.id", ids)
    people = database.execute_sql(
        "SELECT p.id, p.full_name, p.credibility, p.cadence_days FROM person p "
        "WHERE p.deleted = 0" + where,
        params,
    ).fetchall()
    conversations = _conversation_records(ids)
    promises, exchanges, introducers = _promises_exchanges_introducers(ids)
    histories = {
        pid: RelationshipHistory(
            name=name,
            promises=tuple(promises.get(pid, ())),
            conversations=tuple(conversations.get(pid, ())),
            exchanges=tuple(exchanges.get(pid, ())),
            credibility=credibility,
            cadence_days=cadence,
        )
        for pid, name, credibility, cadence in people
    }
    last_contact = {}
    for pid, history in histories.items():
        latest = _latest(history)
        if latest is not None:
            last_contact[pid] = latest
    return _Loaded(histories, introducers, last_contact)


def _conversation_records(ids: list[str] | None) -> dict[str, list[ConversationRecord]]:
    """Each person's conversations, a record each, in participant row order."""
    sql = database.execute_sql
    conversations: dict[str, list[ConversationRecord]] = defaultdict(list)
    where, params = _where_people("pa.person_id", ids)
    rows = sql(
        "SELECT pa.person_id, c.happened_at, c.depth, pa.conversation_id FROM participant pa "
        "JOIN conversation c ON c.id = pa.conversation_id "
        "WHERE pa.deleted = 0 AND c.deleted = 0" + where + " ORDER BY pa.person_id, pa.rowid",
        params,
    ).fetchall()
    # People, not rooms (#17): how many people were in each conversation. For everyone,
    # the rows above already hold every participant: counted here, with no second scan.
    if ids is None:
        rooms: dict[str, int] = Counter(row[3] for row in rows)
    else:
        where, params = _where_people("person_id", ids)
        rooms = dict(
            sql(
                "SELECT conversation_id, COUNT(*) FROM participant WHERE deleted = 0 "
                "AND conversation_id IN (SELECT conversation_id FROM participant "
                "WHERE deleted = 0" + where + ") GROUP BY conversation_id HAVING COUNT(*) > 1",
                params,
            ).fetchall()
        )
    for person_id, happened, depth, conversation_id in rows:
        when = _dt(happened)
        if when is not None:
            conversations[person_id].append(
                ConversationRecord(when, depth, rooms.get(conversation_id, 1))
            )
    return conversations


def _promises_exchanges_introducers(
    ids: list[str] | None,
) -> tuple[dict[str, list[PromiseRecord]], dict[str, list[ExchangeRecord]], dict[str, str]]:
    """The small tables (a few per person), a record per row, in the same order either way."""
    sql = database.execute_sql
    promises: dict[str, list[PromiseRecord]] = defaultdict(list)
    where, params = _where_people("person_id", ids)
    days: dict[str | None, date | None] = {}  # due days repeat across promises
    for person_id, owner, status, text, due, made, resolved in sql(
        "SELECT person_id, owner, status, description, due, made_at, resolved_at "
        "FROM commitment WHERE deleted = 0" + where,
        params,
    ):
        day = days[due] if due in days else days.setdefault(due, _d(due))
        record = PromiseRecord(owner, status, text, day, _dt(made), _dt(resolved))
        promises[person_id].append(record)
    exchanges: dict[str, list[ExchangeRecord]] = defaultdict(list)
    for person_id, direction, kind, happened in sql(
        "SELECT person_id, direction, kind, happened_at FROM exchange WHERE deleted = 0" + where,
        params,
    ):
        exchanges[person_id].append(ExchangeRecord(direction, kind, _dt(happened)))
    introducers: dict[str, str] = {}
    for person_id, introducer in sql(
        "SELECT person_id, introducer_id FROM introduction WHERE deleted = 0 "
        "AND other_id IS NULL AND introducer_id IS NOT NULL" + where,
        params,
    ):
        introducers.setdefault(person_id, introducer)
    return promises, exchanges, introducers


#: True (1) when SQL can vouch that ``datetime.fromisoformat`` reads a time the way the app
#: writes it ("2026-03-01 14:15:00", optionally ".ffffff"): a real day and time that
#: round-trips through SQLite's julianday(). Such texts also sort as their datetimes do,
#: so MAX() of them is the latest. Anything else (NULL, '', a "T", a zone, 30 February)
#: sends its people down the per-record path, which reads it exactly as one person's
#: reading does (tests/test_trust_load.py pins each case).
_CANONICAL = (
    "(datetime(julianday({h})) = substr({h}, 1, 19) AND {h} >= '0001' "
    "AND (length({h}) = 19 OR substr({h}, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]'))"
)


def _counted_histories() -> _Loaded:
    """Everyone's history, conversations counted in SQL (see :class:`ConversationCounts`).

    Per person one row of depth counts and the latest time, and the group talks (about
    one in seven) as rows in participant row order, the order :func:`_records` reads them
    in (the order of their subtractions fixes the last bit of the depth). People with a
    time SQL cannot vouch for (none in a database only the app wrote) are read as records.
    The readings are identical to :func:`_records`' (tests/test_trust_load.py), with no
    Python object per conversation.
    """
    sql = database.execute_sql
    people = sql(
        "SELECT id, full_name, credibility, cadence_days FROM person WHERE deleted = 0"
    ).fetchall()
    odd: list[str] = []
    uncanonical = "NOT ifnull(" + _CANONICAL.format(h="happened_at") + ", 0)"
    # First on the time index alone (a few ms); whose they are only if there are any.
    if sql(f"SELECT EXISTS (SELECT 1 FROM conversation WHERE {uncanonical})").fetchone()[0]:
        odd = [
            pid
            for (pid,) in sql(
                "SELECT DISTINCT person_id FROM participant WHERE conversation_id IN "
                f"(SELECT id FROM conversation WHERE {uncanonical})"
            )
        ]
    counts: dict[str, tuple[int, int, int, str]] = {}
    for person_id, personal, professional, total, latest in sql(
        "SELECT pa.person_id, SUM(c.depth = 'personal'), SUM(c.depth = 'professional'), "
        "COUNT(*), MAX(c.happened_at) FROM participant pa NOT INDEXED "  # a scan, then a sort:
        "JOIN conversation c ON c.id = pa.conversation_id "  # ~20 % less than person order
        "WHERE pa.deleted = 0 AND c.deleted = 0 GROUP BY pa.person_id"
    ):
        counts[person_id] = (personal, professional, total - personal - professional, latest)
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for person_id, depth, people_present in sql(
        "SELECT pa.person_id, c.depth, r.n FROM "
        "(SELECT conversation_id, COUNT(*) AS n FROM participant WHERE deleted = 0 "
        "GROUP BY conversation_id HAVING COUNT(*) > 1) r "
        "JOIN participant pa ON pa.conversation_id = r.conversation_id "
        "JOIN conversation c ON c.id = r.conversation_id "
        "WHERE pa.deleted = 0 AND c.deleted = 0 ORDER BY pa.person_id, pa.rowid"
    ):
        groups[person_id].append((depth, people_present))
    promises, exchanges, introducers = _promises_exchanges_introducers(None)
    nothing = ConversationCounts(0, 0, 0, (), None)
    counted_odd: dict[str, ConversationCounts] = {pid: nothing for pid in odd}
    last_contact: dict[str, datetime] = {}
    for chunk in chunks(odd, 500):
        for pid, records in _conversation_records(chunk).items():
            counted_odd[pid] = count_conversations(tuple(records))
            latest = _latest_of(record.happened_at for record in records)
            if latest is not None:
                last_contact[pid] = latest
    histories: dict[str, RelationshipHistory] = {}
    for pid, name, credibility, cadence in people:
        counted = counted_odd.get(pid)
        if counted is None:
            entry = counts.get(pid)
            if entry is None:
                counted = nothing
            else:
                personal, professional, small, latest = entry
                when = datetime.fromisoformat(latest)
                last_contact[pid] = when
                found = groups.get(pid)
                counted = ConversationCounts(
                    personal, professional, small, tuple(found) if found else (), when.toordinal()
                )
        histories[pid] = RelationshipHistory(
            name=name,
            promises=tuple(promises.get(pid, ())),
            exchanges=tuple(exchanges.get(pid, ())),
            credibility=credibility,
            cadence_days=cadence,
            counted=counted,
        )
    return _Loaded(histories, introducers, last_contact)


def _latest(history: RelationshipHistory) -> datetime | None:
    return _latest_of(c.happened_at for c in history.conversations)


def _wall_clock(when: datetime) -> datetime:
    return when.replace(tzinfo=None)


def _latest_of(times: Iterable[datetime]) -> datetime | None:
    """The latest by wall clock: a time with a zone (from a peer) never breaks the list."""
    return max(times, key=_wall_clock, default=None)


def _with_introducer(
    history: RelationshipHistory, introducer_id: str | None, today: date
) -> RelationshipHistory:
    if not introducer_id:
        return history
    reading = _cache.get(introducer_id)
    if reading is None:
        base = _histories([introducer_id]).histories
        if introducer_id not in base:
            return history
        reading = assess(base[introducer_id], today=today)
        name = base[introducer_id].name
    else:
        name = _introducer_names([introducer_id]).get(introducer_id, "")
    return RelationshipHistory(
        name=history.name,
        promises=history.promises,
        conversations=history.conversations,
        exchanges=history.exchanges,
        credibility=history.credibility,
        introducer_name=name,
        introducer_trust=reading.in_them,
        cadence_days=history.cadence_days,
        counted=history.counted,
    )


def _introducer_names(ids: Iterable[str]) -> dict[str, str]:
    from desktop.services.people import display_names

    return display_names(ids)


def _check_cache(today: date) -> None:
    global _cache_day, _cache_db
    if _cache_day != today or _cache_db is not database.obj:
        _cache.clear()
        _last_contact.clear()
        _cache_day, _cache_db = today, database.obj


def reading_for(person_id: str, *, today: date | None = None) -> TrustReading:
    """Both trust scores for one person, with reasons and the next best action."""
    day = today or date.today()
    _check_cache(day)
    cached = _cache.get(person_id)
    if cached is not None:
        return cached
    histories, introducers, last_contact = _histories([person_id])
    if person_id not in histories:
        raise LookupError(f"no person {person_id}")
    history = _with_introducer(histories[person_id], introducers.get(person_id), day)
    reading = assess(history, today=day)
    with _lock:
        _cache[person_id] = reading
        _last_contact[person_id] = last_contact.get(person_id)
    return reading


def readings_for(
    person_ids: Iterable[str], *, today: date | None = None
) -> dict[str, TrustReading]:
    """Readings of several people (a briefing's guests, their neighbours) in one pass.

    The same readings as :func:`reading_for` one by one, but the uncached people's
    histories come in one query per table instead of six queries each. A person who is
    not live is left out.
    """
    day = today or date.today()
    _check_cache(day)
    wanted = list(dict.fromkeys(person_ids))
    missing = [pid for pid in wanted if pid not in _cache]
    for chunk in chunks(missing, 500):
        histories, introducers, last_contact = _histories(chunk)
        for pid, history in histories.items():
            reading = assess(_with_introducer(history, introducers.get(pid), day), today=day)
            with _lock:
                _cache[pid] = reading
                _last_contact[pid] = last_contact.get(pid)
    return {pid: _cache[pid] for pid in wanted if pid in _cache}


def readings_for_all(*, today: date | None = None) -> dict[str, TrustReading]:
    """Readings for every live person (bulk; the result is cached until writes touch it)."""
    global _stale_during_bulk
    day = today or date.today()
    with _lock:
        _check_cache(day)
        _stale_during_bulk = set()
    with gc_pause.paused():  # ~150,000 small objects, no cycles: a fifth of the time
        readings, last_contact = _assess_all(day)
    with _lock:
        # Runs on a worker thread: a write committed meanwhile on another thread has
        # invalidated some people; their fresh reading must not be overwritten by ours.
        stale = _stale_during_bulk or set()
        _stale_during_bulk = None
        for pid, reading in readings.items():
            if pid not in stale:
                _cache[pid] = reading
                _last_contact[pid] = last_contact.get(pid)
    return readings


def _assess_all(day: date) -> tuple[dict[str, TrustReading], dict[str, datetime]]:
    """Everyone's reading: a first pass, then again for those a known person introduced
    (their vouch reads the introducer's first-pass trust)."""
    histories, introducers, last_contact = _histories(None)
    first_pass = {pid: assess(h, today=day) for pid, h in histories.items()}
    readings = {}
    for pid, history in histories.items():
        introducer = introducers.get(pid)
        if introducer and introducer in first_pass:
            history = RelationshipHistory(
                name=history.name,
                promises=history.promises,
                conversations=history.conversations,
                exchanges=history.exchanges,
                credibility=history.credibility,
                introducer_name=histories[introducer].name,
                introducer_trust=first_pass[introducer].in_them,
                cadence_days=history.cadence_days,
                counted=history.counted,
            )
            readings[pid] = assess(history, today=day)
        else:
            readings[pid] = first_pass[pid]
    return readings, last_contact


def readings_of(ids: Iterable[str], *, today: date | None = None) -> dict[str, TrustReading]:
    """Fresh readings of a few live people, exactly as :func:`readings_for_all` gives them
    (a vouch reads the introducer's trust before their own introducer's word), without
    reading everyone: the who-knows-whom view updates a kept promise in milliseconds."""
    day = today or date.today()
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    loaded = _records(wanted)
    introducers = sorted({i for p in loaded.histories if (i := loaded.introducers.get(p))})
    base = _records(introducers).histories if introducers else {}
    readings = {}
    for pid, history in loaded.histories.items():
        introducer = loaded.introducers.get(pid)
        if introducer and introducer in base:
            history = RelationshipHistory(
                name=history.name,
                promises=history.promises,
                conversations=history.conversations,
                exchanges=history.exchanges,
                credibility=history.credibility,
                introducer_name=base[introducer].name,
                introducer_trust=assess(base[introducer], today=day).in_them,
                cadence_days=history.cadence_days,
            )
        readings[pid] = assess(history, today=day)
    return readings


def last_contacts() -> dict[str, datetime | None]:
    """The last conversation per person (as of the latest bulk or single load)."""
    return dict(_last_contact)


def history_for(person_id: str, *, today: date | None = None) -> RelationshipHistory:
    histories, introducers, _ = _histories([person_id])
    if person_id not in histories:
        raise LookupError(f"no person {person_id}")
    return _with_introducer(histories[person_id], introducers.get(person_id), today or date.today())


def people_affected(changes: frozenset[tuple[str, str]]) -> set[str]:
    """Which people's own readings a set of written rows (a store notification) can change;
    not those they introduced, whose vouch may move with them."""
    return _affected_people(changes)


def _affected_people(changes: frozenset[tuple[str, str]]) -> set[str]:
    """Which people's readings a set of written rows can change."""
    people: set[str] = set()
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, row_id in changes:
        by_entity[entity].append(row_id)
    people.update(by_entity.get("person", ()))
    for entity in ("participant", "commitment", "exchange", "attendance"):
        ids = by_entity.get(entity)
        if ids:
            marks = placeholders(ids)
            rows = database.execute_sql(
                f"SELECT person_id FROM {entity} WHERE id IN ({marks})", tuple(ids)
            )
            people.update(pid for (pid,) in rows)
    if by_entity.get("conversation"):
        ids = by_entity["conversation"]
        marks = placeholders(ids)
        rows = database.execute_sql(
            f"SELECT person_id FROM participant WHERE conversation_id IN ({marks})", tuple(ids)
        )
        people.update(pid for (pid,) in rows)
    if by_entity.get("introduction"):
        ids = by_entity["introduction"]
        marks = placeholders(ids)
        rows = database.execute_sql(
            f"SELECT person_id, introducer_id FROM introduction WHERE id IN ({marks})", tuple(ids)
        )
        for person_id, introducer in rows:
            people.add(person_id)
            if introducer:
                people.add(introducer)
    return people


def _invalidate(changes: frozenset[tuple[str, str]]) -> None:
    if not _cache and not _last_contact and _stale_during_bulk is None:
        return
    people = _affected_people(changes)
    with _lock:
        for person_id in people:
            _cache.pop(person_id, None)
            _last_contact.pop(person_id, None)
        if _stale_during_bulk is not None:
            _stale_during_bulk.update(people)


store.subscribe(_invalidate)
