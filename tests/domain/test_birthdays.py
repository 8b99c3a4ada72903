import random
from datetime import date, timedelta

import pytest
from lunardate import LunarDate

from silverage.domain.birthdays import (
    MILESTONES,
    BirthdayCalendar,
    LunarDay,
    lunar_birthday_in,
    lunar_of,
    upcoming,
)


def test_milestones_within_sixty_days_soonest_first():
    today = date(2026, 11, 26)
    people = [
        (1, "甲", date(1946, 12, 20)),  # 80 on 2026-12-20
        (2, "乙", date(1937, 1, 5)),  # 90 on 2027-01-05
        (3, "丙", date(1950, 12, 1)),  # 76: not a milestone
        (4, "丁", date(1946, 3, 1)),  # 80 but long past
    ]
    found = upcoming(people, today)
    assert [(m.elder_id, m.age) for m in found] == [(1, 80), (2, 90)]
    assert found[0].birthday == date(2026, 12, 20)


def test_leap_day_birthday_in_a_common_year():
    found = upcoming([(1, "甲", date(1948, 2, 29))], date(2028, 1, 15), days=60)
    assert found and found[0].age == 80 and found[0].birthday == date(2028, 2, 29)
    found = upcoming([(1, "甲", date(1947, 2, 28))], date(2027, 1, 15), days=60)
    assert found[0].age == 80


def test_a_lunar_80th_is_listed_on_the_day_it_falls_this_year():
    # 陈爱珍, born 1946-11-18 = 农历丙戌年十月廿五: her lunar 80th is 2026-12-03, her Gregorian one passed.
    (m,) = upcoming([(7, "陈爱珍", date(1946, 11, 18), "lunar")], date(2026, 11, 26))
    assert (m.birthday, m.age, m.calendar) == (date(2026, 12, 3), 80, BirthdayCalendar.LUNAR)
    assert m.label_zh == "农历（十月廿五）"
    assert upcoming([(7, "陈爱珍", date(1946, 11, 18), "solar")], date(2026, 11, 26)) == []


def test_a_person_whose_calendar_is_not_recorded_is_listed_by_both():
    found = upcoming([(7, "陈爱珍", date(1946, 12, 20), None)], date(2026, 11, 26))
    assert {(m.calendar, m.birthday) for m in found} == {
        (BirthdayCalendar.SOLAR, date(2026, 12, 20)),
        (BirthdayCalendar.LUNAR, lunar_birthday_in(lunar_of(date(1946, 12, 20)), 2026)),
    }
    assert not any(m.chosen for m in found)


def test_nominal_age_counts_one_more():
    (m,) = upcoming([(1, "甲", date(1947, 12, 20), "solar")], date(2026, 11, 26), nominal=True)
    assert m.age == 80  # 周岁 79, 虚岁 80


def test_leap_month_and_short_month_birthdays():
    # Born in 闰四月 (2020 had one); 2023 has no 闰四月, so the ordinary 四月 is used.
    born = lunar_of(LunarDate(2020, 4, 8, True).to_solar_date())
    assert born == LunarDay(2020, 4, 8, True) and born.zh == "闰四月初八"
    assert lunar_birthday_in(born, 2023) == LunarDate(2023, 4, 8).to_solar_date()
    # 腊月三十 in a year whose 腊月 has 29 days: 除夕, the last day of the year.
    thirtieth = LunarDay(1945, 12, 30)
    assert lunar_birthday_in(thirtieth, 2024) == date(2025, 1, 28)
    assert lunar_birthday_in(thirtieth, 2024) + timedelta(1) == LunarDate(2025, 1, 1).to_solar_date()


def _lunardate_birthday(born: date, age: int) -> date | None:
    """The same lunar birthday by a second library; None where our leap/short-month rule applies."""
    ld = LunarDate.from_solar_date(born.year, born.month, born.day)
    try:
        return LunarDate(ld.year + age, ld.month, ld.day, ld.is_leap_month).to_solar_date()
    except ValueError:
        return None


