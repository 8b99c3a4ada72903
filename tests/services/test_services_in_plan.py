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


def _wang_xiuying(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        eid = s.scalar(select(m.Elder.id).where(m.Elder.name == "王秀英"))
    assert eid is not None
    assert NeedInput("助浴", "weekly") in {
        NeedInput(n.kind, n.frequency) for n in elders.get_elder(ctx, eid).needs
    }
    return eid


def _her_home_visits(ctx: ServiceContext, eid: int) -> list[m.Visit]:
    with ctx.read() as s:
        rows = list(
            s.scalars(
                select(m.Visit).where(
                    m.Visit.elder_id == eid,
                    m.Visit.kind == "home",
                    m.Visit.status == "planned",
                    m.Visit.planned_date >= MON,
                    m.Visit.planned_date <= SUN,
                )
            )
        )
        s.expunge_all()
    return rows


def test_next_weeks_plan_sends_wang_xiuying_a_volunteer_who_can_bathe_her(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    """The issue's walk-through: 王秀英 needs 助浴 weekly; next week's plan gives her home visit to a
    volunteer who has 助浴, and the bath is on that visit and on the printed sheet."""
    eid = _wang_xiuying(demo_ctx)
    first = planning.plan_period(demo_ctx, MON, SUN)
    (visit,) = _her_home_visits(demo_ctx, eid)
    skills = {sk.kind for sk in volunteers.get_volunteer(demo_ctx, visit.volunteer_id).skills}
    assert "助浴" in skills
    assert "助浴" in visits.find_visit(demo_ctx, visit.code).planned_services
    assert first.optimal and first.total_cost == first.lower_bound
    meta = DocMeta("示范街道", "李社工", datetime(2026, 11, 26, 9, 30), synthetic=True)
    with demo_ctx.read() as s:
        doc = print_data.sheet_document(s, meta, MON, SUN, volunteer_id=visit.volunteer_id)
    out = tmp_path / "sheet.pdf"
    run_to_end(write_visit_sheets(out, doc))
    assert any("王秀英" in t and "★助浴" in t for t in page_texts(out))
    # nothing changed: the re-plan keeps every printed visit and the bath on it
    second = planning.plan_period(demo_ctx, MON, SUN)
    assert (second.kept, second.added, second.moved, second.cancelled) == (first.planned_total, 0, 0, 0)
    assert second.services_planned == first.services_planned
    assert "助浴" in visits.find_visit(demo_ctx, visit.code).planned_services


def test_without_a_bather_in_her_community_she_keeps_her_home_visit_and_the_bath_is_listed(
    demo_ctx: ServiceContext,
) -> None:
    eid = _wang_xiuying(demo_ctx)
    community = elders.get_elder(demo_ctx, eid).community
    with demo_ctx.read() as s:
        theirs = list(
            s.scalars(
                select(m.Volunteer.id)
                .join(m.MicroGrid, m.MicroGrid.id == m.Volunteer.micro_grid_id)
                .join(m.Grid, m.Grid.id == m.MicroGrid.grid_id)
                .join(m.Community, m.Community.id == m.Grid.community_id)
                .where(m.Community.name == community, m.Volunteer.active.is_(True))
            )
        )
    for vid in theirs:
        v = volunteers.get_volunteer(demo_ctx, vid)
        if v.service_provider or any(sk.kind == "助浴" for sk in v.skills):
            volunteers.update_volunteer(
                demo_ctx,
                vid,
                replace(
                    v.to_input(),
                    skills=tuple(sk for sk in v.skills if sk.kind != "助浴"),
                    service_provider=False,
                ),
                v.version,
            )
    summary = planning.plan_period(demo_ctx, MON, SUN)
    (visit,) = _her_home_visits(demo_ctx, eid)  # still visited, by someone nearby
    assert visit.volunteer_id in theirs
    assert "助浴" not in visits.find_visit(demo_ctx, visit.code).planned_services
    assert any(
        u["community"] == community
        and u["kind"] == "助浴"
        and u["reason"] == "no_skill"
        and "社区内没有会此项服务的志愿者" in u["zh"]
        for u in summary.unmet_needs
    )


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
