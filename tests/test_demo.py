"""The demo network is deterministic, varied and journalled like typed data."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop.services import demo, directory, store
from desktop.storage import log_rows
from desktop.storage.models import Change, Commitment, Conversation, Person, database

NOW = datetime(2026, 11, 25, 18, 0)


def _snapshot() -> tuple:
    names = [p.full_name for p in Person.select().order_by(Person.id)]
    notes = [c.notes for c in Conversation.select().order_by(Conversation.id).limit(50)]
    return names, notes


def test_same_seed_same_network(tmp_path: Path) -> None:
    snapshots = []
    for run in range(2):
        store.open_store(tmp_path / f"run{run}")
        demo.build_demo(people=40, seed=3, now=NOW)
        snapshots.append(_snapshot())
        store.close_store()
    assert snapshots[0] == snapshots[1]
    store.open_store(tmp_path / "other")
    demo.build_demo(people=40, seed=4, now=NOW)
    assert _snapshot() != snapshots[0]
    store.close_store()


def test_demo_is_varied_and_sync_ready(data_dir: Path) -> None:
    summary = demo.build_demo(people=120, seed=1, now=NOW)
    assert summary.people == 120
    assert 120 * 12 < summary.conversations < 120 * 28
    statuses = {c.status for c in Commitment.select(Commitment.status)}
    assert statuses == {"open", "kept", "broken", "released"}
    names = "".join(p.full_name for p in Person.select(Person.full_name))
    assert any(ord(ch) > 0x0590 for ch in names)  # non-Latin scripts are present
    assert any(ch in names for ch in "éñçøåó")  # and accents
    assert summary.events == 12 and summary.attendances > 100
    circles = {c.key: n for c, n, _ in directory.circle_sizes()}
    assert circles["inner"] == 5 and circles["close"] == 15
    # The rows are the state: no log entry, no field-clock row (issue #15) ...
    assert Change.select().count() == 0
    assert database.execute_sql('SELECT count(*) FROM "field_clock"').fetchone()[0] == 0
    # ... and turning sync on gives every row its creation entry, to be sent.
    with database.atomic():
        added = log_rows.materialize_for_new_vault()
    existence = Change.select().where(Change.field == "deleted").count()
    assert existence == added >= summary.people + summary.conversations
