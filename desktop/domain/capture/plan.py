"""What a capture will save: the parser's guesses, resolved names and the user's corrections.

The capture window and ``rapport note`` both turn a note into a :class:`CapturePlan`
with :func:`build_plan` and hand it to :func:`desktop.services.capture.save_capture`.
The plan is rebuilt from scratch on every keystroke, so a correction is not an edit of
the previous plan but an entry in :class:`Corrections`, keyed by something that survives
re-parsing: a person by their case-folded name, a promise by the sentence it came from.
Editing that sentence re-reads it (and forgets its corrections) — predictable, and the
preview shows the new guess at once.

Rules worth knowing:

* People are the names in the "who" field, then the people the note says were met; a
  name used only in a kept promise or a done introduction ("I'll call Carl") is added as
  *mentioned*: saved as a person, but not a participant of the conversation.
* A promise nobody can be assigned to is a :class:`Problem`, never a silent guess: with
  one participant it goes to them; with several the user chooses.
* A planned introduction ("Ana can introduce me to Ben") is kept as a promise — in the
  user's own words, the sentence — unless the parser already made that sentence a promise;
  only introductions that happened are saved as introductions.
* An existing person's organization is filled only when it is blank; never overwritten.
* ``notes`` is the note exactly as typed.
"""

from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from desktop.domain.capture.corrections import Corrections
from desktop.domain.capture.planned import (
    Candidate,
    CapturePlan,
    NameMatch,
    PlannedIntroduction,
    PlannedPerson,
    PlannedPromise,
    Problem,
)
from desktop.domain.capture.results import CaptureParse, ParsedCommitment, ParsedIntroduction

__all__ = [
    "DEPTHS",
    "Candidate",
    "CapturePlan",
    "Corrections",
    "NameMatch",
    "PlannedIntroduction",
    "PlannedPerson",
    "PlannedPromise",
    "Problem",
    "build_plan",
    "name_key",
    "names_in",
    "normalise_tags",
]

DEPTHS = ("small_talk", "professional", "personal")


def name_key(name: str) -> str:
    """The identity of a typed name across keystrokes: composed, single-spaced, case-folded."""
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def normalise_tags(raw: Iterable[str]) -> tuple[str, ...]:
    """ "#Python, hiring" style input -> ("python", "hiring"), deduplicated, in order."""
    seen: dict[str, None] = {}
    for chunk in raw:
        for word in chunk.replace(",", " ").split():
            tag = unicodedata.normalize("NFC", word.strip().lstrip("#")).strip("-_").lower()
            if tag:
                seen.setdefault(tag[:80], None)
    return tuple(seen)


def names_in(parse: CaptureParse, who: Sequence[str]) -> list[str]:
    """Every name a plan may need looked up: typed, met, promised to, introduced."""
    names = [*who, *parse.people]
    names += [c.person_name for c in parse.commitments if c.person_name]
    for intro in parse.introductions:
        names += [n for n in (intro.introducer, intro.person, intro.to) if n]
    return list(dict.fromkeys(n for n in names if name_key(n)))


# ------------------------------------------------------------------------ building


def promise_key(notes: str, span: tuple[int, int], ordinal: int) -> str:
    """Key of a promise: its source sentence (whitespace-insensitive) and its place in it."""
    sentence = " ".join(notes[span[0] : span[1]].split())
    return f"{zlib.crc32(sentence.encode('utf-8', 'surrogatepass')):08x}.{ordinal}"


