"""Deciding, before anything is written, who is new and who is already in Rapport.

Matching, most certain first (docs/formats.md, "Matching"):

1. the same record — an id our own export or a vCard UID carried, or a Monica uuid;
2. a shared email, phone (E.164) or profile link (LinkedIn, GitHub, …);
3. a similar name at the same organization (rapidfuzz ``token_sort_ratio`` ≥ 90), or
   the very same name when one side has no organization.

A matched person gains what is new (contact points, tags, empty fields filled, new
paragraphs appended to *About*/*Family*/help notes) and never loses anything; contact
points and tags the user deleted are not brought back. History records (Monica's calls,
our export's conversations, …) carry stable ids, and one whose id exists is skipped:
that is what makes importing the same file twice change nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop.services.importing import keys
from desktop.services.importing.planning_history import HistoryPlanning
from desktop.services.importing.records import (
    IncomingContact,
    IncomingDate,
    IncomingPerson,
    IncomingTag,
    ParsedFile,
    Rejection,
)
from desktop.services.people import normalise_tag
from desktop.storage.models import (
    Attendance,
    Commitment,
    Conversation,
    Event,
    Exchange,
    Introduction,
    Person,
    database,
    new_id,
)
from desktop.storage.sql import chunks, placeholders

NAME_MATCH = 90.0  # token_sort_ratio for "similar name" at the same organization
ORG_MATCH = 85.0
APPEND_FIELDS = ("about", "family", "help_them", "help_me")
PERSON_FIELDS = tuple(n for n in Person._meta.fields if n not in ("id", "updated", "deleted"))
Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class PersonPlan:
    """What happens to one incoming person."""

    incoming: IncomingPerson
    action: str  # "new" | "match"
    person_id: str
    reason: str = ""  # why it matched: "same email ana@example.org"
    matched_name: str = ""
    new_contacts: list[IncomingContact] = field(default_factory=list)
    new_tags: list[IncomingTag] = field(default_factory=list)
    new_dates: list[IncomingDate] = field(default_factory=list)
    updates: dict[str, Any] = field(default_factory=dict)
    combined: list[str] = field(default_factory=list)  # refs of later duplicates in the file

    @property
    def changes_anything(self) -> bool:
        return self.action == "new" or bool(
            self.new_contacts or self.new_tags or self.new_dates or self.updates
        )


@dataclass(slots=True)
class Plan:
    people: list[PersonPlan]
    version: tuple[int, int]  # (database identity, last change-log entry) it was made on
    person_ids: dict[str, str]  # incoming key -> person id
    rows: dict[str, list[dict[str, Any]]]  # entity -> rows to insert (history, events)
    skipped: dict[str, int]  # entity -> records already present
    rejected: list[Rejection]
    warnings: list[str]

    @property
    def new_people(self) -> list[PersonPlan]:
        return [p for p in self.people if p.action == "new"]

    @property
    def matched_people(self) -> list[PersonPlan]:
        return [p for p in self.people if p.action == "match"]


class _Existing:
    """What the data folder holds that matching needs, loaded once per plan."""

    def __init__(self, region: str | None) -> None:
        self.region = region
        self.all_ids: set[str] = set()
        self.live: dict[str, tuple[str, str]] = {}  # id -> (name, organization)
        for pid, name, organization, deleted in database.execute_sql(
            "SELECT id, full_name, organization, deleted FROM person"
        ):
            self.all_ids.add(pid)
            if not deleted:
                self.live[pid] = (name, organization)
        self.by_key: dict[str, set[str]] = defaultdict(set)
        for pid, kind, value in database.execute_sql(
            "SELECT person_id, kind, value FROM contact_point WHERE deleted = 0 "
            "AND kind IN ('email', 'phone', 'url', 'social')"
        ):
            if pid in self.live:
                key = keys.contact_key(kind, value, region)
                if key:
                    self.by_key[key].add(pid)
        self.by_name: dict[str, list[str]] = defaultdict(list)
        self.by_token: dict[str, list[str]] = defaultdict(list)
        for pid, (name, _) in self.live.items():
            tokens = keys.name_tokens(name)
            self.by_name[" ".join(sorted(tokens))].append(pid)
            for token in set(tokens):
                if len(token) > 1:
                    self.by_token[token].append(pid)

    def exists(self, table: str, row_id: str | None) -> bool:
        if not row_id:
            return False
        return bool(
            database.execute_sql(f'SELECT 1 FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
        )


def _strong_keys(person: IncomingPerson, region: str | None) -> list[str]:
    out = []
    for contact in person.contacts:
        key = keys.contact_key(contact.kind, contact.value, region)
        if key and key not in out:
            out.append(key)
    return out


def _fuzzy(
    person: IncomingPerson, existing: _Existing, claimed: set[str]
) -> tuple[str, str] | None:
    """(person id, reason) of the best similar-name match, or None."""
    from rapidfuzz import fuzz

    tokens = keys.name_tokens(person.name)
    if not tokens:
        return None
    name_key = " ".join(sorted(tokens))
    org = keys.org_key(str(person.fields.get("organization", "")))
    candidates: dict[str, None] = dict.fromkeys(existing.by_name.get(name_key, ()))
    if org:
        for token in {tokens[0], tokens[-1]}:
            block = existing.by_token.get(token, ())
            if len(block) <= 5000:
                candidates.update(dict.fromkeys(block))
    best: tuple[float, bool, str, str] | None = None
    for pid in candidates:
        name, organization = existing.live[pid]
        other_org = keys.org_key(organization)
        if org and other_org:
            org_score = 100.0 if org == other_org else fuzz.ratio(org, other_org)
            if org_score < ORG_MATCH:
                continue
            score = fuzz.token_sort_ratio(name_key, keys.name_key(name))
            if score < NAME_MATCH:
                continue
            reason = f"similar name at the same organization ({score:.0f}%)"
        elif keys.name_key(name) == name_key:
            score, reason = 100.0, "the same name"
        else:
            continue
        rank = (score, pid not in claimed, pid, reason)
        if best is None or rank[:2] > best[:2]:
            best = rank
    return (best[2], best[3]) if best else None


def _key_agrees(key: str, name: str, other: str) -> bool:
    """Whether a shared contact point may make two records one person.

    An email or a profile link names one person. A phone number does not: an office line,
    a family's landline or a switchboard is shared, so a shared phone merges only records
    whose names agree (or where one side has no name of its own, only its phone or email).
    """
    if not key.startswith("phone:"):
        return True
    mine, theirs = keys.name_key(name), keys.name_key(other)
    if not mine or not theirs or mine == theirs:
        return True
    if "@" in name or "@" in other or not keys.name_tokens(name) or not keys.name_tokens(other):
        return True
    words = {t for t in keys.name_tokens(name) if len(t) > 1}
    if words & {t for t in keys.name_tokens(other) if len(t) > 1}:
        return True  # "J. Müller" and "Jürgen Müller"
    from rapidfuzz import fuzz

    return fuzz.token_sort_ratio(mine, theirs) >= NAME_MATCH


class Planner(HistoryPlanning):
    def __init__(self, parsed: ParsedFile, region: str | None, progress: Progress | None) -> None:
        self.parsed = parsed
        self.region = region
        self.report = progress or (lambda stage, done, total: None)
        self.existing = _Existing(region)
        self.plans: list[PersonPlan] = []
        self.person_ids: dict[str, str] = {}
        self.by_target: dict[str, PersonPlan] = {}  # person id -> its plan
        self.key_owner: dict[str, PersonPlan] = {}  # strong key seen earlier in the file
        self.used_ids: set[str] = set()
        self.rejected: list[Rejection] = []
        self.warnings: list[str] = []
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.skipped: dict[str, int] = defaultdict(int)

    # --- people -------------------------------------------------------------------

    def plan(self) -> Plan:
        people = self.parsed.people
        claimed: set[str] = set()
        for index, person in enumerate(people):
            if index % 1000 == 0:
                self.report("matching", index, len(people))
            self._place(person, claimed)
        self.report("matching", len(people), len(people))
        self._fill_matches()
        self._history()
        return Plan(
            self.plans,
            data_version(),
            self.person_ids,
            dict(self.rows),
            dict(self.skipped),
            self.rejected,
            self.warnings,
        )

    def _place(self, person: IncomingPerson, claimed: set[str]) -> None:
        strong = _strong_keys(person, self.region)
        hint = person.id_hint
        if hint and hint in self.by_target:
            self._combine(self.by_target[hint], person)
            return
        if hint and hint in self.existing.live:
            self._match(person, hint, "same record (id)")
            claimed.add(hint)
            return
        earlier = next(
            (
                self.key_owner[k]
                for k in strong
                if k in self.key_owner
                and _key_agrees(k, person.name, self.key_owner[k].incoming.name)
            ),
            None,
        )
        if earlier is not None:
            self._combine(earlier, person)
            return
        hits: dict[str, int] = defaultdict(int)
        first_key: dict[str, str] = {}
        for key in strong:
            for pid in self.existing.by_key.get(key, ()):
                if not _key_agrees(key, person.name, self.existing.live[pid][0]):
                    continue
                hits[pid] += 1
                first_key.setdefault(pid, key)
        if hits:
            pid = max(hits, key=lambda p: (hits[p], p not in claimed))
            kind, _, value = first_key[pid].partition(":")
            what = {"url": "profile link"}.get(kind, kind)
            plan = self._match(person, pid, f"same {what} {value}")
        else:
            fuzzy = _fuzzy(person, self.existing, claimed)
            if fuzzy is not None:
                plan = self._match(person, fuzzy[0], fuzzy[1])
            else:
                plan = self._new(person)
        claimed.add(plan.person_id)
        for key in strong:
            self.key_owner.setdefault(key, plan)

    def _match(self, person: IncomingPerson, pid: str, reason: str) -> PersonPlan:
        if pid in self.by_target:
            plan = self.by_target[pid]
            self._combine(plan, person)
            return plan
        plan = PersonPlan(person, "match", pid, reason, self.existing.live[pid][0])
        self._register(plan)
        return plan

    def _new(self, person: IncomingPerson) -> PersonPlan:
        hint = person.id_hint
        pid = (
            hint
            if hint and hint not in self.existing.all_ids and hint not in self.used_ids
            else new_id()
        )
        plan = PersonPlan(person, "new", pid)
        plan.new_contacts = self._fresh_contacts(person.contacts, set(), exact=person.exact)
        plan.new_tags = self._fresh_tags(person.tags, set(), exact=person.exact)
        plan.new_dates = self._unknown_dates(_fresh_dates(person.dates, []))
        self._register(plan)
        return plan

    def _register(self, plan: PersonPlan) -> None:
        self.plans.append(plan)
        self.by_target[plan.person_id] = plan
        self.used_ids.add(plan.person_id)
        self.person_ids[plan.incoming.key] = plan.person_id
        if plan.incoming.id_hint:
            self.by_target.setdefault(plan.incoming.id_hint, plan)

    def _combine(self, plan: PersonPlan, person: IncomingPerson) -> None:
        """A later record of the same person in one file: fold it into the first."""
        self.person_ids[person.key] = plan.person_id
        plan.combined.append(person.ref)
        fields = plan.incoming.fields
        for name, value in person.fields.items():
            if value not in (None, "") and not fields.get(name):
                fields[name] = value
        plan.incoming.contacts.extend(person.contacts)
        plan.incoming.tags.extend(person.tags)
        if plan.action == "new":
            seen = {keys.same_value_key(c.kind, c.value, self.region) for c in plan.new_contacts}
            plan.new_contacts += self._fresh_contacts(person.contacts, seen, exact=False)
            names = {normalise_tag(t.name) for t in plan.new_tags}
            plan.new_tags += self._fresh_tags(person.tags, names, exact=False)
            plan.new_dates += self._unknown_dates(_fresh_dates(person.dates, plan.new_dates))
        plan.incoming.dates.extend(person.dates)

    def _fresh_contacts(
        self, contacts: Iterable[IncomingContact], seen: set[str], *, exact: bool
    ) -> list[IncomingContact]:
        out = []
        for contact in contacts:
            if self.existing.exists("contact_point", contact.id_hint):
                continue  # our own export's row, already here
            if exact:
                out.append(contact)
                continue
            if not contact.value.strip() or contact.kind not in (
                "email",
                "phone",
                "url",
                "social",
                "address",
            ):
                continue
            key = keys.same_value_key(contact.kind, contact.value, self.region)
            if key not in seen:
                seen.add(key)
                out.append(contact)
        return out

    def _unknown_dates(self, dates: list[IncomingDate]) -> list[IncomingDate]:
        """Without our own export's date rows that are already here (edited since)."""
        return [d for d in dates if not self.existing.exists("important_date", d.id_hint)]

    def _fresh_tags(
        self, tags: Iterable[IncomingTag], seen: set[str], *, exact: bool
    ) -> list[IncomingTag]:
        out = []
        for tag in tags:
            if self.existing.exists("tag", tag.id_hint):
                continue
            if exact:
                if tag.name:
                    out.append(tag)
                continue
            name = normalise_tag(tag.name)
            if name and name not in seen:
                seen.add(name)
                out.append(IncomingTag(name, tag.id_hint))
        return out

    def _fill_matches(self) -> None:
        """For matched people: the contact points, tags and field values they lack."""
        matched = [p for p in self.plans if p.action == "match"]
        if not matched:
            return
        ids = [p.person_id for p in matched]
        current: dict[str, dict[str, Any]] = {}
        have_keys: dict[str, set[str]] = defaultdict(set)
        have_tags: dict[str, set[str]] = defaultdict(set)
        have_dates: dict[str, list[IncomingDate]] = defaultdict(list)
        for chunk in chunks(ids, 500):
            for row in Person.select().where(Person.id.in_(chunk)).dicts():
                current[row["id"]] = row
            marks = placeholders(chunk)
            for pid, kind, value in database.execute_sql(
                f"SELECT person_id, kind, value FROM contact_point WHERE person_id IN ({marks})",
                chunk,
            ):
                have_keys[pid].add(keys.same_value_key(kind, value, self.region))
            for pid, name in database.execute_sql(
                f"SELECT person_id, name FROM tag WHERE person_id IN ({marks})", chunk
            ):
                have_tags[pid].add(name)
            for pid, label, day in database.execute_sql(
                f"SELECT person_id, label, day FROM important_date WHERE person_id IN ({marks})",
                chunk,
            ):
                have_dates[pid].append(IncomingDate(label, day))
        for plan in matched:
            row = current[plan.person_id]
            plan.new_contacts = self._fresh_contacts(
                plan.incoming.contacts, set(have_keys[plan.person_id]), exact=False
            )
            plan.new_tags = self._fresh_tags(
                plan.incoming.tags, set(have_tags[plan.person_id]), exact=False
            )
            plan.new_dates = self._unknown_dates(
                _fresh_dates(plan.incoming.dates, have_dates[plan.person_id])
            )
            plan.updates = _updates(row, plan.incoming.fields)


