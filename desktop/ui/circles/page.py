"""Circles: the 5 / 15 / 50 / 150 rings of closeness, with each person placed in theirs.

Quality over quantity, made visible: each ring shows its head count against its natural
size (Dunbar's layers, :mod:`desktop.domain.circles`). Drag a person to another ring to
change their circle (one undoable step on the window's undo stack); click a person to open
them. Acquaintances are counted outside the rings, not drawn: they have no natural size.
The people are read on a worker (``bulk_tasks``), so 10,000 people never freeze the window.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPainter, QPen, QUndoStack
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import circles
from desktop.ui.kit.avatars import render_avatar
from desktop.ui.kit.background import TaskManager
from desktop.ui.kit.style import MARGIN, muted, track
from desktop.ui.kit.undo import UpdateCommand, push

#: The drawn rings, innermost first, and the outer radius of each (scene units).
RINGS = ("inner", "close", "trusted", "network")
RADII = {"inner": 90.0, "close": 170.0, "trusted": 260.0, "network": 360.0}
AVATAR = 26
_GAP = 0.32  # radians kept free either side of each ring's top, where its caption sits


def ring_at(distance: float) -> str:
    """The circle a point at ``distance`` from the centre falls in (outside: acquaintance)."""
    for key in RINGS:
        if distance <= RADII[key]:
            return key
    return circles.DEFAULT_CIRCLE


class PersonDot(QGraphicsPixmapItem):
    """One person on the rings: their avatar; drag it to another ring, click to open."""

    def __init__(self, view: CirclesView, person_id: str, name: str, circle: str, pixmap) -> None:  # type: ignore[no-untyped-def]
        super().__init__(pixmap)
        self.view = view
        self.person_id = person_id
        self.name = name
        self.circle = circle
        self.setOffset(-AVATAR / 2, -AVATAR / 2)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(f"{name} — {circles.circle(circle).label}")
        self.setAcceptHoverEvents(True)
        self._pressed_at: QPointF | None = None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._pressed_at = self.pos()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        start, self._pressed_at = self._pressed_at, None
        if start is None or (self.pos() - start).manhattanLength() < 4:
            self.setPos(start or self.pos())
            self.view.openPersonRequested.emit(self.person_id)
            return
        target = ring_at(math.hypot(self.pos().x(), self.pos().y()))
        if target == self.circle:
            self.setPos(start)
            return
        self.view.move_person(self.person_id, target)


class CirclesView(QWidget):
    """The rings of closeness; ``openPersonRequested(person_id)`` when someone is clicked."""

    openPersonRequested = Signal(str)
    loaded = Signal()

    def __init__(
        self, tasks: TaskManager, stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("circlesView")
        self.setAccessibleName(self.tr("Circles"))
        self._tasks = tasks
        self._stack = stack
        self.summary = QLabel(self.tr("Reading your circles…"), self)
        self.summary.setObjectName("circlesSummary")
        self.summary.setWordWrap(True)
        self.scene = QGraphicsScene(self)
        self.canvas = QGraphicsView(self.scene, self)
        self.canvas.setObjectName("circlesCanvas")
        self.canvas.setAccessibleName(self.tr("Circles of closeness"))
        self.canvas.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.canvas.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.canvas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(self.summary)
        layout.addWidget(self.canvas, 1)
        self.dots: dict[str, PersonDot] = {}
        self.counts: dict[str, int] = {}

    # --- Loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        from desktop.services import network

        self._stale = False
        self._tasks.run("circles", network.circles_overview, self._show)

    def _show(self, result) -> None:  # type: ignore[no-untyped-def]
        members, counts = result
        self.counts = dict(counts)
        self.scene.clear()
        self.dots = {}
        palette = self.palette()
        label_font = QFont(self.font())
        label_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        inner = 0.0
        by_ring: dict[str, list] = {key: [] for key in RINGS}
        for member in members:
            by_ring.setdefault(member.circle, []).append(member)
        for key in reversed(RINGS):
            radius = RADII[key]
            full = len(by_ring[key]) > (circles.circle(key).limit or 0)
            ring = QGraphicsEllipseItem(QRectF(-radius, -radius, 2 * radius, 2 * radius))
            ring.setPen(
                QPen(muted(palette), 1.2, Qt.PenStyle.DashLine if full else Qt.PenStyle.SolidLine)
            )
            ring.setBrush(
                QBrush(track(palette)) if key == "inner" else QBrush(Qt.BrushStyle.NoBrush)
            )
            ring.setZValue(-2)
            self.scene.addItem(ring)
        ratio = self.devicePixelRatioF()
        for index, key in enumerate(RINGS):
            outer = RADII[key]
            inner = RADII[RINGS[index - 1]] if index else 0.0
            people = by_ring[key]
            limit = circles.circle(key).limit or 0
            caption = QGraphicsSimpleTextItem(
                f"{circles.circle(key).label}: {len(people)} / {limit}"
                + (" — past its natural size" if len(people) > limit else "")
            )
            caption.setFont(label_font)
            caption.setBrush(QBrush(palette.color(palette.ColorRole.Text)))
            box = caption.boundingRect()
            middle = -(outer + inner) / 2 if inner else -outer / 2
            caption.setPos(-box.width() / 2, middle - box.height() / 2)
            caption.setZValue(1)
            self.scene.addItem(caption)
            self._place(people, inner, outer, ratio)
        others = counts.get(circles.DEFAULT_CIRCLE, 0)
        outside = QGraphicsSimpleTextItem(
            f"{circles.circle(circles.DEFAULT_CIRCLE).label}: {others} (drop someone here)"
        )
        outside.setFont(label_font)
        outside.setBrush(QBrush(muted(palette)))
        outside.setPos(-outside.boundingRect().width() / 2, RADII["network"] + 8)
        self.scene.addItem(outside)
        edge = RADII["network"] + 40
        self.scene.setSceneRect(QRectF(-edge, -edge, 2 * edge, 2 * edge))
        self.canvas.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.summary.setText(self._summary_text(by_ring, others))
        self.canvas.setAccessibleDescription(self.summary.text())
        self.loaded.emit()

    def _place(self, people: list, inner: float, outer: float, ratio: float) -> None:  # type: ignore[type-arg]
        """Spread a ring's people over concentric tracks between its two edges."""
        if not people:
            return
        band = outer - inner
        tracks = max(1, min(4, int(band // (AVATAR + 4))))
        capacity = []
        for t in range(tracks):
            r = inner + band * (t + 0.5) / tracks if inner else band * (t + 1) / (tracks + 1)
            capacity.append((r, max(1, int(2 * math.pi * r // (AVATAR + 3)))))
        total = sum(c for _, c in capacity)
        placed = 0
        for r, cap in capacity:
            share = min(len(people) - placed, max(1, round(len(people) * cap / total)))
            if r is capacity[-1][0]:
                share = len(people) - placed
            for i in range(share):
                member = people[placed + i]
                # the top of each ring stays free for its caption
                angle = -math.pi / 2 + _GAP + (2 * math.pi - 2 * _GAP) * (i + 0.5) / share
                pixmap = render_avatar(member.name, member.photo, AVATAR, ratio, self.font())
                pixmap.setDevicePixelRatio(ratio)
                dot = PersonDot(self, member.person_id, member.name, member.circle, pixmap)
                dot.setPos(r * math.cos(angle), r * math.sin(angle))
                self.scene.addItem(dot)
                self.dots[member.person_id] = dot
            placed += share
            if placed >= len(people):
                break

    def _summary_text(self, by_ring: dict, others: int) -> str:  # type: ignore[type-arg]
        parts = [
            f"{circles.circle(k).label} {len(by_ring[k])} of about {circles.circle(k).limit}"
            for k in RINGS
        ]
        return (
            "; ".join(parts)
            + f"; {others} acquaintances. "
            + self.tr("Drag someone to another ring to change their circle; click to open.")
        )

    # --- Changing a circle ---------------------------------------------------------------

    def move_person(self, person_id: str, circle: str) -> bool:
        """Put ``person_id`` in ``circle``: one undoable step; the rings reload after."""
        from desktop.services import people

        dot = self.dots.get(person_id)
        name = dot.name if dot else ""
        text = (
            self.tr("Move %1 to %2").replace("%1", name).replace("%2", circles.circle(circle).label)
        )
        ok = push(
            self._stack, UpdateCommand(text, people.update_person, person_id, {"circle": circle})
        )
        self.refresh()
        return ok

    def on_changes(self, changes: frozenset[tuple[str, str]]) -> None:
        """A person row changed (a circle, a name, a photo): re-read when shown."""
        if not any(entity == "person" for entity, _ in changes):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self.counts or getattr(self, "_stale", False):
            self.refresh()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if not self.scene.sceneRect().isEmpty():
            self.canvas.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


__all__ = ["RADII", "RINGS", "CirclesView", "PersonDot", "ring_at"]
