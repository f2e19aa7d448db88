"""The base of the small item models: a flat list of row objects in fixed columns.

Lines, search hits, names, a timeline, contact points and guests all repeat the same
Qt boilerplate (row and column counts, bounds checks, header titles, a reset when the
rows change). :class:`RowsModel` holds it once; a subclass names its columns and says
what one cell shows (:meth:`RowsModel.cell`), and adds flags and edits when it has any.
Large models with their own sorting and filtering (the people list) do not use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of any Python objects; one column unless :attr:`COLUMNS` names more."""

    #: Column ids, in order (a list model has one).
    COLUMNS: tuple[str, ...] = ("",)

    def __init__(self, parent: Any = None, rows: Iterable[Any] = ()) -> None:
        super().__init__(parent)
        self._rows: list[Any] = list(rows)

    # --- content --------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[Any]) -> None:
        """Replace every row (views keep no selection into the old ones)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        """The object on ``row``, or None outside the model."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def column_of(self, index: Index) -> str:
        return self.COLUMNS[index.column()]

    # --- what a subclass says ---------------------------------------------------------------
    def cell(self, item: Any, column: str, role: int) -> Any:
        """What ``item`` shows in ``column`` for ``role`` (None: nothing)."""
        raise NotImplementedError

    def headers(self) -> tuple[str, ...]:
        """Translated column titles (none for a list)."""
        return ()

    # --- Qt ---------------------------------------------------------------------------------
    def index(
        self,
        row: int,
        column: int = 0,
        parent: Index = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        """As a list model's: ``index(row)`` means the first column."""
        return super().index(row, column, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        titles = self.headers()
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(titles)
        ):
            return titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], self.COLUMNS[index.column()], role)
