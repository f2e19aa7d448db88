"""The user's corrections to a capture preview, kept apart from the planning code.

Small on purpose: the capture window holds one from its first frame (a restored draft
carries them), and ``rapport capture`` must not import the parser before it is on screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Corrections:
    """Everything the user changed in the preview; JSON-able so the draft keeps it.

    ``dropped`` holds item keys ("person:<key>", "promise:<key>", "intro:<key>",
    "tag:<tag>"). ``promises[key]`` may set "description", "owner", "due" (ISO date or
    "" for none) and "person" (a person key). ``people[key]`` may set "choice" (an
    existing person's id, or "new"), "name" (the chosen person's name), "organization"
    and "headline".

    A plain class with a dataclass's behaviour (fields, ``==``, ``repr``): importing
    ``dataclasses`` and building one costs ~2 ms before the capture window's first
    paint (#15).
    """

    __slots__ = ("dropped", "people", "promises")
    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __init__(
        self,
        dropped: set[str] | None = None,
        promises: dict[str, dict[str, str]] | None = None,
        people: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.dropped: set[str] = set() if dropped is None else dropped
        self.promises: dict[str, dict[str, str]] = {} if promises is None else promises
        self.people: dict[str, dict[str, str]] = {} if people is None else people

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corrections):
            return NotImplemented
        return (self.dropped, self.promises, self.people) == (
            other.dropped,
            other.promises,
            other.people,
        )

    def __repr__(self) -> str:
        return (
            f"Corrections(dropped={self.dropped!r}, promises={self.promises!r}, "
            f"people={self.people!r})"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "dropped": sorted(self.dropped),
            "promises": {k: dict(v) for k, v in self.promises.items()},
            "people": {k: dict(v) for k, v in self.people.items()},
        }

    @classmethod
    def from_json(cls, data: object) -> Corrections:
        """Tolerant: a damaged or older draft gives fewer corrections, never an error."""
        if not isinstance(data, Mapping):
            return cls()

        def table(value: object) -> dict[str, dict[str, str]]:
            if not isinstance(value, Mapping):
                return {}
            return {
                str(k): {str(a): str(b) for a, b in v.items() if isinstance(b, str)}
                for k, v in value.items()
                if isinstance(v, Mapping)
            }

        dropped = data.get("dropped")
        return cls(
            dropped={str(d) for d in dropped} if isinstance(dropped, list) else set(),
            promises=table(data.get("promises")),
            people=table(data.get("people")),
        )

    def is_empty(self) -> bool:
        return not (self.dropped or self.promises or self.people)
