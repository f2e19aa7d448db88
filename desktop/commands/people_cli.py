"""``rapport search`` and ``rapport show``: the network from the terminal."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from desktop.commands import CommandError, add_command, at_least, open_store, print_json

CARD_FIELDS = (
    ("nickname", "Nickname"),
    ("pronunciation", "Pronunciation"),
    ("pronouns", "Pronouns"),
    ("headline", "Headline"),
    ("organization", "Organization"),
    ("location", "Location"),
    ("how_we_met", "How we met"),
    ("about", "About"),
    ("interests", "Interests"),
    ("family", "Family"),
    ("working_on", "Working on"),
    ("help_them", "How I can help"),
    ("help_me", "How they can help"),
)


def search_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.search import search

    hits = search(args.query, limit=args.limit)
    if args.json:
        for hit in hits:
            marked = _mark(hit.snippet, hit.spans)
            print_json(
                {
                    "type": hit.type,
                    "id": hit.id,
                    "title": hit.title,
                    "snippet": marked,
                    "person_id": hit.person_id,
                }
            )
        return 0
    if not hits:
        print(f"Nothing matches {args.query!r}.")
        return 0
    for hit in hits:
        print(f"{hit.type:<12} {hit.title}\n{'':<12} {_mark(hit.snippet, hit.spans)}")
    return 0


def _mark(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start] + "[" + text[start:end] + "]")
        last = end
    out.append(text[last:])
    return "".join(out)


def _resolve(query: str) -> str:
    from desktop.services.people import resolve_person

    try:
        return resolve_person(query)
    except LookupError as exc:
        raise CommandError(str(exc)) from exc


def show_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services import commitments, conversations, people, trust

    person_id = _resolve(args.person)
    card = people.get_person(person_id)
    today = date.today()
    reading = trust.reading_for(person_id, today=today)
    promises = [c for c in commitments.commitments_with(person_id) if c.status == "open"]
    recent = conversations.conversations_with(person_id, limit=args.conversations)
    from desktop.services.dates import dates_of

    dates = dates_of(person_id)
    if args.json:
        out = _card_json(card, reading, promises, recent, today)
        out["dates"] = [{"label": d.label, "date": d.day} for d in dates]
        print_json(out)
        return 0
    print(card.full_name)
    print("=" * min(len(card.full_name), 80))
    for name, label in CARD_FIELDS:
        value = getattr(card, name)
        if value:
            print(f"{label + ':':<20}{value}")
    print(f"{'Circle:':<20}{card.circle}")
    if card.tags:
        print(f"{'Tags:':<20}{', '.join(card.tags)}")
    for point in card.contact_points:
        label = f"{point.kind} ({point.label})" if point.label else point.kind
        print(f"{label + ':':<20}{point.value}")
    for item in dates:
        print(f"{item.title + ':':<20}{item.shown}")
    for intro in card.introduced_by:
        print(f"{'Introduced by:':<20}{intro.introducer_name}")
    print()
    from desktop.domain.trust import level_label

    print(
        f"Your trust in {card.first_name}: {reading.in_them}/100 ({level_label(reading.in_them)})"
    )
    for reason in reading.reasons_in_them:
        print(f"  - {reason}")
    print(
        f"{card.first_name}'s trust in you: {reading.their_trust_in_me}/100 "
        f"({level_label(reading.their_trust_in_me)})"
    )
    for reason in reading.reasons_theirs:
        print(f"  - {reason}")
    print(f"Next: {reading.next_action}")
    print()
    mine = [c for c in promises if c.owner == "me"]
    theirs = [c for c in promises if c.owner == "them"]
    print("You owe:" if mine else "You owe nothing.")
    for c in mine:
        print(f"  - {_promise_line(c, today)}")
    print(f"{card.first_name} owes you:" if theirs else f"{card.first_name} owes you nothing.")
    for c in theirs:
        print(f"  - {_promise_line(c, today)}")
    print()
    print("Recent conversations:" if recent else "No conversations yet.")
    for conv in recent:
        when = conv.happened_at.strftime("%Y-%m-%d") if conv.happened_at else "undated"
        where = conv.event_title or conv.place
        flag = " (in confidence)" if conv.confidential else ""
        print(f"  {when}  {conv.depth.replace('_', ' ')}{' at ' + where if where else ''}{flag}")
        if conv.notes:
            print(f"      {_shorten(conv.notes, 150)}")
    return 0


def _shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _promise_line(c: Any, today: date) -> str:
    if not c.due:
        return c.description
    late = c.days_late(today)
    lateness = f", {late} day{'s' if late != 1 else ''} late" if late else ""
    return f"{c.description} (due {c.due.isoformat()}{lateness})"


def _card_json(card: Any, reading: Any, promises: list, recent: list, today: date) -> dict:
    return {
        "id": card.id,
        "full_name": card.full_name,
        **{name: getattr(card, name) for name, _ in CARD_FIELDS},
        "circle": card.circle,
        "cadence_days": card.cadence_days,
        "tags": list(card.tags),
        "contact_points": [
            {"kind": p.kind, "label": p.label, "value": p.value} for p in card.contact_points
        ],
        "introduced_by": [i.introducer_name for i in card.introduced_by],
        "trust": {
            "in_them": reading.in_them,
            "their_trust_in_me": reading.their_trust_in_me,
            "reasons_in_them": list(reading.reasons_in_them),
            "reasons_theirs": list(reading.reasons_theirs),
            "next_action": reading.next_action,
        },
        "open_promises": [
            {
                "id": c.id,
                "owner": c.owner,
                "description": c.description,
                "due": c.due.isoformat() if c.due else None,
                "days_late": c.days_late(today),
            }
            for c in promises
        ],
        "recent_conversations": [
            {
                "id": conv.id,
                "happened_at": conv.happened_at.isoformat() if conv.happened_at else None,
                "depth": conv.depth,
                "place": conv.event_title or conv.place,
                "notes": conv.notes,
                "confidential": conv.confidential,
            }
            for conv in recent
        ],
    }


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "search", "search people and conversation notes", search_command
    )
    parser.add_argument("query", help="words to look for (prefixes match while typing)")
    parser.add_argument(
        "--limit", type=at_least(1, 10_000), default=20, help="hits per kind (default 20)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per hit")
    parser = add_command(
        subparsers, "show", "show a person's card, trust and open promises", show_command
    )
    parser.add_argument("person", metavar="NAME_OR_ID", help="a name (fuzzy) or an id")
    parser.add_argument(
        "--conversations", type=at_least(0), default=5, help="how many recent ones (default 5)"
    )
    parser.add_argument("--json", action="store_true", help="print the card as JSON")
