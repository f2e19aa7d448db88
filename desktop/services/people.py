"""People: create, edit, delete (tombstone) and restore, tags, contact points, look-ups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from peewee import fn

from desktop.domain import circles
from desktop.domain.records import (
    ContactPointView,
    IntroductionView,
    PersonCard,
)
from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import (
    CIRCLES,
    CONTACT_KINDS,
    ContactPoint,
    Introduction,
    Person,
    Tag,
)
from desktop.storage.sql import chunks

EDITABLE_FIELDS = (
    "full_name",
    "nickname",
    "pronunciation",
    "pronouns",
    "headline",
    "organization",
    "location",
    "how_we_met",
    "about",
    "interests",
    "family",
    "working_on",
    "help_them",
    "help_me",
    "circle",
    "cadence_days",
    "credibility",
    "photo",
    "confidential_fields",
)
MAX_NAME = 500


class PersonNotFound(LookupError):
    """No live person with that id or name; ``candidates`` holds near matches."""

    def __init__(self, query: str, candidates: Sequence[tuple[str, str]] = ()) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        if candidates:
            names = ", ".join(name for _, name in candidates)
            message = f"no one matches {query!r} exactly; did you mean: {names}?"
        else:
            message = f"no one called {query!r} in your network"
        super().__init__(message)


class AmbiguousPerson(LookupError):
    def __init__(self, query: str, candidates: Sequence[tuple[str, str]]) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        names = "; ".join(f"{name} ({pid[:8]})" for pid, name in candidates)
        super().__init__(f"{query!r} could be several people: {names}. Use the id instead.")


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"unknown person field(s): {', '.join(sorted(unknown))}")
    cleaned = dict(values)
    if "full_name" in cleaned:
        name = " ".join(str(cleaned["full_name"]).split())
        if not name:
            raise ValueError("a person needs a name")
        cleaned["full_name"] = name[:MAX_NAME]
    if "circle" in cleaned and cleaned["circle"] not in CIRCLES:
        raise ValueError(f"circle must be one of: {', '.join(CIRCLES)}")
    if "credibility" in cleaned and cleaned["credibility"] is not None:
        cleaned["credibility"] = max(1, min(5, int(cleaned["credibility"])))
    if "cadence_days" in cleaned and cleaned["cadence_days"] is not None:
        cleaned["cadence_days"] = max(1, int(cleaned["cadence_days"])) or None
    if "confidential_fields" in cleaned and not isinstance(cleaned["confidential_fields"], str):
        cleaned["confidential_fields"] = ",".join(sorted(cleaned["confidential_fields"]))
    return cleaned


@operation
def create_person(*, full_name: str, tags: Iterable[str] = (), **fields: Any) -> str:
    """Create a person; returns the new id."""
    values = _clean({"full_name": full_name, **fields})
    values.setdefault("circle", circles.DEFAULT_CIRCLE)
    values["created"] = datetime.now().replace(microsecond=0)
    person_id = journal.save(Person, None, values)
    for tag in tags:
        add_tag(person_id=person_id, name=tag)
    return person_id


@operation
def update_person(person_id: str, **fields: Any) -> dict[str, Any]:
    """Change fields; returns their previous values so the caller can undo."""
    person = _live(person_id)
    values = _clean(fields)
    before = {name: getattr(person, name) for name in values}
    journal.save(Person, person_id, values)
    return before


@operation
def delete_person(person_id: str) -> None:
    """Tombstone a person; their history stays and comes back with :func:`restore_person`."""
    _live(person_id)
    journal.delete(Person, person_id)


@operation
def restore_person(person_id: str) -> None:
    journal.restore(Person, person_id)


def _live(person_id: str) -> Person:
    person = Person.get_or_none((Person.id == person_id) & (Person.deleted == False))
    if person is None:
        raise PersonNotFound(person_id)
    return person


def normalise_tag(name: str) -> str:
    return " ".join(name.strip().lstrip("#").split()).lower()[:80]


@operation
def add_tag(*, person_id: str, name: str) -> str | None:
    """Tag a person; a tag they already carry is left alone. Returns the tag row id."""
    tag = normalise_tag(name)
    if not tag:
        return None
    existing = Tag.get_or_none((Tag.person == person_id) & (Tag.name == tag))
    if existing is not None:
        if existing.deleted:
            journal.restore(Tag, existing.id)
        return str(existing.id)
    return journal.save(Tag, None, {"person": person_id, "name": tag})


@operation
def remove_tag(*, person_id: str, name: str) -> None:
    tag = normalise_tag(name)
    for row in Tag.select().where(
        (Tag.person == person_id) & (Tag.name == tag) & (Tag.deleted == False)
    ):
        journal.delete(Tag, row.id)


@operation
def set_tags(*, person_id: str, names: Iterable[str]) -> tuple[str, ...]:
    """Make the person's tags exactly ``names``; returns the previous tags (for undo)."""
    before = person_tags(person_id)
    wanted = {normalise_tag(n) for n in names} - {""}
    for old in set(before) - wanted:
        remove_tag(person_id=person_id, name=old)
    for new in wanted - set(before):
        add_tag(person_id=person_id, name=new)
    return before


