"""Read the places a workbook names: a place list (社区 / 网格 / 微网格 columns), or a roster's columns.

A new office sets up its places from what it already has: a list typed in Excel, or the roster
workbook itself. Any sheet whose header (found in the first rows, as for rosters) has a community,
grid or micro-grid column counts; vertically merged cells (one community over its grids) are filled
down; blank, 合计 and 填表人 lines are skipped. Nothing here knows the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from silverage.io import excel_read, header_map

PLACE_KEYS = ("community", "grid", "micro_grid")


@dataclass(frozen=True)
class PlaceRow:
    sheet: str
    row: int
    community: str
    grid: str
    micro_grid: str


@dataclass
class PlaceSheets:
    rows: list[PlaceRow] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # sheets without a place column
    has_community_column: dict[str, bool] = field(default_factory=dict)  # sheet -> whether


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_places(path: Path) -> PlaceSheets:
    """Every row that names a place, sheet by sheet (read-only, streamed)."""
    out = PlaceSheets()
    wb = excel_read.open_workbook(path)
    try:
        for ws in wb.worksheets:
            top = [
                list(r)
                for r in ws.iter_rows(min_row=1, max_row=excel_read.HEADER_SEARCH_ROWS, values_only=True)
            ]
            best: tuple[int, int, dict[int, str]] | None = None
            for i, values in enumerate(top):
                mapping = {c: k for c, k in header_map.auto_map(values).items() if k in PLACE_KEYS}
                if mapping and (best is None or len(mapping) > best[0]):
                    best = (len(mapping), i, mapping)
            if best is None:
                out.skipped.append(ws.title)
                continue
            _, index, mapping = best
            headers = tuple(_text(v) for v in top[index])
            merges, rows = excel_read.sheet_merges(path, ws)
            table = excel_read.SheetTable(
                ws.title, index + 1, headers, mapping, max(int(ws.max_row or 0), rows, index + 1), merges
            )
            out.has_community_column[ws.title] = "community" in mapping.values()
            for raw in excel_read.iter_rows(wb, table, mapping):
                if raw.kind != "data":
                    continue
                got = {k: _text(raw.values[c]) if c < len(raw.values) else "" for c, k in mapping.items()}
                if any(got.values()):
                    out.rows.append(
                        PlaceRow(ws.title, raw.row, got.get("community", ""), got.get("grid", ""),
                                 got.get("micro_grid", ""))
                    )  # fmt: skip
    finally:
        wb.close()
    return out
