"""The guest list of one event as a table: focus (checkbox), name, expected/met, why.

Edits leave as ``changeRequested`` signals; the page turns them into undoable commands.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.domain.records import AttendanceView

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("focus", "name", "status", "why")


class AttendeesModel(QAbstractTableModel):
    """Guests: focus (checkbox), name, expected/met, why. Edits go out as requests."""

    changeRequested = Signal(str, str, object)  # attendance id, field, value

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendanceView] = []

    def set_attendees(self, rows: tuple[AttendanceView, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def attendee(self, row: int) -> AttendanceView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Focus"), self.tr("Name"), self.tr("Status"), self.tr("Why meet them"))[
                section
            ]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        column = COLUMNS[index.column()]
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
        column = COLUMNS[index.column()]
        if column == "focus":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column == "why":
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        a = self._rows[index.row()]
        column = COLUMNS[index.column()]
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
