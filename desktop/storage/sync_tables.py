"""Local side tables of sync (SYNC.md): settings, per-device cursors, what each writer had
seen, and conflicts. None of them is synchronised and none holds a secret.

They live in storage (not in ``desktop.sync``) because the schema step that creates them
and the replication code that fills them inside the store's transactions are storage's.
"""

from __future__ import annotations

import peewee as pw

from desktop.storage.models import BaseModel, new_id

RECEIVED = 0
"""``change.segment`` of a change that arrived from another device: never outgoing.

Outgoing changes carry NULL until a push assigns them a sequence number (1, 2, …)."""

HISTORY = -1
"""``change.segment`` of a superseded value the log keeps so nothing is lost (import undo,
the value a later edit replaced): never sent (see desktop.storage.log_rows)."""


class SyncState(BaseModel):
    """Key/value sync settings and progress: target (without secrets), vault id, status."""

    key = pw.TextField(primary_key=True)
    value = pw.TextField()

    @classmethod
    def read(cls, key: str) -> str | None:
        row = cls.get_or_none(cls.key == key)
        return row.value if row else None

    @classmethod
    def read_int(cls, key: str) -> int:
        """A counter (segment numbers, change-log marks); 0 when never written."""
        value = cls.read(key)
        return int(value) if value else 0

    @classmethod
    def write(cls, key: str, value: object) -> None:
        cls.insert(key=key, value=str(value)).on_conflict_replace().execute()


class SyncDevice(BaseModel):
    """Another member of the vault: what it calls itself and how far we have applied it."""

    device_id = pw.TextField(primary_key=True)  # the folder name under devices/
    hlc_device = pw.TextField(default="")  # the device id inside its clock stamps
    name = pw.TextField(default="")
    platform = pw.TextField(default="")
    app_version = pw.TextField(default="")
    cursor = pw.IntegerField(default=0)  # last segment applied, strictly consecutive
    last_hlc = pw.TextField(default="")
    seen_at = pw.DateTimeField(null=True)


class SyncSeen(BaseModel):
    """After applying a segment: the change-log position and, per writer, the newest stamp.

    Read back when pushing, to tell other devices exactly what this device had seen when
    it wrote each change (so they can tell a concurrent edit from a later one).
    """

    log_seq = pw.IntegerField()
    origin = pw.TextField()
    hlc = pw.TextField()

    class Meta:
        primary_key = pw.CompositeKey("log_seq", "origin")
        without_rowid = True


class SyncVector(BaseModel):
    """What the writer of a run of received changes had seen (origin → newest stamp)."""

    origin = pw.TextField()
    first_hlc = pw.TextField()
    last_hlc = pw.TextField()
    seen = pw.TextField()  # JSON object

    class Meta:
        primary_key = pw.CompositeKey("origin", "last_hlc")
        without_rowid = True


class SyncParked(BaseModel):
    """Received changes of a row that cannot exist yet (its creation, which carries the
    required links, has not arrived: e.g. another device edited it first). Applied, with
    the changes that complete the row, as soon as they come."""

    entity = pw.TextField()
    row_id = pw.TextField()
    hlc = pw.TextField()
    field = pw.TextField()
    value = pw.TextField()
    seen = pw.TextField(null=True)  # JSON, as in the segment

    class Meta:
        primary_key = pw.CompositeKey("entity", "row_id", "hlc", "field")
        without_rowid = True


class Conflict(BaseModel):
    """A value that lost to a concurrent edit, kept so the user can bring it back."""

    id = pw.TextField(primary_key=True, default=new_id)
    entity = pw.TextField()
    row_id = pw.TextField()
    field = pw.TextField()
    value = pw.TextField()  # the losing value, JSON as in the change log
    losing_hlc = pw.TextField()
    winning_hlc = pw.TextField()
    seen = pw.BooleanField(default=False)
    detected_at = pw.DateTimeField()
    restored_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = ((("seen",), False),)


SYNC_TABLES: tuple[type[BaseModel], ...] = (
    SyncState,
    SyncDevice,
    SyncSeen,
    SyncVector,
    SyncParked,
    Conflict,
)
