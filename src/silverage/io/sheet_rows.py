"""The cell values of a read-only sheet, row by row, and its vertical merges, in bounded memory.

Why not ``ws.iter_rows(values_only=True)``: openpyxl builds a dict per cell and an object tree per
inline string (what most writers, our own export too, use for text), which made reading three
quarters of an import's preview; and after the last row it keeps parsing, building the whole
``<mergeCells>`` element in memory (one crafted ``mergeCells`` list took gigabytes). This reader
gives the same values as openpyxl (shared and inline strings, numbers, dates by cell style, booleans,
errors as their text), with the same defused XML parser, and stops at the end of ``<sheetData>``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from defusedxml.ElementTree import iterparse
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

_DIGITS = "0123456789"


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)  # openpyxl accepts "12.0"; anything else is damage
        if not number.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(number)


def iter_values(
    wb: Any, ws: Any, first_row: int, width: int, last_row: int | None = None
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, the first ``width`` values) for every row from ``first_row`` to the last row of
    the sheet (or ``last_row``), rows the file leaves out included (as empty rows), so row numbers
    match Excel's."""
    shared = ws._shared_strings
    date_styles = wb._date_formats
    duration_styles = wb._timedelta_formats
    epoch = wb.epoch
    columns: dict[str, int] = {}
    empty: tuple[Any, ...] = (None,) * width

    def column(ref: str) -> int:
        letters = ref.rstrip(_DIGITS)
        found = columns.get(letters)
        if found is None:
            found = columns[letters] = column_index_from_string(letters)
        return found

    with wb._archive.open(ws._worksheet_path) as src:
        events = iterparse(src, events=("start", "end"))
        _, root = next(events)
        ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        data_tag, row_tag, v_tag, is_tag = ns + "sheetData", ns + "row", ns + "v", ns + "is"
        t_tag, r_tag = ns + "t", ns + "r"
        data = root
        counter = 0
        expected = first_row
        for event, el in events:
            tag = el.tag
            if event == "start":
                if tag == data_tag:
                    data = el
                continue
            if tag == data_tag:
                return  # what follows (merged cells, print settings ...) is not needed here
            if tag != row_tag:
                continue
            r = el.get("r")
            counter = _row_number(r) if r is not None else counter + 1
            if last_row is not None and counter > last_row:
                while expected <= last_row:
                    yield expected, empty
                    expected += 1
                return
            if counter >= expected:
                while expected < counter:
                    yield expected, empty
                    expected += 1
                values: list[Any] = [None] * width
                col = 0
                for c in el:
                    ref = c.get("r")
                    col = column(ref) if ref else col + 1
                    if col > width:
                        continue
                    kind = c.get("t", "n")
                    if kind == "inlineStr":
                        inline = c.find(is_tag)
                        if inline is not None:
                            values[col - 1] = "".join(
                                [part.text or "" for part in inline if part.tag == t_tag]
                                + [
                                    t.text or ""
                                    for run in inline
                                    if run.tag == r_tag
                                    for t in run.iter(t_tag)
                                ]
                            )
                        continue
                    v = c.find(v_tag)
                    value = v.text if v is not None else None
                    if not value:
                        continue
                    if kind == "n":
                        number: Any = (
                            float(value) if "." in value or "E" in value or "e" in value else int(value)
                        )
                        style = c.get("s")
                        if style and int(style) in date_styles:
                            try:
                                number = from_excel(number, epoch, timedelta=int(style) in duration_styles)
                            except (OverflowError, ValueError):
                                number = "#VALUE!"  # as openpyxl: a date style on an impossible serial
                        values[col - 1] = number
                    elif kind == "s":
                        values[col - 1] = shared[int(value)]
                    elif kind == "b":
                        values[col - 1] = bool(int(value))
                    elif kind == "d":
                        values[col - 1] = from_ISO8601(value)
                    else:  # "str" (a formula's text), "e" (#N/A ...)
                        values[col - 1] = value
                yield counter, tuple(values)
                expected = counter + 1
            data.clear()  # the finished rows go, so memory stays flat however long the sheet is


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
