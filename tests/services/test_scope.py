"""A community worker sees and changes only their communities, in every service; lists are masked.

On the demo roster, 赵社工 (zhao) works for 月河社区 only. What she reads (lists, counts, visits,
volunteers, places, printouts, exports, plans) stops at 月河社区; what she writes elsewhere is refused
as if the person were not there; a full ID number reaches her only in a record she may open.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.enums import Role
from silverage.domain.problems import PermissionDenied, UserError, ValidationError
from silverage.services import users
from silverage.services.context import Actor, ServiceContext
from silverage.services.print_export import printing, roster_export
from silverage.services.roster import elders, place_choices, places, roster_query
from silverage.services.visits import coverage, planning, worklists
from tests.conftest import TODAY

pytestmark = pytest.mark.db


@pytest.fixture
def zhao(demo_ctx: ServiceContext) -> ServiceContext:
    return ServiceContext(demo_ctx.db, users.actor_without_password(demo_ctx, "zhao"))


def _yuehe(ctx: ServiceContext) -> tuple[int, set[int]]:
    """月河社区's id and its people's ids (read without a scope)."""
    with ctx.read() as s:
        cid = s.scalar(select(m.Community.id).where(m.Community.name == "月河社区"))
        ids = set(
            s.scalars(
                select(m.Elder.id)
                .join(m.MicroGrid, m.Elder.micro_grid_id == m.MicroGrid.id)
                .join(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
                .where(m.Grid.community_id == cid)
            )
        )
    return int(cid), ids


def _elsewhere(ctx: ServiceContext) -> int:
    cid, mine = _yuehe(ctx)
    with ctx.read() as s:
        return int(s.scalar(select(m.Elder.id).where(m.Elder.id.not_in(mine)).order_by(m.Elder.id)))


def test_the_demo_worker_zhao_is_limited_to_one_community(
    demo_ctx: ServiceContext, zhao: ServiceContext
) -> None:
    cid, _ = _yuehe(demo_ctx)
    assert zhao.actor.role is Role.WORKER and zhao.actor.communities == frozenset({cid})
    sheg = users.actor_without_password(demo_ctx, "sheg")
    assert sheg.communities is not None and len(sheg.communities) == 8  # 李社工: every demo community


def test_lists_counts_and_places_stop_at_her_community(
    demo_ctx: ServiceContext, zhao: ServiceContext
) -> None:
    cid, mine = _yuehe(demo_ctx)
    rows = roster_query.list_elders(zhao, roster_query.ElderFilter(status=None))
    assert {r.id for r in rows} == mine and {r.community for r in rows} == {"月河社区"}
    assert roster_query.counts(zhao).elders_total == len(mine) < roster_query.counts(demo_ctx).elders_total
    assert {c.name for c in place_choices.communities(zhao)} == {"月河社区"}
    assert {g.community for g in place_choices.micro_grids(zhao)} == {"月河社区"}
    assert [n.name for n in places.tree(zhao)] == ["月河社区"]
    assert {v.community for v in roster_query.list_volunteers(zhao)} == {"月河社区"}
    assert {r.key for r in coverage.monthly_rates(zhao, 2026, 11)} == {"月河社区"}
    assert {r.community for r in worklists.overdue(zhao, TODAY)} <= {"月河社区"}
    assert worklists.overdue_ids(zhao, TODAY) <= mine  # what her roster marks overdue
    first = roster_query.list_elders(zhao, roster_query.ElderFilter(status=None), limit=5)  # start-up's
    assert len(first) == 5 and {r.id for r in first} <= mine and {r.community for r in first} == {"月河社区"}
    visits = coverage.visits_between(zhao, TODAY - timedelta(days=30), TODAY)
    assert visits and {v.elder_id for v in visits} <= mine


def test_lists_mask_id_numbers_and_phones_for_everyone(demo_ctx: ServiceContext) -> None:
    supervisor = ServiceContext(demo_ctx.db, Actor("duda", Role.SUPERVISOR, "王督导"))
    for ctx in (demo_ctx, supervisor):
        row = next(r for r in roster_query.list_elders(ctx) if r.phone)
        assert row.id_number[4:14] == "*" * 10 and "****" in row.phone
        assert all("*" in v.phone for v in roster_query.list_volunteers(ctx) if v.phone)
        visit = coverage.visits_between(ctx, TODAY - timedelta(days=7), TODAY)[0]
        assert "*" in visit.id_number


def test_a_whole_id_number_typed_in_a_search_finds_the_person_in_scope(
    demo_ctx: ServiceContext, zhao: ServiceContext
) -> None:
    _, mine = _yuehe(demo_ctx)
    with demo_ctx.read() as s:
        own, other = (
            s.scalar(select(m.Elder.id_number).where(m.Elder.id == eid))
            for eid in (min(mine), _elsewhere(demo_ctx))
        )
    assert roster_query.find_by_id_number(zhao, own.lower()) == min(mine)
    assert roster_query.find_by_id_number(zhao, other) is None  # not hers: not found
    assert roster_query.find_by_id_number(zhao, own[-6:]) is None  # a part finds nothing here


def test_an_unmasked_list_is_for_supervisors_and_audited(demo_ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        roster_query.list_elders(demo_ctx, unmasked=True)
    supervisor = ServiceContext(demo_ctx.db, Actor("duda", Role.SUPERVISOR, "王督导"))
    rows = roster_query.list_elders(supervisor, unmasked=True)
    assert "*" not in rows[0].id_number
    with demo_ctx.read() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "list")).one()
    assert entry.user == "duda" and f"people={len(rows)}" in entry.detail and "id_number" in entry.detail
    assert rows[0].id_number not in entry.detail  # the audit says how many and which fields, not whose


def test_someone_elsewhere_is_not_found_and_cannot_be_changed(
    demo_ctx: ServiceContext, zhao: ServiceContext
) -> None:
    other = _elsewhere(demo_ctx)
    with pytest.raises(UserError) as err:
        elders.get_elder(zhao, other, today=TODAY)
    assert "找不到" in err.value.zh
    detail = elders.get_elder(demo_ctx, other, today=TODAY)
    with pytest.raises(UserError):
        elders.update_elder(zhao, other, replace(detail.to_input(), notes="x"), detail.version, today=TODAY)
    with pytest.raises(UserError):
        elders.audit_trail(zhao, other)
    assert elders.get_elder(demo_ctx, other, today=TODAY).version == detail.version


def test_she_cannot_move_her_people_out_of_her_community(
    demo_ctx: ServiceContext, zhao: ServiceContext
) -> None:
    _, mine = _yuehe(demo_ctx)
    someone = min(mine)
    detail = elders.get_elder(zhao, someone, today=TODAY)
    elsewhere = next(g for g in place_choices.micro_grids(demo_ctx) if g.community != "月河社区")
    with pytest.raises(ValidationError) as err:
        elders.update_elder(
            zhao, someone, replace(detail.to_input(), micro_grid_id=elsewhere.id), detail.version
        )
    assert "您负责的社区" in err.value.zh and "月河社区" in err.value.zh
    with pytest.raises(ValidationError):
        elders.update_elder(zhao, someone, replace(detail.to_input(), micro_grid_id=None), detail.version)


def test_a_duplicate_elsewhere_is_refused_without_naming_the_person(
    demo_ctx: ServiceContext, zhao: ServiceContext
) -> None:
    other = elders.get_elder(demo_ctx, _elsewhere(demo_ctx), today=TODAY)
    mine = place_choices.micro_grids(zhao)[0]
    inp = replace(other.to_input(), micro_grid_id=mine.id, contacts=())
    with pytest.raises(ValidationError) as err:
        elders.create_elder(zhao, inp, today=TODAY)
    assert "其他社区" in err.value.zh and other.name not in err.value.zh


def test_her_printouts_exports_and_plans_cover_her_community_only(
    demo_ctx: ServiceContext, zhao: ServiceContext, tmp_path: Path
) -> None:
    _, mine = _yuehe(demo_ctx)
    active = roster_query.list_elders(zhao)
    printed = printing.print_roster(zhao, tmp_path / "roster.pdf", today=TODAY)
    assert printed.people == len(active)
    result = roster_export.export_roster(zhao, tmp_path / "roster.xlsx", today=TODAY)
    assert result.people == len(active)
    ws = openpyxl.load_workbook(tmp_path / "roster.xlsx")["花名册"]
    headers = [c.value for c in ws[2]]
    column = headers.index("社区") + 1
    assert {ws.cell(r, column).value for r in range(3, ws.max_row + 1)} == {"月河社区"}
    with demo_ctx.read() as s:
        others_before = s.scalar(
            select(func.count()).select_from(m.Visit).where(m.Visit.elder_id.not_in(mine))
        )
    planning.plan_period(zhao, TODAY + timedelta(days=1), TODAY + timedelta(days=14))
    with demo_ctx.read() as s:
        planned = set(
            s.scalars(
                select(m.Visit.elder_id).where(m.Visit.planned_date > TODAY, m.Visit.plan_id.is_not(None))
            )
        )
        others_after = s.scalar(
            select(func.count()).select_from(m.Visit).where(m.Visit.elder_id.not_in(mine))
        )
    assert planned and planned <= mine
    assert others_after == others_before  # nobody else's visits were replanned or removed


def test_a_viewer_sees_figures_and_masked_lists_only(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    viewer = ServiceContext(demo_ctx.db, Actor("guest", Role.VIEWER, "访客"))
    assert roster_query.counts(viewer).elders_active == 979
    assert "*" in roster_query.list_elders(viewer)[0].id_number
    someone = roster_query.list_elders(viewer)[0].id
    for refused in (
        lambda: elders.get_elder(viewer, someone),
        lambda: roster_query.list_elders(viewer, unmasked=True),
        lambda: printing.print_roster(viewer, tmp_path / "r.pdf"),
        lambda: roster_export.export_roster(viewer, tmp_path / "r.xlsx"),
    ):
        with pytest.raises(PermissionDenied):
            refused()
