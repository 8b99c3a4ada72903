"""Which row(s) of a sheet are the roster's header, and what each column's header says.

Office forms (a 服务对象登记表, a 花名册 printed from a template) often have a header of two rows:
group cells merged across columns (基本信息 / 紧急联系人 / 监护人 / 子女情况 / 健康状况) over
sub-labels (姓名, 性别, 电话), and cells merged down over both rows (序号, 姓名, 身份证号码). Each column
then reads as its group and its sub-label together: 监护人 + 电话 is "监护人电话" (never the elder's
phone), 基本信息 + 姓名 is "姓名" (a heading about the elder does not hide its sub-label). Which rows
form the header is decided by what they say: the row (or pair of rows) naming the most fields, with
at least a name and an ID number; the lower row of a two-row header is never read on its own, since
its 电话 may sit under 监护人. Data start below the last header row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from silverage.io import header_map

Merge = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row (1-based)

HEADER_SEARCH_ROWS = 30
# A merged cell above the header that is a caption, not a group: 填表单位：…, 填表日期 …
# (Kept narrow: a group taken for a caption would let 监护人's 电话 be read on its own.)
_CAPTION = re.compile(r"[:：]|日期|^(填表|填报|制表|审核|统计|合计|总计)")
_LINE_BREAK = re.compile(r"\s*(?:_x000[dDaA]_|[\r\n])+\s*")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Header:
    row: int  # 1-based; the lower row of a two-row header
    headers: tuple[str, ...]
    mapping: dict[int, str]


def cell_text(value: Any) -> str:
    """A header cell as one line: "联系\\n电话" is 联系电话, "Phone\\nnumber" is "Phone number"."""
    if value is None:
        return ""
    text = str(value).strip()
    parts = _LINE_BREAK.split(text)
    out = parts[0]
    for part in parts[1:]:
        joint = "" if _CJK.match(part[:1] or " ") or _CJK.match(out[-1:] or " ") else " "
        out += joint + part
    return out


def _one_row(values: Sequence[Any]) -> tuple[list[tuple[str, str]], list[str]]:
    labels = [cell_text(v) for v in values]
    return [("", h) for h in labels], labels


def _is_caption(text: str) -> bool:
    return bool(_CAPTION.search(unicodedata.normalize("NFKC", text)))


def two_rows(
    upper: Sequence[Any], lower: Sequence[Any], row: int, merges: Sequence[Merge]
) -> tuple[list[tuple[str, str]], list[str]] | None:
    """(group, label) per column and the header text per column, if rows ``row`` and ``row + 1``
    are one header (a group merged across columns over labels, or a cell merged down over both);
    None if nothing says they belong together."""
    width = max(len(upper), len(lower))
    up = [cell_text(v) for v in upper] + [""] * (width - len(upper))
    low = [cell_text(v) for v in lower] + [""] * (width - len(lower))
    group_of: list[str | None] = [None] * width
    first_of_group = [False] * width
    covered = [False] * width  # lower cell covered by a cell merged down from the upper row
    together = False
    touching = False
    for c1, r1, c2, r2 in merges:
        if r1 > row + 1 or r2 < row or c1 > width:
            continue
        touching = True
        if r1 != row:
            continue
        cols = range(c1 - 1, min(c2, width))
        if r2 >= row + 1:
            together = True
            for c in cols:
                covered[c] = True
            continue
        text = up[c1 - 1]
        under = [c for c in cols if low[c]]
        outside = [c for c in range(width) if (low[c] or up[c]) and c not in cols]
        if c2 > c1 and text and under and outside and not _is_caption(text):
            together = True
            for c in cols:
                group_of[c] = text
            first_of_group[c1 - 1] = True
    if not touching:
        _carry_groups(up, low, group_of, first_of_group)
        together = any(g is not None for g in group_of)
    if not together or len({t for t in up if t}) < 2 or not _labels(low):
        return None
    columns: list[tuple[str, str]] = []
    texts: list[str] = []
    for c in range(width):
        label = "" if covered[c] else low[c]
        group = group_of[c]
        if group is None:
            group, label = (up[c], label) if up[c] and label else ("", up[c] or label)
        columns.append((group, label))
        texts.append(_joined(group, label, first_of_group[c] or group_of[c] is None))
    return columns, texts


def _labels(low: list[str]) -> bool:
    """The lower row reads as labels, not as the first person: no ID or phone number in it, and at
    least one header word."""
    if any(sum(ch.isdigit() for ch in t) >= 6 for t in low):
        return False
    return any(header_map.guess_field(t) is not None for t in low if t)


def _carry_groups(up: list[str], low: list[str], group_of: list[str | None], first: list[bool]) -> None:
    """Without merge information, a label above a run of sub-labels whose upper cells are empty is
    their group, if every sub-label is a known header word (so a data row is never taken for one)."""
    c = 0
    while c < len(up):
        end = c + 1
        while end < len(up) and not up[end] and low[end]:
            end += 1
        span = range(c, end)
        if (
            up[c]
            and end - c >= 2
            and not _is_caption(up[c])
            and all(low[i] and header_map.guess_field(low[i]) is not None for i in span)
        ):
            for i in span:
                group_of[i] = up[c]
            first[c] = True
        c = end


def _joined(group: str, label: str, first: bool) -> str:
    """The column's header text: 监护人 + 电话 = 监护人电话; 基本信息 + 姓名 = 姓名."""
    if not group:
        return label
    if not label:
        return group if first else ""
    g, h = header_map.normalize_header(group), header_map.normalize_header(label)
    if h.startswith(g):
        return label
    if header_map.names_other_person(g) or header_map.guess_column(group, label) in (
        "contact_name",
        "contact_phone",
        "contact_relation",
    ):
        return group + label
    return group + label if header_map.guess_field(g + h) else label


def find_header(top: Sequence[Sequence[Any]], merges: Callable[[], Sequence[Merge]]) -> Header | None:
    """The header among the first rows: one row, or two read together; None if no row (pair) names
    both a name and an ID number column. ``merges`` is called only when a two-row header is possible."""
    rows = [list(r) for r in top[:HEADER_SEARCH_ROWS]]
    found: list[tuple[int, int, Header]] = []  # (score, -row, header)
    part_of_pair: set[int] = set()
    if _pair_possible(rows):
        known = [m for m in merges() if m[1] <= len(rows) + 1]
        for i in range(len(rows) - 1):
            pair = two_rows(rows[i], rows[i + 1], i + 1, known)
            if pair is None:
                continue
            part_of_pair.update((i, i + 1))
            _consider(found, pair[0], pair[1], i + 2)
    for i, values in enumerate(rows):
        if i not in part_of_pair:
            columns, texts = _one_row(values)
            _consider(found, columns, texts, i + 1)
    if not found:
        return None
    return max(found, key=lambda f: (f[0], f[1]))[2]


def _consider(
    found: list[tuple[int, int, Header]], columns: list[tuple[str, str]], texts: list[str], row: int
) -> None:
    mapping = header_map.map_columns(columns)
    if header_map.missing_required(mapping):
        return
    score = len(set(mapping.values()) - {header_map.IGNORE})
    while texts and not texts[-1]:
        texts.pop()
    mapping = {c: k for c, k in mapping.items() if c < len(texts)}
    found.append((score, -row, Header(row, tuple(texts), mapping)))


def _pair_possible(rows: list[list[Any]]) -> bool:
    """Two neighbouring rows that between them name a name and an ID number column."""
    keys = [{header_map.guess_field(v) for v in r if v not in (None, "")} for r in rows]
    need = {"name", "id_number"}
    return any(need <= (keys[i] | keys[i + 1]) for i in range(len(rows) - 1))
