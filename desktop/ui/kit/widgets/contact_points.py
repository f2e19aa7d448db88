"""A person's contact points (email, phone, website, social, address), each with a label.

Shown as a small editable table: double-click a cell to change it, the row's delete
button removes it, the line below adds one. Every change goes out as a request that the
person view turns into an undoable command; the table itself never writes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import ContactPointView
from desktop.ui.kit import labels
from desktop.ui.kit.form_dialog import fill_combo
from desktop.ui.kit.icons import icon
from desktop.ui.kit.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("kind", "label", "value")


class ContactPointsModel(RowsModel):
    """A person's contact points: kind, label, value — edits go out as requests."""

    COLUMNS = COLUMNS
    editRequested = Signal(str, str, str)  # contact id, field, new value

    def set_points(self, points: tuple[ContactPointView, ...]) -> None:
        self.set_rows(points)

    def point(self, row: int) -> ContactPointView | None:
        return self.row_at(row)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Kind"), self.tr("Label"), self.tr("Value"))

    def cell(self, point: ContactPointView, field: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "kind":
                return labels.label_of(labels.contact_kinds(), point.kind)
            return getattr(point, field)
        if role == Qt.ItemDataRole.EditRole:
            return getattr(point, field)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            kind = labels.label_of(labels.contact_kinds(), point.kind)
            return f"{kind} {point.label}: {point.value}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        point = self.row_at(index.row()) if index.isValid() else None
        if point is None or role != Qt.ItemDataRole.EditRole:
            return False
        field = self.column_of(index)
        text = str(value).strip()
        if text == getattr(point, field) or (field == "value" and not text):
            return False
        self.editRequested.emit(point.id, field, text)
        return True


class _KindDelegate(QStyledItemDelegate):
    """A combo box for the kind column; text editors elsewhere."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if COLUMNS[index.column()] != "kind":
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        fill_combo(combo, labels.contact_kinds())
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class ContactPointsEditor(QWidget):
    addRequested = Signal(str, str, str)  # kind, label, value
    editRequested = Signal(str, str, str)  # contact id, field, value
    deleteRequested = Signal(str)  # contact id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactPoints")
        self.model = ContactPointsModel(self)
        self.model.editRequested.connect(self.editRequested)
        self.table = QTableView(self)
        self.table.setObjectName("contactPointsTable")
        self.table.setAccessibleName(self.tr("Contact points"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(_KindDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setShowGrid(False)
        self.table.installEventFilter(self)
        self.kind = QComboBox(self)
        fill_combo(self.kind, labels.contact_kinds())
        self.kind.setAccessibleName(self.tr("New contact point kind"))
        self.label = QLineEdit(self)
        self.label.setPlaceholderText(self.tr("label (work, home…)"))
        self.label.setAccessibleName(self.tr("New contact point label"))
        self.value = QLineEdit(self)
        self.value.setPlaceholderText(self.tr("address, number or link"))
        self.value.setAccessibleName(self.tr("New contact point value"))
        self.value.returnPressed.connect(self._add)
        add = QPushButton(self.tr("Add"), self)
        add.setAccessibleName(self.tr("Add contact point"))
        add.clicked.connect(self._add)
        self.remove = QPushButton(icon("delete"), "", self)
        self.remove.setToolTip(self.tr("Remove the selected contact point"))
        self.remove.setAccessibleName(self.tr("Remove contact point"))
        self.remove.clicked.connect(self.remove_current)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.label, 1)
        row.addWidget(self.value, 2)
        row.addWidget(add)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)

    def set_points(self, points: tuple[ContactPointView, ...]) -> None:
        self.model.set_points(points)
        rows = max(1, len(points))
        header = self.table.horizontalHeader().height()
        self.table.setFixedHeight(
            header + rows * self.table.verticalHeader().defaultSectionSize() + 4
        )

    def _add(self) -> None:
        value = self.value.text().strip()
        if not value:
            self.value.setFocus()
            return
        self.addRequested.emit(self.kind.currentData(), self.label.text().strip(), value)
        self.label.clear()
        self.value.clear()

    def remove_current(self) -> None:
        point = self.model.point(self.table.currentIndex().row())
        if point is not None:
            self.deleteRequested.emit(point.id)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            self.remove_current()
            return True
        return False
