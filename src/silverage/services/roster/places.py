"""The subdistrict's places: 社区 → 网格 → 微网格, set up and kept by supervisors and administrators.

A path names a place: "月河社区", "月河社区/3网格", "月河社区/3网格/1号微网格" (matched as tolerantly
as the importer matches workbooks, so "月河/第三网格" finds the same grid). Adding creates what is
missing along the path. Renaming to a name the importer could not tell apart from a neighbour's
("3网格" next to "第三网格") is refused. Merging moves every person and volunteer of one place into
another of the same level (audited per person and per volunteer) and then removes the emptied
place; grids and micro-grids merge only within one community (communities merge into each other,
which is how a misspelt community from an import is folded back). A place with active people or
volunteers is never archived, and nothing is deleted except a place emptied by a merge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.changes import Changes
from silverage.domain.enums import ElderStatus
from silverage.domain.permissions import Action
from silverage.domain.problems import ConflictError, Problem, UserError, ValidationError
from silverage.services import audit
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster.place_match import PlaceIndex, clean_place_name, community_key
from silverage.services.scope import UNSCOPED

LEVELS = ("community", "grid", "micro_grid")
WORDS = {"community": ("社区", "community"), "grid": ("网格", "grid"), "micro_grid": ("微网格", "micro-grid")}
_MODEL: dict[str, Any] = {"community": m.Community, "grid": m.Grid, "micro_grid": m.MicroGrid}
_CODE = {"community": ("C", 3), "grid": ("G", 4), "micro_grid": ("M", 5)}
_SEPARATORS = re.compile(r"\s*[/／>＞]\s*")
MAX_NAME = 50


# ------------------------------------------------------------------ reading


@dataclass(frozen=True)
class PlaceNode:
    level: str
    id: int
    name: str
    path: str
    sort_order: int
    archived: bool
    people: int  # active people here and below
    volunteers: int  # active volunteers here and below
    children: tuple[PlaceNode, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "level": self.level,
            "id": self.id,
            "name": self.name,
            "path": self.path,
            "archived": self.archived,
            "people": self.people,
            "volunteers": self.volunteers,
            "children": [c.as_json() for c in self.children],
        }

    def walk(self) -> list[PlaceNode]:
        """This node and every node below it, depth first."""
        out = [self]
        for c in self.children:
            out += c.walk()
        return out


def tree(ctx: ServiceContext, include_archived: bool = False) -> list[PlaceNode]:
    """The places with their active people and volunteers (a worker sees their communities only)."""
    ctx.require(Action.LIST)
    with ctx.read() as s:
        people = dict(
            s.execute(
                select(m.Elder.micro_grid_id, func.count())
                .where(m.Elder.status == ElderStatus.ACTIVE.value, m.Elder.micro_grid_id.is_not(None))
                .group_by(m.Elder.micro_grid_id)
            ).all()
        )
        vols = dict(
            s.execute(
                select(m.Volunteer.micro_grid_id, func.count())
                .where(m.Volunteer.active.is_(True), m.Volunteer.micro_grid_id.is_not(None))
                .group_by(m.Volunteer.micro_grid_id)
            ).all()
        )
        comms = s.execute(
            select(m.Community.id, m.Community.name, m.Community.sort_order, m.Community.archived).order_by(
                m.Community.sort_order, m.Community.id
            )
        ).all()
        grids = s.execute(
            select(m.Grid.id, m.Grid.community_id, m.Grid.name, m.Grid.sort_order, m.Grid.archived).order_by(
                m.Grid.sort_order, m.Grid.id
            )
        ).all()
        micros = s.execute(
            select(
                m.MicroGrid.id,
                m.MicroGrid.grid_id,
                m.MicroGrid.name,
                m.MicroGrid.sort_order,
                m.MicroGrid.archived,
            ).order_by(m.MicroGrid.sort_order, m.MicroGrid.id)
        ).all()
    micro_by_grid: dict[int, list[Any]] = {}
    for r in micros:
        micro_by_grid.setdefault(r[1], []).append(r)
    grid_by_comm: dict[int, list[Any]] = {}
    for r in grids:
        grid_by_comm.setdefault(r[1], []).append(r)

    def keep(archived: bool) -> bool:
        return include_archived or not archived

    out = []
    for cid, cname, corder, carch in comms:
        if not keep(carch):
            continue
        grid_nodes = []
        for gid, _c, gname, gorder, garch in grid_by_comm.get(cid, []):
            if not keep(garch):
                continue
            micro_nodes = tuple(
                PlaceNode(
                    "micro_grid",
                    mid,
                    mname,
                    f"{cname}/{gname}/{mname}",
                    morder,
                    march,
                    people.get(mid, 0),
                    vols.get(mid, 0),
                )  # fmt: skip
                for mid, _g, mname, morder, march in micro_by_grid.get(gid, [])
                if keep(march)
            )
            grid_nodes.append(
                PlaceNode(
                    "grid",
                    gid,
                    gname,
                    f"{cname}/{gname}",
                    gorder,
                    garch,
                    sum(n.people for n in micro_nodes),
                    sum(n.volunteers for n in micro_nodes),
                    micro_nodes,
                )  # fmt: skip
            )
        out.append(
            PlaceNode(
                "community",
                cid,
                cname,
                cname,
                corder,
                carch,
                sum(n.people for n in grid_nodes),
                sum(n.volunteers for n in grid_nodes),
                tuple(grid_nodes),
            )  # fmt: skip
        )
    return out


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class PlaceChange:
    zh: str
    en: str
    created: tuple[str, ...] = ()
    people_moved: int = 0
    volunteers_moved: int = 0

    @property
    def changes(self) -> Changes:
        return Changes(places=True)


# ------------------------------------------------------------------ paths


def split_path(path: str) -> list[str]:
    """ "月河社区 / 3网格/1号微网格" -> ["月河社区", "3网格", "1号微网格"] (1 to 3 parts)."""
    parts = [clean_place_name(p) for p in _SEPARATORS.split((path or "").strip())]
    if not parts or not all(parts) or len(parts) > 3:
        raise UserError(
            f"地点“{path}”写法不对：应写成 社区、社区/网格 或 社区/网格/微网格",
            f"The place '{path}' is not written right: community, community/grid or "
            "community/grid/micro-grid",
        )
    return parts


def _check_name(name: str, level: str) -> str:
    clean = clean_place_name(name)
    zh, en = WORDS[level]
    if not clean:
        raise ValidationError([Problem("name", f"{zh}名称不能为空", f"The {en} name is empty")])
    if len(clean) > MAX_NAME:
        raise ValidationError(
            [
                Problem(
                    "name",
                    f"{zh}名称太长（最多{MAX_NAME}个字）",
                    f"The {en} name is too long ({MAX_NAME} at most)",
                )
            ]
        )
    if _SEPARATORS.search(clean):
        raise ValidationError([Problem("name", f"{zh}名称里不能有“/”", f"A {en} name cannot contain '/'")])
    return clean


def _pick(idx: PlaceIndex, level: str, found: list[int], wanted: str, where: str) -> int:
    names = {"community": idx.communities, "grid": idx.grids, "micro_grid": idx.micros}[level]

    def name_of(i: int) -> str:
        v = names[i]
        return v if isinstance(v, str) else v[1]

    if len(found) > 1:
        exact = [i for i in found if name_of(i) == wanted]
        live = [i for i in found if not idx.is_archived(level, i)]
        found = exact if len(exact) == 1 else live if len(live) == 1 else found
    zh, en = WORDS[level]
    if not found:
        raise UserError(
            f"{where}没有名为“{wanted}”的{zh}", f"No {en} named '{wanted}'{' in ' + where if where else ''}"
        )
    if len(found) > 1:
        raise UserError(
            f"{where}有{len(found)}个{zh}与“{wanted}”相符，请写完整的名称",
            f"{len(found)} {en}s match '{wanted}'; write the full name",
        )
    return found[0]


def locate(idx: PlaceIndex, path: str) -> tuple[str, int]:
    """(level, id) of the place ``path`` names; a readable UserError when it names none or several."""
    parts = split_path(path)
    cid = _pick(idx, "community", idx.find_communities(parts[0]), parts[0], "")
    if len(parts) == 1:
        return "community", cid
    gid = _pick(idx, "grid", idx.find_grids(cid, parts[1]), parts[1], idx.communities[cid])
    if len(parts) == 2:
        return "grid", gid
    mid = _pick(idx, "micro_grid", idx.find_micros(gid, parts[2]), parts[2], idx.path_of("grid", gid))
    return "micro_grid", mid


def _siblings(idx: PlaceIndex, level: str, place_id: int) -> list[int]:
    if level == "community":
        return list(idx.communities)
    if level == "grid":
        return idx.grids_of(idx.grids[place_id][0])
    return idx.micros_of(idx.micros[place_id][0])


def _same_name(
    idx: PlaceIndex, level: str, parent: int | None, name: str, but: int | None = None
) -> int | None:
    """A place next to ``parent``'s others (not ``but``) the importer could not tell from ``name``."""
    if level == "community":
        found = idx.find_communities(name)
    elif level == "grid":
        assert parent is not None
        found = idx.find_grids(parent, name)
    else:
        assert parent is not None
        found = idx.find_micros(parent, name)
    others = [i for i in found if i != but]
    return others[0] if others else None


