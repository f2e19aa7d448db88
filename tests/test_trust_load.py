"""The bulk trust load (conversations counted in SQL) reads exactly what one person's does.

Issue #17 made ``readings_for_all()`` count the 200,000 conversations of a large network
in SQL instead of building a record for each. These tests pin that it changes nothing:
on seeded random networks (group talks, deletions, introductions, odd stored times) every
reading — both scores, their parts, the tally behind the words, the reasons and the next
action — equals the per-person path's and the pre-change bulk path's.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.trust import RelationshipHistory, TrustReading, assess
from desktop.services import (
    commitments,
    conversations,
    exchanges,
    introductions,
    people,
    trust,
)
from desktop.storage.models import DEPTHS, EXCHANGE_KINDS, database

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 9, 30)


def _random_network(seed: int, size: int = 24) -> list[str]:
    """People with group and one-on-one talks, promises of every status, exchanges,
    introductions, and some deleted rows, all written through the services."""
    rng = random.Random(seed)
    ids = [people.create_person(full_name=f"Person {seed}-{n}") for n in range(size)]
    for pid in rng.sample(ids, size // 4):
        people.update_person(pid, credibility=rng.randint(1, 5))
    talks = []
    for _ in range(size * 4):
        room = rng.choice((1, 1, 1, 2, 3, 5))
        talks.append(
            conversations.log_conversation(
                participants=rng.sample(ids, room),
                depth=rng.choice(DEPTHS),
                happened_at=NOW - timedelta(days=rng.randint(0, 900), minutes=rng.randint(0, 900)),
            )
        )
    for talk in rng.sample(talks, 4):
        conversations.delete_conversation(talk)
    for talk in rng.sample(talks, 4):  # someone leaves a group talk (a participant tombstone)
        present = conversations.participant_ids(talk)
        if len(present) > 1:
            conversations.set_participants(conversation_id=talk, person_ids=present[1:])
    for _ in range(size * 2):
        promise = commitments.make_commitment(
            owner=rng.choice(("me", "them")),
            person_id=rng.choice(ids),
            description=rng.choice(("send the deck", "the paper", "intro to Ben", "")) or "x",
            due=TODAY + timedelta(days=rng.randint(-200, 20)) if rng.random() < 0.8 else None,
            made_at=NOW - timedelta(days=rng.randint(0, 400)),
        )
        when = NOW - timedelta(days=rng.randint(0, 700))
        outcome = rng.choice(("open", "kept", "kept", "broken", "released"))
        if outcome == "kept":
            commitments.keep(promise, when=when)
        elif outcome == "broken":
            commitments.break_(promise, when=when)
        elif outcome == "released":
            commitments.release(promise, when=when)
    for _ in range(size * 2):
        exchanges.record_exchange(
            person_id=rng.choice(ids),
            direction=rng.choice(("give", "receive")),
            kind=rng.choice(EXCHANGE_KINDS),
            happened_at=NOW - timedelta(days=rng.randint(0, 500)),
        )
    for pid in rng.sample(ids, size // 3):
        introducer = rng.choice(ids)
        if introducer != pid:
            introductions.record_introduction(introducer_id=introducer, person_id=pid)
    return ids


def _pre_change_bulk() -> dict[str, TrustReading]:
    """readings_for_all() as it was before #17's load work: a record per conversation."""
    histories, introducers, _ = trust._records(None)
    first = {pid: assess(h, today=TODAY) for pid, h in histories.items()}
    readings = {}
    for pid, history in histories.items():
        introducer = introducers.get(pid)
        if introducer and introducer in first:
            history = RelationshipHistory(
                name=history.name,
                promises=history.promises,
                conversations=history.conversations,
                exchanges=history.exchanges,
                credibility=history.credibility,
                introducer_name=histories[introducer].name,
                introducer_trust=first[introducer].in_them,
                cadence_days=history.cadence_days,
            )
            readings[pid] = assess(history, today=TODAY)
        else:
            readings[pid] = first[pid]
    return readings


def _words(reading: TrustReading) -> tuple[object, ...]:
    return (reading.reasons_in_them, reading.reasons_theirs, reading.next_action)


def _assert_identical(bulk: dict[str, TrustReading], expected: dict[str, TrustReading]) -> None:
    assert bulk.keys() == expected.keys()
    for pid, reading in expected.items():
        assert bulk[pid] == reading, pid  # scores, parts and the whole tally
        assert _words(bulk[pid]) == _words(reading), pid


