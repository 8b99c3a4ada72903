"""The override wording, written once: an override never looks like a computed level."""

from __future__ import annotations

from silverage.domain.level_display import level_display


def test_the_override_wording_is_one_function() -> None:
    assert level_display("red", "zh", "yellow") == "红（人工调整，计算结果：黄）"
    assert level_display("red", "en", "green") == "Red (manual override; computed: Green)"
    assert level_display("green") == "绿" and level_display(None, "en") == "Not assessed"
