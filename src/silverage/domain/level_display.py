"""How a person's care level is written for staff, with a manual override always shown as one."""

from __future__ import annotations

from silverage.domain.enums import Level


def level_display(level: Level | str | None, lang: str = "zh", computed: Level | str | None = None) -> str:
    """ "红", or with an override "红（人工调整，计算结果：黄）"; "未评估" for no level yet.

    ``computed`` is the level the rules gave, passed only when a manual override is in force, so
    an override never looks like a computed level.
    """
    zh = lang.startswith("zh")
    if level is None:
        return "未评估" if zh else "Not assessed"
    shown = Level(level).label(lang)
    if computed is None:
        return shown
    rules = Level(computed).label(lang)
    return (
        f"{shown}（人工调整，计算结果：{rules}）" if zh else f"{shown} (manual override; computed: {rules})"
    )
