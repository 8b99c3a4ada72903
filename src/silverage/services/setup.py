"""A new office's places, as the setup wizard gathers them: typed, pasted as lines, or read from a workbook.

The wizard collects paths ("月河社区/3网格/1号微网格") from three sources and shows them as one tree
before anything is written; ``add_places`` then creates them in ONE transaction (audited like
``places add``), so a mistake on line 40 leaves nothing half made. Names are matched as tolerantly as
the importer matches workbooks: "月河/第三网格" next to an existing "月河社区/3网格" is that grid, not a
new one. Nothing here opens a dialog.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, UserError, ValidationError
from silverage.services.context import ServiceContext
from silverage.services.roster import places
from silverage.services.roster.place_match import PlaceIndex, clean_place_name
from silverage.services.roster.places import PlaceChange

_CELLS = re.compile(r"\t|\s{2,}|[,，;；|]")  # cells pasted from a spreadsheet, or typed apart


# ------------------------------------------------------------------ reading what the office has


def paths_from_text(text: str) -> list[str]:
    """Pasted lines as place paths, each once, in order.

    "月河社区/3网格/1号微网格" as written; cells pasted from Excel (tab-separated) join with "/", and a
    blank leading cell repeats the line above (a community written once over its grids). A line of
    more than three parts comes back as it is, for ``places.split_path`` to refuse with its reason."""
    out: list[str] = []
    above: list[str] = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        if "/" in line or "／" in line or ">" in line:
            parts = [p.strip() for p in re.split(r"[/／>＞]", line)]
        else:
            parts = [p.strip() for p in _CELLS.split(line.rstrip())]
        filled = [p or (above[i] if i < len(above) else "") for i, p in enumerate(parts)]
        # Only leading blanks are filled; trailing blanks end the path.
        while filled and not filled[-1]:
            filled.pop()
        if not filled or not all(filled):
            continue
        above = filled
        path = "/".join(clean_place_name(p) for p in filled)
        if path not in out:
            out.append(path)
    return out


@dataclass(frozen=True)
class WorkbookPlaces:
    paths: tuple[str, ...]
    problems: tuple[tuple[str, int, str, str], ...]  # sheet, row, zh, en
    sheets_read: int


def places_in_workbook(path: Path | str) -> WorkbookPlaces:
    """The places a workbook names: a place list or the roster itself (its 社区/网格/微网格 columns; a
    sheet without a community column, or without any place column, named like a community stands
    for that community). Reads only; the paths come back in the workbook's order, each once."""
    from silverage.io.place_list import read_places

    sheets = read_places(Path(path))
    out: list[str] = []
    problems: list[tuple[str, int, str, str]] = []
    named = set()
    for r in sheets.rows:
        community = r.community
        if not community and not sheets.has_community_column.get(r.sheet, False):
            community = r.sheet if places.looks_like_community(r.sheet) else ""
        if not community:
            problems.append(
                (r.sheet, r.row, "没有写社区：请加一列“社区”，或把工作表命名为社区名称",
                 "No community: add a community column, or name the sheet after the community")
            )  # fmt: skip
            continue
        if r.micro_grid and not r.grid:
            zh = f"微网格“{r.micro_grid}”没有写所属的网格"
            problems.append((r.sheet, r.row, zh, f"Micro-grid '{r.micro_grid}' has no grid"))
            continue
        named.add(r.sheet)
        p = "/".join(clean_place_name(x) for x in (community, r.grid, r.micro_grid) if x)
        if p not in out:
            out.append(p)
    for title in sheets.skipped:  # a sheet per community with no place column at all
        if places.looks_like_community(title) and clean_place_name(title) not in out:
            out.append(clean_place_name(title))
            named.add(title)
    return WorkbookPlaces(tuple(out), tuple(problems), len(named))


# ------------------------------------------------------------------ creating them


def _plan(idx: PlaceIndex, path: str) -> None:
    """Find or plan every part of ``path`` (a readable UserError when a part cannot be used)."""
    parts = places.split_path(path)
    parent: int | None = None
    for level, part in zip(places.LEVELS, parts, strict=False):
        name = clean_place_name(part)
        zh, en = places.WORDS[level]
        if len(name) > places.MAX_NAME:
            raise UserError(
                f"{zh}名称“{name}”太长（最多{places.MAX_NAME}个字）",
                f"The {en} name '{name}' is too long ({places.MAX_NAME} at most)",
            )
        if level == "community":
            found = idx.find_communities(name)
        elif level == "grid":
            assert parent is not None
            found = idx.find_grids(parent, name)
        else:
            assert parent is not None
            found = idx.find_micros(parent, name)
        if found and idx.is_archived(level, found[0]):
            where = idx.path_of(level, found[0])
            raise UserError(
                f"地点“{where}”已归档；请先在地点页面恢复它，或换一个名称",
                f"The place '{where}' is archived; restore it on the places page first, or use another name",
            )
        parent = found[0] if found else idx.plan(level, parent, name)


def _planned(idx: PlaceIndex, paths: Iterable[str]) -> None:
    problems = []
    for path in paths:
        try:
            _plan(idx, path)
        except UserError as exc:
            problems.append(Problem("places", f"“{path}”：{exc.zh}", f"'{path}': {exc.en}"))
    if problems:
        raise ValidationError(problems)


def check_places(ctx: ServiceContext, paths: Sequence[str]) -> list[str]:
    """What ``add_places`` would create (paths, parents first), writing nothing; a ValidationError
    naming every unusable line."""
    ctx.require(Action.EDIT_PLACES)
    with ctx.read() as s:
        idx = PlaceIndex.load(s)
    _planned(idx, paths)
    return [p.path for p in idx.pending]


def add_places(ctx: ServiceContext, paths: Sequence[str]) -> PlaceChange:
    """Create every place ``paths`` names that does not exist yet, in one transaction (audited)."""
    ctx.require(Action.EDIT_PLACES)
    with ctx.transaction() as s:
        idx = PlaceIndex.load(s)
        _planned(idx, paths)
        created = tuple(p.path for p in idx.pending)
        if created:
            places.create_pending(s, ctx.actor, idx)
    return PlaceChange(f"已新建{len(created)}个地点", f"Created {len(created)} place(s)", created)
