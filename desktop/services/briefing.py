"""Gathering a briefing sheet, suggesting whom to focus on, and listing whom to debrief.

The rules live in :mod:`desktop.domain.briefing` and :mod:`desktop.domain.focus`; this
module only reads the history they need. It reads per person through the ordinary
services (cards, conversations, promises, trust) — a sheet holds tens of people, not
thousands — and uses a few bulk queries only where a whole event's attendees are
weighed at once (focus) or where the whole network is searched (warm introductions).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain import circles
from desktop.domain.briefing import (
    BriefingSheet,
    BriefingSource,
    PersonBrief,
    WarmPathCandidate,
    rank_warm_paths,
    shape_person,
)
from desktop.domain.focus import (
    DEFAULT_SUGGESTIONS,
    DebriefEntry,
    FocusAdvice,
    FocusCandidate,
    capture_prefill,
    focus_note,
    suggest,
)
from desktop.domain.records import (
    AttendanceView,
    CommitmentView,
    ConversationView,
    EventView,
    PersonCard,
)
from desktop.services import commitments, conversations, events, network, people, trust
from desktop.services.store import operation
from desktop.storage.models import database
from desktop.storage.sql import chunks, placeholders

#: An open promise that mentions an introduction makes meeting in person worthwhile.
_INTRO_WORDS = re.compile(r"\bintro(?:duc\w*)?\b", re.IGNORECASE)
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the focus rule needs about one person, read in bulk."""

    name: str
    organization: str
    circle: str
    cadence_days: int | None
    last_contact: datetime | None
    conversations: int
    i_owe: int
    they_owe: int
    overdue: int
    intro_promise: str


def _event_and_attendees(event_id: str) -> tuple[EventView, list[AttendanceView]]:
    """The event and its live attendees, focus first, then by name.

    Reads attendance directly instead of ``events.get_event(...).attendees`` because that
    list currently carries ``person_id=None`` for everyone (its query selects only
    ``Person.full_name`` from the joined person, and peewee then overwrites the foreign
    key with the half-loaded person's empty id). Reported to the events owner; once
    fixed, this can return ``list(event.attendees)``.
    """
    event = events.get_event(event_id)
    rows = database.execute_sql(
        "SELECT a.id, a.person_id, p.full_name, a.status, a.why, a.focus FROM attendance a "
        "JOIN person p ON p.id = a.person_id "
        "WHERE a.event_id = ? AND a.deleted = 0 AND p.deleted = 0 "
        "ORDER BY a.focus DESC, p.full_name",
        (event_id,),
    )
    attendees = [
        AttendanceView(aid, event_id, pid, name, status, why or "", bool(focus))
        for aid, pid, name, status, why, focus in rows
    ]
    return event, attendees


