"""Quick capture: from a note typed after meeting someone to people, a conversation,
promises and introductions — saved in one transaction.

The capture window and ``rapport note`` share this path: parse the note
(:mod:`desktop.domain.capture.parser`), look the names up here (:func:`match_names`),
build a :class:`~desktop.domain.capture.plan.CapturePlan` with the user's corrections,
and :func:`save_capture` it. Nothing is written until then, except the draft.
"""

from __future__ import annotations

import unicodedata
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
    # What undo needs beyond the rows created: attendance marked "met" (event id, person
    # id, the status before, None when the row was added) and organizations filled in on
    # existing people (person id, organization).
    attendance: tuple[tuple[str, str, str | None], ...] = ()
    filled: tuple[tuple[str, str], ...] = ()


# ------------------------------------------------------------------------ names


def suggest_people(query: str, *, limit: int = 8) -> list[Candidate]:
    """Completions for the "who" field: :func:`people.find_people` plus organizations,
    so two people with the same name can be told apart."""
    hits = people.find_people(query, limit=limit)
    organizations = _organizations(pid for pid, _, _ in hits)
    return [Candidate(pid, name, organizations.get(pid, "")) for pid, name, _ in hits]


def match_names(names: Iterable[str]) -> dict[str, NameMatch]:
    """Resolve names to people already in the network, or to new people.

    A typed name is taken as an existing person only when it says so plainly, and only
    when exactly one person fits: the full name (ignoring case and accents), a known
    nickname in place of the first name ("Bob Smith", "Bob"), a first name nobody else
    has ("Ana"), or whole words with the last one shortened ("Ana R"). A name that is
    merely *similar* ("Mario Garcia" and "Maria Garcia" differ in one letter, and are
    usually two people) is never taken: it becomes a new person, with the near matches
    offered as candidates. Keyed by :func:`~desktop.domain.capture.plan.name_key`.
    """
    out: dict[str, NameMatch] = {}
    directory: list[Entry] | None = None
    for raw in names:
        key = name_key(raw)
        if key and key not in out:
            if directory is None:
                directory = _directory()
            out[key] = _match(" ".join(raw.split()), directory)
    return out