def _parent(idx: PlaceIndex, level: str, place_id: int) -> int | None:
    if level == "community":
        return None
    return idx.grids[place_id][0] if level == "grid" else idx.micros[place_id][0]


def _model_row(s: Session, level: str, place_id: int) -> Any:
    row = s.get(_MODEL[level], place_id, execution_options=UNSCOPED)
    assert row is not None
    return row


# ------------------------------------------------------------------ creating


def _next_code(s: Session, level: str, used: dict[str, set[str]]) -> str:
    model = _MODEL[level]
    prefix, width = _CODE[level]
    taken = used.get(level)
    if taken is None:
        taken = used[level] = set(s.scalars(select(model.code).execution_options(**UNSCOPED)))
    n = len(taken) + 1
    while f"{prefix}{n:0{width}d}" in taken:
        n += 1
    code = f"{prefix}{n:0{width}d}"
    taken.add(code)
    return code


def create_pending(s: Session, actor: Actor, idx: PlaceIndex) -> dict[int, int]:
    """Create the places ``idx`` planned, in order, inside the caller's transaction (audited); returns
    planned id -> real id. A place someone else created meanwhile is a conflict, not a duplicate."""
    ids: dict[int, int] = {}
    used: dict[str, set[str]] = {}
    for p in idx.pending:
        parent = ids.get(p.parent_id, p.parent_id) if p.parent_id is not None else None
        model = _MODEL[p.level]
        exists = select(model.id).where(model.name == p.name)
        siblings = select(func.max(model.sort_order))
        values: dict[str, Any] = {}
        if p.level == "grid":
            exists, siblings = (
                exists.where(model.community_id == parent),
                siblings.where(model.community_id == parent),
            )
            values["community_id"] = parent
        elif p.level == "micro_grid":
            exists, siblings = exists.where(model.grid_id == parent), siblings.where(model.grid_id == parent)
            values["grid_id"] = parent
        if s.scalar(exists.execution_options(**UNSCOPED)) is not None:
            raise ConflictError(
                f"地点“{p.path}”刚刚已被他人建立，没有任何改动；请重新预览后再试",
                f"The place '{p.path}' was just created by someone else; nothing changed. Preview again",
            )
        order = s.scalar(siblings.execution_options(**UNSCOPED))
        row = model(
            code=_next_code(s, p.level, used),
            name=p.name,
            sort_order=(order + 1) if order is not None else 0,
            **values,
        )
        s.add(row)
        s.flush()
        ids[p.id] = row.id
        audit.record(s, actor, "create", p.level, row.id, field="name", new=p.path)
    return ids


