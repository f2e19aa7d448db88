"""A relationship's history in one stream: newest first, under month headings.

Conversations, promises (made, kept, broken, released), exchanges, events and
introductions come from :func:`desktop.services.timeline.timeline_of` as uniform entries;
this module shows them in a painted list (a rail with one shape per kind, so the kind
reads without colour) and turns Enter, Delete and the context menu into requests that the
person view carries out with undoable commands.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.domain.timeline import TimelineEntry, group_by_month
from desktop.ui.kit import format as fmt
from desktop.ui.kit.rows_model import RowsModel
from desktop.ui.kit.style import ALERT, TRUST_IN_ME, TRUST_IN_THEM, muted, scaled_font, track

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class TimelineModel(RowsModel):
    """Month headings and entries in one flat list (headings are not selectable)."""

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        rows: list[str | TimelineEntry] = []
        for label, group in group_by_month(entries):
            rows.append(label)
            rows.extend(group)
        self.set_rows(rows)

    def entry_count(self) -> int:
        return sum(1 for row in self._rows if isinstance(row, TimelineEntry))

    def cell(self, row: str | TimelineEntry, column: str, role: int) -> Any:
        if isinstance(row, str):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return row
            return True if role == HEADER_ROLE else None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == ENTRY_ROLE:
            return row
        if role == HEADER_ROLE:
            return False
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [fmt.day_and_time(row.when if row.when.year > 1 else None), row.title]
            if row.detail:
                parts.append(row.detail)
            if row.confidential:
                parts.append(self.tr("told in confidence"))
            return "\n".join(parts) if role == Qt.ItemDataRole.ToolTipRole else ", ".join(parts)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def row_of(self, ref_id: str) -> int:
        for row, item in enumerate(self._rows):
            if isinstance(item, TimelineEntry) and item.ref_id == ref_id:
                return row
        return -1


RAIL = 28
PAD = 8


def _two_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Word-wrap ``text`` into at most two lines, the second elided."""
    flat = " ".join(text.split())
    if not flat or width <= 0:
        return []
    if metrics.horizontalAdvance(flat) <= width:
        return [flat]
    words = flat.split(" ")
    first = ""
    for i, word in enumerate(words):
        trial = f"{first} {word}".strip()
        if metrics.horizontalAdvance(trial) > width:
            rest = " ".join(words[i:]) if first else flat
            if not first:
                return [metrics.elidedText(flat, Qt.TextElideMode.ElideRight, width)]
            return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
        first = trial
    return [first]


