"""Views that reload from the store only while someone can see them.

Today and Follow-ups both listen to every committed write; reloading a hidden view on
each one would waste a background query per keystroke elsewhere. They mark themselves
stale instead and reload (debounced) when shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

REFRESH_DELAY_MS = 150

_Base: Any = QWidget


class RefreshWhenShown(_Base):
    """Mixin (before QWidget in the bases) for views with a ``refresh()`` method."""

    #: Entities whose writes make this view stale.
    relevant_entities: frozenset[str] = frozenset()

    def init_lazy_refresh(self) -> None:
        """Call from ``__init__`` after ``super().__init__``: stale until first shown."""
        self._dirty = True
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)

    def on_changes(self, changes: frozenset[tuple[str, str]]) -> None:
        if not any(entity in self.relevant_entities for entity, _ in changes):
            return
        self._dirty = True
        if self.isVisible():
            self._refresh_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()
