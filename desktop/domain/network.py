"""Who knows whom: a graph of the people you know, and the warmest way to reach someone.

Two people know each other when one introduced the other (or introduced them to a third),
or when they were in the same conversation with you. The warmest path to X is the chain of
people you would ask — "Ben, could you introduce me to Ana?" — chosen so that you trust each
of them as much as possible: the product of your trust in each intermediary (0..1) is the
largest, so one warm friend beats two lukewarm ones, and every extra hop costs. Pure (no Qt,
no database), so it runs on a worker thread and in tests headless.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import exp, log

__all__ = [
    "MAX_INTERMEDIARIES",
    "WARM_TRUST",
    "Graph",
    "Link",
    "build_graph",
    "neighbourhood",
    "tie_strength",
    "warmest_path",
]

#: A path asks at most this many people in a row; longer chains are not introductions.
MAX_INTERMEDIARIES = 3
#: Trust (you -> them) from which someone reads as a warm first ask in the briefing.
WARM_TRUST = 50


@dataclass(frozen=True, slots=True)
class Link:
    """How two people know each other: introductions and conversations you shared."""

    introductions: int = 0
    conversations: int = 0

    def describe(self) -> str:
        parts = []
        if self.introductions:
            parts.append("introduced" if self.introductions == 1 else "introductions")
        if self.conversations:
            n = self.conversations
            parts.append(f"{n} shared conversation{'s' if n != 1 else ''}")
        return ", ".join(parts)


Graph = Mapping[str, Mapping[str, Link]]


def build_graph(
    introductions: Iterable[tuple[str, str]], conversations: Iterable[Iterable[str]]
) -> dict[str, dict[str, Link]]:
    """An undirected graph from (a, b) introduction pairs and each conversation's people."""
    intro: dict[tuple[str, str], int] = defaultdict(int)
    talk: dict[tuple[str, str], int] = defaultdict(int)
    for a, b in introductions:
        if a and b and a != b:
            intro[(a, b) if a < b else (b, a)] += 1
    for people in conversations:
        members = sorted(set(people))
        if len(members) > 40:  # a conference hall says nothing about who knows whom
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                talk[(a, b)] += 1
    graph: dict[str, dict[str, Link]] = defaultdict(dict)
    for pair in set(intro) | set(talk):
        link = Link(intro.get(pair, 0), talk.get(pair, 0))
        a, b = pair
        graph[a][b] = link
        graph[b][a] = link
    return dict(graph)


def neighbourhood(graph: Graph, centre: str, *, steps: int = 2, limit: int = 60) -> list[str]:
    """The people within ``steps`` of ``centre`` (centre first, nearest next), at most
    ``limit`` of them, the best-linked first within each step, so a picture stays legible."""
    seen = {centre: 0}
    order = [centre]
    frontier = [centre]
    for step in range(1, steps + 1):
        candidates: dict[str, int] = {}
        for person in frontier:
            for other, link in graph.get(person, {}).items():
                if other not in seen:
                    weight = link.introductions * 3 + link.conversations
                    candidates[other] = max(candidates.get(other, 0), weight)
        ranked = sorted(candidates, key=lambda p: (-candidates[p], p))
        room = limit - len(order)
        ranked = ranked[: max(0, room)]
        for person in ranked:
            seen[person] = step
        order.extend(ranked)
        frontier = ranked
    return order


def tie_strength(link: Link) -> float:
    """How strong a tie between two other people is (0..1): an introduction counts as two
    shared conversations, and each one halves what is left to learn."""
    return 1.0 - 0.5 ** (2 * link.introductions + link.conversations)


def warmest_path(
    graph: Graph, trust: Mapping[str, int], target: str, *, exclude: Iterable[str] = ()
) -> tuple[list[str], float] | None:
    """The people to ask, in order, ending with ``target``, and how warm the chain is (0..1).

    ``[Ben, Ana]`` means "ask Ben, who knows Ana". ``trust`` holds your trust (you -> them)
    in the people you can ask yourself; the first ask is as warm as that trust, each later
    ask as strong as the tie between the two (:func:`tie_strength`). The warmest chain has
    the largest product, with at most MAX_INTERMEDIARIES people before the target. None
    when nobody you can ask is linked to the target.
    """
    if target not in graph:
        return None
    banned = set(exclude)
    queue: list[tuple[float, str, tuple[str, ...]]] = [
        (-log(max(1, min(100, value)) / 100), person, (person,))
        for person, value in trust.items()
        if person in graph and person != target and person not in banned
    ]
    heapq.heapify(queue)
    settled: set[str] = set()
    while queue:
        cost, person, path = heapq.heappop(queue)
        if person == target:
            return list(path), exp(-cost)
        if person in settled:
            continue
        settled.add(person)
        for other, link in graph[person].items():
            if other in settled or other in banned or other in path:
                continue
            if other != target and len(path) >= MAX_INTERMEDIARIES:
                continue
            strength = tie_strength(link)
            if strength <= 0:
                continue
            heapq.heappush(queue, (cost - log(strength), other, (*path, other)))
    return None
