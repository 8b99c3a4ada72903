"""The holiday table for a year not yet published: predicted days (预测) a supervisor confirms, moves
or takes back, and what a re-plan does once the real days are known (entered, or the library updated)."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain import calendar_cn
from silverage.domain.holiday_table import DaySource
from silverage.domain.problems import PermissionDenied, ValidationError
from silverage.services.context import ServiceContext
from silverage.services.visits import planning, visit_settings
from tests.services.test_visits_planning import ALL_WEEK, _roster, _visits

pytestmark = pytest.mark.db

SPRING_2027 = [date(2027, 2, 5) + timedelta(n) for n in range(8)]  # 除夕 to 初七, predicted


def _sources(ctx: ServiceContext, year: int) -> dict[date, tuple[str, str, DaySource]]:
    return {r.day: (r.kind, r.name, r.source) for r in visit_settings.year_table(ctx, year)}


def test_the_table_shows_predicted_published_and_office_days_apart(supervisor_ctx):
    visit_settings.set_holiday(supervisor_ctx, date(2027, 2, 20), "workday", "调休")
    rows = _sources(supervisor_ctx, 2027)
    assert [rows[d] for d in SPRING_2027] == [("holiday", "春节", DaySource.PREDICTED)] * 8
    assert rows[date(2027, 2, 20)] == ("workday", "调休", DaySource.OFFICE)
    published = _sources(supervisor_ctx, 2026)
    assert published[date(2026, 2, 14)] == ("workday", "春节", DaySource.PUBLISHED)  # a 调休 Saturday
    assert all(src is not DaySource.PREDICTED for _k, _n, src in published.values())


def test_confirming_a_predicted_break_makes_it_the_offices_own(supervisor_ctx):
    visit_settings.confirm_predicted(supervisor_ctx, date(2027, 2, 9))
    rows = _sources(supervisor_ctx, 2027)
    assert [rows[d] for d in SPRING_2027] == [("holiday", "春节", DaySource.OFFICE)] * 8
    cal = calendar_cn.WorkCalendar({d: "holiday" for d in SPRING_2027})
    warning = cal.warnings(date(2027, 2, 1), date(2027, 2, 28))[0].zh
    assert "春节" not in warning and "录入的 8 天" in warning  # no longer called a prediction
    with supervisor_ctx.read() as s:
        audited = s.scalars(select(m.AuditEntry.field).where(m.AuditEntry.table_name == "holiday")).all()
    assert sorted(audited) == [d.isoformat() for d in SPRING_2027]


def test_moving_a_predicted_break_frees_the_days_it_no_longer_covers(supervisor_ctx):
    # The notice (say) gives 6 to 14 February: 5 February, a Friday, is worked again.
    visit_settings.change_predicted(supervisor_ctx, date(2027, 2, 10), date(2027, 2, 6), date(2027, 2, 14))
    with supervisor_ctx.read() as s:
        cal = visit_settings.load_calendar(s)
    assert cal.is_working_day(date(2027, 2, 5))
    assert not any(cal.is_working_day(date(2027, 2, d)) for d in range(6, 15))
    assert cal.is_working_day(date(2027, 2, 15))


def test_taking_back_a_predicted_break_leaves_an_ordinary_week(supervisor_ctx):
    visit_settings.change_predicted(supervisor_ctx, date(2027, 5, 3), None, None)
    with supervisor_ctx.read() as s:
        cal = visit_settings.load_calendar(s)
    assert [cal.is_working_day(date(2027, 5, d)) for d in range(1, 6)] == [False, False, True, True, True]
    rows = _sources(supervisor_ctx, 2027)
    assert rows[date(2027, 5, 3)][0] == "ordinary" and rows[date(2027, 5, 3)][2] is DaySource.OFFICE
    # Deleting the office's day brings the prediction back.
    visit_settings.remove_holiday(supervisor_ctx, date(2027, 5, 3))
    assert _sources(supervisor_ctx, 2027)[date(2027, 5, 3)][2] is DaySource.PREDICTED


def test_only_predicted_days_can_be_confirmed_and_breaks_stay_sensible(supervisor_ctx):
    with pytest.raises(ValidationError, match="不是预测的假期"):
        visit_settings.confirm_predicted(supervisor_ctx, date(2027, 3, 10))
    with pytest.raises(ValidationError, match="不是预测的假期"):  # 2026 is published
        visit_settings.confirm_predicted(supervisor_ctx, date(2026, 2, 17))
    with pytest.raises(ValidationError, match="结束日期早于开始日期"):
        visit_settings.change_predicted(supervisor_ctx, date(2027, 2, 9), date(2027, 2, 9), date(2027, 2, 1))
    with pytest.raises(ValidationError, match="最长 15 天"):
        visit_settings.change_predicted(supervisor_ctx, date(2027, 2, 9), date(2027, 2, 1), date(2027, 3, 1))
    assert all(src is DaySource.PREDICTED for *_x, src in _sources(supervisor_ctx, 2027).values())


def test_a_worker_sees_the_table_but_cannot_confirm(ctx):
    assert _sources(ctx, 2027)[date(2027, 2, 9)][2] is DaySource.PREDICTED
    with pytest.raises(PermissionDenied):
        visit_settings.confirm_predicted(ctx, date(2027, 2, 9))
    with pytest.raises(PermissionDenied):
        visit_settings.change_predicted(ctx, date(2027, 2, 9), None, None)


PERIOD = (date(2027, 2, 15), date(2027, 2, 28))


def _placed(ctx: ServiceContext) -> dict[str, tuple[date, int, int | None, str, int]]:
    return {v.code: (v.planned_date, v.half_day, v.volunteer_id, v.status, v.elder_id) for v in _visits(ctx)}


def _replan_moves_only_the_days_now_off(ctx: ServiceContext, before, off: set[date]) -> None:  # noqa: ANN001
    """Visits on the days now off move (same code, another working day); a person with one of them
    may see another of their visits shift a day (two visits to one person never share a day);
    everyone else's printed visits stay exactly where they were."""
    second = planning.plan_period(ctx, *PERIOD)
    after = _placed(ctx)
    hit = {code for code, place in before.items() if place[0] in off}
    touched = {before[code][4] for code in hit}
    assert hit, "the first plan used the days that turned out to be off"
    assert second.added == 0 and second.cancelled == 0 and set(after) == set(before)
    moved = {code for code in before if after[code] != before[code]}
    assert hit <= moved and len(moved) == second.moved
    for code in moved:
        assert after[code][0] not in off and after[code][3] == "planned"
        assert before[code][4] in touched, code  # a knock-on move stays with the same person
    untouched = [code for code in before if before[code][4] not in touched]
    assert untouched and all(after[code] == before[code] for code in untouched)


