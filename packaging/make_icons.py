"""Draws the application icon for the bundle from resources/icons/cjmapper.svg with Qt's QSvgRenderer: PNGs in the
sizes desktops use, a multi-size Windows .ico and a macOS .icns (both written by Pillow from those drawings).

    python packaging/make_icons.py OUT_FOLDER

Run by scripts/bundle with the build venv's Python (it has PySide6 and Pillow, both run-time dependencies)."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "cjmapper.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def draw(renderer: QSvgRenderer, size: int, path: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"make_icons: cannot write {path}")


def main(out: Path) -> None:
    _app = QGuiApplication(sys.argv[:1])  # QImage and QPainter need one (offscreen is enough)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SVG} is not a valid SVG")
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(renderer, size, out / f"cjmapper-{size}.png")
    largest = Image.open(out / "cjmapper-1024.png")
    largest.save(out / "cjmapper.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(out / "cjmapper.icns")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python packaging/make_icons.py OUT_FOLDER")
    main(Path(sys.argv[1]))
