"""The visit commands as a script would use them: plan, list visits, record, overdue, rates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from silverage.cli.main import main

pytestmark = pytest.mark.db


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_plan_list_and_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.sqlite")
    assert main(["--db", db, "demo", "--elders", "60", "--json"]) == 0
    capsys.readouterr()
    summary = _json(capsys, ["--db", db, "plan", "--from", "2026-12-01", "--to", "2026-12-31", "--json"])
    assert summary["planned_total"] > 0 and summary["method"] == "exact" and summary["optimal"] is True
    assert summary["total_cost"] == summary["lower_bound"] >= 0
    rows = _json(
        capsys, ["--db", db, "list", "visits", "--from", "2026-12-01", "--to", "2026-12-31", "--json"]
    )
    assert len(rows) == summary["planned_total"]
    first = rows[0]
    assert {"visit_code", "date", "id_number", "volunteer", "kind", "status"} <= set(first)
    out = _json(
        capsys,
        [
            "--db",
            db,
            "record",
            first["visit_code"],
            "--outcome",
            "well",
            "--date",
            "2026-11-26",
            "--health",
            "血压偏高",
            "--json",
        ],
    )
    assert out["visit"]["status"] == "done" and out["visit"]["findings"] == {"health": "血压偏高"}
    assert main(["--db", db, "record", "ZZZZZZ", "--outcome", "well"]) == 2
    assert "探访编号" in capsys.readouterr().err
    rates = _json(capsys, ["--db", db, "rates", "--month", "2026-11", "--by", "level", "--json"])
    assert all(0 <= r["rate"] <= 1 for r in rates)
    assert main(["--db", db, "rates", "--month", "2026-11", "--by", "level"]) == 0
    shown = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert shown and set(shown) <= {"红", "黄", "绿", "未评估"}  # the office's words, not red/yellow
    assert main(["--db", db, "visit-code", first["visit_code"]]) == 0
    assert capsys.readouterr().out.rstrip().endswith("已完成")
    assert main(["--db", db, "plan", "--from", "2026-12-31", "--to", "2026-12-01"]) == 2
