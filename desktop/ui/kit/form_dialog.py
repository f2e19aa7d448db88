"""A small form dialog: labelled rows, OK/Cancel, and a clear message when input is bad.

Dialogs collect values only; the caller turns them into an undoable command. A problem
is named next to the buttons instead of closing the dialog, so nothing typed is lost.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.kit.style import ALERT


class FormDialog(QDialog):
    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ALERT.name()}")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def add_row(self, label: str, widget: QWidget, accessible: str | None = None) -> QWidget:
        widget.setAccessibleName(accessible or label.replace("&", "").rstrip(":"))
        self.form.addRow(label, widget)
        return widget

    def problem_with_input(self) -> str | None:
        """Override: a message naming what is wrong, or None when the input is fine."""
        return None

    def _try_accept(self) -> None:
        problem = self.problem_with_input()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.accept()


def fill_combo(combo: QComboBox, pairs: list[tuple[str, str]], current: str | None = None) -> None:
    combo.clear()
    for code, text in pairs:
        combo.addItem(text, code)
    if current is not None:
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)


def to_qdatetime(moment: datetime | None) -> QDateTime:
    moment = moment or datetime.now().replace(second=0, microsecond=0)
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
