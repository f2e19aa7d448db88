"""The people list: one summary per live person, sorted and filtered, built in bulk."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from desktop.domain import circles
from desktop.domain.records import PersonSummary
from desktop.services import trust
from desktop.storage.models import database

SORTS = ("name", "last_contact", "trust")


def summaries(
    *,
    sort: str = "name",
    circle: str | None = None,
    tag: str | None = None,
    today: date | None = None,
) -> list[PersonSummary]:
    """Every live person as a card summary; ``circle``/``tag`` filter, ``sort`` orders."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of: {', '.join(SORTS)}")
    day = today or date.today()
    readings = trust.readings_for_all(today=day)
    last = trust.last_contacts()
    sql = database.execute_sql
    tags: dict[str, list[str]] = defaultdict(list)
    for person_id, name in sql(
        "SELECT person_id, name FROM tag WHERE deleted = 0 AND person_id IS NOT NULL ORDER BY name"
    ):
        tags[person_id].append(name)
    due: dict[str, int] = dict(
        sql(
            "SELECT person_id, COUNT(*) FROM commitment WHERE deleted = 0 AND status = 'open' "
            "AND due IS NOT NULL AND due <= ? GROUP BY person_id",
            (day.isoformat(),),
        ).fetchall()
    )
    query = (
        "SELECT id, full_name, headline, organization, circle, photo IS NOT NULL "
        "FROM person WHERE deleted = 0"
    )
    params: list[object] = []
    if circle:
        query += " AND circle = ?"
        params.append(circle)
    result = []
    for pid, name, headline, organization, person_circle, has_photo in sql(query, params):
        person_tags = tuple(tags.get(pid, ()))
        if tag and tag not in person_tags:
            continue
        reading = readings.get(pid)
        result.append(
            PersonSummary(
                id=pid,
                full_name=name,
                headline=headline,
                organization=organization,
                circle=person_circle,
                tags=person_tags,
                last_contact=last.get(pid),
                trust_in_them=reading.in_them if reading else 0,
                their_trust_in_me=reading.their_trust_in_me if reading else 0,
                promises_due=due.get(pid, 0),
                has_photo=bool(has_photo),
            )
        )
    if sort == "name":
        result.sort(key=lambda s: s.full_name.casefold())
    elif sort == "last_contact":
        result.sort(key=lambda s: s.last_contact or datetime.min, reverse=True)
    else:
        result.sort(key=lambda s: s.trust_in_them + s.their_trust_in_me, reverse=True)
    return result


def circle_sizes() -> list[tuple[circles.Circle, int, str]]:
    """Each circle with how many people it holds and a gentle note when it is over."""
    counts = dict(
        database.execute_sql(
            "SELECT circle, COUNT(*) FROM person WHERE deleted = 0 GROUP BY circle"
        ).fetchall()
    )
    return [
        (c, counts.get(c.key, 0), circles.size_note(c.key, counts.get(c.key, 0)))
        for c in circles.CIRCLES
    ]


def people_count() -> int:
    return int(database.execute_sql("SELECT COUNT(*) FROM person WHERE deleted = 0").fetchone()[0])
