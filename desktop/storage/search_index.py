"""The FTS5 full-text index over people and conversation notes.

The index is derived data (rebuildable from the rows), local to this device and never
synchronised, so plain DELETE/INSERT is right here. A person maps to an FTS rowid computed
from its UUID, which keeps updates O(log n) without a mapping table.

Conversation notes are the bulk of the text: their index stores no copy of it. It reads
the rows (external content keyed by ``conversation.fts_key``), and triggers in the schema
keep it current on every write (see :mod:`desktop.storage.conversation_fts`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from desktop.storage.models import Person, Tag, database
from desktop.storage.sql import chunks

TOKENIZE = "unicode61 remove_diacritics 2"
PREFIXES = "1 2 3"  # people: names complete from the first letter
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_rowid(row_id: str) -> int:
    """A stable 63-bit integer from a text key (collisions are ~1e-7 at a million rows).

    Hashing, rather than reading the UUID's hex digits, also copes with keys that are not
    UUIDs (imported or hand-made data).
    """
    digest = hashlib.blake2b(row_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF


class PersonIndex(FTS5Model):
    rowid = RowIDField()
    person_id = SearchField(unindexed=True)
    name = SearchField()
    nickname = SearchField()
    organization = SearchField()
    headline = SearchField()
    tags = SearchField()
    about = SearchField()

    class Meta:
        database = database
        table_name = "person_index"
        options = {"tokenize": TOKENIZE, "prefix": PREFIXES}


PERSON_WEIGHTS = (0.0, 10.0, 6.0, 4.0, 3.0, 3.0, 1.0)
CONVERSATION_WEIGHTS = (4.0, 3.0, 1.0)  # title, place, notes


def match_expression(text: str) -> str:
    """Turn whatever the user typed into a safe FTS5 query: every word a quoted prefix.

    Quoting each word means ``covid-19``, stray quotes, ``AND``, ``*`` or ``NEAR(`` are
    plain words, never syntax. Empty when the text holds no word at all.
    """
    words = _WORD.findall(text)
    return " ".join(f'"{word}"*' for word in words[:16])


def _person_about(person: Person) -> str:
    return " ".join(
        part
        for part in (
            person.about,
            person.interests,
            person.family,
            person.working_on,
            person.location,
            person.how_we_met,
        )
        if part
    )


def refresh_person(person_id: str) -> None:
    """Re-index one person (call inside the write's transaction)."""
    rowid = fts_rowid(person_id)
    PersonIndex.delete().where(PersonIndex.rowid == rowid).execute()
    person = Person.get_or_none(Person.id == person_id)
    if person is None or person.deleted:
        return
    tags = Tag.select(Tag.name).where((Tag.person == person_id) & (Tag.deleted == False))
    PersonIndex.insert(
        rowid=rowid,
        person_id=person_id,
        name=person.full_name,
        nickname=" ".join(p for p in (person.nickname, person.pronunciation) if p),
        organization=person.organization,
        headline=person.headline,
        tags=" ".join(tag.name for tag in tags),
        about=_person_about(person),
    ).execute()


def refresh_rows(rows: Iterable[tuple[str, str]]) -> None:
    """Re-index what a set of written ``(entity, row_id)`` concerns: people and a tag's
    person. The one way writes keep the person index current (call inside the write's
    transaction); conversations need nothing (the schema's triggers keep theirs), other
    entities are not indexed."""
    people: set[str] = set()
    tags: list[str] = []
    for entity, row_id in rows:
        if entity == "person":
            people.add(row_id)
        elif entity == "tag":
            tags.append(row_id)
    for chunk in chunks(tags):
        people.update(
            str(t.person_id) for t in Tag.select(Tag.person).where(Tag.id.in_(chunk)) if t.person_id
        )
    for person_id in people:
        refresh_person(person_id)


_PERSON_ABOUT_SQL = " || ' ' || ".join(
    f"p.{column}"
    for column in ("about", "interests", "family", "working_on", "location", "how_we_met")
)


def rebuild_people() -> None:
    """Rebuild the person index from the rows in bulk (after an import, the demo).

    Uses the ``fts_rowid`` SQL function registered by :func:`register_functions`. Rows go
    in in rowid order: FTS5 flushes its in-memory term buffer to a new segment whenever a
    rowid is lower than the previous one, so hash-ordered inserts wrote (and then merged)
    thousands of tiny segments — ordered, a rebuild takes about half the time.
    """
    with database.atomic():
        if PersonIndex.select(PersonIndex.rowid).limit(1).exists():  # empty: nothing to clear
            PersonIndex.delete().execute()
        database.execute_sql(
            "INSERT INTO person_index (rowid, person_id, name, nickname, organization, "
            "headline, tags, about) SELECT fts_rowid(p.id) AS fts, p.id, "
            "p.full_name, "
            "trim(p.nickname || ' ' || p.pronunciation), p.organization, p.headline, "
            "coalesce((SELECT group_concat(t.name, ' ') FROM tag t "
            "WHERE t.person_id = p.id AND t.deleted = 0), ''), "
            f"{_PERSON_ABOUT_SQL} FROM person p WHERE p.deleted = 0 ORDER BY fts"
        )


def rebuild() -> None:
    """Rebuild what writes do not keep current by themselves, after a large sync pull.

    That is the person index only: triggers keep the conversation index current on every
    write, bulk ones included (:func:`rebuild_conversations` is the repair).
    """
    rebuild_people()


def rebuild_conversations() -> None:
    """Re-read every live conversation into its index, in key order (a repair: FTS5's
    ``delete-all`` forgets the old index in one go)."""
    with database.atomic():
        database.execute_sql(
            "INSERT INTO conversation_index (conversation_index) VALUES ('delete-all')"
        )
        database.execute_sql(
            "INSERT INTO conversation_index (rowid, title, place, notes) "
            "SELECT fts_key, title, place, notes FROM conversation WHERE deleted = 0 "
            "ORDER BY fts_key"
        )


def register_functions(db: object) -> None:
    """Make ``fts_rowid`` available in SQL on every connection of ``db``."""
    db.register_function(fts_rowid, "fts_rowid", 1, deterministic=True)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class IndexHit:
    kind: str  # "person" | "conversation"
    row_id: str
    rank: float  # bm25: lower is better


RANK_WINDOW = 500


def _ranked(sql: str, text: str, limit: int, kind: str) -> list[IndexHit]:
    """Best ``limit`` hits by bm25, computing the (costly) rank for at most RANK_WINDOW rows.

    A selective query is ranked exactly. A broad prefix typed so far ("sai*" matches a
    good share of all notes) ranks the first RANK_WINDOW matches only: the list stays
    useful and every keystroke stays within a frame.
    """
    expression = match_expression(text)
    if not expression:
        return []
    candidates = database.execute_sql(sql, (expression, RANK_WINDOW)).fetchall()
    best = sorted(candidates, key=lambda row: row[1])[:limit]
    return [IndexHit(kind, str(row_id), float(rank)) for row_id, rank in best]


def _weights(weights: tuple[float, ...]) -> str:
    return ", ".join(str(w) for w in weights)


_PEOPLE_SQL = (
    f"SELECT person_id, bm25(person_index, {_weights(PERSON_WEIGHTS)}) FROM person_index "
    "WHERE person_index MATCH ? LIMIT ?"
)
# The index holds keys, not ids: each candidate's id comes from the row's key index.
# Keys grow with each new conversation, so a broad prefix ranks the newest RANK_WINDOW
# matches (FTS5 walks its rowids backwards at no extra cost).
_CONVERSATIONS_SQL = (
    "SELECT (SELECT c.id FROM conversation c WHERE c.fts_key = conversation_index.rowid), "
    f"bm25(conversation_index, {_weights(CONVERSATION_WEIGHTS)}) "
    "FROM conversation_index WHERE conversation_index MATCH ? ORDER BY rowid DESC LIMIT ?"
)


def query_people(text: str, limit: int = 20) -> list[IndexHit]:
    return _ranked(_PEOPLE_SQL, text, limit, "person")


def query_conversations(text: str, limit: int = 20) -> list[IndexHit]:
    return _ranked(_CONVERSATIONS_SQL, text, limit, "conversation")
