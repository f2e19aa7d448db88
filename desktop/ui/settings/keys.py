"""Every QSettings key Rapport uses, declared in one place, with a settings version.

Only window state and preferences live here — geometry, splitter positions, the last
view, the people list's sort, when reminders come — never user data (that is the
database's job) and never secrets. The organisation and application names that place
the file are set by :func:`desktop.app.create_application`.

:data:`SETTINGS_VERSION` numbers the meaning of these keys: when a key is renamed or
its format changes, bump it and teach :func:`upgrade` the step, so a settings file
written by an older Rapport is read correctly (and one from a newer Rapport is left
alone).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1
VERSION = "settings/version"

# Window state (the main window).
GEOMETRY = "window/geometry"
STATE = "window/state"
LAST_VIEW = "window/lastView"
SPLITTER_PREFIX = "splitters/"  # + "people", "person", "events"
PEOPLE_SORT = "people/sort"
SECTION_PREFIX = "sections/"  # + a folding section's name ("personDetails"…): open or not
STATE_VERSION = 1  # QMainWindow.saveState's own version number (toolbars, docks)

# Preferences (Edit ▸ Preferences…): reminders while Rapport runs in the tray.
REMINDERS_ENABLED = "reminders/enabled"
REMINDERS_PROMISES_TIME = "reminders/promises_time"
REMINDERS_DIGEST_TIME = "reminders/digest_time"
REMINDERS_LAST_PREFIX = "reminders/last_"  # + "promises", "digest": the day last shown
# Preferences: appearance, new people, printing (issue #13).
THEME = "appearance/theme"  # "system" | "light" | "dark"
DEFAULT_CADENCE = "people/defaultCadence"  # days, or 0 for the circle's pace
PAPER_SIZE = "printing/paperSize"  # "auto" (by locale) | "A4" | "Letter"
REMINDERS_DATES_TIME = "reminders/dates_time"
REMINDERS_DATES_DAYS = "reminders/dates_days_before"  # 1: the morning before
DEFAULT_PROMISES_TIME = "09:00"
DEFAULT_DATES_TIME = "08:30"
DEFAULT_DATES_DAYS = 1
DEFAULT_DIGEST_TIME = "09:05"

# Preferences: the inbox folder, where notes written on a phone arrive (desktop.services.inbox).
INBOX_FOLDER = "inbox/folder"


def settings() -> QSettings:
    return QSettings()


def read_bytes(key: str) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_text(key: str, default: str) -> str:
    value = settings().value(key, default, type=str)
    return value if isinstance(value, str) and value else default


def read_bool(key: str, default: bool) -> bool:
    return bool(settings().value(key, default, type=bool))


def read_int(key: str, default: int) -> int:
    try:
        return int(settings().value(key, default))
    except (TypeError, ValueError):
        return default


def write(key: str, value: object) -> None:
    settings().setValue(key, value)


def upgrade() -> int:
    """Bring the settings file to :data:`SETTINGS_VERSION`; returns the version found.

    Version 1 is the first numbered one (files without a number hold the same keys).
    A file from a newer Rapport is not touched.
    """
    found = int(settings().value(VERSION, 0, type=int) or 0)
    if found < SETTINGS_VERSION:
        write(VERSION, SETTINGS_VERSION)
    return found
