"""IDs as offices hold them (issue 12.4-5): old 15-digit numbers, province codes, and our own masked
export brought back, from the command line a script or a supervisor uses."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from silverage.cli import main
from silverage.db import models as m
from silverage.domain import idcard
from silverage.services.context import ServiceContext
from tests.io.helpers import make_id

pytestmark = pytest.mark.db


def _db(ctx: ServiceContext) -> str:
    return ctx.db.url.render_as_string(hide_password=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


OLD = "330402450302123"  # born 1945-03-02, before 1999: the 15-digit number of a first-generation card
NEW = idcard.upgrade_15(OLD)


def _old_id_sheet(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月河社区"
    ws.append(["姓名", "身份证号码", "网格", "微网格"])
    ws.append(["沈阿婆", OLD, "月河1网格", "1号微网格"])
    ws.append(["陆老伯", make_id(date(1941, 6, 1), seq=7), "月河1网格", "1号微网格"])
    wb.save(path)
    return path


def test_a_15_digit_id_is_refused_with_its_18_digit_number_until_the_upgrade_is_asked_for(
    demo_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _old_id_sheet(tmp_path / "旧号码.xlsx")
    code, text, _ = run(capsys, "--db", _db(demo_ctx), "import", str(src), "--json")
    data = json.loads(text)
    assert code == 3 and (data["created"], data["rejected"]) == (1, 1)
    assert (
        f"对应的18位号码是{idcard.mask(NEW)}" in data["errors"][0]["message"]
        and data["errors"][0]["row"] == 2
    )
    code, text, _ = run(capsys, "--db", _db(demo_ctx), "import", str(src), "--dry-run")
    assert "--upgrade-15-digit-ids" in text  # the plain report says how to import it
    with demo_ctx.read() as s:
        assert s.scalar(select(m.Elder.id).where(m.Elder.name == "沈阿婆")) is None

    code, text, _ = run(capsys, "--db", _db(demo_ctx), "import", str(src), "--upgrade-15-digit-ids", "--json")
    data = json.loads(text)
    assert code == 0 and (data["created"], data["unchanged"], data["rejected"]) == (1, 1, 0)
    assert data["upgraded_ids"] == [
        {"file": src.name, "sheet": "月河社区", "row": 2, "old": "3304*******2123", "new": idcard.mask(NEW)}
    ]
    assert OLD not in text and NEW not in text  # the report shows the numbers masked
    with demo_ctx.read() as s:
        row = s.execute(select(m.Elder.id_number, m.Elder.birth_date).where(m.Elder.name == "沈阿婆")).one()
    assert tuple(row) == (NEW, date(1945, 3, 2))


def test_an_id_outside_every_province_is_refused_naming_the_code(
    demo_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月河社区"
    ws.append(["姓名", "身份证号码", "网格", "微网格"])
    ws.append(["钱阿婆", make_id(date(1941, 6, 1), male=False, area="000402"), "月河1网格", "1号微网格"])
    wb.save(tmp_path / "p.xlsx")
    code, text, _ = run(capsys, "--db", _db(demo_ctx), "import", str(tmp_path / "p.xlsx"), "--json")
    error = json.loads(text)["errors"][0]
    assert code == 3 and "“00”不是省级行政区代码" in error["message"] and "00" in error["message_en"]


def test_importing_the_default_masked_export_is_one_clear_message(
    demo_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "花名册.xlsx"
    assert run(capsys, "--db", _db(demo_ctx), "export", "roster", str(out))[0] == 0
    code, text, err = run(capsys, "--db", _db(demo_ctx), "import", str(out), "--dry-run", "--json")
    assert code == 2 and not text
    assert "这是隐藏了身份证号码的导出文件" in err and "export roster --complete" in err
    assert "979/979" in err and err.count("前17位") == 0  # one message, not 979 rejections


def test_the_complete_export_from_the_cli_imports_back_unchanged(
    demo_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("SILVERAGE_EXPORT_PASSWORD", "Move-it-2026")
    monkeypatch.setenv("SILVERAGE_IMPORT_PASSWORD", "Move-it-2026")
    out = tmp_path / "完整.xlsx"
    code, _, err = run(capsys, "--db", _db(demo_ctx), "export", "roster", str(out), "--complete")
    assert code == 2 and "督导" in err and not out.exists()
    code, text, _ = run(
        capsys, "--db", _db(demo_ctx), "--user", "duda", "export", "roster", str(out), "--complete", "--json"
    )
    data = json.loads(text)
    # the 979 on the roster and the demo's 16 archived people, with their status
    assert code == 0 and data["complete"] and data["unmasked"] and data["people"] == 979 + 16
    code, text, _ = run(capsys, "--db", _db(demo_ctx), "--user", "duda", "import", str(out), "--json")
    data = json.loads(text)
    assert code == 0 and (data["unchanged"], data["updated"], data["rejected"]) == (979 + 16, 0, 0)
    assert data["warnings"] == []  # the archived people's status agrees: nothing to say
