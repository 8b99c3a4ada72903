"""``silverage assess`` and ``list elders --level`` on the demo roster."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from silverage.cli import main

pytestmark = pytest.mark.db


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return str(path)


def test_assess_all_prints_counts_and_list_by_level_agrees(capsys, demo_file):
    assert main(["--db", demo_file, "assess", "--all", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["assessed"] == 979 and summary["moved"] == []
    assert sum(summary["counts"].values()) == 979 and min(summary["counts"].values()) > 0
    assert main(["--db", demo_file, "list", "elders", "--level", "red", "--json"]) == 0
    reds = json.loads(capsys.readouterr().out)
    assert len(reds) == summary["counts"]["red"] and {r["level"] for r in reds} == {"red"}


def test_assess_without_all_only_touches_people_due(capsys, demo_file):
    assert main(["--db", demo_file, "assess"]) == 0
    out = capsys.readouterr().out
    assert "assessed 0 (due)" in out and "红 red: " in out and "等级变化 moved: 0" in out
