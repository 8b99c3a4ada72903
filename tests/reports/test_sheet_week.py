"""The volunteer's week on the first page of their sheets: a line of day cells, at no cost in paper."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from silverage.domain import visit_code
from silverage.domain.progress import run_to_end
from silverage.reports.data import ContactLine, DocMeta, SheetDocument, SheetSection, SheetVisit
from silverage.reports.sheet_layout import plan_section
from silverage.reports.sheet_week import week_mondays
from silverage.reports.visit_sheet import write_visit_sheets
from tests.reports.pdf_tools import page_texts

META = DocMeta("示范街道", "李社工", datetime(2026, 11, 26, 9, 30))
MONDAY = date(2026, 11, 30)
WEEK = (MONDAY, MONDAY + timedelta(days=6))
RNG = random.Random(7)


def _visit(day: date, half: int | None, kind: str = "home") -> SheetVisit:
    return SheetVisit(
        code=visit_code.new_code(RNG),
        day=day,
        half_day=half,
        kind=kind,
        name="沈秀英",
        gender="F",
        age=83,
        level="red",
        id_masked="3304**********123X",
        address="中山路12号",
        phones=("13812345678",),
        contacts=(ContactLine("张建国", "儿子", "13900001111"),),
        notes=(),
    )


def _texts(tmp_path: Path, *sections: SheetSection, days_off: frozenset[date] = frozenset()) -> list[str]:
    out = tmp_path / "w.pdf"
    run_to_end(write_visit_sheets(out, SheetDocument(META, WEEK, sections, days_off)))
    return page_texts(out)


def test_week_line_counts_each_half_day_and_marks_days_off(tmp_path: Path) -> None:
    tue, thu, sat = MONDAY + timedelta(days=1), MONDAY + timedelta(days=3), MONDAY + timedelta(days=5)
    visits = (
        _visit(MONDAY, 0),
        _visit(MONDAY, 0, "phone"),
        _visit(MONDAY, 1),
        _visit(tue, 1),
        _visit(sat, 0, "phone"),  # a call on a rest day still shows: the volunteer must make it
    )
    free_mon_to_thu = (1 << 8) - 1  # bits weekday * 2 + half for Monday to Thursday
    section = SheetSection("志愿者：王晓红", "", "月河社区", visits, free_mon_to_thu)
    holiday = MONDAY + timedelta(days=2)  # a Wednesday the office closes (the holiday table)
    first = _texts(tmp_path, section, days_off=frozenset({holiday, sat, sat + timedelta(days=1)}))[0]
    assert "一30日上2下1" in first  # calls and home visits together, by half-day
    assert "二1日下1" in first
    assert "三2日休" in first  # a holiday
    assert f"四{thu.day}日—" in first  # free, nothing planned
    assert "五4日休" in first  # the volunteer is never free on Fridays
    assert "六5日上1" in first and "日6日休" in first


def test_week_line_only_on_each_sections_first_page(tmp_path: Path) -> None:
    homes = tuple(_visit(MONDAY + timedelta(days=i % 5), i % 2) for i in range(5))
    texts = _texts(
        tmp_path,
        SheetSection("志愿者：王晓红", "", "", homes),
        SheetSection("志愿者：陈国庆", "", "", homes[:1]),
    )
    assert len(texts) == 3  # 3 + 2 blocks, then 1: the week line took no page
    assert ["一30日上1" in t for t in texts] == [True, False, True]
    assert "二1日下1" in texts[0] and "二1日—" in texts[2]


def test_a_weeks_first_page_still_holds_three_home_visits_and_a_red_week_one_sheet() -> None:
    homes = tuple(_visit(MONDAY, 0) for _ in range(3))
    plans = plan_section(homes, weeks=1)
    assert len(plans) == 1 and len(plans[0].blocks) == 3 and plans[0].weeks == 1
    red = homes[:2] + tuple(_visit(MONDAY + timedelta(days=i), 1, "phone") for i in range(4))
    assert len(plan_section(red, weeks=1)) == 1


def test_a_period_of_several_weeks_gets_a_line_per_week(tmp_path: Path) -> None:
    period = (date(2026, 12, 2), date(2026, 12, 15))  # Wednesday to Tuesday two weeks later: 3 weeks
    assert week_mondays(period, ()) == [date(2026, 11, 30), date(2026, 12, 7), date(2026, 12, 14)]
    visits = (_visit(date(2026, 12, 9), 1), _visit(date(2026, 12, 15), 0, "phone"))
    out = tmp_path / "m.pdf"
    doc = SheetDocument(META, period, (SheetSection("志愿者：王晓红", "", "", visits),))
    run_to_end(write_visit_sheets(out, doc))
    text = page_texts(out)[0]
    assert "三9日下1" in text and "二15日上1" in text and "日13日—" in text
    assert "一30日" not in text and "三16日" not in text  # days outside the period are left empty


def test_selection_without_a_period_shows_the_weeks_of_its_visits() -> None:
    v = _visit(date(2026, 12, 9), None)
    assert week_mondays(None, (v, replace(v, day=None))) == [date(2026, 12, 7)]
