"""The care level as staff read it on screen: marker + label, or 未评估 when there is none."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from silverage.domain.enums import Level


def level_text(level: Level | str | None, lang: str) -> str:
    """``● 红`` / ``▲ Yellow`` …; the translated 未评估 for a person not yet assessed."""
    if not level:
        return QCoreApplication.translate("LevelText", "未评估")
    lv = Level(level)
    return f"{lv.marker} {lv.label(lang)}"
