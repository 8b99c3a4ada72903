"""Which days volunteers can be sent out: Chinese working days.

Three sources, strongest first:

1. the editable ``holiday`` table (passed in as ``overrides``: day -> "holiday" | "workday"), because
   the State Council publishes next year's dates late (usually in November or December) and a
   supervisor must be able to enter or correct them;
2. ``chinesecalendar``: statutory holidays and make-up working days (调休, e.g. a Saturday that is a
   working day) for the years it knows;
3. for a year ``chinesecalendar`` does not know yet (asking raises ``NotImplementedError``), the
   breaks ``holiday_forecast`` predicts on the pattern of recent notices (春节 除夕 to 初七, 国庆 week
   ...), marked 预测, without make-up working days. Plans for such a year warn once and name the
   predicted breaks in Chinese; entering the days in the holiday table replaces the prediction.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar

from silverage.domain.enums import HolidayKind
from silverage.domain.holiday_forecast import (
    Break,
    is_predicted_working_day,
    predicted_breaks,
    predicted_days,
)
from silverage.domain.problems import Problem

# chinesecalendar names its holidays in English (its enum values); the Chinese ones for messages.
LIBRARY_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


@lru_cache(maxsize=64)
def library_knows(year: int) -> bool:
    """Whether chinesecalendar has the published arrangement for ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def monday(day: date) -> date:
    """The Monday of ``day``'s Monday-to-Sunday week."""
    return day - timedelta(days=day.weekday())


def days(start: date, end: date) -> Iterator[date]:
    d = start
    while d <= end:
        yield d
        d += timedelta(days=1)


class WorkCalendar:
    """Working days = the holiday table's overrides, else chinesecalendar, else weekdays minus the
    predicted breaks for a year not yet published."""

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
        elif kind == HolidayKind.ORDINARY.value:
            result = d.weekday() < 5
        elif library_knows(d.year):
            result = bool(chinese_calendar.is_workday(d))
        else:
            result = is_predicted_working_day(d)
        self._cache[d] = result
        return result

    def working_days(self, start: date, end: date) -> list[date]:
        return [d for d in days(start, end) if self.is_working_day(d)]

    def holiday_name(self, d: date) -> str:
        """A short Chinese name for a non-working weekday, for conflict warnings ("" if none known)."""
        return self.holiday_names(d)[0]

    def holiday_names(self, d: date) -> tuple[str, str]:
        """(Chinese, English) name of the holiday on ``d``; a predicted one says so (预测)."""
        kind = self.overrides.get(d)
        if kind == HolidayKind.HOLIDAY.value:
            return "节假日表", "holiday table"
        if kind is not None:
            return "", ""
        if library_knows(d.year):
            on_holiday, name = chinese_calendar.get_holiday_detail(d)
            if not on_holiday or not name:
                return "", ""
            return LIBRARY_ZH.get(str(name), str(name)), str(name)
        hit = predicted_days(d.year).get(d)
        return (f"{hit.zh}（预测）", f"{hit.en} (predicted)") if hit else ("", "")

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
                zh_tail = f"已使用节假日表中录入的 {entered} 天，其余日子按预测的假期排班，调休上班日未计入。"
                en_tail = (
                    f"The {entered} days entered in the holiday table are used; other days follow the "
                    "predicted holidays, without make-up working days."
                )
            else:
                zh_tail = "暂按预测的假期排班，调休上班日未计入；公布后请在“节假日”表中补录或确认。"
                en_tail = (
                    "Planning uses predicted holidays, without make-up working days; "
                    "enter or confirm the official dates in the holiday table once published."
                )
            # A break the office has confirmed, edited or taken back (every day entered) is no longer
            # a prediction and is not named as one.
            shown = [
                b
                for b in predicted_breaks(year)
                if b.first <= end
                and b.last >= start
                and b.first.year == year
                and any(d not in self.overrides for d in b.days())
            ]
            if shown:
                zh_tail = "预测放假：" + "、".join(f"{b.zh} {_md_zh(b)}" for b in shown) + "。" + zh_tail
                en_tail = (
                    "Predicted holidays: " + ", ".join(f"{b.en} {_md_en(b)}" for b in shown) + ". " + en_tail
                )
            out.append(
                Problem(
                    "calendar",
                    f"{year}年放假安排尚未公布{known}：{zh_tail}",
                    f"The {year} public holiday arrangement is not yet published{known_en}: {en_tail}",
                )
            )
        return out


def _md_zh(b: Break) -> str:
    if b.first == b.last:
        return f"{b.first.month}月{b.first.day}日"
    return f"{b.first.month}月{b.first.day}日至{b.last.month}月{b.last.day}日"


def _md_en(b: Break) -> str:
    return b.first.strftime("%d %b") if b.first == b.last else f"{b.first:%d %b} to {b.last:%d %b}"
