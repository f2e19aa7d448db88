"""Who knows whom: the people around someone (two steps), and who can introduce you to them.

Two people are linked when one introduced the other or they shared a conversation with
you (:mod:`desktop.domain.network`). Choose a person: the graph shows them at the centre,
the people they know around them and the people those know further out; the answer line
says whom to ask — the warmest path by your trust, "Ask Ben, who knows Carl, who knows
Dana." — and the path is drawn thick from "You". Click someone to centre on them.

Reading the whole network takes seconds at 10,000 people, so it runs on a worker
(``bulk_tasks``) behind a busy bar; each question after that is answered on the worker too.
Writes while it is on screen re-read it once they pause, or only the trust they moved.
"""

from __future__ import annotations

import math
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QCompleter,
    QGraphicsEllipseItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.network import neighbourhood
from desktop.domain.trust import first_name
from desktop.ui.kit.background import TaskManager
from desktop.ui.kit.style import MARGIN, SPACING, TRUST_IN_THEM, avatar_colour, muted, track

NODE = 30.0
#: Quiet time after the last graph-changing write before the network is re-read.
RELOAD_DELAY_MS = 400
#: Quiet time after the last promise or exchange write before trust is re-read.
TRUST_DELAY_MS = 100
STEP_RADIUS = (0.0, 150.0, 290.0)
YOU = "__you__"


#: Half the wedge, facing "You" on the left, kept free for the path's thick line.
_WEDGE = 0.35


def _ring_positions(ring: list[str], radius: float, path: tuple[str, ...]) -> dict[str, QPointF]:
    """Places on a ring: people on the path face "You" (left), the rest spread around the
    other side, so the path's line never crosses a stranger."""
    on_path = [p for p in ring if p in path]
    others = [p for p in ring if p not in path]
    places: dict[str, QPointF] = {}
    for i, pid in enumerate(on_path):
        angle = math.pi + (i - (len(on_path) - 1) / 2) * 0.3
        places[pid] = QPointF(radius * math.cos(angle), radius * math.sin(angle))
    span = 2 * math.pi - 2 * _WEDGE
    for i, pid in enumerate(others):
        angle = -math.pi + _WEDGE + span * (i + 0.5) / len(others)
        places[pid] = QPointF(radius * math.cos(angle), radius * math.sin(angle))
    return places


