"""Theme-aware, high-DPI icons from ``resources/icons/*.svg``.

The icon set is drawn in one grey (``#5f6368``, see ``resources/icons/README.md``), which
disappears on a dark window. Each icon is therefore rendered by a small icon engine that
swaps that grey for the current palette's text colour at paint time, at whatever size and
device-pixel ratio Qt asks for — so icons stay crisp on high-DPI screens and follow a
light/dark switch without reloading. A missing file gives an empty icon, never an error.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop import paths

SOURCE_GREY = "#5f6368"


@cache
def _icon_dir() -> Path:
    return paths.resource("icons")


@cache
def _svg_text(name: str) -> str | None:
    path = _icon_dir() / f"{name}.svg"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _ink(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    group = (
        QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
    )
    role = (
        QPalette.ColorRole.HighlightedText
        if mode == QIcon.Mode.Selected
        else QPalette.ColorRole.WindowText
    )
    return palette.color(group, role)


class _TintedSvgEngine(QIconEngine):
    """Renders one SVG in the palette's ink colour; pixmaps cached per size and colour."""

    def __init__(self, name: str, svg: str) -> None:
        super().__init__()
        self._name = name
        self._svg = svg
        self._renderers: dict[str, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[int, int, str], QPixmap] = {}

    def _renderer(self, colour: str) -> QSvgRenderer:
        renderer = self._renderers.get(colour)
        if renderer is None:
            data = QByteArray(self._svg.replace(SOURCE_GREY, colour).encode("utf-8"))
            renderer = QSvgRenderer(data)
            self._renderers[colour] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # QGuiApplication's ratio, not painter.device()'s: resolving the device's Python
        # type costs milliseconds per call in PySide, and paint() runs for every row.
        ratio = QGuiApplication.instance().devicePixelRatio() if QGuiApplication.instance() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        colour = _ink(mode).name()
        width = max(1, round(size.width() * scale))
        height = max(1, round(size.height() * scale))
        key = (width, height, colour)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap(width, height)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(colour).render(painter, QRect(QPoint(0, 0), QSize(width, height)).toRectF())
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        self._pixmaps[key] = pixmap
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._name, self._svg)

    def key(self) -> str:
        return "rapport-tinted-svg"

    def iconName(self) -> str:
        return self._name


_icons: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """The named icon (``"people"`` → ``resources/icons/people.svg``), or an empty icon."""
    cached = _icons.get(name)
    if cached is not None:
        return cached
    svg = _svg_text(name)
    result = QIcon(_TintedSvgEngine(name, svg)) if svg else QIcon()
    _icons[name] = result
    return result


def clear_cache() -> None:
    """Forget rendered pixmaps (after a palette change the engines re-render anyway)."""
    _icons.clear()
