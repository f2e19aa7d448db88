"""Who knows whom, read from the store: the graph, the warmest path, the briefing's "Ask Ben".

The rules are pure (:mod:`desktop.domain.network`); this module gathers introductions and
shared conversations in two bulk queries, and your trust in the people you can ask yourself
from the trust service's (cached) bulk readings. Built for 10,000 people: callers in the UI
run :func:`load_network` on a worker thread (``desktop/ui/kit/background.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.network import WARM_TRUST, Link, build_graph, warmest_path
from desktop.domain.trust import first_name
from desktop.services import trust
from desktop.storage.models import database
from desktop.storage.sql import chunks, placeholders


@dataclass(frozen=True, slots=True)
class Network:
    """The whole graph, names, and your trust in the people you have talked with."""

    graph: dict[str, dict[str, Link]]
    names: dict[str, str]
    trust_in: dict[str, int]  # you -> them, only for people you have talked with


@dataclass(frozen=True, slots=True)
class PathAnswer:
    """The answer to "who can introduce me to X?"."""

    people: tuple[str, ...]  # ids: whom to ask first, ..., X
    names: tuple[str, ...]
    warmth: float  # 0..1: your trust in the first ask times the ties after it

    def sentence(self) -> str:
        """ "Ask Ben, who knows Ana." / "Ask Ben, who knows Carl, who knows Ana."."""
        firsts = [first_name(name) for name in self.names]
        return "Ask " + ", who knows ".join(firsts) + "."


def _introduction_pairs() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for introducer, person, other in database.execute_sql(
        "SELECT introducer_id, person_id, other_id FROM introduction WHERE deleted = 0"
    ):
        ends = [p for p in (introducer, person, other) if p]
        pairs.extend((a, b) for i, a in enumerate(ends) for b in ends[i + 1 :])
    return pairs


def _rooms() -> list[list[str]]:
    rooms: dict[str, list[str]] = defaultdict(list)
    for conversation_id, person_id in database.execute_sql(
        "SELECT pa.conversation_id, pa.person_id FROM participant pa "
        "JOIN conversation c ON c.id = pa.conversation_id "
        "WHERE pa.deleted = 0 AND c.deleted = 0 AND pa.conversation_id IN ("
        "SELECT conversation_id FROM participant WHERE deleted = 0 "
        "GROUP BY conversation_id HAVING COUNT(*) > 1)"
    ):
        rooms[conversation_id].append(person_id)
    return list(rooms.values())


def load_network() -> Network:
    """The graph of everyone (seconds at 10,000 people: call it off the GUI thread)."""
    graph = build_graph(_introduction_pairs(), _rooms())
    names = dict(
        database.execute_sql("SELECT id, full_name FROM person WHERE deleted = 0").fetchall()
    )
    talked = {
        pid
        for (pid,) in database.execute_sql(
            "SELECT DISTINCT pa.person_id FROM participant pa "
            "JOIN conversation c ON c.id = pa.conversation_id "
            "WHERE pa.deleted = 0 AND c.deleted = 0"
        )
    }
    readings = trust.readings_for_all()
    trust_in = {pid: r.in_them for pid, r in readings.items() if pid in talked}
    live = {
        pid: {o: link for o, link in links.items() if o in names} for pid, links in graph.items()
    }
    return Network({p: links for p, links in live.items() if p in names}, names, trust_in)


#: Writes that can change the graph itself: who is linked, who is there, their names.
GRAPH_ENTITIES = frozenset({"person", "participant", "conversation", "introduction"})
#: Writes that can only move your trust in someone (a promise kept, a favour given).
TRUST_ENTITIES = frozenset({"commitment", "exchange"})


def needs_reload(changes: Iterable[tuple[str, str]]) -> bool:
    """Whether written rows change the graph (re-read it) rather than only your trust."""
    return any(entity in GRAPH_ENTITIES for entity, _ in changes)


def moves_trust(changes: Iterable[tuple[str, str]]) -> bool:
    return any(entity in TRUST_ENTITIES for entity, _ in changes)


def with_fresh_trust(network: Network, changes: frozenset[tuple[str, str]]) -> Network:
    """The same graph with your trust re-read for the people a promise or exchange write
    touched, and for those they introduced (their vouch moves too): milliseconds, where
    :func:`load_network` takes seconds at 10,000 people. Only for writes that
    :func:`needs_reload` leaves out; the result equals a reload's."""
    touched = trust.people_affected(changes)
    if touched:
        for chunk in chunks(sorted(touched), 500):
            touched.update(
                pid
                for (pid,) in database.execute_sql(
                    "SELECT person_id FROM introduction WHERE deleted = 0 AND other_id IS NULL "
                    f"AND introducer_id IN ({placeholders(chunk)})",
                    chunk,
                )
            )
    shown = [pid for pid in touched if pid in network.trust_in]
    if not shown:
        return network
    trust_in = dict(network.trust_in)
    for pid, reading in trust.readings_of(shown).items():
        trust_in[pid] = reading.in_them
    return Network(network.graph, network.names, trust_in)