def _plan_path(idx: PlaceIndex, parts: Sequence[str]) -> tuple[str, int]:
    """Find or plan each part of a path; returns the last place's (level, id)."""
    level_id: tuple[str, int] | None = None
    parent: int | None = None
    for level, part in zip(LEVELS, parts, strict=False):
        name = _check_name(part, level)
        found = _same_name(idx, level, parent, name)
        if found is not None and idx.is_archived(level, found):
            raise UserError(
                f"地点“{idx.path_of(level, found)}”已归档；请先恢复它（silverage places restore）",
                f"The place '{idx.path_of(level, found)}' is archived; restore it first",
            )
        place = found if found is not None else idx.plan(level, parent, name)
        level_id, parent = (level, place), place
    assert level_id is not None
    return level_id


def add_place(ctx: ServiceContext, path: str) -> PlaceChange:
    """Add a community, a grid or a micro-grid (and whatever is missing above it)."""
    ctx.require(Action.EDIT_PLACES)
    parts = split_path(path)
    with ctx.transaction() as s:
        idx = PlaceIndex.load(s)
        level, place = _plan_path(idx, parts)
        if not idx.pending:
            existing = idx.path_of(level, place)
            same = existing == "/".join(clean_place_name(p) for p in parts)
            raise UserError(
                f"地点“{existing}”已经存在，没有新建"
                + ("" if same else f"（“{parts[-1]}”与已有的名称视为同一个）"),
                f"The place '{existing}' exists already; nothing was added"
                + ("" if same else f" ('{parts[-1]}' counts as the same name)"),
            )
        created = tuple(p.path for p in idx.pending)
        create_pending(s, ctx.actor, idx)
    return PlaceChange(f"已新建：{'、'.join(created)}", f"Created: {', '.join(created)}", created)


