"""Milestone birthdays (60, 70, 80, 90, 100 and every year from 100): the subdistrict visits with a
cake and a certificate, on the day the person celebrates.

Many elderly people celebrate by the lunar date (农历生日), which falls up to a month away from the
Gregorian one. Each person has a birthday calendar: 公历 ("solar"), 农历 ("lunar"), or not yet known
(None), in which case the list shows both dates so the worker can ask. Ages are 周岁 (full years
on that calendar), as the subdistrict's 寿星 lists count them; ``nominal`` (虚岁, one more) is the
office's choice, not the default.

Lunar dates come from lunar-python. A lunar birthday in a leap month (闰月) is kept in that month
when the year has it, else in the ordinary month of the same number; a birthday on the 30th is
kept on the month's last day (29th) in a year whose month is short — 腊月三十 becomes 除夕.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lunar_python import Lunar, LunarYear, Solar

from silverage.domain.birthday_calendar import BirthdayCalendar

MILESTONES = (60, 70, 80, 90, 100)


@dataclass(frozen=True)
class LunarDay:
    year: int
    month: int  # 1-12
    day: int  # 1-30
    leap: bool = False

    @property
    def zh(self) -> str:
        """十月廿五, 闰四月初八, 腊月三十."""
        lunar = Lunar.fromYmd(self.year, -self.month if self.leap else self.month, self.day)
        return f"{lunar.getMonthInChinese()}月{lunar.getDayInChinese()}"  # the month says 闰 itself


@dataclass(frozen=True)
class Milestone:
    elder_id: int
    name: str
    birthday: date  # the Gregorian day the coming birthday falls on
    age: int  # the age being reached on ``calendar``
    calendar: BirthdayCalendar = BirthdayCalendar.SOLAR
    lunar: LunarDay | None = None  # the lunar birthday, for a lunar milestone
    chosen: bool = True  # False: the person's calendar is not recorded, this is one of two dates

    @property
    def label_zh(self) -> str:
        tail = f"（{self.lunar.zh}）" if self.lunar else ""
        return f"{self.calendar.zh}{tail}"


def is_milestone(age: int, ages: tuple[int, ...] = MILESTONES) -> bool:
    return age in ages or age >= 100


@lru_cache(maxsize=512)
def _months(lunar_year: int) -> tuple[tuple[int, date, int], ...]:
    """(month, first day, day count) of each month of ``lunar_year``; a leap month is negative.

    lunar-python keeps only the last year it computed (``LunarYear.fromYear``), and computing one
    takes tens of milliseconds: a roster's birthdays jump between years, so each year is asked for
    once here and kept."""
    out = []
    for month in LunarYear.fromYear(lunar_year).getMonths():
        if month.getYear() == lunar_year:
            s = Solar.fromJulianDay(month.getFirstJulianDay())
            first = date(s.getYear(), s.getMonth(), s.getDay())
            out.append((month.getMonth(), first, month.getDayCount()))
    return tuple(out)


@lru_cache(maxsize=200_000)
def lunar_of(born: date) -> LunarDay:
    for year in (born.year, born.year - 1):
        for month, first, count in _months(year):
            if first <= born < first + timedelta(count):
                return LunarDay(year, abs(month), (born - first).days + 1, month < 0)
    raise ValueError(f"no lunar date for {born}")  # pragma: no cover - every day has one


@lru_cache(maxsize=200_000)
def lunar_birthday_in(born: LunarDay, lunar_year: int) -> date:
    """The Gregorian day of the lunar birthday in ``lunar_year`` (leap months, short months kept)."""
    months = {m: (first, count) for m, first, count in _months(lunar_year)}
    first, count = months.get(-born.month) if born.leap and -born.month in months else months[born.month]
    return first + timedelta(min(born.day, count) - 1)


def _solar_birthday_in(born: date, year: int) -> date:
    try:
        return born.replace(year=year)
    except ValueError:  # 29 February in a common year: celebrated on 1 March
        return date(year, 3, 1)


def upcoming(
    people: list[tuple[int, str, date]] | list[tuple[int, str, date, str | None]],
    today: date,
    days: int = 60,
    ages: tuple[int, ...] = MILESTONES,
    nominal: bool = False,
) -> list[Milestone]:
    """People (id, name, birth date[, calendar]) reaching a milestone within ``days``, soonest first.

    Calendar "solar" or "lunar" gives that birthday only; None (not recorded) gives both, each
    marked not ``chosen``. ``nominal`` counts 虚岁 (age + 1) instead of 周岁.
    """
    end = today + timedelta(days=days)
    bump = 1 if nominal else 0
    out: list[Milestone] = []
    for person in people:
        elder_id, name, born = person[0], person[1], person[2]
        chosen = person[3] if len(person) > 3 else "solar"  # type: ignore[misc]
        both = chosen not in ("solar", "lunar")
        if chosen != "lunar":
            for year in (today.year, today.year + 1):
                day = _solar_birthday_in(born, year)
                age = year - born.year + bump
                if today <= day <= end and is_milestone(age, ages):
                    out.append(Milestone(elder_id, name, day, age, BirthdayCalendar.SOLAR, None, not both))
        if chosen != "solar":
            lunar = lunar_of(born)
            for lunar_year in (today.year - 1, today.year, today.year + 1):
                day = lunar_birthday_in(lunar, lunar_year)
                age = lunar_year - lunar.year + bump
                if today <= day <= end and is_milestone(age, ages):
                    out.append(Milestone(elder_id, name, day, age, BirthdayCalendar.LUNAR, lunar, not both))
    return sorted(out, key=lambda m: (m.birthday, m.name, m.calendar))
