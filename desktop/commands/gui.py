"""``rapport`` / ``rapport gui``: open the main window on the data folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.commands import add_command, data_dir

if TYPE_CHECKING:
    import argparse


def run_gui(args: argparse.Namespace) -> int:
    from desktop import app

    return app.run(data_dir(args))


def register(subparsers: argparse._SubParsersAction) -> None:
    add_command(subparsers, "gui", "open the main window (the default)", run_gui)