# ------------------------------------------------------------------ renaming and ordering


def rename_place(ctx: ServiceContext, path: str, new_name: str) -> PlaceChange:
    ctx.require(Action.EDIT_PLACES)
    with ctx.transaction() as s:
        idx = PlaceIndex.load(s)
        level, place = locate(idx, path)
        name = _check_name(new_name, level)
        row = _model_row(s, level, place)
        old_path = idx.path_of(level, place)
        if row.name == name:
            raise UserError(f"“{old_path}”已经叫这个名字，没有改动", f"'{old_path}' already has that name")
        clash = _same_name(idx, level, _parent(idx, level, place), name, but=place)
        if clash is not None:
            zh, en = WORDS[level]
            raise UserError(
                f"已有{zh}“{idx.path_of(level, clash)}”，不能改成“{name}”（导入时无法区分两者）；"
                "如果是同一个地点，请用合并",
                f"There is already a {en} '{idx.path_of(level, clash)}'; '{name}' could not be told apart "
                "from it. If they are the same place, merge them",
            )
        audit.record(s, ctx.actor, "update", level, place, field="name", old=row.name, new=name)
        row.name = name
    return PlaceChange(f"已把“{old_path}”改名为“{name}”", f"Renamed '{old_path}' to '{name}'")


def reorder_place(ctx: ServiceContext, path: str, position: int) -> PlaceChange:
    """Put a place at ``position`` (1 = first) among its siblings, in lists, filters and printouts."""
    ctx.require(Action.EDIT_PLACES)
    with ctx.transaction() as s:
        idx = PlaceIndex.load(s)
        level, place = locate(idx, path)
        siblings = _siblings(idx, level, place)  # already in sort order
        if not 1 <= position <= len(siblings):
            raise ValidationError(
                [
                    Problem(
                        "position",
                        f"位置应在1到{len(siblings)}之间",
                        f"The position must be 1 to {len(siblings)}",
                    )
                ]
            )
        old = siblings.index(place) + 1
        siblings.remove(place)
        siblings.insert(position - 1, place)
        model = _MODEL[level]
        for order, pid in enumerate(siblings):
            s.execute(
                update(model).where(model.id == pid).values(sort_order=order).execution_options(**UNSCOPED)
            )
        audit.record(s, ctx.actor, "update", level, place, field="sort_order", old=old, new=position)
        where = idx.path_of(level, place)
    return PlaceChange(f"“{where}”现在排第{position}位", f"'{where}' is now number {position}")


# ------------------------------------------------------------------ moving people with their places


