"""Render the app icon's PNG sizes, and the Windows .ico and macOS .icns, from the SVG.

    python packaging/make_icons.py

Qt's QSvgRenderer draws each size from resources/icons/kaizen-studio.svg, so a
small size is drawn for its own grid rather than scaled down from a big bitmap.
Pillow (already installed with ReportLab) only packs those bitmaps into .ico and
.icns. Run it after changing the SVG and commit what it writes.
"""

import os
import sys
from io import BytesIO
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SOURCE = ICONS / "kaizen-studio.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def png_path(size: int) -> Path:
    return ICONS / f"kaizen-studio-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def to_pillow(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(BytesIO(bytes(buffer.data().data()))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs an application)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"{SOURCE} is not a valid SVG.", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in {*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES}}
    for size in PNG_SIZES:
        images[size].save(str(png_path(size)), "PNG", 9)
        print(png_path(size).relative_to(ICONS.parents[1]))
    bitmaps = {size: to_pillow(image) for size, image in images.items()}
    largest = bitmaps[max(ICO_SIZES)]
    largest.save(
        ICONS / "kaizen-studio.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[bitmaps[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    bitmaps[max(ICNS_SIZES)].save(
        ICONS / "kaizen-studio.icns",
        append_images=[bitmaps[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    print("resources/icons/kaizen-studio.ico\nresources/icons/kaizen-studio.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