def _check_all_paths() -> None:
    trust._cache.clear()
    bulk = trust.readings_for_all(today=TODAY)
    contacts = trust.last_contacts()
    assert bulk, "the network has people"
    _assert_identical(bulk, _pre_change_bulk())
    one_by_one = {}
    for pid in bulk:
        trust._cache.clear()
        one_by_one[pid] = trust.reading_for(pid, today=TODAY)
        assert trust.last_contacts().get(pid) == contacts.get(pid), pid
    _assert_identical(bulk, one_by_one)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_bulk_readings_equal_per_person_and_pre_change_readings(data_dir: Path, seed: int) -> None:
    _random_network(seed)
    _check_all_paths()


#: Stored times the app never writes itself but a sync peer or an old import could: each
#: must be read (or skipped) exactly as the per-person path reads it.
ODD_TIMES = (
    None,
    "",
    "2026-01-05T10:00:00",  # a "T"
    "2026-01-05 10:00:00+02:00",  # a zone
    "2026-01-05 10:00:00.123456",  # microseconds (canonical)
    "2026-01-05 10:00:00.5",  # a short fraction
    "2026-02-30 10:00:00",  # no such day
    "2026-01-05 24:00:00",  # no such hour
    "2026-11-19",  # a date alone
    "yesterday",
)


def test_odd_stored_times_are_read_as_one_person_reads_them(data_dir: Path) -> None:
    ids = _random_network(7, size=12)
    rows = database.execute_sql(
        "SELECT DISTINCT c.id FROM conversation c JOIN participant pa "
        "ON pa.conversation_id = c.id WHERE c.deleted = 0 ORDER BY c.id"
    ).fetchall()
    assert len(rows) >= len(ODD_TIMES)
    for (conversation_id,), text in zip(rows, ODD_TIMES, strict=False):
        database.execute_sql(  # as a peer's value lands: raw, bypassing the services
            "UPDATE conversation SET happened_at = ? WHERE id = ?", (text, conversation_id)
        )
    # one person whose only talk has no readable time: no contact at all
    lonely = people.create_person(full_name="Lonely Odd")
    talk = conversations.log_conversation(participants=[lonely], depth="personal")
    database.execute_sql("UPDATE conversation SET happened_at = 'soon' WHERE id = ?", (talk,))
    _check_all_paths()
    assert trust.last_contacts().get(lonely) is None
    assert trust.readings_for_all(today=TODAY)[lonely].reasons_in_them == ("No shared history yet",)
    assert ids


_digits = st.integers


@given(
    year=_digits(0, 10000),
    month=_digits(0, 13),
    day=_digits(0, 32),
    hour=_digits(0, 25),
    minute=_digits(0, 61),
    second=_digits(0, 61),
    separator=st.sampled_from((" ", "T", "  ")),
    tail=st.sampled_from(("", ".123456", ".000000", ".5", ".1234567", "Z", "+01:00", " ")),
)
def test_sql_vouches_only_for_times_python_reads_and_sorts_alike(
    year: int, month: int, day: int, hour: int, minute: int, second: int, separator: str, tail: str
) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}{separator}{hour:02d}:{minute:02d}:{second:02d}{tail}"
    sql = f"SELECT ifnull({trust._CANONICAL.format(h='?1')}, 0)"
    vouched = sqlite3.connect(":memory:").execute(sql, (text,)).fetchone()[0]
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if vouched:
        assert parsed is not None and parsed.tzinfo is None
        # the text is the datetime's own spelling, so text order is time order
        assert text[:19] == parsed.isoformat(" ")[:19]
        assert len(text) in (19, 26)
    elif parsed is not None:
        assert (separator, tail) != (" ", "") or not (1 <= year <= 9999)


def test_a_few_readings_equal_the_bulk_ones(data_dir: Path) -> None:
    ids = _random_network(11, size=16)
    bulk = trust.readings_for_all(today=TODAY)
    some = trust.readings_of([*ids[:8], "no-such-person"], today=TODAY)
    assert some.keys() == set(ids[:8])
    for pid, reading in some.items():
        assert reading == bulk[pid]
        assert _words(reading) == _words(bulk[pid])
