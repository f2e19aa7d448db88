"""Exchanges: what was given and received (introductions, help, advice, referrals, …)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.domain.records import ExchangeView
from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import EXCHANGE_DIRECTIONS, EXCHANGE_KINDS, Exchange


@operation
def record_exchange(
    *,
    person_id: str,
    direction: str,
    kind: str,
    description: str = "",
    happened_at: datetime | None = None,
    conversation_id: str | None = None,
) -> str:
    """``direction`` "give": I gave to them; "receive": they gave to me."""
    if direction not in EXCHANGE_DIRECTIONS:
        raise ValueError("direction must be 'give' or 'receive'")
    if kind not in EXCHANGE_KINDS:
        raise ValueError(f"kind must be one of: {', '.join(EXCHANGE_KINDS)}")
    return journal.save(
        Exchange,
        None,
        {
            "person": person_id,
            "direction": direction,
            "kind": kind,
            "description": description.strip(),
            "happened_at": (happened_at or datetime.now()).replace(microsecond=0),
            "conversation": conversation_id,
        },
    )


@operation
def update_exchange(exchange_id: str, **fields: Any) -> dict[str, Any]:
    allowed = {"direction", "kind", "description", "happened_at"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown exchange field(s): {', '.join(sorted(unknown))}")
    row = Exchange.get_by_id(exchange_id)
    before = {name: getattr(row, name) for name in fields}
    journal.save(Exchange, exchange_id, fields)
    return before


@operation
def delete_exchange(exchange_id: str) -> None:
    journal.delete(Exchange, exchange_id)


@operation
def restore_exchange(exchange_id: str) -> None:
    journal.restore(Exchange, exchange_id)


def exchanges_with(person_id: str) -> list[ExchangeView]:
    query = (
        Exchange.select()
        .where((Exchange.person == person_id) & (Exchange.deleted == False))
        .order_by(Exchange.happened_at.desc())
    )
    return [
        ExchangeView(
            e.id, e.person_id, e.direction, e.kind, e.description, e.happened_at, e.conversation_id
        )
        for e in query
    ]
