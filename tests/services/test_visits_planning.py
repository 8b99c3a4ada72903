"""Planning, recording, escalation, worklists and coverage on small hand-made rosters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.clock import FixedClock
from silverage.domain.problems import UserError, ValidationError
from silverage.services.context import ServiceContext
from silverage.services.visits import coverage, planning, visit_settings, visits, worklists

pytestmark = pytest.mark.db

DEC = (date(2026, 12, 1), date(2026, 12, 31))
ALL_WEEK = (1 << 10) - 1  # Monday to Friday, mornings and afternoons


def _roster(ctx: ServiceContext, levels: list[str | None], vols: list[tuple[int, int]]) -> list[int]:
    """One community, one grid, one micro-grid; elders with these levels; volunteers (availability, max)."""
    with ctx.transaction() as s:
        c = m.Community(code="C1", name="月河社区")
        g = m.Grid(code="G1", name="月河3网格", community=c)
        mg = m.MicroGrid(code="M1", name="1号微网格", grid=g)
        s.add_all([c, g, mg])
        s.flush()
        ids = []
        for i, lv in enumerate(levels):
            e = m.Elder(
                name=f"老人{i}",
                gender="F",
                id_number=f"33040219400101{i:03d}X",
                birth_date=date(1940, 1, 1),
                living="alone",
                level=lv,
                micro_grid_id=mg.id,
            )
            e.contacts.append(m.EmergencyContact(name=f"女儿{i}", relation="女儿", phone="13800000000"))
            s.add(e)
            s.flush()
            ids.append(e.id)
        for j, (avail, cap) in enumerate(vols):
            s.add(
                m.Volunteer(
                    name=f"志愿者{j}", micro_grid_id=mg.id, availability=avail, max_visits_per_week=cap
                )
            )
    return ids


def _visits(ctx: ServiceContext) -> list[m.Visit]:
    with ctx.read() as s:
        rows = list(s.scalars(select(m.Visit).order_by(m.Visit.planned_date, m.Visit.id)))
        s.expunge_all()
        return rows


def test_two_communities_grids_of_one_name_are_told_apart_in_the_shortfall(ctx: ServiceContext) -> None:
    """A new office's 1网格 in two communities: each community's shortfall is its own line."""
    with ctx.transaction() as s:
        for n, name in enumerate(("月河社区", "新兴社区")):
            c = m.Community(code=f"C{n}", name=name)
            mg = m.MicroGrid(
                code=f"M{n}", name="1号微网格", grid=m.Grid(code=f"G{n}", name="1网格", community=c)
            )
            s.add_all([c, mg])
            s.flush()
            for i in range(3):
                s.add(
                    m.Elder(
                        name=f"老人{n}{i}",
                        gender="F",
                        id_number=f"3304021940010{n}{i:02d}X",
                        birth_date=date(1940, 1, 1),
                        living="alone",
                        level="red",
                        micro_grid_id=mg.id,
                    )
                )
    summary = planning.plan_period(ctx, *DEC)  # nobody to visit: everything falls short
    areas = {x["area"] for x in summary.uncovered}
    assert areas == {"月河社区/1网格", "新兴社区/1网格"}
    assert all(x["zh"].startswith(x["area"]) for x in summary.uncovered)


def test_plan_covers_every_required_visit_or_explains(ctx: ServiceContext) -> None:
    _roster(ctx, ["red", "yellow", None, "green"], [(ALL_WEEK, 2)])
    summary = planning.plan_period(ctx, *DEC)
    # red: 5 home + 10 phone; yellow: 2; two greens: 1 each = 19 required
    assert summary.planned_total + summary.uncovered_total == 19
    assert summary.uncovered_total > 0  # 2 a week cannot carry 19 in December
    assert summary.uncovered[0]["zh"].startswith("月河3网格 本月志愿者容量不足")
    per_week: dict[date, int] = {}
    cal = visit_settings.load_calendar
    with ctx.read() as s:
        calendar = cal(s)
    for v in _visits(ctx):
        monday = v.planned_date - timedelta(days=v.planned_date.weekday())
        per_week[monday] = per_week.get(monday, 0) + 1
        assert calendar.is_working_day(v.planned_date)
        assert v.window_start <= v.planned_date <= v.window_end
        assert len(v.code) == 6
    assert max(per_week.values()) <= 2


def test_saturday_make_up_day_and_volunteer_availability(ctx: ServiceContext) -> None:
    saturday = 1 << 10 | 1 << 11
    _roster(ctx, [None], [(saturday, 5)])
    september = replace(ctx, clock=FixedClock.on(date(2026, 9, 30)))  # October is still to come
    s = planning.plan_period(september, date(2026, 10, 1), date(2026, 10, 31))  # Sat 10 October is 调休
    assert [v.planned_date for v in _visits(ctx)] == [date(2026, 10, 10)]
    assert s.warnings == [] and s.uncovered_total == 0


def test_january_2027_plans_with_a_warning(ctx: ServiceContext) -> None:
    _roster(ctx, ["yellow"], [(ALL_WEEK, 5)])
    s = planning.plan_period(ctx, date(2027, 1, 1), date(2027, 1, 31))
    assert s.planned_total >= 2 and s.uncovered_total == 0
    assert s.warnings[0]["zh"].startswith("2027年放假安排尚未公布")
    assert all(v.planned_date != date(2027, 1, 1) for v in _visits(ctx))


def test_holiday_table_is_respected(ctx: ServiceContext, supervisor_ctx: ServiceContext) -> None:
    _roster(ctx, ["red"], [(ALL_WEEK, 10)])
    for d in range(7, 12):  # the holiday table is a supervisor's (a worker is refused: test_roles)
        visit_settings.set_holiday(supervisor_ctx, date(2026, 12, d), "holiday", "测试停访")
    planning.plan_period(ctx, *DEC)
    assert not any(date(2026, 12, 7) <= v.planned_date <= date(2026, 12, 11) for v in _visits(ctx))


def test_replanning_keeps_done_and_confirmed_visits(ctx: ServiceContext) -> None:
    _roster(ctx, ["red", "green"], [(ALL_WEEK, 10)])
    first = planning.plan_period(ctx, *DEC)
    vs = _visits(ctx)
    done, confirmed = vs[0], vs[1]
    visits.record_visit(ctx, done.code, "well", visited_on=done.planned_date, today=date(2026, 12, 31))
    planning.set_status(ctx, confirmed.id, "confirmed")
    second = planning.plan_period(ctx, *DEC)
    after = {v.code: v for v in _visits(ctx)}
    assert after[done.code].status == "done" and after[confirmed.code].status == "confirmed"
    assert second.already_done == 2
    assert len(after) == first.planned_total  # the kept two were not planned again


def test_record_by_code_updates_last_contact_and_follow_ups(ctx: ServiceContext) -> None:
    (eid,) = _roster(ctx, ["yellow"], [(ALL_WEEK, 5)])
    planning.plan_period(ctx, *DEC)
    v = _visits(ctx)[0]
    res = visits.record_visit(
        ctx,
        v.code.lower(),
        "follow_up",
        visited_by="张阿姨（代班）",
        findings={"safety": "燃气灶老化"},
        follow_ups=[("联系燃气公司检修", "李社工", date(2026, 12, 20))],
        visited_on=v.planned_date,
        today=date(2026, 12, 15),
    )
    assert res.visit.status == "done" and res.visit.findings == {"safety": "燃气灶老化"}
    with ctx.read() as s:
        assert s.get(m.Elder, eid).last_contact == v.planned_date
        n_audit = s.scalar(
            select(func.count()).select_from(m.AuditEntry).where(m.AuditEntry.table_name == "visit")
        )
    assert n_audit >= 3
    due = worklists.follow_ups_due(ctx, date(2026, 12, 21))
    assert [f.action for f in due] == ["联系燃气公司检修"] and due[0].visit_code == v.code
    visits.complete_follow_up(ctx, due[0].id)
    assert worklists.follow_ups_due(ctx, date(2026, 12, 21)) == []


def test_recording_a_visit_again_is_a_correction_kept_in_the_audit(ctx: ServiceContext) -> None:
    _roster(ctx, ["green"], [(ALL_WEEK, 5)])
    planning.plan_period(ctx, *DEC)
    v = _visits(ctx)[0]
    first = visits.record_visit(ctx, v.code, "not_home", today=date(2026, 12, 20))
    assert first.corrected_outcome is None
    again = visits.record_visit(ctx, v.code, "well", today=date(2026, 12, 20), correct=True)
    assert again.corrected_outcome == "not_home" and again.visit.outcome == "well"
    with ctx.read() as s:
        changes = s.execute(
            select(m.AuditEntry.old_value, m.AuditEntry.new_value).where(
                m.AuditEntry.table_name == "visit", m.AuditEntry.field == "outcome"
            )
        ).all()
    assert (None, "not_home") in changes and ("not_home", "well") in changes


def test_bad_codes_and_outcomes_are_explained(ctx: ServiceContext) -> None:
    _roster(ctx, ["green"], [(ALL_WEEK, 5)])
    with pytest.raises(ValidationError) as err:
        visits.record_visit(ctx, "0O1IL2", "well")
    assert "不是探访编号" in err.value.zh
    with pytest.raises(UserError) as err2:
        visits.record_visit(ctx, "22222" + "2", "well")
    assert "没有编号" in err2.value.zh or "校验" in err2.value.zh
    planning.plan_period(ctx, *DEC)
    with pytest.raises(ValidationError) as err3:
        visits.record_visit(ctx, _visits(ctx)[0].code, "gone fishing")
    assert "探访结果" in err3.value.zh


def test_two_not_home_in_a_row_raise_one_alert(ctx: ServiceContext) -> None:
    _roster(ctx, ["red"], [(ALL_WEEK, 10)])
    planning.plan_period(ctx, *DEC)
    home = [v for v in _visits(ctx) if v.kind == "home"]
    first = visits.record_visit(ctx, home[0].code, "not_home", today=date(2026, 12, 31))
    assert first.alerts == [] and worklists.open_alerts(ctx) == []
    second = visits.record_visit(ctx, home[1].code, "not_home", today=date(2026, 12, 31))
    assert "连续两次空访" in second.alerts[0].zh and "女儿0" in second.alerts[0].zh
    visits.record_visit(ctx, home[2].code, "not_home", today=date(2026, 12, 31))
    alerts = worklists.open_alerts(ctx)
    assert len(alerts) == 1 and alerts[0].kind == "missed_twice"


def test_a_fall_triggers_reassessment_and_a_visit_within_24_hours(ctx: ServiceContext) -> None:
    (eid,) = _roster(ctx, ["green"], [(ALL_WEEK, 5)])
    planning.plan_period(ctx, *DEC)
    v = _visits(ctx)[0]
    res = visits.record_visit(
        ctx, v.code, "follow_up", fall=True, new_disability="moderate", today=v.planned_date
    )
    assert res.urgent_visit_code
    urgent = visits.find_visit(ctx, res.urgent_visit_code)
    assert urgent.kind == "home" and (urgent.planned_date - v.planned_date).days <= 1
    with ctx.read() as s:
        elder = s.get(m.Elder, eid)
        assert elder.fall_last_year and elder.disability == "moderate"
        assert (
            s.scalar(select(func.count()).select_from(m.Assessment).where(m.Assessment.elder_id == eid)) >= 1
        )
    assert any(a.kind == "risk_change" for a in worklists.open_alerts(ctx))


def test_overdue_list_is_red_first(ctx: ServiceContext) -> None:
    ids = _roster(ctx, ["green", "red", "yellow", "red", None], [(ALL_WEEK, 5)])
    today = date(2026, 12, 20)
    with ctx.transaction() as s:
        for eid, last in zip(
            ids,
            [
                today - timedelta(days=40),
                today - timedelta(days=8),
                today - timedelta(days=10),
                None,
                today - timedelta(days=5),
            ],
            strict=True,
        ):
            s.get(m.Elder, eid).last_contact = last
    rows = worklists.overdue(ctx, today)
    assert [(r.elder_id, r.level, r.days_since) for r in rows] == [
        (ids[3], "red", None),
        (ids[1], "red", 8),
        (ids[0], "green", 40),
    ]
    assert worklists.overdue_ids(ctx, today) == {ids[3], ids[1], ids[0]}  # the roster's red marks
    assert rows[0].interval_days == 7


def test_monthly_rate_counts_windows_with_contact(ctx: ServiceContext) -> None:
    red, _ = _roster(ctx, ["red", "green"], [(ALL_WEEK, 10)])
    planning.plan_period(ctx, *DEC)
    red_home = [
        v
        for v in _visits(ctx)
        if v.elder_id == red and v.kind == "home" and v.window_end - v.window_start >= timedelta(days=5)
    ]
    for v in red_home[:3]:
        visits.record_visit(ctx, v.code, "well", visited_on=v.planned_date, today=date(2026, 12, 31))
    last = red_home[3]
    visits.record_visit(ctx, last.code, "not_home", visited_on=last.planned_date, today=date(2026, 12, 31))
    by_level = {r.key: r for r in coverage.monthly_rates(ctx, 2026, 12, "level")}
    assert (by_level["red"].required, by_level["red"].contacted) == (5, 3)
    assert by_level["green"].contacted == 0 or by_level["green"].required == 1
    assert coverage.monthly_rates(ctx, 2026, 12, "grid")[0].key == "月河3网格"
    vol = coverage.monthly_rates(ctx, 2026, 12, "volunteer")[0]
    assert vol.required == len(_visits(ctx)) and vol.contacted == 3


def test_campaign_calls_everyone_of_the_levels(ctx: ServiceContext) -> None:
    _roster(ctx, ["red", "yellow", "green", None], [(ALL_WEEK, 5)])
    cid = worklists.create_campaign(ctx, "寒潮关怀", "cold", ["red", "yellow"], date(2026, 12, 18), 2)
    calls = worklists.call_list(ctx, cid)
    assert [c.level for c in calls] == ["red", "yellow"]
    assert {c.planned_date for c in calls} <= {date(2026, 12, 18), date(2026, 12, 21)}  # Fri, then Mon
    assert calls[0].contact_name == "女儿0"
    visits.record_visit(ctx, calls[0].visit_code, "phone_only", today=date(2026, 12, 18))
    (camp,) = worklists.campaigns(ctx)
    assert (camp.total, camp.contacted) == (2, 1)


def test_manual_move_warns_and_applies_only_when_confirmed(ctx: ServiceContext) -> None:
    _roster(ctx, ["green"], [(ALL_WEEK, 5)])
    planning.plan_period(ctx, *DEC)
    v = _visits(ctx)[0]
    res = planning.move_visit(
        ctx, v.id, date(2026, 12, 19), 0
    )  # a Saturday: not a working day, not available
    assert not res.applied and len(res.warnings) == 2
    assert _visits(ctx)[0].planned_date == v.planned_date
    ok = planning.move_visit(ctx, v.id, date(2026, 12, 19), 0, confirm=True)
    assert ok.applied and _visits(ctx)[0].planned_date == date(2026, 12, 19)
    with ctx.transaction() as s:
        other = m.Volunteer(name="周末志愿者", availability=ALL_WEEK, max_visits_per_week=0)
        s.add(other)
        s.flush()
        other_id = other.id
    swap = planning.swap_volunteer(ctx, v.id, other_id)
    assert not swap.applied and any("每周上限" in w.zh for w in swap.warnings)


def test_visits_between_and_history_are_plain_rows(ctx: ServiceContext) -> None:
    (eid,) = _roster(ctx, ["yellow"], [(ALL_WEEK, 5)])
    planning.plan_period(ctx, *DEC)
    rows = coverage.visits_between(ctx, *DEC)
    assert len(rows) == 2 and rows[0].id_number.startswith("3304") and rows[0].volunteer_name == "志愿者0"
    assert coverage.visit_history(ctx, eid)[0].planned_date == rows[1].planned_date
    assert rows[0].as_json()["visit_code"] == rows[0].code
