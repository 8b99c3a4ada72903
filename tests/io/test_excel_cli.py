"""``silverage export roster`` and ``silverage import`` as a script uses them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from silverage.cli import main
from silverage.db import models as m
from silverage.services.context import ServiceContext
from tests.io.helpers import make_id

pytestmark = pytest.mark.db


def _db(ctx: ServiceContext) -> str:
    return ctx.db.url.render_as_string(hide_password=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_masks_unless_a_supervisor_asks(
    demo_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("SILVERAGE_EXPORT_PASSWORD", "Office-file-pw-1")
    out = tmp_path / "red.xlsx"
    code, text, _ = run(
        capsys,
        "--db",
        _db(demo_ctx),
        "export",
        "roster",
        str(out),
        "--level",
        "red",
        "--community",
        "月河社区",
        "--json",
    )
    data = json.loads(text)
    assert code == 0 and 0 < data["people"] < 200 and not data["unmasked"]
    ws = openpyxl.load_workbook(out)["花名册"]
    assert {ws.cell(r, 12).value for r in range(3, ws.max_row + 1)} == {"红"}
    code, _, err = run(
        capsys, "--db", _db(demo_ctx), "export", "roster", str(tmp_path / "f.xlsx"), "--unmasked"
    )
    assert code == 2 and "督导" in err and not (tmp_path / "f.xlsx").exists()
    code, text, _ = run(
        capsys,
        "--db",
        _db(demo_ctx),
        "--user",
        "duda",
        "export",
        "roster",
        str(tmp_path / "f.xlsx"),
        "--unmasked",
        "--json",
    )
    assert code == 0 and json.loads(text)["unmasked"] is True
    assert json.loads(text)["encrypted"] is True
    assert (tmp_path / "f.xlsx").read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OLE


def test_import_json_dry_run_and_report(
    demo_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "新名单.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月河社区"
    ws.append(["姓名", "身份证号码", "联系电话", "网格", "微网格"])
    ws.append(
        ["陆阿婆", make_id(date(1940, 1, 1), male=False, seq=1), "13800001111", "月河1网格", "1号微网格"]
    )
    broken = make_id(date(1940, 1, 1), seq=2)
    broken = broken[:-1] + ("0" if broken[-1] != "0" else "1")  # a mistyped check digit
    ws.append(["钱老伯", broken, "13800002222", "月河1网格", "1号微网格"])
    ws.append(["孙阿姨", make_id(date(1941, 1, 1), male=False, seq=3), "138", "月河1网格", "1号微网格"])
    wb.save(src)
    with demo_ctx.read() as s:
        before = s.scalar(select(func.count()).select_from(m.Elder))
    report = tmp_path / "errors.xlsx"
    code, text, _ = run(
        capsys, "--db", _db(demo_ctx), "import", str(src), "--dry-run", "--report", str(report), "--json"
    )
    data = json.loads(text)
    assert code == 3  # some rows were rejected
    assert (data["rows_read"], data["created"], data["updated"], data["rejected"]) == (3, 2, 0, 1)
    assert data["errors"][0]["sheet"] == "月河社区" and data["errors"][0]["row"] == 3
    assert data["errors"][0]["field"] == "身份证号码" and "校验位" in data["errors"][0]["message"]
    # A phone that is not one does not cost the person: she is imported without it, with a warning.
    (warning,) = data["warnings"]
    assert (warning["row"], warning["field"]) == (4, "联系电话") and "未导入" in warning["message"]
    assert openpyxl.load_workbook(report)["月河社区"]["A2"].value == "钱老伯"
    with demo_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Elder)) == before
    code, text, _ = run(capsys, "--db", _db(demo_ctx), "import", str(src), "--json")
    assert json.loads(text)["created"] == 2
    with demo_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Elder)) == before + 2


def test_import_of_a_bad_file_is_a_readable_error(
    demo_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, _, err = run(capsys, "--db", _db(demo_ctx), "import", str(bad))
    assert code == 2 and ".xls" in err and "Error:" in err
