"""Trust readings from the stored history, one person or everyone at once (cached).

The rules are pure (:mod:`desktop.domain.trust`); this module only gathers each
relationship's history. Readings for the whole network are built in bulk with a handful
of queries and kept until a write touches one of the people involved.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from desktop.domain.trust import (
    ConversationRecord,
    ExchangeRecord,
    PromiseRecord,
    RelationshipHistory,
    TrustReading,
    assess,
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


def _histories(ids: list[str] | None) -> tuple[dict[str, RelationshipHistory], dict[str, str]]:
    """Histories of ``ids`` (None: everyone) and each person's introducer id."""
    sql = database.execute_sql
    where, params = _where_people("p.id", ids)
    people = sql(
        "SELECT p.id, p.full_name, p.credibility, p.cadence_days FROM person p "
        "WHERE p.deleted = 0" + where,
        params,
    ).fetchall()
    conversations: dict[str, list[ConversationRecord]] = defaultdict(list)
    where, params = _where_people("pa.person_id", ids)
    rows = sql(
        "SELECT pa.person_id, c.happened_at, c.depth, pa.conversation_id FROM participant pa "
        "JOIN conversation c ON c.id = pa.conversation_id "
        "WHERE pa.deleted = 0 AND c.deleted = 0" + where,
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
    promises: dict[str, list[PromiseRecord]] = defaultdict(list)
    where, params = _where_people("person_id", ids)
    for person_id, owner, status, text, due, made, resolved in sql(
        "SELECT person_id, owner, status, description, due, made_at, resolved_at "
        "FROM commitment WHERE deleted = 0" + where,
        params,
    ):
        promises[person_id].append(
            PromiseRecord(owner, status, text, _d(due), _dt(made), _dt(resolved))
        )
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
    return histories, introducers


def _latest(history: RelationshipHistory) -> datetime | None:
    return max((c.happened_at for c in history.conversations), default=None)


def _with_introducer(
    history: RelationshipHistory, introducer_id: str | None, today: date
) -> RelationshipHistory:
    if not introducer_id:
        return history
    reading = _cache.get(introducer_id)
    if reading is None:
        base, _ = _histories([introducer_id])
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
    histories, introducers = _histories([person_id])
    if person_id not in histories:
        raise LookupError(f"no person {person_id}")
    history = _with_introducer(histories[person_id], introducers.get(person_id), day)
    reading = assess(history, today=day)
    with _lock:
        _cache[person_id] = reading
        _last_contact[person_id] = _latest(histories[person_id])
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
        histories, introducers = _histories(chunk)
        for pid, history in histories.items():
            reading = assess(_with_introducer(history, introducers.get(pid), day), today=day)
            with _lock:
                _cache[pid] = reading
                _last_contact[pid] = _latest(history)
    return {pid: _cache[pid] for pid in wanted if pid in _cache}


def readings_for_all(*, today: date | None = None) -> dict[str, TrustReading]:
    """Readings for every live person (bulk; the result is cached until writes touch it)."""
    global _stale_during_bulk
    day = today or date.today()
    with _lock:
        _check_cache(day)
        _stale_during_bulk = set()
    histories, introducers = _histories(None)
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
            )
            readings[pid] = assess(history, today=day)
        else:
            readings[pid] = first_pass[pid]
    with _lock:
        # Runs on a worker thread: a write committed meanwhile on another thread has
        # invalidated some people; their fresh reading must not be overwritten by ours.
        stale = _stale_during_bulk or set()
        _stale_during_bulk = None
        for pid, reading in readings.items():
            if pid not in stale:
                _cache[pid] = reading
                _last_contact[pid] = _latest(histories[pid])
    return readings


def last_contacts() -> dict[str, datetime | None]:
    """The last conversation per person (as of the latest bulk or single load)."""
    return dict(_last_contact)


def history_for(person_id: str, *, today: date | None = None) -> RelationshipHistory:
    histories, introducers = _histories([person_id])
    if person_id not in histories:
        raise LookupError(f"no person {person_id}")
    return _with_introducer(histories[person_id], introducers.get(person_id), today or date.today())


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
