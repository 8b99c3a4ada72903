"""The office's own plan under the 点位图: one image per community (or grid), and where each building is.

The automatic schematic gives every office a map on day one; an office that has a plan of its
community (a scan of the wall chart, a screenshot of the street plan) loads it here and drags its
buildings onto it. Only an administrator sets plans up (``Action.EDIT_OFFICE_PLAN``); everyone who
may see the place's list sees them. Every load, placement and removal is one transaction with its
audit row. A point's place is stored as a fraction of the image (0..1 each way), so a sharper scan
of the same plan keeps every point where it was.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.permissions import Action
from silverage.domain.problems import UserError
from silverage.services import audit
from silverage.services.context import ServiceContext

MAX_BYTES = 20 * 1024 * 1024  # a 300 dpi A3 scan as JPEG is a few MB
MAX_PIXELS = 60_000_000  # larger would take seconds to show and hundreds of MB to hold
_FORMATS = {"PNG": "png", "JPEG": "jpeg", "MPO": "jpeg"}  # MPO: a phone camera's JPEG


@dataclass(frozen=True)
class OfficePlan:
    """One plan as the page shows it: the image's bytes and the placed buildings (key -> x, y)."""

    id: int
    community_id: int
    grid_id: int | None
    image: bytes
    image_format: str
    width: int
    height: int
    file_name: str
    loaded_by: str
    loaded_at: datetime
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanChange:
    """What a write did: which plan, and (for placements) which building."""

    plan_id: int | None
    building_key: str = ""


# ------------------------------------------------------------------ reading


def plan_of(ctx: ServiceContext, community_id: int, grid_id: int | None = None) -> OfficePlan | None:
    """The plan of a community (``grid_id`` None) or of one of its grids; None if none is loaded
    or the place is not the actor's to see."""
    ctx.require(Action.LIST)
    with ctx.read() as s:
        if _place_name(s, community_id, grid_id) is None:
            return None
        row = _plan_row(s, community_id, grid_id)
        if row is None:
            return None
        points = s.execute(
            select(m.OfficePlanPoint.building_key, m.OfficePlanPoint.x, m.OfficePlanPoint.y).where(
                m.OfficePlanPoint.plan_id == row.id
            )
        ).all()
        return OfficePlan(
            row.id,
            row.community_id,
            row.grid_id,
            row.image,
            row.image_format,
            row.width,
            row.height,
            row.file_name,
            row.loaded_by,
            row.loaded_at,
            {key: (x, y) for key, x, y in points},
        )


def places_with_plans(ctx: ServiceContext) -> set[tuple[int, int | None]]:
    """(community id, grid id or None) of every loaded plan the actor may see (the page marks them)."""
    ctx.require(Action.LIST)
    with ctx.read() as s:
        rows = s.execute(
            select(m.OfficePlan.community_id, m.OfficePlan.grid_id).join(
                m.Community, m.Community.id == m.OfficePlan.community_id
            )
        ).all()
    return {(c, g) for c, g in rows}


# ------------------------------------------------------------------ writing (administrators)


def load_plan_file(
    ctx: ServiceContext, community_id: int, grid_id: int | None, path: str | Path
) -> PlanChange:
    """Load (or replace) a plan from an image file; the placed points stay where they were."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(p.name, size)
        data = p.read_bytes()
    except OSError as exc:
        raise UserError(
            f"无法读取图片文件 {p.name}：{exc.strerror or exc}",
            f"Cannot read the image file {p.name}: {exc.strerror or exc}",
        ) from exc
    return load_plan(ctx, community_id, grid_id, data, p.name)


def load_plan(
    ctx: ServiceContext, community_id: int, grid_id: int | None, data: bytes, file_name: str
) -> PlanChange:
    """Load (or replace) the plan of a community or grid from an image's bytes (PNG or JPEG)."""
    ctx.require(Action.EDIT_OFFICE_PLAN)
    fmt, width, height = image_facts(data, file_name)
    name = file_name[-200:]
    with ctx.transaction() as s:
        place = _place_name(s, community_id, grid_id)
        if place is None:
            raise _no_place()
        row = _plan_row(s, community_id, grid_id)
        old = None if row is None else f"{row.file_name} {row.width}x{row.height}"
        if row is None:
            row = m.OfficePlan(community_id=community_id, grid_id=grid_id)
            s.add(row)
        row.image, row.image_format, row.width, row.height = data, fmt, width, height
        row.file_name, row.loaded_by, row.loaded_at = name, ctx.actor.username, ctx.clock.utcnow()
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "create" if old is None else "update",
            "office_plan",
            row.id,
            field="image",
            old=old,
            new=f"{name} {width}x{height}",
            detail=place,
        )
        return PlanChange(row.id)


