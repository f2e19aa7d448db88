"""``rapport capture`` (the capture window alone) and ``rapport note`` (the same parser,
saving straight from a launcher or a script).

``rapport capture`` is what users bind to a global keyboard shortcut (docs/capture.md):
it imports Qt and nothing slow before the window is on screen. ``rapport note`` never
imports Qt.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime
from typing import Any

from desktop.commands import CommandError, add_command, data_dir, open_store, print_json

DEPTH_CHOICES = ("small_talk", "professional", "personal")


def capture_command(args: argparse.Namespace) -> int:
    from desktop import app

    return app.run_capture(data_dir(args))


def note_command(args: argparse.Namespace) -> int:
    text = _read_stdin() if args.text == "-" else args.text
    if not text.strip():
        raise CommandError('the note is empty; write what happened, e.g. "Met Ana Ruiz at PyCon"')
    open_store(args)
    from desktop.services import capture, events

    event_id = None
    if args.event:
        try:
            event_id = events.resolve_event(args.event)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
    now = datetime.now().replace(microsecond=0)
    if args.when:
        _check_when(args.when, now)
    parse, plan = capture.prepare_note(
        text,
        now=now,
        who=args.with_ or (),
        when=args.when or "",
        place=args.place or "",
        event_id=event_id,
        depth=args.depth,
        tags=args.tag or (),
    )
    if plan.problems:
        if args.json:
            print_json({**_plan_json(plan), "saved": False})
        else:  # say what was understood, so fixing the note is one edit, not a retype
            for line in capture.understood(parse):
                print(f"rapport: note: understood {line}", file=sys.stderr)
        raise CommandError(_problems_text(plan))
    for person in plan.people:
        if person.is_new and person.candidates:
            names = ", ".join(c.name for c in person.candidates[:3])
            print(
                f"rapport: note: {person.name!r} is a new person (could have been: {names}); "
                "use the full name to pick one",
                file=sys.stderr,
            )
    if args.dry_run:
        if args.json:
            print_json({**_plan_json(plan), "saved": False})
        else:
            print(_plan_text(plan, saved=False))
        return 0
    result = capture.save_capture(plan)
    if args.json:
        print_json(_result_json(plan, result))
    else:
        print(_plan_text(plan, saved=True, result=result))
    return 0


def _read_stdin() -> str:
    """The note from standard input, which must be UTF-8 text (nothing is guessed)."""
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"standard input is not UTF-8 text (byte 0x{data[exc.start]:02x} at position "
            f"{exc.start}); nothing saved",
            2,
        ) from None


#: A time of day as people type it: 18:30, 6.30pm, 3 pm, 99pm.
_CLOCK = re.compile(r"\b(\d{1,3})(?:[:.h](\d{1,3}))?\s*(a\.?m\.?|p\.?m\.?)?(?![\w/-])", re.I)


def _check_when(text: str, now: datetime) -> None:
    """Refuse a --when that cannot be read, or names an impossible time ("99pm"), rather
    than saving the note at a moment the user did not mean."""
    from desktop.domain.capture.when import resolve_when

    for match in _CLOCK.finditer(text):
        hour, minute, meridiem = match.group(1), match.group(2), match.group(3)
        if not (meridiem or minute):
            continue  # a bare number is a day or a year
        h, m = int(hour), int(minute or 0)
        if m > 59 or (meridiem and not 1 <= h <= 12) or (not meridiem and h > 23):
            raise CommandError(
                f"--when {text!r}: {match.group(0).strip()!r} is not a time of day; "
                'try "yesterday at 3pm" or "20 Nov 18:30"'
            )
    if resolve_when(text, now) is None:
        raise CommandError(
            f'--when {text!r} cannot be read; try "yesterday evening" or "20 Nov 18:30"'
        )


def _problems_text(plan: Any) -> str:
    """One line naming every problem, with the promise's words so the user can find it."""
    parts = []
    for problem in plan.problems:
        if problem.field.startswith("promise:"):
            key = problem.field.split(":", 1)[1]
            promise = next(p for p in plan.promises if p.key == key)
            parts.append(f"{promise.description!r}: {problem.message.lower()}")
        elif problem.field == "who":
            parts.append('nobody to save this with: name the person ("Met Ana …") or use --with')
        else:
            parts.append(problem.message)
    return "nothing saved; " + "; ".join(parts)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%a %d %b %Y %H:%M") if moment else "undated"


