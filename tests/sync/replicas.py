"""Several data folders in one test process: the store is a process-global proxy, so a
replica is "switched in" by re-binding the proxy to its own open database.

Why not subprocesses: the property test runs hundreds of small operations and syncs per
example; re-binding costs microseconds, a process start ~0.3 s. ``journal.clock()``
notices the new database and reloads that replica's persisted clock, so each replica
keeps its own device id and HLC, exactly as separate processes would.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import peewee as pw

from desktop.storage.db import open_database
from desktop.storage.models import SYNCED_MODELS, database


class Replica:
    def __init__(self, root: Path, name: str) -> None:
        self.name = name
        self.folder = root / name
        self.db: pw.SqliteDatabase = open_database(self.folder / "rapport.sqlite3")

    def use(self) -> Replica:
        database.initialize(self.db)
        return self

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def state_rows() -> dict[str, list[tuple]]:
    """Every synced row (all columns), the true field clocks and every value known (the
    log and the rows together: a creation's values live in its row, desktop.storage.log_rows)."""
    from desktop.storage import clocks, log_rows

    rows: dict[str, list[tuple]] = {}
    for model in SYNCED_MODELS:
        table = model._meta.table_name
        # The model's columns: a table may also hold local bookkeeping (conversation's
        # search key), numbered by each device on its own.
        columns = ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields)
        rows[table] = database.execute_sql(
            f'SELECT {columns} FROM "{table}" ORDER BY id'
        ).fetchall()
    rows["field_clock"] = sorted((*key, stamp) for key, stamp in clocks.all_clocks().items())
    rows["change"] = sorted(log_rows.known_values())
    return rows


def digest() -> str:
    return hashlib.sha256(repr(state_rows()).encode()).hexdigest()


PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a new passphrase after a loss"  # removing a device asks for a new one


def cheap_kdf():
    """Argon2id at test cost: the real cost (64 MiB, 3 passes) is exercised by the CLI tests."""
    from desktop.sync.crypto import KdfParams

    return KdfParams(memory_kib=64, iterations=1, lanes=1)


def join_all(replicas: list[Replica], target, *, secret=None, policy=None) -> None:
    """The first replica creates a vault at ``target``; the others join it."""
    from desktop.services.sync.setup import create_vault, join_vault

    replicas[0].use()
    create_vault(
        target=target,
        passphrase=PASSPHRASE,
        secret=secret,
        kdf=cheap_kdf(),
        policy=policy,
        device_name=replicas[0].name,
    )
    for replica in replicas[1:]:
        replica.use()
        join_vault(
            target=target,
            passphrase=PASSPHRASE,
            secret=secret,
            policy=policy,
            device_name=replica.name,
        )


def sync_all(replicas: list[Replica], rounds: int = 2, policy=None) -> None:
    from desktop.services.sync.cycle import sync_now

    for _ in range(rounds):
        for replica in replicas:
            replica.use()
            sync_now(policy=policy)
