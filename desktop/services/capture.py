"""Quick capture: from a note typed after meeting someone to people, a conversation,
promises and introductions — saved in one transaction.

The capture window and ``rapport note`` share this path: parse the note
(:mod:`desktop.domain.capture.parser`), look the names up here (:func:`match_names`),
build a :class:`~desktop.domain.capture.plan.CapturePlan` with the user's corrections,
and :func:`save_capture` it. Nothing is written until then, except the draft.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.domain.capture.parser import CaptureParse, parse_capture
from desktop.domain.capture.plan import (
    Candidate,
    CapturePlan,
    Corrections,
    NameMatch,
    build_plan,
    name_key,
    names_in,
)
from desktop.domain.capture.when import resolve_when
from desktop.services import commitments, conversations, events, introductions, people
from desktop.services.store import operation
from desktop.storage.models import Attendance, Person

CONFIDENT = 90.0  # a fuzzy match at or above this, and unique, is taken without asking
OFFERED = 8  # near matches offered to choose from


class CaptureError(ValueError):
    """The plan cannot be saved as it is; ``problems`` say what to fix and where."""

    def __init__(self, plan: CapturePlan) -> None:
        self.problems = plan.problems
        super().__init__("; ".join(p.message for p in plan.problems))


@dataclass(frozen=True, slots=True)
class SavedPerson:
    id: str
    name: str
    new: bool
    participant: bool


@dataclass(frozen=True, slots=True)
class SavedPromise:
    id: str
    owner: str
    description: str
    due: date | None
    person_id: str
    person_name: str


@dataclass(frozen=True, slots=True)
class SavedIntroduction:
    id: str
    introducer: str | None  # names; None means me
    person: str
    to: str | None


@dataclass(frozen=True, slots=True)
class CaptureResult:
    people: tuple[SavedPerson, ...]
    conversation_id: str
    promises: tuple[SavedPromise, ...]
    introductions: tuple[SavedIntroduction, ...]
    tags: tuple[str, ...]


# ------------------------------------------------------------------------ names


def suggest_people(query: str, *, limit: int = 8) -> list[Candidate]:
    """Completions for the "who" field: :func:`people.find_people` plus organizations,
    so two people with the same name can be told apart."""
    hits = people.find_people(query, limit=limit)
    organizations = _organizations(pid for pid, _, _ in hits)
    return [Candidate(pid, name, organizations.get(pid, "")) for pid, name, _ in hits]


def match_names(names: Iterable[str]) -> dict[str, NameMatch]:
    """Resolve names: an exact (case-insensitive) full name, then a unique confident
    fuzzy match, else a new person with the near matches as candidates.

    "Confident" means :func:`people.find_people` scores it at least 90 *and* it fits
    the words typed: every word is a whole word of the name, except that the last may be
    its beginning ("Ana R" is Ana Ruiz; a lone "Ben" is not Benjamin). Keyed by
    :func:`~desktop.domain.capture.plan.name_key`.
    """
    out: dict[str, NameMatch] = {}
    for raw in names:
        key = name_key(raw)
        if key and key not in out:
            out[key] = _match(" ".join(raw.split()))
    return out


def _match(name: str) -> NameMatch:
    key = name_key(name)
    exact = list(
        Person.select(Person.id, Person.full_name, Person.organization)
        .where((Person.deleted == False) & (Person.full_name == name))
        .tuples()
    )
    if not exact:  # full_name == is case-sensitive in SQLite: one more look, folded
        exact = [
            row
            for row in Person.select(Person.id, Person.full_name, Person.organization)
            .where((Person.deleted == False) & (Person.full_name**name))
            .tuples()
            if name_key(row[1]) == key
        ]
    if len(exact) == 1:
        pid, full, org = exact[0]
        return NameMatch(name, pid, full, org or "", (Candidate(pid, full, org or ""),))
    # Uniqueness is judged over many hits (a fitting namesake may sort after the 8th);
    # the user is offered the first few.
    hits = people.find_people(name, limit=50)
    organizations = _organizations(pid for pid, _, _ in hits)
    everyone = [Candidate(pid, n, organizations.get(pid, "")) for pid, n, _ in hits]
    candidates = tuple(everyone[:OFFERED])
    if exact:  # several people share this exact name: the user picks
        ids = {pid for pid, _, _ in exact}
        same = tuple(c for c in candidates if c.id in ids) or tuple(
            Candidate(pid, full, org or "") for pid, full, org in exact
        )
        return NameMatch(name, None, name, "", same)
    scores = [score for _, _, score in hits]
    confident = [
        c
        for c, score in zip(everyone, scores, strict=True)
        if score >= CONFIDENT and _fits(name, c.name)
    ]
    if len(confident) == 1:
        chosen = confident[0]
        return NameMatch(name, chosen.id, chosen.name, chosen.organization, candidates)
    return NameMatch(name, None, name, "", candidates)


def _fits(query: str, name: str) -> bool:
    """Whether the typed words plausibly are this name (see :func:`match_names`)."""
    from rapidfuzz import fuzz

    typed = name_key(query).split()
    words = name_key(name).split()
    if not typed:
        return False
    whole = all(word in words for word in typed[:-1])
    last = typed[-1]
    if whole and any(w == last or (len(typed) > 1 and w.startswith(last)) for w in words):
        return True
    return fuzz.ratio(name_key(query), name_key(name)) >= CONFIDENT


def _organizations(ids: Iterable[str]) -> dict[str, str]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    query = Person.select(Person.id, Person.organization).where(Person.id.in_(wanted)).tuples()
    return {pid: org or "" for pid, org in query}


def known_names() -> tuple[str, ...]:
    """Every live person's name, for the parser ("Ben" is Ben Ode if he is the only Ben)."""
    return tuple(name for _, name in people.all_names())


