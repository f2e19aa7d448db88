"""Window state remembered between runs (QSettings), declared in one place.

Only window state lives here — geometry, splitter positions, the last view, the
people list's sort — never user data (that is the database's job) and never secrets.
The organisation and application names that place the file are set by
:func:`desktop.app.create_application`.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

GEOMETRY = "window/geometry"
STATE = "window/state"
LAST_VIEW = "window/lastView"
SPLITTER_PREFIX = "splitters/"
PEOPLE_SORT = "people/sort"
STATE_VERSION = 1


def settings() -> QSettings:
    return QSettings()


def read_bytes(key: str) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_text(key: str, default: str) -> str:
    value = settings().value(key, default, type=str)
    return value if isinstance(value, str) and value else default


def write(key: str, value: object) -> None:
    settings().setValue(key, value)
