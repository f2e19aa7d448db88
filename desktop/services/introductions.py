"""Introductions: who introduced whom (an empty end means "me")."""

from __future__ import annotations

from datetime import datetime

from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import Introduction


@operation
def record_introduction(
    *,
    introducer_id: str | None,
    person_id: str,
    other_id: str | None = None,
    happened_at: datetime | None = None,
    note: str = "",
) -> str:
    """``introducer_id`` (None: me) introduced ``person_id`` to ``other_id`` (None: me)."""
    if introducer_id is None and other_id is None:
        raise ValueError("I cannot introduce someone to myself")
    return journal.save(
        Introduction,
        None,
        {
            "introducer": introducer_id,
            "person": person_id,
            "other": other_id,
            "happened_at": (happened_at or datetime.now()).replace(microsecond=0),
            "note": note,
        },
    )


@operation
def delete_introduction(introduction_id: str) -> None:
    journal.delete(Introduction, introduction_id)


@operation
def restore_introduction(introduction_id: str) -> None:
    """Undo of :func:`delete_introduction`: the same row comes back (no duplicate)."""
    journal.restore(Introduction, introduction_id)
