"""GUI fixtures: the real main window on a fresh data folder, plus dialog helpers.

The window is built exactly as the app builds it (after the store is opened by the
``data_dir`` fixture) and registered with ``qtbot.addWidget`` so it is closed — pending
edits committed, background readers stopped — before the store closes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox


@pytest.fixture
def settings_names(qapp: QApplication) -> Iterator[None]:
    """Window state in a settings file of its own, emptied per test, names put back after."""
    before = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("Rapport Tests")
    QCoreApplication.setApplicationName("Rapport GUI Tests")
    QSettings().clear()
    yield
    QSettings().clear()
    QCoreApplication.setOrganizationName(before[0])
    QCoreApplication.setApplicationName(before[1])


@pytest.fixture
def make_window(qtbot, data_dir: Path, settings_names: None) -> Iterator[Callable[[], object]]:
    """Build (another) main window on the test's data folder, shown and idle."""
    from desktop.ui.shell.main_window import MainWindow

    def build() -> MainWindow:
        window = MainWindow(data_dir)
        qtbot.addWidget(window)
        window.resize(1280, 820)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.wait_until_idle, timeout=10_000)
        return window

    yield build


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def ana(data_dir: Path) -> str:
    """One person with a little history, created through the services."""
    from desktop.services import commitments, conversations, people

    pid = people.create_person(
        full_name="Ana Ruiz",
        headline="Product lead",
        organization="Acme",
        circle="close",
        tags=["sailing", "python"],
    )
    conversations.log_conversation(
        participants=[pid],
        happened_at=datetime.now() - timedelta(days=20),
        notes="Kids love sailing; she is hiring a designer.",
        depth="personal",
    )
    commitments.make_commitment(
        owner="me",
        person_id=pid,
        description="send her the deck",
        due=date.today() - timedelta(days=2),
    )
    return pid


@pytest.fixture
def ben(data_dir: Path) -> str:
    from desktop.services import people

    return people.create_person(full_name="Ben Okafor", organization="Globex", circle="network")


def answer_next_dialog(
    qtbot, fill: Callable[[QDialog], None], *, accept: bool = True
) -> list[QDialog]:
    """Fill the next modal dialog as soon as it opens, then press OK (or Cancel).

    Returns a list that receives the dialog, so a test can assert it really appeared.
    """
    seen: list[QDialog] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, handle)
            return
        seen.append(dialog)
        fill(dialog)
        buttons = dialog.findChild(QDialogButtonBox)
        role = (
            QDialogButtonBox.StandardButton.Ok if accept else QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(role).click()
        if dialog.isVisible():  # the dialog refused the input: give up rather than hang
            dialog.reject()

    QTimer.singleShot(0, handle)
    return seen