@pytest.fixture
def supervisor_plans(ctx, supervisor_ctx):  # noqa: ANN001, ANN201
    """Supervisors plan too; twelve people and two volunteers on the week after the predicted break."""
    _roster(supervisor_ctx, ["red"] * 6 + ["yellow"] * 6, [(ALL_WEEK, 20), (ALL_WEEK, 20)])
    first = planning.plan_period(supervisor_ctx, *PERIOD)
    assert any("预测" in w["zh"] for w in first.warnings)
    return _placed(supervisor_ctx)


def test_entering_the_published_days_moves_only_the_visits_on_them(supervisor_ctx, supervisor_plans):
    # The notice extends the break to Tuesday 16 February: only visits on 15 and 16 February move.
    visit_settings.change_predicted(supervisor_ctx, date(2027, 2, 9), date(2027, 2, 5), date(2027, 2, 16))
    _replan_moves_only_the_days_now_off(
        supervisor_ctx, supervisor_plans, {date(2027, 2, 15), date(2027, 2, 16)}
    )


@pytest.fixture
def library_knows_2027(monkeypatch):  # noqa: ANN001, ANN201
    """chinesecalendar updated with a 2027 notice (here: only 除夕 to 初九, 5-15 February, off)."""
    for d in [date(2027, 2, 5) + timedelta(n) for n in range(11)]:
        monkeypatch.setitem(chinese_calendar.holidays, d, chinese_calendar.Holiday.spring_festival.value)
    calendar_cn.library_knows.cache_clear()
    yield
    monkeypatch.undo()
    calendar_cn.library_knows.cache_clear()


def test_a_library_update_replaces_the_prediction_and_moves_only_the_visits_on_new_days(
    supervisor_ctx, supervisor_plans, library_knows_2027
):
    assert calendar_cn.library_knows(2027)
    assert _sources(supervisor_ctx, 2027)[date(2027, 2, 15)][2] is DaySource.PUBLISHED
    _replan_moves_only_the_days_now_off(supervisor_ctx, supervisor_plans, {date(2027, 2, 15)})