class _Node(QGraphicsEllipseItem):
    def __init__(self, view: NetworkView, person_id: str, name: str, colour) -> None:  # type: ignore[no-untyped-def]
        super().__init__(QRectF(-NODE / 2, -NODE / 2, NODE, NODE))
        self.view = view
        self.person_id = person_id
        self.name = name
        self.setBrush(QBrush(colour))
        self.setToolTip(name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.person_id != YOU:
            self.view.set_target(self.person_id)
        event.accept()


class NetworkView(QWidget):
    """The graph around a person and the answer to "who can introduce me to them?"."""

    openPersonRequested = Signal(str)
    answered = Signal()

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self.setAccessibleName(self.tr("Who knows whom"))
        self._tasks = tasks
        self.network = None
        self.target: str | None = None
        self.shown: list[str] = []
        self.path: tuple[str, ...] = ()
        self._ids_by_name: dict[str, str] = {}

        self.who = QLineEdit(self)
        self.who.setObjectName("networkPerson")
        self.who.setAccessibleName(self.tr("Who can introduce me to"))
        self.who.setPlaceholderText(self.tr("Who can introduce me to… (type a name)"))
        self.who.returnPressed.connect(self._typed)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(lambda _text: self._typed())
        self.who.setCompleter(completer)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("networkOpenPerson")
        self.open_button.setAccessibleName(self.tr("Open the person at the centre"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(
            lambda: self.target and self.openPersonRequested.emit(self.target)
        )
        self.answer = QLabel(self)
        self.answer.setObjectName("introductionAnswer")
        self.answer.setAccessibleName(self.tr("Whom to ask"))
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("networkProgress")
        self.busy.setAccessibleName(self.tr("Reading who knows whom"))
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()
        self.scene = QGraphicsScene(self)
        self.canvas = QGraphicsView(self.scene, self)
        self.canvas.setObjectName("networkCanvas")
        self.canvas.setAccessibleName(self.tr("Who knows whom graph"))
        self.canvas.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.canvas.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.canvas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(self.who, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.answer)
        layout.addWidget(self.canvas, 1)

        self._stale = False
        self._pending_trust: frozenset[tuple[str, str]] = frozenset()
        #: Writes come in bursts (an import, a capture's several rows, typing in a form):
        #: one reload or trust update after they pause, not one per write.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.refresh)
        self._trust_timer = QTimer(self)
        self._trust_timer.setSingleShot(True)
        self._trust_timer.setInterval(TRUST_DELAY_MS)
        self._trust_timer.timeout.connect(self._update_trust)

    # --- Loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        """(Re)read the network on the worker; the current question is asked again after."""
        from desktop.services import network

        self._stale = False
        self._reload_timer.stop()
        self._pending_trust = frozenset()
        self._trust_timer.stop()
        self.busy.show()
        self.answer.setText(self.tr("Reading who knows whom…"))
        self._tasks.run("network", network.load_network, self._loaded)

    def _loaded(self, network) -> None:  # type: ignore[no-untyped-def]
        self.network = network
        self.busy.hide()
        self._ids_by_name = {}
        for pid, name in sorted(network.names.items(), key=lambda item: item[1].casefold()):
            self._ids_by_name.setdefault(name, pid)
        self._names.setStringList(list(self._ids_by_name))
        target = self.target
        if target is None or target not in network.names:
            trusted = sorted(network.trust_in.items(), key=lambda item: (-item[1], item[0]))
            target = next((pid for pid, _ in trusted if pid in network.graph), None)
        if target is None:
            self.answer.setText(self.tr("No introductions or shared conversations yet."))
            self.scene.clear()
            return
        self.set_target(target)

    def _typed(self) -> None:
        pid = self._ids_by_name.get(self.who.text().strip())
        if pid is None:
            self.answer.setText(self.tr("Nobody by that name in your network."))
            return
        self.set_target(pid)

    def set_target(self, person_id: str) -> None:
        """Centre the graph on ``person_id`` and ask who can introduce you to them."""
        from desktop.services import network as service

        network = self.network
        if network is None:
            self.target = person_id
            return
        self.target = person_id
        self.open_button.setEnabled(True)
        self.who.setText(network.names.get(person_id, ""))

        def ask():  # type: ignore[no-untyped-def]
            around = neighbourhood(network.graph, person_id, steps=2, limit=60)
            return around, service.who_can_introduce(network, person_id)

        self._tasks.run("network-question", ask, self._answered)

    def _answered(self, result) -> None:  # type: ignore[no-untyped-def]
        around, answer = result
        network = self.network
        name = first_name(network.names.get(self.target, ""))
        if answer is None:
            self.path = ()
            self.answer.setText(self.tr("Nobody you know is linked to %1 yet.").replace("%1", name))
        else:
            self.path = answer.people
            warmth = round(answer.warmth * 100)
            self.answer.setText(
                answer.sentence() + " " + self.tr("(warmth %1 of 100)").replace("%1", str(warmth))
            )
        self._draw(around)
        self.canvas.setAccessibleDescription(self.answer.text())
        self.answered.emit()

    # --- Drawing -----------------------------------------------------------------------

    def _draw(self, around: list[str]) -> None:
        network = self.network
        self.scene.clear()
        palette = self.palette()
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        positions: dict[str, QPointF] = {}
        steps = {around[0]: 0} if around else {}
        for pid in around[1:]:
            near = any(o in network.graph.get(pid, {}) for o in (around[0],))
            steps[pid] = 1 if near else 2
        ring1 = [p for p in around if steps.get(p) == 1]
        ring2 = [p for p in around if steps.get(p) == 2]
        if around:
            positions[around[0]] = QPointF(0, 0)
        for ring, radius in ((ring1, STEP_RADIUS[1]), (ring2, STEP_RADIUS[2])):
            positions.update(_ring_positions(ring, radius, self.path))
        # the path's people who are not in the picture go on a line towards "You"
        you = QPointF(-STEP_RADIUS[2] - 130, 0)
        missing = [p for p in self.path if p not in positions]
        for i, pid in enumerate(missing):
            positions[pid] = QPointF(you.x() + 60 * (i + 1), 0)
        shown = set(positions)
        line = QPen(track(palette), 1.2)
        for pid in shown:
            for other in network.graph.get(pid, {}):
                if other in shown and pid < other:
                    self.scene.addLine(
                        positions[pid].x(),
                        positions[pid].y(),
                        positions[other].x(),
                        positions[other].y(),
                        line,
                    ).setZValue(-2)
        if self.path:
            thick = QPen(TRUST_IN_THEM, 4)
            chain = [you, *(positions[p] for p in self.path)]
            for a, b in pairwise(chain):
                self.scene.addLine(a.x(), a.y(), b.x(), b.y(), thick).setZValue(-1)
        self.shown = [p for p in around if p in positions] + missing
        for pid, at in positions.items():
            name = network.names.get(pid, "?")
            node = _Node(self, pid, name, avatar_colour(name))
            node.setPen(
                QPen(palette.color(palette.ColorRole.Text), 3 if pid == self.target else 0.5)
            )
            node.setPos(at)
            self.scene.addItem(node)
            initials = QGraphicsSimpleTextItem(
                "".join(w[:1] for w in name.split()[:2]).upper(), node
            )
            initials.setFont(font)
            initials.setBrush(QBrush(Qt.GlobalColor.white))
            box = initials.boundingRect()
            initials.setPos(-box.width() / 2, -box.height() / 2)
            if steps.get(pid, 1) <= 1 or pid in self.path:
                label = QGraphicsSimpleTextItem(first_name(name), node)
                label.setFont(font)
                label.setBrush(QBrush(palette.color(palette.ColorRole.Text)))
                label.setPos(-label.boundingRect().width() / 2, NODE / 2 + 1)
        me = _Node(self, YOU, self.tr("You"), muted(palette))
        me.setPos(you)
        self.scene.addItem(me)
        tag = QGraphicsSimpleTextItem(self.tr("You"), me)
        tag.setFont(font)
        tag.setBrush(QBrush(palette.color(palette.ColorRole.Text)))
        tag.setPos(-tag.boundingRect().width() / 2, NODE / 2 + 1)
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self.canvas.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    # --- Staying current ---------------------------------------------------------------

    def on_changes(self, changes: frozenset[tuple[str, str]]) -> None:
        """Keep the picture current without re-reading 10,000 people on every write.

        A write that changes the graph (a conversation, an introduction, a name) re-reads
        it once the writes pause (a burst of saves is one reload); one that only moves your
        trust (a promise kept, a favour) re-reads the trust of the people it touches. While
        hidden, the view only remembers that it is stale.
        """
        from desktop.services import network as service

        if service.needs_reload(changes):
            self._stale = True
            if self.isVisible():
                self._reload_timer.start()
        elif service.moves_trust(changes):
            if not self.isVisible() or self.network is None or self._reload_timer.isActive():
                self._stale = True
            else:
                self._pending_trust = self._pending_trust | changes
                self._trust_timer.start()

    def _update_trust(self) -> None:
        """On the worker: your trust in the touched people, then the question again."""
        from desktop.services import network as service

        # Pending changes are dropped only once applied: a newer request supersedes an
        # older one still running (its result is ignored), so each carries them all.
        network, changes = self.network, self._pending_trust
        if network is None or not changes:
            return
        self._tasks.run(
            "network-trust",
            lambda: (network, changes, service.with_fresh_trust(network, changes)),
            self._retrusted,
        )

    def _retrusted(self, result) -> None:  # type: ignore[no-untyped-def]
        base, changes, network = result
        if self._stale or self.network is not base:
            return  # a reload came in meanwhile, or is due: it brings the same trust
        self._pending_trust = self._pending_trust - changes
        self.network = network
        if self.target is not None:
            self.set_target(self.target)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self.network is None or self._stale:
            self.refresh()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if not self.scene.sceneRect().isEmpty():
            self.canvas.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
