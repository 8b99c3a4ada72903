"""Find the roster table(s) in a workbook and stream their rows (read-only mode, constant memory).

Office workbooks put a title (often a merged cell) and a date line above the header, split the
roster into one sheet per community, add a summary sheet, end with 合计 / 填表人 / 审核人 lines, leave
blank rows, and merge a grid name vertically over all the rows of that grid. This module turns all
of that into plain ``RawRow`` values aligned with the header; it knows nothing about the database.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.cell import range_boundaries

from silverage.domain.problems import UserError
from silverage.io import encrypted_xlsx, form_sheet, header_map, header_rows, sheet_rows
from silverage.io.excel_errors import WARNINGS_SHEET
from silverage.io.file_check import check_xlsx

HEADER_SEARCH_ROWS = header_rows.HEADER_SEARCH_ROWS
# Rows below the header kept for the mapping step's samples (from the rows read to find the header:
# reading further would meet damage before the streaming pass can say in which row it is).
SAMPLE_ROWS = 10
FOOTER_WORDS = (
    "合计",
    "总计",
    "小计",
    "填表人",
    "审核人",
    "制表人",
    "填报人",
    "填表日期",
    "制表日期",
    "负责人",
    "签字",
    "盖章",
    "统计人",
)
_ROW = re.compile(rb"<(?:\w+:)?row[\s>]")
# A merge never fills these (see ``sheet_rows.MergeFill``): they say who the person is.
NEVER_FILLED = frozenset({"name", "id_number", "gender", "birth_date"})
# Merged ranges kept per sheet: a real roster has one per grid or household (hundreds); a crafted file
# up to the size limit can hold tens of millions, so beyond this the rest are dropped (bounded memory).
MAX_MERGES = 100_000
MAX_HEADER_COLUMNS = 500  # a header is looked for in this many columns (real rosters use 10-60)
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


@dataclass(frozen=True)
class SheetTable:
    """One roster table: the header text of each column and the row where the data starts."""

    sheet: str
    header_row: int  # 1-based; the last header row when the header spans two rows
    headers: tuple[str, ...]
    mapping: dict[int, str]  # column index -> field key, as guessed
    max_row: int
    merges: tuple[tuple[int, int, int, int], ...] = field(
        default=(), repr=False
    )  # min_col, min_row, max_col, max_row
    # The first rows below the header as read (not merge-filled), for the mapping step's samples.
    sample_rows: tuple[tuple[Any, ...], ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class SkippedSheet:
    sheet: str
    zh: str
    en: str
    form: bool = False  # a one-person form (label beside value), not a table


FORM_ZH = "这是一人一表的表单（姓名、身份证号码等写在标签旁边），不是每人一行的花名册，跳过"
FORM_EN = "a one-person form (each value beside its label), not a roster with one person per row; skipped"


@dataclass
class WorkbookLayout:
    path: Path
    tables: list[SheetTable]
    skipped: list[SkippedSheet]

    @property
    def total_rows(self) -> int:
        return sum(max(0, t.max_row - t.header_row) for t in self.tables)


@dataclass(frozen=True)
class RawRow:
    """``kind`` is "data", "blank", "footer" (合计/填表人 ...) or "header" (a repeated header line)."""

    sheet: str
    row: int
    values: tuple[Any, ...]
    kind: str = "data"


class _SharedStrings(list):  # type: ignore[type-arg]
    """The shared-string table; an index outside it (negative too) is damage, never another string."""

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, int) and not 0 <= index < len(self):
            raise IndexError(f"shared string {index} of {len(self)}")
        return super().__getitem__(index)


def damaged(path: Path, exc: BaseException, sheet: str | None = None, row: int | None = None) -> UserError:
    """The one message for a workbook whose bytes cannot be read, naming where it broke when known."""
    where_zh = where_en = ""
    if sheet is not None:
        where_zh = f"（“{sheet}”表" + (f"第{row}行附近" if row else "") + "）"
        where_en = f" (sheet '{sheet}'" + (f", near row {row}" if row else "") + ")"
    return UserError(
        f"文件“{path.name}”已损坏，无法读取{where_zh}：请在Excel或WPS中打开后另存为.xlsx再导入，"
        f"什么都没有导入（{type(exc).__name__}）",
        f"The file '{path.name}' is damaged and cannot be read{where_en}: open it in Excel or WPS, "
        f"save it as .xlsx and import it again; nothing was imported ({type(exc).__name__})",
    )


def open_workbook(path: Path, password: str | None = None) -> Any:
    """Check the file, then open it read-only; every parser failure becomes a readable UserError.

    A password-protected workbook (as the unmasked export writes) is decrypted into memory with
    ``password``; without it, or with a wrong one, a UserError says so."""
    source: Any = path
    if encrypted_xlsx.is_encrypted(path):
        source = encrypted_xlsx.decrypt(path, password)
        check_xlsx(path, source)
    else:
        check_xlsx(path)
    try:
        wb = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except UserError:
        raise
    except Exception as exc:  # defusedxml's EntitiesForbidden, KeyError for missing parts, zlib errors ...
        raise damaged(path, exc) from exc
    tables = {
        id(ws._shared_strings): ws._shared_strings for ws in wb.worksheets if hasattr(ws, "_shared_strings")
    }
    strict = {key: _SharedStrings(table) for key, table in tables.items()}
    for ws in wb.worksheets:
        if hasattr(ws, "_shared_strings"):
            ws._shared_strings = strict[id(ws._shared_strings)]
    wb._silverage_path = path
    wb._silverage_source = source  # the file, or its decrypted image in memory
    return wb


def _scan_sheet_xml(path: Path, ws: Any) -> tuple[tuple[tuple[int, int, int, int], ...], int]:
    """Merged ranges and the number of rows of a read-only sheet; at most ``MAX_MERGES`` ranges.

    openpyxl does not expose merged cells in read-only mode, and some writers leave out the sheet
    dimension (so the row count is unknown). A regular expression over the raw bytes, chunk by chunk,
    finds both: nothing is parsed, so this is as safe and as fast as reading the file.
    """
    member = getattr(ws, "_worksheet_path", None)
    if not member:
        return (), 0
    found: list[tuple[int, int, int, int]] = []
    rows = 0
    source = getattr(getattr(ws, "parent", None), "_silverage_source", path)
    if hasattr(source, "seek"):
        source.seek(0)
    with zipfile.ZipFile(source) as zf, zf.open(member.lstrip("/")) as fh:
        tail = b""
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            rows += len(_ROW.findall(chunk))
            last = 0
            for m in _MERGE.finditer(data):
                last = m.end()
                if len(found) >= MAX_MERGES:
                    continue
                c1, r1, c2, r2 = range_boundaries(m.group(1).decode())  # type: ignore[misc]
                # Only what a reader uses: one-row merges near the top (a header's group labels) and
                # one-column merges (a name merged down). Blocks fill nothing (``MergeFill``).
                if (r1 == r2 and r1 <= HEADER_SEARCH_ROWS + 1) or (c1 == c2 and r2 > r1):
                    found.append((c1, r1, c2, r2))  # type: ignore[arg-type]
            tail = data[max(last, len(data) - 256) :]
    return tuple(found), rows


def sheet_merges(path: Path, ws: Any) -> tuple[tuple[tuple[int, int, int, int], ...], int]:
    """Merged ranges and the row count of a read-only sheet (for readers other than the roster's)."""
    return _scan_sheet_xml(path, ws)


def _norm(value: Any) -> str:
    if value is None:
        return ""
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", str(value)))


def scan_layout(path: Path, wb: Any | None = None) -> WorkbookLayout:
    """Locate the header of every sheet that holds a roster; explain every sheet that does not."""
    own = wb is None
    wb = wb or open_workbook(path)
    tables: list[SheetTable] = []
    skipped: list[SkippedSheet] = []
    current: str | None = None
    try:
        for ws in wb.worksheets:
            current = ws.title
            table = _find_table(path, ws)
            if isinstance(table, SheetTable):
                tables.append(table)
            else:
                skipped.append(table)
    except UserError:
        raise
    except Exception as exc:  # zlib.error, BadZipFile, ParseError, IndexError ... in the first rows
        raise damaged(path, exc, current) from exc
    finally:
        if own:
            wb.close()
    if not tables and any(k.form for k in skipped):
        forms = "、".join(f"“{k.sheet}”" for k in skipped if k.form)
        raise UserError(
            f"“{path.name}”的{forms}是一人一表的表单（一人一册、申请表：姓名、身份证号码写在标签旁边），"
            "不是花名册，无法逐行导入，什么都没有导入。请把这些人填进一张每人一行、第一行是表头的花名册再导入，"
            "或在“花名册”页逐个新增",
            f"'{path.name}' holds one-person forms ({forms}: each value beside its label), not a roster "
            "with one person per row; nothing was imported. Put the people into a roster sheet (a header "
            "row, then one person per row) and import that, or add them one by one on the roster page",
        )
    if not tables:
        raise UserError(
            f"“{path.name}”里没有找到花名册：需要一行表头，至少包含“姓名”和“身份证号码”两列",
            f"No roster found in '{path.name}': a header row with at least a name column and an ID "
            "number column is needed",
        )
    return WorkbookLayout(path, tables, skipped)


# "入户人员签字：李社工", "村（社区）盖章": a sign-off line, wherever the word sits in the cell.
_SIGN_OFF = ("签字", "签名", "盖章", "签章")


def _is_footer_text(value: str) -> bool:
    text = _norm(value)
    return text.startswith(FOOTER_WORDS) or any(w in text for w in _SIGN_OFF)


_ID_IN_CELL = re.compile(r"(?<!\d)(\d{17}[\dXx]|\d{15})(?!\d)")


def _is_footer(name: str, values: list[Any], id_col: int | None) -> bool:
    """A 合计 / 填表人 / 签字 line, not a person: its "name" is a footer word or a label ("审核人：",
    "社区负责人签字："), or it has no name and a footer word sits in some cell, and no cell of it
    holds an ID number ("填表人：王芳 联系电话：139…" in the ID column is a footer, not a bad ID)."""
    id_cell = _norm(values[id_col]) if id_col is not None else ""
    if _ID_IN_CELL.search(id_cell) and not id_cell.startswith(FOOTER_WORDS):
        return False
    if name and (_is_footer_text(name) or name.endswith((":", "："))):
        return True
    texts = [_norm(v) for v in values if isinstance(v, str)]
    if any(t.startswith(FOOTER_WORDS) for t in texts):  # 合计 | 8人: the count sits in the name column
        return True
    return not name and any(w in t for t in texts for w in _SIGN_OFF)


def top_rows(ws: Any, rows: int = HEADER_SEARCH_ROWS) -> list[list[Any]]:
    """The first rows of a sheet as value lists (where headers are looked for), trailing empty
    cells dropped; read with ``sheet_rows`` so that a short sheet is not parsed to its very end."""
    if not hasattr(ws, "_worksheet_path"):  # pragma: no cover - every sheet of a read-only workbook
        return [list(r) for r in ws.iter_rows(min_row=1, max_row=rows, values_only=True)]
    out = []
    for _, values in sheet_rows.iter_values(ws.parent, ws, 1, MAX_HEADER_COLUMNS, rows):
        cells = list(values)
        while cells and cells[-1] is None:
            cells.pop()
        out.append(cells)
    return out


def _find_table(path: Path, ws: Any) -> SheetTable | SkippedSheet:
    if ws.title in WARNINGS_SHEET.values():
        return SkippedSheet(
            ws.title,
            "错误工作簿中的导入警告清单，不是花名册，跳过",
            "the warnings list of an error workbook, not a roster; skipped",
        )
    top = top_rows(ws)
    scanned: list[tuple[tuple[tuple[int, int, int, int], ...], int]] = []

    def scan() -> tuple[tuple[tuple[int, int, int, int], ...], int]:
        if not scanned:
            scanned.append(_scan_sheet_xml(path, ws))
        return scanned[0]

    found = header_rows.find_header(top, lambda: scan()[0])
    if form_sheet.is_form(top, None if found is None else found.row - 1):
        return SkippedSheet(ws.title, FORM_ZH, FORM_EN, form=True)
    if found is None:
        return SkippedSheet(
            ws.title,
            "没有含“姓名”和“身份证号码”的表头，跳过（如汇总表）",
            "no header with name and ID number columns; skipped (e.g. a summary sheet)",
        )
    merges, xml_rows = scan()
    hr = found.row
    samples = tuple(tuple(r) for r in top[hr : hr + SAMPLE_ROWS])
    return SheetTable(
        ws.title,
        hr,
        found.headers,
        found.mapping,
        max(int(ws.max_row or 0), xml_rows, hr),
        merges,
        samples,
    )


def iter_rows(wb: Any, table: SheetTable, mapping: dict[int, str] | None = None) -> Iterator[RawRow]:
    """Every row below the header, classified, with vertically merged cells filled down.

    Damage found while streaming (a corrupt compressed block, broken XML after the first rows, a
    shared-string index outside the table) is one UserError naming the file, sheet and row."""
    path = Path(getattr(wb, "_silverage_path", "") or "workbook.xlsx")
    last = table.header_row
    try:
        for raw in _iter_rows(wb, table, mapping):
            last = raw.row
            yield raw
    except UserError:
        raise
    except Exception as exc:
        raise damaged(path, exc, table.sheet, last + 1) from exc


def _iter_rows(wb: Any, table: SheetTable, mapping: dict[int, str] | None = None) -> Iterator[RawRow]:
    mapping = table.mapping if mapping is None else mapping
    width = len(table.headers)
    ws = wb[table.sheet]
    identity = [i for i, k in mapping.items() if k in NEVER_FILLED]
    merged = sheet_rows.MergeFill(table.merges, table.header_row, width, table.max_row, identity)
    name_col = next((i for i, k in mapping.items() if k == "name"), None)
    id_col = next((i for i, k in mapping.items() if k == "id_number"), None)
    used = [i for i, k in mapping.items() if k != header_map.IGNORE and i < width]
    for r, raw in sheet_rows.iter_values(wb, ws, table.header_row + 1, width):
        # blank means: none of the row's own cells says anything (a merged value filled in does not count)
        blank = all(raw[i] is None or (isinstance(raw[i], str) and not raw[i].strip()) for i in used)
        values = list(raw)
        merged.apply(r, values)
        if blank:
            yield RawRow(table.sheet, r, tuple(values), "blank")
            continue
        name = _norm(values[name_col]) if name_col is not None else ""
        if _is_footer(name, values, id_col):
            yield RawRow(table.sheet, r, tuple(values), "footer")
            continue
        if (
            name_col is not None
            and id_col is not None
            # the ID cell first: a data row's 18-character number is ruled out at once
            and header_map.guess_field(values[id_col]) == "id_number"
            and header_map.guess_field(values[name_col]) == "name"
        ):
            yield RawRow(table.sheet, r, tuple(values), "header")
            continue
        yield RawRow(table.sheet, r, tuple(values), "data")
