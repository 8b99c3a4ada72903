"""Needs that cannot ride on a home visit get a service visit (上门服务) of their own: by a skilled
volunteer of the person's community, within the skill's weekly limit, on a day without their
home visit or call, printed like a home visit, kept by a re-plan, counted in the hours."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.progress import run_to_end
from silverage.domain.service_kinds import NeedInput
from silverage.reports.data import DocMeta
from silverage.reports.visit_sheet import write_visit_sheets
from silverage.services.context import ServiceContext
from silverage.services.print_export import print_data
from silverage.services.roster import elders
from silverage.services.visits import planning, visits
from silverage.services.volunteers import hours
from tests.reports.pdf_tools import page_texts

pytestmark = pytest.mark.db
DEC = (date(2026, 12, 1), date(2026, 12, 31))
WEEKS = [date(2026, 11, 30) + timedelta(days=7 * i) for i in range(5)]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _planned(ctx: ServiceContext) -> list[tuple[int, int, str, date, int | None, str]]:
    """(visit, person, kind, day, volunteer, service kind) for each planned service in December."""
    with ctx.read() as s:
        return list(
            s.execute(
                select(
                    m.Visit.id,
                    m.Visit.elder_id,
                    m.Visit.kind,
                    m.Visit.planned_date,
                    m.Visit.volunteer_id,
                    m.ServiceKind.name,
                )
                .join(m.VisitService, m.VisitService.visit_id == m.Visit.id)
                .join(m.ServiceKind, m.ServiceKind.id == m.VisitService.kind_id)
                .where(
                    m.VisitService.planned.is_(True),
                    m.Visit.status == "planned",
                    m.Visit.planned_date >= DEC[0],
                    m.Visit.planned_date <= DEC[1],
                )
            ).all()
        )


def _green_with_a_weekly_bath(ctx: ServiceContext) -> int:
    """A green person (one home visit a month) whose weekly bath the plan must still give."""
    with ctx.read() as s:
        eid = s.scalar(
            select(m.Elder.id)
            .where(m.Elder.level == "green", m.Elder.status == "active", m.Elder.micro_grid_id.is_not(None))
            .order_by(m.Elder.id)
        )
    assert eid is not None
    d = elders.get_elder(ctx, eid)
    wanted = tuple(n for n in d.needs if n.kind != "助浴") + (NeedInput("助浴", "weekly"),)
    elders.update_elder(ctx, eid, replace(d.to_input(), needs=wanted), d.version)
    return eid


def test_a_weekly_need_is_given_every_week_by_home_visit_or_service_visit(demo_ctx: ServiceContext) -> None:
    eid = _green_with_a_weekly_bath(demo_ctx)
    summary = planning.plan_period(demo_ctx, *DEC)
    baths = [p for p in _planned(demo_ctx) if p[1] == eid and p[5] == "助浴"]
    weeks = Counter(_monday(p[3]) for p in baths)
    unmet = [u for u in summary.unmet_needs if u["kind"] == "助浴"]
    if not unmet:  # every week of the month, once: riding on her one home visit or on its own trip
        assert weeks == dict.fromkeys(WEEKS, 1)
    assert {p[2] for p in baths} == {"home", "service"}
    assert summary.service_visits > 0 and summary.planned["green"]["service"] > 0


def test_every_service_visit_goes_to_a_skilled_neighbour_within_the_weekly_limit(
    demo_ctx: ServiceContext,
) -> None:
    summary = planning.plan_period(demo_ctx, *DEC)
    rows = _planned(demo_ctx)
    with demo_ctx.read() as s:
        community_of_elder = dict(
            s.execute(
                select(m.Elder.id, m.Grid.community_id)
                .join(m.MicroGrid, m.MicroGrid.id == m.Elder.micro_grid_id)
                .join(m.Grid, m.Grid.id == m.MicroGrid.grid_id)
            ).all()
        )
        community_of_vol = dict(
            s.execute(
                select(m.Volunteer.id, m.Grid.community_id)
                .join(m.MicroGrid, m.MicroGrid.id == m.Volunteer.micro_grid_id)
                .join(m.Grid, m.Grid.id == m.MicroGrid.grid_id)
            ).all()
        )
        limit = {
            (vid, name): cap
            for vid, name, cap in s.execute(
                select(
                    m.VolunteerSkill.volunteer_id, m.ServiceKind.name, m.VolunteerSkill.weekly_capacity
                ).join(m.ServiceKind, m.ServiceKind.id == m.VolunteerSkill.kind_id)
            )
        }
        providers = set(s.scalars(select(m.Volunteer.id).where(m.Volunteer.service_provider.is_(True))))
        days = defaultdict(list)
        for eid, kind, day in s.execute(
            select(m.Visit.elder_id, m.Visit.kind, m.Visit.planned_date).where(
                m.Visit.status != "cancelled", m.Visit.planned_date >= DEC[0], m.Visit.planned_date <= DEC[1]
            )
        ):
            days[(eid, day)].append(kind)
    trips = {(p[0], p[1], p[3], p[4]) for p in rows if p[2] == "service"}
    assert len(trips) == summary.service_visits > 20
    for _visit, eid, day, vid in trips:
        assert community_of_vol[vid] == community_of_elder[eid]
        assert days[(eid, day)] == ["service"]  # not on the day of her home visit or call
    for _visit, _eid, _kind, _day, vid, name in rows:
        assert vid in providers or (vid, name) in limit
    given = Counter((p[4], _monday(p[3]), p[5]) for p in rows if p[4] not in providers)
    assert all(n <= limit[(vid, name)] for (vid, _week, name), n in given.items())


def test_a_replan_keeps_every_service_visit_and_a_lost_skill_moves_only_those(
    demo_ctx: ServiceContext,
) -> None:
    first = planning.plan_period(demo_ctx, *DEC)
    again = planning.plan_period(demo_ctx, *DEC)
    assert (again.kept, again.added, again.moved, again.cancelled) == (first.planned_total, 0, 0, 0)
    assert again.service_visits == first.service_visits and not again.void_sheets
    before = {(p[0], p[5]) for p in _planned(demo_ctx) if p[2] == "service"}
    assert before == {(p[0], p[5]) for p in _planned(demo_ctx) if p[2] == "service"}


def test_a_service_visit_prints_as_such_and_its_minutes_count_in_the_hours(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    planning.plan_period(demo_ctx, *DEC)
    visit_id, eid, _kind, day, vid, name = min(p for p in _planned(demo_ctx) if p[2] == "service")
    person = elders.get_elder(demo_ctx, eid).name
    meta = DocMeta("示范街道", "李社工", datetime(2026, 11, 26, 9, 30), synthetic=True)
    with demo_ctx.read() as s:
        code = s.get(m.Visit, visit_id).code
        doc = print_data.sheet_document(
            s, meta, _monday(day), _monday(day) + timedelta(days=6), volunteer_id=vid
        )
    out = tmp_path / "sheet.pdf"
    run_to_end(write_visit_sheets(out, doc))
    texts = page_texts(out)
    assert any(person in t and "上门服务" in t and f"★{name}" in t for t in texts)
    assert re.search(r"本组共\d+次：(上门\d+，)?上门服务\d+", texts[0])  # counted apart from home visits
    assert name in visits.find_visit(demo_ctx, code).planned_services

    def theirs() -> tuple[int, int, int]:
        (h,) = [h for h in hours.month_hours(demo_ctx, DEC[0], volunteer_id=vid)] or [None]
        return (h.visits, h.services, h.minutes) if h else (0, 0, 0)

    before = theirs()
    visits.record_visit(demo_ctx, code, "well", services=[name], minutes=40, visited_on=day, today=day)
    assert theirs() == (before[0] + 1, before[1] + 1, before[2] + 40)


def test_giving_a_service_visit_to_someone_without_the_skill_warns_first(demo_ctx: ServiceContext) -> None:
    planning.plan_period(demo_ctx, *DEC)
    visit_id, _eid, _kind, _day, vid, name = min(p for p in _planned(demo_ctx) if p[2] == "service")
    with demo_ctx.read() as s:
        skilled = set(
            s.scalars(
                select(m.VolunteerSkill.volunteer_id)
                .join(m.ServiceKind, m.ServiceKind.id == m.VolunteerSkill.kind_id)
                .where(m.ServiceKind.name == name)
            )
        )
        other = s.scalar(
            select(m.Volunteer.id)
            .where(m.Volunteer.id.not_in(skilled), m.Volunteer.service_provider.is_(False))
            .order_by(m.Volunteer.id)
        )
    result = planning.swap_volunteer(demo_ctx, visit_id, other)
    assert not result.applied
    assert any(name in w.zh and "不会这次要做的服务" in w.zh and name in w.en for w in result.warnings)
    with demo_ctx.read() as s:
        assert s.get(m.Visit, visit_id).volunteer_id == vid  # nothing changed until confirmed
