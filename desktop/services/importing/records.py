"""What every parser hands to the planner: records in Rapport's shape, not yet written.

Parsers never touch the database. Each turns its format into these plain records, with
a ``ref`` ("line 12", "row 4", "contact 3") so every message can point at the place in
the file, and file-local ``key``s by which records refer to each other (a Monica call
to its contact, a participant to its person). The planner alone decides which people
are new and which already exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ImportFileError(Exception):
    """The file cannot be imported at all (unreadable, or not what it claims to be).

    ``str(error)`` names the file and the problem; the CLI exits 2 with it.
    """


@dataclass(slots=True)
class Rejection:
    """One record left out, and why (the rest of the file still imports)."""

    ref: str
    reason: str

    def __str__(self) -> str:
        return f"{self.ref}: {self.reason}"


@dataclass(slots=True)
class IncomingContact:
    kind: str  # email | phone | url | social | address
    value: str
    label: str = ""
    original: str = ""
    id_hint: str | None = None


@dataclass(slots=True)
class IncomingTag:
    name: str
    id_hint: str | None = None


@dataclass(slots=True)
class IncomingDate:
    """An important date of a person: ``day`` is ``YYYY-MM-DD`` or ``--MM-DD`` (no year)."""

    label: str  # "birthday", "anniversary" or the user's own words
    day: str
    id_hint: str | None = None


@dataclass(slots=True)
class IncomingPerson:
    ref: str
    key: str
    fields: dict[str, Any]  # Person fields by name (full_name is always set)
    contacts: list[IncomingContact] = field(default_factory=list)
    tags: list[IncomingTag] = field(default_factory=list)
    id_hint: str | None = None  # an id to keep (our export) or derive (vCard UID, Monica)
    exact: bool = False  # our own export: keep every value exactly as written
    dates: list[IncomingDate] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.fields.get("full_name", ""))


@dataclass(slots=True)
class IncomingParticipant:
    person_key: str
    id_hint: str | None = None


@dataclass(slots=True)
class IncomingConversation:
    ref: str
    key: str
    fields: dict[str, Any]
    participants: list[IncomingParticipant]
    tags: list[IncomingTag] = field(default_factory=list)
    event_key: str | None = None
    id_hint: str | None = None


@dataclass(slots=True)
class IncomingCommitment:
    ref: str
    person_key: str
    fields: dict[str, Any]
    conversation_key: str | None = None
    id_hint: str | None = None


@dataclass(slots=True)
class IncomingExchange:
    ref: str
    person_key: str
    fields: dict[str, Any]
    conversation_key: str | None = None
    id_hint: str | None = None


@dataclass(slots=True)
class IncomingIntroduction:
    ref: str
    person_key: str
    introducer_key: str | None  # None: me
    other_key: str | None  # None: me
    fields: dict[str, Any]
    id_hint: str | None = None


@dataclass(slots=True)
class IncomingEvent:
    ref: str
    key: str
    fields: dict[str, Any]
    id_hint: str | None = None


@dataclass(slots=True)
class IncomingAttendance:
    ref: str
    event_key: str
    person_key: str
    fields: dict[str, Any]
    id_hint: str | None = None


@dataclass(slots=True)
class ParsedFile:
    """Everything a parser found in one file."""

    format: str  # vcard | csv | linkedin | google_csv | outlook_csv | monica | rapport
    format_label: str  # for people: "vCard 3.0", "LinkedIn connections (CSV)", …
    people: list[IncomingPerson] = field(default_factory=list)
    conversations: list[IncomingConversation] = field(default_factory=list)
    commitments: list[IncomingCommitment] = field(default_factory=list)
    exchanges: list[IncomingExchange] = field(default_factory=list)
    introductions: list[IncomingIntroduction] = field(default_factory=list)
    events: list[IncomingEvent] = field(default_factory=list)
    attendances: list[IncomingAttendance] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # encoding, delimiter, mapping, …

    @property
    def records(self) -> int:
        """Records read, rejected ones included (people and the history around them)."""
        return (
            len(self.people)
            + len(self.conversations)
            + len(self.commitments)
            + len(self.exchanges)
            + len(self.introductions)
            + len(self.events)
            + len(self.attendances)
            + len(self.rejected)
        )
