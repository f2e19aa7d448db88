"""The conversation index reads its text from the rows (#15): no second copy of the notes,
current after every kind of write, keyed by a column VACUUM cannot renumber, and an
existing database is upgraded to it after a backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import peewee as pw

from desktop.services import conversations, people
from desktop.services.search import search
from desktop.storage import journal, search_index
from desktop.storage.models import Conversation, database


def _found(query: str) -> list[str]:
    return [h.id for h in search(query) if h.type == "conversation"]


def _index_is_consistent() -> None:
    """FTS5's own check of the index against its content (raises when they differ)."""
    database.execute_sql(
        "INSERT INTO conversation_index (conversation_index, rank) VALUES ('integrity-check', 1)"
    )


def _tables() -> set[str]:
    rows = database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in rows}


def test_the_notes_are_stored_once(data_dir: Path) -> None:
    assert "conversation_index_content" not in _tables()
    assert "conversation_index_docsize" in _tables()  # bm25 still has its statistics


def test_every_write_keeps_the_index_right(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    first = conversations.log_conversation(
        participants=[ana], notes="Talked about sailing.", happened_at=datetime(2026, 5, 1)
    )
    second = conversations.log_conversation(
        participants=[ana], notes="Her regatta in June.", place="Kiel"
    )
    assert _found("sailing") == [first]
    conversations.update_conversation(first, notes="Talked about gliding.")
    assert _found("sailing") == []
    assert _found("gliding") == [first]
    conversations.delete_conversation(second)
    assert _found("regatta") == [] and _found("kiel") == []
    conversations.restore_conversation(second)
    assert _found("regatta") == [second] and _found("kiel") == [second]
    with database.atomic():  # the bulk path (demo, import) writes rows straight in
        (third,) = journal.insert_many(Conversation, [{"notes": "A bulk note on kayaks."}])
    assert _found("kayaks") == [third]
    _index_is_consistent()


def test_a_renumbered_rowid_does_not_confuse_the_index(data_dir: Path) -> None:
    """VACUUM may renumber a TEXT-keyed table's rowids; the index must not follow them."""
    ana = people.create_person(full_name="Ana Ruiz")
    sailing = conversations.log_conversation(participants=[ana], notes="sailing")
    chess = conversations.log_conversation(participants=[ana], notes="chess")
    with database.atomic():
        database.execute_sql("UPDATE conversation SET rowid = rowid + 1000")
        database.execute_sql(  # swap the two rowids outright
            "UPDATE conversation SET rowid = CASE id WHEN ? THEN 1 ELSE 2 END",
            (chess,),
        )
    assert _found("sailing") == [sailing]
    assert _found("chess") == [chess]
    database.execute_sql("VACUUM")
    assert _found("sailing") == [sailing]
    new = conversations.log_conversation(participants=[ana], notes="tennis")
    assert _found("tennis") == [new] and _found("chess") == [chess]
    _index_is_consistent()


def test_a_broad_query_ranks_the_newest_matches(data_dir: Path, monkeypatch) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    made = [conversations.log_conversation(participants=[ana], notes="sailing") for _ in range(4)]
    monkeypatch.setattr(search_index, "RANK_WINDOW", 2)
    assert {h.row_id for h in search_index.query_conversations("sail")} == set(made[2:])


def test_rebuilds_give_the_same_results(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    kept = conversations.log_conversation(participants=[ana], title="Sailing", notes="boats")
    gone = conversations.log_conversation(participants=[ana], notes="sailing boats")
    conversations.delete_conversation(gone)
    before = search("sailing")
    search_index.rebuild()
    search_index.rebuild_conversations()
    assert search("sailing") == before
    assert _found("boats") == [kept]
    _index_is_consistent()


# -- the upgrade of a database made by schema 4 ----------------------------------------------
_WORDS = [
    "sailing",
    "regatta",
    "harbour",
    "kids",
    "school",
    "climate",
    "startup",
    "funding",
    "design",
    "research",
    "music",
    "garden",
    "travel",
    "coffee",
    "books",
    "chess",
    "running",
    "marathon",
    "physics",
    "cooking",
    "wine",
]


def _schema_4_database(path: Path, notes: int) -> None:
    """A file as schema 4 made it: the old index, which copied every note."""
    from desktop.storage import schema
    from desktop.storage.models import database as proxy

    old = pw.SqliteDatabase(str(path))
    proxy.initialize(old)  # step 2 creates the draft table from its model
    for version in (1, 2, 3, 4):
        schema.STEPS[version](old)
    old.execute_sql("INSERT INTO meta (key, value) VALUES ('device_id', 'dev1')")
    with old.atomic():
        for n in range(notes):
            text = " ".join(_WORDS[(n * 7 + k) % len(_WORDS)] for k in range(40)) + f" note{n}"
            deleted = 1 if n % 10 == 9 else 0
            row = (f"c{n:05d}", "0000000000001-0000-dev1", deleted, f"Title {n}", text)
            old.execute_sql(
                "INSERT INTO conversation (id, updated, deleted, kind, place, title, notes, "
                "depth, confidential) VALUES (?, ?, ?, 'in_person', '', ?, ?, 'personal', 0)",
                row,
            )
            if not deleted:
                old.execute_sql(
                    "INSERT INTO conversation_index (conversation_id, title, place, notes) "
                    "VALUES (?, ?, '', ?)",
                    (row[0], row[3], row[4]),
                )
    old.execute_sql("PRAGMA user_version = 4")
    old.close()


def _used_bytes() -> int:
    page = database.execute_sql("PRAGMA page_size").fetchone()[0]
    count = database.execute_sql("PRAGMA page_count").fetchone()[0]
    free = database.execute_sql("PRAGMA freelist_count").fetchone()[0]
    return (count - free) * page


def test_a_schema_4_database_is_upgraded_after_a_backup_and_shrinks(tmp_path: Path) -> None:
    from desktop.storage.db import close_database, open_database

    path = tmp_path / "data" / "rapport.sqlite3"
    path.parent.mkdir()
    _schema_4_database(path, 600)
    old = pw.SqliteDatabase(str(path))
    database.initialize(old)
    before = _used_bytes()
    old.close()
    try:
        open_database(path)
        assert list((path.parent / "backups").glob("*before-v5*"))
        assert "conversation_index_content" not in _tables()
        (text,) = database.execute_sql(
            "SELECT sum(length(title) + length(notes)) FROM conversation WHERE deleted = 0"
        ).fetchone()
        assert before - _used_bytes() > 0.9 * text  # the copy of every note is gone
        for n in (0, 250, 357, 598):  # no other note number starts with these
            assert _found(f"note{n}") == [f"c{n:05d}"]
        assert "c00009" not in _found("note9")  # a tombstoned conversation stays out
        (matches,) = database.execute_sql(
            "SELECT count(*) FROM conversation_index WHERE conversation_index MATCH 'sailing'"
        ).fetchone()
        assert matches == 540  # every live note (each holds every word), none deleted
        _index_is_consistent()
        database.execute_sql("VACUUM")
        assert _found("note598") == ["c00598"]
        conversations.update_conversation("c00001", notes="now about gliding")
        assert "c00001" not in _found("note1") and _found("gliding") == ["c00001"]
        _index_is_consistent()
    finally:
        close_database()
