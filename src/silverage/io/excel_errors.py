"""The error workbook: rejected rows in their original columns plus a reason column.

Staff correct the cells in this file and import it again: the header row is the original one (so the
remembered column mapping applies), and the reason column is recognised and ignored on re-import.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from silverage.domain import fields
from silverage.io.cell_values import cell_text

REASON_HEADER = {"zh": "错误原因", "en": "Reason"}


def _sheet_title(name: str, used: set[str]) -> str:
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:28] or "Sheet"
    title, n = base, 2
    while title in used:
        title, n = f"{base[:26]}_{n}", n + 1
    used.add(title)
    return title


WARNINGS_SHEET = {"zh": "导入警告", "en": "Warnings"}
_WARNING_HEADERS = {
    "zh": ("工作表", "行", "列", "内容", "说明"),
    "en": ("Sheet", "Row", "Column", "Value", "What happened"),
}


def write_error_workbook(
    path: Path,
    rejected: Sequence[Any],
    headers: dict[tuple[str, str], Sequence[str]],
    lang: str = "zh",
    warnings: Sequence[Any] = (),
) -> int:
    """One sheet per source sheet of rejected rows (returns how many), then one sheet listing the
    warnings of the rows that were imported (sheet, row, column, value, what happened). The warnings
    sheet has no name/ID header, so importing the fixed workbook again skips it."""
    wb = Workbook(write_only=True)
    by_sheet: dict[tuple[str, str], dict[int, list[Any]]] = {}
    for r in rejected:
        by_sheet.setdefault((r.source, r.sheet), {}).setdefault(r.row, []).append(r)
    used: set[str] = set()
    written = 0
    bold = Font(bold=True)
    warn = PatternFill("solid", fgColor="FDE7E9")
    for (source, sheet), rows in by_sheet.items():
        ws = wb.create_sheet(_sheet_title(sheet, used))
        cols = list(headers.get((source, sheet), ()))
        ws.column_dimensions["A"].width = 12
        head = []
        for text in [*cols, REASON_HEADER["zh" if lang.startswith("zh") else "en"]]:
            c = WriteOnlyCell(ws, text)
            c.font = bold
            head.append(c)
        ws.append(head)
        for row_no in sorted(rows):
            problems = rows[row_no]
            values = list(problems[0].values) + [None] * max(0, len(cols) - len(problems[0].values))
            cells = []
            for v in values[: len(cols)]:
                if isinstance(v, (datetime, date)):
                    c = WriteOnlyCell(ws, v)
                    c.number_format = "yyyy-mm-dd"
                else:
                    c = WriteOnlyCell(ws, cell_text(v) if v is not None else None)
                    if c.data_type == "f":
                        c.data_type = "s"
                    c.number_format = "@"
                cells.append(c)
            where = f"（原{sheet} 第{row_no}行）" if lang.startswith("zh") else f" (was {sheet} row {row_no})"
            reason = (
                "；".join(
                    (f"{p.column}：{p.zh}" if p.column else p.zh)
                    if lang.startswith("zh")
                    else (f"{p.column}: {p.en}" if p.column else p.en)
                    for p in problems
                )
                + where
            )
            rc = WriteOnlyCell(ws, reason)
            rc.fill = warn
            rc.alignment = Alignment(wrap_text=True)
            cells.append(rc)
            ws.append(cells)
            written += 1
    zh = lang.startswith("zh")
    if warnings:
        ws = wb.create_sheet(_sheet_title(WARNINGS_SHEET["zh" if zh else "en"], used))
        for letter, width in zip("ABCDE", (14, 6, 16, 20, 70), strict=True):
            ws.column_dimensions[letter].width = width
        head = []
        for text in _WARNING_HEADERS["zh" if zh else "en"]:
            c = WriteOnlyCell(ws, text)
            c.font = bold
            head.append(c)
        ws.append(head)
        for w in warnings:
            value = WriteOnlyCell(ws, w.value)
            value.data_type, value.number_format = "s", "@"  # never run as a formula
            note = WriteOnlyCell(ws, w.zh if zh else w.en)
            note.alignment = Alignment(wrap_text=True)
            ws.append([w.sheet, w.row, w.column or fields.label(w.field, lang), value, note])
    if not by_sheet and not warnings:
        wb.create_sheet("无错误" if zh else "No errors").append(["—"])
    wb.save(path)
    return written
