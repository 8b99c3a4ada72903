"""A few values of each column for the mapping step, with ID numbers and phone numbers masked.

The person choosing what a column holds decides better from "独居, 空巢" than from a header alone,
but the samples are shown on screen (and in screenshots): an ID number or a phone number is masked
as everywhere else, by the column's field and also wherever a cell merely looks like one (a phone
in a column nobody has mapped yet, an ID number in 备注).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from silverage.domain import fields, idcard
from silverage.domain import phone as phone_rules
from silverage.io import header_map

SAMPLES_PER_COLUMN = 3
_FOOTER = ("合计", "总计", "小计", "填表人", "审核人", "制表人", "填报人", "负责人", "签字", "盖章")
# A run of digits (with the separators offices type) long enough to be an ID or a phone number.
_NUMBER = re.compile(r"\d[\d\s\-\u3000]{5,}\d[xX]?|\d{7,}[xX]?")


_DATE_RUN = re.compile(r"^(18|19|20)\d{2}[-/.]?(0[1-9]|1[0-2])[-/.]?(0[1-9]|[12]\d|3[01])$")


def _mask_number(run: str) -> str:
    if _DATE_RUN.match(run.strip()):
        return run  # a date (1927-12-31, 19271231) is not a phone number
    digits = re.sub(r"[\s\-\u3000]", "", run)
    if len(digits) in (15, 18) and digits[:-1].isdigit():
        return idcard.mask(digits)
    return phone_rules.mask(digits)


def mask_text(text: str, key: str | None = None) -> str:
    """``text`` safe to show: the column's personal field masked, and any ID- or phone-like run."""
    spec = fields.BY_KEY.get(key or "")
    if spec is not None and spec.personal == "id":
        return idcard.mask(text)
    if spec is not None and spec.personal == "phone" and not _NUMBER.search(text):
        return phone_rules.mask(text)
    return _NUMBER.sub(lambda m: _mask_number(m.group(0)), text)


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time.min else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def column_samples(
    rows: Sequence[Sequence[Any]], mapping: dict[int, str], width: int
) -> tuple[tuple[str, ...], ...]:
    """Per column, up to three non-empty values from the first data rows, masked."""
    out: list[list[str]] = [[] for _ in range(width)]
    own = {k: c for c, k in sorted(mapping.items(), reverse=True) if k in ("name", "id_number")}
    for row in rows:
        texts = [_shown(v) if v is not None else "" for v in list(row)[:width]]
        texts += [""] * (width - len(texts))
        if not any(texts) or any(t.replace(" ", "").startswith(_FOOTER) for t in texts):
            continue  # a blank line, a 合计 / 填表人 line
        if own and all(header_map.guess_field(texts[c]) == k for k, c in own.items()):
            continue  # the header repeated (a sheet printed page by page)
        for c, text in enumerate(texts):
            if text and len(out[c]) < SAMPLES_PER_COLUMN:
                out[c].append(mask_text(text, mapping.get(c)))
    return tuple(tuple(s) for s in out)