@pytest.mark.parametrize("age", [70, 80, 90])
def test_lunar_milestones_agree_with_a_second_library(age):
    """At least 50 birth dates per age. The two libraries place a few month starts a day apart
    where the new moon is close to midnight (lunardate's table vs lunar-python's astronomy, which
    follows the Purple Mountain Observatory); those may differ by one day and no more, and rarely."""
    rng = random.Random(age)
    checked, one_day = 0, 0
    for _ in range(80):
        born = date(1920, 1, 1) + timedelta(rng.randrange(365 * 50))
        expected = _lunardate_birthday(born, age)
        if expected is None:
            continue
        lunar = lunar_of(born)
        gap = abs((lunar_birthday_in(lunar, lunar.year + age) - expected).days)
        assert gap <= 1, born
        one_day += gap
        checked += 1
    assert checked >= 50 and one_day <= checked // 20


def test_a_new_moon_just_after_midnight_starts_the_month_that_day():
    # New moon 2003-06-29 18:39 UTC = 06-30 02:39 Beijing time: 六月初一 is 30 June 2003.
    assert lunar_birthday_in(LunarDay(1933, 6, 1), 2003) == date(2003, 6, 30)


def _lunardate_days_in(year: int, month: int, leap: bool = False) -> int:
    """How long a lunar month is, by the second library (29 or 30)."""
    try:
        LunarDate(year, month, 30, leap).to_solar_date()
        return 30
    except ValueError:
        return 29


def test_leap_month_and_short_month_milestones_agree_with_a_second_library():
    """Every 闰月 birth (the 15th of the leap month) of 1920-1966 and every 腊月三十 birth, at 60, 70,
    80, 90 and 100, placed by lunardate under our rule: the leap month when the year has it, else
    the ordinary month; the 30th on the month's last day (the 29th) in a year whose month is short."""
    leap_checked = thirtieth_checked = 0
    moved_to_ordinary = moved_to_29th = one_day = kept_in_leap = 0
    for year in range(1920, 1967):
        leap = LunarDate.leap_month_for_year(year)
        births = []
        if leap:
            births.append((year, leap, 15, True))
        if _lunardate_days_in(year, 12) == 30:
            births.append((year, 12, 30, False))
        for y, month, day, is_leap in births:
            born = LunarDate(y, month, day, is_leap).to_solar_date()
            lunar = lunar_of(born)
            if (lunar.month, lunar.day, lunar.leap) != (month, day, is_leap):
                continue  # the two libraries start this month a day apart (a new moon near midnight)
            for age in MILESTONES:
                target = y + age
                in_leap = is_leap and LunarDate.leap_month_for_year(target) == month
                last = _lunardate_days_in(target, month, in_leap)
                expected = LunarDate(target, month, min(day, last), in_leap).to_solar_date()
                gap = abs((lunar_birthday_in(lunar, target) - expected).days)
                assert gap <= 1, (born, age)
                one_day += gap
                if is_leap:
                    leap_checked += 1
                    moved_to_ordinary += not in_leap
                else:
                    thirtieth_checked += 1
                    moved_to_29th += last == 29
            # The years in a lifetime that have the same leap month again keep the birthday in it.
            for target in range(y + 1, y + 101) if is_leap else ():
                if LunarDate.leap_month_for_year(target) == month:
                    expected = LunarDate(target, month, day, True).to_solar_date()
                    assert abs((lunar_birthday_in(lunar, target) - expected).days) <= 1, (born, target)
                    kept_in_leap += 1
    assert leap_checked >= 50 and thirtieth_checked >= 50 and kept_in_leap >= 10
    assert moved_to_ordinary > 0 and moved_to_29th > 0  # both rules are exercised, not just the easy case
    assert one_day <= (leap_checked + thirtieth_checked) // 20