class TimelineDelegate(QStyledItemDelegate):
    """Paints headings and entries; fonts and row heights are worked out once per font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._for: QFont | None = None
        self._cached: tuple[QFont, QFont, QFont] | None = None
        self._heights = (0, 0, 0)

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        if self._cached is None or self._for != base:
            self._for = QFont(base)
            title = scaled_font(base, 1.0, bold=True)
            small = scaled_font(base, 0.9)
            heading = scaled_font(base, 0.85, bold=True)
            self._cached = (title, small, heading)
            title_h = QFontMetrics(title).height()
            small_h = QFontMetrics(small).height()
            self._heights = (
                QFontMetrics(heading).height() + 16,  # a month heading
                title_h + PAD * 2,  # an entry without detail
                title_h + 2 * small_h + PAD * 2,  # an entry with two lines of detail
            )
        return self._cached

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self._fonts(option.font)
        heading, plain, detailed = self._heights
        if index.data(HEADER_ROLE):
            return QSize(200, heading)
        entry: TimelineEntry = index.data(ENTRY_ROLE)
        return QSize(200, detailed if entry is not None and entry.detail.strip() else plain)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        title_font, small_font, heading_font = self._fonts(option.font)
        palette = option.palette
        rect = option.rect
        painter.save()
        if index.data(HEADER_ROLE):
            painter.setFont(heading_font)
            painter.setPen(muted(palette))
            painter.drawText(
                rect.adjusted(PAD, 8, -PAD, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(index.data(Qt.ItemDataRole.DisplayRole)).upper(),
            )
            painter.restore()
            return
        entry: TimelineEntry = index.data(ENTRY_ROLE)
        widget = option.widget
        if widget is not None:
            widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        faded = muted(palette, selected=selected)
        # The rail and the shape of this kind.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre_x = rect.left() + PAD + RAIL / 2
        painter.setPen(QPen(track(palette), 2))
        painter.drawLine(QPointF(centre_x, rect.top()), QPointF(centre_x, rect.bottom() + 1))
        title_metrics = QFontMetrics(title_font)
        marker_y = rect.top() + PAD + title_metrics.height() / 2
        draw_marker(painter, entry.kind, QPointF(centre_x, marker_y), palette)

        left = rect.left() + PAD + RAIL + PAD
        right = rect.right() - PAD
        painter.setFont(small_font)
        small_metrics = QFontMetrics(small_font)
        when = fmt.short_date(entry.when) if entry.when.year > 1 else self.tr("undated")
        if entry.confidential:
            when = self.tr("in confidence · %1").replace("%1", when)
        when_width = small_metrics.horizontalAdvance(when)
        painter.setPen(faded)
        title_rect = QRect(left, rect.top() + PAD, right - left, title_metrics.height())
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when
        )
        painter.setFont(title_font)
        painter.setPen(text)
        title_width = max(0, title_rect.width() - when_width - PAD * 2)
        painter.drawText(
            QRect(left, title_rect.top(), title_width, title_rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, title_width),
        )
        if entry.detail.strip():
            painter.setFont(small_font)
            painter.setPen(faded)
            y = title_rect.bottom() + 1
            for line in _two_lines(entry.detail, small_metrics, right - left):
                painter.drawText(
                    QRect(left, y, right - left, small_metrics.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    line,
                )
                y += small_metrics.height()
        painter.restore()


def draw_marker(painter: QPainter, kind: str, centre: QPointF, palette: QPalette) -> None:
    """One shape per kind of entry: the kind reads without colour."""
    r = 6.0
    base = palette.color(QPalette.ColorRole.Base)
    ink = palette.color(QPalette.ColorRole.Text)
    box = QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
    painter.save()
    painter.setPen(QPen(ink, 1.6))
    painter.setBrush(base)
    if kind == "conversation":
        painter.setBrush(TRUST_IN_THEM)
        painter.setPen(QPen(TRUST_IN_THEM.darker(130), 1.2))
        painter.drawEllipse(box)
    elif kind == "promise":
        painter.setPen(QPen(TRUST_IN_ME.darker(115), 1.8))
        painter.drawRect(box.adjusted(1, 1, -1, -1))
    elif kind == "promise_kept":
        painter.setBrush(TRUST_IN_THEM)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(box)
        painter.setPen(QPen(base, 2))
        path = QPainterPath(QPointF(centre.x() - 3, centre.y()))
        path.lineTo(centre.x() - 0.5, centre.y() + 2.5)
        path.lineTo(centre.x() + 3.5, centre.y() - 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    elif kind == "promise_broken":
        painter.setBrush(ALERT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(box)
        painter.setPen(QPen(base, 2))
        painter.drawLine(
            QPointF(centre.x() - 2.5, centre.y() - 2.5), QPointF(centre.x() + 2.5, centre.y() + 2.5)
        )
        painter.drawLine(
            QPointF(centre.x() + 2.5, centre.y() - 2.5), QPointF(centre.x() - 2.5, centre.y() + 2.5)
        )
    elif kind == "promise_released":
        painter.drawEllipse(box)
        painter.drawLine(QPointF(centre.x() - 3, centre.y()), QPointF(centre.x() + 3, centre.y()))
    elif kind == "exchange":
        path = QPainterPath(QPointF(centre.x(), centre.y() - r))
        path.lineTo(centre.x() + r, centre.y())
        path.lineTo(centre.x(), centre.y() + r)
        path.lineTo(centre.x() - r, centre.y())
        path.closeSubpath()
        painter.setBrush(TRUST_IN_ME)
        painter.setPen(QPen(TRUST_IN_ME.darker(130), 1.2))
        painter.drawPath(path)
    elif kind == "event":
        painter.drawRoundedRect(box, 2, 2)
        painter.drawLine(QPointF(box.left(), box.top() + 4), QPointF(box.right(), box.top() + 4))
    else:  # introduction and anything new: two linked rings
        small = QRectF(0, 0, r * 1.3, r * 1.3)
        small.moveCenter(QPointF(centre.x() - 2.5, centre.y()))
        painter.drawEllipse(small)
        small.moveCenter(QPointF(centre.x() + 2.5, centre.y()))
        painter.drawEllipse(small)
    painter.restore()


class TimelineList(QListView):
    """The list itself: Enter edits, Delete deletes, a context menu offers the rest."""

    editRequested = Signal(object)  # TimelineEntry
    deleteRequested = Signal(object)
    resolveRequested = Signal(object, str)  # entry, "keep" | "break" | "release" | "reopen"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(self.tr("Timeline"))
        self.timeline_model = TimelineModel(self)
        self.setModel(self.timeline_model)
        self.setItemDelegate(TimelineDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.setMouseTracking(True)
        self.doubleClicked.connect(self._edit_index)

    def current_entry(self) -> TimelineEntry | None:
        index = self.currentIndex()
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        return entry if isinstance(entry, TimelineEntry) else None

    def select_ref(self, ref_id: str) -> bool:
        row = self.timeline_model.row_of(ref_id)
        if row < 0:
            return False
        index = self.timeline_model.index(row)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _edit_index(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if isinstance(entry, TimelineEntry):
            self.editRequested.emit(entry)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        entry = self.current_entry()
        if entry is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.editRequested.emit(entry)
            return
        if entry is not None and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit(entry)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: Any) -> None:
        index = self.indexAt(event.pos())
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        if not isinstance(entry, TimelineEntry):
            return
        self.setCurrentIndex(index)
        menu = QMenu(self)
        editable = entry.ref_kind in ("conversation", "commitment", "exchange", "event")
        if editable:
            menu.addAction(self.tr("&Edit…"), lambda: self.editRequested.emit(entry))
        if entry.ref_kind == "commitment":
            menu.addSeparator()
            for how, text in (
                ("keep", self.tr("Mark &Kept")),
                ("break", self.tr("Mark &Broken")),
                ("release", self.tr("&Release")),
                ("reopen", self.tr("Re&open")),
            ):
                action = QAction(text, menu)
                action.triggered.connect(
                    lambda _=False, h=how: self.resolveRequested.emit(entry, h)
                )
                menu.addAction(action)
        if entry.ref_kind in ("conversation", "commitment", "exchange", "introduction"):
            menu.addSeparator()
            menu.addAction(self.tr("&Delete"), lambda: self.deleteRequested.emit(entry))
        menu.exec(event.globalPos())
