"""Choose a person by typing part of their name (a completer over everyone).

Used wherever a dialog needs "who": introduced by, also present, attendee. Names are
not unique, so each suggestion carries the organization and the picker keeps the id of
the chosen row, not the text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop.ui.kit.rows_model import RowsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class NamesModel(RowsModel):
    """Everyone's name (and organisation) for the completer: ``(id, name, organisation)``."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: Any = None) -> None:
        super().__init__(parent, rows)

    def cell(self, item: tuple[str, str, str], column: str, role: int) -> Any:
        pid, name, organization = item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f"{name} — {organization}" if organization else name
        if role == ID_ROLE:
            return pid
        return None


class PersonPicker(QLineEdit):
    """A line edit that completes names; :meth:`person_id` is the chosen person or None."""

    personChosen = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        exclude: set[str] | None = None,
        rows: list[tuple[str, str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        if rows is None:
            from desktop.services.ui_queries import name_index

            rows = name_index()
        excluded = exclude or set()
        self._model = NamesModel([r for r in rows if r[0] not in excluded], self)
        self._chosen: tuple[str, str] | None = None
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(10)
        self.setCompleter(completer)
        completer.activated[QModelIndex].connect(self._chosen_index)
        self.textEdited.connect(self._typed)
        self.setPlaceholderText(self.tr("Type a name…"))
        self.setClearButtonEnabled(True)

    def _chosen_index(self, index: QModelIndex) -> None:
        pid = index.data(ID_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if pid:
            self._chosen = (pid, text)
            self.personChosen.emit(pid)

    def _typed(self, text: str) -> None:
        if self._chosen and text != self._chosen[1]:
            self._chosen = None

    def person_id(self) -> str | None:
        """The chosen person; a unique exact name typed without the completer also counts."""
        if self._chosen and self.text() == self._chosen[1]:
            return self._chosen[0]
        typed = self.text().strip().casefold()
        if not typed:
            return None
        matches = [
            self._model.data(self._model.index(row), ID_ROLE)
            for row in range(self._model.rowCount())
            if str(self._model.data(self._model.index(row))).casefold() == typed
            or str(self._model._rows[row][1]).casefold() == typed
        ]
        return matches[0] if len(matches) == 1 else None

    def set_person(self, person_id: str, display: str) -> None:
        self._chosen = (person_id, display)
        self.setText(display)
