"""The fast sheet reader gives exactly the values openpyxl gives, and is no less careful with XML."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from silverage.domain.problems import UserError
from silverage.io import excel_read, sheet_rows
from tests.io.test_damaged_workbooks import _with_shared_strings

SHEET = "xl/worksheets/sheet1.xml"


def _rewrite(data: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    members[SHEET] = change(members[SHEET])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return out.getvalue()


def _messy_bytes() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号码", "出生日期", "人数", "独居", "备注"])
    ws.append(["张三", "330402194503021234", date(1945, 3, 2), 3, True, "=1+1"])
    ws.append(["李四", 330402194503021234, datetime(1945, 3, 2, 8, 30), 2.5, False, None])
    ws.cell(5, 1, CellRichText(["王", TextBlock(InlineFont(b=True), "五")]))  # row 4 left out
    ws.cell(5, 3, time(8, 30))
    ws.cell(5, 6, "#N/A")
    ws.cell(5, 9, "右边很远")  # beyond the header
    ws.cell(7, 2, 1e-7)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("shared", [False, True])
def test_values_match_openpyxl(tmp_path: Path, shared: bool) -> None:
    data = _messy_bytes()  # inline strings, as openpyxl and our own export write them
    if shared:  # as Excel and WPS write them
        data = _with_shared_strings(data)
    path = tmp_path / "a.xlsx"
    path.write_bytes(data)
    wb = excel_read.open_workbook(path)
    try:
        ws = wb.worksheets[0]
        width = 9
        theirs = [tuple(r[:width]) for r in ws.iter_rows(min_row=2, max_col=width, values_only=True)]
        ours = [v for _, v in sheet_rows.iter_values(wb, ws, 2, width)]
        numbers = [n for n, _ in sheet_rows.iter_values(wb, ws, 2, width)]
    finally:
        wb.close()
    assert ours == theirs
    assert numbers == list(range(2, 2 + len(theirs)))  # the left-out row 4 keeps Excel's numbering
    assert ours[0][0] == "张三" and ours[2] == (None,) * width and ours[3][0] == "王五"


def test_an_entity_declaration_after_padding_is_still_refused(tmp_path: Path) -> None:
    """A DOCTYPE hidden after 100 KB of comments (beyond the first block) is not parsed with entities."""
    bomb = b'<!DOCTYPE worksheet [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'

    def pad(xml: bytes) -> bytes:
        body = xml.replace(b"<v>3</v>", b"<v>&b;</v>", 1)
        return b'<?xml version="1.0"?><!--' + b"x" * 100_000 + b"-->" + bomb + body

    path = tmp_path / "a.xlsx"
    path.write_bytes(_rewrite(_messy_bytes(), pad))
    with pytest.raises(UserError) as err:
        wb = excel_read.open_workbook(path)
        try:
            excel_read.scan_layout(path, wb)
        finally:
            wb.close()
    assert "a.xlsx" in err.value.zh
