"""Write the roster workbook (openpyxl write-only mode: constant memory, fast at 100,000 rows).

Plain data in (``RosterWorkbook``), .xlsx out. Made to open cleanly in Excel, WPS and LibreOffice
and to print: A4 landscape, fit to width, the header row repeated on every page, frozen header,
autofilter, widths from the content. Every text cell is written as text, so a value starting with
= + - @ can never run as a formula; dates are real dates; ID numbers are text.
"""

from __future__ import annotations

import io
from collections.abc import Hashable, Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter

from silverage.domain.enums import Level
from silverage.domain.progress import Job, Progress
from silverage.io.cell_values import looks_like_formula
from silverage.io.file_check import check_output

_CENTER = Alignment(horizontal="center")
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
_LEVEL_FILL = {lv.value: PatternFill("solid", fgColor=lv.rgb.lstrip("#")) for lv in Level}
_LEVEL_FONT = {
    "red": Font(bold=True, color="FFFFFF"),
    "yellow": Font(bold=True, color="000000"),
    "green": Font(bold=True, color="FFFFFF"),
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text | date | int | level | id
    width: float | None = None  # None = from the content


@dataclass
class SheetData:
    title: str
    heading: str  # a title line above the header (the importer skips it)
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    count: int
    print_header: str = ""  # page header text (e.g. 演示数据)


@dataclass
class SummaryData:
    title: str
    heading: str
    headers: Sequence[str]  # community, then one per level, total, visit rate
    rows: Sequence[Sequence[Any]]  # [community, n_red, n_yellow, n_green, n_unassessed, total, rate (0..1)]
    chart_title: str
    level_series: int = 4  # how many count columns after the community name go into the chart
    notes: Sequence[str] = field(default_factory=tuple)


@dataclass
class RosterWorkbook:
    roster: SheetData
    summary: SummaryData
    overdue: SheetData
    level_words: dict[str, str]  # level value -> word in the chosen language


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, (date, datetime)):
        return 10
    text = str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _text_cell(ws: Any, value: str, **style: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value)
    if cell.data_type != "s" or looks_like_formula(value):
        cell.data_type = "s"  # never a formula, whatever the first character
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    for k, v in style.items():
        setattr(cell, k, v)
    return cell


_STYLES: WeakKeyDictionary[Any, dict[Hashable, StyleArray]] = WeakKeyDictionary()


def _styled(cell: WriteOnlyCell, key: Hashable, **style: Any) -> WriteOnlyCell:
    """Give ``cell`` a style, registering it with the workbook only the first time.

    Setting a font, fill or alignment makes openpyxl hash the style objects to find them in the
    workbook's style tables, for every cell: a third of the export time at 100,000 rows. The first
    cell of each kind does that; later cells copy its style ids (openpyxl's own way to copy a style).
    """
    known = _STYLES.setdefault(cell.parent.parent, {})
    ids = known.get((key, cell.quotePrefix))
    if ids is None:
        for k, v in style.items():
            setattr(cell, k, v)
        known[(key, cell.quotePrefix)] = copy(cell._style)
    else:
        cell._style = copy(ids)
    return cell


def _cell(ws: Any, col: Column, value: Any, level_words: dict[str, str]) -> Any:
    if value is None or value == "":
        return None
    if col.kind == "date":
        return _styled(WriteOnlyCell(ws, value), "date", number_format="yyyy-mm-dd", alignment=_CENTER)
    if col.kind == "int":
        return _styled(WriteOnlyCell(ws, value), "int", alignment=_CENTER)
    if col.kind == "level":
        return _styled(
            _text_cell(ws, level_words.get(value, str(value))),
            ("level", value),
            fill=_LEVEL_FILL[value],
            font=_LEVEL_FONT[value],
            alignment=_CENTER,
        )
    text = str(value)
    if col.kind == "id":
        return _styled(_text_cell(ws, text), "id", number_format="@")
    if looks_like_formula(text):
        return _text_cell(ws, text)
    return text


def _setup_sheet(
    ws: Any, columns: Sequence[Column], widths: list[float], header_row: int, print_header: str
) -> None:
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    last = get_column_letter(max(1, len(columns)))
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3  # page header text clear of the table
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    if print_header:
        ws.oddHeader.center.text = print_header
    ws.auto_filter.ref = f"A{header_row}:{last}{header_row}"  # widened by _finish_filter


def _declare_size(ws: Any, rows: int, cols: int) -> None:
    """Write the sheet's dimension (A1:Y100002) at the top of its XML, as Excel and WPS do.

    openpyxl's write-only sheets leave it out (their size is unknown when the top is written), and a
    reader then has to parse the whole sheet once just to size it: openpyxl's read-only mode (so our
    own importer, and pandas) did that on every open, parsing a 100,000-row sheet twice. The writer
    asks the sheet for ``calculate_dimension`` when it writes the top, so the known size is given
    here, before the first row. ``rows`` must be exact: a reader stops at the declared last row.
    """
    ws.calculate_dimension = lambda: f"A1:{get_column_letter(max(1, cols))}{max(1, rows)}"


