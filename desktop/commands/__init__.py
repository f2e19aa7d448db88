"""Command-line subcommands, one module per group; each exposes ``register(subparsers)``.

Shared here: the ``--data-dir`` option every command takes, opening the store with the
store's own clear errors turned into one-line messages, and JSON output helpers.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import paths

if TYPE_CHECKING:  # argparse and json load when a parser or a --json output is made:
    import argparse  # plain `rapport` (the window) starts without them (#15)


class CommandError(Exception):
    """An expected failure: printed as one line, no traceback."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def common_options(*, top_level: bool = False) -> argparse.ArgumentParser:
    """``--data-dir`` on the main parser and on every subcommand."""
    import argparse

    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None if top_level else argparse.SUPPRESS,
        help=f"data folder (default: ${paths.DATA_DIR_ENV} or the OS's app-data folder)",
    )
    return parent


def data_dir(args: argparse.Namespace) -> Path:
    return paths.data_dir(getattr(args, "data_dir", None))


def _upgrade_line() -> Any:
    """A long upgrade's progress on stderr: one line per phase (stdout may be --json)."""
    said: set[str] = set()

    def report(what: str, done: int, total: int) -> None:
        if what not in said:
            said.add(what)
            print(f"rapport: upgrading the database: {what}…", file=sys.stderr, flush=True)

    return report


def open_store(args: argparse.Namespace) -> Path:
    """Open the data folder's database or fail with the store's own one-line advice."""
    from desktop.services.store import open_store as _open
    from desktop.storage.db import take_notices
    from desktop.storage.errors import StoreError

    folder = data_dir(args)
    try:
        _open(folder, _upgrade_line())
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    for notice in take_notices():
        print(f"rapport: note: {notice}", file=sys.stderr)
    return folder


def at_least(minimum: int, maximum: int = 1_000_000_000) -> Any:
    """An argparse type: a whole number from ``minimum`` to ``maximum``, else a usage error."""
    import argparse

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not minimum <= value <= maximum:
            raise argparse.ArgumentTypeError(
                f"{value} is out of range; choose from {minimum} to {maximum:,}"
            )
        return value

    parse.__name__ = "number"
    return parse


def print_json(value: Any) -> None:
    import json

    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


def add_command(
    subparsers: argparse._SubParsersAction, name: str, help_text: str, handler: Any
) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        name, help=help_text, description=help_text, parents=[common_options()]
    )
    parser.set_defaults(handler=handler)
    return parser


#: Modules under desktop.commands, in help order; each has ``register(subparsers)``.
COMMAND_MODULE_NAMES = (
    "gui",
    "capture",
    "inbox",
    "demo",
    "people_cli",
    "selftest",
    "brief",
    "sync_cli",
    "calendar_cli",
    "transfer",
    "contacts_cli",
)
#: Commands whose start-up time matters, mapped to the one module that serves them: the
#: front door then imports only that module (``rapport capture`` is bound to a hotkey).
FAST_COMMANDS = {"capture": "capture", "gui": "gui"}


def load_command_modules(names: tuple[str, ...] = COMMAND_MODULE_NAMES) -> list[Any]:
    import importlib

    return [importlib.import_module(f"desktop.commands.{name}") for name in names]
