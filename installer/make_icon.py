"""Draw the app icon: a silver seal with a vermilion border and the character 银 (an original design).

    QT_QPA_PLATFORM=offscreen python installer/make_icon.py

Writes resources/icons/silverage-{16..256}.png (the window icon, Linux desktops) and
resources/icons/silverage.ico (every size in one file: the Windows executable, the installer, the
shortcuts and the uninstaller). Each size is drawn on its own, so the small ones stay crisp: the
border is one pixel at 16 px, the character fills as much of the seal as it can. The glyph comes from
the bundled WenQuanYi Micro Hei, so the result is the same on every machine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
SIZES = (16, 24, 32, 48, 64, 128, 256)
SILVER_LIGHT, SILVER_DARK = "#F2F4F6", "#9AA5B1"
VERMILION = "#B3261E"
SMALL = 24  # at this size and below: a solid seal, no frame


def draw(size: int, family: str):  # -> QImage
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QFont, QImage, QLinearGradient, QPainter, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = max(0.5, size / 32)
    body = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    radius = size * 0.18
    gradient = QLinearGradient(QPointF(0, 0), QPointF(size, size))
    gradient.setColorAt(0.0, QColor(SILVER_LIGHT))
    gradient.setColorAt(1.0, QColor(SILVER_DARK))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(body, radius, radius)
    font = QFont(family)
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    if size <= SMALL:
        # Too small for a frame around the character: a solid vermilion seal, the character in
        # silver-white, as large as it fits.
        p.setBrush(QColor(VERMILION))
        p.drawRoundedRect(body, radius, radius)
        font.setPixelSize(round(size * 0.86))
        p.setFont(font)
        p.setPen(QColor(SILVER_LIGHT))
        p.drawText(body, Qt.AlignmentFlag.AlignCenter, "银")
        p.end()
        return image
    border = max(1.0, size / 14)
    inset = margin + border / 2 + max(0.5, size / 24)
    frame = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    p.setPen(QPen(QColor(VERMILION), border))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(frame, radius * 0.7, radius * 0.7)
    font.setPixelSize(round(size * 0.62))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor(VERMILION))
    p.drawText(frame, Qt.AlignmentFlag.AlignCenter, "银")
    p.end()
    return image


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need it
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    if font_id < 0:
        print(f"cannot load {FONT}", file=sys.stderr)
        return 1
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = []
    for size in SIZES:
        path = ICONS / f"silverage-{size}.png"
        if not draw(size, family).save(str(path)):
            print(f"cannot write {path}", file=sys.stderr)
            return 1
        pngs.append(path)
    # One .ico holding each size as drawn (Pillow would otherwise scale the largest one down).
    images = [Image.open(p).convert("RGBA") for p in pngs]
    largest = images[-1]
    largest.save(
        ICONS / "silverage.ico",
        format="ICO",
        sizes=[(s, s) for s in SIZES],
        append_images=images[:-1],
    )
    print(f"wrote {len(pngs)} PNGs and silverage.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
