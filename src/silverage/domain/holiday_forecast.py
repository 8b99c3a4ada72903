"""Predicted public holidays for a year whose State Council notice is not out yet.

The notice for next year usually comes in November, after the first plans for January and February
are made. Rather than plan into what will almost surely be the Spring Festival break, the app
predicts the breaks on the pattern of the recent notices (2020-2026) and marks them 预测:

* 春节: 除夕 to 初七 (eight days; 除夕 is the day before 正月初一, so 腊月廿九 in a year without 三十);
* 劳动节: 1-5 May;
* 国庆节: 1-7 October, joined with 中秋 when 中秋 falls next to or inside that week (2025: 1-8 Oct);
* 元旦, 清明, 端午, 中秋: the statutory day, with the adjacent weekend made a three-day break
  (Tuesday: the Monday before; Thursday: the Friday after; Saturday or Sunday: the Monday after).

Make-up working days (调休 Saturdays) cannot be predicted and are not assumed: a predicted year has
no working weekend days. Lunar dates come from lunar-python (6tail), a maintained calendar library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lunar-python (~3 MiB) loads when a year's breaks are first predicted
    from lunar_python import Solar


@dataclass(frozen=True)
class Break:
    """One predicted holiday break: its days, Chinese and English names."""

    zh: str
    en: str
    first: date
    last: date

    def days(self) -> list[date]:
        return [self.first + timedelta(n) for n in range((self.last - self.first).days + 1)]


def _solar(s: Solar) -> date:
    return date(s.getYear(), s.getMonth(), s.getDay())


def lunar_new_year(year: int) -> date:
    """正月初一 of the lunar year beginning in Gregorian ``year``."""
    from lunar_python import Lunar

    return _solar(Lunar.fromYmd(year, 1, 1).getSolar())


def _with_weekend(day: date) -> tuple[date, date]:
    """The three-day break a notice makes around a statutory day, without make-up working days."""
    match day.weekday():
        case 1:  # Tuesday: the Monday before
            return day - timedelta(1), day
        case 3:  # Thursday: the Friday after
            return day, day + timedelta(1)
        case 4:  # Friday: Friday to Sunday
            return day, day + timedelta(2)
        case 5:  # Saturday: to Monday
            return day, day + timedelta(2)
        case 6:  # Sunday: Saturday to Monday
            return day - timedelta(1), day + timedelta(1)
        case 0:  # Monday: Saturday to Monday
            return day - timedelta(2), day
        case _:  # Wednesday: the day alone
            return day, day


@lru_cache(maxsize=16)
def predicted_breaks(year: int) -> tuple[Break, ...]:
    """The breaks a notice for ``year`` would most likely publish, in date order."""
    from lunar_python import Lunar, Solar

    out: list[Break] = []
    new_year = date(year, 1, 1)
    out.append(Break("元旦", "New Year's Day", *_with_weekend(new_year)))
    cny = lunar_new_year(year)
    out.append(Break("春节", "Spring Festival", cny - timedelta(1), cny + timedelta(6)))
    qingming = _solar(Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"])
    out.append(Break("清明节", "Qingming Festival", *_with_weekend(qingming)))
    out.append(Break("劳动节", "Labour Day", date(year, 5, 1), date(year, 5, 5)))
    duanwu = _solar(Lunar.fromYmd(year, 5, 5).getSolar())
    out.append(Break("端午节", "Dragon Boat Festival", *_with_weekend(duanwu)))
    mid = _solar(Lunar.fromYmd(year, 8, 15).getSolar())
    oct1, oct7 = date(year, 10, 1), date(year, 10, 7)
    if oct1 - timedelta(3) <= mid <= oct7 + timedelta(1):
        # 中秋 joins the National Day week (2020, 2023, 2025): one break, a day longer.
        if mid < oct1:  # 中秋 in the last days of September: from 中秋 to 7 October
            first, last = mid, oct7
        else:  # 中秋 inside the week or on 8 October: 1 to 8 October
            first, last = oct1, oct7 + timedelta(1)
        out.append(Break("国庆节、中秋节", "National Day and Mid-Autumn Festival", first, last))
    else:
        out.append(Break("中秋节", "Mid-Autumn Festival", *_with_weekend(mid)))
        out.append(Break("国庆节", "National Day", oct1, oct7))
    return tuple(sorted(out, key=lambda b: b.first))


@lru_cache(maxsize=16)
def predicted_days(year: int) -> dict[date, Break]:
    """Every predicted holiday day of ``year`` (a weekday or not) and the break it belongs to."""
    return {d: b for b in predicted_breaks(year) for d in b.days() if d.year == year}


def is_predicted_working_day(d: date) -> bool:
    """A weekday outside the predicted breaks (no make-up Saturdays are assumed)."""
    return d.weekday() < 5 and d not in predicted_days(d.year)
