"""Round avatars: the person's photo when there is one, else initials on a stable colour.

Painted avatars are cached per person, size and device-pixel ratio, so scrolling a list
of 10,000 cards never decodes a photo twice; a change to the person drops their entry.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPainterPath, QPixmap

from desktop.ui.kit import format as fmt
from desktop.ui.kit.style import ON_ACCENT, avatar_colour

_LIMIT = 600


class AvatarCache:
    def __init__(self) -> None:
        self._pixmaps: OrderedDict[tuple[str, int, float], QPixmap] = OrderedDict()

    def avatar(
        self, person_id: str, name: str, has_photo: bool, size: int, ratio: float, font: QFont
    ) -> QPixmap:
        key = (person_id, size, ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            self._pixmaps.move_to_end(key)
            return pixmap
        photo = None
        if has_photo:
            from desktop.services.ui_queries import photo_of

            photo = photo_of(person_id)
        pixmap = render_avatar(name, photo, size, ratio, font)
        self._pixmaps[key] = pixmap
        if len(self._pixmaps) > _LIMIT:
            self._pixmaps.popitem(last=False)
        return pixmap

    def forget(self, person_id: str) -> None:
        for key in [k for k in self._pixmaps if k[0] == person_id]:
            del self._pixmaps[key]

    def clear(self) -> None:
        self._pixmaps.clear()


def render_avatar(name: str, photo: bytes | None, size: int, ratio: float, font: QFont) -> QPixmap:
    side = max(1, round(size * ratio))
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    circle = QPainterPath()
    circle.addEllipse(QRectF(0, 0, side, side))
    image = QImage.fromData(QByteArray(photo)) if photo else QImage()
    if not image.isNull():
        painter.setClipPath(circle)
        scaled = image.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawImage((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
    else:
        painter.fillPath(circle, avatar_colour(name))
        letters = QFont(font)
        letters.setBold(True)
        letters.setPixelSize(max(6, round(side * 0.38)))
        painter.setFont(letters)
        painter.setPen(ON_ACCENT)
        painter.drawText(QRectF(0, 0, side, side), Qt.AlignmentFlag.AlignCenter, fmt.initials(name))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap
