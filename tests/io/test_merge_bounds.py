"""Merged cells in bounded memory: a broken writer's huge merge neither eats memory nor rewrites people,
a grid name merged down still fills its rows, and a file with countless merges keeps a bounded list.

Merges are written into the sheet XML by hand: openpyxl itself would create a cell object for every
cell of ``A3:XFD1048576``.
"""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from silverage.io import excel_read
from silverage.services.context import ServiceContext
from silverage.services.print_export import roster_import
from tests.conftest import TODAY
from tests.io.helpers import add_places, make_id

pytestmark = pytest.mark.db

HEADER = ["姓名", "身份证号码", "联系电话", "网格", "微网格", "家庭住址"]
SHEET = "xl/worksheets/sheet1.xml"


def _people(n: int) -> list[list[object]]:
    rows: list[list[object]] = []
    for i in range(n):
        rows.append(
            [
                f"测试{i:04d}",
                make_id(date(1935, 1, 1) + timedelta(days=i), male=bool(i % 2), seq=7),
                f"138{i:08d}",
                "月河2网格",
                "月河2网格1号微网格",
                None if i % 10 == 3 else f"月河街{i + 1}号",  # some cells empty, under the merge
            ]
        )
    return rows


def _workbook(rows: list[list[object]], merges: list[str], title: bool = True) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月河社区"
    if title:
        ws.append(["月河社区独居老人花名册"])
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    xml = re.sub(rb"<mergeCells.*?</mergeCells>", b"", members[SHEET], flags=re.S)
    cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
    block = f'<mergeCells count="{len(merges)}">{cells}</mergeCells>'.encode()
    members[SHEET] = xml.replace(b"</sheetData>", b"</sheetData>" + block, 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return out.getvalue()


def test_a_merge_over_the_whole_sheet_hides_none_of_979_rows(ctx: ServiceContext, tmp_path: Path) -> None:
    add_places(ctx)
    rows = _people(979)
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(_workbook(rows, ["A3:XFD1048576"]))
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert plan.rejected_rows == 0 and len(plan.created) == 979
    got = {p.inp.id_number: p.inp for p in plan.created}
    for name, number, phone, _, _, address in rows:
        inp = got[str(number)]
        assert inp.name == name and inp.phone == phone  # nobody became 测试0000
        assert inp.address_detail == (address or "")  # an empty cell stays empty, not row 3's address
    result = roster_import.apply_plan(ctx, plan, today=TODAY)
    assert result.created == 979


def test_reading_under_a_whole_sheet_merge_stays_small(tmp_path: Path) -> None:
    """One merge covering 17 billion cells costs what one merge costs, not a cell per covered cell."""
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(_workbook(_people(979), ["A3:XFD1048576", "D3:D1048576"]))
    wb = excel_read.open_workbook(path)
    try:
        table = excel_read.scan_layout(path, wb).tables[0]
        tracemalloc.start()
        rows = [r for r in excel_read.iter_rows(wb, table) if r.kind == "data"]
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    finally:
        wb.close()
    assert len(rows) == 979
    assert peak < 30 * 2**20  # the rows themselves; filling cell by cell took gigabytes


def test_a_grid_merged_down_still_fills_its_rows(ctx: ServiceContext, tmp_path: Path) -> None:
    places = add_places(ctx)
    rows = _people(6)
    for r in rows[:3]:  # rows 4 and 5 sit under the merged 月河1网格 of row 3
        r[3], r[4] = None, "2号微网格"
    rows[0][3] = "月河1网格"
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(_workbook(rows, ["D3:D5"]))
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    where = {p.inp.name: p.inp.micro_grid_id for p in plan.created}
    assert plan.rejected_rows == 0
    for name in ("测试0000", "测试0001", "测试0002"):
        assert where[name] == places["月河1网格2号微网格"]
    for name in ("测试0003", "测试0004", "测试0005"):  # below the merge: their own grid
        assert where[name] == places["月河2网格1号微网格"]


def test_a_merged_name_is_not_copied_onto_the_next_person(ctx: ServiceContext, tmp_path: Path) -> None:
    """Two rows under one merged name cell are two people; the second is asked for, not guessed."""
    add_places(ctx)
    rows = _people(3)
    rows[1][0] = None
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(_workbook(rows, ["A3:A4"]))
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert sorted(p.inp.name for p in plan.created) == ["测试0000", "测试0002"]
    assert [(r.row, r.field) for r in plan.rejected] == [(4, "name")]


def test_countless_merges_keep_a_bounded_list(ctx: ServiceContext, tmp_path: Path) -> None:
    add_places(ctx)
    # one-column merges to the right of the data: a fill would be possible, so each could be kept
    merges = [f"H{r}:H{r + 1}" for r in range(3, 3 + 2 * (excel_read.MAX_MERGES + 20_000), 2)]
    merges += [f"J{r}:K{r + 1}" for r in range(3, 3 + 2 * 20_000, 2)]  # blocks are never kept
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(_workbook(_people(40), merges))
    table = excel_read.scan_layout(path).tables[0]
    assert len(table.merges) == excel_read.MAX_MERGES
    assert all(c1 == c2 == 8 for c1, _, c2, _ in table.merges)
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert len(plan.created) == 40 and plan.rejected_rows == 0
