"""Needs ride along on the planned home visit when the visiting volunteer can give them; what
cannot is listed per community with the reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.progress import run_to_end
from silverage.domain.service_kinds import NeedInput, SkillInput
from silverage.reports.data import DocMeta
from silverage.reports.visit_sheet import write_visit_sheets
from silverage.services.context import ServiceContext
from silverage.services.print_export import print_data
from silverage.services.roster import elders
from silverage.services.visits import planning, visits
from silverage.services.volunteers import volunteers
from tests.reports.pdf_tools import page_texts

pytestmark = pytest.mark.db
MON, SUN = date(2026, 11, 30), date(2026, 12, 6)


def _home_visit_next_week(ctx: ServiceContext) -> m.Visit:
    planning.plan_period(ctx, MON, SUN)
    with ctx.read() as s:
        v = s.scalars(
            select(m.Visit)
            .where(m.Visit.kind == "home", m.Visit.status == "planned", m.Visit.planned_date >= MON)
            .order_by(m.Visit.id)
        ).first()
        s.expunge(v)
        return v


def _set_skills(ctx: ServiceContext, vid: int, skills: tuple[SkillInput, ...]) -> None:
    v = volunteers.get_volunteer(ctx, vid)
    volunteers.update_volunteer(ctx, vid, replace(v.to_input(), skills=skills), v.version)


def test_a_weekly_bath_goes_on_the_home_visit_once_the_visitor_has_the_skill(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    visit = _home_visit_next_week(demo_ctx)
    detail = elders.get_elder(demo_ctx, visit.elder_id)
    needs = tuple(n for n in detail.needs if n.kind != "助浴") + (NeedInput("助浴", "weekly"),)
    elders.update_elder(demo_ctx, visit.elder_id, replace(detail.to_input(), needs=needs), detail.version)
    skills = volunteers.get_volunteer(demo_ctx, visit.volunteer_id).skills
    without = tuple(sk for sk in skills if sk.kind != "助浴")
    _set_skills(demo_ctx, visit.volunteer_id, without)
    first = planning.plan_period(demo_ctx, MON, SUN)
    assert "助浴" not in visits.find_visit(demo_ctx, visit.code).planned_services
    community = next(u["community"] for u in first.unmet_needs if u["kind"] == "助浴")
    assert any(
        u["kind"] == "助浴" and u["reason"] in ("not_on_trip", "no_skill") and u["community"] == community
        for u in first.unmet_needs
    )
    # the worker gives the volunteer the skill: the next plan puts the bath on the same trip
    _set_skills(demo_ctx, visit.volunteer_id, (*without, SkillInput("助浴", 2)))
    second = planning.plan_period(demo_ctx, MON, SUN)
    again = visits.find_visit(demo_ctx, visit.code)
    assert again.volunteer_id == visit.volunteer_id and "助浴" in again.planned_services
    assert second.services_planned > first.services_planned
    assert second.optimal and second.total_cost == second.lower_bound  # the home plan is still exact
    meta = DocMeta("示范街道", "李社工", datetime(2026, 11, 26, 9, 30), synthetic=True)
    with demo_ctx.read() as s:
        doc = print_data.sheet_document(s, meta, MON, SUN, volunteer_id=visit.volunteer_id)
    out = tmp_path / "sheet.pdf"
    run_to_end(write_visit_sheets(out, doc))
    assert any("★助浴" in t for t in page_texts(out))


def test_capacity_of_a_skill_limits_how_many_ride_along(demo_ctx: ServiceContext) -> None:
    planning.plan_period(demo_ctx, MON, SUN)
    with demo_ctx.read() as s:
        busiest = s.execute(
            select(m.Visit.volunteer_id, m.Visit.elder_id)
            .where(m.Visit.kind == "home", m.Visit.status == "planned", m.Visit.planned_date >= MON)
            .order_by(m.Visit.volunteer_id, m.Visit.elder_id)
        ).all()
    by: dict[int, list[int]] = {}
    for vid, eid in busiest:
        by.setdefault(vid, []).append(eid)
    vid, people = max(by.items(), key=lambda kv: len(set(kv[1])))
    people = sorted(set(people))[:3]
    assert len(people) == 3
    for eid in people:
        d = elders.get_elder(demo_ctx, eid)
        wanted = tuple(n for n in d.needs if n.kind != "理发") + (NeedInput("理发", "weekly"),)
        elders.update_elder(demo_ctx, eid, replace(d.to_input(), needs=wanted), d.version)
    skills = tuple(sk for sk in volunteers.get_volunteer(demo_ctx, vid).skills if sk.kind != "理发")
    _set_skills(demo_ctx, vid, (*skills, SkillInput("理发", 2)))
    summary = planning.plan_period(demo_ctx, MON, SUN)
    with demo_ctx.read() as s:
        cut = s.scalar(
            select(func.count())
            .select_from(m.VisitService)
            .join(m.Visit, m.Visit.id == m.VisitService.visit_id)
            .join(m.ServiceKind, m.ServiceKind.id == m.VisitService.kind_id)
            .where(
                m.Visit.volunteer_id == vid, m.ServiceKind.name == "理发", m.VisitService.planned.is_(True)
            )
        )
    assert cut == 2  # two haircuts a week, as the volunteer said; the third is listed
    assert any(u["kind"] == "理发" and u["reason"] == "capacity" for u in summary.unmet_needs)
