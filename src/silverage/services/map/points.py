"""The point map's data: every home of an active person as a point in its building, laid out.

One point per building (``domain.address.building_key``, or the worker's correction stored on the
person) inside its micro-grid; colour = the highest level living there, a ring when anyone there is
overdue (``worklists.overdue``, the dashboard's own rule). Everything returned is frozen and masked
(phones as 138****5678, no ID numbers), so the screen, the printout and ``--json`` show the same.

The layout is made from all of the place's buildings before the filter is applied, so a point
never moves when a level or living situation is filtered out; filtered points are just left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from silverage.db import models as m
from silverage.domain import idcard
from silverage.domain.address import building_key, parse_address
from silverage.domain.enums import ElderStatus, Level
from silverage.domain.map_layout import Block, Layout, Rect, RegionBox, layout
from silverage.domain.permissions import Action
from silverage.domain.problems import UserError
from silverage.services.context import ServiceContext
from silverage.services.print_export.printing import _one_by_name as one_by_name
from silverage.services.roster.roster_query import mask_phone
from silverage.services.visits import worklists

# The level key of people not yet assessed, in counts and filters ("none" in --json too).
UNASSESSED = "none"
LEVEL_KEYS = (*(lv.value for lv in Level), UNASSESSED)
SHAPES = {"red": "disc", "yellow": "triangle", "green": "circle", UNASSESSED: "square"}
# What the map reads of each person: nothing more (no ID number), in the order ``_build`` unpacks.
PERSON_COLUMNS = (
    m.Elder.id,
    m.Elder.name,
    m.Elder.gender,
    m.Elder.birth_date,
    m.Elder.level,
    m.Elder.living,
    m.Elder.last_contact,
    m.Elder.phone,
    m.Elder.micro_grid_id,
    m.Elder.address_detail,
    m.Elder.address_building,
    m.Elder.address_unit,
    m.Elder.address_room,
    m.Elder.building_override,
)


@dataclass(frozen=True)
class MapFilter:
    """Which people the map shows. ``levels``: Level values and/or "none" (None: every level);
    ``living``: enums.Living values (None: all); ``overdue_only``: only people overdue."""

    levels: frozenset[str] | None = None
    living: frozenset[str] | None = None
    overdue_only: bool = False

    def keeps(self, p: MapPerson) -> bool:
        if self.levels is not None and (p.level or UNASSESSED) not in self.levels:
            return False
        if self.living is not None and p.living not in self.living:
            return False
        return not self.overdue_only or p.overdue


EVERYONE = MapFilter()


@dataclass(frozen=True)
class MapPerson:
    """One person in a point, masked: what a hover list or a printed label may show."""

    elder_id: int
    name: str
    gender: str  # enums.Gender value
    age: int
    level: str | None  # enums.Level value, None = not assessed
    living: str  # enums.Living value
    overdue: bool
    last_contact: date | None
    phone_masked: str
    unit_room: str  # 2单元301室: where in the building
    overridden: bool  # the building is a worker's correction, not read from the address


@dataclass(frozen=True)
class MapPoint:
    """One building on the map."""

    key: str  # "<micro_grid_id>:<building_key>": unique in the subdistrict, stable across runs
    building_key: str  # 中山路12号3幢 ("" when the address says nothing: then one point per person)
    label: str  # what is written under the point
    community_id: int
    grid_id: int
    micro_grid_id: int
    x: float  # centre in the layout's units (y downwards)
    y: float
    people: tuple[MapPerson, ...]  # the shown people, highest level first

    @property
    def level(self) -> str | None:
        """The highest level living here (None when nobody here is assessed)."""
        levels = [p.level for p in self.people if p.level]
        return max(levels, key=lambda v: Level(v).rank) if levels else None

    @property
    def level_key(self) -> str:
        return self.level or UNASSESSED

    @property
    def shape(self) -> str:
        """ "disc" ● red, "triangle" ▲ yellow, "circle" ○ green, "square" □ not assessed."""
        return SHAPES[self.level_key]

    @property
    def count(self) -> int:
        return len(self.people)

    @property
    def overdue(self) -> bool:
        return any(p.overdue for p in self.people)


@dataclass(frozen=True)
class PointMap:
    """The map of one community or one grid."""

    kind: str  # "community" or "grid"
    place_id: int
    title: str  # 月河社区 or 月河社区 · 第1网格
    community: str
    width: float
    height: float
    regions: tuple[RegionBox, ...]  # keys "c<id>", "g<id>", "m<id>"; parents before children
    points: tuple[MapPoint, ...]  # only points with someone the filter keeps
    buildings: int  # every building of the place, shown or not
    people_total: int  # every active person of the place, shown or not
    filter: MapFilter = field(default=EVERYONE)

    @property
    def people(self) -> int:
        return sum(p.count for p in self.points)

    def counts(self) -> dict[str, int]:
        """Points per level key (red, yellow, green, none)."""
        out = dict.fromkeys(LEVEL_KEYS, 0)
        for p in self.points:
            out[p.level_key] += 1
        return out

    def people_counts(self) -> dict[str, int]:
        out = dict.fromkeys(LEVEL_KEYS, 0)
        for p in self.points:
            for person in p.people:
                out[person.level or UNASSESSED] += 1
        return out

    def region(self, key: str) -> RegionBox | None:
        return next((r for r in self.regions if r.key == key), None)


@dataclass(frozen=True)
class MapPlace:
    """A place a map can be made of, in the office's order: a community and its grids."""

    community_id: int
    community: str
    grids: tuple[tuple[int, str], ...]


