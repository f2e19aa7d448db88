"""Trust over time: a small painted chart of both directions, with marks at what moved them.

The points and marks come from :mod:`desktop.services.trust_timeline` (replayed from the
history, never stored). You → them is a solid line, them → you a dashed one, so the two
never rest on colour alone; each mark has its own shape per kind (kept ▲, broken ▼, deep
conversation ●, long silence ■) and hovering it shows what happened and by how much. The
marks are also listed in the accessible description, for screen readers.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.domain.trust_history import TrustMark, TrustPoint
from desktop.ui.kit.style import ALERT, TRUST_IN_ME, TRUST_IN_THEM, muted, track

_PAD_LEFT, _PAD_RIGHT, _PAD_TOP, _PAD_BOTTOM = 30.0, 10.0, 8.0, 18.0
_MARK = 5.0
_HIT = 8.0


class TrustChart(QWidget):
    """Both directions of trust across a relationship; hover a mark to see what happened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustChart")
        self.setAccessibleName(self.tr("Trust over time"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._points: list[TrustPoint] = []
        self._marks: list[TrustMark] = []
        self._hover: TrustMark | None = None

    # --- Data --------------------------------------------------------------------------

    def set_history(self, points: list[TrustPoint], marks: list[TrustMark]) -> None:
        self._points = list(points)
        self._marks = list(marks)
        self._hover = None
        self._describe()
        self.update()

    def clear(self) -> None:
        self.set_history([], [])

    def points(self) -> list[TrustPoint]:
        return list(self._points)

    def marks(self) -> list[TrustMark]:
        return list(self._marks)

    def _describe(self) -> None:
        if not self._points:
            self.setAccessibleDescription(self.tr("No history yet"))
            return
        first, last = self._points[0], self._points[-1]
        lines = [
            self.tr("From %1 to %2: you → them %3 to %4, them → you %5 to %6.")
            .replace("%1", first.day.isoformat())
            .replace("%2", last.day.isoformat())
            .replace("%3", str(first.in_them))
            .replace("%4", str(last.in_them))
            .replace("%5", str(first.theirs))
            .replace("%6", str(last.theirs))
        ]
        lines.extend(mark.describe() for mark in self._marks)
        self.setAccessibleDescription("\n".join(lines))

    # --- Geometry ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(320, 120)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 90)

    def _plot(self) -> QRectF:
        return QRectF(self.rect()).adjusted(_PAD_LEFT, _PAD_TOP, -_PAD_RIGHT, -_PAD_BOTTOM)

    def _x(self, day: date, plot: QRectF) -> float:
        start, end = self._points[0].day, self._points[-1].day
        span = max(1, (end - start).days)
        return plot.left() + plot.width() * (day - start).days / span

    @staticmethod
    def _y(score: int, plot: QRectF) -> float:
        return plot.bottom() - plot.height() * score / 100

    def _value_on(self, day: date) -> int:
        """You → them at the end of ``day`` (the last point on or before it)."""
        value = self._points[0].in_them
        for point in self._points:
            if point.day > day:
                break
            value = point.in_them
        return value

    def mark_position(self, mark: TrustMark) -> QPointF:
        plot = self._plot()
        return QPointF(self._x(mark.day, plot), self._y(self._value_on(mark.day), plot))

    def mark_at(self, position: QPointF) -> TrustMark | None:
        best, distance = None, _HIT
        for mark in self._marks:
            d = (self.mark_position(mark) - position).manhattanLength()
            if d <= distance:
                best, distance = mark, d
        return best

    # --- Events ------------------------------------------------------------------------

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        if isinstance(event, QHelpEvent) and event.type() == QHelpEvent.Type.ToolTip:
            mark = self.mark_at(QPointF(event.pos()))
            if mark is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), mark.describe(), self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        mark = self.mark_at(event.position())
        if mark is not self._hover:
            self._hover = mark
            self.setToolTip(mark.describe() if mark else "")
            self.update()
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        plot = self._plot()
        faint = muted(palette)
        painter.setPen(QPen(track(palette), 1))
        for score in (0, 50, 100):
            y = self._y(score, plot)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(faint)
            painter.drawText(
                QRectF(0, y - 8, _PAD_LEFT - 4, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(score),
            )
            painter.setPen(QPen(track(palette), 1))
        if not self._points:
            painter.setPen(faint)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No history yet"))
            return
        for attribute, colour, style in (
            ("theirs", TRUST_IN_ME, Qt.PenStyle.DashLine),
            ("in_them", TRUST_IN_THEM, Qt.PenStyle.SolidLine),
        ):
            path = QPainterPath()
            for i, point in enumerate(self._points):
                at = QPointF(self._x(point.day, plot), self._y(getattr(point, attribute), plot))
                if i == 0:
                    path.moveTo(at)
                else:
                    # a step: trust holds until something changes it
                    path.lineTo(QPointF(at.x(), path.currentPosition().y()))
                    path.lineTo(at)
            painter.setPen(QPen(colour, 2, style))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        for mark in self._marks:
            self._paint_mark(painter, mark, palette)
        self._paint_legend(painter, plot, faint)
        painter.setPen(faint)
        first, last = self._points[0].day, self._points[-1].day
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 2, plot.width(), _PAD_BOTTOM - 2),
            Qt.AlignmentFlag.AlignLeft,
            first.strftime("%b %Y"),
        )
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 2, plot.width(), _PAD_BOTTOM - 2),
            Qt.AlignmentFlag.AlignRight,
            last.strftime("%b %Y"),
        )

    def _paint_legend(self, painter: QPainter, plot: QRectF, colour) -> None:  # type: ignore[no-untyped-def]
        """Which line is which, in words and line style (never by colour alone)."""
        x = plot.left() + 6
        y = plot.top() + 8
        metrics = painter.fontMetrics()
        for text, line_colour, style in (
            (self.tr("you → them"), TRUST_IN_THEM, Qt.PenStyle.SolidLine),
            (self.tr("them → you"), TRUST_IN_ME, Qt.PenStyle.DashLine),
        ):
            painter.setPen(QPen(line_colour, 2, style))
            painter.drawLine(QPointF(x, y), QPointF(x + 18, y))
            painter.setPen(colour)
            painter.drawText(QPointF(x + 22, y + metrics.ascent() / 2 - 1), text)
            x += 30 + metrics.horizontalAdvance(text)

    def _paint_mark(self, painter: QPainter, mark: TrustMark, palette: QPalette) -> None:
        at = self.mark_position(mark)
        size = _MARK * (1.5 if mark is self._hover else 1.0)
        colour = {"broken": ALERT, "silence": muted(palette)}.get(mark.kind, TRUST_IN_THEM)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1))
        painter.setBrush(QBrush(colour))
        if mark.kind == "kept":
            shape = QPolygonF(
                [at + QPointF(0, -size), at + QPointF(size, size), at + QPointF(-size, size)]
            )
            painter.drawPolygon(shape)
        elif mark.kind == "broken":
            shape = QPolygonF(
                [at + QPointF(0, size), at + QPointF(size, -size), at + QPointF(-size, -size)]
            )
            painter.drawPolygon(shape)
        elif mark.kind == "silence":
            painter.drawRect(
                QRectF(at.x() - size * 0.8, at.y() - size * 0.8, size * 1.6, size * 1.6)
            )
        else:
            painter.drawEllipse(at, size * 0.8, size * 0.8)
