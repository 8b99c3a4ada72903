"""Which days volunteers can be sent out: Chinese working days.

Three sources, strongest first:

1. the editable ``holiday`` table (passed in as ``overrides``: day -> "holiday" | "workday"), because
   the State Council publishes next year's dates late (usually in November or December) and a
   supervisor must be able to enter or correct them;
2. ``chinesecalendar``: statutory holidays and make-up working days (调休, e.g. a Saturday that is a
   working day) for the years it knows;
3. for a year ``chinesecalendar`` does not know yet (asking raises ``NotImplementedError``),
   ``holidays.China``: the fixed and lunar festival days from rules, without that year's 调休.
   Plans for such a year carry a warning saying so.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar
import holidays

from silverage.domain.enums import HolidayKind
from silverage.domain.problems import Problem


@lru_cache(maxsize=64)
def library_knows(year: int) -> bool:
    """Whether chinesecalendar has the published arrangement for ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=64)
def _fallback_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.China(years=year).keys())


def days(start: date, end: date) -> Iterator[date]:
    d = start
    while d <= end:
        yield d
        d += timedelta(days=1)


class WorkCalendar:
    """Working days = the holiday table's overrides, else chinesecalendar, else weekdays minus
    ``holidays.China`` festivals for a year not yet published."""

    def __init__(self, overrides: Mapping[date, str] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self._cache: dict[date, bool] = {}

    def is_working_day(self, d: date) -> bool:
        hit = self._cache.get(d)
        if hit is not None:
            return hit
        kind = self.overrides.get(d)
        if kind == HolidayKind.HOLIDAY.value:
            result = False
        elif kind == HolidayKind.WORKDAY.value:
            result = True
        elif library_knows(d.year):
            result = bool(chinese_calendar.is_workday(d))
        else:
            result = d.weekday() < 5 and d not in _fallback_holidays(d.year)
        self._cache[d] = result
        return result

    def working_days(self, start: date, end: date) -> list[date]:
        return [d for d in days(start, end) if self.is_working_day(d)]

    def holiday_name(self, d: date) -> str:
        """A short name for a non-working weekday, for conflict warnings ("" if none known)."""
        if self.overrides.get(d) == HolidayKind.HOLIDAY.value:
            return "节假日表"
        if library_knows(d.year):
            on_holiday, name = chinese_calendar.get_holiday_detail(d)
            return str(name or "") if on_holiday else ""
        return str(holidays.China(years=d.year).get(d, ""))

    def warnings(self, start: date, end: date) -> list[Problem]:
        """One warning per year in [start, end] whose official arrangement is not yet known."""
        out = []
        for year in range(start.year, end.year + 1):
            if library_knows(year):
                continue
            entered = sum(1 for d in self.overrides if d.year == year)
            last = max((y for y in range(year - 1, 2003, -1) if library_knows(y)), default=None)
            known = f"（节假日库只到{last}年）" if last else ""
            known_en = f" (the holiday library stops at {last})" if last else ""
            if entered:
                zh_tail = f"已使用节假日表中录入的 {entered} 天，其余按周末和固定节日计算。"
                en_tail = (
                    f"The {entered} days entered in the holiday table are used; "
                    "other days follow weekends and fixed festivals."
                )
            else:
                zh_tail = "暂按周末和固定节日排班，调休上班日未计入；公布后请在“节假日”表中补录。"
                en_tail = (
                    "Planning uses weekends and fixed festivals only, without make-up working days; "
                    "enter the official dates in the holiday table once published."
                )
            out.append(
                Problem(
                    "calendar",
                    f"{year}年放假安排尚未公布{known}：{zh_tail}",
                    f"The {year} public holiday arrangement is not yet published{known_en}: {en_tail}",
                )
            )
        return out
