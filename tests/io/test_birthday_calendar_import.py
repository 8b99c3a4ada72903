"""Birthday calendars as offices write them: a 生日历法 column (公历/阳历/新历, 农历/阴历/旧历) or a
农历生日 column whose date or 是 marks a lunar birthday; anything else is a warning, not a rejection."""

from __future__ import annotations

from datetime import datetime

import pytest

from silverage.io import header_map
from silverage.io.excel_import import parse_row


@pytest.mark.parametrize(
    ("header", "key"),
    [("生日历法", "birthday_calendar"), ("过生日", "birthday_calendar"), ("农历生日", "lunar_birthday")],
)
def test_headers_offices_write(header: str, key: str) -> None:
    assert header_map.guess_field(header) == key
    assert header_map.guess_field("生日") == "birth_date"  # a plain 生日 is still the date of birth


@pytest.mark.parametrize(
    ("cell", "calendar"),
    [("公历", "solar"), ("阳历", "solar"), ("新历", "solar"), ("农历", "lunar"), ("阴历", "lunar"),
     ("旧历", "lunar"), ("过农历生日", "lunar"), ("Gregorian", "solar"), ("Lunar", "lunar")],
)  # fmt: skip
def test_the_calendar_column(cell: str, calendar: str) -> None:
    assert parse_row((cell,), {0: "birthday_calendar"}).values == {"birthday_calendar": calendar}


def test_a_word_not_understood_is_a_warning() -> None:
    parsed = parse_row(("看情况",), {0: "birthday_calendar"})
    assert not parsed.problems and "birthday_calendar" not in parsed.values
    (warning,) = parsed.warnings
    assert warning.value == "看情况" and "公历、农历" in warning.zh and "lunar" in warning.en


@pytest.mark.parametrize(
    ("cell", "calendar"),
    [("是", "lunar"), ("√", "lunar"), ("十月廿五", "lunar"), (datetime(1946, 10, 25), "lunar"),
     ("1946.10.25", "lunar"), ("否", "solar"), ("×", "solar")],
)  # fmt: skip
def test_a_lunar_birthday_column_marks_the_calendar(cell: object, calendar: str) -> None:
    assert parse_row((cell,), {0: "lunar_birthday"}).values == {"birthday_calendar": calendar}


def test_a_stated_calendar_wins_over_the_marker_in_either_order() -> None:
    assert parse_row(("是", "公历"), {0: "lunar_birthday", 1: "birthday_calendar"}).values == {
        "birthday_calendar": "solar"
    }
    assert parse_row(("公历", "是"), {0: "birthday_calendar", 1: "lunar_birthday"}).values == {
        "birthday_calendar": "solar"
    }


def test_a_marker_in_words_nobody_reads_is_a_warning() -> None:
    parsed = parse_row(("不详",), {0: "lunar_birthday"})
    assert "birthday_calendar" not in parsed.values and len(parsed.warnings) == 1
