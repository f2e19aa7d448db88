"""``rapport sync``: set up end-to-end encrypted sync and run it from the terminal.

    rapport sync create TARGET   make a new vault there (asks a new passphrase)
    rapport sync join TARGET     join the vault there (asks its passphrase)
    rapport sync                 one cycle: push, pull; prints pushed/pulled/conflicts
    rapport sync status [--json]
    rapport sync forget          leave the vault on this device (data stays)
    rapport sync remove-device DEVICE   a device was lost: stop trusting it (asks the
                                 passphrase, then a NEW passphrase twice)
    rapport sync unlock          type the passphrase once after another device changed the key

TARGET is a folder, an http(s):// WebDAV address (``--user NAME``) or
``s3://BUCKET/PREFIX`` (``--endpoint URL --access-key ID``). Secrets are prompted for
on a terminal; otherwise the passphrase and then the password/secret are read from
standard input, one per line (``remove-device``: the current passphrase, the new one, the
new one again, then the password/secret). Exit codes: 0 done, 1 needs your attention, 2 bad usage,
75 temporary (server down, disk full): try again later.
"""

from __future__ import annotations

import argparse
import functools
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

from desktop.commands import CommandError, add_command, common_options, open_store, print_json

RECOVERY_REMINDER = (
    "Keep this passphrase somewhere safe (a password manager, or on paper at home). "
    "You need it to add another device, and nobody — not even Rapport — can recover it."
)
TEMPORARY = 75


class _Secrets:
    """Reads secrets in the documented order: from a terminal, or one per stdin line."""

    def __init__(self) -> None:
        self.interactive = sys.stdin.isatty()

    def read(self, prompt: str, *, confirm: bool = False) -> str:
        if self.interactive:
            value = getpass.getpass(f"{prompt}: ")
            if confirm and getpass.getpass(f"{prompt} (again): ") != value:
                raise CommandError("the two entries differ; nothing was changed")
            return value
        line = sys.stdin.readline()
        if not line:
            raise CommandError(f"expected the {prompt.lower()} on standard input")
        return line.rstrip("\r\n")


def _target(args: argparse.Namespace) -> Any:
    from desktop.sync.targets import parse_target

    try:
        return parse_target(
            args.target,
            user=args.user or "",
            endpoint=args.endpoint or "",
            access_key=args.access_key or "",
            region=args.region or "",
            insecure_http=getattr(args, "insecure_http", False),
        )
    except ValueError as exc:
        raise CommandError(str(exc), exit_code=2) from exc


def _fail(exc: Exception) -> CommandError:
    return CommandError(str(exc), TEMPORARY if getattr(exc, "retry", False) else 1)


