"""Plain, immutable views of the data that services hand to the UI, CLI and printing.

Nothing above the service layer sees a Peewee model: these dataclasses are the contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain.display_names import first_name as display_first_name


@dataclass(frozen=True, slots=True)
class ContactPointView:
    id: str
    kind: str
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """One contact card in a list: cheap to build for 10,000 people."""

    id: str
    full_name: str
    headline: str
    organization: str
    circle: str
    tags: tuple[str, ...]
    last_contact: datetime | None
    trust_in_them: int
    their_trust_in_me: int
    promises_due: int  # open promises (either way) due today or earlier
    has_photo: bool


@dataclass(frozen=True, slots=True)
class IntroductionView:
    id: str
    introducer_id: str | None
    introducer_name: str  # "me" when empty
    person_id: str
    person_name: str
    other_id: str | None
    other_name: str  # "me" when empty
    happened_at: datetime | None
    note: str


@dataclass(frozen=True, slots=True)
class PersonCard:
    """Everything about one person, for the person view, `rapport show` and briefings."""

    id: str
    full_name: str
    nickname: str
    pronunciation: str
    pronouns: str
    headline: str
    organization: str
    location: str
    how_we_met: str
    about: str
    interests: str
    family: str
    working_on: str
    help_them: str
    help_me: str
    circle: str
    cadence_days: int | None
    credibility: int | None
    photo: bytes | None
    confidential_fields: frozenset[str]
    tags: tuple[str, ...]
    contact_points: tuple[ContactPointView, ...]
    introduced_by: tuple[IntroductionView, ...]
    created: datetime | None

    @property
    def first_name(self) -> str:
        return display_first_name(self.full_name, self.full_name.strip())


@dataclass(frozen=True, slots=True)
class ConversationView:
    id: str
    happened_at: datetime | None
    kind: str
    place: str
    event_id: str | None
    event_title: str
    title: str
    notes: str
    depth: str
    confidential: bool
    participant_ids: tuple[str, ...]
    participant_names: tuple[str, ...]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CommitmentView:
    id: str
    owner: str  # "me" | "them"
    person_id: str
    person_name: str
    description: str
    due: date | None
    status: str
    resolved_at: datetime | None
    made_at: datetime | None
    snoozed_until: date | None
    conversation_id: str | None

    def is_overdue(self, today: date) -> bool:
        return self.status == "open" and self.due is not None and self.due < today

    def days_late(self, today: date) -> int:
        return (today - self.due).days if self.is_overdue(today) and self.due else 0


@dataclass(frozen=True, slots=True)
class ExchangeView:
    id: str
    person_id: str
    direction: str
    kind: str
    description: str
    happened_at: datetime | None
    conversation_id: str | None


@dataclass(frozen=True, slots=True)
class AttendanceView:
    id: str
    event_id: str
    person_id: str
    person_name: str
    status: str
    why: str
    focus: bool


@dataclass(frozen=True, slots=True)
class EventView:
    id: str
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    place: str
    notes: str
    goals: str
    attendee_count: int = 0
    attendees: tuple[AttendanceView, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class SearchHit:
    type: str  # "person" | "conversation"
    id: str
    title: str
    snippet: str  # plain text
    spans: tuple[tuple[int, int], ...]  # matched ranges within snippet, for highlighting
    person_id: str | None = None  # for a conversation: its first participant


@dataclass(frozen=True, slots=True)
class DriftingPerson:
    id: str
    full_name: str
    circle: str
    cadence_days: int
    last_contact: datetime | None
    days_since: int | None  # None: never talked
