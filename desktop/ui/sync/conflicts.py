"""The Conflicts list: values that lost to a concurrent edit on another device, each with
a one-click Restore (a new local write of that value, which then syncs like any edit).

    ConflictsDialog(window).exec()        # or embed ConflictsWidget in a view
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.sync.conflicts import conflicts, mark_conflicts_seen, restore_conflict

COLUMNS = ("Record", "Field", "Kept value", "Other device's value", "Noticed", "")


class ConflictsWidget(QWidget):
    """A table of conflicts with a Restore button per row."""

    restored = Signal(str)  # conflict id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("conflictsTable")
        self.table.setAccessibleName(self.tr("Conflicting values"))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        self.ids: list[str] = []
        self.refresh()

    def refresh(self) -> None:
        items = conflicts()
        self.ids = [c.id for c in items]
        self.note.setText(
            self.tr(
                "When two devices changed the same thing before syncing, the newer change "
                "was kept. The other value is listed here: Restore brings it back."
            )
            if items
            else self.tr("No conflicts: every change from every device is in place.")
        )
        self.table.setRowCount(len(items))
        for row, c in enumerate(items):
            cells = (
                c.record,
                c.field.replace("_", " "),
                c.current,
                c.losing,
                f"{c.detected_at:%Y-%m-%d %H:%M}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            button = QPushButton(self.tr("Restore"))
            button.setObjectName(f"restore-{row}")
            button.setAccessibleName(
                self.tr("Restore {value} as {field} of {record}").format(
                    value=c.losing, field=c.field.replace("_", " "), record=c.record
                )
            )
            button.clicked.connect(lambda _checked=False, cid=c.id: self.restore(cid))
            self.table.setCellWidget(row, len(COLUMNS) - 1, button)
        self.table.resizeColumnsToContents()

    def restore(self, conflict_id: str) -> None:
        restore_conflict(conflict_id)
        self.restored.emit(conflict_id)
        self.refresh()


class ConflictsDialog(QDialog):
    """The Conflicts list as a window; everything shown is marked as seen on close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.setAccessibleName(self.tr("Sync conflicts"))
        self.widget = ConflictsWidget(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.widget)
        layout.addWidget(buttons)
        self.resize(820, 420)
        self.finished.connect(lambda _code: mark_conflicts_seen(self.widget.ids))