def who_can_introduce(network: Network, target_id: str) -> PathAnswer | None:
    """The warmest chain of people you can ask to meet ``target_id`` (None if none)."""
    found = warmest_path(network.graph, network.trust_in, target_id)
    if found is None:
        return None
    path, warmth = found
    return PathAnswer(tuple(path), tuple(network.names.get(p, "?") for p in path), warmth)


_OBJECT_PRONOUNS = {"she": "her", "he": "him", "they": "them", "her": "her", "him": "him"}


def _object_pronoun(pronouns: str, name: str) -> str:
    """ "her" for "she/her", else the person's first name (never a guessed gender)."""
    words = pronouns.replace("/", " ").replace(",", " ").lower().split()
    if words and words[0] in _OBJECT_PRONOUNS:
        return _OBJECT_PRONOUNS[words[0]]
    return first_name(name)


def ask_line(person_id: str, *, pronouns: str = "", name: str = "") -> str:
    """The briefing's "Ask Ben, who knows her" for a guest: the contact you trust most
    (at least WARM_TRUST) who shared a conversation or an introduction with them.

    Reads only the guest's neighbours (a briefing holds tens of people), so it needs no
    network-wide graph. Empty when nobody warm knows them.
    """
    neighbours: dict[str, int] = defaultdict(int)
    for (other,) in database.execute_sql(
        "SELECT o.person_id FROM participant p JOIN participant o "
        "ON o.conversation_id = p.conversation_id JOIN conversation c ON c.id = p.conversation_id "
        "WHERE p.person_id = ? AND o.person_id != ? AND p.deleted = 0 AND o.deleted = 0 "
        "AND c.deleted = 0",
        (person_id, person_id),
    ):
        neighbours[other] += 1
    for introducer, person, other in database.execute_sql(
        "SELECT introducer_id, person_id, other_id FROM introduction WHERE deleted = 0 "
        "AND (introducer_id = ? OR person_id = ? OR other_id = ?)",
        (person_id, person_id, person_id),
    ):
        for end in (introducer, person, other):
            if end and end != person_id:
                neighbours[end] += 2
    best: tuple[int, int, str] | None = None
    readings = trust.readings_for(neighbours)  # one batch: a deleted neighbour is left out
    for other, weight in neighbours.items():
        reading = readings.get(other)
        if reading is None or reading.in_them < WARM_TRUST:
            continue
        key = (reading.in_them, weight, other)
        if best is None or key > best:
            best = key
    if best is None:
        return ""
    who = database.execute_sql("SELECT full_name FROM person WHERE id = ?", (best[2],)).fetchone()
    if not who:
        return ""
    return f"Ask {first_name(who[0])}, who knows {_object_pronoun(pronouns, name)}"


@dataclass(frozen=True, slots=True)
class CircleMember:
    person_id: str
    name: str
    circle: str
    photo: bytes | None


def circles_overview() -> tuple[list[CircleMember], dict[str, int]]:
    """Everyone in the four closest circles (with photos, for the rings), and the head count
    of every circle. Acquaintances are only counted: they have no natural size to draw."""
    members = [
        CircleMember(pid, name, circle, photo)
        for pid, name, circle, photo in database.execute_sql(
            "SELECT id, full_name, circle, photo FROM person WHERE deleted = 0 "
            "AND circle IN ('inner', 'close', 'trusted', 'network') ORDER BY full_name"
        )
    ]
    counts = dict(
        database.execute_sql(
            "SELECT circle, COUNT(*) FROM person WHERE deleted = 0 GROUP BY circle"
        ).fetchall()
    )
    return members, counts