def _people_rows(s: Session, micro_ids: Sequence[int]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(id, micro-grid) of every person (any status) and every volunteer in these micro-grids."""
    if not micro_ids:
        return [], []
    elders = [
        (i, mg)
        for i, mg in s.execute(
            select(m.Elder.id, m.Elder.micro_grid_id)
            .where(m.Elder.micro_grid_id.in_(micro_ids))
            .execution_options(**UNSCOPED)
        )
    ]
    vols = [
        (i, mg)
        for i, mg in s.execute(
            select(m.Volunteer.id, m.Volunteer.micro_grid_id)
            .where(m.Volunteer.micro_grid_id.in_(micro_ids))
            .execution_options(**UNSCOPED)
        )
    ]
    return elders, vols


@dataclass
class _Moves:
    people: int = 0
    volunteers: int = 0
    entries: list[dict[str, Any]] = field(default_factory=list)


def _audit_moves(
    s: Session,
    actor: Actor,
    moves: _Moves,
    micro_ids: Sequence[int],
    old: dict[int, str],
    new: dict[int, str],
    why: str,
) -> None:
    """One audit row per person and per volunteer whose place changes (old path -> new path)."""
    elders, vols = _people_rows(s, micro_ids)
    for table, rows in (("elder", elders), ("volunteer", vols)):
        for rid, mg in rows:
            moves.entries.append(
                audit.entry(
                    actor, "update", table, rid, field="micro_grid_id", old=old[mg], new=new[mg], detail=why
                )
            )
        if table == "elder":
            moves.people += len(rows)
        else:
            moves.volunteers += len(rows)


def _merge_micro(s: Session, actor: Actor, idx: PlaceIndex, src: int, dst: int, moves: _Moves) -> None:
    old, new = idx.path_of("micro_grid", src), idx.path_of("micro_grid", dst)
    why = f"merge {old} -> {new}"
    _audit_moves(s, actor, moves, [src], {src: old}, {src: new}, why)
    for model in (m.Elder, m.Volunteer):
        s.execute(
            update(model)
            .where(model.micro_grid_id == src)
            .values(micro_grid_id=dst)
            .execution_options(**UNSCOPED)
        )
    _remove(s, actor, "micro_grid", src, old, new)


def _remove(s: Session, actor: Actor, level: str, place: int, old: str, into: str) -> None:
    audit.record(s, actor, "delete", level, place, field="name", old=old, detail=f"merged into {into}")
    s.execute(delete(_MODEL[level]).where(_MODEL[level].id == place).execution_options(**UNSCOPED))


def _move_micro(
    s: Session, actor: Actor, idx: PlaceIndex, micro: int, grid: int, moves: _Moves, why: str
) -> None:
    """Hang a micro-grid (with its people) under another grid."""
    old = idx.path_of("micro_grid", micro)
    name = idx.micros[micro][1]
    new = f"{idx.path_of('grid', grid)}/{name}"
    _audit_moves(s, actor, moves, [micro], {micro: old}, {micro: new}, why)
    order = s.scalar(
        select(func.max(m.MicroGrid.sort_order))
        .where(m.MicroGrid.grid_id == grid)
        .execution_options(**UNSCOPED)
    )
    audit.record(s, actor, "update", "micro_grid", micro, field="grid_id", old=old, new=new, detail=why)
    s.execute(
        update(m.MicroGrid)
        .where(m.MicroGrid.id == micro)
        .values(grid_id=grid, sort_order=(order + 1) if order is not None else 0)
        .execution_options(**UNSCOPED)
    )


def move_micro_grid(ctx: ServiceContext, path: str, grid_path: str) -> PlaceChange:
    """Move a micro-grid, with its people and volunteers, to another grid."""
    ctx.require(Action.EDIT_PLACES)
    moves = _Moves()
    with ctx.transaction() as s:
        idx = PlaceIndex.load(s)
        level, micro = locate(idx, path)
        tlevel, grid = locate(idx, grid_path)
        if level != "micro_grid" or tlevel != "grid":
            raise UserError(
                "只能把微网格移到网格下：第一个地点写到微网格（社区/网格/微网格），第二个写到网格（社区/网格）",
                "Only a micro-grid moves to a grid: give community/grid/micro-grid, then community/grid",
            )
        if idx.micros[micro][0] == grid:
            raise UserError("这个微网格已经在该网格下", "The micro-grid is in that grid already")
        if idx.is_archived("grid", grid):
            raise UserError(f"网格“{idx.path_of('grid', grid)}”已归档", f"The grid '{grid_path}' is archived")
        clash = _same_name(idx, "micro_grid", grid, idx.micros[micro][1])
        if clash is not None:
            raise UserError(
                f"网格“{idx.path_of('grid', grid)}”里已有“{idx.micros[clash][1]}”，不能再放一个同名的微网格；"
                "如果是同一个地点，请用合并",
                f"The grid already has a micro-grid '{idx.micros[clash][1]}'; merge them if they are "
                "the same",
            )
        old = idx.path_of("micro_grid", micro)
        new = f"{idx.path_of('grid', grid)}/{idx.micros[micro][1]}"
        _move_micro(s, ctx.actor, idx, micro, grid, moves, f"move {old} -> {new}")
        audit.record_many(s, moves.entries)
    return PlaceChange(
        f"已把“{old}”移到“{new}”（{moves.people}位老人、{moves.volunteers}名志愿者随之调整）",
        f"Moved '{old}' to '{new}' ({moves.people} people and {moves.volunteers} volunteers with it)",
        (),
        moves.people,
        moves.volunteers,
    )


def _merge_grid(s: Session, actor: Actor, idx: PlaceIndex, src: int, dst: int, moves: _Moves) -> None:
    old_grid, new_grid = idx.path_of("grid", src), idx.path_of("grid", dst)
    for micro in idx.micros_of(src):
        same = _same_name(idx, "micro_grid", dst, idx.micros[micro][1])
        if same is not None:
            _merge_micro(s, actor, idx, micro, same, moves)
        else:
            _move_micro(s, actor, idx, micro, dst, moves, f"merge {old_grid} -> {new_grid}")
    _remove(s, actor, "grid", src, old_grid, new_grid)


def _merge_community(s: Session, actor: Actor, idx: PlaceIndex, src: int, dst: int, moves: _Moves) -> None:
    old_c, new_c = idx.communities[src], idx.communities[dst]
    for grid in idx.grids_of(src):
        same = _same_name(idx, "grid", dst, idx.grids[grid][1])
        if same is not None:
            _merge_grid(s, actor, idx, grid, same, moves)
            continue
        micros = idx.micros_of(grid)
        old = {mg: idx.path_of("micro_grid", mg) for mg in micros}
        new = {mg: f"{new_c}/{idx.grids[grid][1]}/{idx.micros[mg][1]}" for mg in micros}
        _audit_moves(s, actor, moves, micros, old, new, f"merge {old_c} -> {new_c}")
        order = s.scalar(
            select(func.max(m.Grid.sort_order))
            .where(m.Grid.community_id == dst)
            .execution_options(**UNSCOPED)
        )
        audit.record(
            s, actor, "update", "grid", grid, field="community_id", old=idx.path_of("grid", grid),
            new=f"{new_c}/{idx.grids[grid][1]}", detail=f"merge {old_c} -> {new_c}",
        )  # fmt: skip
        s.execute(
            update(m.Grid)
            .where(m.Grid.id == grid)
            .values(community_id=dst, sort_order=(order + 1) if order is not None else 0)
            .execution_options(**UNSCOPED)
        )
    # Workers of the merged community now work for the one it joined.
    for uid in s.scalars(select(m.UserCommunity.user_id).where(m.UserCommunity.community_id == src)):
        has = s.get(m.UserCommunity, (uid, dst))
        if has is None:
            s.add(m.UserCommunity(user_id=uid, community_id=dst))
        audit.record(
            s, actor, "update", "app_user", uid, field="communities", old=old_c, new=new_c, detail="merge"
        )
    s.flush()
    s.execute(delete(m.UserCommunity).where(m.UserCommunity.community_id == src))
    _remove(s, actor, "community", src, old_c, new_c)


def merge_places(ctx: ServiceContext, path: str, into: str) -> PlaceChange:
    """Fold ``path`` into ``into`` (same level): people and volunteers move, audited one by one."""
    ctx.require(Action.EDIT_PLACES)
    moves = _Moves()
    with ctx.transaction() as s:
        idx = PlaceIndex.load(s)
        level, src = locate(idx, path)
        tlevel, dst = locate(idx, into)
        if level != tlevel:
            raise UserError(
                f"只能合并同一级的地点：“{path}”是{WORDS[level][0]}，“{into}”是{WORDS[tlevel][0]}",
                f"Only places of one level merge: '{path}' is a {WORDS[level][1]}, "
                f"'{into}' a {WORDS[tlevel][1]}",
            )
        if src == dst:
            raise UserError("两个地点是同一个，无需合并", "Both paths name the same place")
        if level != "community":
            c_src = idx.grids[src][0] if level == "grid" else idx.community_of(src)
            c_dst = idx.grids[dst][0] if level == "grid" else idx.community_of(dst)
            if c_src != c_dst:
                raise UserError(
                    f"不能合并到其他社区的地点：“{idx.path_of(level, src)}”属于{idx.communities[c_src]}，"
                    f"“{idx.path_of(level, dst)}”属于{idx.communities[c_dst]}；没有任何改动",
                    f"Cannot merge into a place of another community: '{idx.path_of(level, src)}' and "
                    f"'{idx.path_of(level, dst)}' are in different communities; nothing changed",
                )
        if idx.is_archived(level, dst):
            raise UserError(
                f"“{idx.path_of(level, dst)}”已归档，不能合并进去",
                f"'{into}' is archived; nothing can merge into it",
            )
        old, new = idx.path_of(level, src), idx.path_of(level, dst)
        {"community": _merge_community, "grid": _merge_grid, "micro_grid": _merge_micro}[level](
            s, ctx.actor, idx, src, dst, moves
        )
        audit.record_many(s, moves.entries)
    return PlaceChange(
        f"已把“{old}”合并到“{new}”（{moves.people}位老人、{moves.volunteers}名志愿者随之调整）",
        f"Merged '{old}' into '{new}' ({moves.people} people and {moves.volunteers} volunteers moved)",
        (),
        moves.people,
        moves.volunteers,
    )


# ------------------------------------------------------------------ archiving


def _micros_below(idx: PlaceIndex, level: str, place: int) -> list[int]:
    if level == "micro_grid":
        return [place]
    grids = [place] if level == "grid" else idx.grids_of(place)
    return [mg for g in grids for mg in idx.micros_of(g)]


def archive_place(ctx: ServiceContext, path: str) -> PlaceChange:
    """Stop using a place that has no active people or volunteers (its history stays)."""
    ctx.require(Action.EDIT_PLACES)
    with ctx.transaction() as s:
        idx = PlaceIndex.load(s)
        level, place = locate(idx, path)
        where = idx.path_of(level, place)
        if (level, place) in idx.archived:
            raise UserError(f"“{where}”已经归档", f"'{where}' is archived already")
        micros = _micros_below(idx, level, place)
        people = volunteers = 0
        if micros:
            opts = UNSCOPED
            people = s.scalar(
                select(func.count()).select_from(m.Elder)
                .where(m.Elder.micro_grid_id.in_(micros), m.Elder.status == ElderStatus.ACTIVE.value)
                .execution_options(**opts)
            ) or 0  # fmt: skip
            volunteers = s.scalar(
                select(func.count()).select_from(m.Volunteer)
                .where(m.Volunteer.micro_grid_id.in_(micros), m.Volunteer.active.is_(True))
                .execution_options(**opts)
            ) or 0  # fmt: skip
        if people or volunteers:
            raise UserError(
                f"“{where}”还有{people}位在册老人、{volunteers}名在岗志愿者，不能归档；"
                "请先把他们调到其他地点，或把这个地点合并到另一个地点",
                f"'{where}' still has {people} active people and {volunteers} active volunteers and cannot "
                "be archived; move them elsewhere first, or merge the place into another",
            )
        row = _model_row(s, level, place)
        row.archived = True
        audit.record(
            s, ctx.actor, "archive", level, place, field="archived", old=False, new=True, detail=where
        )
    return PlaceChange(f"已归档“{where}”", f"Archived '{where}'")


def restore_place(ctx: ServiceContext, path: str) -> PlaceChange:
    ctx.require(Action.EDIT_PLACES)
    with ctx.transaction() as s:
        idx = PlaceIndex.load(s)
        level, place = locate(idx, path)
        where = idx.path_of(level, place)
        if (level, place) not in idx.archived:
            raise UserError(f"“{where}”没有归档", f"'{where}' is not archived")
        row = _model_row(s, level, place)
        row.archived = False
        audit.record(
            s, ctx.actor, "restore", level, place, field="archived", old=True, new=False, detail=where
        )
    return PlaceChange(f"已恢复“{where}”", f"Restored '{where}'")


# ------------------------------------------------------------------ a place list from a workbook


@dataclass(frozen=True)
class PlaceImport:
    files: tuple[str, ...]
    rows_read: int
    created: tuple[str, ...]
    existing: int  # distinct places named that were there already
    problems: tuple[tuple[str, str, int, str, str], ...]  # file, sheet, row, zh, en
    skipped_sheets: tuple[tuple[str, str], ...]
    dry_run: bool

    @property
    def changes(self) -> Changes:
        return Changes(places=bool(self.created) and not self.dry_run)

    def as_json(self) -> dict[str, object]:
        return {
            "files": list(self.files),
            "dry_run": self.dry_run,
            "rows_read": self.rows_read,
            "places_created": list(self.created),
            "existing": self.existing,
            "skipped_sheets": [{"file": f, "sheet": sh} for f, sh in self.skipped_sheets],
            "errors": [
                {"file": f, "sheet": sh, "row": r, "message": zh, "message_en": en}
                for f, sh, r, zh, en in self.problems
            ],
        }


def looks_like_community(name: str) -> bool:
    """A sheet title such as "月河社区" (it ends as community names do), not "Sheet1" or "汇总"."""
    clean = clean_place_name(name)
    return bool(clean) and community_key(clean) != clean


def import_places(ctx: ServiceContext, paths: Sequence[Path | str], dry_run: bool = False) -> PlaceImport:
    """Create every place the workbooks name that matches none (loosely, as the importer matches),
    in one transaction; a sheet without a community column stands for the community it is named after."""
    from silverage.io.place_list import read_places

    ctx.require(Action.EDIT_PLACES)
    files = [Path(p) for p in paths]
    read = [(f.name, read_places(f)) for f in files]
    problems: list[tuple[str, str, int, str, str]] = []
    seen: set[tuple[str, int]] = set()
    rows = 0
    with ctx.read() if dry_run else ctx.transaction() as s:
        idx = PlaceIndex.load(s)
        for fname, sheets in read:
            for r in sheets.rows:
                rows += 1
                community = r.community
                if not community and not sheets.has_community_column.get(r.sheet, False):
                    found = idx.find_communities(r.sheet)
                    community = r.sheet if found or looks_like_community(r.sheet) else ""
                parts = [p for p in (community, r.grid, r.micro_grid) if p]
                if not community:
                    problems.append(
                        (fname, r.sheet, r.row, "没有写社区：请加一列“社区”，或把工作表命名为社区名称",
                         "No community: add a community column, or name the sheet after the community")
                    )  # fmt: skip
                    continue
                if r.micro_grid and not r.grid:
                    problems.append(
                        (fname, r.sheet, r.row, f"微网格“{r.micro_grid}”没有写所属的网格",
                         f"Micro-grid '{r.micro_grid}' has no grid")
                    )  # fmt: skip
                    continue
                try:
                    before = len(idx.pending)
                    place = _plan_path(idx, parts)
                except UserError as exc:
                    problems.append((fname, r.sheet, r.row, exc.zh, exc.en))
                    continue
                if len(idx.pending) == before:
                    seen.add(place)
        created = tuple(p.path for p in idx.pending)
        if not dry_run and idx.pending:
            create_pending(s, ctx.actor, idx)
            audit.record(
                s, ctx.actor, "import", "community", None,
                detail=f"place list: files={len(files)} created={len(created)}",
            )  # fmt: skip
    skipped = tuple((fname, sh) for fname, sheets in read for sh in sheets.skipped)
    return PlaceImport(tuple(f for f, _ in read), rows, created, len(seen), tuple(problems), skipped, dry_run)
