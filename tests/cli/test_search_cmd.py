"""``silverage list elders --search TEXT``: the roster search box's matcher, from the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from silverage.cli import main


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return str(path)


def _names(capsys, demo_file: str, *extra: str) -> list[str]:
    assert main(["--db", demo_file, "--user", "duda", "list", "elders", "--json", *extra]) == 0
    return [r["name"] for r in json.loads(capsys.readouterr().out)]


def test_search_by_the_word_reading_finds_every_changsheng(capsys, demo_file):
    everyone = _names(capsys, demo_file)
    expected = sorted(n for n in everyone if n[1:] == "长生")
    assert expected, "the demo roster has people named X长生"
    assert sorted(_names(capsys, demo_file, "--search", "changsheng")) == expected


def test_search_words_all_apply_and_chinese_text_works(capsys, demo_file):
    found = _names(capsys, demo_file, "--search", "陈 cs")
    assert found and all(n.startswith("陈") for n in found)
    assert _names(capsys, demo_file, "--search", "zzzzqqq") == []
