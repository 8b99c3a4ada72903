"""Match the place names written in a workbook to the subdistrict's communities, grids and micro-grids.

Decision (documented in README): names are matched *tolerantly* — full-width/half-width, spaces, a
leading 第, Chinese numerals (三 = 3), the suffixes 社区 / 网格 / 号微网格, and the parent's name
written in front ("月河3网格" = "3网格" = "第三网格" inside 月河社区) are all ignored. An unknown or
ambiguous place is a *rejection* with the reason, never a new place: places are set up once by a
supervisor, and a typo must not create a phantom grid that nobody visits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.problems import Problem

_CN_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUMBER = re.compile(r"[零一二两三四五六七八九十]+")


def _cn_to_int(text: str) -> str:
    if "十" not in text:
        return "".join(str(_CN_DIGITS[c]) for c in text)
    tens, _, ones = text.partition("十")
    return str((_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0))


def _base(text: str) -> str:
    t = re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", text or ""))
    return _CN_NUMBER.sub(lambda mt: _cn_to_int(mt.group(0)), t)


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


@dataclass
class PlaceIndex:
    communities: dict[int, str] = field(default_factory=dict)
    grids: dict[int, tuple[int, str]] = field(default_factory=dict)  # id -> (community id, name)
    micros: dict[int, tuple[int, str]] = field(default_factory=dict)  # id -> (grid id, name)
    # (community, grid, micro) as written -> candidate micro-grid ids or the Problem; a roster of
    # 100,000 rows names a few hundred distinct places, so each is worked out once.
    _cache: dict[tuple[str, str, str], tuple[int, ...] | Problem] = field(default_factory=dict, repr=False)
    _index: _Keys | None = field(default=None, repr=False)

    @classmethod
    def load(cls, s: Session) -> PlaceIndex:
        idx = cls()
        idx.communities = dict(s.execute(select(m.Community.id, m.Community.name)).all())
        idx.grids = {g: (c, n) for g, c, n in s.execute(select(m.Grid.id, m.Grid.community_id, m.Grid.name))}
        idx.micros = {
            i: (g, n) for i, g, n in s.execute(select(m.MicroGrid.id, m.MicroGrid.grid_id, m.MicroGrid.name))
        }
        return idx

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

    def resolve(self, community: str, grid: str, micro: str, current: int | None) -> int | None | Problem:
        """The micro-grid meant by the three names (any may be empty); ``current`` is kept when it fits."""
        key = (community, grid, micro)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._candidates(community, grid, micro)
        if isinstance(found, Problem):
            return found
        if micro:
            return found[0]
        if not community and not grid:
            return current
        if current is not None and current in found:
            return current  # the stated grid/community still holds the person: keep the micro-grid
        if len(found) == 1:
            return found[0]
        what = f"网格“{grid}”" if grid else f"社区“{community}”"
        return Problem(
            "micro_grid",
            f"{what}下有{len(found)}个微网格，请填写“微网格”一列",
            f"{grid or community} has {len(found)} micro-grids; fill in the micro-grid column",
        )

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