def _timed(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """With RAPPORT_SYNC_TIMINGS=1, print where the command's time went to stderr (one
    ``timings: {json}`` line; see :mod:`desktop.sync.timings`), even when it fails."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        from desktop.sync import timings

        if not timings.wanted():
            return handler(args)
        try:
            with timings.phase("command_s"):
                return handler(args)
        finally:
            timings.record_process_cpu()
            print(f"timings: {json.dumps(timings.totals())}", file=sys.stderr)

    return run


def _open_store(args: argparse.Namespace) -> None:
    from desktop.sync import timings

    with timings.phase("open_store_s"):
        open_store(args)


def _note_keyring() -> None:
    from desktop.services.sync.secrets import secret_store

    store = secret_store()
    if store.session_only:
        print(f"Note: {store.problem}.", file=sys.stderr)


def _setup(args: argparse.Namespace, create: bool) -> int:
    _open_store(args)
    from desktop.services.sync.setup import create_vault, join_vault
    from desktop.sync import timings
    from desktop.sync.errors import SyncError

    target = _target(args)
    if target.insecure_http:
        print(
            f"Warning: {target.location} is plain http://: your password travels unencrypted "
            "(your data stays encrypted). Use https:// where you can.",
            file=sys.stderr,
        )
    reader = _Secrets()
    passphrase = reader.read("New sync passphrase" if create else "Sync passphrase", confirm=create)
    secret = (
        reader.read(f"{target.describe()} {target.secret_name}") if target.needs_secret else None
    )
    action = create_vault if create else join_vault
    try:
        with timings.phase("setup_s"):
            config = action(
                target=target, passphrase=passphrase, secret=secret, device_name=args.device_name
            )
    except SyncError as exc:
        raise _fail(exc) from exc
    verb = "Created a new sync vault at" if create else "Joined the sync vault at"
    print(f"{verb} {target.describe()} as {config.device_name!r}.")
    if create:
        print(RECOVERY_REMINDER)
    _note_keyring()
    return _cycle(args, quiet_json=False)


@_timed
def create_command(args: argparse.Namespace) -> int:
    return _setup(args, create=True)


@_timed
def join_command(args: argparse.Namespace) -> int:
    return _setup(args, create=False)


def _unlock_if_needed() -> None:
    """Session-only mode: ask (or read) what the keyring could not keep."""
    from desktop.services.sync.secrets import missing_secrets, unlock_session
    from desktop.sync.errors import SyncError

    missing = missing_secrets()
    if not missing:
        return
    reader = _Secrets()
    passphrase = reader.read("Sync passphrase") if "passphrase" in missing else None
    others = [m for m in missing if m != "passphrase"]
    secret = reader.read(f"Sync {others[0]}") if others else None
    try:
        unlock_session(passphrase=passphrase, secret=secret)
    except SyncError as exc:
        raise _fail(exc) from exc


def _cycle(args: argparse.Namespace, quiet_json: bool = True) -> int:
    from desktop.services.sync.cycle import sync_now
    from desktop.sync import timings
    from desktop.sync.errors import SyncError

    with timings.phase("unlock_s"):
        _unlock_if_needed()
    try:
        with timings.phase("cycle_s"):
            result = sync_now()
    except SyncError as exc:
        raise _fail(exc) from exc
    # Refused or stuck updates need the user: exit 1 (a script must not read it as done).
    status = 1 if result.needs_attention else 0
    if getattr(args, "json", False) and quiet_json:
        print_json({**result.to_json(), "needs_attention": result.needs_attention})
        return status
    print(
        f"Synced: pushed {result.pushed}, pulled {result.pulled}, "
        f"conflicts {result.conflicts} ({result.seconds:.1f} s)."
    )
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if result.needs_attention:
        print(
            f"Attention: {result.refused} update(s) from other devices were refused and "
            f"{result.stuck} device(s) are stuck; nothing of theirs was applied (see the "
            "warnings above).",
            file=sys.stderr,
        )
    return status


@_timed
def cycle_command(args: argparse.Namespace) -> int:
    _open_store(args)
    return _cycle(args)


def status_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.sync.devices import devices
    from desktop.services.sync.status import status as sync_status

    status = sync_status()
    if args.json:
        print_json(
            {
                **status.to_json(),
                "devices": [
                    {
                        "id": d.device_id,
                        "name": d.name,
                        "platform": d.platform,
                        "segments": d.applied,
                        "this_device": d.this_device,
                        "removed": d.removed,
                    }
                    for d in devices()
                ],
            }
        )
        return 0
    if not status.configured:
        print(f"Sync is off for this data folder. {status.pending} local changes so far.")
        return 0
    print(f"Syncing with {status.target} as {status.device_name!r}.")
    print(f"Last sync: {status.last_sync_at or 'never'}; {status.pending} changes waiting.")
    if status.last_error:
        print(f"Problem: {status.last_error}")
    if status.unseen_conflicts:
        print(f"{status.unseen_conflicts} conflicting values kept for you to review.")
    if status.keyring_problem:
        print(f"Note: {status.keyring_problem}.")
    for device in devices():
        mark = " (this device)" if device.this_device else ""
        mark += " (removed)" if device.removed else ""
        print(f"  device {device.name}{mark}: {device.applied} updates")
    return 0


def forget_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.sync.setup import forget_this_device
    from desktop.services.sync.status import status

    if not status(check_keyring=False).configured:
        print("Sync was not set up here; nothing to forget.")
        return 0
    forget_this_device()
    print(
        "This device has left the sync vault: its keys were removed from the keyring and all "
        "your data stays here. Nothing was deleted from the vault."
    )
    return 0


def _passphrase_and_secret(reader: _Secrets) -> tuple[str, str | None]:
    """The passphrase, then the remote password/secret if this run does not have it."""
    from desktop.services.sync.secrets import missing_secrets

    passphrase = reader.read("Sync passphrase")
    others = [m for m in missing_secrets() if m != "passphrase"]
    return passphrase, reader.read(f"Sync {others[0]}") if others else None


def remove_device_command(args: argparse.Namespace) -> int:
    """A device was lost: rotate the vault's key and refuse its later updates."""
    open_store(args)
    from desktop.services.sync.devices import remove_device
    from desktop.services.sync.secrets import missing_secrets, unlock_session
    from desktop.services.sync.status import status
    from desktop.sync.errors import SyncError

    if not status(check_keyring=False).configured:
        raise CommandError("Sync is not set up for this data folder (rapport sync create/join).")
    reader = _Secrets()
    passphrase = reader.read("Sync passphrase")
    # the lost device's holder may know the current passphrase: the new key is wrapped
    # only under a new one (stdin order: current, new, new again, then the remote secret)
    new = reader.read("New sync passphrase")
    if reader.read("New sync passphrase (again)") != new:
        raise CommandError("the two entries of the new passphrase differ; nothing was changed")
    others = [m for m in missing_secrets() if m != "passphrase"]
    secret = reader.read(f"Sync {others[0]}") if others else None
    try:
        if secret is not None:
            unlock_session(secret=secret)
        removed = remove_device(device=args.device, passphrase=passphrase, new_passphrase=new)
    except SyncError as exc:
        raise _fail(exc) from exc
    if args.json:
        print_json(removed.to_json())
        return 0
    print(
        f"Removed {removed.name!r} from the sync vault. Its updates after number "
        f"{removed.last_accepted} will be refused, and this device now seals with a new key."
    )
    print(
        "The vault now opens only with the NEW passphrase: your other devices will ask for it "
        "once (rapport sync unlock). Also change the WebDAV app password or S3 key the lost "
        "device knew. Nothing was deleted."
    )
    return 0


def unlock_command(args: argparse.Namespace) -> int:
    """Type the passphrase once after another device changed the vault's key."""
    open_store(args)
    from desktop.services.sync.secrets import unlock_session
    from desktop.services.sync.status import status
    from desktop.sync.errors import SyncError

    if not status(check_keyring=False).configured:
        raise CommandError("Sync is not set up for this data folder (rapport sync create/join).")
    passphrase, secret = _passphrase_and_secret(_Secrets())
    try:
        unlock_session(passphrase=passphrase, secret=secret)
    except SyncError as exc:
        raise _fail(exc) from exc
    print("Unlocked: this device has the vault's current key.")
    _note_keyring()
    return _cycle(args, quiet_json=False)


def _target_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="TARGET", help="folder, https://… or s3://BUCKET/PREFIX")
    parser.add_argument("--user", metavar="NAME", help="WebDAV user name")
    parser.add_argument("--endpoint", metavar="URL", help="S3 endpoint, e.g. https://s3.…")
    parser.add_argument("--access-key", metavar="ID", help="S3 access key id")
    parser.add_argument("--region", metavar="REGION", help="S3 region (default us-east-1)")
    parser.add_argument("--device-name", metavar="NAME", help="how other devices see this one")
    parser.add_argument(
        "--insecure-http",
        action="store_true",
        help="allow a plain http:// WebDAV address on another machine (the password is "
        "sent unencrypted; only on a network you trust)",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "sync", "end-to-end encrypted sync between your devices", cycle_command
    )
    parser.add_argument("--json", action="store_true", help="print the cycle's result as JSON")
    commands = parser.add_subparsers(dest="sync_command", metavar="ACTION")
    for name, handler, text in (
        ("create", create_command, "create a new sync vault at TARGET"),
        ("join", join_command, "join the sync vault at TARGET"),
    ):
        sub = commands.add_parser(name, help=text, description=text, parents=[common_options()])
        _target_options(sub)
        sub.set_defaults(handler=handler)
    sub = commands.add_parser(
        "status",
        help="show sync status",
        description="show sync status",
        parents=[common_options()],
    )
    sub.add_argument("--json", action="store_true", help="print the status as JSON")
    sub.set_defaults(handler=status_command)
    sub = commands.add_parser(
        "forget",
        help="leave the vault on this device (your data stays)",
        description="leave the vault on this device (your data stays)",
        parents=[common_options()],
    )
    sub.set_defaults(handler=forget_command)
    text = (
        "a device was lost or stolen: remove it from the vault (asks the passphrase, then a "
        "new passphrase twice)"
    )
    sub = commands.add_parser(
        "remove-device", help=text, description=text, parents=[common_options()]
    )
    sub.add_argument("device", metavar="DEVICE", help="its name or id (see rapport sync status)")
    sub.add_argument("--json", action="store_true", help="print what was done as JSON")
    sub.set_defaults(handler=remove_device_command)
    text = "type the passphrase once after another device changed the vault's key"
    sub = commands.add_parser("unlock", help=text, description=text, parents=[common_options()])
    sub.set_defaults(handler=unlock_command)
