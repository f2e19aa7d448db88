"""``rapport demo``: a realistic, deterministic network for trying the app and for benchmarks.

Names and phrases come from ``resources/demo/vocabulary.json`` (many cultures and
scripts, as real address books have). The same seed gives the same people, ids, notes
and history; dates are laid out relative to the day it runs, so Today always has work.
Everything goes through the journal (bulk path), so the demo is as sync-ready as data
the user typed.
"""

from __future__ import annotations

import json
import random
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from desktop import paths
from desktop.services.store import operation
from desktop.storage import journal, search_index
from desktop.storage.models import (
    Attendance,
    Commitment,
    ContactPoint,
    Conversation,
    Event,
    Exchange,
    Introduction,
    Participant,
    Person,
    Tag,
    database,
    link_id,
)
from desktop.storage.sync_tables import SyncState

CIRCLE_TARGETS = (("inner", 5), ("close", 15), ("trusted", 50), ("network", 150))
DEPTH_BY_CIRCLE = {
    "inner": (0.15, 0.35, 0.5),
    "close": (0.2, 0.45, 0.35),
    "trusted": (0.25, 0.55, 0.2),
    "network": (0.35, 0.55, 0.1),
    "acquaintance": (0.6, 0.37, 0.03),
}
KINDS = ("in_person", "call", "video", "message", "email", "meal")
EXCHANGE_KINDS = ("introduction", "help", "advice", "referral", "opportunity", "gift")
CHUNK = 5_000


@dataclass(frozen=True, slots=True)
class DemoSummary:
    people: int
    conversations: int
    commitments: int
    exchanges: int
    introductions: int
    events: int
    attendances: int


