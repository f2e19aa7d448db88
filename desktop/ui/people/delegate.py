"""Paints one contact card per row — no widget per person, so 10,000 rows cost nothing.

Layout (left to right): round avatar; name, headline · organization, "last talked …" and
tags; on the right the promises-due badge and a small two-way trust bar (→ your trust in
them, ← theirs in you), each with its number so colour is never the only cue.

A screen of cards must paint in a few milliseconds, so fonts, metrics and colours are
worked out once per font and palette, texts are drawn at baseline points (no layout
pass), and the short texts every card repeats (numbers, arrows, badges) are prepared
once as QStaticText.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.domain.records import PersonSummary
from desktop.ui.kit import format as fmt
from desktop.ui.kit.avatars import AvatarCache
from desktop.ui.kit.style import (
    ALERT,
    ON_ACCENT,
    TRUST_IN_ME,
    TRUST_IN_THEM,
    muted,
    scaled_font,
    track,
)
from desktop.ui.people.model import COMPLETE_ROLE, SUMMARY_ROLE

AVATAR = 40
PAD_X = 12
PAD_Y = 9
GAP = 12
TRUST_COLUMN = 78
BAR = 36
ELIDE = Qt.TextElideMode.ElideRight
SELECTED = QStyle.StateFlag.State_Selected


class _Fonts:
    """Everything that depends on the font only."""

    def __init__(self, base: QFont) -> None:
        self.base = QFont(base)
        self.name = scaled_font(base, 1.0, bold=True)
        self.small = scaled_font(base, 0.88)
        self.tiny = scaled_font(base, 0.8, bold=True)
        self.name_metrics = QFontMetrics(self.name)
        self.small_metrics = QFontMetrics(self.small)
        self.tiny_metrics = QFontMetrics(self.tiny)
        self.line = max(self.name_metrics.height(), QFontMetrics(base).height())
        self.small_line = self.small_metrics.height()
        self.number_width = self.tiny_metrics.horizontalAdvance("100")
        self.arrow_width = self.tiny_metrics.horizontalAdvance("→") + 3
        self.statics: dict[str, QStaticText] = {}

    def static(self, text: str) -> QStaticText:
        """A prepared text in the tiny font (numbers, arrows, badges repeat on every card)."""
        cached = self.statics.get(text)
        if cached is None:
            cached = QStaticText(text)
            cached.setTextFormat(Qt.TextFormat.PlainText)
            cached.prepare(font=self.tiny)
            self.statics[text] = cached
        return cached


class _Colours:
    def __init__(self, palette: QPalette) -> None:
        self.text = palette.color(QPalette.ColorRole.Text)
        self.selected_text = palette.color(QPalette.ColorRole.HighlightedText)
        self.faded = muted(palette)
        self.selected_faded = muted(palette, selected=True)
        self.track = track(palette)


class PersonCardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.avatars = AvatarCache()
        self._fonts: _Fonts | None = None
        self._colours: tuple[int, _Colours] | None = None
        self._today = date.today()

    def _fonts_for(self, base: QFont) -> _Fonts:
        if self._fonts is None or self._fonts.base != base:
            self._fonts = _Fonts(base)
        return self._fonts

    def _colours_for(self, palette: QPalette) -> _Colours:
        key = palette.cacheKey()
        if self._colours is None or self._colours[0] != key:
            self._colours = (key, _Colours(palette))
        return self._colours[1]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        f = self._fonts_for(option.font)
        height = PAD_Y * 2 + f.line + f.small_line * 2 + 4
        return QSize(320, max(height, AVATAR + PAD_Y * 2))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        summary: PersonSummary | None = index.data(SUMMARY_ROLE)
        if summary is None:
            return
        complete = bool(index.data(COMPLETE_ROLE))
        widget = option.widget
        f = self._fonts_for(option.font)
        c = self._colours_for(option.palette)
        painter.save()
        if widget is not None:  # native hover/selection background, without default text
            widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        selected = bool(option.state & SELECTED)
        text_colour = c.selected_text if selected else c.text
        faded = c.selected_faded if selected else c.faded
        rect = option.rect
        top = rect.top() + PAD_Y
        ratio = widget.devicePixelRatioF() if widget is not None else 1.0
        avatar = self.avatars.avatar(
            summary.id, summary.full_name, summary.has_photo, AVATAR, ratio, option.font
        )
        painter.drawPixmap(rect.left() + PAD_X, top, avatar)

        left = rect.left() + PAD_X + AVATAR + GAP
        right = rect.right() - PAD_X
        text_right = right - TRUST_COLUMN - GAP if complete else right
        width = max(0, text_right - left)

        # Line 1: the name, and the due badge at the right of the text column.
        badge_width = 0
        if complete and summary.promises_due:
            label = self.tr("%1 due").replace("%1", str(summary.promises_due))
            badge_width = f.tiny_metrics.horizontalAdvance(label) + 12
            badge = QRectF(text_right - badge_width, top + 2, badge_width, f.line - 4)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ALERT)
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(ON_ACCENT)
            static = f.static(label)
            size = static.size()
            painter.drawStaticText(
                QPointF(
                    badge.center().x() - size.width() / 2, badge.center().y() - size.height() / 2
                ),
                static,
            )
            badge_width += 6
        painter.setFont(f.name)
        painter.setPen(text_colour)
        name = f.name_metrics.elidedText(summary.full_name, ELIDE, max(0, width - badge_width))
        baseline = top + (f.line + f.name_metrics.ascent() - f.name_metrics.descent()) / 2
        painter.drawText(QPointF(left, baseline), name)

        # Line 2: headline · organization; line 3: "last talked …" and tags.
        painter.setFont(f.small)
        painter.setPen(faded)
        line2_top = top + f.line + 2
        line3_top = line2_top + f.small_line + 2
        ascent = f.small_metrics.ascent()
        work = " · ".join(p for p in (summary.headline, summary.organization) if p)
        if work:
            painter.drawText(
                QPointF(left, line2_top + ascent), f.small_metrics.elidedText(work, ELIDE, width)
            )
        parts = []
        if complete:
            parts.append(fmt.last_talked(summary.last_contact, self._today))
        if summary.tags:
            parts.append(" ".join(f"#{t}" for t in summary.tags))
        if parts:
            painter.drawText(
                QPointF(left, line3_top + ascent),
                f.small_metrics.elidedText("  ·  ".join(parts), ELIDE, width),
            )
        if complete:
            self._trust_bars(painter, f, c, faded, summary, right, line2_top, line3_top)
        painter.restore()

    def _trust_bars(
        self,
        painter: QPainter,
        f: _Fonts,
        c: _Colours,
        faded: QColor,
        s: PersonSummary,
        right: int,
        line2_top: int,
        line3_top: int,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = right - TRUST_COLUMN
        height = f.small_line
        for line_top, value, colour, arrow in (
            (line2_top, s.trust_in_them, TRUST_IN_THEM, "→"),
            (line3_top, s.their_trust_in_me, TRUST_IN_ME, "←"),
        ):
            middle = line_top + height / 2
            painter.setPen(faded)
            arrow_text = f.static(arrow)
            painter.drawStaticText(QPointF(x, middle - arrow_text.size().height() / 2), arrow_text)
            bar = QRectF(x + f.arrow_width, middle - 2.5, BAR, 5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(c.track)
            painter.drawRoundedRect(bar, 2.5, 2.5)
            painter.setBrush(colour)
            painter.drawRoundedRect(
                QRectF(bar.left(), bar.top(), max(5.0, BAR * value / 100), 5), 2.5, 2.5
            )
            painter.setPen(faded)
            number = f.static(str(value))
            size = number.size()
            painter.drawStaticText(
                QPointF(right - size.width(), middle - size.height() / 2), number
            )
