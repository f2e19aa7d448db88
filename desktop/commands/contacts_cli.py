"""``rapport contacts``: keep Rapport and your address book (CardDAV) in step.

    rapport contacts setup URL --user NAME [--book NAME]   (the password on standard input)
    rapport contacts sync
    rapport contacts status [--json]
    rapport contacts forget

URL is a host name (``dav.example.com``: found through /.well-known/carddav), the
account's address or an address book's own address. The password is read from a
terminal without echo, otherwise from the first line of standard input, and kept in
the OS keyring. Exit codes: 0 done, 1 needs your attention, 2 bad usage, 75 temporary
(server down): try again later.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from desktop.commands import CommandError, add_command, common_options, open_store, print_json

TEMPORARY = 75


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"{prompt}: ")
    line = sys.stdin.readline()
    if not line:
        raise CommandError(f"expected the {prompt.lower()} on standard input")
    return line.rstrip("\r\n")


def _temporary(exc: Exception) -> bool:
    from desktop.sync.errors import RemoteUnavailable

    return isinstance(exc, RemoteUnavailable)


def setup_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.contacts_sync.account import set_up
    from desktop.sync.errors import SyncError

    secret = _read_password("Address book password")
    try:
        account = set_up(args.url, args.user, secret, args.book)
    except ValueError as exc:
        raise CommandError(str(exc), exit_code=2) from exc
    except SyncError as exc:
        raise CommandError(str(exc), TEMPORARY if _temporary(exc) else 1) from exc
    print(f"Address book: {account.book_name or account.book_url} ({account.book_url}).")
    _note_keyring()
    return _sync(args, secret)


def _note_keyring() -> None:
    from desktop.services.sync.secrets import secret_store

    store = secret_store()
    if store.session_only:
        print(f"Note: {store.problem}.", file=sys.stderr)


def _sync(args: argparse.Namespace, typed: str | None = None) -> int:
    from desktop.services.contacts_sync.account import password, remember_password, sync_now
    from desktop.sync.errors import SyncError

    if password() is None:
        remember_password(typed if typed is not None else _read_password("Address book password"))
    try:
        result = sync_now()
    except SyncError as exc:
        raise CommandError(str(exc), TEMPORARY if _temporary(exc) else 1) from exc
    if getattr(args, "json", False):
        print_json(result.to_json())
        return 0
    print(
        f"Address book synced: {result.downloaded} read, {result.created} new, "
        f"{result.updated} updated, {result.uploaded} uploaded, {result.removed} removed, "
        f"{result.gone} no longer in the address book, {result.conflicts} conflicts "
        f"({result.requests} requests, {result.seconds:.1f} s)."
    )
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def sync_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.contacts_sync.account import status

    if not status(check_keyring=False).configured:
        raise CommandError(
            "The address book is not set up (rapport contacts setup URL --user NAME)."
        )
    return _sync(args)


def status_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.contacts_sync.account import status

    current = status()
    if args.json:
        print_json(current.to_json())
        return 0
    if not current.configured:
        print("The address book is not set up (rapport contacts setup URL --user NAME).")
        return 0
    scope = (
        "everyone"
        if current.scope == "all"
        else (f"{current.scope}: {', '.join(current.scope_values) or '(none chosen)'}")
    )
    print(f"Address book {current.book!r} at {current.book_url} as {current.user}.")
    print(f"People who travel: {scope}; {current.linked} linked.")
    print(f"Last sync: {current.last_sync or 'never'}.")
    if current.last_error:
        print(f"Problem: {current.last_error}")
    if current.new_people:
        print(f"{current.new_people} new from your address book (see Today).")
    if current.gone:
        print(f"{current.gone} no longer in your address book (kept here).")
    if current.keyring_problem:
        print(f"Note: {current.keyring_problem}.")
    return 0


def forget_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.contacts_sync.account import forget

    if forget():
        print(
            "Address book sync is off: its password was removed from the keyring. Nobody was "
            "deleted, here or in the address book."
        )
    else:
        print("The address book was not set up here; nothing to forget.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "contacts",
        "keep Rapport and your address book (CardDAV) in step",
        sync_command,
    )
    parser.add_argument("--json", action="store_true", help="print the sync's result as JSON")
    commands = parser.add_subparsers(dest="contacts_command", metavar="ACTION")
    text = "connect an address book (the password on standard input) and sync"
    sub = commands.add_parser("setup", help=text, description=text, parents=[common_options()])
    sub.add_argument("url", metavar="URL", help="server, account or address book address")
    sub.add_argument("--user", metavar="NAME", required=True, help="account user name")
    sub.add_argument("--book", metavar="NAME", help="which address book (when there are several)")
    sub.set_defaults(handler=setup_command)
    text = "sync with the address book now"
    sub = commands.add_parser("sync", help=text, description=text, parents=[common_options()])
    sub.add_argument("--json", action="store_true", help="print the result as JSON")
    sub.set_defaults(handler=sync_command)
    text = "show the address book's sync status"
    sub = commands.add_parser("status", help=text, description=text, parents=[common_options()])
    sub.add_argument("--json", action="store_true", help="print the status as JSON")
    sub.set_defaults(handler=status_command)
    text = "stop syncing the address book (nobody is deleted)"
    sub = commands.add_parser("forget", help=text, description=text, parents=[common_options()])
    sub.set_defaults(handler=forget_command)
