"""The user's corrections to a capture preview, kept apart from the planning code.

Small on purpose: the capture window holds one from its first frame (a restored draft
carries them), and ``rapport capture`` must not import the parser before it is on screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Corrections:
    """Everything the user changed in the preview; JSON-able so the draft keeps it.

    ``dropped`` holds item keys ("person:<key>", "promise:<key>", "intro:<key>",
    "tag:<tag>"). ``promises[key]`` may set "description", "owner", "due" (ISO date or
    "" for none) and "person" (a person key). ``people[key]`` may set "choice" (an
    existing person's id, or "new"), "name" (the chosen person's name), "organization"
    and "headline".
    """

    dropped: set[str] = field(default_factory=set)
    promises: dict[str, dict[str, str]] = field(default_factory=dict)
    people: dict[str, dict[str, str]] = field(default_factory=dict)

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
