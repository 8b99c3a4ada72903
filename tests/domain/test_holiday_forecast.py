"""Predicted holidays for an unpublished year, checked against the published notices.

Published notices: the State Council's 国务院办公厅关于2020-2026年部分节假日安排的通知, as carried by
chinesecalendar. Lunar dates cross-checked with a second library (lunardate) in the tests only.
"""

from datetime import date, timedelta

import chinese_calendar
import pytest
from lunardate import LunarDate

from silverage.domain.calendar_cn import WorkCalendar
from silverage.domain.holiday_forecast import (
    is_predicted_working_day,
    lunar_new_year,
    predicted_breaks,
)


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_rules_would_have_predicted_every_published_day_off(year):
    """Day by day: every day off in the notice is predicted off; the only misses are the make-up
    working days (调休 weekends), which the rules leave out on purpose."""
    misses = []
    d = date(year, 1, 1)
    while d.year == year:
        if chinese_calendar.is_workday(d) != is_predicted_working_day(d):
            misses.append(d)
        d += timedelta(1)
    assert misses, "the notices have make-up Saturdays and Sundays the rules cannot know"
    for miss in misses:
        assert chinese_calendar.is_workday(miss) and miss.weekday() >= 5, miss
    assert 1 - len(misses) / 365 >= 0.98  # 2025: 360/365, 2026: 359/365


@pytest.mark.parametrize("year", range(2000, 2041))
def test_lunar_new_year_agrees_with_a_second_library(year):
    assert lunar_new_year(year) == LunarDate(year, 1, 1).to_solar_date()


def test_spring_festival_2027_is_chuxi_to_chuqi():
    spring = next(b for b in predicted_breaks(2027) if b.zh == "春节")
    assert (spring.first, spring.last) == (date(2027, 2, 5), date(2027, 2, 12))


def test_chuxi_is_the_29th_in_a_year_without_a_30th():
    # 2025: 腊月 had 29 days, so 除夕 was 腊月廿九 (28 January), as the notice had it.
    spring = next(b for b in predicted_breaks(2025) if b.zh == "春节")
    assert spring.first == date(2025, 1, 28) == LunarDate(2024, 12, 29).to_solar_date()


def test_mid_autumn_joins_national_day_when_it_falls_inside_the_week():
    joined = [b for b in predicted_breaks(2025) if "国庆" in b.zh]
    assert [(b.zh, b.first, b.last) for b in joined] == [
        ("国庆节、中秋节", date(2025, 10, 1), date(2025, 10, 8))
    ]


def test_a_predicted_day_is_named_in_chinese_and_marked_predicted():
    cal = WorkCalendar()
    assert not cal.is_working_day(date(2027, 2, 10))
    assert cal.holiday_names(date(2027, 2, 10)) == ("春节（预测）", "Spring Festival (predicted)")
    # A published year's names are Chinese in the Chinese message too.
    assert cal.holiday_names(date(2026, 10, 2))[0] == "国庆节"


def test_the_holiday_table_wins_over_the_prediction():
    cal = WorkCalendar({date(2027, 2, 12): "workday"})
    assert cal.is_working_day(date(2027, 2, 12))
    assert not cal.is_working_day(date(2027, 2, 11))
