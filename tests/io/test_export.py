"""The roster workbook a supervisor gets: masked by default, safe, printable, importable again."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, update

from silverage.db import models as m
from silverage.domain.enums import Level, Role
from silverage.domain.problems import PermissionDenied
from silverage.services.context import Actor, ServiceContext
from silverage.services.print_export import roster_export, roster_import
from silverage.services.print_export.roster_export import ALL_COLUMNS, ExportOptions
from silverage.services.roster.roster_query import ElderFilter
from tests.conftest import TODAY
from tests.io.helpers import EXPORT_PASSWORD as PW
from tests.io.helpers import open_encrypted

pytestmark = pytest.mark.db


def _supervisor(ctx: ServiceContext) -> ServiceContext:
    return ServiceContext(ctx.db, Actor("duda", Role.SUPERVISOR, "王督导"))


def _all_ids(ctx: ServiceContext) -> list[str]:
    with ctx.read() as s:
        return list(s.scalars(select(m.Elder.id_number)))


def _xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_default_export_masks_ids_and_phones(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "roster.xlsx"
    result = roster_export.export_roster(demo_ctx, out, today=TODAY)
    assert result.people == 979 and not result.unmasked
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["花名册", "汇总", "逾期未探访"]
    ws = wb["花名册"]
    header = [c.value for c in ws[2]]
    ids = [ws.cell(r, header.index("身份证号码") + 1).value for r in range(3, ws.max_row + 1)]
    phones = [ws.cell(r, header.index("联系电话") + 1).value for r in range(3, ws.max_row + 1)]
    assert len(ids) == 979 and all(isinstance(v, str) and "**********" in v for v in ids)
    assert all("****" in p for p in phones if p)
    xml = _xml(out)
    assert not any(number in xml for number in _all_ids(demo_ctx))  # no full ID anywhere in the file
    assert "已部分隐藏" in ws["A1"].value and "演示数据" in ws["A1"].value


def test_full_ids_only_for_a_supervisor_and_audited(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "full.xlsx"
    with pytest.raises(PermissionDenied):
        roster_export.export_roster(demo_ctx, out, ExportOptions(unmasked=True, password=PW), today=TODAY)
    assert not out.exists()
    sup = _supervisor(demo_ctx)
    result = roster_export.export_roster(sup, out, ExportOptions(unmasked=True, password=PW), today=TODAY)
    assert result.unmasked and result.people == 979
    ws = open_encrypted(out)["花名册"]
    header = [c.value for c in ws[2]]
    ids = {ws.cell(r, header.index("身份证号码") + 1).value for r in range(3, ws.max_row + 1)}
    with sup.read() as s:
        active = set(s.scalars(select(m.Elder.id_number).where(m.Elder.status == "active")))
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "export")).all()[-1]
    assert ids == active
    assert entry.user == "duda" and entry.at is not None
    assert "unmasked" in entry.detail and "people=979" in entry.detail and "id_number" in entry.detail
    assert not any(n in entry.detail for n in active)  # the audit trail holds no personal data


def test_text_is_never_a_formula(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    nasty = {
        "notes": '=HYPERLINK("http://evil.example","点我")',
        "address_detail": "+1-2",
        "health_conditions": "@SUM(A1:A9)",
        "doorstep_notes": "-3+4",
    }
    with demo_ctx.transaction() as s:
        s.execute(update(m.Elder).where(m.Elder.id == 1).values(**nasty))
    out = tmp_path / "x.xlsx"
    roster_export.export_roster(
        demo_ctx, out, ExportOptions(elder_ids=(1,), columns=ALL_COLUMNS), today=TODAY
    )
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    ws = openpyxl.load_workbook(out)["花名册"]
    header = [c.value for c in ws[2]]
    for key, col in (
        ("notes", "备注"),
        ("health_conditions", "健康状况"),
        ("doorstep_notes", "上门注意事项"),
    ):
        cell = ws.cell(3, header.index(col) + 1)
        assert cell.value == nasty[key] and cell.data_type == "s"
    assert ws.cell(3, header.index("地址") + 1).value.startswith("+1-2")


def test_dates_are_dates_and_levels_are_coloured_words(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "d.xlsx"
    roster_export.export_roster(demo_ctx, out, ExportOptions(columns=ALL_COLUMNS), today=TODAY)
    ws = openpyxl.load_workbook(out)["花名册"]
    header = [c.value for c in ws[2]]
    births = [ws.cell(r, header.index("出生日期") + 1).value for r in range(3, 50)]
    assert all(isinstance(b, datetime) for b in births)
    level_col = header.index("关爱等级") + 1
    colours = {lv.zh: lv.rgb.lstrip("#") for lv in Level}
    seen = set()
    for r in range(3, ws.max_row + 1):
        cell = ws.cell(r, level_col)
        if cell.value:
            assert cell.fill.fgColor.rgb.endswith(colours[cell.value])
            seen.add(cell.value)
    assert seen == {"红", "黄", "绿"}


def test_print_setup_filter_freeze_and_chart(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "p.xlsx"
    roster_export.export_roster(demo_ctx, out, today=TODAY)
    wb = openpyxl.load_workbook(out)
    ws = wb["花名册"]
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.auto_filter.ref.startswith("A2:") and ws.auto_filter.ref.endswith(str(979 + 2))
    widths = [ws.column_dimensions[c].width for c in "ABCDEFGHIJ"]
    assert all(5 <= w <= 42 for w in widths)
    with zipfile.ZipFile(out) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
    assert "<barChart>" in chart and '<min val="0"' in chart and chart.count('<delete val="0"') == 2
    summary = wb["汇总"]
    header = [c.value for c in summary[2]]
    assert header[:4] == ["社区", "红", "黄", "绿"] and header[-1] == "本月探访率"
    rows = [
        [c.value for c in r]
        for r in summary.iter_rows(min_row=3)
        if r[0].value and r[0].value.endswith("社区")
    ]
    assert len(rows) == 8 and sum(r[header.index("合计")] for r in rows) == 979
    assert all(0 < r[-1] <= 1 for r in rows)
    overdue = wb["逾期未探访"]
    assert [c.value for c in overdue[2]][:2] == ["序号", "姓名"] and overdue.max_row >= 3


def test_english_and_a_selection(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "en.xlsx"
    result = roster_export.export_roster(
        demo_ctx, out, ExportOptions(elder_ids=(3, 1, 2), lang="en"), today=TODAY
    )
    assert result.people == 3
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Roster", "Summary", "Overdue"]
    ws = wb["Roster"]
    assert [c.value for c in ws[2]][:3] == ["No.", "Name", "Gender"] and ws.max_row == 5
    assert "DEMO DATA" in ws["A1"].value
    red = roster_export.export_roster(
        demo_ctx, tmp_path / "red.xlsx", ExportOptions(filter=ElderFilter(level=Level.RED)), today=TODAY
    )
    assert 0 < red.people < 979


def test_round_trip_changes_nothing(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    sup = _supervisor(demo_ctx)
    out = tmp_path / "rt.xlsx"
    roster_export.export_roster(
        sup, out, ExportOptions(unmasked=True, columns=ALL_COLUMNS, password=PW), today=TODAY
    )
    plan = roster_import.plan_import(sup, [out], today=TODAY, password=PW)
    assert (len(plan.created), len(plan.updated), len(plan.rejected), len(plan.unchanged)) == (0, 0, 0, 979)
    assert [s[1] for s in plan.skipped_sheets] == ["汇总", "逾期未探访"]  # no ID column there
    with sup.read() as s:
        before = s.scalar(select(m.AuditEntry.id).order_by(m.AuditEntry.id.desc()).limit(1))
    roster_import.apply_plan(sup, plan, today=TODAY)
    with sup.read() as s:
        actions = list(s.scalars(select(m.AuditEntry.action).where(m.AuditEntry.id > before)))
    assert actions == ["import"]  # nothing but the import summary itself


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_export(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "lo.xlsx"
    roster_export.export_roster(demo_ctx, out, today=TODAY)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    roster_csv = next(tmp_path.glob("lo*花名册*.csv"))
    rows = list(csv.reader(roster_csv.open(encoding="utf-8")))
    assert rows[1][:3] == ["序号", "姓名", "性别"]
    with demo_ctx.read() as s:
        first = s.scalar(select(m.Elder.name).where(m.Elder.id == 1))
    assert rows[2][1] == first and len(rows) == 981
    assert any("演示数据" in cell for cell in rows[0])
    summary = next(tmp_path.glob("lo*汇总*.csv")).read_text(encoding="utf-8")
    assert "月河社区" in summary


def test_each_sheet_states_its_size_so_readers_need_not_parse_it_twice(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    """Excel and WPS write a sheet's dimension; without it a read-only reader parses a sheet twice."""
    out = tmp_path / "roster.xlsx"
    roster_export.export_roster(demo_ctx, out, today=TODAY)
    wb = openpyxl.load_workbook(out, read_only=True)
    try:
        for ws in wb.worksheets:
            rows = list(ws.iter_rows(values_only=True))
            assert ws.calculate_dimension().startswith("A1:")  # would raise "unsized" without it
            assert ws.max_row == len(rows) and any(rows[-1])  # neither cuts rows off nor promises more
        assert wb["花名册"].max_row == 979 + 2
    finally:
        wb.close()