def _plan_text(plan: Any, *, saved: bool, result: Any = None) -> str:
    names = ", ".join(p.name + (" (new)" if p.is_new else "") for p in plan.people if p.participant)
    where = f" at {plan.place}" if plan.place else ""
    lines = [
        f"{'Saved' if saved else 'Would save'} a conversation with {names} on "
        f"{_when(plan.happened_at)}{where}."
    ]
    if result is not None:
        lines.append(f"  conversation {result.conversation_id}")
    for person in plan.people:
        state = "new person" if person.is_new else "existing"
        detail = f", {person.organization}" if person.organization else ""
        role = "" if person.participant else ", mentioned"
        lines.append(f"  {person.name}: {state}{detail}{role}")
    for promise in plan.promises:
        who = plan.name_of(promise.person_key)
        head = f"You promised {who}" if promise.owner == "me" else f"{who} promised you"
        due = f" (due {promise.due:%a %d %b %Y})" if promise.due else ""
        lines.append(f"  {head}: {promise.description}{due}")
    for intro in plan.introductions:
        if not intro.done:
            continue
        introducer = plan.name_of(intro.introducer_key) or "you"
        to = plan.name_of(intro.to_key) or "you"
        lines.append(f"  {introducer} introduced {plan.name_of(intro.person_key)} to {to}")
    if plan.tags:
        lines.append("  tags: " + " ".join(f"#{t}" for t in plan.tags))
    return "\n".join(lines)


def _plan_json(plan: Any) -> dict[str, Any]:
    return {
        "people": [
            {"id": p.person_id, "name": p.name, "new": p.is_new, "participant": p.participant}
            for p in plan.people
        ],
        "conversation": None,
        "happened_at": plan.happened_at.isoformat() if plan.happened_at else None,
        "place": plan.place,
        "commitments": [
            {
                "owner": c.owner,
                "description": c.description,
                "due": c.due.isoformat() if c.due else None,
                "person": plan.name_of(c.person_key) or None,
                "person_id": _person_id(plan, c.person_key),
            }
            for c in plan.promises
        ],
        "introductions": [
            {
                "introducer": i.names[0],
                "person": i.names[1],
                "to": i.names[2],
                "done": i.done,
            }
            for i in plan.introductions
        ],
        "tags": list(plan.tags),
        "problems": [{"field": p.field, "message": p.message} for p in plan.problems],
    }


def _person_id(plan: Any, key: str | None) -> str | None:
    person = plan.person(key)
    return person.person_id if person is not None else None


def _result_json(plan: Any, result: Any) -> dict[str, Any]:
    data = _plan_json(plan)
    data["saved"] = True
    data["conversation"] = result.conversation_id
    data["people"] = [
        {"id": p.id, "name": p.name, "new": p.new, "participant": p.participant}
        for p in result.people
    ]
    data["commitments"] = [
        {
            "id": c.id,
            "owner": c.owner,
            "description": c.description,
            "due": c.due.isoformat() if c.due else None,
            "person": c.person_name,
            "person_id": c.person_id,
        }
        for c in result.promises
    ]
    return data


def register(subparsers: argparse._SubParsersAction) -> None:
    add_command(
        subparsers,
        "capture",
        "open only the quick-capture window (bind this to a global shortcut)",
        capture_command,
    )
    parser = add_command(
        subparsers,
        "note",
        "save a note about a meeting straight away: people, conversation, promises",
        note_command,
    )
    parser.add_argument(
        "text",
        metavar="TEXT",
        help="the note, e.g. \"Met Ana Ruiz at PyCon. I'll send her "
        'the deck by Friday." ("-" reads it from standard input)',
    )
    parser.add_argument(
        "--with", dest="with_", action="append", metavar="NAME",
        help="someone you met, in addition to those the note names (repeatable)",
    )  # fmt: skip
    parser.add_argument("--when", metavar="WHEN", help='e.g. "yesterday evening" (default: now)')
    parser.add_argument("--place", metavar="PLACE", help="where you met (default: from the note)")
    parser.add_argument("--event", metavar="TITLE_OR_ID", help="the event where you met")
    parser.add_argument(
        "--depth", choices=DEPTH_CHOICES, default="professional", help="default: professional"
    )
    parser.add_argument("--tag", action="append", metavar="TAG", help="a tag (repeatable)")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be saved; save nothing"
    )
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