def person_tags(person_id: str) -> tuple[str, ...]:
    rows = (
        Tag.select(Tag.name)
        .where((Tag.person == person_id) & (Tag.deleted == False))
        .order_by(Tag.name)
        .tuples()
    )
    return tuple(name for (name,) in rows)


def all_tags() -> list[tuple[str, int]]:
    """Every person tag with how many people carry it, most used first."""
    from peewee import fn

    query = (
        Tag.select(Tag.name, fn.COUNT(Tag.id))
        .join(Person, on=(Tag.person == Person.id))
        .where((Tag.deleted == False) & (Person.deleted == False))
        .group_by(Tag.name)
        .order_by(fn.COUNT(Tag.id).desc(), Tag.name)
        .tuples()
    )
    return [(name, count) for name, count in query]


@operation
def add_contact_point(*, person_id: str, kind: str, value: str, label: str = "") -> str:
    if kind not in CONTACT_KINDS:
        raise ValueError(f"contact kind must be one of: {', '.join(CONTACT_KINDS)}")
    value = value.strip()
    if not value:
        raise ValueError("a contact point needs a value")
    return journal.save(
        ContactPoint,
        None,
        {"person": person_id, "kind": kind, "value": value, "label": label, "original": value},
    )


@operation
def update_contact_point(contact_id: str, **fields: Any) -> dict[str, Any]:
    row = ContactPoint.get_by_id(contact_id)
    allowed = {k: v for k, v in fields.items() if k in ("kind", "label", "value")}
    before = {name: getattr(row, name) for name in allowed}
    journal.save(ContactPoint, contact_id, allowed)
    return before


@operation
def delete_contact_point(contact_id: str) -> None:
    journal.delete(ContactPoint, contact_id)


@operation
def restore_contact_point(contact_id: str) -> None:
    journal.restore(ContactPoint, contact_id)


def _name_of(person_id: str | None, names: Mapping[str, str]) -> str:
    return "me" if person_id is None else names.get(person_id, "someone")


def introductions_to(person_id: str) -> tuple[IntroductionView, ...]:
    """Introductions that brought ``person_id`` to me (other is me) — "introduced by"."""
    return _introductions_to_each([person_id])[person_id]


def _introductions_to_each(person_ids: list[str]) -> dict[str, tuple[IntroductionView, ...]]:
    rows = list(
        Introduction.select().where(
            (Introduction.person.in_(person_ids))
            & (Introduction.deleted == False)
            & (Introduction.other.is_null())
        )
    )
    ids = {r.introducer_id for r in rows} | {r.person_id for r in rows}
    names = display_names(i for i in ids if i)
    found: dict[str, list[IntroductionView]] = {pid: [] for pid in person_ids}
    for r in rows:
        found[r.person_id].append(
            IntroductionView(
                id=r.id,
                introducer_id=r.introducer_id,
                introducer_name=_name_of(r.introducer_id, names),
                person_id=r.person_id,
                person_name=_name_of(r.person_id, names),
                other_id=None,
                other_name="me",
                happened_at=r.happened_at,
                note=r.note,
            )
        )
    return {pid: tuple(views) for pid, views in found.items()}


def display_names(person_ids: Iterable[str]) -> dict[str, str]:
    ids = list(set(person_ids))
    names: dict[str, str] = {}
    for chunk in chunks(ids, 500):
        query = Person.select(Person.id, Person.full_name).where(Person.id.in_(chunk)).tuples()
        names.update({pid: name for pid, name in query})
    return names


def get_person(person_id: str) -> PersonCard:
    """The full card of a live person; raises PersonNotFound."""
    card = get_people([person_id]).get(person_id)
    if card is None:
        raise PersonNotFound(person_id)
    return card


def get_people(person_ids: Sequence[str]) -> dict[str, PersonCard]:
    """The cards of the live people among ``person_ids`` (a briefing's guests), read a
    few queries per 500 people rather than a few per person; the dead are left out."""
    cards: dict[str, PersonCard] = {}
    for chunk in chunks(list(dict.fromkeys(person_ids)), 500):
        rows = list(Person.select().where(Person.id.in_(chunk) & (Person.deleted == False)))
        if not rows:
            continue
        live = [p.id for p in rows]
        contacts: dict[str, list[ContactPointView]] = defaultdict(list)
        for c in (
            ContactPoint.select()
            .where(ContactPoint.person.in_(live) & (ContactPoint.deleted == False))
            .order_by(ContactPoint.kind, ContactPoint.label)
        ):
            contacts[c.person_id].append(ContactPointView(c.id, c.kind, c.label, c.value))
        tags: dict[str, list[str]] = defaultdict(list)
        for pid, name in (
            Tag.select(Tag.person, Tag.name)
            .where(Tag.person.in_(live) & (Tag.deleted == False))
            .order_by(Tag.name)
            .tuples()
        ):
            tags[pid].append(name)
        introduced = _introductions_to_each(live)
        for p in rows:
            cards[p.id] = _card(p, tuple(contacts[p.id]), tuple(tags[p.id]), introduced[p.id])
    return cards


