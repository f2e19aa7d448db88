"""``rapport selftest``: open the data folder, check it (``PRAGMA quick_check``), build and
paint the main window offscreen.

Used by packaged builds and CI to prove that the bundle carries everything it needs.
"""

from __future__ import annotations

import argparse
import os

from desktop.commands import CommandError, add_command, open_store


def selftest(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = open_store(args)
    from desktop import paths
    from desktop.storage.db import check_integrity
    from desktop.storage.errors import StoreError

    try:
        check_integrity(paths.database_path(folder))
    except StoreError as exc:
        raise CommandError(f"selftest failed: {exc}") from exc
    from desktop import app

    try:
        width, height = app.paint_once(folder)
    except Exception as exc:  # any failure here is exactly what selftest reports
        raise CommandError(f"selftest failed while painting the main window: {exc!r}") from exc
    print(f"selftest ok: {folder} opened, main window painted at {width}×{height}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    add_command(
        subparsers, "selftest", "check the installation: open data, paint the window", selftest
    )