def load_vocabulary() -> dict[str, Any]:
    with paths.resource("demo", "vocabulary.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def _ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


class _Builder:
    def __init__(self, vocabulary: dict[str, Any], seed: int, now: datetime) -> None:
        self.v = vocabulary
        self.rng = random.Random(seed)
        self.now = now.replace(microsecond=0)
        self.today = self.now.date()
        self.sequence = 0
        self.base_ms = seed % 1000 * 10**10  # deterministic per seed, not a real time

    def uid(self) -> str:
        """A UUIDv7-shaped id: a rising 48-bit prefix, then seeded random bits.

        Rising keys append to the B-trees instead of splitting pages all over a
        gigabyte-sized file, which makes a 10,000-person demo several times faster.
        """
        self.sequence += 1
        value = (self.base_ms + self.sequence) << 80 | self.rng.getrandbits(80)
        value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
        value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
        return str(uuid.UUID(int=value))

    def pick(self, key: str) -> Any:
        return self.rng.choice(self.v[key])

    def name(self) -> tuple[str, str]:
        culture = self.rng.choice(self.v["cultures"])
        feminine = culture.get("feminine_given")
        given = self.rng.choice(culture["given"])
        index = self.rng.randrange(len(culture["family"]))
        family = culture["family"][index]
        if feminine and given in feminine and culture.get("family_feminine"):
            female = culture["family_feminine"]
            family = female[index % len(female)]
        separator = culture.get("separator", " ")
        if culture.get("order") == "family_given":
            return f"{family}{separator}{given}", given
        return f"{given}{separator}{family}", given

    def moment(self, days_back_max: int, days_back_min: int = 0) -> datetime:
        days = self.rng.uniform(days_back_min, days_back_max)
        hour = self.rng.randint(8, 20)
        moment = self.now - timedelta(days=days)
        minute = self.rng.choice((0, 15, 30, 45))
        return moment.replace(hour=hour, minute=minute, second=0, microsecond=0)

    def notes(self, first: str) -> str:
        sentences = self.rng.sample(self.v["note_sentences"], k=self.rng.randint(2, 4))
        return " ".join(
            s.format(
                first=first, topic=self.pick("conversation_topics"), interest=self.pick("interests")
            )
            for s in sentences
        )


def _circles(count: int, rng: random.Random) -> list[str]:
    circles: list[str] = []
    for key, size in CIRCLE_TARGETS:
        circles.extend([key] * min(size, max(0, count - len(circles))))
    circles.extend(["acquaintance"] * (count - len(circles)))
    rng.shuffle(circles)
    return circles


@operation
def build_demo(
    *,
    people: int = 200,
    seed: int = 1,
    conversations_per_person: int = 20,
    now: datetime | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> DemoSummary:
    """Add a deterministic demo network of ``people`` to the open store, in one transaction."""
    if people < 1:
        raise ValueError("the demo needs at least one person")
    cache = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    database.execute_sql("PRAGMA cache_size = -262144")  # 256 MiB while building
    try:
        with journal.bulk_indexes_deferred():
            summary = _build(people, seed, conversations_per_person, now, progress)
        # After the indexes are back: the person index joins tags by person.
        search_index.rebuild()
        if progress:
            progress("index", 1, 1)
        return summary
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(cache)}")


def _insert(model: Any, rows: list[dict[str, Any]]) -> None:
    """Bulk rows without log entries (the row is the state; nobody undoes a demo), unless
    this device ever joined a vault: then each creation keeps its place in the log, as
    the outbox needs (turning sync on gives unlogged rows their entries, log_rows)."""
    ever_synced = SyncState.read("last_vault_id") is not None
    journal.insert_many(model, rows, logged=ever_synced)


def _build(
    people: int,
    seed: int,
    conversations_per_person: int,
    now: datetime | None,
    progress: Callable[[str, int, int], None] | None,
) -> DemoSummary:
    b = _Builder(load_vocabulary(), seed, now or datetime.now())
    rng = b.rng
    report = progress or (lambda stage, done, total: None)
    circles = _circles(people, rng)
    person_rows: list[dict[str, Any]] = []
    firsts: dict[str, str] = {}
    contact_rows: list[dict[str, Any]] = []
    tag_rows: list[dict[str, Any]] = []
    for index in range(people):
        full_name, first = b.name()
        pid = b.uid()
        firsts[pid] = first
        circle = circles[index]
        interests = ", ".join(rng.sample(b.v["interests"], k=2))
        person_rows.append(
            {
                "id": pid,
                "full_name": full_name,
                "nickname": first if rng.random() < 0.15 else "",
                "headline": b.pick("headlines"),
                "organization": b.pick("organizations"),
                "location": b.pick("cities"),
                "how_we_met": b.pick("how_we_met"),
                "about": f"Cares about {b.pick('conversation_topics')}.",
                "interests": interests,
                "family": b.pick("family_facts") if rng.random() < 0.6 else "",
                "working_on": b.pick("working_on"),
                "help_them": b.pick("help_them"),
                "help_me": b.pick("help_me") if rng.random() < 0.7 else "",
                "circle": circle,
                "cadence_days": rng.choice((None, None, None, 21, 45, 60)),
                "credibility": rng.choice((None, 2, 3, 3, 4, 4, 5)),
                "confidential_fields": "family" if rng.random() < 0.1 else "",
                "created": b.moment(1200, 30),
            }
        )
        slug = _ascii_slug(full_name) or f"contact{index}"
        contact_rows.append(
            {
                "id": b.uid(),
                "person": pid,
                "kind": "email",
                "label": "work",
                "value": f"{slug}{index}@example.org",
                "original": f"{slug}{index}@example.org",
            }
        )
        if rng.random() < 0.6:
            phone = f"+{rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(100000, 9999999)}"
            contact_rows.append(
                {
                    "id": b.uid(),
                    "person": pid,
                    "kind": "phone",
                    "label": "mobile",
                    "value": phone,
                    "original": phone,
                }
            )
        for tag in rng.sample(b.v["tags"], k=rng.randint(0, 3)):
            tag_rows.append({"id": b.uid(), "person": pid, "name": tag})
    ids = [row["id"] for row in person_rows]
    _insert(Person, person_rows)
    _insert(ContactPoint, contact_rows)
    _insert(Tag, tag_rows)
    report("people", people, people)

    events = _events(b, ids)
    _insert(Event, events)

    conversation_total = 0
    participant_rows: list[dict[str, Any]] = []
    conversation_rows: list[dict[str, Any]] = []
    span = {"inner": 400, "close": 600, "trusted": 900, "network": 1100, "acquaintance": 1300}
    for position, (pid, circle) in enumerate(zip(ids, circles, strict=True)):
        count = max(1, int(rng.gauss(conversations_per_person, conversations_per_person / 4)))
        weights = DEPTH_BY_CIRCLE[circle]
        recent = 10 if circle in ("inner", "close") and rng.random() < 0.7 else 0
        for _ in range(count):
            cid = b.uid()
            happened = b.moment(span[circle], recent)
            depth = rng.choices(("small_talk", "professional", "personal"), weights)[0]
            event = rng.choice(events) if rng.random() < 0.05 else None
            conversation_rows.append(
                {
                    "id": cid,
                    "happened_at": happened,
                    "kind": rng.choice(KINDS),
                    "place": "" if event else (b.pick("cities") if rng.random() < 0.4 else ""),
                    "event": event["id"] if event else None,
                    "title": "",
                    "notes": b.notes(firsts[pid]),
                    "depth": depth,
                    "confidential": rng.random() < 0.05,
                }
            )
            participant_rows.append(
                {"id": link_id("participant", cid, pid), "conversation": cid, "person": pid}
            )
            if rng.random() < 0.08 and people > 1:
                other = ids[rng.randrange(people)]
                if other != pid:
                    # A group conversation: the notes say who else was there.
                    conversation_rows[-1]["notes"] += f" {firsts[other]} joined us as well."
                    participant_rows.append(
                        {
                            "id": link_id("participant", cid, other),
                            "conversation": cid,
                            "person": other,
                        }
                    )
        if len(conversation_rows) >= CHUNK:
            conversation_total += _flush(conversation_rows, participant_rows)
            report("conversations", position + 1, people)
    conversation_total += _flush(conversation_rows, participant_rows)
    report("conversations", people, people)

    commitment_rows, exchange_rows, intro_rows = _history(b, ids, firsts)
    _insert(Commitment, commitment_rows)
    _insert(Exchange, exchange_rows)
    _insert(Introduction, intro_rows)
    attendance_rows = _attendance(b, ids, events)
    _insert(Attendance, attendance_rows)
    report("index", 0, 1)
    return DemoSummary(
        people=people,
        conversations=conversation_total,
        commitments=len(commitment_rows),
        exchanges=len(exchange_rows),
        introductions=len(intro_rows),
        events=len(events),
        attendances=len(attendance_rows),
    )


def _flush(conversations: list[dict[str, Any]], participants: list[dict[str, Any]]) -> int:
    count = len(conversations)
    _insert(Conversation, conversations)
    _insert(Participant, participants)
    conversations.clear()
    participants.clear()
    return count


def _events(b: _Builder, ids: list[str]) -> list[dict[str, Any]]:
    rows = []
    titles = b.rng.sample(b.v["event_titles"], k=min(12, len(b.v["event_titles"])))
    offsets = (-200, -120, -60, -30, -10, -3, 0, 4, 9, 16, 30, 60)
    for title, offset in zip(titles, offsets, strict=False):
        start = datetime.combine(b.today + timedelta(days=offset), datetime.min.time()).replace(
            hour=b.rng.choice((9, 10, 18, 19))
        )
        rows.append(
            {
                "id": b.uid(),
                "title": title,
                "starts_at": start,
                "ends_at": start + timedelta(hours=b.rng.choice((2, 3, 8))),
                "place": b.pick("event_places"),
                "notes": "",
                "goals": b.pick("event_goals"),
            }
        )
    return rows


def _attendance(b: _Builder, ids: list[str], events: list[dict[str, Any]]) -> list[dict]:
    rows = []
    for event in events:
        past = event["starts_at"] < b.now
        size = min(len(ids), b.rng.randint(15, 40))
        for index, pid in enumerate(b.rng.sample(ids, k=size)):
            rows.append(
                {
                    "id": link_id("attendance", event["id"], pid),
                    "event": event["id"],
                    "person": pid,
                    "status": "met" if past and b.rng.random() < 0.6 else "expected",
                    "why": b.pick("help_me") if b.rng.random() < 0.5 else "",
                    "focus": index < 4,
                }
            )
    return rows


def _history(
    b: _Builder, ids: list[str], firsts: dict[str, str]
) -> tuple[list[dict], list[dict], list[dict]]:
    rng = b.rng
    commitments, exchanges, intros = [], [], []
    descriptions = b.v["exchange_descriptions"]
    for pid in ids:
        for _ in range(rng.randint(0, 5)):
            made = b.moment(500, 1)
            due = (made + timedelta(days=rng.randint(2, 30))).date()
            status = rng.choices(("open", "kept", "broken", "released"), (2, 7, 1, 1))[0]
            if status == "open":  # old promises get settled; open ones are recent
                made = b.moment(40, 1)
                due = b.today + timedelta(days=rng.randint(-12, 21))
            resolved = None
            if status != "open":
                lateness = rng.choice((-2, -1, 0, 0, 1, 5))
                resolved_day = min(b.today, due + timedelta(days=lateness))
                resolved = datetime.combine(max(resolved_day, made.date()), made.time())
            commitments.append(
                {
                    "id": b.uid(),
                    "owner": rng.choice(("me", "them")),
                    "person": pid,
                    "description": b.pick("promises"),
                    "due": due if rng.random() < 0.85 else None,
                    "status": status,
                    "resolved_at": resolved,
                    "made_at": made,
                }
            )
        for _ in range(rng.randint(0, 4)):
            kind = rng.choice(EXCHANGE_KINDS)
            exchanges.append(
                {
                    "id": b.uid(),
                    "person": pid,
                    "direction": rng.choice(("give", "receive")),
                    "kind": kind,
                    "description": rng.choice(descriptions.get(kind, [""])),
                    "happened_at": b.moment(700, 1),
                }
            )
        if len(ids) > 1 and rng.random() < 0.12:
            introducer = ids[rng.randrange(len(ids))]
            if introducer != pid:
                intros.append(
                    {
                        "id": b.uid(),
                        "introducer": introducer,
                        "person": pid,
                        "other": None,
                        "happened_at": b.moment(1000, 30),
                        "note": f"{firsts[introducer]} thought we should meet.",
                    }
                )
    return commitments, exchanges, intros


def count_people() -> int:
    return int(database.execute_sql("SELECT COUNT(*) FROM person WHERE deleted = 0").fetchone()[0])