def _as_datetime(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def _facts(person_ids: Sequence[str], today: date) -> dict[str, _Facts]:
    """Bulk facts for the focus rule: one query per kind, however many attendees."""
    sql = database.execute_sql
    base: dict[str, tuple[str, str, str, int | None]] = {}
    talks: dict[str, tuple[datetime | None, int]] = {}
    owed: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    intro: dict[str, str] = {}
    for chunk in chunks(list(dict.fromkeys(person_ids)), _CHUNK):
        marks = placeholders(chunk)
        for pid, name, org, circle, cadence in sql(
            "SELECT id, full_name, organization, circle, cadence_days FROM person "
            f"WHERE deleted = 0 AND id IN ({marks})",
            chunk,
        ):
            base[pid] = (name, org, circle, cadence)
        for pid, last, count in sql(
            "SELECT pa.person_id, MAX(c.happened_at), COUNT(*) FROM participant pa "
            "JOIN conversation c ON c.id = pa.conversation_id "
            f"WHERE pa.deleted = 0 AND c.deleted = 0 AND pa.person_id IN ({marks}) "
            "GROUP BY pa.person_id",
            chunk,
        ):
            talks[pid] = (_as_datetime(last), count)
        for pid, owner, due, description in sql(
            "SELECT person_id, owner, due, description FROM commitment "
            f"WHERE deleted = 0 AND status = 'open' AND person_id IN ({marks})",
            chunk,
        ):
            counts = owed[pid]
            counts[0 if owner == "me" else 1] += 1
            if due and due[:10] < today.isoformat():
                counts[2] += 1
            if pid not in intro and _INTRO_WORDS.search(description or ""):
                intro[pid] = " ".join(description.split())
    facts = {}
    for pid, (name, org, circle, cadence) in base.items():
        last, count = talks.get(pid, (None, 0))
        i_owe, they_owe, overdue = owed.get(pid, (0, 0, 0))
        facts[pid] = _Facts(
            name, org, circle, cadence, last, count, i_owe, they_owe, overdue, intro.get(pid, "")
        )
    return facts


def _normal_org(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Lookup:
    """Per-sheet helpers: today's date and an organization index built on first need.

    The index spares one full scan of the people table per not-yet-met attendee (an
    imported invite can bring dozens of strangers at once).
    """

    def __init__(self, today: date, around: date | None = None) -> None:
        self.today = today
        self.around = around or today  # the event's day: dates near it are printed
        self._orgs: dict[str, list[tuple[str, str]]] | None = None

    def colleagues(self, organization: str) -> list[tuple[str, str]]:
        """(id, organization as they spell it) of everyone at the same organization."""
        if self._orgs is None:
            self._orgs = defaultdict(list)
            for pid, org_text in database.execute_sql(
                "SELECT id, organization FROM person WHERE deleted = 0 AND organization != ''"
            ):
                self._orgs[_normal_org(org_text)].append((pid, " ".join(org_text.split())))
        return self._orgs.get(_normal_org(organization), [])

    def warm_candidates(self, target_id: str, organization: str) -> list[WarmPathCandidate]:
        """Contacts linked to ``target_id`` by a recorded introduction or the organization."""
        found: list[tuple[str, str, str]] = []  # (contact id, link, detail)
        for introducer, person, other in database.execute_sql(
            "SELECT introducer_id, person_id, other_id FROM introduction WHERE deleted = 0 "
            "AND (introducer_id = ? OR person_id = ? OR other_id = ?)",
            (target_id, target_id, target_id),
        ):
            if introducer and introducer != target_id:
                detail = "introduced you" if other is None else "introduced them to someone"
                found.append((introducer, "introduction", detail))
            for end in (person, other):
                if end and end != target_id:
                    found.append((end, "introduction", "was introduced to them"))
        if _normal_org(organization):
            found.extend(
                (pid, "organization", spelled)
                for pid, spelled in self.colleagues(organization)
                if pid != target_id
            )
        if not found:
            return []
        facts = _facts([pid for pid, _, _ in found], self.today)
        return [
            WarmPathCandidate(
                pid, facts[pid].name, link, detail, facts[pid].circle, facts[pid].conversations
            )
            for pid, link, detail in found
            if pid in facts
        ]


def _candidate(attendance: AttendanceView, fact: _Facts | None, lookup: _Lookup) -> FocusCandidate:
    if fact is None:
        return FocusCandidate(
            attendance.person_id, attendance.person_name, why=attendance.why, focus=attendance.focus
        )
    drifting = circles.is_drifting(fact.circle, fact.cadence_days, fact.last_contact, lookup.today)
    introduction = ""
    if fact.intro_promise:
        introduction = f"an introduction is in the air: “{fact.intro_promise}”"
    elif fact.conversations == 0:
        paths = rank_warm_paths(lookup.warm_candidates(attendance.person_id, fact.organization))
        if paths:
            introduction = f"not met yet — {paths[0].name} could introduce you"
    return FocusCandidate(
        person_id=attendance.person_id,
        name=fact.name,
        why=attendance.why,
        i_owe=fact.i_owe,
        they_owe=fact.they_owe,
        overdue=fact.overdue,
        drifting=drifting,
        introduction=introduction,
        focus=attendance.focus,
    )


def suggest_focus(
    event_id: str, *, limit: int = DEFAULT_SUGGESTIONS, today: date | None = None
) -> FocusAdvice:
    """Whom to focus on at an event, each with reasons, and a note if the focus list is long.

    People already in focus stay first; the rest are ranked by a stated "why", open
    promises either way, drifting relationships and introductions in the air
    (:mod:`desktop.domain.focus` holds the weights). Raises LookupError for no such event.
    """
    day = today or date.today()
    _, attendees = _event_and_attendees(event_id)
    facts = _facts([a.person_id for a in attendees], day)
    lookup = _Lookup(day)
    candidates = [_candidate(a, facts.get(a.person_id), lookup) for a in attendees]
    focus_count = sum(1 for a in attendees if a.focus)
    return FocusAdvice(
        tuple(suggest(candidates, limit=limit)), focus_count, focus_note(focus_count)
    )


@operation
def set_focus(*, event_id: str, person_ids: Iterable[str]) -> frozenset[str]:
    """Make exactly ``person_ids`` the event's focus; returns the previous focus (for undo)."""
    wanted = set(person_ids)
    _, attendees = _event_and_attendees(event_id)
    before = frozenset(a.person_id for a in attendees if a.focus)
    for attendance in attendees:
        focus = attendance.person_id in wanted
        if focus != attendance.focus:
            events.update_attendance(attendance.id, focus=focus)
    return before


def debrief_list(event_id: str) -> list[DebriefEntry]:
    """Everyone marked "met" at an event, focus first, with a capture note to start from.

    ``noted`` says whether a conversation with them is already linked to the event, so
    the UI can show who still waits for a note. Raises LookupError for no such event.
    """
    event, attendees = _event_and_attendees(event_id)
    met = [a for a in attendees if a.status == "met"]
    if not met:
        return []
    ids = [a.person_id for a in met]
    noted: set[str] = set()
    orgs: dict[str, str] = {}
    for chunk in chunks(ids, _CHUNK):
        marks = placeholders(chunk)
        noted.update(
            pid
            for (pid,) in database.execute_sql(
                "SELECT DISTINCT pa.person_id FROM participant pa "
                "JOIN conversation c ON c.id = pa.conversation_id "
                f"WHERE pa.deleted = 0 AND c.deleted = 0 AND c.event_id = ? "
                f"AND pa.person_id IN ({marks})",
                [event_id, *chunk],
            )
        )
        orgs.update(
            database.execute_sql(
                f"SELECT id, organization FROM person WHERE id IN ({marks})", chunk
            ).fetchall()
        )
    return [
        DebriefEntry(
            person_id=a.person_id,
            name=a.person_name,
            organization=orgs.get(a.person_id, ""),
            why=a.why,
            focus=a.focus,
            noted=a.person_id in noted,
            prefill=capture_prefill(a.person_name, orgs.get(a.person_id, ""), event.title),
        )
        for a in met
    ]


def _source(
    person_id: str, attendance: AttendanceView | None, lookup: _Lookup, bulk: _Bulk
) -> BriefingSource:
    card = bulk.cards.get(person_id)
    if card is None:
        raise people.PersonNotFound(person_id)
    talks = bulk.talks[person_id]
    promises = [c for c in bulk.promises[person_id] if c.status == "open"]
    reading = trust.reading_for(person_id, today=lookup.today)
    warm = () if talks else tuple(lookup.warm_candidates(person_id, card.organization))
    from desktop.services.dates import dates_of

    return BriefingSource(
        card=card,
        conversations=talks,
        promises=promises,
        trust_in_them=reading.in_them,
        their_trust=reading.their_trust_in_me,
        attendance=attendance,
        warm_paths=warm,
        ask_line=network.ask_line(person_id, pronouns=card.pronouns, name=card.full_name),
        dates=tuple((d.label, d.day) for d in dates_of(person_id)),
        around=lookup.around,
    )


@dataclass(frozen=True)
class _Bulk:
    """What every guest needs, read for all of them at once: a few queries per sheet
    rather than a few per guest (building each query costs more than running it)."""

    cards: dict[str, PersonCard]
    talks: dict[str, list[ConversationView]]
    promises: dict[str, list[CommitmentView]]


def _briefs(
    order: Sequence[tuple[str, AttendanceView | None]], lookup: _Lookup
) -> tuple[PersonBrief, ...]:
    ids = [pid for pid, _ in order]
    trust.readings_for(ids, today=lookup.today)  # warms the cache reading_for then uses
    bulk = _Bulk(
        people.get_people(ids),
        conversations.conversations_with_each(ids),
        commitments.commitments_with_each(ids),
    )
    return tuple(
        shape_person(_source(pid, att, lookup, bulk), today=lookup.today) for pid, att in order
    )


def gather_for_event(event_id: str, *, today: date | None = None) -> BriefingSheet:
    """The sheet for an event: every attendee, focus first, then by how much there is to do.

    Raises LookupError for no such event.
    """
    day = today or date.today()
    event, attendees = _event_and_attendees(event_id)
    facts = _facts([a.person_id for a in attendees], day)
    lookup = _Lookup(day, event.starts_at.date() if event.starts_at else None)
    ranked = {
        s.person_id: s.score
        for s in suggest(
            (_candidate(a, facts.get(a.person_id), lookup) for a in attendees),
            limit=len(attendees),
        )
    }
    attendees.sort(
        key=lambda a: (not a.focus, -ranked.get(a.person_id, 0.0), a.person_name.casefold())
    )
    focus_count = sum(1 for a in attendees if a.focus)
    return BriefingSheet(
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        place=event.place,
        goals=event.goals,
        people=_briefs([(a.person_id, a) for a in attendees], lookup),
        printed_on=day,
        note=focus_note(focus_count),
        event_id=event.id,
    )


def gather_for_people(
    person_ids: Sequence[str],
    *,
    title: str = "Briefing",
    goals: str = "",
    today: date | None = None,
) -> BriefingSheet:
    """A sheet for a hand-picked list, in the given order (duplicates dropped).

    Raises ``people.PersonNotFound`` for an id that is not a live person.
    """
    day = today or date.today()
    ids = list(dict.fromkeys(person_ids))
    return BriefingSheet(
        title=title,
        starts_at=None,
        ends_at=None,
        place="",
        goals=goals,
        people=_briefs([(pid, None) for pid in ids], _Lookup(day)),
        printed_on=day,
    )
