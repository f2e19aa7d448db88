"""``rapport capture``: the capture window alone, on screen before the database is open.

The order is what makes it fast (the target is 1.5× a bare PySide6 window): read the
draft with plain ``sqlite3`` (no Peewee), build and show the window, and only after its
first paint open the store — Peewee, schema checks, the name list and today's events.
Keys typed in between are not lost: they queue in the event loop, and the draft is
written as soon as the store is open.

One Rapport per data folder (:mod:`desktop.ui.shell.single_instance`): when Rapport already
runs on the folder, ``rapport capture`` hands it a "capture" request and exits — that
window shows its capture window, and its views see the save at once. Otherwise this
process becomes the instance: a later ``rapport capture`` raises this window, a later
``rapport`` opens the main window here.

Hiding the window (Esc, closing it, or the confirmation after saving) ends the process,
after the draft is safely written — unless the main window was opened meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services import drafts
from desktop.ui.capture.window import DRAFT_KEY, CaptureWindow

if TYPE_CHECKING:
    from desktop.ui.shell.single_instance import InstanceServer

HOOK_ENVS = ("RAPPORT_TEST_TYPE", "RAPPORT_TEST_REPORT", "RAPPORT_BENCH_PAINT")

FALLBACK_OPEN_MS = 500  # open the store even if no paint arrives (a minimised start)


def run_standalone(
    app: QApplication,
    folder: Path,
    open_data: Callable[[Path], str | None],
    build_main_window: Callable[[Path], QWidget],
) -> int:
    """Show the capture window for ``folder`` and run until it is hidden."""
    from desktop.ui.shell import instance_probe

    requests: list[tuple[str, dict]] = []
    server: InstanceServer | None = None
    if instance_probe.probe_supported():
        # Ask over a plain Unix socket now; QtNetwork loads after the first paint.
        if instance_probe.send_to_running(folder, "capture"):
            return 0  # the running Rapport shows its capture window
    else:
        from desktop.ui.shell.single_instance import claim_or_forward

        server = claim_or_forward(
            folder, "capture", lambda action, data: requests.append((action, data))
        )
        if server is None:
            return 0
    window = CaptureWindow(store_ready=False, restored=drafts.peek(folder, DRAFT_KEY))
    if any(os.environ.get(name) for name in HOOK_ENVS):
        from desktop.ui.capture import hooks

        hooks.install(window)
    opened = False

    def open_store() -> None:
        nonlocal opened
        if opened:
            return
        opened = True
        # SIGTERM saves the draft like closing does — from the first paint on: before it
        # nothing can have been typed, and the handler's module waits for the frame.
        from desktop.ui.shell.termination import quit_on_termination

        quit_on_termination(app)
        if not claim():
            return
        problem = open_data(folder)
        if problem:
            window.store_failed(problem)
        else:
            window.attach_store()

    main: list[QWidget] = []

    def finish() -> None:
        open_store()  # hidden before the store opened: it still gets the draft
        window.save_draft()
        if not any(w.isVisible() for w in main):
            app.quit()

    def handle(action: str, _data: dict) -> None:
        if action == "capture":
            window.present()
        elif action == "show":
            open_store()
            if not main:
                main.append(build_main_window(folder))
            main[0].show()
            main[0].raise_()
            main[0].activateWindow()

    def claim() -> bool:
        """Be the instance for ``folder`` (after the first paint where the probe ran).

        False only if another ``rapport`` claimed the folder between our probe and now
        (two launches within a blink): it owns the database, so it gets the request and
        this process leaves without opening the store.
        """
        nonlocal server
        if server is None:
            from desktop.ui.shell.single_instance import claim_or_forward

            server = claim_or_forward(
                folder, "capture", lambda action, data: requests.append((action, data))
            )
            if server is None:
                window.hidden.disconnect(finish)
                window.hide()
                app.quit()
                return False
        for action, data in requests:
            handle(action, data)
        requests.clear()
        server.requested.disconnect()
        server.requested.connect(handle)
        app.aboutToQuit.connect(server.close)
        return True

    window.firstPainted.connect(open_store)
    QTimer.singleShot(FALLBACK_OPEN_MS, open_store)
    window.hidden.connect(finish)
    app.aboutToQuit.connect(window.shutdown)
    window.present()
    return app.exec()
