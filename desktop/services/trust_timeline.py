"""Trust over time for one person, replayed from the stored history (never stored itself)."""

from __future__ import annotations

from datetime import date

from desktop.domain.trust_history import TrustMark, TrustPoint, trust_over_time
from desktop.services import trust


def over_time(
    person_id: str, *, today: date | None = None
) -> tuple[list[TrustPoint], list[TrustMark]]:
    """Both directions across the relationship, with marks at what moved them.

    Raises LookupError for no such person. About a millisecond for a typical history.
    """
    day = today or date.today()
    return trust_over_time(trust.history_for(person_id, today=day), today=day)
