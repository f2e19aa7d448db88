"""Issue #15: a database upgraded from schema 4 (its log pruned, its clocks sparse) syncs,
and a device writing the OLD way (every creation value in the log, no completion from the
rows) converges with new ones in the same vault."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import zstandard

from desktop.services import people
from desktop.services.sync.setup import join_vault
from desktop.storage import journal, log_rows
from desktop.storage.models import ENTITY_NAMES, Change, Person, database
from desktop.sync.targets import parse_target
from tests.sync.replicas import PASSPHRASE, Replica, digest, join_all

FIXTURE = Path(__file__).parents[1] / "fixtures" / "v4-store.sqlite3.zst"


def _from_fixture(root: Path, name: str) -> Replica:
    folder = root / name
    folder.mkdir(parents=True)
    data = zstandard.ZstdDecompressor().decompress(FIXTURE.read_bytes())
    (folder / "rapport.sqlite3").write_bytes(data)
    return Replica(root, name)  # opening it upgrades it (step 6)


@contextmanager
def old_format():
    """Write and push as schema-4 Rapport did: a creation logs every value it sets, and
    a segment carries exactly the logged entries."""
    real_journal = journal._journal

    def full_journal(entity, row_id, changed, hlc):
        if set(changed) == {"deleted"}:
            row = Change.select().where(Change.row_id == row_id).exists()
            model = ENTITY_NAMES[entity]
            if not row and (found := model.get_or_none(model.id == row_id)) is not None:
                values = {
                    n: getattr(found, n + "_id" if journal._is_fk(model, n) else n)
                    for n in journal._field_names(model)
                }
                changed = journal._creation_fields(model, values)
        real_journal(entity, row_id, changed, hlc)

    with (
        mock.patch.object(journal, "_journal", full_journal),
        mock.patch.object(log_rows, "expand", lambda writes, **_: list(writes)),
    ):
        yield


def _sync(replicas: list[Replica], old: Replica, rounds: int = 2) -> None:
    """Sync each in turn; the old-format device writes its segments the old way."""
    from desktop.services.sync.cycle import sync_now

    for _ in range(rounds):
        for replica in replicas:
            replica.use()
            if replica is old:
                with old_format():
                    sync_now()
            else:
                sync_now()


def test_an_upgraded_store_and_an_old_format_device_converge(tmp_path: Path) -> None:
    upgraded = _from_fixture(tmp_path, "upgraded")
    fresh, old = Replica(tmp_path, "fresh"), Replica(tmp_path, "old")
    upgraded.use()
    names = {p.full_name for p in Person.select()}
    assert Change.select().count() < 20  # pruned: the rows are the state
    target = parse_target(str(tmp_path / "vault"))
    join_all([upgraded, fresh], target)
    old.use()
    with old_format():
        join_vault(target=target, passphrase=PASSPHRASE, device_name="old")
    replicas = [upgraded, fresh, old]
    _sync(replicas, old)
    for replica in (fresh, old):  # everything the upgraded store held reached both
        replica.use()
        assert {p.full_name for p in Person.select()} == names
    # concurrent edits from all three, the old one writing the old way
    upgraded.use()
    ana = Person.select().order_by(Person.id).first().id
    people.update_person(ana, headline="from upgraded")
    fresh.use()
    people.update_person(ana, about="from fresh")
    ben = people.create_person(full_name="Ben Fresh", organization="New Co")
    old.use()
    with old_format():
        people.update_person(ana, headline="from old")
        cy = people.create_person(full_name="Cy Old", organization="Old Co")
    logged = {c.field for c in Change.select().where(Change.row_id == cy)}
    assert {"full_name", "organization"} <= logged  # written the old way
    _sync(replicas, old, rounds=3)
    digests = set()
    for replica in replicas:
        replica.use()
        digests.add(digest())
        assert Person.get_by_id(ben).organization == "New Co"
        assert Person.get_by_id(cy).organization == "Old Co"
        assert Person.get_by_id(ana).about == "from fresh"
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert len(digests) == 1, "replicas diverged"
