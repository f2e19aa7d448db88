"""Shared fixtures: offscreen Qt (set before any Qt import), a fresh data folder per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest

from desktop import gc_pause
from desktop.paths import DATA_DIR_ENV


def pytest_configure(config: pytest.Config) -> None:
    """Cycles are collected on the main thread only, as in the app (desktop/gc_pause.py).

    The tests' QApplication comes from pytest-qt, not from ``create_application``, so the
    app's timer is not there: each test's teardown collects what is due instead. Without
    this, a worker thread of one test could collect an earlier test's closed windows and
    crash the run (seen on Python 3.13).
    """
    gc_pause.collect_only_on_request()


@pytest.fixture(autouse=True)
def _collect_cycles_on_the_main_thread() -> Iterator[None]:
    yield
    gc_pause.collect_due()


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user's data folder or settings."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "default-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    _fresh_qsettings(tmp_path / "config")


def _fresh_qsettings(folder: Path) -> None:
    """QSettings reads XDG_CONFIG_HOME once per process: point it at this test's folder.

    Without this, a preference one test stores (reminders switched off, say) is what the
    next test reads. Only needed once Qt is loaded; before that, the variable above rules.
    """
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    """A fresh, opened data folder; the store is closed afterwards."""
    from desktop.services import store

    folder = tmp_path / "data"
    store.open_store(folder)
    yield folder
    store.close_store()
