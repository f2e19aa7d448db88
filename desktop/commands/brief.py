"""``rapport brief`` (a briefing PDF) and ``rapport events`` (list, import an .ics invite).

``brief`` paints with Qt but needs no display: the print layer starts an offscreen Qt
application when none exists. Qt is imported only once a PDF is actually written, so
``rapport events`` stays as quick as the other listing commands.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.commands import CommandError, add_command, common_options, open_store, print_json

PAGE_SIZES = ("A4", "Letter")


def _people(text: str) -> list[str]:
    """Comma-separated names or ids -> person ids; the first unknown one is the error."""
    from desktop.services.people import resolve_person

    names = [part.strip() for part in text.split(",") if part.strip()]
    if not names:
        raise CommandError('--people needs at least one name, e.g. --people "Ana Ruiz, Ben Ode"')
    ids = []
    for name in names:
        try:
            ids.append(resolve_person(name))
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
    return ids


def _event(text: str) -> str:
    from desktop.services.events import resolve_event

    try:
        return resolve_event(text)
    except LookupError as exc:
        raise CommandError(str(exc)) from exc


def brief_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services import briefing

    out = Path(args.pdf).expanduser()
    if not out.parent.is_dir():
        raise CommandError(f"cannot write {out}: the folder {out.parent} does not exist")
    if out.is_dir():
        raise CommandError(f"cannot write {out}: it is a folder; give a file name (briefing.pdf)")
    if args.event is not None:
        sheet = briefing.gather_for_event(_event(args.event))
    else:
        sheet = briefing.gather_for_people(_people(args.people), title=args.title)
    if not sheet.people:
        raise CommandError(f"nobody to brief: {sheet.title!r} has no attendees yet")

    from desktop.printing.printer import save_pdf

    try:
        result = save_pdf(sheet, out, page_size=args.page_size, detailed=args.detailed)
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc.strerror or exc}") from exc
    if args.json:
        print_json(
            {
                "pdf": str(out),
                "title": sheet.title,
                "people": len(sheet.people),
                "pages": result.pages,
                "page_size": args.page_size,
            }
        )
    else:
        count = len(sheet.people)
        print(
            f"Wrote {out}: {count} {'person' if count == 1 else 'people'} on "
            f"{result.pages} {'page' if result.pages == 1 else 'pages'} ({args.page_size})."
        )
    return 0


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "undated"


def events_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.events import list_events

    listed = list_events()
    if args.json:
        for e in listed:
            print_json(
                {
                    "id": e.id,
                    "title": e.title,
                    "starts_at": e.starts_at.isoformat() if e.starts_at else None,
                    "ends_at": e.ends_at.isoformat() if e.ends_at else None,
                    "place": e.place,
                    "attendees": e.attendee_count,
                }
            )
        return 0
    if not listed:
        print("No events yet. Import an invitation with: rapport events import FILE.ics")
        return 0
    for e in listed:
        place = f" · {e.place}" if e.place else ""
        count = e.attendee_count
        print(
            f"{_when(e.starts_at):<16}  {e.title}{place} "
            f"({count} {'person' if count == 1 else 'people'})  {e.id}"
        )
    return 0


def _preview_json(preview: Any) -> dict[str, Any]:
    event = preview.event
    return {
        "source": preview.source,
        "title": event.title,
        "starts_at": event.starts_at.isoformat(),
        "ends_at": event.ends_at.isoformat() if event.ends_at else None,
        "place": event.place,
        "existing_event_id": preview.existing_event_id,
        "matched": [
            {
                "name": m.attendee.name,
                "email": m.attendee.email,
                "person_id": m.person_id,
                "person_name": m.person_name,
                "how": m.how,
            }
            for m in preview.matched
        ],
        "unmatched": [
            {
                "name": a.name,
                "email": a.email,
                "maybe": [name for _, name in preview.maybe.get(a.key, ())],
            }
            for a in preview.unmatched
        ],
        "declined": preview.declined,
    }


def _print_preview(preview: Any) -> None:
    event = preview.event
    again = " (already in Rapport: will be completed, not duplicated)"
    print(
        f"{event.title} — {_when(event.starts_at)}{' · ' + event.place if event.place else ''}"
        f"{again if preview.existing_event_id else ''}"
    )
    for m in preview.matched:
        shown = m.attendee.email or m.attendee.name
        print(f"  known   {m.person_name:<28} by {m.how}  <{shown}>")
    for a in preview.unmatched:
        near = [name for _, name in preview.maybe.get(a.key, ())]
        hint = f"  (maybe: {', '.join(near)})" if near else ""
        email = f" <{a.email}>" if a.email else ""
        print(f"  new     {a.name}{email}{hint}")
    if preview.declined:
        print(f"  ({preview.declined} declined; not imported)")


def import_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.calendar_import import apply_invite, preview_invites

    try:
        previews = preview_invites(Path(args.file).expanduser())
    except ValueError as exc:
        raise CommandError(str(exc), 2) from exc  # a file refused: 2, as for other formats
    results = []
    for preview in previews:
        result = None
        if not args.dry_run:
            result = apply_invite(preview, create_unmatched=args.create_new)
        results.append((preview, result))
    if args.json:
        for preview, result in results:
            out = _preview_json(preview)
            if result is not None:
                out.update(
                    event_id=result.event_id,
                    created_event=result.created_event,
                    attendees_added=result.attendees_added,
                    people_created=[name for _, name in result.people_created],
                )
            print_json(out)
        return 0
    for preview, result in results:
        _print_preview(preview)
        if result is None:
            print("  Dry run: nothing was saved.")
            continue
        verb = "Created" if result.created_event else "Updated"
        print(
            f"  {verb} the event; {result.attendees_added} added to its list"
            + (f", {len(result.people_created)} new people" if result.people_created else "")
            + "."
        )
        if preview.unmatched and not args.create_new:
            print(
                f"  {len(preview.unmatched)} not in Rapport were left out "
                "(add them with --create-new)."
            )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "brief",
        "write a printable briefing sheet (PDF) for an event or people",
        brief_command,
    )
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--event", metavar="TITLE_OR_ID", help="an event's title or id")
    who.add_argument("--people", metavar="NAMES", help='comma-separated, e.g. "Ana Ruiz, Ben Ode"')
    parser.add_argument("--pdf", metavar="OUT.pdf", required=True, help="the PDF file to write")
    parser.add_argument("--page-size", choices=PAGE_SIZES, default="A4", help="default A4")
    parser.add_argument("--title", default="Briefing", help="heading for a --people sheet")
    parser.add_argument(
        "--detailed",
        action="store_true",
        help="one roomy block per person (default: compact, six or more to a page)",
    )
    parser.add_argument("--json", action="store_true", help="print what was written as JSON")

    parser = add_command(
        subparsers,
        "events",
        "list events, upcoming first (or import an .ics invite)",
        events_command,
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per event")
    actions = parser.add_subparsers(dest="events_action", metavar="ACTION")
    importer = actions.add_parser(
        "import",
        help="import an event and its attendees from an .ics file",
        description="Import an event and its attendees from an .ics invitation. Attendees "
        "are matched to people by email, then by a close, unique name.",
        parents=[common_options()],
    )
    importer.set_defaults(handler=import_command)
    importer.add_argument("file", metavar="FILE.ics")
    importer.add_argument("--dry-run", action="store_true", help="show what would happen")
    importer.add_argument("--json", action="store_true", help="one JSON object per event")
    importer.add_argument(
        "--create-new", action="store_true", help="add attendees not yet in Rapport as people"
    )
