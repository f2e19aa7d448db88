"""The two-way trust meter: two painted gauges, you → them and them → you.

Each gauge shows the score three ways — the arc's length (shape), the number, and the
level word from :func:`desktop.domain.trust.level_label` — so its meaning never rests on
colour. Ticks mark where the level words change. The scores are Qt properties
(``trustInThem``, ``theirTrustInMe``, with notify signals): a public contract that tests,
accessibility tools and future bindings read.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Property, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.trust import LEVELS, level_label
from desktop.ui.kit.style import TRUST_IN_ME, TRUST_IN_THEM, muted, scaled_font, track

START_ANGLE = 225.0  # degrees, Qt's convention: 0 = 3 o'clock, counter-clockwise positive
SWEEP = 270.0
THICKNESS = 9.0


class TrustMeter(QWidget):
    trustInThemChanged = Signal(int)
    theirTrustInMeChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustMeter")
        self._in_them = 0
        self._in_me = 0
        self._name = ""
        self._known = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Trust meter"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._describe()

    # --- Properties (public contract) -------------------------------------------------

    def _get_in_them(self) -> int:
        return self._in_them

    def _set_in_them(self, value: int) -> None:
        value = max(0, min(100, int(value)))
        if value != self._in_them:
            self._in_them = value
            self._changed()
            self.trustInThemChanged.emit(value)

    def _get_in_me(self) -> int:
        return self._in_me

    def _set_in_me(self, value: int) -> None:
        value = max(0, min(100, int(value)))
        if value != self._in_me:
            self._in_me = value
            self._changed()
            self.theirTrustInMeChanged.emit(value)

    trustInThem = Property(int, _get_in_them, _set_in_them, notify=trustInThemChanged)
    theirTrustInMe = Property(int, _get_in_me, _set_in_me, notify=theirTrustInMeChanged)

    def set_reading(self, name: str, in_them: int, in_me: int) -> None:
        """Show one person's two scores; ``name`` is the first name for the captions."""
        self._name = name
        self._known = True
        self._set_in_them(in_them)
        self._set_in_me(in_me)
        self._changed()

    def clear(self) -> None:
        self._known = False
        self._name = ""
        self._set_in_them(0)
        self._set_in_me(0)
        self._changed()

    def _changed(self) -> None:
        self._describe()
        self.update()

    def _captions(self) -> tuple[str, str]:
        name = self._name or self.tr("them")
        return (
            self.tr("You → %1").replace("%1", name),
            self.tr("%1 → you").replace("%1", name),
        )

    def _describe(self) -> None:
        mine, theirs = self._captions()
        self.setAccessibleDescription(
            self.tr("%1: %2 of 100, %3. %4: %5 of 100, %6.")
            .replace("%1", mine)
            .replace("%2", str(self._in_them))
            .replace("%3", level_label(self._in_them))
            .replace("%4", theirs)
            .replace("%5", str(self._in_me))
            .replace("%6", level_label(self._in_me))
        )
        # The tooltip says what each gauge measures, not the numbers it already shows.
        name = self._name or self.tr("them")
        self.setToolTip(
            self.tr(
                "Left, %1: how far %2's track record with you earns your trust.\n"
                "Right, %3: how far your track record with %2 earns theirs.\n"
                "Each reads 0–100; the ticks mark where the level words change."
            )
            .replace("%1", mine)
            .replace("%2", name)
            .replace("%3", theirs)
        )

    # --- Painting ---------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        return QSize(232, 112 + line)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        half = self.width() / 2
        mine, theirs = self._captions()
        self._gauge(painter, QRectF(0, 0, half, self.height()), self._in_them, TRUST_IN_THEM, mine)
        self._gauge(painter, QRectF(half, 0, half, self.height()), self._in_me, TRUST_IN_ME, theirs)
        if self.hasFocus():
            painter.setPen(
                QPen(self.palette().color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
            )
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def _gauge(
        self, painter: QPainter, area: QRectF, value: int, accent: QColor, caption: str
    ) -> None:
        palette = self.palette()
        caption_font = scaled_font(self.font(), 0.9)
        caption_height = QFontMetrics(caption_font).height()
        side = min(area.width() - 16, area.height() - caption_height - 8)
        dial = QRectF(area.center().x() - side / 2, area.top() + 4, side, side).adjusted(
            THICKNESS / 2, THICKNESS / 2, -THICKNESS / 2, -THICKNESS / 2
        )

        pen = QPen(track(palette), THICKNESS, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(dial, int(START_ANGLE * 16), int(-SWEEP * 16))
        # Ticks where the level word changes (shape tells the level without colour).
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 2))
        centre = dial.center()
        radius = dial.width() / 2
        for bound, _word in LEVELS[1:]:
            angle = math.radians(START_ANGLE - SWEEP * bound / 100)
            direction = QPointF(math.cos(angle), -math.sin(angle))
            painter.drawLine(
                centre + direction * (radius - THICKNESS / 2),
                centre + direction * (radius + THICKNESS / 2),
            )
        if self._known:
            pen.setColor(accent)
            painter.setPen(pen)
            painter.drawArc(dial, int(START_ANGLE * 16), int(-SWEEP * max(value, 1) / 100 * 16))

        number_font = scaled_font(self.font(), 2.1, bold=True)
        word_font = scaled_font(self.font(), 0.9)
        text = palette.color(QPalette.ColorRole.WindowText)
        number_height = QFontMetrics(number_font).height()
        word_height = QFontMetrics(word_font).height()
        block = number_height + word_height
        top = centre.y() - block / 2 + 2
        painter.setFont(number_font)
        painter.setPen(text)
        painter.drawText(
            QRectF(dial.left(), top, dial.width(), number_height),
            Qt.AlignmentFlag.AlignCenter,
            str(value) if self._known else "–",
        )
        painter.setFont(word_font)
        painter.setPen(muted(palette))
        painter.drawText(
            QRectF(dial.left() - 10, top + number_height - 2, dial.width() + 20, word_height),
            Qt.AlignmentFlag.AlignCenter,
            level_label(value) if self._known else "",
        )
        painter.setFont(caption_font)
        painter.setPen(text)
        metrics = QFontMetrics(caption_font)
        caption_rect = QRectF(area.left() + 2, dial.bottom() + 6, area.width() - 4, caption_height)
        painter.drawText(
            caption_rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            metrics.elidedText(caption, Qt.TextElideMode.ElideRight, int(caption_rect.width())),
        )
