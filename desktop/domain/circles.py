"""Circles of closeness (after Dunbar's layers) and their keep-in-touch cadences.

Quality over quantity: each circle has a natural size; growing past it earns a gentle
note, never a block.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Circle:
    key: str
    label: str
    limit: int | None  # natural size; None = no limit
    cadence_days: int  # suggested keep-in-touch interval


CIRCLES: tuple[Circle, ...] = (
    Circle("inner", "Inner circle", 5, 14),
    Circle("close", "Close", 15, 30),
    Circle("trusted", "Trusted", 50, 90),
    Circle("network", "Network", 150, 180),
    Circle("acquaintance", "Acquaintances", None, 365),
)
BY_KEY = {circle.key: circle for circle in CIRCLES}
DEFAULT_CIRCLE = "acquaintance"


def circle(key: str) -> Circle:
    return BY_KEY.get(key, BY_KEY[DEFAULT_CIRCLE])


def effective_cadence(circle_key: str, cadence_days: int | None) -> int:
    """The person's own cadence if set, else their circle's suggestion."""
    return cadence_days if cadence_days and cadence_days > 0 else circle(circle_key).cadence_days


def size_note(circle_key: str, size: int) -> str:
    """A gentle word when a circle grows past its natural size; empty otherwise."""
    c = circle(circle_key)
    if c.limit is None or size <= c.limit:
        return ""
    return (
        f"{c.label} holds {size} people; about {c.limit} is what most of us can tend well. "
        "Maybe some belong one circle out?"
    )


def is_drifting(
    circle_key: str, cadence_days: int | None, last_contact: datetime | None, today: date
) -> bool:
    """Past the keep-in-touch cadence (never talked counts only for the closer circles)."""
    cadence = effective_cadence(circle_key, cadence_days)
    if last_contact is None:
        return circle_key in ("inner", "close", "trusted")
    return (today - last_contact.date()).days > cadence
