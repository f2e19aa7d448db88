"""The search results under the search field: painted hits with matched words marked.

Split from :mod:`desktop.ui.search.field` so the window's first paint does not pay for it:
the popup is built when the search field first gets the focus. Matched words are drawn
run by run with QPainter — a rich-text document per row would cost more than the search.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.domain.records import SearchHit
from desktop.ui.kit.icons import icon
from desktop.ui.kit.rows_model import RowsModel
from desktop.ui.kit.style import muted

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def marked_runs(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, matched) runs along the hit's matched ranges."""
    runs: list[tuple[str, bool]] = []
    last = 0
    for start, end in sorted(spans):
        if start < last or start >= len(text):
            continue
        if start > last:
            runs.append((text[last:start], False))
        runs.append((text[start:end], True))
        last = end
    if last < len(text):
        runs.append((text[last:], False))
    return runs


def around_first_match(
    text: str, spans: tuple[tuple[int, int], ...], lead: int = 24
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Start the shown text a few words before the first match, so it is on screen."""
    if not spans or spans[0][0] <= lead:
        return text, spans
    cut = text.rfind(" ", 0, spans[0][0] - lead)
    cut = cut + 1 if cut >= 0 else spans[0][0] - lead
    shift = cut - 1  # one character for the ellipsis
    moved = tuple((start - shift, end - shift) for start, end in spans if start >= cut)
    return "…" + text[cut:], moved


def draw_marked(
    painter: QPainter, rect: QRect, runs: list[tuple[str, bool]], font: QFont, colour: QColor
) -> None:
    """One line of runs, matched ones bold and underlined, elided at the right edge.

    Drawn run by run with QPainter: a rich-text document per row would cost more than
    the whole search on every keystroke.
    """
    marked = QFont(font)
    marked.setBold(True)
    marked.setUnderline(True)
    x = rect.left()
    painter.setPen(colour)
    for piece, is_match in runs:
        use = marked if is_match else font
        metrics = QFontMetrics(use)
        room = rect.right() - x
        if room <= 0:
            break
        width = metrics.horizontalAdvance(piece)
        if width > room:
            piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, room)
            width = room
        painter.setFont(use)
        painter.drawText(
            QRect(x, rect.top(), width + 1, rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            piece,
        )
        x += width


class HitsModel(RowsModel):
    """Search hits, best first."""

    @property
    def hits(self) -> list[SearchHit]:
        return self._rows

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.set_rows(hits)

    def cell(self, hit: SearchHit, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("people" if hit.type == "person" else "conversation")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            kind = self.tr("Person") if hit.type == "person" else self.tr("Conversation")
            return f"{kind}: {hit.title}. {hit.snippet}"
        return None


class HitDelegate(QStyledItemDelegate):
    """Title, then the snippet with the matched words bold and underlined."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.height()
        return QSize(300, line * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit: SearchHit | None = index.data(HIT_ROLE)
        if hit is None:
            return
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
        rect = option.rect.adjusted(8, 6, -8, -6)
        icon_size = 18
        index.data(Qt.ItemDataRole.DecorationRole).paint(
            painter, QRect(rect.left(), rect.top(), icon_size, icon_size)
        )
        left = rect.left() + icon_size + 8
        line = option.fontMetrics.height()
        title_font = option.font
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text)
        painter.drawText(
            QRect(left, rect.top(), rect.right() - left, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(
                hit.title, Qt.TextElideMode.ElideRight, rect.right() - left
            ),
        )
        snippet, spans = around_first_match(hit.snippet.replace("\n", " "), hit.spans)
        draw_marked(
            painter,
            QRect(left, rect.top() + line + 2, rect.right() - left, line),
            marked_runs(snippet, spans),
            QFont(option.font),
            muted(palette, selected=selected),
        )
        painter.restore()


class SearchPopup(QListView):
    """The results under the search field: an overlay child that never takes focus."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setAccessibleName(self.tr("Search results"))
        self.hits_model = HitsModel(self)
        self.setModel(self.hits_model)
        self.setItemDelegate(HitDelegate(self))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setUniformItemSizes(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setAutoFillBackground(True)  # opaque: a keystroke repaints the list alone
        self.hide()

    def move_selection(self, delta: int) -> None:
        rows = self.hits_model.rowCount()
        if not rows:
            return
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        row = max(0, min(rows - 1, row + delta))
        self.setCurrentIndex(self.hits_model.index(row))

    def current_hit(self) -> SearchHit | None:
        index = self.currentIndex()
        hit = index.data(HIT_ROLE) if index.isValid() else None
        return hit if isinstance(hit, SearchHit) else None
