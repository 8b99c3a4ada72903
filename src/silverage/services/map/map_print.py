"""Printing the point map: one landscape page per grid, and a community's overview before its grids.

Read once, masked (no names reach the page: buildings, colours and counts), rendered, and recorded
in the audit trail like every printout of personal data (``printing._finish``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from silverage.domain.permissions import Action
from silverage.domain.problems import UserError
from silverage.domain.progress import Job, Progress, run_to_end
from silverage.reports.point_map import SIZES, MapPage, MapSymbol, PointMapDocument, write_point_map
from silverage.services.context import ServiceContext
from silverage.services.map import points as pm
from silverage.services.print_export import print_data as data
from silverage.services.print_export.printing import _finish, _once


@dataclass(frozen=True)
class MapPrintResult:
    path: Path
    pages: int
    people: int  # different people on the map
    buildings: int  # different buildings (points) on the map
    points: dict[str, int]  # buildings per level key: red, yellow, green, none

    def as_json(self) -> dict[str, object]:
        return {
            "kind": "point_map",
            "path": str(self.path),
            "people": self.people,
            "buildings": self.buildings,
            "points": self.points,
            "pages": self.pages,
        }


def _page(m: pm.PointMap, today: date) -> MapPage:
    def by_level(counts: dict[str, int]) -> dict[str | None, int]:
        return {(None if k == pm.UNASSESSED else k): v for k, v in counts.items()}

    symbols = tuple(MapSymbol(p.x, p.y, p.level, p.count, p.overdue, p.label) for p in m.points)
    return MapPage(
        m.title,
        today.isoformat(),
        m.width,
        m.height,
        m.regions,
        symbols,
        by_level(m.counts()),
        by_level(m.people_counts()),
        sum(1 for p in m.points if p.overdue),
    )


def map_job(
    ctx: ServiceContext,
    out: str | Path,
    *,
    community: str | None = None,
    grid: str | None = None,
    size: str = "A4",
    today: date | None = None,
    now: datetime | None = None,
) -> Job[MapPrintResult]:
    """The map of one grid (``grid``), of one community's grids with an overview first
    (``community``), or of every grid of the subdistrict (neither)."""
    ctx.require(Action.PRINT)
    if size not in SIZES:
        raise UserError(
            f"纸张只能是 A4 或 A3（不是 {size}）", f"The paper size must be A4 or A3 (not {size})"
        )
    today = today or ctx.clock.today()
    yield Progress(0, 0, "正在读取点位…")
    cid, gid = pm.find_place(ctx, community, grid)
    if gid is not None:
        maps = [pm.point_map(ctx, grid_id=gid, today=today)]
    else:
        maps = pm.point_maps(ctx, community_id=cid, today=today)
        if not maps:
            raise UserError("还没有任何网格，无法打印点位图", "There are no grids yet: no map to print")
        if cid is not None and len(maps) > 1:
            maps.insert(0, pm.point_map(ctx, community_id=cid, today=today))
    grid_maps = [m for m in maps if m.kind == "grid"]
    people = sum(m.people for m in grid_maps)
    buildings = sum(len(m.points) for m in grid_maps)
    levels = dict.fromkeys(pm.LEVEL_KEYS, 0)
    for m in grid_maps:
        for k, v in m.counts().items():
            levels[k] += v
    with ctx.read() as s:
        meta = data.doc_meta(s, ctx.actor, now or ctx.clock.now())
    doc = PointMapDocument(meta, size, tuple(_page(m, today) for m in maps), people)
    detail = {"community_id": cid, "grid_id": gid, "size": size, "buildings": buildings}
    result = yield from _finish(ctx, "point_map", Path(out), _once(lambda p: write_point_map(p, doc)), detail)
    return MapPrintResult(result.path, result.pages, people, buildings, levels)


def print_map(ctx: ServiceContext, out: str | Path, **kw: object) -> MapPrintResult:
    return run_to_end(map_job(ctx, out, **kw))  # type: ignore[arg-type]