def _fold(text: str) -> str:
    """Case, accents and spacing folded away: "José  GARCÍA" -> "jose garcia"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


Entry = tuple[str, str, set[str], list[list[str]]]  # id, full name, exact ways, spellings


def _directory() -> list[Entry]:
    """Every live person with the ways to name them, folded once per look-up."""
    rows = (
        Person.select(Person.id, Person.full_name, Person.nickname)
        .where(Person.deleted == False)
        .tuples()
    )
    return [(pid, full, *_ways_to_say(full, nickname or "")) for pid, full, nickname in rows]


def _ways_to_say(full_name: str, nickname: str) -> tuple[set[str], list[list[str]]]:
    """The exact ways to name a person, and the word lists "Ana R"-style prefixes match."""
    words = _fold(full_name).split()
    exact = {" ".join(words)}
    spellings = [words]
    nick = _fold(nickname)
    if nick and words:
        exact.add(nick)
        with_nick = [*nick.split(), *words[1:]]
        exact.add(" ".join(with_nick))
        spellings.append(with_nick)
    return exact, spellings


def _fits(typed: list[str], spellings: list[list[str]]) -> bool:
    """Whole words, the last one possibly shortened ("ana r"); at least two typed words."""
    if len(typed) < 2:
        return False
    for words in spellings:
        head, last = typed[:-1], typed[-1]
        if all(w in words for w in head) and any(
            w.startswith(last) and w not in head for w in words
        ):
            return True
    return False


def _match(name: str, directory: list[Entry]) -> NameMatch:
    typed = _fold(name)
    words = typed.split()
    exact: list[str] = []
    partial: list[str] = []
    first_name: list[str] = []
    names: dict[str, str] = {}
    for pid, full, ways, spellings in directory:
        names[pid] = full
        if typed in ways and (len(words) > 1 or typed == " ".join(spellings[0])):
            exact.append(pid)
        elif len(words) == 1 and any(spelling[:1] == words for spelling in spellings):
            first_name.append(pid)  # "Ana", or a nickname alone ("Bob")
        elif _fits(words, spellings):
            partial.append(pid)
    hits = people.find_people(name, limit=OFFERED)
    organizations = _organizations([*exact, *partial, *first_name, *(h[0] for h in hits)])

    def candidate(pid: str) -> Candidate:
        return Candidate(pid, names.get(pid, ""), organizations.get(pid, ""))

    groups = (exact,) if exact else (first_name, partial)
    for group in groups:
        if len(group) == 1:
            chosen = candidate(group[0])
            return NameMatch(name, chosen.id, chosen.name, chosen.organization, (chosen,))
        if len(group) > 1:  # several people fit equally well: the user picks
            return NameMatch(name, None, name, "", tuple(candidate(pid) for pid in group))
    offered = tuple(Candidate(pid, n, organizations.get(pid, "")) for pid, n, _ in hits)
    return NameMatch(name, None, name, "", offered)


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
    filled: list[tuple[str, str]] = []
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
            if person.fills_organization and person.organization.strip():
                people.update_person(person_id, organization=person.organization.strip())
                filled.append((person_id, person.organization.strip()))
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
    attendance = _mark_met(plan.event_id, participants) if plan.event_id else ()
    if clear_draft:
        from desktop.services import drafts

        drafts.clear(clear_draft)
    return CaptureResult(
        tuple(saved_people),
        conversation_id,
        tuple(promises),
        tuple(intros),
        plan.tags,
        attendance,
        tuple(filled),
    )


@operation
def undo_capture(result: CaptureResult) -> None:
    """Take back everything one saved capture created, in one transaction, by tombstones
    (sync sees deletions, never a missing row): its introductions, promises, the
    conversation, the people it added; attendance and filled organizations go back to
    what they were. :func:`redo_capture` brings back the very same rows."""
    for intro in result.introductions:
        introductions.delete_introduction(intro.id)
    for promise in result.promises:
        commitments.delete_commitment(promise.id)
    conversations.delete_conversation(result.conversation_id)
    for event_id, person_id, before in result.attendance:
        row_id = _attendance_id(event_id, person_id)
        if before is None:
            events.remove_attendee(row_id)
        else:
            events.update_attendance(row_id, status=before)
    for person_id, _organization in result.filled:
        people.update_person(person_id, organization="")
    for person in result.people:
        if person.new:
            people.delete_person(person.id)


@operation
def redo_capture(result: CaptureResult) -> None:
    """Bring back what :func:`undo_capture` took away: the same ids, nothing duplicated."""
    for person in result.people:
        if person.new:
            people.restore_person(person.id)
    for person_id, organization in result.filled:
        people.update_person(person_id, organization=organization)
    conversations.restore_conversation(result.conversation_id)
    for promise in result.promises:
        commitments.restore_commitment(promise.id)
    for intro in result.introductions:
        introductions.restore_introduction(intro.id)
    for event_id, person_id, _before in result.attendance:
        row_id = _attendance_id(event_id, person_id)
        row = Attendance.get_or_none(Attendance.id == row_id)
        if row is None or row.deleted:
            events.add_attendee(event_id=event_id, person_id=person_id, status="met")
        else:
            events.update_attendance(row_id, status="met")


def _attendance_id(event_id: str, person_id: str) -> str:
    row = Attendance.get_or_none((Attendance.event == event_id) & (Attendance.person == person_id))
    if row is None:
        raise LookupError("the event's guest list no longer has this person")
    return str(row.id)


def _how_we_met(plan: CapturePlan) -> str:
    """Where a new person was met: the event's title or the place (data, not a sentence)."""
    if plan.event_id:
        try:
            return events.get_event(plan.event_id).title
        except LookupError:
            return ""
    return plan.place


def _mark_met(event_id: str, person_ids: Sequence[str]) -> tuple[tuple[str, str, str | None], ...]:
    """Everyone in the conversation was met at the event. An existing attendance keeps
    its "why" and focus; only its status changes (``add_attendee`` would reset them).
    Returns what changed, for undo: (event id, person id, status before or None)."""
    changed: list[tuple[str, str, str | None]] = []
    for person_id in person_ids:
        row = Attendance.get_or_none(
            (Attendance.event == event_id) & (Attendance.person == person_id)
        )
        if row is None or row.deleted:
            events.add_attendee(event_id=event_id, person_id=person_id, status="met")
            changed.append((event_id, person_id, None))
        elif row.status != "met":
            events.update_attendance(row.id, status="met")
            changed.append((event_id, person_id, row.status))
    return tuple(changed)
