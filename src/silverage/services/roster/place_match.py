"""Match the place names written in a workbook to the subdistrict's communities, grids and micro-grids.

Decision (documented in README): names are matched *tolerantly* — full-width/half-width, spaces, a
leading 第, Chinese numerals (三 = 3), the suffixes 社区 / 网格 / 号微网格, and the parent's name
written in front ("月河3网格" = "3网格" = "第三网格" inside 月河社区) are all ignored. An unknown or
ambiguous place is a *rejection* with the reason, never a new place: places are set up once by a
supervisor, and a typo must not create a phantom grid that nobody visits. Two exceptions, both
listed in the preview as places to create: an import run with ``create=True`` (a new office's first
import, by a supervisor) creates the places its rows name that match nothing; and a row that names
a grid but no micro-grid lands in that grid — in its only micro-grid, or else in the grid's
"未分微网格" (created for it when missing), never rejected for the missing micro-grid; a row that
names only a community with several grids lands in the community's "未分网格/未分微网格". Those
people make the roster's 待分配微网格 worklist.

New places are only *planned* here (``pending``, with negative ids); ``services.roster.places``
creates them inside the import's transaction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.problems import Problem
from silverage.domain.text import chinese_number
from silverage.services.scope import UNSCOPED

# Where a person lands whose row names a grid but no micro-grid, when the grid has no single one.
CATCH_ALL = "未分微网格"
# ... and whose row names only a community with several grids: that community's grid for them.
CATCH_ALL_GRID = "未分网格"

_CN_NUMBER = re.compile(r"[零一二两三四五六七八九十]+")


def _base(text: str) -> str:
    t = re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", text or ""))
    return _CN_NUMBER.sub(lambda mt: chinese_number(mt.group(0)), t)


def community_key(name: str) -> str:
    t = _base(name)
    for suffix in ("社区居委会", "居委会", "社区", "村"):
        if t.endswith(suffix) and len(t) > len(suffix):
            return t[: -len(suffix)]
    return t


def grid_key(name: str, community_name: str = "") -> str:
    t = _base(name)
    stem = community_key(community_name)
    if community_name and t.startswith(_base(community_name)):
        t = t[len(_base(community_name)) :]
    elif stem and t.startswith(stem) and len(t) > len(stem):
        t = t[len(stem) :]
    t = t.removeprefix("第")
    return t.removesuffix("网格").removesuffix("号") or t


def micro_key(name: str, grid_name: str = "", community_name: str = "") -> str:
    t = _base(name)
    full_grid = _base(grid_name)
    if full_grid and t.startswith(full_grid) and len(t) > len(full_grid):
        t = t[len(full_grid) :]
    t = t.removeprefix("第")
    for suffix in ("号微网格", "微网格", "号"):
        if t.endswith(suffix) and len(t) > len(suffix):
            t = t[: -len(suffix)]
            break
    return t


@dataclass(frozen=True)
class NewPlace:
    """A place an import (or ``places add``) will create: ``id`` is negative until it exists."""

    level: str  # "community" | "grid" | "micro_grid"
    id: int
    parent_id: int | None  # the community of a grid, the grid of a micro-grid (real or pending)
    name: str
    path: str  # "月河社区/3网格/1号微网格"


@dataclass
class PlaceIndex:
    communities: dict[int, str] = field(default_factory=dict)
    grids: dict[int, tuple[int, str]] = field(default_factory=dict)  # id -> (community id, name)
    micros: dict[int, tuple[int, str]] = field(default_factory=dict)  # id -> (grid id, name)
    archived: set[tuple[str, int]] = field(default_factory=set)  # (level, id) of archived places
    pending: list[NewPlace] = field(default_factory=list)  # places to create, in creation order
    # (community, grid, micro) as written -> candidate micro-grid ids or the Problem; a roster of
    # 100,000 rows names a few hundred distinct places, so each is worked out once.
    _cache: dict[tuple[str, str, str, bool], tuple[int, ...] | Problem] = field(
        default_factory=dict, repr=False
    )
    _index: _Keys | None = field(default=None, repr=False)

    @classmethod
    def load(cls, s: Session) -> PlaceIndex:
        """Every place of the subdistrict, archived ones too (whoever asks: scope is checked later)."""
        idx = cls()
        opts = UNSCOPED
        for cid, name, gone in s.execute(
            select(m.Community.id, m.Community.name, m.Community.archived)
            .order_by(m.Community.sort_order, m.Community.id)
            .execution_options(**opts)
        ):
            idx.communities[cid] = name
            if gone:
                idx.archived.add(("community", cid))
        for gid, cid, name, gone in s.execute(
            select(m.Grid.id, m.Grid.community_id, m.Grid.name, m.Grid.archived)
            .order_by(m.Grid.sort_order, m.Grid.id)
            .execution_options(**opts)
        ):
            idx.grids[gid] = (cid, name)
            if gone:
                idx.archived.add(("grid", gid))
        for mid, gid, name, gone in s.execute(
            select(m.MicroGrid.id, m.MicroGrid.grid_id, m.MicroGrid.name, m.MicroGrid.archived)
            .order_by(m.MicroGrid.sort_order, m.MicroGrid.id)
            .execution_options(**opts)
        ):
            idx.micros[mid] = (gid, name)
            if gone:
                idx.archived.add(("micro_grid", mid))
        return idx

    # ---------------------------------------------------------------- places and their parents

    def community_of(self, micro_id: int | None) -> int | None:
        if micro_id is None or micro_id not in self.micros:
            return None
        return self.grids[self.micros[micro_id][0]][0]

    def path_of(self, level: str, place_id: int) -> str:
        if level == "community":
            return self.communities[place_id]
        if level == "grid":
            cid, name = self.grids[place_id]
            return f"{self.communities[cid]}/{name}"
        gid, name = self.micros[place_id]
        return f"{self.path_of('grid', gid)}/{name}"

    def find_communities(self, name: str) -> list[int]:
        return list(self._keys().communities.get(community_key(name), []))

    def find_grids(self, community_id: int, name: str) -> list[int]:
        return list(self._grid_keys(community_id).get(grid_key(name, self.communities[community_id]), []))

    def find_micros(self, grid_id: int, name: str) -> list[int]:
        return list(self._micro_keys(grid_id).get(micro_key(name, self.grids[grid_id][1]), []))

    def grids_of(self, community_id: int) -> list[int]:
        return list(self._keys().grids_of.get(community_id, []))

    def micros_of(self, grid_id: int) -> list[int]:
        return list(self._keys().micros_of.get(grid_id, []))

    def is_archived(self, level: str, place_id: int) -> bool:
        """The place or one of its parents is archived."""
        if (level, place_id) in self.archived:
            return True
        if level == "micro_grid" and place_id in self.micros:
            return self.is_archived("grid", self.micros[place_id][0])
        if level == "grid" and place_id in self.grids:
            return self.is_archived("community", self.grids[place_id][0])
        return False

    def plan(self, level: str, parent_id: int | None, name: str) -> int:
        """Plan a new place (see ``pending``) and index it at once, so later rows find it."""
        name = clean_place_name(name)
        temp = -(len(self.pending) + 1)
        idx = self._keys()
        if level == "community":
            self.communities[temp] = name
            idx.communities.setdefault(community_key(name), []).append(temp)
        elif level == "grid":
            assert parent_id is not None
            self.grids[temp] = (parent_id, name)
            idx.grid_pos[temp] = len(idx.grid_pos)
            idx.grids_of.setdefault(parent_id, []).append(temp)
            idx.grid_keys.pop(parent_id, None)
        else:
            assert parent_id is not None
            self.micros[temp] = (parent_id, name)
            idx.micro_pos[temp] = len(idx.micro_pos)
            idx.micros_of.setdefault(parent_id, []).append(temp)
            idx.micro_keys.pop(parent_id, None)
        self.pending.append(NewPlace(level, temp, parent_id, name, self.path_of(level, temp)))
        self._cache.clear()  # a name that matched nothing may match now
        return temp

    def catch_all(self, grid_id: int) -> int:
        """The grid's "未分微网格", planned when the grid has none."""
        for mid in self.micros_of(grid_id):
            if self.micros[mid][1] == CATCH_ALL:
                return mid
        return self.plan("micro_grid", grid_id, CATCH_ALL)

    def community_catch_all(self, community_id: int) -> int:
        """The community's "未分网格/未分微网格", planned when missing."""
        grid = next((g for g in self.grids_of(community_id) if self.grids[g][1] == CATCH_ALL_GRID), None)
        if grid is None:
            grid = self.plan("grid", community_id, CATCH_ALL_GRID)
        return self.catch_all(grid)

    def is_catch_all(self, micro_id: int | None) -> bool:
        """The person has no micro-grid of their own yet (the 待分配微网格 worklist)."""
        return micro_id is not None and micro_id in self.micros and self.micros[micro_id][1] == CATCH_ALL

    def community_named(self, text: str) -> str:
        """The community a sheet title names ("月河社区", "月河"), or ""."""
        ids = self._keys().communities.get(community_key(text), [])
        return self.communities[ids[0]] if ids else ""

    def names_of(self, micro_id: int | None) -> tuple[str, str, str]:
        if micro_id is None or micro_id not in self.micros:
            return "", "", ""
        gid, mname = self.micros[micro_id]
        cid, gname = self.grids[gid]
        return self.communities[cid], gname, mname

    def resolve(
        self, community: str, grid: str, micro: str, current: int | None, create: bool = False
    ) -> int | None | Problem:
        """The micro-grid meant by the three names (any may be empty); ``current`` is kept when it fits.

        With ``create`` the places named that match nothing are planned (``pending``). A row that
        names a grid but no micro-grid lands in that grid whatever ``create`` says (see the module)."""
        key = (community, grid, micro, create)
        found = self._cache.get(key)
        if found is None:
            found = self._candidates_creating(community, grid, micro) if create else None
            if found is None:
                found = self._candidates(community, grid, micro)
            self._cache[key] = found
        if isinstance(found, Problem):
            return found
        if micro:
            return self._open(found[0])
        if not community and not grid:
            return current
        if current is not None and current in found:
            return current  # the stated grid/community still holds the person: keep the micro-grid
        live = [i for i in found if not self.is_archived("micro_grid", i)]
        # The only micro-grid takes the person, unless only the community is known and that one was
        # planned by this very import for other rows (then where they land would depend on row order).
        if len(live) == 1 and (grid or live[0] > 0):
            return live[0]
        if grid:
            grids = {self.micros[i][0] for i in found} or set(self._grid_candidates(community, grid))
            if len(grids) == 1:
                (gid,) = grids
                if self.is_archived("grid", gid):
                    return self._archived_problem("grid", gid)
                return self.catch_all(gid)  # lands in the grid, never rejected for the micro-grid
        if community and not grid:
            # Only the community is known: the person lands in its 未分网格/未分微网格 (the roster's
            # 待分配微网格 worklist), never rejected for the missing grid.
            comms = {self.community_of(i) for i in found} if found else set(self.find_communities(community))
            if len(comms) == 1:
                (cid,) = comms
                if cid is not None and not self.is_archived("community", cid):
                    return self.community_catch_all(cid)
        what = f"网格“{grid}”" if grid else f"社区“{community}”"
        if not found:
            return Problem(
                "grid",
                f"{what}下还没有网格，请填写“网格”一列",
                f"{grid or community} has no grid yet; fill in the grid column",
            )
        return Problem(
            "micro_grid",
            f"{what}下有{len(found)}个微网格，请填写“网格”或“微网格”一列",
            f"{grid or community} has {len(found)} micro-grids; fill in the grid or micro-grid column",
        )

    def _open(self, micro_id: int) -> int | Problem:
        if self.is_archived("micro_grid", micro_id):
            return self._archived_problem("micro_grid", micro_id)
        return micro_id

    def _archived_problem(self, level: str, place_id: int) -> Problem:
        path = self.path_of(level, place_id)
        return Problem(
            "micro_grid" if level == "micro_grid" else level,
            f"地点“{path}”已归档，不再登记新的人员；请核对地点，或请督导先恢复该地点",
            f"The place '{path}' is archived and takes nobody new; check the place or ask a supervisor "
            "to restore it",
        )

    def _grid_candidates(self, community: str, grid: str) -> list[int]:
        comm_ids = self.find_communities(community) if community else list(self.communities)
        return [g for c in comm_ids for g in self.find_grids(c, grid)]

    def _candidates_creating(self, community: str, grid: str, micro: str) -> tuple[int, ...] | Problem:
        """As ``_candidates``, planning the community, grid and micro-grid that match nothing."""
        if community:
            comm_ids = self.find_communities(community)
            if len(comm_ids) > 1:
                return self._candidates(community, grid, micro)
            if not comm_ids:
                comm_ids = [self.plan("community", None, community)]
        else:
            comm_ids = list(self.communities)
        grid_ids: list[int] = []
        if grid:
            grid_ids = [g for c in comm_ids for g in self.find_grids(c, grid)]
            if not grid_ids:
                if len(comm_ids) != 1:
                    return Problem(
                        "community",
                        f"没有名为“{grid}”的网格；要新建它，请填写它所属的社区",
                        f"No grid named '{grid}'; to create it, fill in its community",
                    )
                grid_ids = [self.plan("grid", comm_ids[0], grid)]
            elif len(grid_ids) > 1:
                return self._candidates(community, grid, micro)
        if micro:
            if not grid:
                grid_ids = [g for c in comm_ids for g in self.grids_of(c)]
            micro_ids = [i for g in grid_ids for i in self.find_micros(g, micro)]
            if not micro_ids:
                if len(grid_ids) != 1 or not grid:
                    return Problem(
                        "grid",
                        f"没有名为“{micro}”的微网格；要新建它，请填写它所属的网格",
                        f"No micro-grid named '{micro}'; to create it, fill in its grid",
                    )
                return (self.plan("micro_grid", grid_ids[0], micro),)
            if len(micro_ids) > 1:
                return self._candidates(community, grid, micro)
            return (micro_ids[0],)
        if grid:
            return tuple(i for g in grid_ids for i in self.micros_of(g))
        return tuple(i for c in comm_ids for g in self.grids_of(c) for i in self.micros_of(g))

    def _keys(self) -> _Keys:
        """Match keys of every place, worked out once (a demo of 100,000 people has ~24,000 micro-grids,
        and a scan of all of them per distinct name written made the preview quadratic)."""
        if self._index is None:
            idx = _Keys()
            for c, name in self.communities.items():
                idx.communities.setdefault(community_key(name), []).append(c)
            for pos, (g, (c, _)) in enumerate(self.grids.items()):
                idx.grid_pos[g] = pos
                idx.grids_of.setdefault(c, []).append(g)
            for pos, (i, (g, _)) in enumerate(self.micros.items()):
                idx.micro_pos[i] = pos
                idx.micros_of.setdefault(g, []).append(i)
            self._index = idx
        return self._index

    def _grid_keys(self, c: int) -> dict[str, list[int]]:
        idx = self._keys()
        found = idx.grid_keys.get(c)
        if found is None:
            cname = self.communities[c]
            found = idx.grid_keys[c] = {}
            for g in idx.grids_of.get(c, ()):
                found.setdefault(grid_key(self.grids[g][1], cname), []).append(g)
        return found

    def _micro_keys(self, g: int) -> dict[str, list[int]]:
        idx = self._keys()
        found = idx.micro_keys.get(g)
        if found is None:
            gname = self.grids[g][1]
            found = idx.micro_keys[g] = {}
            for i in idx.micros_of.get(g, ()):
                found.setdefault(micro_key(self.micros[i][1], gname), []).append(i)
        return found

    def _candidates(self, community: str, grid: str, micro: str) -> tuple[int, ...] | Problem:
        idx = self._keys()
        comm_ids = list(self.communities)
        if community:
            comm_ids = idx.communities.get(community_key(community), [])
            if not comm_ids:
                known = "、".join(self.communities.values())
                return Problem(
                    "community",
                    f"社区“{community}”不在本街道的社区名单中（现有：{known}）",
                    f"Community '{community}' is not one of this subdistrict's communities",
                )
        if grid:
            grid_ids = [
                g for c in comm_ids for g in self._grid_keys(c).get(grid_key(grid, self.communities[c]), ())
            ]
        else:
            grid_ids = [g for c in comm_ids for g in idx.grids_of.get(c, ())]
        grid_ids.sort(key=idx.grid_pos.__getitem__)  # the order a scan of every grid gives
        if grid:
            if not grid_ids:
                where = f"{community}中" if community else ""
                return Problem(
                    "grid",
                    f"{where}没有名为“{grid}”的网格，请核对网格名称",
                    f"No grid named '{grid}'{' in ' + community if community else ''}; check the name",
                )
            if len(grid_ids) > 1:
                return Problem(
                    "grid",
                    f"多个社区都有“{grid}”，请同时填写社区",
                    f"Several communities have a grid '{grid}'; fill in the community as well",
                )
        if micro:
            micro_ids = [
                i for g in grid_ids for i in self._micro_keys(g).get(micro_key(micro, self.grids[g][1]), ())
            ]
        else:
            micro_ids = [i for g in grid_ids for i in idx.micros_of.get(g, ())]
        micro_ids.sort(key=idx.micro_pos.__getitem__)
        if micro:
            if not micro_ids:
                return Problem(
                    "micro_grid",
                    f"没有名为“{micro}”的微网格，请核对微网格名称",
                    f"No micro-grid named '{micro}'; check the name",
                )
            if len(micro_ids) > 1:
                return Problem(
                    "micro_grid",
                    f"有多个“{micro}”微网格，请同时填写社区和网格",
                    f"Several micro-grids are named '{micro}'; fill in community and grid",
                )
            return (micro_ids[0],)
        return tuple(micro_ids)


@dataclass
class _Keys:
    """PlaceIndex's lookup tables: match key -> ids, per parent, and each place's position."""

    communities: dict[str, list[int]] = field(default_factory=dict)
    grids_of: dict[int, list[int]] = field(default_factory=dict)
    micros_of: dict[int, list[int]] = field(default_factory=dict)
    grid_pos: dict[int, int] = field(default_factory=dict)
    micro_pos: dict[int, int] = field(default_factory=dict)
    grid_keys: dict[int, dict[str, list[int]]] = field(default_factory=dict)
    micro_keys: dict[int, dict[str, list[int]]] = field(default_factory=dict)


def clean_place_name(name: str) -> str:
    """A place name as stored: NFKC (full-width letters and digits to half-width), spaces removed."""
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", name or ""))
