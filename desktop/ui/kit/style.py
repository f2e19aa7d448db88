"""Shared look: spacing, the two trust accents and small painting helpers.

Everything else comes from the palette (light and dark follow the OS). The few fixed
colours here are mid-tone accents chosen to read on both a white and a near-black
window, and none of them carries meaning alone: numbers, words and shapes go with them.
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QWidget

SPACING = 8
MARGIN = 12

#: You → them (teal) and them → you (amber): distinct in hue and in lightness, so they
#: stay apart for the colour-blind too; always drawn with a number and an arrow.
TRUST_IN_THEM = QColor("#2a9d8f")
TRUST_IN_ME = QColor("#e09f3e")
#: Overdue / due badges.
ALERT = QColor("#d1495b")
ON_ACCENT = QColor("#ffffff")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def muted(palette: QPalette, *, selected: bool = False) -> QColor:
    """Secondary text: the text colour, faded toward the background."""
    text = palette.color(
        QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    )
    base = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
    return blend(text, base, 0.62)


def track(palette: QPalette) -> QColor:
    """The empty part of a bar or gauge."""
    return blend(
        palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.16
    )


def blend(a: QColor, b: QColor, amount_of_a: float) -> QColor:
    t = max(0.0, min(1.0, amount_of_a))
    return QColor(
        round(a.red() * t + b.red() * (1 - t)),
        round(a.green() * t + b.green() * (1 - t)),
        round(a.blue() * t + b.blue() * (1 - t)),
    )


def avatar_colour(name: str) -> QColor:
    """A stable, mid-dark hue per name: white initials read on it in light and dark."""
    hue = zlib.crc32(name.encode("utf-8")) % 360
    return QColor.fromHsl(hue, 110, 96)


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    else:
        font.setPixelSize(max(8, round(base.pixelSize() * factor)))
    font.setBold(bold)
    return font


def draw_badge(painter: QPainter, rect: QRectF, text: str, colour: QColor) -> None:
    """A rounded pill with light text (due counts, "overdue")."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    from PySide6.QtCore import Qt  # building the Qt namespace costs ~40 ms: not at start-up

    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    radius = rect.height() / 2
    painter.drawRoundedRect(rect, radius, radius)
    painter.setPen(ON_ACCENT)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


class _Muter(QObject):
    """Keeps secondary labels faded after a light/dark switch (an explicitly set palette
    role would otherwise keep the old theme's grey)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(watched, QWidget) and kind in (
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.StyleChange,
        ):
            _fade(watched)
        return False


_muter: _Muter | None = None


def _fade(widget: QWidget) -> None:
    palette = widget.palette()
    base = QApplication.palette(widget)
    palette.setColor(widget.foregroundRole(), muted(base))
    widget.setPalette(palette)


def make_muted(widget: QWidget) -> None:
    """Show ``widget``'s text as secondary text, now and after any theme change."""
    global _muter
    if _muter is None:
        _muter = _Muter(QApplication.instance())
    _fade(widget)
    widget.installEventFilter(_muter)
