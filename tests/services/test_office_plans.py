"""The office's own plan under the 点位图: an administrator loads an image and places buildings on it;
every step is audited, a replaced scan keeps the points, a bad file or a wrong role changes nothing,
and a community worker sees her own community's plan only."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.enums import Role
from silverage.domain.problems import PermissionDenied, UserError
from silverage.services import office_plans, users
from silverage.services.context import Actor, ServiceContext

pytestmark = pytest.mark.db


def png(width: int = 120, height: int = 80, fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (240, 236, 220)).save(out, fmt)
    return out.getvalue()


@pytest.fixture
def admin(demo_ctx: ServiceContext) -> ServiceContext:
    return ServiceContext(demo_ctx.db, Actor("admin", Role.ADMIN, "管理员"))


def _community(ctx: ServiceContext, name: str = "月河社区") -> int:
    with ctx.read() as s:
        return int(s.scalar(select(m.Community.id).where(m.Community.name == name)))


def _audit(ctx: ServiceContext, table: str) -> list[tuple[object, ...]]:
    with ctx.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(m.AuditEntry.action, m.AuditEntry.old_value, m.AuditEntry.new_value)
                .where(m.AuditEntry.table_name == table)
                .order_by(m.AuditEntry.id)
            )
        ]


def test_a_loaded_plan_and_its_placed_points_come_back_audited(admin: ServiceContext) -> None:
    cid = _community(admin)
    assert office_plans.plan_of(admin, cid) is None
    plan_id = office_plans.load_plan(admin, cid, None, png(), "月河社区平面图.png").plan_id
    office_plans.place_building(admin, plan_id, "中山路12号|3幢", 0.25, 0.5)
    office_plans.place_building(admin, plan_id, "中山路12号|3幢", 0.3, 0.6)  # moved

    plan = office_plans.plan_of(admin, cid)
    assert plan is not None and (plan.width, plan.height, plan.image_format) == (120, 80, "png")
    assert plan.file_name == "月河社区平面图.png"
    assert plan.positions == {"中山路12号|3幢": (0.3, 0.6)}
    assert _audit(admin, "office_plan") == [("create", None, "月河社区平面图.png 120x80")]
    assert _audit(admin, "office_plan_point") == [
        ("create", None, "0.2500,0.5000"),
        ("update", "0.2500,0.5000", "0.3000,0.6000"),
    ]
    assert (cid, None) in office_plans.places_with_plans(admin)


def test_a_sharper_scan_keeps_the_points_and_taking_back_returns_a_building_to_the_list(
    admin: ServiceContext,
) -> None:
    cid = _community(admin)
    plan_id = office_plans.load_plan(admin, cid, None, png(), "a.png").plan_id
    office_plans.place_building(admin, plan_id, "b1", 0.1, 0.2)
    office_plans.place_building(admin, plan_id, "b2", 0.7, 0.8)
    again = office_plans.load_plan(admin, cid, None, png(480, 320, "JPEG"), "b.jpg").plan_id
    assert again == plan_id
    plan = office_plans.plan_of(admin, cid)
    assert plan is not None and (plan.width, plan.image_format) == (480, "jpeg")
    assert plan.positions == {"b1": (0.1, 0.2), "b2": (0.7, 0.8)}

    office_plans.take_back(admin, plan_id, "b1")
    assert set(office_plans.plan_of(admin, cid).positions) == {"b2"}  # type: ignore[union-attr]
    office_plans.remove_plan(admin, plan_id)
    assert office_plans.plan_of(admin, cid) is None
    with admin.read() as s:
        assert s.scalar(select(func.count()).select_from(m.OfficePlanPoint)) == 0
    assert [a for a, _, _ in _audit(admin, "office_plan")] == ["create", "update", "delete"]


def test_a_grid_has_its_own_plan_beside_the_community_one(admin: ServiceContext) -> None:
    cid = _community(admin)
    with admin.read() as s:
        gid = int(s.scalar(select(m.Grid.id).where(m.Grid.community_id == cid).order_by(m.Grid.id)))
    office_plans.load_plan(admin, cid, None, png(), "whole.png")
    office_plans.load_plan(admin, cid, gid, png(60, 60), "grid.png")
    assert office_plans.plan_of(admin, cid).file_name == "whole.png"  # type: ignore[union-attr]
    assert office_plans.plan_of(admin, cid, gid).file_name == "grid.png"  # type: ignore[union-attr]
    other = _community(admin, "梅湾社区")
    with pytest.raises(UserError, match="没有这个社区或网格"):
        office_plans.load_plan(admin, other, gid, png(), "wrong.png")  # that grid is not 梅湾's


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"not an image at all", "不是能读出的 PNG 或 JPG 图片"),
        (png()[:60], "不是能读出的 PNG 或 JPG 图片"),  # a truncated download
        (png(fmt="GIF"), "请另存为 PNG 或 JPG"),
    ],
    ids=["text", "truncated", "gif"],
)
def test_a_file_that_is_not_a_png_or_jpeg_is_refused_and_nothing_is_stored(
    admin: ServiceContext, data: bytes, words: str
) -> None:
    cid = _community(admin)
    with pytest.raises(UserError, match=words) as err:
        office_plans.load_plan(admin, cid, None, data, "扫描件.gif")
    assert "扫描件.gif" in err.value.zh and "扫描件.gif" in err.value.en
    assert office_plans.plan_of(admin, cid) is None and _audit(admin, "office_plan") == []


def test_an_unreadable_file_names_itself(admin: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="无法读取图片文件 missing.png"):
        office_plans.load_plan_file(admin, _community(admin), None, tmp_path / "missing.png")


def test_a_point_off_the_plan_is_refused(admin: ServiceContext) -> None:
    plan_id = office_plans.load_plan(admin, _community(admin), None, png(), "a.png").plan_id
    with pytest.raises(UserError, match="点位必须放在平面图范围内"):
        office_plans.place_building(admin, plan_id, "b1", 1.2, 0.5)
    assert _audit(admin, "office_plan_point") == []


def test_only_an_administrator_sets_up_plans_and_a_worker_sees_her_community_only(
    admin: ServiceContext, demo_ctx: ServiceContext
) -> None:
    yuehe, meiwan = _community(admin), _community(admin, "梅湾社区")
    plan_id = office_plans.load_plan(admin, yuehe, None, png(), "yuehe.png").plan_id
    office_plans.load_plan(admin, meiwan, None, png(), "meiwan.png")
    supervisor = ServiceContext(demo_ctx.db, Actor("duda", Role.SUPERVISOR, "王督导"))
    with pytest.raises(PermissionDenied, match="只有管理员可以设置点位图的社区平面图"):
        office_plans.place_building(supervisor, plan_id, "b1", 0.5, 0.5)
    zhao = ServiceContext(demo_ctx.db, users.actor_without_password(demo_ctx, "zhao"))  # 月河社区 only
    assert office_plans.plan_of(zhao, yuehe) is not None
    assert office_plans.plan_of(zhao, meiwan) is None
    assert office_plans.places_with_plans(zhao) == {(yuehe, None)}
    assert _audit(admin, "office_plan_point") == []
