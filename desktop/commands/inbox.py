"""``rapport inbox``: the notes waiting in the inbox folder, and saving those that need
no correction (``--save-all``). The folder is the one chosen in Preferences, or
``--folder``. Saved notes' files are moved into ``done/`` in the folder, never deleted.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands import CommandError, add_command, open_store, print_json


def inbox_command(args: argparse.Namespace) -> int:
    folder = Path(args.folder).expanduser() if args.folder else preferred_folder()
    if folder is None:
        raise CommandError(
            "no inbox folder is set: choose one in Edit ▸ Preferences, or pass --folder DIR"
        )
    if not folder.is_dir():
        raise CommandError(f"the inbox folder {folder} does not exist (or is not a folder)")
    open_store(args)
    from desktop.services import inbox

    if args.save_all:
        saved, left = inbox.save_ready(folder)
    else:
        saved, left = [], inbox.review_all(folder)
    if args.json:
        print_json(
            {
                "folder": str(folder),
                "notes": [_json(item, saved=False) for item in left],
                "saved": [_json(item, saved=True) for item in saved],
            }
        )
        return 0
    for item in saved:
        print(f"saved  {item.note.name}: {_summary(item)}")
    if not left:
        print(f"no notes waiting in {folder}" if not saved else "nothing else waiting")
    else:
        count = len(left)
        print(f"{count} note{'s' if count != 1 else ''} waiting in {folder}:")
        for item in left:
            state = "ready" if item.ready else "needs correction: " + "; ".join(item.reasons)
            print(f"  {item.note.name}  ({item.note.modified:%a %d %b %Y %H:%M})  "
                  f"{_summary(item)} — {state}")  # fmt: skip
    return 0


def preferred_folder() -> Path | None:
    """The inbox folder chosen in Preferences (QSettings, read with QtCore alone)."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from desktop import APP_NAME, ORG_DOMAIN, ORG_NAME
    from desktop.ui.settings.keys import INBOX_FOLDER

    if not QCoreApplication.organizationName():  # as the GUI names its settings file
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
        QCoreApplication.setApplicationName(APP_NAME)
    value = QSettings().value(INBOX_FOLDER, "", type=str)
    return Path(value) if isinstance(value, str) and value.strip() else None


def _summary(item: Any) -> str:
    people = ", ".join(p.name for p in item.plan.participants) or "nobody named"
    promises = len(item.plan.promises)
    return people + (f", {promises} promise{'s' if promises != 1 else ''}" if promises else "")


def _json(item: Any, *, saved: bool) -> dict[str, Any]:
    plan = item.plan
    return {
        "file": item.note.name,
        "modified": item.note.modified.isoformat(),
        "ready": item.ready,
        "saved": saved,
        "needs": list(item.reasons),
        "people": [
            {"name": p.name, "new": p.is_new, "participant": p.participant} for p in plan.people
        ],
        "commitments": [
            {
                "owner": c.owner,
                "description": c.description,
                "due": c.due.isoformat() if c.due else None,
                "person": plan.name_of(c.person_key) or None,
            }
            for c in plan.promises
        ],
        "text": item.note.text,
    }


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "inbox",
        "list the notes waiting in the inbox folder (from your phone); --save-all saves "
        "those that need no correction",
        inbox_command,
    )
    parser.add_argument(
        "--save-all",
        action="store_true",
        help="save every note with at least one person and nothing unsure; leave the rest",
    )
    parser.add_argument("--folder", metavar="DIR", help="the inbox folder (default: Preferences)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
