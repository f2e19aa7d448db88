"""The guest list of one event as a table: focus (checkbox), name, expected/met, why.

Edits leave as ``changeRequested`` signals; the page turns them into undoable commands.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.domain.records import AttendanceView
from desktop.ui.kit.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("focus", "name", "status", "why")


class AttendeesModel(RowsModel):
    """Guests: focus (checkbox), name, expected/met, why. Edits go out as requests."""

    COLUMNS = COLUMNS
    changeRequested = Signal(str, str, object)  # attendance id, field, value

    def set_attendees(self, rows: tuple[AttendanceView, ...]) -> None:
        self.set_rows(rows)

    def attendee(self, row: int) -> AttendanceView | None:
        return self.row_at(row)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Focus"), self.tr("Name"), self.tr("Status"), self.tr("Why meet them"))

    def cell(self, a: AttendanceView, column: str, role: int) -> Any:
        if column == "focus":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if a.focus else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("focus") if a.focus else self.tr("no focus")
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "name":
                return a.person_name
            if column == "status":
                return self.tr("Met") if a.status == "met" else self.tr("Expected")
            return a.why
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.column_of(index)
        if column == "focus":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column == "why":
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        a = self.row_at(index.row()) if index.isValid() else None
        if a is None:
            return False
        column = self.column_of(index)
        if column == "focus" and role == Qt.ItemDataRole.CheckStateRole:
            checked = (
                Qt.CheckState(value) == Qt.CheckState.Checked
                if not isinstance(value, bool)
                else value
            )
            self.changeRequested.emit(a.id, "focus", bool(checked))
            return True
        if column == "why" and role == Qt.ItemDataRole.EditRole and str(value).strip() != a.why:
            self.changeRequested.emit(a.id, "why", str(value).strip())
            return True
        return False
