"""The CSV column-mapping step: each header, the field it feeds, and its first values."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.services.importing import TARGET_FIELDS
from desktop.ui.transfer.common import tr

IGNORE = "ignore"


class MappingTable(QTableWidget):
    """Rows: CSV columns. Column 1 is a combo of target fields; column 2 the sample values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("mappingTable")
        self.setAccessibleName(tr("Column mapping"))
        self.setHorizontalHeaderLabels(
            [tr("Column in the file"), tr("Becomes"), tr("First values")]
        )
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self._headers: list[str] = []
        self._proposed: dict[str, str] = {}

    def load(self, headers: list[str], mapping: dict[str, str], sample: list[list[str]]) -> None:
        self._headers = [h for h in headers if h.strip()]
        self._proposed = dict(mapping)
        self.setRowCount(len(self._headers))
        for row, header in enumerate(self._headers):
            index = headers.index(header)
            self.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox(self)
            combo.setAccessibleName(tr("Field for column {0}").format(header))
            combo.addItem(tr("(ignore)"), IGNORE)
            spec = mapping.get(header, IGNORE)
            for target in (t for t in TARGET_FIELDS if t != IGNORE):
                combo.addItem(target, target)
            if spec != IGNORE and combo.findData(spec) < 0:
                combo.addItem(spec, spec)  # a proposal with a label, e.g. "email:work"
            combo.setCurrentIndex(max(combo.findData(spec), 0))
            self.setCellWidget(row, 1, combo)
            values = [r[index] for r in sample if index < len(r) and r[index].strip()]
            self.setItem(row, 2, QTableWidgetItem(" · ".join(values[:3])))
        self.resizeColumnsToContents()

    def combo(self, header: str) -> QComboBox:
        widget = self.cellWidget(self._headers.index(header), 1)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> dict[str, str]:
        """{column: field spec} the user changed, for ``preview_import(mapping=…)``.

        Only changes are passed: an untouched proposal keeps what the importer knows
        about it (a label read from a neighbouring column, say).
        """
        chosen = {h: str(self.combo(h).currentData()) for h in self._headers}
        return {h: spec for h, spec in chosen.items() if spec != self._proposed.get(h, IGNORE)}
