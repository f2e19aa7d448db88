"""The front door: ``rapport [COMMAND] …``; no command opens the main window.

Each command group lives in :mod:`desktop.commands` and registers its own subparser.
Expected failures (a bad file, an unknown name) print one line on stderr and exit 1;
bad usage exits 2 (argparse); success exits 0. Qt is imported only by commands that
show or paint something.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.commands import COMMAND_MODULES, CommandError, common_options


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rapport",
        description="Rapport keeps who you know, what you talked about and what you promised.",
        parents=[common_options(top_level=True)],
    )
    parser.add_argument("--version", action="version", version=f"rapport {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        from desktop.commands.gui import run_gui

        handler = run_gui
    try:
        return int(handler(args) or 0)
    except CommandError as exc:
        print(f"rapport: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("rapport: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
