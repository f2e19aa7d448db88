"""Peewee models for every record of the data model (DESIGN.md), sync-ready from day one.

Rules every syncable model follows (SYNC.md):
- a random UUID text key (``id``), never an autoincrement id in a reference;
- ``updated`` is the hybrid-logical-clock (HLC) string of the newest field write;
- deletion is a tombstone (``deleted``), never ``DELETE``;
- list-like data are child rows with their own ids; no UNIQUE constraints on user data.

Rows are written only through :mod:`desktop.storage.journal`, which keeps the per-field
clock and the change log in the same transaction.
"""

from __future__ import annotations

import uuid
from typing import Any

import peewee as pw

from desktop.storage import front_door


class _StoreProxy(pw.DatabaseProxy):
    """The models' database: bound when the store opens. When the GUI deferred the full
    open past its first frame (``front_door.defer_open``), the first use of the store on
    that thread runs it first, and another thread finds no store until then, so nothing
    reads or writes a file the full open has not checked (nor one bound before it)."""

    __slots__ = ()

    def __getattr__(self, attr: str) -> Any:
        if attr != "_Model" and front_door.has_deferred_open():
            front_door.open_if_deferred()
        return super().__getattr__(attr)

    def __enter__(self) -> Any:  # ``with database:``, past Proxy's own passthrough
        if front_door.has_deferred_open():
            front_door.open_if_deferred()
        return super().__enter__()

    def __setattr__(self, attr: str, value: object) -> None:
        if attr not in pw.DatabaseProxy.__slots__:
            raise AttributeError("Cannot set attribute on proxy.")
        object.__setattr__(self, attr, value)


database = _StoreProxy()

CIRCLES = ("inner", "close", "trusted", "network", "acquaintance")
DEPTHS = ("small_talk", "professional", "personal")
CONVERSATION_KINDS = ("in_person", "call", "video", "message", "email", "meal", "event")
COMMITMENT_OWNERS = ("me", "them")
COMMITMENT_STATUSES = ("open", "kept", "broken", "released")
EXCHANGE_DIRECTIONS = ("give", "receive")
EXCHANGE_KINDS = ("introduction", "help", "advice", "referral", "opportunity", "gift")
CONTACT_KINDS = ("email", "phone", "url", "social", "address")
ATTENDANCE_STATUSES = ("expected", "met")


def new_id() -> str:
    return str(uuid.uuid4())


