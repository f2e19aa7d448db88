"""The "who" field: names separated by commas, each completed fuzzily from the network.

Plain text keeps it keyboard-first and scriptable (type "ana r", pick "Ana Ruiz" with
Enter, type a comma, the next name). The field only edits text and shows suggestions;
looking names up is the window's job (on its background reader), so a 10,000-person
network never stalls typing. Picking a suggestion is remembered by the window as the
user's choice, which also settles two people with the same name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QCompleter

    from desktop.domain.capture.plan import Candidate

QUERY_DELAY_MS = 120


class WhoField(QLineEdit):
    """objectName ``captureWho``; emits :attr:`queryChanged` for the name being typed."""

    queryChanged = Signal(str)
    personChosen = Signal(str, object)  # the name inserted, a Candidate or None (new)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureWho")
        self.setAccessibleName(self.tr("Who you met"))
        self.setPlaceholderText(self.tr("Names, separated by commas — e.g. “ana r”"))
        self.setClearButtonEnabled(True)
        self._completer: QCompleter | None = None  # made on first use: start-up time
        self._timer = QTimer(self, singleShot=True, interval=QUERY_DELAY_MS)
        self._timer.timeout.connect(self._ask)
        self.textEdited.connect(lambda _text: self._timer.start())

    # -------------------------------------------------------------- reading and writing

    def entries(self) -> list[str]:
        """The names typed, in order, cleaned of spaces; empty entries dropped."""
        return [" ".join(part.split()) for part in self.text().split(",") if part.strip()]

    def set_entries(self, names: list[str]) -> None:
        self.setText(", ".join(names))

    def add_entry(self, name: str) -> None:
        names = self.entries()
        if name.casefold() not in (n.casefold() for n in names):
            self.set_entries([*names, name])

    def remove_entry(self, key: str) -> bool:
        """Remove the entry whose case-folded text is ``key``; True if there was one."""
        names = self.entries()
        kept = [n for n in names if " ".join(n.split()).casefold() != key]
        if len(kept) != len(names):
            self.set_entries(kept)
            self.textEdited.emit(self.text())
            return True
        return False

    def current_query(self) -> str:
        """The name being typed: from the last comma before the cursor to the next comma."""
        text, cursor = self.text(), self.cursorPosition()
        start = text.rfind(",", 0, cursor) + 1
        end = text.find(",", cursor)
        return text[start : len(text) if end < 0 else end].strip()

    # -------------------------------------------------------------- suggestions

    def is_busy(self) -> bool:
        return self._timer.isActive()

    @staticmethod
    def candidate_role() -> int:
        """The item role holding a suggestion's Candidate (the Qt namespace is slow to
        load, so not at import: ``rapport capture`` is on screen before it is needed)."""
        from PySide6.QtCore import Qt

        return Qt.ItemDataRole.UserRole + 1

    def completer(self) -> QCompleter:
        """The suggestion popup's completer (one list for every name in the field)."""
        if self._completer is None:
            from PySide6.QtCore import QModelIndex
            from PySide6.QtGui import QStandardItemModel
            from PySide6.QtWidgets import QCompleter

            completer = QCompleter(QStandardItemModel(self), self)
            completer.setWidget(self)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            completer.setMaxVisibleItems(9)
            completer.activated[QModelIndex].connect(self._insert)
            self._completer = completer
        return self._completer

    def _ask(self) -> None:
        query = self.current_query()
        if query:
            self.queryChanged.emit(query)
        elif self._completer is not None:
            self._completer.popup().hide()

    def show_suggestions(self, query: str, candidates: list[Candidate]) -> None:
        """Show the network's matches for ``query`` (if still current), then "new person"."""
        if query != self.current_query() or not self.hasFocus():
            return
        from PySide6.QtGui import QStandardItem

        completer = self.completer()
        model = completer.model()
        model.clear()
        for candidate in candidates:
            label = candidate.name
            if candidate.organization:
                label += f" — {candidate.organization}"
            item = QStandardItem(label)
            item.setData(candidate, self.candidate_role())
            model.appendRow(item)
        exact = any(c.name.casefold() == query.casefold() for c in candidates)
        if not exact:
            item = QStandardItem(self.tr("New person “%1”").replace("%1", query))
            item.setData(None, self.candidate_role())
            model.appendRow(item)
        completer.complete()
        completer.popup().setCurrentIndex(model.index(0, 0))

    def _insert(self, index: QModelIndex) -> None:
        candidate = index.data(self.candidate_role())
        typed = self.current_query()
        chosen = candidate if getattr(candidate, "id", None) else None  # else "new person"
        name = chosen.name if chosen is not None else typed
        text, cursor = self.text(), self.cursorPosition()
        start = text.rfind(",", 0, cursor) + 1
        end = text.find(",", cursor)
        before = text[:start].rstrip()
        after = "" if end < 0 else text[end + 1 :].strip()
        parts = [p for p in (before.rstrip(","), name) if p]
        new_text = ", ".join(parts) + ", "
        if after:
            new_text += after
        self.setText(new_text)
        self.setCursorPosition(len(", ".join(parts)) + 2)
        self.personChosen.emit(name, chosen)
        self.textEdited.emit(self.text())
        self._timer.stop()
