"""Save-as-you-go bindings between one editor widget and one field of a record.

A binding remembers the value last loaded from the store, so it knows when the editor
holds unsaved typing. It asks to commit on ``editingFinished`` / focus loss and after a
short pause in typing, and a reload never overwrites typing that has not been saved yet.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

DEBOUNCE_MS = 700


class FieldBinding(QObject):
    """Emits :attr:`commitRequested` ``(field, value)`` when the editor's value changed."""

    commitRequested = Signal(str, object)

    def __init__(self, field: str, widget: QWidget, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(widget)
        self.field = field
        self.widget = widget
        self._loaded: Any = None
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.commit)
        self._connect()

    def _connect(self) -> None:
        w = self.widget
        if isinstance(w, QLineEdit):
            w.textEdited.connect(self._typed)
            w.editingFinished.connect(self.commit)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(self._typed)
            w.installEventFilter(self)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(self._chosen)
        elif isinstance(w, QSpinBox):
            w.valueChanged.connect(self._typed)
            w.editingFinished.connect(self.commit)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(self._chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False

    def _typed(self, *_: object) -> None:
        if not self._loading:
            self._timer.start()

    def _chosen(self, *_: object) -> None:
        if not self._loading:
            self.commit()

    # --- Values -----------------------------------------------------------------------

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QLineEdit):
            return w.text().strip()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QSpinBox):
            return w.value() or None  # 0 is the "not set" special value
        if isinstance(w, QCheckBox):
            return w.isChecked()
        raise TypeError(f"no binding for {type(w).__name__}")

    def _show(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QLineEdit):
            if w.text().strip() != (value or ""):
                w.setText(value or "")
                w.setCursorPosition(0)
        elif isinstance(w, QPlainTextEdit):
            if w.toPlainText().strip() != (value or ""):
                w.setPlainText(value or "")
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            w.setCurrentIndex(index if index >= 0 else 0)
        elif isinstance(w, QSpinBox):
            w.setValue(int(value or 0))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))

    def load(self, value: Any, *, force: bool = False) -> None:
        """Show the stored ``value`` unless the editor holds unsaved typing (or ``force``)."""
        if self.dirty() and not force:
            self._loaded = value
            return
        self._timer.stop()
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False
        self._loaded = self.value()

    def dirty(self) -> bool:
        return self.value() != self._loaded

    def commit(self) -> None:
        """Ask to save the editor's value if it differs from the stored one."""
        self._timer.stop()
        if self._loading or not self.dirty():
            return
        value = self.value()
        self._loaded = value
        self.commitRequested.emit(self.field, value)

    def revert(self) -> None:
        self._loading = True
        try:
            self._show(self._loaded)
        finally:
            self._loading = False