# ------------------------------------------------------------------ reading


def places(ctx: ServiceContext) -> list[MapPlace]:
    ctx.require(Action.LIST)
    stmt = (
        select(m.Community.id, m.Community.name, m.Grid.id, m.Grid.name)
        .outerjoin(m.Grid, (m.Grid.community_id == m.Community.id) & m.Grid.archived.is_(False))
        .where(m.Community.archived.is_(False))
        .order_by(m.Community.sort_order, m.Community.id, m.Grid.sort_order, m.Grid.id)
    )
    grouped: dict[tuple[int, str], list[tuple[int, str]]] = {}
    with ctx.read() as s:
        for cid, cname, gid, gname in s.execute(stmt):
            grouped.setdefault((cid, cname), [])
            if gid is not None:
                grouped[(cid, cname)].append((gid, gname))
    return [MapPlace(cid, name, tuple(grids)) for (cid, name), grids in grouped.items()]


def find_place(ctx: ServiceContext, community: str | None, grid: str | None) -> tuple[int | None, int | None]:
    """(community id, grid id) from names typed by a person (a number is taken as the id; a grid may
    be written 社区/网格, as ``places add`` takes it)."""
    ctx.require(Action.LIST)
    with ctx.read() as s:
        if grid and "/" in grid:
            path_community, _, grid = grid.strip().partition("/")
            if community and community.strip() != path_community.strip():
                raise UserError(
                    f"网格“{path_community}/{grid}”不在社区“{community}”",
                    f"The grid '{path_community}/{grid}' is not in the community '{community}'",
                )
            community = path_community
        cid = (
            one_by_name(s, m.Community, community, "社区", "community", m.Community.archived.is_(False))
            if community
            else None
        )
        gid = _find_grid(s, grid, cid) if grid else None
    return cid, gid


def _find_grid(s, name: str, cid: int | None) -> int:  # type: ignore[no-untyped-def]
    """The grid named ``name`` (in community ``cid``); refuses a name the community does not hold
    but another does, and a name several communities hold, listing them as 社区/网格."""
    text = name.strip()
    live = m.Grid.archived.is_(False)
    if not text.isdigit():
        rows = s.execute(
            select(m.Grid.id, m.Grid.community_id, m.Community.name)
            .join(m.Community, m.Grid.community_id == m.Community.id)
            .where(live, m.Grid.name == text)
            .order_by(m.Community.name)
        ).all()
        mine = [r for r in rows if cid is None or r[1] == cid]
        if cid is not None and rows and not mine:
            here = s.scalar(select(m.Community.name).where(m.Community.id == cid))
            where = "、".join(r[2] for r in rows)
            raise UserError(
                f"{text}在{where}，不在{here}（可写 {rows[0][2]}/{text}）",
                f"The grid {text} is in {', '.join(r[2] for r in rows)}, not in {here}",
            )
        if len(mine) > 1:
            paths = [f"{r[2]}/{text}" for r in mine]
            raise UserError(
                f"有 {len(mine)} 个网格叫“{text}”，请写成 社区/网格：{'、'.join(paths)}",
                f"{len(mine)} grids are named '{text}'; write community/grid: {', '.join(paths)}",
            )
    in_community = (m.Grid.community_id == cid,) if cid else ()
    return one_by_name(s, m.Grid, text, "网格", "grid", live, *in_community)