def _fresh_dates(dates: Iterable[IncomingDate], have: list[IncomingDate]) -> list[IncomingDate]:
    """Dates a person lacks: not the same label and day, and never a second birthday
    (the one Rapport holds, perhaps corrected by the user, wins over the file's)."""
    seen = {(d.label, d.day) for d in have}
    birthday = any(d.label == "birthday" for d in have)
    out: list[IncomingDate] = []
    for item in dates:
        if (item.label, item.day) in seen or (item.label == "birthday" and birthday):
            continue
        seen.add((item.label, item.day))
        birthday = birthday or item.label == "birthday"
        out.append(item)
    return out


def _updates(row: dict[str, Any], incoming: dict[str, Any]) -> dict[str, Any]:
    """Field values a matched person gains: empty fields filled, new paragraphs appended."""
    updates: dict[str, Any] = {}
    for name, value in incoming.items():
        if name in ("full_name", "circle", "created", "confidential_fields") or name not in row:
            continue
        if value in (None, "", b""):
            continue
        have = row[name]
        if have in (None, "", b""):
            updates[name] = value
        elif name in APPEND_FIELDS and isinstance(value, str) and value.strip() not in have:
            updates[name] = f"{have}\n\n{value.strip()}"
    return updates


def data_version() -> tuple[int, int]:
    """Identifies the data a plan was made on: every write adds a change-log entry."""
    last = database.execute_sql("SELECT coalesce(max(seq), 0) FROM change").fetchone()[0]
    return id(database.obj), int(last)


def make_plan(parsed: ParsedFile, *, region: str | None, progress: Progress | None = None) -> Plan:
    """The plan for ``parsed`` against the open data folder (reads only)."""
    return Planner(parsed, region, progress).plan()


# Entities of history rows, in the order they must be written (references first).
HISTORY_ORDER = (
    ("event", Event),
    ("conversation", Conversation),
    ("commitment", Commitment),
    ("exchange", Exchange),
    ("introduction", Introduction),
    ("attendance", Attendance),
)
