"""What the holiday table shows for a year: every day that is not an ordinary week's day, by source.

Three sources, as ``calendar_cn.WorkCalendar`` weighs them: a day the office entered (or confirmed)
wins; else the published arrangement (chinesecalendar: days off and 调休 working weekends); else,
for a year not published yet, the predicted breaks (预测). A supervisor sees them side by side and
can confirm, move or take back a predicted break; ``break_edit`` works out the days that writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

import chinese_calendar

from silverage.domain.calendar_cn import LIBRARY_ZH, library_knows
from silverage.domain.enums import HolidayKind
from silverage.domain.holiday_forecast import Break, predicted_breaks, predicted_days
from silverage.domain.problems import Problem, ValidationError

LONGEST_BREAK = 15  # days; longer than any break a notice has published (春节 is 8 or 9)


class DaySource(StrEnum):
    OFFICE = "office"  # entered or confirmed in the holiday table
    PUBLISHED = "published"  # the State Council notice, as chinesecalendar has it
    PREDICTED = "predicted"  # 预测: the notice is not out yet

    @property
    def zh(self) -> str:
        return {"office": "本办录入", "published": "已公布", "predicted": "预测"}[self.value]

    @property
    def en(self) -> str:
        return {"office": "Entered by the office", "published": "Published", "predicted": "Predicted"}[
            self.value
        ]

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class TableDay:
    day: date
    kind: str  # HolidayKind value
    name: str  # Chinese name (a predicted one is its break's name)
    name_en: str
    source: DaySource


def _published(year: int) -> list[TableDay]:
    out = []
    for d, name in chinese_calendar.holidays.items():
        if d.year == year:
            zh = LIBRARY_ZH.get(str(name), str(name))
            out.append(TableDay(d, HolidayKind.HOLIDAY.value, zh, str(name), DaySource.PUBLISHED))
    for d, name in chinese_calendar.workdays.items():
        if d.year == year:
            zh = LIBRARY_ZH.get(str(name), str(name))
            out.append(TableDay(d, HolidayKind.WORKDAY.value, zh, str(name), DaySource.PUBLISHED))
    return out


def year_days(year: int, entered: Mapping[date, tuple[str, str]]) -> list[TableDay]:
    """The year's days off and working weekends, office-entered ones (day -> (kind, name)) first."""
    # A confirmed break keeps its Chinese name; the English screen still names it in English.
    english = {zh: en for en, zh in LIBRARY_ZH.items()} | {b.zh: b.en for b in predicted_breaks(year)}
    office = {
        d: TableDay(d, kind, name, english.get(name, name), DaySource.OFFICE)
        for d, (kind, name) in entered.items()
        if d.year == year
    }
    if library_knows(year):
        others = _published(year)
    else:
        others = [
            TableDay(d, HolidayKind.HOLIDAY.value, b.zh, b.en, DaySource.PREDICTED)
            for d, b in predicted_days(year).items()
        ]
    rows = list(office.values()) + [r for r in others if r.day not in office]
    return sorted(rows, key=lambda r: r.day)


def predicted_break_on(day: date) -> Break:
    """The predicted break ``day`` belongs to; a clear message if there is none."""
    hit = None if library_knows(day.year) else predicted_days(day.year).get(day)
    if hit is None:
        raise ValidationError(
            [
                Problem(
                    "day",
                    f"{day.isoformat()} 不是预测的假期（只有尚未公布年份的预测假期可以确认或修改）",
                    f"{day.isoformat()} is not a predicted holiday (only an unpublished year's "
                    "predicted breaks can be confirmed or changed)",
                )
            ]
        )
    return hit


def break_edit(brk: Break, first: date | None, last: date | None) -> dict[date, tuple[str, str]]:
    """The days (day -> (kind, name)) that replace predicted ``brk``: first..last off under its
    name; every day of the prediction outside that range back to an ordinary day. ``first`` None:
    take the whole break back (no days off)."""
    year = brk.last.year  # a 元旦 break may start on 30 or 31 December of the year before
    out = {d: (HolidayKind.ORDINARY.value, "") for d in brk.days() if d.year == year}
    if first is None or last is None:
        return out
    if last < first:
        raise ValidationError(
            [Problem("last", "结束日期早于开始日期", "The last day is before the first day")]
        )
    if (last - first).days + 1 > LONGEST_BREAK:
        raise ValidationError(
            [
                Problem(
                    "last",
                    f"假期最长 {LONGEST_BREAK} 天，请分段录入",
                    f"A break is at most {LONGEST_BREAK} days; enter it in parts",
                )
            ]
        )
    if first.year != year or last.year != year:
        raise ValidationError(
            [
                Problem(
                    "first",
                    f"修改后的假期应在{year}年之内",
                    f"The changed break must stay within {year}",
                )
            ]
        )
    d = first
    while d <= last:
        out[d] = (HolidayKind.HOLIDAY.value, brk.zh)
        d += timedelta(1)
    return out


def confirmed(brk: Break) -> dict[date, tuple[str, str]]:
    """The predicted break as it is, entered as the office's own days."""
    return break_edit(brk, brk.first, brk.last)
