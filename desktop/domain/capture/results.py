"""What the capture parser returns: plain frozen dataclasses the preview shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class ParsedCommitment:
    """A promise read from the note, as the preview shows it before it is saved."""

    owner: str  # "me" | "them"
    description: str  # e.g. "send her the deck" (without the due phrase, trimmed)
    person_name: str | None  # who the promise is to/from, when known
    due: date | None
    due_text: str  # the phrase matched, "" if none
    span: tuple[int, int]  # character offsets of the source sentence in the input


@dataclass(frozen=True, slots=True)
class ParsedIntroduction:
    """Who introduces whom to whom; ``None`` stands for the user ("me")."""

    introducer: str | None  # None means "me"
    person: str  # who gets introduced
    to: str | None  # None means "to me"
    done: bool  # True for "introduced me to", False for a promise/plan
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class CaptureParse:
    """Everything the capture preview proposes; ``notes`` is always the input unchanged."""

    people: tuple[str, ...]  # names met, in order, deduplicated
    organization: str  # "" if none
    place: str  # "" if none
    commitments: tuple[ParsedCommitment, ...]
    introductions: tuple[ParsedIntroduction, ...]
    tags: tuple[str, ...]
    notes: str  # ALWAYS exactly the input text, unchanged
    # person met -> their organization, for every person whose organization the note
    # states ("Ola Berg, Tim Vos and Eva Lund from Initech"); ``organization`` stays the
    # first of them for callers that save one organization per capture.
    organizations: Mapping[str, str] = field(default_factory=dict)
