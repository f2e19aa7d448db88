"""Possible duplicates, and merging two people into one without losing a thing.

Finding is blocked, never all-pairs: people are grouped by normalised email, phone
(E.164) and profile link, by their name key ("Ruiz, Ana" = "Ana Ruiz"), and by
organization; only people inside one block are compared, names with rapidfuzz's C
``cdist``. At 10,000 people that is a fraction of a second instead of 50 million fuzzy
comparisons. The keys are the importer's (:mod:`desktop.services.importing.keys`), so
what an import would have matched is what this finds.

Merging re-points every conversation, promise, exchange, tag, contact point, attendance
and introduction of the other person to the kept one through the journal, takes the
field values the caller chose, and tombstones the other person — after a backup, in one
transaction. It returns a :class:`MergeRecord` of every change so :func:`unmerge` can
put everything back (the UI's undo).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from desktop.services.importing import keys
from desktop.services.people import EDITABLE_FIELDS, PersonNotFound
from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import (
    ENTITY_NAMES,
    Attendance,
    Commitment,
    ContactPoint,
    Exchange,
    ImportantDate,
    Introduction,
    Meta,
    Participant,
    Person,
    Tag,
    database,
    link_id,
)

NAME_MATCH = 90  # token_sort_ratio for "similar name at the same organization"
MAX_GROUP = 25  # a key shared by more people is a switchboard or a team address
MAX_BLOCK = 1000  # organization blocks past this are split by initial
DISMISSED_KEY = "duplicates.dismissed"


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    first_id: str
    first_name: str
    second_id: str
    second_name: str
    reasons: tuple[str, ...]  # "same email ana@example.org", "similar name at Acme (94%)"
    score: int  # 100 for a shared email/phone/profile; names score at most 99


def _dismissed() -> set[tuple[str, str]]:
    row = Meta.get_or_none(Meta.key == DISMISSED_KEY)
    if row is None:
        return set()
    try:
        return {tuple(sorted(pair)) for pair in json.loads(row.value)}  # type: ignore[misc]
    except (ValueError, TypeError):
        return set()


def dismiss(first_id: str, second_id: str) -> None:
    """Remember that two people are not the same (a local choice, never synced)."""
    pairs = _dismissed() | {tuple(sorted((first_id, second_id)))}
    with database.atomic():
        Meta.insert(
            key=DISMISSED_KEY, value=json.dumps(sorted(pairs))
        ).on_conflict_replace().execute()


def find_duplicates(*, limit: int | None = None, region: str | None = None) -> list[DuplicatePair]:
    """Likely duplicate pairs among live people, most certain first."""
    from rapidfuzz import fuzz, process

    region = region or keys.default_region()
    people = {
        pid: (name, organization)
        for pid, name, organization in database.execute_sql(
            "SELECT id, full_name, organization FROM person WHERE deleted = 0"
        )
    }
    reasons: dict[tuple[str, str], list[str]] = defaultdict(list)
    scores: dict[tuple[str, str], int] = {}

    def add(a: str, b: str, reason: str, score: int) -> None:
        pair = (a, b) if a < b else (b, a)
        if reason not in reasons[pair]:
            reasons[pair].append(reason)
        scores[pair] = max(scores.get(pair, 0), score)

    by_key: dict[str, set[str]] = defaultdict(set)
    for pid, kind, value in database.execute_sql(
        "SELECT person_id, kind, value FROM contact_point WHERE deleted = 0 "
        "AND kind IN ('email', 'phone', 'url', 'social')"
    ):
        if pid in people:
            key = keys.contact_key(kind, value, region)
            if key:
                by_key[key].add(pid)
    for key, members in by_key.items():
        if 1 < len(members) <= MAX_GROUP:
            kind, _, value = key.partition(":")
            label = {"url": "profile link"}.get(kind, kind)
            ordered = sorted(members)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    add(a, b, f"same {label} {value}", 100)
    by_name: dict[str, list[str]] = defaultdict(list)
    by_org: dict[str, list[str]] = defaultdict(list)
    for pid, (name, organization) in people.items():
        key = keys.name_key(name)
        if key:
            by_name[key].append(pid)
        org = keys.org_key(organization)
        if org:
            by_org[org].append(pid)
    for members in by_name.values():
        if 1 < len(members) <= MAX_GROUP:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    org_a, org_b = (keys.org_key(people[p][1]) for p in (a, b))
                    if not org_a or not org_b or org_a == org_b:
                        add(a, b, "the same name", 95)
    for members in by_org.values():
        for block in _split(members, people):
            if len(block) < 2:
                continue
            names = [keys.name_key(people[p][0]) for p in block]
            for i, name in enumerate(names[:-1]):
                # rapidfuzz's C loop over the rest of the block (cdist would need numpy).
                for _, score, j in process.extract(
                    name,
                    names[i + 1 :],
                    scorer=fuzz.token_sort_ratio,
                    score_cutoff=NAME_MATCH,
                    limit=None,
                ):
                    other = block[i + 1 + j]
                    organization = people[block[i]][1]
                    add(
                        block[i],
                        other,
                        f"similar name at {organization} ({score:.0f}%)",
                        min(int(score), 99),
                    )
    dismissed = _dismissed()
    pairs = [
        DuplicatePair(a, people[a][0], b, people[b][0], tuple(reasons[(a, b)]), scores[(a, b)])
        for (a, b) in reasons
        if (a, b) not in dismissed
    ]
    pairs.sort(key=lambda p: (-p.score, -len(p.reasons), p.first_name.casefold(), p.first_id))
    return pairs[:limit] if limit else pairs


def _split(members: list[str], people: Mapping[str, tuple[str, str]]) -> Iterable[list[str]]:
    if len(members) <= MAX_BLOCK:
        yield members
        return
    by_initial: dict[str, list[str]] = defaultdict(list)
    for pid in members:
        key = keys.name_key(people[pid][0])
        by_initial[key[:1]].append(pid)
    yield from by_initial.values()


# --- merging ------------------------------------------------------------------------


MERGE_FIELDS = EDITABLE_FIELDS


@dataclass(frozen=True, slots=True)
class FieldChoice:
    name: str
    keep_value: Any
    other_value: Any
    suggested: str  # "keep" | "other"


@dataclass(frozen=True, slots=True)
class MergeProposal:
    """What the merge dialog shows: both cards field by field, and what will move."""

    keep_id: str
    other_id: str
    keep_name: str
    other_name: str
    fields: tuple[FieldChoice, ...]  # only fields where the two differ
    moves: dict[str, int]  # entity -> rows of the other person that move


def _live_person(person_id: str) -> Person:
    person = Person.get_or_none((Person.id == person_id) & (Person.deleted == False))
    if person is None:
        raise PersonNotFound(person_id)
    return person


def _empty(value: Any) -> bool:
    return value in (None, "", b"")


def propose_merge(keep_id: str, other_id: str) -> MergeProposal:
    """Both cards side by side; the suggestion keeps a value, filling the blanks from the other."""
    keep, other = _live_person(keep_id), _live_person(other_id)
    choices = []
    for name in MERGE_FIELDS:
        a, b = getattr(keep, name), getattr(other, name)
        if a == b or _empty(b):
            continue
        choices.append(FieldChoice(name, a, b, "other" if _empty(a) else "keep"))
    moves = {
        model._meta.table_name: model.select()
        .where((model.person == other_id) & (model.deleted == False))
        .count()
        for model in (
            ContactPoint,
            Tag,
            Participant,
            Commitment,
            Exchange,
            Attendance,
            ImportantDate,
        )
    }
    moves["introduction"] = (
        Introduction.select()
        .where(
            (Introduction.deleted == False)
            & (
                (Introduction.person == other_id)
                | (Introduction.introducer == other_id)
                | (Introduction.other == other_id)
            )
        )
        .count()
    )
    return MergeProposal(keep_id, other_id, keep.full_name, other.full_name, tuple(choices), moves)


@dataclass(slots=True)
class MergeRecord:
    """Everything a merge changed, in order, so :func:`unmerge` can reverse it."""

    keep_id: str
    other_id: str
    changes: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    # (entity, row id, values before) for every row the merge changed
    created: list[tuple[str, str, bool | None]] = field(default_factory=list)
    # (entity, row id, deleted flag before — None when the row did not exist)
    backup: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe form (for an undo stack that outlives the process)."""
        return {
            "keep_id": self.keep_id,
            "other_id": self.other_id,
            "changes": [
                [e, r, {k: journal.encode_value(v) for k, v in before.items()}]
                for e, r, before in self.changes
            ],
            "created": [list(c) for c in self.created],
            "backup": self.backup,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MergeRecord:
        return cls(
            data["keep_id"],
            data["other_id"],
            [
                (e, r, {k: journal.decode_value(v) for k, v in before.items()})
                for e, r, before in data["changes"]
            ],
            [(e, r, d) for e, r, d in data["created"]],
            data.get("backup"),
        )


class _Merger:
    def __init__(self, keep_id: str, other_id: str) -> None:
        self.keep = keep_id
        self.other = other_id
        self.record = MergeRecord(keep_id, other_id)

    def save(self, model: type, row_id: str, values: dict[str, Any]) -> None:
        row = model.get_by_id(row_id)
        before = {}
        for name in values:
            field_ = model._meta.fields[name]
            is_fk = isinstance(field_, pw.ForeignKeyField)
            before[name] = getattr(row, field_.object_id_name if is_fk else name)
        self.record.changes.append((model._meta.table_name, row_id, before))
        journal.save(model, row_id, values)

    def link(self, model: type, row_id: str, values: dict[str, Any]) -> None:
        """Create (or bring back) a deterministic link row for the kept person."""
        existing = model.get_or_none(model.id == row_id)
        self.record.created.append(
            (model._meta.table_name, row_id, None if existing is None else bool(existing.deleted))
        )
        journal.save(model, row_id, {**values, "deleted": False})

    def live(self, model: type, column: str = "person") -> list[Any]:
        field_ = getattr(model, column)
        return list(model.select().where((field_ == self.other) & (model.deleted == False)))

    def run(self, values: Mapping[str, Any]) -> MergeRecord:
        if values:
            self.save(Person, self.keep, dict(values))
        region = keys.default_region()
        have = {
            keys.same_value_key(c.kind, c.value, region)
            for c in ContactPoint.select().where(
                (ContactPoint.person == self.keep) & (ContactPoint.deleted == False)
            )
        }
        for contact in self.live(ContactPoint):
            key = keys.same_value_key(contact.kind, contact.value, region)
            self.save(
                ContactPoint,
                contact.id,
                {"deleted": True} if key in have else {"person": self.keep},
            )
            have.add(key)
        tags = {
            t.name for t in Tag.select().where((Tag.person == self.keep) & (Tag.deleted == False))
        }
        for tag in self.live(Tag):
            self.save(Tag, tag.id, {"deleted": True} if tag.name in tags else {"person": self.keep})
            tags.add(tag.name)
        days = {
            (d.label, d.day)
            for d in ImportantDate.select().where(
                (ImportantDate.person == self.keep) & (ImportantDate.deleted == False)
            )
        }
        for item in self.live(ImportantDate):
            same = (item.label, item.day) in days
            self.save(ImportantDate, item.id, {"deleted": True} if same else {"person": self.keep})
            days.add((item.label, item.day))
        for model, parent in ((Participant, "conversation"), (Attendance, "event")):
            for row in self.live(model):
                parent_id = getattr(row, parent + "_id")
                kept = model.get_or_none(
                    (getattr(model, parent) == parent_id)
                    & (model.person == self.keep)
                    & (model.deleted == False)
                )
                if kept is None:
                    copy = {parent: parent_id, "person": self.keep}
                    if model is Attendance:
                        copy.update(status=row.status, why=row.why, focus=row.focus)
                    self.link(model, link_id(model._meta.table_name, parent_id, self.keep), copy)
                self.save(model, row.id, {"deleted": True})
        for model in (Commitment, Exchange):
            for row in self.live(model):
                self.save(model, row.id, {"person": self.keep})
        for column in ("person", "introducer", "other"):
            for row in self.live(Introduction, column):
                ends = {c: getattr(row, c + "_id") for c in ("person", "introducer", "other")}
                ends[column] = self.keep
                selfish = ends["person"] in (ends["introducer"], ends["other"])
                self.save(
                    Introduction, row.id, {"deleted": True} if selfish else {column: self.keep}
                )
        self.save(Person, self.other, {"deleted": True})
        return self.record


def merge_people(
    keep_id: str,
    other_id: str,
    *,
    choices: Mapping[str, str] | None = None,
    values: Mapping[str, Any] | None = None,
    backup: bool = True,
) -> MergeRecord:
    """Merge ``other_id`` into ``keep_id``; returns the record :func:`unmerge` reverses.

    ``choices`` picks each field's value by side ({"organization": "other"}); fields not
    named keep the kept person's value, or take the other's where the kept one is empty.
    ``values`` sets fields outright (a value typed in the merge dialog) and wins over
    ``choices``. A backup is taken first; the merge is one transaction.
    """
    from desktop.services import backups

    if keep_id == other_id:
        raise ValueError("choose two different people to merge")
    proposal = propose_merge(keep_id, other_id)
    chosen: dict[str, Any] = {}
    for choice in proposal.fields:
        side = (choices or {}).get(choice.name, choice.suggested)
        if side not in ("keep", "other"):
            raise ValueError(f"choose 'keep' or 'other' for {choice.name}, not {side!r}")
        if side == "other":
            chosen[choice.name] = choice.other_value
    unknown = set(values or {}) - set(MERGE_FIELDS)
    if unknown:
        raise ValueError(f"cannot merge unknown field(s): {', '.join(sorted(unknown))}")
    chosen.update(values or {})
    copy = backups.backup_before("before-merge") if backup else None
    record = _merge(keep_id, other_id, chosen)
    record.backup = copy.name if copy else None
    return record


@operation
def _merge(keep_id: str, other_id: str, values: dict[str, Any]) -> MergeRecord:
    return _Merger(keep_id, other_id).run(values)


@operation
def unmerge(record: MergeRecord) -> None:
    """Undo a merge: the other person and every moved row return to how they were."""
    for entity, row_id, deleted_before in reversed(record.created):
        model = ENTITY_NAMES[entity]
        journal.save(model, row_id, {"deleted": True if deleted_before is None else deleted_before})
    for entity, row_id, before in reversed(record.changes):
        journal.save(ENTITY_NAMES[entity], row_id, before)