def point_map(
    ctx: ServiceContext,
    *,
    community_id: int | None = None,
    grid_id: int | None = None,
    filter: MapFilter = EVERYONE,  # noqa: A002 (the word people use)
    today: date | None = None,
) -> PointMap:
    """The map of a grid (``grid_id``) or of a whole community (``community_id``)."""
    ctx.require(Action.LIST)
    if (community_id is None) == (grid_id is None):
        raise UserError("请选择一个社区或一个网格", "Choose one community or one grid")
    today = today or ctx.clock.today()
    with ctx.read() as s:
        return _build(ctx, s, community_id, grid_id, filter, today)


def point_maps(
    ctx: ServiceContext,
    *,
    community_id: int | None = None,
    filter: MapFilter = EVERYONE,
    today: date | None = None,
) -> list[PointMap]:
    """One map per grid: of one community, or of every community (``community_id`` None)."""
    ctx.require(Action.LIST)
    today = today or ctx.clock.today()
    with ctx.read() as s:
        stmt = (
            select(m.Grid.id)
            .join(m.Community, m.Grid.community_id == m.Community.id)
            .where(m.Grid.archived.is_(False), m.Community.archived.is_(False))
            .order_by(m.Community.sort_order, m.Community.id, m.Grid.sort_order, m.Grid.id)
        )
        if community_id is not None:
            stmt = stmt.where(m.Grid.community_id == community_id)
        return [_build(ctx, s, None, gid, filter, today) for gid in list(s.scalars(stmt))]


