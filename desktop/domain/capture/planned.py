"""The plan's vocabulary: names as looked up, and what a capture will save.

Plain frozen dataclasses shared by the planner (:mod:`desktop.domain.capture.plan`),
the services that save a plan, and the window that shows one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# ------------------------------------------------------------------------ inputs


@dataclass(frozen=True, slots=True)
class Candidate:
    """An existing person a name might mean."""

    id: str
    name: str
    organization: str = ""


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How one name resolves against the network (made by the services).

    ``person_id`` is set only for a confident match (exact, or a unique close fuzzy
    one); ``candidates`` are the near matches the user may pick instead.
    """

    query: str
    person_id: str | None
    name: str
    organization: str = ""
    candidates: tuple[Candidate, ...] = ()


# ------------------------------------------------------------------------ outputs


@dataclass(frozen=True, slots=True)
class PlannedPerson:
    key: str
    name: str
    person_id: str | None  # None: created on save
    state: str  # "existing" | "new" | "pending" (name not looked up yet)
    organization: str  # new: saved; existing: their current one, or the blank it fills
    headline: str
    participant: bool  # took part in the conversation (else only mentioned)
    source: str  # "who" | "notes" | "mentioned"
    candidates: tuple[Candidate, ...] = ()
    fills_organization: bool = False  # existing person with a blank organization

    @property
    def is_new(self) -> bool:
        return self.person_id is None


@dataclass(frozen=True, slots=True)
class PlannedPromise:
    key: str
    owner: str  # "me": I owe them; "them": they owe me
    description: str
    person_key: str | None
    due: date | None
    due_text: str  # the phrase it came from ("by Friday"); "" when none or corrected
    source: str  # the sentence of the note it was read from
    edited: bool = False


@dataclass(frozen=True, slots=True)
class PlannedIntroduction:
    key: str
    introducer_key: str | None  # None: me
    person_key: str
    to_key: str | None  # None: me
    done: bool
    promise_key: str | None = None  # a planned one is saved as this promise
    names: tuple[str | None, str, str | None] = (None, "", None)  # introducer, person, to


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that stops saving, where to show it ("who", "when", "promise:<key>"),
    and a stable ``code`` the window maps to its translated wording."""

    field: str
    code: str  # "no_person" | "unreadable_when" | "promise_without_person" | "empty_promise"
    message: str


@dataclass(frozen=True, slots=True)
class CapturePlan:
    people: tuple[PlannedPerson, ...]
    promises: tuple[PlannedPromise, ...]
    introductions: tuple[PlannedIntroduction, ...]
    tags: tuple[str, ...]
    notes: str
    happened_at: datetime | None
    place: str
    place_from_notes: bool
    event_id: str | None
    depth: str
    organization: str  # the parser's guess for the people met
    problems: tuple[Problem, ...] = ()

    @property
    def participants(self) -> tuple[PlannedPerson, ...]:
        return tuple(p for p in self.people if p.participant)

    def person(self, key: str | None) -> PlannedPerson | None:
        return next((p for p in self.people if p.key == key), None) if key else None

    def name_of(self, key: str | None) -> str:
        person = self.person(key)
        return person.name if person else ""

    @property
    def is_empty(self) -> bool:
        """Nothing typed and nothing to save: the draft can go."""
        return not (self.notes.strip() or self.people or self.tags)
