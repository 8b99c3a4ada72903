"""Turning spreadsheet cell values into roster values, and roster text into safe cell values.

Cells arrive as whatever Excel or WPS stored: real dates, Excel serial numbers, text in the forms
people type (1945年3月2日, 1945.3.2, 1945/3/2, 19450302), numbers where text was meant. ID numbers
stored as numbers have lost their last digits (Excel keeps 15 significant digits) and are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from silverage.domain.problems import Problem
from silverage.domain.text import to_halfwidth

_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_TEXT = re.compile(r"^(\d{4})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*日?$")
_MONTH_TEXT = re.compile(r"^(\d{4})\s*[年./\-]\s*(\d{1,2})\s*月?$")
_YEAR_TEXT = re.compile(r"^(\d{4})\s*年?$")
_COMPACT_MONTH = re.compile(r"^(\d{4})(\d{2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
FORMULA_START = ("=", "+", "-", "@")


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious ".0", dates as ISO, None as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(Decimal(repr(value))))  # 3.30402194503021e+17 -> 330402194503021000
        return str(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def id_number_text(value: object) -> str | Problem:
    """The ID number as text; a number cell of 16+ digits cannot be trusted and is refused."""
    if isinstance(value, bool):
        return cell_text(value)
    if isinstance(value, (int, float)):
        digits = str(int(Decimal(str(value)))) if isinstance(value, float) else str(value)
        if len(digits) >= 16:
            shown = digits[:15] + "*" * (len(digits) - 15)
            return Problem(
                "id_number",
                f"身份证号码被存成了数字，Excel只保留15位有效数字，最后几位已经丢失（读到的是{shown}）。"
                "请把该列设为“文本”格式后重新录入完整号码",
                f"The ID number was stored as a number; Excel keeps only 15 significant digits, so the "
                f"last digits are lost (read {shown}). Format the column as Text and type the full "
                "number again",
            )
        return digits
    return cell_text(value)


def parse_date(value: object) -> date | None | Problem:
    """A date from a real date, an Excel serial number or common Chinese text forms; None if empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 10_000_000 <= value <= 99_991_231:  # 19450302 typed as a number
            return parse_date(str(int(value)))
        if 1 <= value < 2958466:  # 1900-01-01 .. 9999-12-31 as Excel serial numbers
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return _bad_date(value)
    text = to_halfwidth(str(value)).strip()
    for pattern in (_DATE_TEXT, _COMPACT):
        m = pattern.match(text)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return _bad_date(value)
    m = _MONTH_TEXT.match(text)
    if m:  # 1945年3月: the day is unknown; the first of the month keeps the month comparable
        try:
            return date(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return _bad_date(value)
    if text.isdigit() and len(text) <= 6:
        return parse_date(int(text))
    return _bad_date(value)


@dataclass(frozen=True)
class Birth:
    """A birth date as a workbook states it: a whole date, or only its month or year (出生年月 1942年3月)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def matches(self, born: date) -> bool:
        """True if ``born`` (the ID number's date) lies in the day, month or year stated."""
        return (
            born.year == self.year
            and (self.month is None or born.month == self.month)
            and (self.day is None or born.day == self.day)
        )

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year}年{self.month}月"
        return f"{self.year}年"


def parse_birth(value: object, month_only_column: bool = False) -> Birth | None | Problem:
    """A birth date cell, keeping what it leaves out: "1942年3月", "1942.3", "194203" state a month,
    "1942" / "1942年" a year. ``month_only_column`` (a header 出生年月) reads a real date on the 1st
    of a month as that month only: Excel stores 1942年3月 typed into a date cell as 1942-03-01."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        if 1880 <= value <= 2100:  # a year typed as a number (an Excel serial that small is 1905)
            return Birth(int(value))
        if 188001 <= value <= 210012:
            return parse_birth(str(int(value)))
    if isinstance(value, float) and 1880 <= value < 2101:
        return Birth(int(value))  # 1942.3 typed into a number cell: 1942.1 could be January or October
    if isinstance(value, str):
        text = to_halfwidth(value).strip()
        m = _YEAR_TEXT.match(text)
        if m:
            return Birth(int(m.group(1)))
        m = _MONTH_TEXT.match(text) or _COMPACT_MONTH.match(text)
        if m:
            if 1 <= int(m.group(2)) <= 12:
                return Birth(int(m.group(1)), int(m.group(2)))
            return _bad_date(value)
    d = parse_date(value)
    if d is None or isinstance(d, Problem):
        return d
    if month_only_column and d.day == 1:
        return Birth(d.year, d.month)
    return Birth(d.year, d.month, d.day)


def _bad_date(value: object) -> Problem:
    return Problem(
        "birth_date",
        f"无法识别的日期“{value}”（可写作1945-03-02、1945年3月2日或1945.3.2）",
        f"Unrecognised date '{value}' (write 1945-03-02, 1945年3月2日 or 1945.3.2)",
    )


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet could run as a formula (CSV/formula injection): = + - @ at the start."""
    return text.lstrip().startswith(FORMULA_START)


_YES = frozenset({"是", "有", "√", "✓", "✔", "y", "yes", "true", "1", "对"})
_NO = frozenset({"否", "无", "没有", "×", "✗", "✘", "x", "n", "no", "false", "0", "不是"})


def yes_no(value: object) -> bool | None:
    """A yes/no cell as offices write it (是/否, 有/无, √/×, 1/0, TRUE/FALSE); None if it is neither."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = to_halfwidth(str(value)).strip().lower().replace(" ", "")
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None
