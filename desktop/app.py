"""Composition root: the QApplication, its names and icon, the database, the main window.

Only this module, ``desktop/ui`` and the print layer import Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.ui.kit import pyside_import  # noqa: F401  (before PySide6: see that module)

# isort: split

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, ORG_DOMAIN, ORG_NAME, __version__, paths
from desktop.storage.errors import StoreError
from desktop.ui.kit.cycle_collector import install_cycle_collector

if TYPE_CHECKING:
    from desktop.services.store import FirstLook


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named so QSettings and QStandardPaths find our folders."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        install_cycle_collector(existing)
        return existing
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    QGuiApplication.setDesktopFileName("rapport")
    # QIcon(path), not ``icons.icon("app")``: that module names the ``Qt`` namespace
    # (~13 ms of enums), which ``rapport capture``'s first frame does without (#15).
    icon = paths.resource("icons", "app.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_cycle_collector(app)  # no Qt object may die on a worker thread
    return app


def open_data(folder: Path) -> str | None:
    """Open the store; return a user-facing error message instead of raising."""
    from desktop.services.store import open_store
    from desktop.storage.errors import StoreError

    report, close = _upgrade_dialog()
    try:
        open_store(folder, report)
    except StoreError as exc:
        return str(exc)
    finally:
        close()
    return None


def _upgrade_dialog():  # -> (report, close): shown only if an upgrade reports progress
    """A progress dialog for a long database upgrade (issue #15: the compaction of a large
    file takes a while); created on the first report, so a normal start shows nothing."""
    import time

    shown: dict[str, object] = {}

    def report(what: str, done: int, total: int) -> None:
        from PySide6.QtWidgets import QApplication, QProgressDialog

        dialog = shown.get("dialog")
        if dialog is None:
            dialog = QProgressDialog()
            dialog.setObjectName("upgradeProgressDialog")
            dialog.setWindowTitle(APP_NAME)
            dialog.setAccessibleName("Upgrading the database")
            dialog.setCancelButton(None)
            dialog.setMinimumDuration(0)
            shown["dialog"], shown["at"] = dialog, 0.0
        dialog.setLabelText(f"Upgrading your data: {what}…")
        dialog.setRange(0, max(total, 0))
        if total:
            dialog.setValue(min(done, total))
        now = time.monotonic()
        if now - float(shown["at"]) >= 0.1:  # repaint ten times a second at most
            shown["at"] = now
            dialog.show()
            QApplication.processEvents()

    def close() -> None:
        dialog = shown.pop("dialog", None)
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    return report, close


def build_main_window(folder: Path, first_look: FirstLook | None = None):  # -> MainWindow
    """The main window (its module is imported here, for start-up time); ``first_look``
    when the store's full open waits for its first frame (see ``run``)."""
    from desktop.ui.shell.main_window import MainWindow

    return MainWindow(folder, first_look)


def first_look(folder: Path) -> FirstLook | None:
    """The first frame's values of ``folder``'s database, the store's full open deferred
    until after that frame (or the store's first use) — or ``None``: open it now with
    :func:`open_data` (new, older, newer, damaged, locked: it upgrades or refuses)."""
    from desktop.services import store

    look = store.first_look(folder)
    if look is not None:
        store.open_after_first_look(folder)
    return look


def _refused_after_frame(app: QApplication, window, message: str) -> None:
    """The full open after the first frame refused the file (changed since the first
    look): the same message and choices as a refusal before the window, then exit."""
    from desktop.ui.shell.damaged import recover

    window.hide()
    recover(window.data_folder, message)
    window.close()
    app.exit(1)


def run(folder: Path) -> int:
    """Start the GUI on ``folder``; a database problem is shown, never overwritten.

    When Rapport already runs on ``folder``, its window is raised instead and this
    process exits: one instance, one database connection per data folder.
    """
    app = create_application()
    from desktop.ui.settings.theme import apply_theme
    from desktop.ui.shell.instance_lock import try_claim

    apply_theme()  # the theme chosen in Preferences (system: nothing to do)

    pending: list[tuple[str, dict]] = []
    # The usual case, no other Rapport here: take the folder's lock (QtCore) and listen
    # for later launches (QtNetwork) after the first frame; they wait for the socket.
    lock = try_claim(folder)
    server = None
    if lock is None:  # another one holds it: hand it our request, or wait for it to go
        from desktop.ui.shell.single_instance import claim_or_forward

        server = claim_or_forward(
            folder, "show", lambda action, data: pending.append((action, data))
        )
        if server is None:
            return 0
    # The plain case (#15): the first frame's values are read without peewee, and the
    # store's full open — same checks, same pragmas — follows the frame, before anything
    # reads or writes through it. Anything else opens (upgrades, refuses) here, as always.
    look = first_look(folder)
    problem = None if look is not None else open_data(folder)
    window = None
    if not problem:
        try:
            window = build_main_window(folder, look)
        except StoreError as exc:  # the file changed since the first look
            problem = str(exc)
    if problem:
        from desktop.ui.shell.damaged import recover

        # a damaged file: offer to save what reads and to restore the newest good backup
        if not recover(folder, problem) or open_data(folder) is not None:
            return 1
        window = build_main_window(folder)
    from desktop.ui.shell.session import DesktopSession, report_first_paint_if_asked

    window.storeRefused.connect(lambda message: _refused_after_frame(app, window, message))

    report_first_paint_if_asked(window)
    window.show()

    session = DesktopSession(app, window, folder)
    session.start(server)
    # SIGTERM quits like File ▸ Quit from the first frame on (before it nothing can be
    # unsaved); installed before later launches can find us, which also follows it.
    window.after_first_paint(lambda: _quit_on_termination(app))
    if lock is not None:
        window.after_first_paint(lambda: session.serve(lock))
    for action, data in pending:  # requests that arrived while we were starting
        session.handle_request(action, data)
    return app.exec()


def run_capture(folder: Path) -> int:
    """``rapport capture``: only the capture window; the store opens after its first paint,
    and SIGTERM is handled from then on (see ``standalone.run_standalone``)."""
    app = create_application()
    from desktop.ui.capture.standalone import run_standalone

    return run_standalone(app, folder, open_data, build_main_window)


def _quit_on_termination(app: QApplication) -> None:
    from desktop.ui.shell.termination import quit_on_termination

    quit_on_termination(app)


def paint_once(folder: Path) -> tuple[int, int]:
    """Build the main window and render it once to an image (``rapport selftest``)."""
    create_application()
    window = build_main_window(folder)
    window.resize(1100, 720)
    image = window.grab()
    if image.isNull():
        raise RuntimeError("the main window rendered to an empty image")
    size = (image.width(), image.height())
    window.close()
    window.deleteLater()
    return size