def place_building(ctx: ServiceContext, plan_id: int, building_key: str, x: float, y: float) -> PlanChange:
    """Put (or move) one building on a plan at (x, y), fractions of the image's width and height."""
    ctx.require(Action.EDIT_OFFICE_PLAN)
    if not building_key:
        raise UserError("没有选中要放置的楼栋", "No building was chosen to place")
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
        raise UserError(
            f"点位必须放在平面图范围内：{building_key}",
            f"A point must lie on the plan: {building_key}",
        )
    with ctx.transaction() as s:
        plan = _visible_plan(s, plan_id)
        point = _point(s, plan.id, building_key)
        old = None if point is None else f"{point.x:.4f},{point.y:.4f}"
        if point is None:
            point = m.OfficePlanPoint(plan_id=plan.id, building_key=building_key[:200])
            s.add(point)
        point.x, point.y, point.placed_by = x, y, ctx.actor.username
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "create" if old is None else "update",
            "office_plan_point",
            point.id,
            field="position",
            old=old,
            new=f"{x:.4f},{y:.4f}",
            detail=f"plan={plan.id}; building={building_key}",
        )
        return PlanChange(plan.id, building_key)


def take_back(ctx: ServiceContext, plan_id: int, building_key: str) -> PlanChange:
    """Take a building off the plan: it waits in the side list again."""
    ctx.require(Action.EDIT_OFFICE_PLAN)
    with ctx.transaction() as s:
        plan = _visible_plan(s, plan_id)
        point = _point(s, plan.id, building_key)
        if point is not None:
            audit.record(
                s,
                ctx.actor,
                "delete",
                "office_plan_point",
                point.id,
                field="position",
                old=f"{point.x:.4f},{point.y:.4f}",
                detail=f"plan={plan.id}; building={building_key}",
            )
            s.delete(point)
        return PlanChange(plan.id, building_key)


def remove_plan(ctx: ServiceContext, plan_id: int) -> PlanChange:
    """Remove a plan and its placements: the place shows its schematic only."""
    ctx.require(Action.EDIT_OFFICE_PLAN)
    with ctx.transaction() as s:
        plan = _visible_plan(s, plan_id)
        placed = s.scalar(select(m.OfficePlanPoint.id).where(m.OfficePlanPoint.plan_id == plan.id).limit(1))
        audit.record(
            s,
            ctx.actor,
            "delete",
            "office_plan",
            plan.id,
            field="image",
            old=f"{plan.file_name} {plan.width}x{plan.height}",
            detail=f"{_place_name(s, plan.community_id, plan.grid_id)}; points={'yes' if placed else 'no'}",
        )
        s.execute(delete(m.OfficePlanPoint).where(m.OfficePlanPoint.plan_id == plan.id))
        s.delete(plan)
        return PlanChange(None)


# ------------------------------------------------------------------ checks


def image_facts(data: bytes, file_name: str = "") -> tuple[str, int, int]:
    """(format, width, height) of a PNG or JPEG; a readable UserError for anything else."""
    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_BYTES:
        raise _too_big(file_name, len(data))
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt, (width, height) = img.format or "", img.size
            img.verify()  # a truncated or damaged file fails here rather than on screen
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise UserError(
            f"{file_name or '所选文件'} 不是能读出的 PNG 或 JPG 图片",
            f"{file_name or 'The chosen file'} is not a readable PNG or JPG image",
        ) from exc
    if fmt not in _FORMATS:
        raise UserError(
            f"{file_name} 是 {fmt} 图片：请另存为 PNG 或 JPG 后再载入",
            f"{file_name} is a {fmt} image: save it as PNG or JPG, then load it",
        )
    if width * height > MAX_PIXELS:
        raise UserError(
            f"{file_name} 太大（{width}×{height} 像素）：请缩小到 6000 万像素以内",
            f"{file_name} is too large ({width}×{height} pixels): reduce it below 60 megapixels",
        )
    return _FORMATS[fmt], width, height


def _too_big(name: str, size: int) -> UserError:
    mb = size / 1024 / 1024
    return UserError(
        f"{name} 有 {mb:.0f} MB：平面图最大 20 MB，请压缩或缩小后再载入",
        f"{name} is {mb:.0f} MB: a plan may be at most 20 MB; compress or shrink it, then load it",
    )


def _no_place() -> UserError:
    return UserError(
        "没有这个社区或网格（或不在您负责的社区内）", "No such community or grid (or not one of yours)"
    )


def _place_name(s: Session, community_id: int, grid_id: int | None) -> str | None:
    """ "月河社区" / "月河社区/3网格", or None when the place is not there for this session's actor."""
    community = s.get(m.Community, community_id)  # the scope filter hides other workers' communities
    if community is None:
        return None
    if grid_id is None:
        return community.name
    grid = s.get(m.Grid, grid_id)
    if grid is None or grid.community_id != community_id:
        return None
    return f"{community.name}/{grid.name}"


def _plan_row(s: Session, community_id: int, grid_id: int | None) -> m.OfficePlan | None:
    grid = m.OfficePlan.grid_id.is_(None) if grid_id is None else m.OfficePlan.grid_id == grid_id
    return s.scalar(select(m.OfficePlan).where(m.OfficePlan.community_id == community_id, grid))


def _point(s: Session, plan_id: int, building_key: str) -> m.OfficePlanPoint | None:
    return s.scalar(
        select(m.OfficePlanPoint).where(
            m.OfficePlanPoint.plan_id == plan_id, m.OfficePlanPoint.building_key == building_key
        )
    )


def _visible_plan(s: Session, plan_id: int) -> m.OfficePlan:
    plan = s.get(m.OfficePlan, plan_id)
    if plan is None or _place_name(s, plan.community_id, plan.grid_id) is None:
        raise UserError("这张平面图已被删除，请刷新后再试", "This plan was removed; refresh and try again")
    return plan
