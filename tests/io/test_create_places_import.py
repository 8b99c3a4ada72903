"""A new office's first import: ``create_places`` makes the places its messy workbook names, in the
import's one transaction, and a row that names a grid but no micro-grid lands in that grid."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.enums import Role
from silverage.domain.problems import ConflictError, PermissionDenied
from silverage.services.context import Actor, ServiceContext
from silverage.services.print_export import roster_import
from silverage.services.roster import places
from tests.conftest import TODAY
from tests.io.helpers import make_id

pytestmark = pytest.mark.db

A, B, C, D, E = (make_id(date(1938 + i, 2, 3), seq=20 + i) for i in range(5))


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["南湖街道独居老人花名册"])
    ws.append(["序号", "姓名", "公民身份号码", "所在社区", "所在网格", "微网格"])
    ws.append([1, "张三", A, "月河社区", "第一网格", "1号微网格"])
    ws.append([2, "李四", B, "月河", "1网格", "2号"])  # the same community and grid, written loosely
    ws.append([3, "王五", C, "月河社区", "1网格", None])  # no micro-grid: lands in the grid
    ws.append([4, "赵六", D, "月河社区", "第三网格", None])  # a new grid without micro-grids
    ws.append([5, "坏号", "330402194002031234", "南门社区", "1网格", "1号"])  # rejected: its place waits
    sheet = wb.create_sheet("梅湾社区")  # one sheet per community, no community column
    sheet.append(["姓名", "身份证号码", "网格", "微网格"])
    sheet.append(["钱七", E, "梅湾1网格", "1号微网格"])
    wb.save(path / "office.xlsx")
    return path / "office.xlsx"


def _count(ctx: ServiceContext, model: type) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _place_of(ctx: ServiceContext, number: str) -> str:
    with ctx.read() as s:
        mg = s.scalar(select(m.Elder.micro_grid_id).where(m.Elder.id_number == number))
        idx = places.PlaceIndex.load(s)
    return idx.path_of("micro_grid", mg)


CREATED = [
    "月河社区",
    "月河社区/第一网格",
    "月河社区/第一网格/1号微网格",
    "月河社区/第一网格/2号",
    "月河社区/第一网格/未分微网格",
    "月河社区/第三网格",
    "月河社区/第三网格/未分微网格",
    "梅湾社区",
    "梅湾社区/梅湾1网格",
    "梅湾社区/梅湾1网格/1号微网格",
]


def test_an_empty_office_imports_its_workbook_with_the_places(
    supervisor_ctx: ServiceContext, tmp_path: Path
) -> None:
    ctx = supervisor_ctx
    path = _workbook(tmp_path)
    plan = roster_import.plan_import(ctx, [path], today=TODAY, create_places=True)
    assert plan.places_created == CREATED  # 南门社区 only served a rejected row: created when it is fixed
    assert len(plan.created) == 5 and plan.rejected_rows == 1
    assert plan.as_json(False)["places_created"] == CREATED
    assert _count(ctx, m.Community) == 0  # the preview writes nothing
    result = roster_import.apply_plan(ctx, plan, today=TODAY)
    assert result.created == 5 and result.places_created == tuple(CREATED) and result.changes.places
    assert [n.path for root in places.tree(ctx) for n in root.walk()] == CREATED
    assert _place_of(ctx, B) == "月河社区/第一网格/2号"
    assert _place_of(ctx, C) == "月河社区/第一网格/未分微网格"
    assert _place_of(ctx, D) == "月河社区/第三网格/未分微网格"
    assert _place_of(ctx, E) == "梅湾社区/梅湾1网格/1号微网格"
    with ctx.read() as s:
        audited = set(
            s.scalars(
                select(m.AuditEntry.new_value).where(
                    m.AuditEntry.action == "create",
                    m.AuditEntry.field == "name",
                    m.AuditEntry.table_name.in_(places.LEVELS),
                )
            )
        )
    assert audited == set(CREATED)


def test_without_create_places_unknown_places_are_still_refused(
    supervisor_ctx: ServiceContext, tmp_path: Path
) -> None:
    places.add_place(supervisor_ctx, "月河社区/1网格/1号微网格")
    places.add_place(supervisor_ctx, "月河社区/1网格/2号微网格")
    plan = roster_import.plan_import(supervisor_ctx, [_workbook(tmp_path)], today=TODAY)
    reasons = {r.row: r.zh for r in plan.rejected}
    assert "第三网格" in reasons[6] and "请核对网格名称" in reasons[6]  # no phantom grid from a typo
    assert "不在本街道的社区名单中" in reasons[7]
    # 王五 names 1网格 but no micro-grid: the grid has two, so he lands in its 未分微网格 — never rejected
    assert 5 not in reasons and plan.places_created == ["月河社区/1网格/未分微网格"]
    roster_import.apply_plan(supervisor_ctx, plan, today=TODAY)
    assert _place_of(supervisor_ctx, C) == "月河社区/1网格/未分微网格"


def test_a_grid_with_one_micro_grid_takes_the_person_in_it(
    supervisor_ctx: ServiceContext, tmp_path: Path
) -> None:
    places.add_place(supervisor_ctx, "月河社区/1网格/1号微网格")
    places.add_place(supervisor_ctx, "月河社区/3网格")
    plan = roster_import.plan_import(supervisor_ctx, [_workbook(tmp_path)], today=TODAY)
    created = {p.name: p.inp.micro_grid_id for p in plan.created}
    with supervisor_ctx.read() as s:
        only = places.locate(places.PlaceIndex.load(s), "月河社区/1网格/1号微网格")[1]
    assert created["王五"] == only
    assert created["赵六"] < 0  # 3网格 has no micro-grid yet: one is made for it
    assert plan.places_created == ["月河社区/3网格/未分微网格"]


def test_only_supervisors_create_places(ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied) as err:
        roster_import.plan_import(ctx, [_workbook(tmp_path)], today=TODAY, create_places=True)
    assert "督导" in err.value.zh and _count(ctx, m.Community) == 0


def test_a_place_created_after_the_preview_cancels_the_import(
    supervisor_ctx: ServiceContext, tmp_path: Path
) -> None:
    plan = roster_import.plan_import(supervisor_ctx, [_workbook(tmp_path)], today=TODAY, create_places=True)
    places.add_place(supervisor_ctx, "梅湾社区")  # someone else, meanwhile
    with pytest.raises(ConflictError) as err:
        roster_import.apply_plan(supervisor_ctx, plan, today=TODAY)
    assert "重新预览" in err.value.zh
    assert _count(supervisor_ctx, m.Elder) == 0 and _count(supervisor_ctx, m.Community) == 1


def test_a_worker_imports_into_her_own_community_only(supervisor_ctx: ServiceContext, tmp_path: Path) -> None:
    places.add_place(supervisor_ctx, "月河社区/第一网格/1号微网格")
    places.add_place(supervisor_ctx, "月河社区/第一网格/2号")
    places.add_place(supervisor_ctx, "梅湾社区/梅湾1网格/1号微网格")
    with supervisor_ctx.read() as s:
        yuehe = s.scalar(select(m.Community.id).where(m.Community.name == "月河社区"))
    worker = ServiceContext(supervisor_ctx.db, Actor("li", Role.WORKER, "李社工", frozenset({yuehe})))
    plan = roster_import.plan_import(worker, [_workbook(tmp_path)], today=TODAY)
    assert sorted(p.name for p in plan.created) == ["张三", "李四", "王五"]
    outside = next(r for r in plan.rejected if r.sheet == "梅湾社区")
    assert "不在您负责的社区中" in outside.zh and "月河社区" in outside.zh
    roster_import.apply_plan(worker, plan, today=TODAY)
    assert _count(supervisor_ctx, m.Elder) == 3
