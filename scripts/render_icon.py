"""Render icons/lunar_lab.svg to icons/lunar_lab.png (128x128): the plugin repository shows PNG/JPEG icons only
(metadata.txt's ``icon``). Run after changing the SVG:  .venv/bin/python scripts/render_icon.py"""
import sys
from pathlib import Path

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QGuiApplication, QImage, QPainter
from qgis.PyQt.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]


def render(svg, png, size=128):
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png), "PNG"):
        raise SystemExit(f"{png}: could not be written")


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    render(ROOT / "icons" / "lunar_lab.svg", ROOT / "icons" / "lunar_lab.png")
    print(ROOT / "icons" / "lunar_lab.png")
