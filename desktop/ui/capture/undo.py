"""A saved capture as one step on the main window's undo stack.

The save itself happens in the capture window (one transaction, the draft cleared in
the same commit), before the command exists; so the first ``redo`` — which
``QUndoStack.push`` calls — does nothing, and later ones bring the rows back through
:func:`desktop.services.capture.redo_capture`. Undo tombstones everything the capture
created (:func:`~desktop.services.capture.undo_capture`), never a ``DELETE``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.ui.kit.undo import ServiceCommand

if TYPE_CHECKING:
    from desktop.services.capture import CaptureResult


def describe(result: CaptureResult) -> str:
    """The Edit menu's words: "Undo Capture: Ana Ruiz, Ben Ode"."""
    names = ", ".join(p.name for p in result.people if p.participant)
    return QCoreApplication.translate("CaptureWindow", "Capture: %1").replace("%1", names)


class SavedCaptureCommand(ServiceCommand):
    """Undo removes everything one capture saved; redo brings the same rows back."""

    def __init__(self, result: CaptureResult) -> None:
        super().__init__(describe(result))
        self.result = result
        self._first = True

    def _do(self) -> None:
        if self._first:  # already saved by the capture window
            self._first = False
            return
        from desktop.services import capture

        capture.redo_capture(self.result)

    def _undo(self) -> None:
        from desktop.services import capture

        capture.undo_capture(self.result)
