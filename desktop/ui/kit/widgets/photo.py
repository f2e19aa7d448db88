"""The person's photo: click to choose a file, or drop an image or image file on it.

The store keeps a small thumbnail, never the original: any image is cropped to a square
and scaled to :data:`THUMBNAIL` pixels, then saved as PNG bytes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QImageReader,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from desktop.ui.kit.avatars import render_avatar

THUMBNAIL = 256
IMAGE_FILTER = "*.png *.jpg *.jpeg *.gif *.bmp *.webp *.tif *.tiff"


def thumbnail_png(image: QImage, side: int = THUMBNAIL) -> bytes:
    """Centre-crop ``image`` to a square, scale it to ``side`` px and encode it as PNG."""
    if image.isNull():
        raise ValueError("the image is empty or unreadable")
    scaled = image.scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    x = (scaled.width() - side) // 2
    y = (scaled.height() - side) // 2
    square = scaled.copy(x, y, side, side).convertToFormat(QImage.Format.Format_ARGB32)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    square.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def image_from_mime(mime: QMimeData) -> QImage:
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            return image
    for url in mime.urls():
        if url.isLocalFile():
            reader = QImageReader(url.toLocalFile())
            reader.setAutoTransform(True)
            image = reader.read()
            if not image.isNull():
                return image
    return QImage()


class PhotoWidget(QWidget):
    """Shows the avatar; emits :attr:`photoChosen` with thumbnail bytes (None: removed)."""

    photoChosen = Signal(object)

    def __init__(self, parent: QWidget | None = None, size: int = 88) -> None:
        super().__init__(parent)
        self.setObjectName("photo")
        self._size = size
        self._name = ""
        self._photo: bytes | None = None
        self._hover = False
        self._pixmap: QPixmap | None = None
        self.setFixedSize(size, size)
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Photo"))
        self.setToolTip(self.tr("Click to choose a photo, or drop one here"))

    def set_person(self, name: str, photo: bytes | None) -> None:
        self._name = name
        self._photo = photo
        self._pixmap = None
        self.setAccessibleDescription(
            self.tr("Photo of %1").replace("%1", name) if photo else self.tr("No photo yet")
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        ratio = self.devicePixelRatioF()
        if self._pixmap is None or self._pixmap.devicePixelRatio() != ratio:
            self._pixmap = render_avatar(
                self._name or "?", self._photo, self._size, ratio, self.font()
            )
        painter.drawPixmap(0, 0, self._pixmap)
        if self._hover or self.hasFocus():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.5))
            painter.drawEllipse(self.rect().adjusted(2, 2, -2, -2))
        painter.end()

    def enterEvent(self, event: object) -> None:
        self._hover = True
        self.update()

    def leaveEvent(self, event: object) -> None:
        self._hover = False
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.choose()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.choose()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._photo:
            self.photoChosen.emit(None)
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Choose Photo…"), self.choose)
        remove = menu.addAction(self.tr("Remove Photo"), lambda: self.photoChosen.emit(None))
        remove.setEnabled(self._photo is not None)
        menu.exec(event.globalPos())

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a Photo"),
            str(Path.home()),
            self.tr("Images (%1)").replace("%1", IMAGE_FILTER),
        )
        if path:
            self.use_file(Path(path))

    def use_file(self, path: Path) -> None:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        self.use_image(reader.read())

    def use_image(self, image: QImage) -> None:
        if image.isNull():
            return
        self.photoChosen.emit(thumbnail_png(image))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasImage() or any(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        image = image_from_mime(event.mimeData())
        if not image.isNull():
            event.acceptProposedAction()
            self.use_image(image)
