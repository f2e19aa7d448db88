"""Promises and introductions the user adds by hand in the capture preview.

The planner (:func:`desktop.domain.capture.plan.build_plan`) rebuilds the plan from the
parse on every keystroke, so a hand-added item is not an edit of the plan: it is put into
the parse, as if the note had said it, just after the note's end (an empty span there;
the saved notes stay exactly as typed). It then gets everything a parsed one gets —
a stable key (its order among the added items), the same corrections (owner, person,
due date, words), the same problems ("say what was promised"), the same saving.

Additions are plain JSON-able dicts so the draft keeps them:
``{"kind": "promise", "owner": "me"|"them", "description": "…", "person": "Ana Ruiz",
"due": "2026-12-01"}`` and ``{"kind": "intro", "introducer": "Ben Ode" or "" (me),
"person": "Ana Ruiz", "to": "" (me) or a name, "done": true}``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from desktop.domain.capture.results import CaptureParse, ParsedCommitment, ParsedIntroduction


def with_additions(parse: CaptureParse, additions: Iterable[Mapping[str, Any]]) -> CaptureParse:
    """``parse`` with the hand-added promises and introductions after the note's own."""
    end = len(parse.notes)
    promises: list[ParsedCommitment] = []
    intros: list[ParsedIntroduction] = []
    for item in additions:
        kind = item.get("kind")
        if kind == "promise":
            owner = "them" if item.get("owner") == "them" else "me"
            promises.append(
                ParsedCommitment(
                    owner=owner,
                    description=str(item.get("description") or ""),
                    person_name=_name(item.get("person")),
                    due=_date(item.get("due")),
                    due_text="",
                    span=(end, end),
                )
            )
        elif kind == "intro" and _name(item.get("person")):
            intros.append(
                ParsedIntroduction(
                    introducer=_name(item.get("introducer")),
                    person=str(_name(item.get("person"))),
                    to=_name(item.get("to")),
                    done=bool(item.get("done", True)),
                    span=(end + 1, end + 1),  # apart from the promises: see plan._introductions
                )
            )
    if not promises and not intros:
        return parse
    return dataclasses.replace(
        parse,
        commitments=(*parse.commitments, *promises),
        introductions=(*parse.introductions, *intros),
    )


def clean(data: object) -> list[dict[str, Any]]:
    """Additions from a draft, tolerant of damage: only well-formed items are kept."""
    if not isinstance(data, list):
        return []
    return [dict(item) for item in data if isinstance(item, Mapping) and item.get("kind")]


def _name(value: object) -> str | None:
    text = " ".join(str(value or "").split())
    return text or None


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
