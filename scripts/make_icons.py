"""Render the application icon from its SVG into every size and format the platforms want.

Linux (freedesktop hicolor theme): PNG 16–512; Windows: one .ico with 16–256; macOS: .icns.
The PNG/ICO/ICNS files are committed so a build needs no SVG renderer; run this after editing
resources/icons/consent-desk.svg:

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "consent-desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SVG} is not a valid SVG")
    out = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = ICONS / f"consent-desk-{size}.png"
        image.save(str(path))
        out.append(path)
    del app
    return out


def write_ico_and_icns() -> None:
    from PIL import Image

    big = Image.open(ICONS / "consent-desk-512.png")
    big.save(ICONS / "consent-desk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    big.save(ICONS / "consent-desk.icns")


if __name__ == "__main__":
    for p in render_pngs():
        print(p.relative_to(ROOT))
    write_ico_and_icns()
    print("resources/icons/consent-desk.ico", "resources/icons/consent-desk.icns")
