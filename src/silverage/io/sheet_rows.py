"""The cell values of a read-only sheet, row by row, and its vertical merges, in bounded memory.

Why not ``ws.iter_rows(values_only=True)``: openpyxl builds an element tree, a dict per cell and an
object tree per inline string (what most writers, our own export too, use for text), which made
reading most of an import's preview; and after the last row it keeps parsing, building the whole
``<mergeCells>`` element in memory (one crafted ``mergeCells`` list took gigabytes). This reader
drives expat directly with a few handlers, gives the same values as openpyxl (shared and inline
strings, numbers, dates by cell style, booleans, errors as their text), refuses a DOCTYPE or any
entity declaration as defusedxml does, and stops at the end of ``<sheetData>``.
"""

from __future__ import annotations

import pyexpat
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

_DIGITS = "0123456789"
_CHUNK = 1 << 16


class _Done(Exception):
    """The end of ``<sheetData>``: nothing after it is parsed."""


def _forbidden(*_: Any) -> None:
    raise ValueError("DTD or entity declaration in a worksheet (refused, as defusedxml does)")


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)  # openpyxl accepts "12.0"; anything else is damage
        if not number.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(number)


class _SheetParser:
    """expat handlers that turn ``<row>``/``<c>`` elements into (row number, values) pairs."""

    def __init__(self, wb: Any, ws: Any, width: int) -> None:
        self.shared = ws._shared_strings
        self.date_styles = wb._date_formats
        self.duration_styles = wb._timedelta_formats
        self.epoch = wb.epoch
        self.width = width
        self.columns: dict[str, int] = {}
        self.rows: list[tuple[int, list[Any], BaseException | None]] = []
        self.error: BaseException | None = None  # a bad cell, raised when its row is reached
        self.ns: str | None = None
        self.counter = 0
        self.values: list[Any] = []
        self.col = 0
        self.kind = "n"
        self.style: str | None = None
        self.text: list[str] | None = None  # collecting a <v> or an inline <t>
        self.parts: list[str] | None = None  # the text of an inline string
        self.depth_rph = 0  # inside phonetic runs, whose text is not the cell's

    def tags(self, ns: str) -> None:
        self.ns = ns
        self.t_row, self.t_c, self.t_v = ns + "row", ns + "c", ns + "v"
        self.t_is, self.t_t, self.t_rph, self.t_data = ns + "is", ns + "t", ns + "rPh", ns + "sheetData"

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.ns is None:
            self.tags(name[: name.index(" ") + 1] if " " in name else "")
        if name == self.t_c:
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip(_DIGITS)
                col = self.columns.get(letters)
                if col is None:
                    col = self.columns[letters] = column_index_from_string(letters)
                self.col = col
            else:
                self.col += 1
            self.kind = attrs.get("t", "n")
            self.style = attrs.get("s")
            self.parts = None
        elif name == self.t_v:
            if self.kind != "inlineStr":
                self.text = []
        elif name == self.t_t:
            if self.parts is not None and not self.depth_rph:
                self.text = []
        elif name == self.t_is:
            if self.kind == "inlineStr":
                self.parts = []
        elif name == self.t_rph:
            self.depth_rph += 1
        elif name == self.t_row:
            r = attrs.get("r")
            self.counter = _row_number(r) if r is not None else self.counter + 1
            self.values = [None] * self.width
            self.col = 0

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, name: str) -> None:
        if name == self.t_v:
            if self.text is not None:
                self.value = "".join(self.text)
                self.text = None
        elif name == self.t_t:
            if self.text is not None and self.parts is not None:
                self.parts.append("".join(self.text))
            self.text = None
        elif name == self.t_c:
            try:
                if self.col <= self.width:
                    self.values[self.col - 1] = self.cell()
            except Exception as exc:  # a shared-string index outside the table, a bad number ...
                self.error = self.error or exc
            self.value = None
        elif name == self.t_rph:
            self.depth_rph -= 1
        elif name == self.t_row:
            self.rows.append((self.counter, self.values, self.error))
            self.error = None
        elif name == self.t_data:
            raise _Done

    value: str | None = None

    def cell(self) -> Any:
        kind = self.kind
        if kind == "inlineStr":
            return None if self.parts is None else "".join(self.parts)
        value = self.value or None
        if value is None:
            return None
        if kind == "n":
            number: Any = float(value) if "." in value or "E" in value or "e" in value else int(value)
            style = self.style
            if style and int(style) in self.date_styles:
                try:
                    return from_excel(number, self.epoch, timedelta=int(style) in self.duration_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"  # as openpyxl: a date style on an impossible serial
            return number
        if kind == "s":
            return self.shared[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        return value  # "str" (a formula's text), "e" (#N/A ...)


def iter_values(
    wb: Any, ws: Any, first_row: int, width: int, last_row: int | None = None
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, the first ``width`` values) for every row from ``first_row`` to the last row of
    the sheet (or ``last_row``), rows the file leaves out included (as empty rows), so row numbers
    match Excel's."""
    sheet = _SheetParser(wb, ws, width)
    parser = pyexpat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = sheet.start
    parser.EndElementHandler = sheet.end
    parser.CharacterDataHandler = sheet.data
    parser.StartDoctypeDeclHandler = _forbidden
    parser.EntityDeclHandler = _forbidden
    parser.UnparsedEntityDeclHandler = _forbidden
    parser.ExternalEntityRefHandler = _forbidden  # type: ignore[assignment]
    empty: tuple[Any, ...] = (None,) * width
    expected = first_row
    done = False
    with wb._archive.open(ws._worksheet_path) as src:
        while not done:
            chunk = src.read(_CHUNK)
            broken: BaseException | None = None
            try:
                parser.Parse(chunk, not chunk)
            except _Done:
                done = True
            except Exception as exc:  # broken XML: the rows before it first, so the error names its row
                broken, done = exc, True
            if not chunk:
                done = True
            rows, sheet.rows = sheet.rows, []
            for number, values, error in rows:
                if last_row is not None and number > last_row:
                    while expected <= last_row:
                        yield expected, empty
                        expected += 1
                    return
                if number < expected:
                    continue  # before the wanted rows, or a row number repeated: as openpyxl, skipped
                while expected < number:
                    yield expected, empty
                    expected += 1
                if error is not None:
                    raise error
                yield number, tuple(values)
                expected = number + 1
            if broken is not None:
                raise broken


class MergeFill:
    """Where vertically merged cells below a header fill down, and from which row; O(merges) memory.

    Excel keeps a merged cell's value only in its top-left cell. Offices merge a grid or community
    name down over all the rows of that grid, so those cells are filled with it. The rule, so that a
    merge from a broken writer (one ``A3:XFD1048576`` over the whole data) neither costs a cell per
    covered cell nor rewrites people:
      * only a single-column merge fills, and only cells that are empty (a row's own value wins);
      * a merge over several columns and several rows inside the data is ignored (no office form
        does that; it is a broken writer), and so is one starting in the header;
      * a merge never fills the person's own name, ID number, gender or birth date (``identity``):
        two people under one merged name cell are two rows the user has to complete, not a guess;
      * a range is clipped to the table's columns and the sheet's real last row.
    Ranges are kept per column as sorted (top, bottom) intervals and looked up with bisect.
    """

    def __init__(
        self,
        merges: Iterable[tuple[int, int, int, int]],
        header_row: int,
        width: int,
        last_row: int,
        identity: Iterable[int] = (),
    ) -> None:
        skip = {c + 1 for c in identity}
        per_col: dict[int, list[tuple[int, int]]] = {}
        self.ignored = 0
        for c1, r1, c2, r2 in merges:
            if r2 <= header_row or r1 == r2 or c1 > width:
                continue  # above the data, a single row, or right of the table: nothing to fill
            if c2 > c1 or r1 <= header_row or c1 in skip:
                self.ignored += 1
                continue
            per_col.setdefault(c1, []).append((r1, min(r2, max(last_row, r1))))
        self._cols = {c: sorted(v) for c, v in per_col.items()}
        self._starts = {c: [a for a, _ in v] for c, v in self._cols.items()}
        self._top: dict[int, tuple[int, Any]] = {}  # column -> (top row seen, its value)

    @property
    def ranges(self) -> int:
        return sum(len(v) for v in self._cols.values())

    def apply(self, row: int, values: list[Any]) -> None:
        """Remember the top cells of merges starting in ``row``; fill its empty covered cells.
        Rows must come in ascending order (as a sheet streams)."""
        for c, starts in self._starts.items():
            i = bisect_right(starts, row) - 1
            if i < 0:
                continue
            top, bottom = self._cols[c][i]
            if row > bottom:
                continue
            if row == top:
                self._top[c] = (top, values[c - 1])
            elif values[c - 1] is None:
                seen = self._top.get(c)
                if seen is not None and seen[0] == top:
                    values[c - 1] = seen[1]
