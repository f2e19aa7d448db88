"""Promises both ways: make, keep, break, release, snooze, reopen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from desktop.domain.records import CommitmentView
from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import COMMITMENT_OWNERS, Commitment, Person
from desktop.storage.sql import chunks


@operation
def make_commitment(
    *,
    owner: str,
    person_id: str,
    description: str,
    due: date | None = None,
    conversation_id: str | None = None,
    made_at: datetime | None = None,
) -> str:
    """``owner`` "me": I promised ``person_id``; "them": they promised me."""
    if owner not in COMMITMENT_OWNERS:
        raise ValueError("owner must be 'me' or 'them'")
    text = description.strip()
    if not text:
        raise ValueError("a promise needs a description")
    return journal.save(
        Commitment,
        None,
        {
            "owner": owner,
            "person": person_id,
            "description": text,
            "due": due,
            "status": "open",
            "conversation": conversation_id,
            "made_at": (made_at or datetime.now()).replace(microsecond=0),
        },
    )


def _resolve(commitment_id: str, status: str, when: datetime | None) -> dict[str, Any]:
    row = Commitment.get_by_id(commitment_id)
    before = {"status": row.status, "resolved_at": row.resolved_at}
    resolved = (when or datetime.now()).replace(microsecond=0) if status != "open" else None
    journal.save(Commitment, commitment_id, {"status": status, "resolved_at": resolved})
    return before


@operation
def keep(commitment_id: str, *, when: datetime | None = None) -> dict[str, Any]:
    """Mark kept; returns the previous status and resolution time (for undo)."""
    return _resolve(commitment_id, "kept", when)


@operation
def break_(commitment_id: str, *, when: datetime | None = None) -> dict[str, Any]:
    return _resolve(commitment_id, "broken", when)


@operation
def release(commitment_id: str, *, when: datetime | None = None) -> dict[str, Any]:
    """Released: both sides agree it no longer matters (neutral for trust)."""
    return _resolve(commitment_id, "released", when)


@operation
def reopen(commitment_id: str) -> dict[str, Any]:
    return _resolve(commitment_id, "open", None)


@operation
def snooze(commitment_id: str, *, until: date) -> date | None:
    """Hide from Today until ``until``; returns the previous snooze date."""
    row = Commitment.get_by_id(commitment_id)
    before = row.snoozed_until
    journal.save(Commitment, commitment_id, {"snoozed_until": until})
    return before


@operation
def update_commitment(commitment_id: str, **fields: Any) -> dict[str, Any]:
    allowed = {"description", "due", "owner", "snoozed_until", "status", "resolved_at"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown promise field(s): {', '.join(sorted(unknown))}")
    row = Commitment.get_by_id(commitment_id)
    before = {name: getattr(row, name) for name in fields}
    journal.save(Commitment, commitment_id, fields)
    return before


@operation
def delete_commitment(commitment_id: str) -> None:
    journal.delete(Commitment, commitment_id)


@operation
def restore_commitment(commitment_id: str) -> None:
    journal.restore(Commitment, commitment_id)


def _views(query: Any) -> list[CommitmentView]:
    return [
        CommitmentView(
            id=c.id,
            owner=c.owner,
            person_id=c.person_id,
            person_name=name,
            description=c.description,
            due=c.due,
            status=c.status,
            resolved_at=c.resolved_at,
            made_at=c.made_at,
            snoozed_until=c.snoozed_until,
            conversation_id=c.conversation_id,
        )
        for c, name in ((row, row.person.full_name) for row in query)
    ]


def _base() -> Any:
    return (
        Commitment.select(Commitment, Person.id, Person.full_name)  # not the card and photo
        .join(Person, on=(Commitment.person == Person.id))
        .where((Commitment.deleted == False) & (Person.deleted == False))
    )


def commitments_with(person_id: str) -> list[CommitmentView]:
    """All live promises with one person, open first then newest."""
    query = _base().where(Commitment.person == person_id).order_by(Commitment.made_at.desc())
    views = _views(query)
    return sorted(views, key=lambda c: c.status != "open")


def commitments_with_each(person_ids: Sequence[str]) -> dict[str, list[CommitmentView]]:
    """:func:`commitments_with` for several people at once (a briefing's guests)."""
    wanted = list(dict.fromkeys(person_ids))
    found: dict[str, list[CommitmentView]] = {pid: [] for pid in wanted}
    for chunk in chunks(wanted, 500):
        query = _base().where(Commitment.person.in_(chunk)).order_by(Commitment.made_at.desc())
        for view in _views(query):
            found[view.person_id].append(view)
    return {pid: sorted(views, key=lambda c: c.status != "open") for pid, views in found.items()}


def open_commitments(*, owner: str | None = None) -> list[CommitmentView]:
    """Every open promise (optionally one direction), due first, undated last."""
    query = _base().where(Commitment.status == "open")
    if owner:
        query = query.where(Commitment.owner == owner)
    views = _views(query)
    return sorted(views, key=lambda c: (c.due is None, c.due or date.max, c.person_name))


def get_commitment(commitment_id: str) -> CommitmentView:
    views = _views(_base().where(Commitment.id == commitment_id))
    if not views:
        raise LookupError(f"no promise {commitment_id}")
    return views[0]
