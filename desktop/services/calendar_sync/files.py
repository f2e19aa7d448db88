"""The calendar's small local state: one JSON file in the data folder, written atomically.

It holds the account (server address, user, chosen calendars — never the password,
which lives in the OS keyring) and the user's answers to suggestions, by meeting key
(see ``desktop.domain.meetings.Meeting.key``): "logged", "dismissed" or "event". None
of it is synced or user data: losing the file means re-entering the server address and
being asked again about recent meetings — and asking again never logs twice (see
``suggestions.accept``).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from desktop.services.calendar_sync.errors import CalendarError

FILE_NAME = "calendar.json"
_lock = threading.RLock()  # the GUI thread and a fetching worker may both write


def data_folder() -> Path:
    """The open database's folder — also from a worker thread, whose own connection may
    not be open yet (``backups.open_data_dir`` asks the calling thread's connection)."""
    from desktop.storage.models import database

    name = getattr(database.obj, "database", None)
    if not isinstance(name, str) or name in ("", ":memory:"):
        raise CalendarError("No data folder is open.")
    return Path(database.obj.database).parent


def state_path() -> Path:
    return data_folder() / FILE_NAME


def read() -> dict[str, Any]:
    """The whole state ({} when there is none yet; a damaged file is named, not guessed)."""
    path = state_path()
    with _lock:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise CalendarError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CalendarError(
            f"{path} is damaged ({exc}); remove it and set up the calendar again."
        ) from exc
    return data if isinstance(data, dict) else {}


def write(data: dict[str, Any]) -> None:
    """Replace the file in one step: a crash leaves the old file or the new one, whole."""
    path = state_path()
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    with _lock:
        handle, temp = tempfile.mkstemp(prefix=".calendar-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, path)
        except OSError as exc:
            Path(temp).unlink(missing_ok=True)
            raise CalendarError(f"Cannot write {path}: {exc.strerror or exc}") from exc


def update(key: str, value: Any) -> dict[str, Any]:
    """Set one top-level entry (None removes it) and write; returns the new state."""
    with _lock:
        data = read()
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
        write(data)
        return data
