"""The front door: ``rapport [COMMAND] …``; no command opens the main window.

Each command group lives in :mod:`desktop.commands` and registers its own subparser.
Expected failures (a bad file, an unknown name) print one line on stderr and exit 1;
bad usage exits 2 (argparse); success exits 0. Qt is imported only by commands that
show or paint something.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NoReturn

from desktop.commands import COMMAND_MODULE_NAMES, FAST_COMMANDS, CommandError

if TYPE_CHECKING:  # plain `rapport` and `rapport capture` never build a parser (#15)
    import argparse


def _parser_type() -> type[argparse.ArgumentParser]:
    """argparse, with what it quotes from the command line made safe for a terminal
    (made on first use: importing argparse is part of what plain ``rapport`` skips)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            from desktop.commands.failures import printable

            super().error(printable(message, limit=0))

    return _Parser


def build_parser(modules: tuple[str, ...] = COMMAND_MODULE_NAMES) -> argparse.ArgumentParser:
    from desktop import __version__
    from desktop.commands import common_options, load_command_modules

    parser = _parser_type()(
        prog="rapport",
        description="Rapport keeps who you know, what you talked about and what you promised.",
        parents=[common_options(top_level=True)],
    )
    parser.add_argument("--version", action="version", version=f"rapport {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in load_command_modules(modules):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(arguments)
    except KeyboardInterrupt:
        print("rapport: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        return _failed(exc, arguments)


def _run(arguments: list[str]) -> int:
    from desktop.commands.failures import not_text

    problem = not_text(arguments)
    if problem:
        print(f"rapport: {problem}", file=sys.stderr)
        return 2
    fast = _plain_fast_command(arguments)
    args = fast if fast is not None else build_parser(_modules_for(arguments)).parse_args(arguments)
    handler = getattr(args, "handler", None)
    if handler is None:
        from desktop.commands.gui import run_gui

        handler = run_gui
    try:
        if fast is not None:
            return _run_window(handler, args)
        return int(handler(args) or 0)
    except CommandError as exc:
        from desktop.commands.failures import printable

        # Messages quote what the user gave (a file's lines, a name): never raw control
        # characters, which a terminal would obey.
        print(f"rapport: {printable(str(exc), limit=0)}", file=sys.stderr)
        return exc.exit_code


def _run_window(handler: Callable[[Any], Any], args: SimpleNamespace) -> int:
    """A window's command (``rapport``, ``rapport capture``) with no cycle collection until
    its application's own collector takes over (``desktop.ui.kit.cycle_collector``, made
    with the QApplication: from then on the GUI thread collects on a timer, first after the
    first frame). Importing PySide6 and the window's modules allocates for ~100 ms and
    frees no cycles, yet CPython's collector ran ~30 times over it (~4 ms, #15). Collection
    comes back here if the command ended before making an application (a bad folder)."""
    from desktop import gc_pause

    with gc_pause.off_until_requested():
        return int(handler(args) or 0)


def _failed(exc: Exception, arguments: list[str]) -> int:
    """Anything a command did not foresee: one line on stderr, never a traceback."""
    import os

    from desktop.commands.failures import explain

    explained = explain(exc, _data_dir_argument(arguments))
    if explained is None:
        raise exc
    message, status = explained
    if os.environ.get("RAPPORT_DEBUG"):
        import traceback

        traceback.print_exception(exc)
    from desktop.commands.failures import printable

    print(f"rapport: {printable(message, limit=0)}", file=sys.stderr)
    return status


def _data_dir_argument(arguments: list[str]) -> str | None:
    for index, value in enumerate(arguments):
        if value == "--data-dir" and index + 1 < len(arguments):
            return arguments[index + 1]
        if value.startswith("--data-dir="):
            return value.partition("=")[2]
    return None


def _plain_fast_command(arguments: list[str]) -> SimpleNamespace | None:
    """``rapport [gui|capture] [--data-dir DIR]`` without building a parser; else None.

    Building argparse parsers costs ~20 ms (every help string goes through gettext,
    which searches the disk for translations each time), a tenth of a bare Qt window's
    start-up — and ``rapport capture`` sits behind a global shortcut; importing argparse
    itself is skipped too (its namespace is a ``SimpleNamespace`` with the same
    attributes). Only these exact
    shapes take the shortcut; anything else (help, typos, other options) gets the full
    parser and its messages, so the behaviour is the same either way.
    """
    rest = list(arguments)
    folder: str | None = None
    for index, value in enumerate(rest):
        if value == "--data-dir" and index + 1 < len(rest):
            folder = rest[index + 1]
            del rest[index : index + 2]
            break
        if value.startswith("--data-dir="):
            folder = value.partition("=")[2]
            del rest[index]
            break
    if folder is not None and (not folder or folder.startswith("-")):
        return None  # let argparse explain
    if rest not in ([], ["gui"], ["capture"]):
        return None
    from desktop.commands import load_command_modules

    command = rest[0] if rest else "gui"
    module = load_command_modules((FAST_COMMANDS[command],))[0]
    handler = module.capture_command if command == "capture" else module.run_gui
    return SimpleNamespace(command=command, data_dir=folder, handler=handler)


def _modules_for(arguments: list[str]) -> tuple[str, ...]:
    """Only the module a fast command needs (``rapport``, ``rapport capture``); all for the rest.

    Help and unknown words get the full parser, so ``--help`` always lists everything.
    """
    if any(a in ("-h", "--help") for a in arguments):
        return COMMAND_MODULE_NAMES
    words = [a for a in arguments if not a.startswith("-")]
    # A value of --data-dir is not a command word.
    for index, value in enumerate(arguments[:-1]):
        if value == "--data-dir" and arguments[index + 1] in words:
            words.remove(arguments[index + 1])
    if not words:
        return ("gui",)
    module = FAST_COMMANDS.get(words[0])
    return (module,) if module else COMMAND_MODULE_NAMES


if __name__ == "__main__":
    sys.exit(main())
