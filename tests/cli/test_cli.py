"""The command line as automation sees it: JSON out, readable errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from silverage.cli import main
from silverage.domain import idcard
from silverage.domain.idcard import IdInfo


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> str:
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return str(path)


def test_demo_roster_has_the_promised_shape(capsys, demo_file):
    # Full ID numbers: the demo's supervisor asks for them (listings are masked otherwise).
    code, out, _ = run(capsys, "--db", demo_file, "--user", "duda", "list", "elders", "--json", "--unmasked")
    assert code == 0
    elders = json.loads(out)
    assert len(elders) == 979
    ids = [e["id_number"] for e in elders]
    assert len(set(ids)) == 979
    assert all(isinstance(idcard.parse(i), IdInfo) for i in ids)
    assert len({e["grid"] for e in elders}) == 47
    assert len({e["micro_grid"] for e in elders}) == 233
    assert len({e["community"] for e in elders}) == 8
    for key in (
        "id",
        "name",
        "gender",
        "id_number",
        "birth_date",
        "phone",
        "address",
        "community",
        "grid",
        "micro_grid",
        "living",
        "level",
        "status",
    ):
        assert key in elders[0]
    ages = [2026 - int(e["birth_date"][:4]) for e in elders]
    assert 59 <= min(ages) and max(ages) <= 101


def test_demo_is_deterministic_for_a_seed(capsys, tmp_path):
    outs = []
    for name in ("a", "b"):
        path = str(tmp_path / f"{name}.sqlite")
        assert run(capsys, "--db", path, "demo", "--seed", "7", "--elders", "120")[0] == 0
        code, out, _ = run(capsys, "--db", path, "--user", "duda", "list", "elders", "--json", "--unmasked")
        outs.append([(e["name"], e["id_number"], e["micro_grid"], e["living"]) for e in json.loads(out)])
    assert outs[0] == outs[1]
    path = str(tmp_path / "c.sqlite")
    run(capsys, "--db", path, "demo", "--seed", "8", "--elders", "120")
    _, out, _ = run(capsys, "--db", path, "--user", "duda", "list", "elders", "--json", "--unmasked")
    assert [(e["name"], e["id_number"]) for e in json.loads(out)] != [o[:2] for o in outs[0]]


def test_demo_refuses_to_write_over_a_roster(capsys, demo_file):
    code, _, err = run(capsys, "--db", demo_file, "demo")
    assert code == 2
    assert "已有花名册" in err
    assert "Traceback" not in err


def test_volunteers_listed_with_availability(capsys, demo_file):
    code, out, _ = run(capsys, "--db", demo_file, "list", "volunteers", "--json")
    vols = json.loads(out)
    assert code == 0 and 100 <= len(vols) <= 140
    assert all(v["availability"] > 0 for v in vols)


def test_check_passes_on_demo(capsys, demo_file):
    code, out, _ = run(capsys, "--db", demo_file, "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["counts"]["elders"] >= 979


def test_bad_database_file_is_one_line_non_zero_and_untouched(capsys, tmp_path):
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database")
    before = path.read_bytes()
    code, _, err = run(capsys, "--db", str(path), "list", "elders")
    assert code == 2
    assert "不是银龄数据库" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_version_and_module_entry_point():
    out = subprocess.run([sys.executable, "-m", "silverage", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("silverage ")


def test_unknown_user_is_refused(capsys, demo_file):
    code, _, err = run(capsys, "--db", demo_file, "--user", "nobody", "list", "elders")
    assert code == 2 and "没有这个用户" in err
