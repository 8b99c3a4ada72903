"""``silverage birthdays`` as a script reads it: the contract names (person, age, calendar, date,
community), the lunar 80th the issue names, and the month's 寿星名单 as a PDF."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from silverage.cli.main import main

pytestmark = pytest.mark.db


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return str(path)


def test_json_entries_carry_the_contract_names(capsys, demo_file) -> None:  # noqa: ANN001
    assert main(["--db", demo_file, "birthdays", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out, "the demo roster has milestones in the next 30 days"
    for e in out:
        assert set(e) >= {"person", "age", "calendar", "date", "community"}
        assert set(e["person"]) == {"name", "id"}
        assert e["calendar"] in ("solar", "lunar")
        assert e["age"] in (60, 70, 80, 90) or e["age"] >= 100
        assert "2026-11-26" <= e["date"] <= "2026-12-26"
    # 陈爱珍, born 1946-11-18 (农历十月廿五): her lunar 80th is on 3 December.
    chen = [e for e in out if e["person"]["name"] == "陈爱珍" and e["calendar"] == "lunar"]
    assert [(e["date"], e["age"], e["lunar"]) for e in chen] == [("2026-12-03", 80, "十月廿五")]
    assert [e["date"] for e in out] == sorted(e["date"] for e in out)


def test_days_narrows_the_list(capsys, demo_file) -> None:  # noqa: ANN001
    main(["--db", demo_file, "birthdays", "--days", "60", "--json"])
    wide = json.loads(capsys.readouterr().out)
    main(["--db", demo_file, "birthdays", "--days", "3", "--json"])
    narrow = json.loads(capsys.readouterr().out)
    assert 0 < len(narrow) < len(wide)
    assert all(e["date"] <= "2026-11-29" for e in narrow)


def test_lines_name_the_lunar_date(capsys, demo_file) -> None:  # noqa: ANN001
    assert main(["--db", demo_file, "birthdays"]) == 0
    out = capsys.readouterr().out
    assert "30 天内逢整寿的老人" in out
    assert "2026-12-03\t陈爱珍\t80岁\t农历十月廿五（历法待确认）" in out


def test_a_bad_month_is_told_in_both_languages(capsys, demo_file, tmp_path) -> None:  # noqa: ANN001
    code = main(["--db", demo_file, "birthdays", "--pdf", str(tmp_path / "x.pdf"), "--month", "2026-13"])
    err = capsys.readouterr().err
    assert code != 0 and "2026-12" in err and "should be written" in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler not installed")
def test_month_pdf_lists_the_lunar_80th(capsys, demo_file, tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "dec.pdf"
    assert main(["--db", demo_file, "birthdays", "--pdf", str(out), "--month", "2026-12"]) == 0
    assert "2026年12月寿星名单" in capsys.readouterr().out
    shown = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    text = "".join(shown.split())
    assert "2026年12月寿星名单" in text
    assert "陈爱珍" in text and "农历十月廿五" in text
    assert "11月" not in text  # only December's days
