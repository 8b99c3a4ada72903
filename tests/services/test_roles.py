"""The role × action table, one test per cell, through the real services on the demo roster.

The table is written out here by hand (not read from ``domain.permissions``): changing who may do
what means changing this table too, on purpose. Each cell runs the service as that role; an allowed
cell must not be refused, a forbidden one must be refused with PermissionDenied (one readable line),
and a refused write leaves no trace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.enums import Level, Role
from silverage.domain.permissions import ALLOWED, Action
from silverage.domain.problems import PermissionDenied
from silverage.services import audit_view, integrity, office_plans, service_catalog, users
from silverage.services.care import assessment, rules_admin
from silverage.services.context import Actor, ServiceContext
from silverage.services.print_export import printing, roster_export, roster_import
from silverage.services.roster import elders, places, roster_query
from silverage.services.visits import coverage, planning, visit_settings, visits, worklists
from silverage.services.volunteers import volunteers
from tests.conftest import TODAY
from tests.io.helpers import make_id

pytestmark = pytest.mark.db

ROLES = (Role.ADMIN, Role.SUPERVISOR, Role.WORKER, Role.VIEWER)
# One row per action; columns: admin, supervisor, worker, viewer.
TABLE = {
    Action.VIEW_DASHBOARD: "YYYY",
    Action.LIST: "YYYY",
    Action.VIEW_PERSON: "YYY-",
    Action.EDIT_ROSTER: "YYY-",
    Action.RECORD_VISITS: "YYY-",
    Action.PLAN_VISITS: "YYY-",
    Action.CAMPAIGN: "YYY-",
    Action.EDIT_VOLUNTEERS: "YYY-",
    Action.ASSESS: "YYY-",
    Action.PRINT: "YYY-",
    Action.EXPORT: "YYY-",
    Action.IMPORT: "YYY-",
    Action.CHECK_DATABASE: "YYY-",
    Action.VIEW_AUDIT: "YY--",
    Action.UNMASKED: "YY--",
    Action.EDIT_RULES: "YY--",
    Action.EDIT_POLICY: "YY--",
    Action.EDIT_HOLIDAYS: "YY--",
    Action.EDIT_PLACES: "YY--",
    Action.MANAGE_USERS: "Y---",
    Action.EDIT_OFFICE_PLAN: "Y---",
    Action.EDIT_SERVICE_KINDS: "Y---",
}
ACTORS = {
    Role.ADMIN: Actor("admin", Role.ADMIN, "管理员"),
    Role.SUPERVISOR: Actor("duda", Role.SUPERVISOR, "王督导"),
    Role.WORKER: Actor("sheg", Role.WORKER, "李社工"),  # unlimited here: the scope has its own tests
    Role.VIEWER: Actor("guest", Role.VIEWER, "访客"),
}


def _someone(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(m.Elder.id).where(m.Elder.status == "active").order_by(m.Elder.id)))


def _edit(ctx: ServiceContext, _: Path) -> None:
    eid = _someone(ctx)
    with ctx.read() as s:
        e = s.get(m.Elder, eid)
        version, notes = e.version, e.notes
    detail = elders.get_elder(ServiceContext(ctx.db, ACTORS[Role.SUPERVISOR]), eid, today=TODAY)
    elders.update_elder(ctx, eid, replace(detail.to_input(), notes=notes + "（核对）"), version, today=TODAY)


def _volunteer(ctx: ServiceContext, _: Path) -> None:
    with ctx.read() as s:
        v = s.scalars(
            select(m.Volunteer).where(m.Volunteer.active.is_(True)).order_by(m.Volunteer.id)
        ).first()
    volunteers.set_active(ctx, v.id, False, "休假", v.version)


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号码", "社区", "网格"])
    wb.active.append(["测试甲", make_id(date(1940, 5, 6), 11), "月河社区", "月河1网格"])
    wb.save(path / "one.xlsx")
    return path / "one.xlsx"


def _rules(ctx: ServiceContext, _: Path) -> None:
    info = rules_admin.current(ctx)
    rules_admin.apply(ctx, info.rules, "同样的规则", today=TODAY)


def _office_plan(ctx: ServiceContext, _: Path) -> None:
    from tests.services.test_office_plans import png

    with ctx.read() as s:
        community = s.scalar(select(m.Community.id).order_by(m.Community.id))
    office_plans.load_plan(ctx, community, None, png(), "plan.png")


DO: dict[Action, Callable[[ServiceContext, Path], object]] = {
    Action.VIEW_DASHBOARD: lambda ctx, _: (roster_query.counts(ctx), coverage.monthly_rates(ctx, 2026, 11)),
    Action.LIST: lambda ctx, _: roster_query.list_elders(ctx),
    Action.VIEW_PERSON: lambda ctx, _: elders.get_elder(ctx, _someone(ctx), today=TODAY),
    Action.EDIT_ROSTER: _edit,
    Action.RECORD_VISITS: lambda ctx, _: visits.record_phone_check_in(
        ctx, _someone(ctx), "well", today=TODAY
    ),
    Action.PLAN_VISITS: lambda ctx, _: planning.plan_period(
        ctx, TODAY + timedelta(days=1), TODAY + timedelta(days=2)
    ),
    Action.CAMPAIGN: lambda ctx, _: worklists.create_campaign(ctx, "寒潮电话", "cold", ["red"], TODAY, 3),
    Action.EDIT_VOLUNTEERS: _volunteer,
    Action.ASSESS: lambda ctx, _: assessment.assess_all(ctx, today=TODAY, only_due=True),
    Action.PRINT: lambda ctx, tmp: printing.print_selection(
        ctx, tmp / "one.pdf", [_someone(ctx)], today=TODAY
    ),
    Action.EXPORT: lambda ctx, tmp: roster_export.export_roster(
        ctx,
        tmp / "red.xlsx",
        roster_export.ExportOptions(filter=roster_query.ElderFilter(level=Level.RED)),
        TODAY,
    ),
    Action.IMPORT: lambda ctx, tmp: roster_import.plan_import(ctx, [_workbook(tmp)], today=TODAY),
    Action.CHECK_DATABASE: lambda ctx, _: integrity.check(ctx),
    Action.VIEW_AUDIT: lambda ctx, _: audit_view.page(ctx, audit_view.AuditFilter()),
    Action.UNMASKED: lambda ctx, _: roster_query.list_elders(ctx, unmasked=True),
    Action.EDIT_RULES: _rules,
    Action.EDIT_POLICY: lambda ctx, _: visit_settings.save_policy(ctx, visit_settings.get_policy(ctx)),
    Action.EDIT_HOLIDAYS: lambda ctx, _: visit_settings.set_holiday(
        ctx, date(2027, 2, 20), "workday", "调休"
    ),
    Action.EDIT_PLACES: lambda ctx, _: places.add_place(ctx, "新丰社区/1网格"),
    Action.MANAGE_USERS: lambda ctx, _: users.add_user(ctx, "xiaozhang", "小张", "viewer", "Qiuzhi-2026"),
    Action.EDIT_OFFICE_PLAN: _office_plan,
    Action.EDIT_SERVICE_KINDS: lambda ctx, _: service_catalog.add_kind(ctx, "送药上门"),
}


def _audit_rows(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.AuditEntry)) or 0)


CELLS = [(action, role) for action in TABLE for role in ROLES]


@pytest.mark.parametrize(("action", "role"), CELLS, ids=[f"{a.value}-{r.value}" for a, r in CELLS])
def test_role_action_cell(demo_ctx: ServiceContext, tmp_path: Path, action: Action, role: Role) -> None:
    allowed = TABLE[action][ROLES.index(role)] == "Y"
    assert (role in ALLOWED[action]) == allowed, "domain.permissions disagrees with this table"
    ctx = ServiceContext(demo_ctx.db, ACTORS[role])
    if allowed:
        DO[action](ctx, tmp_path)
        return
    before = _audit_rows(demo_ctx)
    with pytest.raises(PermissionDenied) as refused:
        DO[action](ctx, tmp_path)
    assert "只有" in refused.value.zh and role.zh in refused.value.zh and "\n" not in refused.value.zh
    assert _audit_rows(demo_ctx) == before  # nothing was done


def test_the_table_covers_every_action() -> None:
    assert set(TABLE) == set(Action) == set(DO)


def test_a_worker_cannot_change_the_holiday_table(demo_ctx: ServiceContext) -> None:
    """It could before this issue: the holiday table is the supervisors' (it moves every plan)."""
    with pytest.raises(PermissionDenied) as refused:
        visit_settings.set_holiday(demo_ctx, date(2027, 2, 20), "workday", "调休")
    assert "督导" in refused.value.zh
    with pytest.raises(PermissionDenied):
        visit_settings.remove_holiday(demo_ctx, date(2027, 2, 20))
    assert visit_settings.list_holidays(demo_ctx, 2027) == []