def link_id(kind: str, *ends: str) -> str:
    """Deterministic id for a link two devices may create independently (SYNC.md)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"rapport:{kind}:" + ":".join(ends)))


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SyncedModel(BaseModel):
    """Base of every synchronised record."""

    id = pw.TextField(primary_key=True, default=new_id)
    updated = pw.TextField(default="")
    deleted = pw.BooleanField(default=False)


class Person(SyncedModel):
    full_name = pw.TextField(default="")
    nickname = pw.TextField(default="")
    pronunciation = pw.TextField(default="")
    pronouns = pw.TextField(default="")
    headline = pw.TextField(default="")
    organization = pw.TextField(default="")
    location = pw.TextField(default="")
    how_we_met = pw.TextField(default="")
    about = pw.TextField(default="")
    interests = pw.TextField(default="")
    family = pw.TextField(default="")
    working_on = pw.TextField(default="")
    help_them = pw.TextField(default="")
    help_me = pw.TextField(default="")
    circle = pw.TextField(default="acquaintance")
    cadence_days = pw.IntegerField(null=True)
    credibility = pw.IntegerField(null=True)  # the user's own judgement, 1..5
    photo = pw.BlobField(null=True)  # a small PNG/JPEG thumbnail
    confidential_fields = pw.TextField(default="")  # comma-separated field names
    created = pw.DateTimeField(null=True)


class ContactPoint(SyncedModel):
    person = pw.ForeignKeyField(Person, backref="contact_points", on_delete="CASCADE")
    kind = pw.TextField(default="email")
    label = pw.TextField(default="")
    value = pw.TextField(default="")
    original = pw.TextField(default="")


class ImportantDate(SyncedModel):
    """A date that matters in a person's life: a birthday, an anniversary, "started at Acme".

    ``day`` is ``YYYY-MM-DD``, or ``--MM-DD`` when the year is unknown (vCard's form).
    """

    person = pw.ForeignKeyField(Person, backref="dates", on_delete="CASCADE")
    label = pw.TextField(default="birthday")
    day = pw.TextField(default="")

    class Meta:
        table_name = "important_date"


class Event(SyncedModel):
    title = pw.TextField(default="")
    starts_at = pw.DateTimeField(null=True)
    ends_at = pw.DateTimeField(null=True)
    place = pw.TextField(default="")
    notes = pw.TextField(default="")
    goals = pw.TextField(default="")


class Conversation(SyncedModel):
    happened_at = pw.DateTimeField(null=True)
    kind = pw.TextField(default="in_person")
    place = pw.TextField(default="")
    event = pw.ForeignKeyField(Event, null=True, backref="conversations", on_delete="SET NULL")
    title = pw.TextField(default="")
    notes = pw.TextField(default="")
    depth = pw.TextField(default="professional")
    confidential = pw.BooleanField(default=False)


class Participant(SyncedModel):
    conversation = pw.ForeignKeyField(Conversation, backref="participants", on_delete="CASCADE")
    person = pw.ForeignKeyField(Person, backref="participations", on_delete="CASCADE")


class Tag(SyncedModel):
    """A tag on a person or on a conversation (exactly one of the two is set)."""

    person = pw.ForeignKeyField(Person, null=True, backref="tags", on_delete="CASCADE")
    conversation = pw.ForeignKeyField(Conversation, null=True, backref="tags", on_delete="CASCADE")
    name = pw.TextField(default="")
    # the raw keys peewee adds beside each foreign key (declared for type checkers only)
    person_id: str | None
    conversation_id: str | None


class Commitment(SyncedModel):
    owner = pw.TextField(default="me")  # who owes: "me" or "them"
    person = pw.ForeignKeyField(Person, backref="commitments", on_delete="CASCADE")
    description = pw.TextField(default="")
    due = pw.DateField(null=True)
    status = pw.TextField(default="open")
    resolved_at = pw.DateTimeField(null=True)
    made_at = pw.DateTimeField(null=True)
    snoozed_until = pw.DateField(null=True)
    conversation = pw.ForeignKeyField(
        Conversation, null=True, backref="commitments", on_delete="SET NULL"
    )


class Exchange(SyncedModel):
    person = pw.ForeignKeyField(Person, backref="exchanges", on_delete="CASCADE")
    direction = pw.TextField(default="give")  # I "give" to them or "receive" from them
    kind = pw.TextField(default="help")
    description = pw.TextField(default="")
    happened_at = pw.DateTimeField(null=True)
    conversation = pw.ForeignKeyField(
        Conversation, null=True, backref="exchanges", on_delete="SET NULL"
    )


class Attendance(SyncedModel):
    event = pw.ForeignKeyField(Event, backref="attendances", on_delete="CASCADE")
    person = pw.ForeignKeyField(Person, backref="attendances", on_delete="CASCADE")
    status = pw.TextField(default="expected")
    why = pw.TextField(default="")
    focus = pw.BooleanField(default=False)


class Introduction(SyncedModel):
    """``introducer`` introduced ``person`` to ``other``; an empty end means "me"."""

    introducer = pw.ForeignKeyField(
        Person, null=True, backref="introductions_made", on_delete="CASCADE"
    )
    person = pw.ForeignKeyField(Person, backref="introductions_received", on_delete="CASCADE")
    other = pw.ForeignKeyField(Person, null=True, backref="+", on_delete="CASCADE")
    happened_at = pw.DateTimeField(null=True)
    note = pw.TextField(default="")


SYNCED_MODELS: tuple[type[SyncedModel], ...] = (
    Person,
    ContactPoint,
    Event,
    Conversation,
    Participant,
    Tag,
    Commitment,
    Exchange,
    Attendance,
    Introduction,
    ImportantDate,
)

ENTITY_NAMES = {model._meta.table_name: model for model in SYNCED_MODELS}


class FieldClock(BaseModel):
    """Winning HLC per (entity, row, field): the per-field clock of SYNC.md."""

    entity = pw.TextField()
    row_id = pw.TextField()
    field = pw.TextField()
    hlc = pw.TextField()

    class Meta:
        primary_key = pw.CompositeKey("entity", "row_id", "field")
        without_rowid = True


class Change(BaseModel):
    """Append-only change log: every value ever written, for sync and for recovery."""

    seq = pw.AutoField()  # local order only; never referenced by another row
    hlc = pw.TextField()
    entity = pw.TextField()
    row_id = pw.TextField()
    field = pw.TextField()
    value = pw.TextField()  # JSON
    segment = pw.IntegerField(null=True, index=True)  # outgoing sync batch, once sent


class Meta(BaseModel):
    """Local key/value facts: device id, last HLC. Never synchronised."""

    key = pw.TextField(primary_key=True)
    value = pw.TextField()


class Draft(BaseModel):
    """Local, unsynchronised drafts (the capture window's text) so no word is lost."""

    key = pw.TextField(primary_key=True)
    content = pw.TextField(default="")  # JSON
    saved_at = pw.DateTimeField(null=True)


LOCAL_MODELS: tuple[type[BaseModel], ...] = (FieldClock, Change, Meta, Draft)
