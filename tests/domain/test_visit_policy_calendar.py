"""Visit windows per level and the working-day calendar (holidays, 调休, unknown years)."""

from __future__ import annotations

from datetime import date

import pytest

from silverage.domain.calendar_cn import WorkCalendar
from silverage.domain.problems import ValidationError
from silverage.domain.visit_policy import DEFAULT_POLICY, ExistingVisit, VisitPolicy, required_visits, weeks

DEC = (date(2026, 12, 1), date(2026, 12, 31))


def _count(level: str | None, kind: str) -> int:
    return sum(1 for r in required_visits([(1, level)], *DEC) if r.kind == kind)


def test_default_policy_for_december() -> None:
    assert _count("red", "home") == 5  # five weeks whose middle falls in December
    assert _count("red", "phone") == 10  # twice a week
    assert _count("yellow", "home") == 2
    assert _count("green", "home") == 1
    assert _count(None, "home") == 1 and _count(None, "phone") == 0  # not yet assessed = green


def test_windows_are_labelled_weeks_not_days() -> None:
    wk = weeks(*DEC)[2]
    assert (wk.start, wk.end, wk.label_zh) == (date(2026, 12, 14), date(2026, 12, 20), "12月第3周")
    first = weeks(*DEC)[0]
    assert first.start == date(2026, 12, 1) and first.full_start == date(2026, 11, 30)


def test_existing_visits_meet_requirements_and_home_counts_as_contact() -> None:
    done = [ExistingVisit(1, "home", date(2026, 11, 30)), ExistingVisit(1, "phone", date(2026, 12, 10))]
    req = required_visits([(1, "red")], *DEC, existing=done)
    assert sum(r.kind == "home" for r in req) == 4  # week 1 met by the 30 November visit
    # the Monday visit also met week 1's first call; the Thursday call met week 2's second
    assert sum(r.kind == "phone" for r in req) == 8


def test_consecutive_monthly_plans_do_not_double_a_week() -> None:
    nov = [
        r.window.label_zh
        for r in required_visits([(1, "red")], date(2026, 11, 1), date(2026, 11, 30))
        if r.kind == "home"
    ]
    dec = [r.window.label_zh for r in required_visits([(1, "red")], *DEC) if r.kind == "home"]
    assert not set(nov) & set(dec)


def test_policy_round_trip_and_validation() -> None:
    assert VisitPolicy.from_json(DEFAULT_POLICY.to_json()) == DEFAULT_POLICY
    bad = DEFAULT_POLICY.to_json()
    bad["yellow"]["home"] = "daily"
    with pytest.raises(ValidationError) as err:
        VisitPolicy.from_json(bad)
    assert "黄色" in err.value.zh and "Yellow" in err.value.en


def test_make_up_saturday_is_a_working_day_and_holiday_is_not() -> None:
    cal = WorkCalendar()
    assert cal.is_working_day(date(2026, 10, 10))  # Saturday, 调休
    assert not cal.is_working_day(date(2026, 10, 1))
    assert cal.warnings(*DEC) == []


def test_unknown_year_falls_back_and_warns() -> None:
    cal = WorkCalendar()
    assert not cal.is_working_day(date(2027, 1, 1))  # New Year's Day, predicted
    assert cal.is_working_day(date(2027, 1, 4))
    (warning,) = cal.warnings(date(2027, 1, 1), date(2027, 1, 31))
    assert warning.zh.startswith("2027年放假安排尚未公布")


def test_holiday_table_overrides_the_library() -> None:
    cal = WorkCalendar({date(2026, 12, 7): "holiday", date(2026, 12, 12): "workday"})
    assert not cal.is_working_day(date(2026, 12, 7))
    assert cal.is_working_day(date(2026, 12, 12))
    entered = WorkCalendar({date(2027, 2, 20): "workday"})
    assert "录入的 1 天" in entered.warnings(date(2027, 2, 1), date(2027, 2, 28))[0].zh
