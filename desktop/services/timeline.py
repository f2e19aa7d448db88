"""A person's timeline: everything between us, newest first (see domain.timeline)."""

from __future__ import annotations

from datetime import datetime

from desktop.domain import timeline
from desktop.domain.timeline import TimelineEntry
from desktop.services import commitments, conversations, events, exchanges, people
from desktop.storage.models import Introduction


def _introductions(person_id: str) -> list:
    from desktop.domain.records import IntroductionView

    rows = list(
        Introduction.select().where(
            (Introduction.deleted == False)
            & (
                (Introduction.person == person_id)
                | (Introduction.introducer == person_id)
                | (Introduction.other == person_id)
            )
        )
    )
    ids = {i for r in rows for i in (r.introducer_id, r.person_id, r.other_id) if i}
    names = people.display_names(ids)
    return [
        IntroductionView(
            r.id,
            r.introducer_id,
            names.get(r.introducer_id, "me") if r.introducer_id else "me",
            r.person_id,
            names.get(r.person_id, "someone"),
            r.other_id,
            names.get(r.other_id, "me") if r.other_id else "me",
            r.happened_at,
            r.note,
        )
        for r in rows
    ]


def timeline_of(person_id: str, *, limit: int | None = None) -> list[TimelineEntry]:
    card = people.get_person(person_id)
    entries = timeline.build(
        first_name=card.first_name,
        conversations=conversations.conversations_with(person_id),
        commitments=commitments.commitments_with(person_id),
        exchanges=exchanges.exchanges_with(person_id),
        events=events.events_of(person_id),
        introductions=_introductions(person_id),
        now=datetime.now(),
    )
    return entries[:limit] if limit else entries
