"""Render resources/icons/app.svg into the per-OS icon files the bundles need.

    python packaging/make_icons.py

Writes hicolor PNGs for Linux (packaging/linux/icons/hicolor/<size>/apps/…), a Windows
.ico and a macOS .icns. Uses Qt (QtSvg) to rasterise and Qt's image writers for ICO;
.icns is assembled by hand (a simple container of PNGs) so no extra tool is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
APP_ID = "app.rapport.Rapport"
LINUX_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    QGuiApplication(sys.argv[:1])
    for size in LINUX_SIZES:
        folder = ROOT / "packaging" / "linux" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        render(size).save(str(folder / f"{APP_ID}.png"))
    scalable = ROOT / "packaging" / "linux" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / f"{APP_ID}.svg").write_bytes(SOURCE.read_bytes())
    ico = ROOT / "packaging" / "windows" / "rapport.ico"
    if not render(256).save(str(ico), "ICO"):
        print("Qt has no ICO writer here; skipped", ico, file=sys.stderr)
    chunks = b"".join(
        kind + struct.pack(">I", len(png) + 8) + png
        for size, kind in ICNS_TYPES.items()
        for png in [png_bytes(render(size))]
    )
    icns = ROOT / "packaging" / "macos" / "rapport.icns"
    icns.write_bytes(b"icns" + struct.pack(">I", len(chunks) + 8) + chunks)
    print("icons written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
