"""The one bridge from the store's change notifications to Qt.

Services announce committed writes by calling plain listeners (they know nothing of
Qt). This module subscribes once per window and re-emits each notification as a Qt
signal, so views connect with ordinary signal/slot code and a write made on another
thread (the demo builder, a future sync) still reaches the views on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.services import store


class StoreBridge(QObject):
    """Emits :attr:`changed` with the frozenset of ``(entity, row_id)`` of each commit."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        unsubscribe = store.subscribe(self._on_commit)
        self._unsubscribe: Callable[[], None] | None = unsubscribe
        # A window deleted without close() must not leave a dead listener behind.
        self.destroyed.connect(lambda *_: unsubscribe())

    def _on_commit(self, changes: frozenset[tuple[str, str]]) -> None:
        # From another thread this becomes a queued call: Qt picks the connection type
        # from the receiver's thread at emit time.
        try:
            self.changed.emit(changes)
        except RuntimeError:  # the C++ side is gone (deleted with its window)
            self.close()

    def close(self) -> None:
        """Stop listening (the store outlives windows, and tests open many windows)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


def touches(changes: frozenset[tuple[str, str]], *entities: str) -> bool:
    """Whether a notification wrote any row of the given entities."""
    wanted = set(entities)
    return any(entity in wanted for entity, _ in changes)