class _People:
    """Collects planned people, merging names that mean the same person."""

    def __init__(
        self,
        matches: Mapping[str, NameMatch],
        corrections: Corrections,
        organization: str,
        organizations: Mapping[str, str] | None = None,
    ) -> None:
        self.matches = matches
        self.corrections = corrections
        self.organization = organization
        # per person ("Ana Ruiz (Acme) and Ben Ode (Initech)"), by name key; without
        # it (an older parse) the one organization goes to every participant
        self.organizations = {name_key(k): v for k, v in (organizations or {}).items()}
        self.people: dict[str, PlannedPerson] = {}
        self.alias: dict[str, str | None] = {}  # any name key -> planned key (None: dropped)
        self.by_id: dict[str, str] = {}

    def add(self, raw_name: str, source: str, *, participant: bool) -> str | None:
        key = name_key(raw_name)
        if not key:
            return None
        if key in self.alias:
            planned = self.alias[key]
            if planned and participant and not self.people[planned].participant:
                self.people[planned] = _replace(self.people[planned], participant=True)
            return planned
        if f"person:{key}" in self.corrections.dropped:
            self.alias[key] = None
            return None
        person = self._resolve(key, " ".join(raw_name.split()), source, participant)
        if person.person_id and person.person_id in self.by_id:
            planned = self.by_id[person.person_id]
            self.alias[key] = planned
            earlier = self.people[planned]
            if (
                person.fills_organization
                and not earlier.organization.strip()
                and "organization" not in self.corrections.people.get(planned, {})
            ):  # "who: ana r", the note "… ana r from Globex" read as Ana Ruiz: her firm
                earlier = _replace(
                    earlier, organization=person.organization, fills_organization=True
                )
            if participant and not earlier.participant:
                earlier = _replace(earlier, participant=True)
            self.people[planned] = earlier
            return planned
        self.people[key] = person
        self.alias[key] = key
        if person.person_id:
            self.by_id[person.person_id] = key
        return key

    def _resolve(self, key: str, name: str, source: str, participant: bool) -> PlannedPerson:
        fix = self.corrections.people.get(key, {})
        match = self.matches.get(key)
        candidates = match.candidates if match else ()
        choice = fix.get("choice", "")
        if self.organizations:
            guess = self.organizations.get(key, "") if participant else ""
        else:
            guess = self.organization if participant else ""
        headline = fix.get("headline", "")
        if choice and choice != "new":
            chosen = next((c for c in candidates if c.id == choice), None)
            name = chosen.name if chosen else fix.get("name") or name
            current = chosen.organization if chosen else fix.get("current_organization", "")
            return self._existing(key, choice, name, current, fix, guess, participant, source,
                                  candidates)  # fmt: skip
        if choice != "new" and match is not None and match.person_id:
            return self._existing(key, match.person_id, match.name, match.organization, fix,
                                  guess, participant, source, candidates)  # fmt: skip
        state = "pending" if match is None and choice != "new" else "new"
        return PlannedPerson(
            key=key,
            name=name,
            person_id=None,
            state=state,
            organization=fix.get("organization", guess),
            headline=headline,
            participant=participant,
            source=source,
            candidates=candidates,
        )

    @staticmethod
    def _existing(
        key: str,
        person_id: str,
        name: str,
        current: str,
        fix: Mapping[str, str],
        guess: str,
        participant: bool,
        source: str,
        candidates: tuple[Candidate, ...],
    ) -> PlannedPerson:
        blank = not current.strip()
        organization = fix.get("organization", guess) if blank else current
        return PlannedPerson(
            key=key,
            name=name,
            person_id=person_id,
            state="existing",
            organization=organization,
            headline="",
            participant=participant,
            source=source,
            candidates=candidates,
            fills_organization=blank and bool(organization.strip()),
        )

    def lookup(self, raw_name: str | None) -> str | None:
        return self.alias.get(name_key(raw_name)) if raw_name else None


def _replace(person: PlannedPerson, **changes: Any) -> PlannedPerson:
    values = {name: getattr(person, name) for name in PlannedPerson.__slots__}
    values.update(changes)
    return PlannedPerson(**values)


def build_plan(
    parse: CaptureParse,
    *,
    who: Sequence[str] = (),
    matches: Mapping[str, NameMatch] | None = None,
    corrections: Corrections | None = None,
    happened_at: datetime | None,
    place: str = "",
    event_id: str | None = None,
    event_chosen: bool = True,
    depth: str = "professional",
    extra_tags: Iterable[str] = (),
) -> CapturePlan:
    """Combine the parse, the form fields, name look-ups and corrections into a plan.

    ``event_chosen`` says whether the user picked ``event_id`` (it then wins over a place
    written in the note) or it was only prefilled because it happens today (a place
    written in the note then wins, and the conversation is not filed under the event).
    """
    fixes = corrections or Corrections()
    if event_id and not event_chosen and parse.place and not place.strip():
        event_id = None  # "at the robotics meetup" beats today's prefilled event
    people = _People(matches or {}, fixes, parse.organization, parse.organizations)
    for name in who:
        people.add(name, "who", participant=True)
    for name in parse.people:
        people.add(name, "notes", participant=True)
    participants = [k for k, p in people.people.items() if p.participant]
    # The parser already gives a promise to the one person the note says was met; with
    # people only in the "who" field it could not, so the plan does, on the same terms.
    sole = participants[0] if len(participants) == 1 and not parse.people else None

    promises: list[PlannedPromise] = []
    ordinals: dict[tuple[int, int], int] = {}
    for commitment in parse.commitments:
        ordinal = ordinals.get(commitment.span, 0)
        ordinals[commitment.span] = ordinal + 1
        key = promise_key(parse.notes, commitment.span, ordinal)
        planned = _promise(parse.notes, key, commitment, people, fixes, sole)
        if planned is not None:
            promises.append(planned)
    introductions = _introductions(parse, people, fixes, promises, sole)

    used = {p.person_key for p in promises} | {
        k for i in introductions if i.done for k in (i.introducer_key, i.person_key, i.to_key)
    }
    kept = tuple(p for k, p in people.people.items() if p.participant or k in used)
    tags = tuple(
        t for t in normalise_tags([*parse.tags, *extra_tags]) if f"tag:{t}" not in fixes.dropped
    )
    typed_place = " ".join(place.split())
    plan = CapturePlan(
        people=kept,
        promises=tuple(promises),
        introductions=tuple(introductions),
        tags=tags,
        notes=parse.notes,
        happened_at=happened_at,
        place=typed_place or ("" if event_id else parse.place),
        place_from_notes=not typed_place and not event_id and bool(parse.place),
        event_id=event_id,
        depth=depth if depth in DEPTHS else "professional",
        organization=parse.organization,
    )
    return _with_problems(plan)