# ------------------------------------------------------------------------ planning


def prepare_note(
    text: str,
    *,
    now: datetime,
    who: Sequence[str] = (),
    when: str = "",
    place: str = "",
    event_id: str | None = None,
    event_chosen: bool = True,
    depth: str = "professional",
    tags: Iterable[str] = (),
    corrections: Corrections | None = None,
    names: Sequence[str] | None = None,
) -> tuple[CaptureParse, CapturePlan]:
    """Parse ``text`` and plan its saving, looking every name up (what ``rapport note``
    and the window's final check before saving do). Relative dates in the note ("by
    Friday") count from when the conversation happened.

    ``event_chosen=False`` marks ``event_id`` as merely prefilled (an event happening
    today): a place written in the note then wins over it. An event the user chose
    (the default) wins over the note.

    A note in which nobody is found still gets a plan: it has the ``no_person`` problem
    (:func:`needs_person`) and everything else the note said; plan it again with the
    person the user picks (:func:`with_person`) — the note itself is never dropped.
    """
    happened_at = resolve_when(when, now)
    parse = parse_capture(
        text, now=happened_at or now, known_names=known_names() if names is None else names
    )
    matches = match_names(names_in(parse, who))
    plan = build_plan(
        parse,
        who=who,
        matches=matches,
        corrections=corrections,
        happened_at=happened_at,
        place=place,
        event_id=event_id,
        event_chosen=event_chosen,
        depth=depth,
        extra_tags=tags,
    )
    return parse, plan


def needs_person(plan: CapturePlan) -> bool:
    """Whether the note named nobody met: the UI asks "Who was this with?" (keeping the
    draft), ``rapport note`` says so and exits non-zero."""
    return any(p.code == "no_person" for p in plan.problems)


def with_person(
    text: str, person: str | Sequence[str], *, now: datetime, who: Sequence[str] = (), **fields: Any
) -> tuple[CaptureParse, CapturePlan]:
    """The plan of a note completed with the person (or people) the user chose: the
    same note and fields, those names added to "who". Promises that named nobody go to
    the one person chosen, exactly as if the note had said "Met …"."""
    chosen = [person] if isinstance(person, str) else list(person)
    return prepare_note(text, now=now, who=[*who, *chosen], **fields)


def understood(parse: CaptureParse) -> list[str]:
    """What the parser did understand, in short lines (for a note that cannot be saved
    yet): people, organization, place, promises with their dates, introductions."""
    lines: list[str] = []
    if parse.people:
        lines.append("people: " + ", ".join(parse.people))
    for name, org in parse.organizations.items():
        lines.append(f"organization: {name}, {org}")
    if parse.place:
        lines.append(f"place: {parse.place}")
    for c in parse.commitments:
        who = c.person_name or "someone"
        head = f"you promised {who}" if c.owner == "me" else f"{who} promised you"
        due = f" (due {c.due:%a %d %b %Y}, from {c.due_text!r})" if c.due else ""
        lines.append(f"promise: {head}: {c.description}{due}")
    for i in parse.introductions:
        verb = "introduced" if i.done else "will introduce"
        lines.append(f"introduction: {i.introducer or 'you'} {verb} {i.person} to {i.to or 'you'}")
    if parse.tags:
        lines.append("tags: " + " ".join(f"#{t}" for t in parse.tags))
    return lines


