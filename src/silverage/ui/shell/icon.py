"""The app's icon (a "银" seal, drawn by installer/make_icon.py) on every window and the taskbar."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from silverage.paths import resource

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """Every size of the icon that is bundled (an empty icon if none is: Qt's default then)."""
    icon = QIcon()
    for size in SIZES:
        png = resource("icons", f"silverage-{size}.png")
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon
