"""Tell a one-person form (申请表, 一人一册 基本信息页) from a roster table.

A form writes each fact beside its label — 姓名 | 刘芳 | 性别 | 女 | 身份证号码 | 3304… — so a row of
it can look like a roster header with the person's own values mixed in. A roster's header row never
holds an ID number, and its labels stand above their values, not beside them. Importing a form row by
row would take labels for people; the import refuses such a sheet and says why instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from silverage.io import header_map

_ID_LIKE = re.compile(r"^\d{17}[\dXx]$|^\d{15}$")
_IDENTITY = frozenset({"name", "id_number", "gender", "birth_date"})


def _text(value: Any) -> str:
    return "" if value is None else re.sub(r"\s+", "", str(value))


def label_value_pairs(rows: Sequence[Sequence[Any]]) -> int:
    """How many identity labels (姓名, 身份证号码, 性别 ...) have a value, not a label, to their right."""
    pairs = 0
    for row in rows:
        cells = [_text(v) for v in row]
        for i, cell in enumerate(cells):
            if header_map.guess_field(cell) not in _IDENTITY:
                continue
            after = next((c for c in cells[i + 1 :] if c), "")
            if after and header_map.guess_field(after) is None:
                pairs += 1
    return pairs


def holds_an_id_number(row: Sequence[Any]) -> bool:
    return any(_ID_LIKE.match(_text(v)) for v in row)


def is_form(rows: Sequence[Sequence[Any]], header_index: int | None) -> bool:
    """A sheet of label/value pairs: the "header" row holds an ID number, or there is no header and
    at least two identity labels stand beside values."""
    if header_index is not None:
        return holds_an_id_number(rows[header_index]) and label_value_pairs(rows) >= 2
    return label_value_pairs(rows) >= 2
