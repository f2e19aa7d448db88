"""A folding section: a heading button that shows or hides its content, remembered.

The person view is read on laptop screens where a long form would push the timeline —
the heart of a relationship — into a sliver. Sections let details fold away; whether
each is open is kept in the settings (``SECTION_PREFIX`` + its name), so the card opens
the way the user left it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from desktop.ui.kit.style import scaled_font
from desktop.ui.settings import keys


class Section(QWidget):
    """``title`` over ``content``; ``name`` keys the remembered state and objectNames."""

    toggled = Signal(bool)

    def __init__(
        self, name: str, title: str, content: QWidget, *, open_by_default: bool, parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Section")
        self._name = name
        self.header = QToolButton(self)
        self.header.setObjectName(f"{name}Toggle")
        self.header.setText(title)
        self.header.setAccessibleName(title)
        self.header.setCheckable(True)
        self.header.setAutoRaise(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setFont(scaled_font(self.font(), 1.0, bold=True))
        self.header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.content = content
        content.setParent(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(content)
        opened = keys.read_bool(keys.SECTION_PREFIX + name, open_by_default)
        self.header.setChecked(opened)
        self._apply(opened)
        self.header.toggled.connect(self._toggled)

    def is_open(self) -> bool:
        return self.header.isChecked()

    def set_open(self, opened: bool) -> None:
        self.header.setChecked(opened)

    def _toggled(self, opened: bool) -> None:
        keys.write(keys.SECTION_PREFIX + self._name, opened)
        self._apply(opened)
        self.toggled.emit(opened)

    def _apply(self, opened: bool) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)
        self.content.setVisible(opened)