def _widths(
    columns: Sequence[Column], sample: Sequence[Sequence[Any]], level_words: dict[str, str]
) -> list[float]:
    out = []
    for i, col in enumerate(columns):
        if col.width:
            out.append(col.width)
            continue
        longest = _display_width(col.header)
        for row in sample:
            v = row[i] if i < len(row) else None
            longest = max(longest, _display_width(level_words.get(v, v) if col.kind == "level" else v))
        out.append(float(min(max(longest + 2, 8 if col.kind in ("int", "level") else 6), 42)))
    return out


def _write_table(wb: Workbook, data: SheetData, level_words: dict[str, str], step: int = 1000) -> Job[int]:
    ws = wb.create_sheet(data.title)
    rows = iter(data.rows)
    sample: list[Sequence[Any]] = []
    for row in rows:  # widths come from the first rows; the rest stream
        sample.append(row)
        if len(sample) >= 500:
            break
    widths = _widths(data.columns, sample, level_words)
    _setup_sheet(ws, data.columns, widths, 2, data.print_header)
    _declare_size(ws, data.count + 2, len(data.columns))
    title = _text_cell(ws, data.heading, font=Font(bold=True, size=13))
    ws.append([title])
    head = [
        _text_cell(
            ws,
            c.header,
            font=Font(bold=True),
            fill=_HEAD_FILL,
            border=_BORDER,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        )
        for c in data.columns
    ]
    ws.append(head)
    n = 0

    def emit(row: Sequence[Any]) -> None:
        ws.append(
            [_cell(ws, c, row[i] if i < len(row) else None, level_words) for i, c in enumerate(data.columns)]
        )

    for row in sample:
        emit(row)
        n += 1
    yield Progress(n, data.count, data.title)
    for row in rows:
        emit(row)
        n += 1
        if n % step == 0:
            yield Progress(n, data.count, data.title)
    if n != data.count:  # the declared dimension would cut rows off (or promise missing ones)
        raise ValueError(f"{data.title}: {n} rows written, {data.count} declared")
    last = get_column_letter(max(1, len(data.columns)))
    ws.auto_filter.ref = f"A2:{last}{max(2, n + 2)}"
    ws.print_area = f"A1:{last}{max(2, n + 2)}"
    return n


def _write_summary(wb: Workbook, data: SummaryData) -> None:
    ws = wb.create_sheet(data.title)
    widths = [max(12.0, max((_display_width(r[0]) + 2 for r in data.rows), default=12))]
    widths += [max(8.0, _display_width(h) + 2.0) for h in data.headers[1:]]
    cols = [Column("c", h) for h in data.headers]
    _setup_sheet(ws, cols, widths, 2, "")
    _declare_size(ws, 3 + len(data.rows) + len(data.notes), len(cols))  # heading, header, rows, gap, notes
    ws.append([_text_cell(ws, data.heading, font=Font(bold=True, size=13))])
    ws.append(
        [_text_cell(ws, h, font=Font(bold=True), fill=_HEAD_FILL, border=_BORDER) for h in data.headers]
    )
    for row in data.rows:
        cells: list[Any] = [_text_cell(ws, str(row[0]))]
        for v in row[1:-1]:
            cells.append(v)
        rate = WriteOnlyCell(ws, row[-1])
        rate.number_format = "0.0%"
        cells.append(rate)
        ws.append(cells)
    ws.append([])
    for note in data.notes:
        ws.append([_text_cell(ws, note, font=Font(italic=True, color="555555"))])
    n = len(data.rows)
    if n:
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = data.chart_title
        chart.y_axis.scaling.min = 0
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.y_axis.majorGridlines = None
        values = Reference(ws, min_col=2, max_col=1 + data.level_series, min_row=2, max_row=2 + n)
        cats = Reference(ws, min_col=1, min_row=3, max_row=2 + n)
        chart.add_data(values, titles_from_data=True)
        chart.set_categories(cats)
        colours = [lv.rgb.lstrip("#") for lv in Level] + ["BBBBBB"]
        for series, colour in zip(chart.series, colours, strict=False):
            series.graphicalProperties.solidFill = colour
            series.graphicalProperties.line.solidFill = colour
        chart.height, chart.width = 9, 18
        ws.add_chart(chart, f"A{n + 5 + len(data.notes)}")


def write_roster_workbook(path: Path, book: RosterWorkbook, password: str | None = None) -> Job[int]:
    """Write the three sheets; yields Progress, returns the number of roster rows written.

    With ``password`` the workbook is encrypted (standard OOXML encryption) before it touches the
    disk: the plain workbook exists only in memory."""
    check_output(path)
    wb = Workbook(write_only=True)
    n = yield from _write_table(wb, book.roster, book.level_words)
    _write_summary(wb, book.summary)
    yield from _write_table(wb, book.overdue, book.level_words)
    yield Progress(book.roster.count, book.roster.count, "保存文件…")
    tmp = path.with_name(path.name + ".part")
    if password:
        from silverage.io import encrypted_xlsx

        plain = io.BytesIO()
        wb.save(plain)
        tmp.write_bytes(encrypted_xlsx.encrypt(plain.getvalue(), password))
    else:
        wb.save(tmp)
    tmp.replace(path)  # never leave a half-written workbook under the chosen name
    return n


def write_table_workbook(path: Path, data: SheetData) -> Job[int]:
    """One sheet of ``data`` (a header row the volunteer platforms' importers read); returns the rows."""
    check_output(path)
    wb = Workbook(write_only=True)
    n = yield from _write_table(wb, data, {})
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    return n