def _build(
    ctx: ServiceContext,
    s,  # type: ignore[no-untyped-def]
    community_id: int | None,
    grid_id: int | None,
    flt: MapFilter,
    today: date,
) -> PointMap:
    places_stmt = (
        select(m.Community.id, m.Community.name, m.Grid.id, m.Grid.name, m.MicroGrid.id, m.MicroGrid.name)
        .join(m.Grid, m.Grid.community_id == m.Community.id)
        .outerjoin(m.MicroGrid, (m.MicroGrid.grid_id == m.Grid.id) & m.MicroGrid.archived.is_(False))
        .where(m.Grid.archived.is_(False))
        .order_by(m.Grid.sort_order, m.Grid.id, m.MicroGrid.sort_order, m.MicroGrid.id)
    )
    places_stmt = (
        places_stmt.where(m.Grid.id == grid_id)
        if grid_id is not None
        else places_stmt.where(m.Community.id == community_id)
    )
    rows = s.execute(places_stmt).all()
    if not rows:
        if grid_id is not None:
            raise UserError(f"找不到编号为 {grid_id} 的网格", f"No grid number {grid_id}")
        name = s.scalar(select(m.Community.name).where(m.Community.id == community_id))
        if name is None:
            raise UserError(f"找不到编号为 {community_id} 的社区", f"No community number {community_id}")
        raise UserError(f"社区“{name}”还没有网格，无法画点位图", f"Community '{name}' has no grids: no map")
    cid, cname = rows[0][0], rows[0][1]
    grids: dict[int, str] = {}
    micro: dict[int, list[tuple[int, str]]] = defaultdict(list)
    micro_grid_of: dict[int, int] = {}
    for _c, _cn, gid, gname, mid, mname in rows:
        grids[gid] = gname
        if mid is not None:
            micro[gid].append((mid, mname))
            micro_grid_of[mid] = gid

    # The dashboard's own overdue rule, asked for this place's micro-grids only (their index).
    overdue_ids = {r.elder_id for r in worklists.overdue(ctx, today, micro_grid_ids=micro_grid_of)}
    people = s.execute(
        select(*PERSON_COLUMNS, m.Elder.status).where(m.Elder.micro_grid_id.in_(list(micro_grid_of)))
    ).all()
    # Archived people are left out here, not in SQL: on a database without planner statistics a
    # WHERE on status draws SQLite to the status index (every active person of the subdistrict)
    # instead of the micro-grid index (this place's few).
    people = [row[:-1] for row in people if row[-1] == ElderStatus.ACTIVE.value]

    # building key -> people, per micro-grid; the sort key of each building for reading order
    homes: dict[tuple[int, str], list[MapPerson]] = defaultdict(list)
    order: dict[tuple[int, str], tuple[object, ...]] = {}
    for eid, name, gender, born, level, living, last, phone, mid, det, bld, unit, room, over in people:
        key = building_key(det, bld, unit, room, over) or f"#{eid}"  # no address: a point of its own
        parts = parse_address(key) if not key.startswith("#") else None
        home = (mid, key)
        order.setdefault(home, parts.sort_key if parts else ("\uffff", eid))
        where = parse_address(f"{det}{bld}{unit}{room}")
        homes[home].append(
            MapPerson(
                eid,
                name,
                gender,
                idcard.age_on(born, today),
                level,
                living,
                eid in overdue_ids,
                last,
                mask_phone(phone),
                f"{where.unit}{where.room}",
                bool(over.strip()),
            )
        )

    by_micro: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for home in sorted(homes, key=lambda h: (order[h], h[1])):
        by_micro[home[0]].append(home)

    def micro_block(mid: int, mname: str, gname: str) -> Block:
        # 月河1网格3号微网格 inside the box of 月河1网格 reads as 3号微网格: the box says the rest.
        short = mname[len(gname) :] if mname.startswith(gname) and len(mname) > len(gname) else mname
        return Block(f"m{mid}", short, leaves=tuple(_point_key(h) for h in by_micro.get(mid, [])))

    def grid_block(gid: int) -> Block:
        children = tuple(micro_block(mid, mname, grids[gid]) for mid, mname in micro[gid])
        return Block(f"g{gid}", grids[gid], children=children or (Block(f"e{gid}", "（无微网格）"),))

    if grid_id is not None:
        root = grid_block(grid_id)
        kind, place_id, title = "grid", grid_id, f"{cname} · {grids[grid_id]}"
    else:
        root = Block(f"c{cid}", cname, children=tuple(grid_block(g) for g in grids))
        kind, place_id, title = "community", cid, cname
    lay: Layout = layout(root)

    rank = {lv.value: lv.rank for lv in Level}
    points = []
    for home, folks in homes.items():
        mid, key = home
        shown = tuple(
            sorted(
                (p for p in folks if flt.keeps(p)),
                key=lambda p: (-rank.get(p.level or "", -1), p.name, p.elder_id),
            )
        )
        if not shown:
            continue
        x, y = lay.positions[_point_key(home)]
        label = "地址不详" if key.startswith("#") else key
        points.append(
            MapPoint(
                _point_key(home),
                "" if key.startswith("#") else key,
                label,
                cid,
                micro_grid_of[mid],
                mid,
                x,
                y,
                shown,
            )
        )
    points.sort(key=lambda p: (p.y, p.x))
    return PointMap(
        kind,
        place_id,
        title,
        cname,
        lay.width,
        lay.height,
        lay.regions,
        tuple(points),
        len(homes),
        len(people),
        flt,
    )


def _point_key(home: tuple[int, str]) -> str:
    return f"{home[0]}:{home[1]}"


__all__ = [
    "EVERYONE",
    "LEVEL_KEYS",
    "UNASSESSED",
    "MapFilter",
    "MapPerson",
    "MapPlace",
    "MapPoint",
    "PointMap",
    "Rect",
    "find_place",
    "places",
    "point_map",
    "point_maps",
]
