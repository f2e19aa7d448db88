"""Two-line list rows for Today, Follow-ups and Events: title, detail, an optional badge.

Promises, drifting people and events all read as "what — who/when — how urgent"; one
model and one painted delegate show them alike. Each row keeps its record (``payload``)
so a view can act on it, and a small leading shape tells its kind without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QStyledItemDelegate

from desktop.ui.kit.rows_model import RowsModel
from desktop.ui.kit.style import draw_badge, muted, scaled_font

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Line:
    key: str
    title: str
    detail: str = ""
    badge: str = ""
    badge_colour: QColor | None = None
    marker: str = ""  # "mine" (→), "theirs" (←), "person", "event", ""
    payload: Any = None


class LinesModel(RowsModel):
    """The rows of a two-line list: :class:`Line` objects, kept by key."""

    def set_lines(self, lines: list[Line]) -> None:
        same = [line.key for line in lines] == [line.key for line in self._rows]
        if same:
            self._rows = list(lines)
            if lines:
                self.dataChanged.emit(self.index(0), self.index(len(lines) - 1))
            return
        self.set_rows(lines)

    def remove_key(self, key: str) -> None:
        row = self.row_of(key)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def line(self, row: int) -> Line | None:
        return self.row_at(row)

    def lines(self) -> list[Line]:
        return self.rows()

    def row_of(self, key: str) -> int:
        return next((i for i, line in enumerate(self._rows) if line.key == key), -1)

    def cell(self, line: Line, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return line.title
        if role == LINE_ROLE:
            return line
        if role == PAYLOAD_ROLE:
            return line.payload
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (line.title, line.detail, line.badge) if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(p for p in (line.title, line.detail, line.badge) if p)
        return None


PAD_X = 10
PAD_Y = 7
MARK = 18


class LineDelegate(QStyledItemDelegate):
    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        return base, scaled_font(base, 0.88), scaled_font(base, 0.8, bold=True)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title, small, _badge = self._fonts(option.font)
        height = QFontMetrics(title).height() + QFontMetrics(small).height() + 2 + PAD_Y * 2
        return QSize(240, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        line: Line | None = index.data(LINE_ROLE)
        if line is None:
            return
        # QStyle is imported where rows are painted, not with the module: making its
        # Python type (and its ~40 enums) costs ~5 ms, and the first frame of Today has
        # no rows yet — they arrive from the reader after it (#15).
        from PySide6.QtWidgets import QStyle

        widget = option.widget
        painter.save()
        if widget is not None:
            widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        faded = muted(palette, selected=selected)
        title_font, small_font, badge_font = self._fonts(option.font)
        rect = option.rect
        title_metrics = QFontMetrics(title_font)
        small_metrics = QFontMetrics(small_font)
        left = rect.left() + PAD_X
        if line.marker:
            _marker(
                painter,
                line.marker,
                QRectF(left, rect.top() + PAD_Y, MARK, title_metrics.height()),
                text,
            )
            left += MARK + 6
        right = rect.right() - PAD_X
        if line.badge:
            painter.setFont(badge_font)
            width = QFontMetrics(badge_font).horizontalAdvance(line.badge) + 14
            badge_rect = QRectF(
                right - width, rect.top() + PAD_Y + 1, width, title_metrics.height() - 2
            )
            if line.badge_colour is not None:
                draw_badge(painter, badge_rect, line.badge, line.badge_colour)
            else:
                painter.setPen(faded)
                painter.drawText(
                    badge_rect,
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    line.badge,
                )
            right -= int(width) + 8
        painter.setFont(title_font)
        painter.setPen(text)
        title_rect = QRect(left, rect.top() + PAD_Y, max(0, right - left), title_metrics.height())
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(line.title, Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        if line.detail:
            painter.setFont(small_font)
            painter.setPen(faded)
            detail_rect = QRect(
                left,
                title_rect.bottom() + 2,
                max(0, rect.right() - PAD_X - left),
                small_metrics.height(),
            )
            painter.drawText(
                detail_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                small_metrics.elidedText(
                    line.detail, Qt.TextElideMode.ElideRight, detail_rect.width()
                ),
            )
        painter.restore()


def _marker(painter: QPainter, kind: str, box: QRectF, ink: QColor) -> None:
    """→ for my promises, ← for theirs, a head for people, a calendar for events."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(
        QPen(ink, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    c = box.center()
    if kind in ("mine", "theirs"):
        sign = 1 if kind == "mine" else -1
        painter.drawLine(QPointF(c.x() - 6 * sign, c.y()), QPointF(c.x() + 6 * sign, c.y()))
        path = QPainterPath(QPointF(c.x() + 2 * sign, c.y() - 4))
        path.lineTo(c.x() + 6 * sign, c.y())
        path.lineTo(c.x() + 2 * sign, c.y() + 4)
        painter.drawPath(path)
    elif kind == "person":
        painter.drawEllipse(QRectF(c.x() - 3, c.y() - 6, 6, 6))
        painter.drawArc(QRectF(c.x() - 6, c.y() + 1, 12, 10), 0, 180 * 16)
    elif kind == "event":
        painter.drawRoundedRect(QRectF(c.x() - 6, c.y() - 6, 12, 12), 2, 2)
        painter.drawLine(QPointF(c.x() - 6, c.y() - 2), QPointF(c.x() + 6, c.y() - 2))
    painter.restore()
