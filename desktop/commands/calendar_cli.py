"""``rapport calendar``: read meetings from a CalDAV calendar (read only).

    rapport calendar setup URL --user NAME    check the account, list its calendars, keep it
    rapport calendar suggestions [--json]     meetings with people you know: past ones to
                                              log, upcoming ones to prepare for
    rapport calendar forget                   remove the account and its password

URL is the server (a bare host such as ``cal.example.com`` is looked up through
``/.well-known/caldav``). The password is prompted for on a terminal, otherwise read from
the first line of standard input; it is kept in the OS keyring only. Exit codes: 0 done,
1 needs your attention (wrong password, not set up), 2 bad usage, 75 temporary (server
down): try again later.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from desktop.commands import CommandError, add_command, common_options, open_store, print_json

TEMPORARY = 75


def _fail(exc: Exception) -> CommandError:
    return CommandError(str(exc), TEMPORARY if getattr(exc, "retry", False) else 1)


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"{prompt}: ")
    line = sys.stdin.readline()
    if not line:
        raise CommandError(f"expected the {prompt.lower()} on standard input")
    return line.rstrip("\r\n")


def _note_keyring() -> None:
    from desktop.services.calendar_sync.account import keyring_problem

    problem = keyring_problem()
    if problem:
        print(f"Note: {problem}.", file=sys.stderr)


def setup_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.calendar_sync import account, server
    from desktop.services.calendar_sync.errors import CalendarError

    try:
        url = server.normalise_url(args.url)
    except CalendarError as exc:
        raise CommandError(str(exc), exit_code=2) from exc
    if server.is_plain_remote_http(url):
        print(
            f"Warning: {url} is plain http://: your password travels unencrypted. "
            "Use https:// where you can.",
            file=sys.stderr,
        )
    secret = _read_password("Calendar password")
    try:
        found = account.setup(url, args.user, secret)
        if args.calendar:
            wanted = {c.casefold() for c in args.calendar}
            chosen = [
                c.url for c in found.calendars if c.name.casefold() in wanted or c.url in wanted
            ]
            if not chosen:
                names = ", ".join(c.name for c in found.calendars)
                raise CommandError(f"no calendar named {', '.join(args.calendar)}; found: {names}")
            found = account.choose(chosen)
    except CalendarError as exc:
        raise _fail(exc) from exc
    print(f"Calendar set up at {found.url} for {found.user!r} (read only).")
    reading = set(found.reading)
    for calendar in found.calendars:
        mark = "reading" if calendar.url in reading else "not read"
        print(f"  {calendar.name} ({mark})")
    _note_keyring()
    return 0


def _unlock_if_needed() -> None:
    """Session-only mode: the keyring could not keep the password; read it again."""
    from desktop.services.calendar_sync import account
    from desktop.services.calendar_sync.errors import NeedsPassword

    current = account.require()
    try:
        account.password(current)
    except NeedsPassword:
        account.keep_password(current, _read_password("Calendar password"))


def suggestions_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.calendar_sync import suggestions
    from desktop.services.calendar_sync.errors import CalendarError

    try:
        _unlock_if_needed()
        found = suggestions.suggestions()
    except CalendarError as exc:
        raise _fail(exc) from exc
    if args.json:
        print_json([s.to_json() for s in found])
        return 0
    if not found:
        print("No meetings with people you know in the last or next 30 days.")
        return 0
    for s in found:
        names = ", ".join(s.names)
        when = s.starts_at.strftime("%a %d %b %H:%M")
        verb = "Did you meet" if s.when == suggestions.PAST else "Coming up with"
        print(f"{verb} {names} — {s.title} ({when}, {s.kind.replace('_', ' ')})")
    return 0


def forget_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.calendar_sync import account

    if account.forget():
        print(
            "The calendar account and its password were removed from this computer. "
            "Nothing was changed on the server; conversations you logged stay."
        )
    else:
        print("No calendar was set up here; nothing to forget.")
    return 0


def _usage(args: argparse.Namespace) -> int:
    raise CommandError("choose an action: setup, suggestions or forget", exit_code=2)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "calendar", "meetings from your CalDAV calendar (read only)", _usage
    )
    commands = parser.add_subparsers(dest="calendar_command", metavar="ACTION")
    text = "check a CalDAV account and keep it (password on standard input)"
    sub = commands.add_parser("setup", help=text, description=text, parents=[common_options()])
    sub.add_argument("url", metavar="URL", help="the server: cal.example.com or https://…")
    sub.add_argument("--user", metavar="NAME", required=True, help="your user name there")
    sub.add_argument(
        "--calendar",
        metavar="NAME",
        action="append",
        help="read only this calendar (repeat for more; default: all)",
    )
    sub.set_defaults(handler=setup_command)
    text = "meetings with people you know: past ones to log, upcoming ones to prepare"
    sub = commands.add_parser(
        "suggestions", help=text, description=text, parents=[common_options()]
    )
    sub.add_argument("--json", action="store_true", help="print the suggestions as JSON")
    sub.set_defaults(handler=suggestions_command)
    text = "remove the calendar account and its password from this computer"
    sub = commands.add_parser("forget", help=text, description=text, parents=[common_options()])
    sub.set_defaults(handler=forget_command)