def _card(
    p: Person,
    contacts: tuple[ContactPointView, ...],
    tags: tuple[str, ...],
    introduced_by: tuple[IntroductionView, ...],
) -> PersonCard:
    return PersonCard(
        id=p.id,
        full_name=p.full_name,
        nickname=p.nickname,
        pronunciation=p.pronunciation,
        pronouns=p.pronouns,
        headline=p.headline,
        organization=p.organization,
        location=p.location,
        how_we_met=p.how_we_met,
        about=p.about,
        interests=p.interests,
        family=p.family,
        working_on=p.working_on,
        help_them=p.help_them,
        help_me=p.help_me,
        circle=p.circle,
        cadence_days=p.cadence_days,
        credibility=p.credibility,
        photo=bytes(p.photo) if p.photo else None,
        confidential_fields=frozenset(f for f in p.confidential_fields.split(",") if f),
        tags=tags,
        contact_points=contacts,
        introduced_by=introduced_by,
        created=p.created,
    )


def person_exists(person_id: str) -> bool:
    return Person.select().where((Person.id == person_id) & (Person.deleted == False)).exists()


def all_names() -> list[tuple[str, str]]:
    """(id, full name) of every live person: for completion and fuzzy matching."""
    query = Person.select(Person.id, Person.full_name).where(Person.deleted == False).tuples()
    return [(pid, name) for pid, name in query]


def people_named(full_name: str) -> list[tuple[str, str]]:
    """(id, name) of live people whose name is ``full_name`` (case and spacing aside):
    adding a second "Ana Ruiz" is then a choice, not an accident."""
    wanted = " ".join(full_name.split()).casefold()
    if not wanted:
        return []
    return [(pid, name) for pid, name in all_names() if " ".join(name.split()).casefold() == wanted]


def people_with_email(email: str) -> list[tuple[str, str]]:
    """(id, name) of live people with this email address (case aside)."""
    wanted = email.strip().casefold()
    if not wanted:
        return []
    query = (
        ContactPoint.select(ContactPoint.person, Person.full_name)
        .join(Person)
        .where(
            (ContactPoint.deleted == False)
            & (Person.deleted == False)
            & (ContactPoint.kind == "email")
            & (fn.LOWER(fn.TRIM(ContactPoint.value)) == wanted)
        )
        .tuples()
    )
    return list(dict.fromkeys((str(pid), name) for pid, name in query))


def find_people(query: str, *, limit: int = 8) -> list[tuple[str, str, float]]:
    """Fuzzy name look-up ("ana r" finds "Ana Ruiz"): (id, name, score 0..100), best first."""
    from rapidfuzz import fuzz, process, utils

    text = query.strip()
    if not text:
        return []
    people = all_names()
    if not people:
        return []
    lowered = text.casefold()
    prefix_hits = [
        (pid, name, 100.0)
        for pid, name in people
        if all(
            any(part.startswith(word) for part in name.casefold().split())
            for word in lowered.split()
        )
    ]
    if prefix_hits:
        prefix_hits.sort(key=lambda hit: hit[1].casefold())
        return prefix_hits[:limit]
    choices = {pid: name for pid, name in people}
    matches = process.extract(
        text, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit
    )
    return [(pid, name, float(score)) for name, score, pid in matches if score >= 60]


def resolve_person(name_or_id: str) -> str:
    """An id, a unique exact name, or a unique fuzzy match; else a helpful LookupError."""
    text = name_or_id.strip()
    if not text:
        raise PersonNotFound(name_or_id)
    if person_exists(text):
        return text
    exact = [
        (pid, name)
        for pid, name in Person.select(Person.id, Person.full_name)
        .where((Person.deleted == False) & (Person.full_name == text))
        .tuples()
    ]
    if len(exact) == 1:
        return exact[0][0]
    if len(exact) > 1:
        raise AmbiguousPerson(text, exact)
    prefix = (
        [
            (pid, name)
            for pid, name in Person.select(Person.id, Person.full_name)
            .where((Person.deleted == False) & (Person.id.startswith(text.lower())))
            .tuples()
        ]
        if len(text) >= 6
        else []
    )
    if len(prefix) == 1:
        return prefix[0][0]
    matches = find_people(text, limit=6)
    if len(matches) == 1 and matches[0][2] >= 90:
        return matches[0][0]
    raise PersonNotFound(text, [(pid, name) for pid, name, _ in matches])
