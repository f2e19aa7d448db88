"""The one owner of user-data folders and bundled resources.

Everything that needs a folder asks here, so that ``--data-dir``/``RAPPORT_DATA_DIR``,
the OS conventions and a frozen (PyInstaller) bundle are handled in exactly one place.
Qt-free on purpose: the CLI and tests use it without a display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop import APP_NAME

DATA_DIR_ENV = "RAPPORT_DATA_DIR"
DATABASE_NAME = "rapport.sqlite3"


def default_data_dir() -> Path:
    """The OS's per-user application-data folder for Rapport (never beside the program)."""
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        return base / APP_NAME
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_NAME.lower()


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the data folder: explicit override, then the environment, then the OS default."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    return Path(chosen).expanduser().resolve() if chosen else default_data_dir()


def database_path(folder: Path) -> Path:
    return folder / DATABASE_NAME


def backups_dir(folder: Path) -> Path:
    return folder / "backups"


def resources_dir() -> Path:
    """Bundled read-only resources, whether frozen, installed from a wheel or run from source."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package_dir = Path(__file__).resolve().parent
    source_tree = package_dir.parent / "resources"
    if source_tree.is_dir():
        return source_tree
    return package_dir / "_resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
