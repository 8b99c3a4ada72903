"""Recognising our own masked export: ID numbers shown as 3304**********123X cannot be imported.

A worker who exports the roster (masked by default) and imports it elsewhere would otherwise get
one "the first 17 characters must be digits" per row; a sheet whose ID column is mostly masked is
refused once, saying what the file is and how to get the one that imports.
"""

from __future__ import annotations

import re

from silverage.domain.problems import UserError
from silverage.domain.text import to_halfwidth

# domain.idcard.mask: the first and last four kept, the rest starred (also a few stars fewer or more).
_MASKED = re.compile(r"^\d{2,6}[*＊]{4,14}\d{0,4}[\dXx]?$")


def looks_masked(value: object) -> bool:
    """True for an ID cell that holds a masked number (3304**********123X)."""
    if not isinstance(value, str):
        return False
    return bool(_MASKED.match(to_halfwidth(value).replace(" ", "")))


def mostly_masked(masked: int, rows: int) -> bool:
    """A sheet is a masked export when at least half of its data rows have a masked ID number."""
    return masked > 0 and masked * 2 >= rows


def masked_export_error(sheet: str, masked: int, rows: int) -> UserError:
    return UserError(
        f"“{sheet}”表中{masked}/{rows}行的身份证号码是隐藏的（如3304**********123X）。"
        "这是隐藏了身份证号码的导出文件，无法据此导入；请让督导导出完整花名册"
        "（导出对话框中选“完整花名册”，或 export roster --complete）后再导入",
        f"In sheet '{sheet}', {masked} of {rows} rows have a masked ID number (like "
        "3304**********123X). This is an export with the ID numbers hidden and cannot be imported; "
        "ask a supervisor for the complete roster (choose 'Complete roster' in the export dialog, or "
        "export roster --complete) and import that",
    )
