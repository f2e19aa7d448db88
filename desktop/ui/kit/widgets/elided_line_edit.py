"""A line edit that, when not being edited, shows a too-long text elided with "…".

A person's name is edited in place at the top of their card; a long one ("Maria
Fernanda de los Ángeles Villanueva-Okafor") must not push the trust gauges off a laptop
screen nor be cut mid-letter. While the field has focus it behaves as a plain line edit;
otherwise it paints the elided text and offers the full text as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame


class ElidedLineEdit(QLineEdit):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.textChanged.connect(self._update_tooltip)

    def _update_tooltip(self, text: str) -> None:
        self.setToolTip(text)

    def _contents_rect(self):
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        return option, rect.adjusted(
            margins.left() + 2, margins.top(), -margins.right() - 2, -margins.bottom()
        )

    def is_elided(self) -> bool:
        """Whether the text, shown whole, would not fit (so the painted text is elided)."""
        _option, rect = self._contents_rect()
        return self.fontMetrics().horizontalAdvance(self.text()) > rect.width()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.hasFocus() or not self.text() or not self.is_elided():
            super().paintEvent(event)
            return
        option, rect = self._contents_rect()
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.setFont(self.font())
        elided = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided
        )
        painter.end()
