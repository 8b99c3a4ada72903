"""Register the bundled CJK font so Chinese renders on a PC that has none."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from silverage.paths import font_path

log = logging.getLogger(__name__)


def install_cjk_font(app: QApplication) -> str | None:
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id < 0:
        log.warning("Could not load the bundled CJK font")
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    family = families[0]
    font = QFont(app.font())
    # Prefer the system UI font for Latin text, fall back to the bundled font for Chinese.
    font.setFamilies([app.font().family(), family])
    font.setPointSize(max(10, app.font().pointSize()))
    app.setFont(font)
    return family