# ------------------------------------------------------------------------ saving


@operation
def save_capture(plan: CapturePlan, *, clear_draft: str | None = None) -> CaptureResult:
    """Save the plan in one transaction: people, ONE conversation with every participant,
    promises, introductions and tags; optionally forget the draft in the same commit, so
    a crash can neither lose the note nor offer it again once it is saved.

    Raises :class:`CaptureError` (nothing written) when the plan has problems.
    """
    if plan.problems:
        raise CaptureError(plan)
    if any(p.state == "pending" for p in plan.people):
        raise ValueError("some names have not been looked up yet; plan with matches")
    ids: dict[str, str] = {}
    saved_people: list[SavedPerson] = []
    for person in plan.people:
        if person.person_id is None:
            person_id = people.create_person(
                full_name=person.name,
                organization=person.organization.strip(),
                headline=person.headline.strip(),
                how_we_met=_how_we_met(plan),
            )
        else:
            person_id = person.person_id
            if not people.person_exists(person_id):  # deleted meanwhile: write nothing
                raise people.PersonNotFound(person.name)
            if person.fills_organization:
                people.update_person(person_id, organization=person.organization.strip())
        ids[person.key] = person_id
        saved_people.append(SavedPerson(person_id, person.name, person.is_new, person.participant))
    participants = [ids[p.key] for p in plan.participants]
    conversation_id = conversations.log_conversation(
        participants=participants,
        happened_at=plan.happened_at,
        notes=plan.notes,
        depth=plan.depth,
        place=plan.place,
        event=plan.event_id,
        tags=plan.tags,
    )
    promises = []
    for promise in plan.promises:
        person_id = ids[promise.person_key or ""]
        promise_id = commitments.make_commitment(
            owner=promise.owner,
            person_id=person_id,
            description=promise.description,
            due=promise.due,
            conversation_id=conversation_id,
            made_at=plan.happened_at,
        )
        promises.append(
            SavedPromise(
                promise_id,
                promise.owner,
                promise.description.strip(),
                promise.due,
                person_id,
                plan.name_of(promise.person_key),
            )
        )
    intros = []
    for intro in plan.introductions:
        if not intro.done:
            continue  # a planned introduction is saved as its promise
        intro_id = introductions.record_introduction(
            introducer_id=ids[intro.introducer_key] if intro.introducer_key else None,
            person_id=ids[intro.person_key],
            other_id=ids[intro.to_key] if intro.to_key else None,
            happened_at=plan.happened_at,
        )
        intros.append(
            SavedIntroduction(
                intro_id,
                plan.name_of(intro.introducer_key) or None,
                plan.name_of(intro.person_key),
                plan.name_of(intro.to_key) or None,
            )
        )
    if plan.event_id:
        _mark_met(plan.event_id, participants)
    if clear_draft:
        from desktop.services import drafts

        drafts.clear(clear_draft)
    return CaptureResult(
        tuple(saved_people), conversation_id, tuple(promises), tuple(intros), plan.tags
    )


def _how_we_met(plan: CapturePlan) -> str:
    """Where a new person was met: the event's title or the place (data, not a sentence)."""
    if plan.event_id:
        try:
            return events.get_event(plan.event_id).title
        except LookupError:
            return ""
    return plan.place


def _mark_met(event_id: str, person_ids: Sequence[str]) -> None:
    """Everyone in the conversation was met at the event. An existing attendance keeps
    its "why" and focus; only its status changes (``add_attendee`` would reset them)."""
    for person_id in person_ids:
        row = Attendance.get_or_none(
            (Attendance.event == event_id) & (Attendance.person == person_id)
        )
        if row is None or row.deleted:
            events.add_attendee(event_id=event_id, person_id=person_id, status="met")
        elif row.status != "met":
            events.update_attendance(row.id, status="met")