def _promise(
    notes: str,
    key: str,
    commitment: ParsedCommitment,
    people: _People,
    fixes: Corrections,
    sole: str | None,
) -> PlannedPromise | None:
    if f"promise:{key}" in fixes.dropped:
        return None
    fix = fixes.promises.get(key, {})
    if commitment.person_name:
        person_key = people.add(commitment.person_name, "mentioned", participant=False)
    elif sole is not None and (
        commitment.owner == "them" or not _names_someone(commitment.description)
    ):  # "she'll intro me to Raj": whoever names Raj, the promise is hers
        person_key = sole
    else:
        person_key = None
    if "person" in fix:
        person_key = people.alias.get(fix["person"], fix["person"] or None)
    due = commitment.due
    due_text = commitment.due_text
    if "due" in fix:
        due = _iso_date(fix["due"])
        due_text = ""
    owner = fix.get("owner", commitment.owner)
    return PlannedPromise(
        key=key,
        owner=owner if owner in ("me", "them") else commitment.owner,
        description=fix.get("description", commitment.description),
        person_key=person_key if person_key in people.people else None,
        due=due,
        due_text=due_text,
        source=notes[commitment.span[0] : commitment.span[1]],
        edited=bool(fix),
    )


def _introductions(
    parse: CaptureParse,
    people: _People,
    fixes: Corrections,
    promises: list[PlannedPromise],
    sole: str | None,
) -> list[PlannedIntroduction]:
    """Done introductions to save; planned ones become (or point at) promises."""
    spans_with_promise = {c.span for c in parse.commitments}
    out: list[PlannedIntroduction] = []
    ordinals: dict[tuple[int, int], int] = {}
    for intro in parse.introductions:
        ordinal = ordinals.get(intro.span, 0)
        ordinals[intro.span] = ordinal + 1
        key = "i" + promise_key(parse.notes, intro.span, ordinal)
        if f"intro:{key}" in fixes.dropped:
            continue
        ends = _intro_ends(intro, people)
        if ends is None:
            continue  # someone in it was dropped
        introducer, person, to = ends
        person_name = people.people[person].name
        promise_key_ = None
        if not intro.done:
            if intro.span in spans_with_promise:
                promise_key_ = next(
                    (p.key for p in promises if p.source == _text(parse.notes, intro.span)), None
                )
            else:
                promise_key_ = key
                owner = "me" if introducer is None else "them"
                planned = _promise(
                    parse.notes,
                    key,
                    ParsedCommitment(
                        owner=owner,
                        description=_text(parse.notes, intro.span).strip(" .!?;,"),
                        person_name=intro.introducer if owner == "them" else intro.person,
                        due=None,
                        due_text="",
                        span=intro.span,
                    ),
                    people,
                    fixes,
                    None,
                )
                if planned is None:
                    continue
                promises.append(planned)
        names = tuple(people.people[k].name if k else None for k in (introducer, person, to))
        out.append(
            PlannedIntroduction(
                key,
                introducer,
                person,
                to,
                intro.done,
                promise_key_,
                (names[0], person_name, names[2]),
            )
        )
    return out


def _intro_ends(
    intro: ParsedIntroduction, people: _People
) -> tuple[str | None, str, str | None] | None:
    keys: list[str | None] = []
    for name in (intro.introducer, intro.person, intro.to):
        if name is None:
            keys.append(None)
            continue
        key = people.add(name, "mentioned", participant=False)
        if key is None:
            return None
        keys.append(key)
    introducer, person, to = keys
    if person is None:
        return None
    return introducer, person, to


def _names_someone(description: str) -> bool:
    """Whether a promise names someone ("call Carl"): then it is not the sole
    participant's by default — the parser's own rule for the people it met."""
    words = description.split()[1:]
    return any(w[:1].isupper() and w.strip(".,;:!?") not in ("I", "I'll") for w in words)


def _text(notes: str, span: tuple[int, int]) -> str:
    return notes[span[0] : span[1]]


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _with_problems(plan: CapturePlan) -> CapturePlan:
    """Attach what stops saving; the window shows each next to its field."""
    problems: list[Problem] = []
    if not plan.participants:
        problems.append(
            Problem("who", "no_person", "Add the person you met, or name them in the notes.")
        )
    if plan.happened_at is None:
        problems.append(
            Problem(
                "when",
                "unreadable_when",
                "This date cannot be read; try “yesterday evening” or “20 Nov 18:30”.",
            )
        )
    for promise in plan.promises:
        if not promise.description.strip():
            problems.append(
                Problem(
                    f"promise:{promise.key}", "empty_promise", "Say what was promised, or drop it."
                )
            )
        elif promise.person_key is None:
            problems.append(
                Problem(
                    f"promise:{promise.key}",
                    "promise_without_person",
                    "Choose who this promise is with, or drop it.",
                )
            )
    if not problems:
        return plan
    return CapturePlan(
        **{name: getattr(plan, name) for name in CapturePlan.__slots__ if name != "problems"},
        problems=tuple(problems),
    )
