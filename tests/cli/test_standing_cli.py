"""``silverage standing`` as a script reads it: last month in full on the 1st, phones masked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from silverage.cli.main import main

pytestmark = pytest.mark.db


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return str(path)


def test_standing_json_on_the_first_of_the_month(capsys, demo_file) -> None:  # noqa: ANN001
    assert main(["--db", demo_file, "standing", "--today", "2026-12-01", "--top", "3", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    this, last = out["this_month"], out["last_month"]
    assert (this["month"], this["finished"], this["total"]["due"], this["total"]["rate"]) == (
        "2026-12", False, 0, None,
    )  # fmt: skip
    assert last["month"] == "2026-11" and last["finished"] is True
    assert last["total"]["due"] == last["total"]["required"] > 0
    assert last["total"]["reached"] + last["total"]["missed"] == last["total"]["required"]
    assert [r["key"] for r in last["by_level"]] == ["red", "yellow", "green"]
    assert len(last["by_community"]) == 4 and last["by_community"][-1]["others"] == 5  # 8 communities
    assert out["overdue"] and out["overdue"][0]["level"] == "red"
    assert all("****" in p["phone"] for p in out["overdue"] if p["phone"])


def test_standing_as_lines(capsys, demo_file) -> None:  # noqa: ANN001
    assert main(["--db", demo_file, "standing"]) == 0
    out = capsys.readouterr().out
    assert "本月至今（2026年11月，2026-11-26 之前）" in out and "上月全月（2026年10月）" in out
    assert "逾期未联系" in out
