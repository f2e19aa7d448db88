"""What the capture-parser test rounds share: a fixed moment and how a promise is compared.

Every round writes its notes as if on Wednesday 11 March 2026 at 18:00, so its weekday
names resolve to the dates below.
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.domain.capture.parser import CaptureParse, parse_capture

WED = datetime(2026, 3, 11, 18, 0)  # Wednesday 11 March 2026
THU = date(2026, 3, 12)
FRI = date(2026, 3, 13)
SAT = date(2026, 3, 14)
MON = date(2026, 3, 16)
TUE = date(2026, 3, 17)

Promise = tuple[str, str | None, str, date | None]  # owner, person, description, due


def read(text: str, now: datetime = WED) -> CaptureParse:
    """The parse of ``text`` written at ``now`` (Wednesday evening unless said)."""
    return parse_capture(text, now=now)


def promises(result: CaptureParse) -> list[Promise]:
    """Each promise as (owner, person, description, due): what the rounds compare."""
    return [(c.owner, c.person_name, c.description, c.due) for c in result.commitments]


def promises_in(text: str, now: datetime = WED) -> list[Promise]:
    """The promises of ``text`` written at ``now``, as :func:`promises` gives them."""
    return promises(read(text, now))
