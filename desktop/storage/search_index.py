"""The FTS5 full-text index over people and conversation notes.

The index is derived data (rebuildable from the rows), local to this device and never
synchronised, so plain DELETE/INSERT is right here. Each source row maps to an FTS rowid
computed from its UUID, which keeps updates O(log n) without a mapping table.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from desktop.storage.models import Conversation, Person, Tag, database
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


class ConversationIndex(FTS5Model):
    rowid = RowIDField()
    conversation_id = SearchField(unindexed=True)
    title = SearchField()
    place = SearchField()
    notes = SearchField()

    class Meta:
        database = database
        table_name = "conversation_index"
        options = {"tokenize": TOKENIZE}  # long notes: a prefix index costs more than it saves


INDEX_MODELS = (PersonIndex, ConversationIndex)
PERSON_WEIGHTS = (0.0, 10.0, 6.0, 4.0, 3.0, 3.0, 1.0)
CONVERSATION_WEIGHTS = (0.0, 4.0, 3.0, 1.0)


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


def refresh_conversation(conversation_id: str) -> None:
    """Re-index one conversation (call inside the write's transaction)."""
    rowid = fts_rowid(conversation_id)
    ConversationIndex.delete().where(ConversationIndex.rowid == rowid).execute()
    conversation = Conversation.get_or_none(Conversation.id == conversation_id)
    if conversation is None or conversation.deleted:
        return
    ConversationIndex.insert(
        rowid=rowid,
        conversation_id=conversation_id,
        title=conversation.title,
        place=conversation.place,
        notes=conversation.notes,
    ).execute()


def refresh_rows(rows: Iterable[tuple[str, str]]) -> None:
    """Re-index what a set of written ``(entity, row_id)`` concerns: people, conversations,
    and a tag's person. The one way writes keep the index current (call inside the
    write's transaction); other entities are not indexed."""
    people: set[str] = set()
    conversations: set[str] = set()
    tags: list[str] = []
    for entity, row_id in rows:
        if entity == "person":
            people.add(row_id)
        elif entity == "conversation":
            conversations.add(row_id)
        elif entity == "tag":
            tags.append(row_id)
    for chunk in chunks(tags):
        people.update(
            str(t.person_id) for t in Tag.select(Tag.person).where(Tag.id.in_(chunk)) if t.person_id
        )
    for person_id in people:
        refresh_person(person_id)
    for conversation_id in conversations:
        refresh_conversation(conversation_id)


_PERSON_ABOUT_SQL = " || ' ' || ".join(
    f"p.{column}"
    for column in ("about", "interests", "family", "working_on", "location", "how_we_met")
)


def rebuild() -> None:
    """Rebuild both indexes from the rows in bulk (after a migration, an import, the demo).

    Uses the ``fts_rowid`` SQL function registered by :func:`register_functions`. Rows go
    in in rowid order: FTS5 flushes its in-memory term buffer to a new segment whenever a
    rowid is lower than the previous one, so hash-ordered inserts wrote (and then merged)
    thousands of tiny segments — ordered, a rebuild takes about half the time.
    """
    with database.atomic():
        for model in INDEX_MODELS:
            if model.select(model.rowid).limit(1).exists():  # an empty index: nothing to clear
                model.delete().execute()
        database.execute_sql(
            "INSERT INTO person_index (rowid, person_id, name, nickname, organization, "
            "headline, tags, about) SELECT fts_rowid(p.id) AS fts, p.id, "
            "p.full_name, "
            "trim(p.nickname || ' ' || p.pronunciation), p.organization, p.headline, "
            "coalesce((SELECT group_concat(t.name, ' ') FROM tag t "
            "WHERE t.person_id = p.id AND t.deleted = 0), ''), "
            f"{_PERSON_ABOUT_SQL} FROM person p WHERE p.deleted = 0 ORDER BY fts"
        )
        database.execute_sql(
            "INSERT INTO conversation_index (rowid, conversation_id, title, place, notes) "
            "SELECT fts_rowid(id) AS fts, id, title, place, notes FROM conversation "
            "WHERE deleted = 0 ORDER BY fts"
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


def _ranked(
    table: str, id_column: str, weights: tuple[float, ...], text: str, limit: int
) -> list[IndexHit]:
    """Best ``limit`` hits by bm25, computing the (costly) rank for at most RANK_WINDOW rows.

    A selective query is ranked exactly. A broad prefix typed so far ("sai*" matches a
    good share of all notes) ranks the first RANK_WINDOW matches only: the list stays
    useful and every keystroke stays within a frame.
    """
    expression = match_expression(text)
    if not expression:
        return []
    weight_list = ", ".join(str(w) for w in weights)
    candidates = database.execute_sql(
        f"SELECT {id_column}, bm25({table}, {weight_list}) FROM {table} "
        f"WHERE {table} MATCH ? LIMIT ?",
        (expression, RANK_WINDOW),
    ).fetchall()
    best = sorted(candidates, key=lambda row: row[1])[:limit]
    kind = "person" if table == "person_index" else "conversation"
    return [IndexHit(kind, str(row_id), float(rank)) for row_id, rank in best]


def query_people(text: str, limit: int = 20) -> list[IndexHit]:
    return _ranked("person_index", "person_id", PERSON_WEIGHTS, text, limit)


def query_conversations(text: str, limit: int = 20) -> list[IndexHit]:
    return _ranked("conversation_index", "conversation_id", CONVERSATION_WEIGHTS, text, limit)
