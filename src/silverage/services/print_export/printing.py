"""Printing use cases: read once, mask, check the role, render, record the print in the audit trail.

Each printout is a generator job (``*_job``) yielding Progress, so the GUI can show progress and
cancel; plain functions wrap them for the command line. The PDF is written to a ``.part`` file and
only renamed into place after the audit row is committed: a cancelled or failed print leaves neither
a half-written file nor an audit row, and a file that exists was always recorded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain import visit_code
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, UserError
from silverage.domain.progress import Job, Progress, run_to_end
from silverage.io.file_check import check_output
from silverage.reports.blank_form import write_blank_form
from silverage.reports.call_list import write_call_list
from silverage.reports.data import RenderStats
from silverage.reports.roster_report import write_roster
from silverage.reports.visit_sheet import write_visit_sheets
from silverage.services import audit
from silverage.services.context import ServiceContext
from silverage.services.print_export import print_data as data


@dataclass(frozen=True)
class PrintResult:
    kind: str  # "visit_sheets", "selection_sheets", "roster", "call_list", "blank_form"
    path: Path
    pages: int
    people: int
    entries: int


@dataclass(frozen=True)
class VisitRef:
    """Enough to open the visit a returned sheet names (no personal data beyond the name)."""

    id: int
    code: str
    elder_id: int
    elder_name: str
    volunteer_name: str
    planned_date: date
    status: str


@dataclass(frozen=True)
class PrintChoices:
    """What the print panel offers, in the order people look for them: volunteers as (id, name,
    micro-grid) for the panel to word in the interface's language, micro-grids as (id, name)."""

    volunteers: tuple[tuple[int, str, str], ...]
    micro_grids: tuple[tuple[int, str], ...]
    campaigns: tuple[str, ...]


def choices(ctx: ServiceContext) -> PrintChoices:
    ctx.require(Action.PRINT)
    with ctx.read() as s:
        vols = s.execute(
            select(m.Volunteer.id, m.Volunteer.name, m.MicroGrid.name)
            .outerjoin(m.MicroGrid, m.Volunteer.micro_grid_id == m.MicroGrid.id)
            .where(m.Volunteer.active.is_(True))
            .order_by(m.Volunteer.name, m.Volunteer.id)
        )
        volunteers = tuple((vid, name, mg or "") for vid, name, mg in vols)
        grids = s.execute(
            select(m.MicroGrid.id, m.MicroGrid.name)
            .join(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
            .join(m.Community, m.Grid.community_id == m.Community.id)
            .order_by(m.Community.sort_order, m.Grid.sort_order, m.MicroGrid.sort_order)
        )
        micro_grids = tuple((gid, name) for gid, name in grids)
        campaigns = tuple(s.scalars(select(m.Campaign.name).order_by(m.Campaign.start_date.desc())))
    return PrintChoices(volunteers, micro_grids, campaigns)


# ------------------------------------------------------------------ lookups


def _one_by_name(s, model: type, name: str, what_zh: str, what_en: str, *where: Any) -> int:  # type: ignore[no-untyped-def]
    """An id from a name typed by a person; a number is taken as the id itself. ``where``: criteria
    the place must meet as well (not archived, in this community)."""
    text = name.strip()
    chosen = select(model.id).where(*where)
    if text.isdigit() and s.scalar(chosen.where(model.id == int(text))) is not None:
        return int(text)
    ids = list(s.scalars(chosen.where(model.name == text)))
    if len(ids) == 1:
        return ids[0]
    if not ids:
        near = list(s.scalars(select(model.name).where(model.name.contains(text[:1])).limit(5)))
        hint_zh = f"（相近的有：{'、'.join(near)}）" if near else ""
        hint_en = f" (similar: {', '.join(near)})" if near else ""
        raise UserError(f"没有名为“{text}”的{what_zh}{hint_zh}", f"No {what_en} named '{text}'{hint_en}")
    raise UserError(
        f"有 {len(ids)} 个{what_zh}叫“{text}”，请改用编号：{'、'.join(map(str, ids))}",
        f"{len(ids)} {what_en}s are named '{text}'; give the number instead: {', '.join(map(str, ids))}",
    )


def find_visit_by_code(ctx: ServiceContext, code: str) -> VisitRef:
    """The visit a returned sheet names; typing mistakes are caught by the code's check character."""
    ctx.require(Action.LIST)
    norm = visit_code.normalize(code)
    if isinstance(norm, Problem):
        raise UserError(norm.zh, norm.en)
    with ctx.read() as s:
        row = s.execute(
            select(
                m.Visit.id,
                m.Visit.code,
                m.Visit.elder_id,
                m.Elder.name,
                m.Volunteer.name,
                m.Visit.planned_date,
                m.Visit.status,
            )
            .join(m.Elder, m.Visit.elder_id == m.Elder.id)
            .outerjoin(m.Volunteer, m.Visit.volunteer_id == m.Volunteer.id)
            .where(m.Visit.code == norm)
        ).first()
    if row is None:
        raise UserError(
            f"找不到探访编号 {norm}：可能该探访已被删除，请核对探访单",
            f"No visit has the code {norm}: it may have been deleted; check the sheet",
        )
    return VisitRef(row[0], row[1], row[2], row[3], row[4] or "", row[5], row[6])


# ------------------------------------------------------------------ the common tail


def _finish(
    ctx: ServiceContext,
    kind: str,
    out: Path,
    render: Callable[[Path], Generator[Progress, None, RenderStats]],
    detail: dict[str, object],
    personal: bool = True,
) -> Generator[Progress, None, PrintResult]:
    out = Path(out)
    check_output(out)
    part = out.with_name(out.name + ".part")
    try:
        stats = yield from render(part)
        if personal:
            with ctx.transaction() as s:
                audit.record(
                    s,
                    ctx.actor,
                    "print",
                    "elder",
                    None,
                    field=kind,
                    new=stats.people,
                    detail=json.dumps(
                        {**detail, "pages": stats.pages, "entries": stats.entries, "people": stats.people},
                        ensure_ascii=False,
                        default=str,
                    ),
                )
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return PrintResult(kind, out, stats.pages, stats.people, stats.entries)


def _once(fn: Callable[[Path], RenderStats]) -> Callable[[Path], Generator[Progress, None, RenderStats]]:
    """A renderer without progress of its own, as a one-step job."""

    def job(path: Path) -> Generator[Progress, None, RenderStats]:
        yield Progress(0, 1, "正在生成 PDF…")
        stats = fn(path)
        yield Progress(1, 1, "完成")
        return stats

    return job


# ------------------------------------------------------------------ jobs


def sheets_job(
    ctx: ServiceContext,
    out: str | Path,
    start: date,
    end: date,
    *,
    volunteer: str | None = None,
    micro_grid: str | None = None,
    group_by: str = "volunteer",
    now: datetime | None = None,
) -> Job[PrintResult]:
    """Visit sheets for the open visits planned in [start, end]: one section per volunteer or micro-grid."""
    ctx.require(Action.PRINT)
    if end < start:
        raise UserError(
            f"结束日期 {end} 早于开始日期 {start}", f"The end date {end} is before the start date {start}"
        )
    yield Progress(0, 0, "正在读取探访计划…")
    with ctx.read() as s:
        vol_id = _one_by_name(s, m.Volunteer, volunteer, "志愿者", "volunteer") if volunteer else None
        mg_id = _one_by_name(s, m.MicroGrid, micro_grid, "微网格", "micro-grid") if micro_grid else None
        meta = data.doc_meta(s, ctx.actor, now)
        doc = data.sheet_document(
            s,
            meta,
            start,
            end,
            volunteer_id=vol_id,
            micro_grid_id=mg_id,
            group_by="micro_grid" if micro_grid else group_by,
        )
        if not doc.visit_count:
            done = (
                s.scalar(
                    select(func.count())
                    .select_from(m.Visit)
                    .where(m.Visit.planned_date >= start, m.Visit.planned_date <= end)
                )
                or 0
            )
    if not doc.visit_count:
        who_zh = f"志愿者“{volunteer}”" if volunteer else f"微网格“{micro_grid}”" if micro_grid else ""
        who_en = (
            f" for volunteer '{volunteer}'"
            if volunteer
            else f" in micro-grid '{micro_grid}'"
            if micro_grid
            else ""
        )
        raise UserError(
            f"{start} 至 {end} 期间{who_zh}没有待进行的探访（该期间共有 {done} 条已完成或已取消的记录）。"
            "请先生成探访计划。",
            f"No open visits between {start} and {end}{who_en} ({done} done or cancelled visits in that "
            "period). Plan the visits first.",
        )
    detail = {
        "from": start,
        "to": end,
        "volunteer_id": vol_id,
        "micro_grid_id": mg_id,
        "group_by": group_by,
        "sections": len(doc.sections),
    }
    return (yield from _finish(ctx, "visit_sheets", Path(out), lambda p: write_visit_sheets(p, doc), detail))


def selection_job(
    ctx: ServiceContext,
    out: str | Path,
    elder_ids: list[int],
    today: date | None = None,
    now: datetime | None = None,
) -> Job[PrintResult]:
    """Sheets for people picked on the roster (each person's next open visit, if any)."""
    ctx.require(Action.PRINT)
    if not elder_ids:
        raise UserError("没有选中任何人", "Nobody is selected")
    today = today or ctx.clock.today()
    yield Progress(0, 0, "正在读取…")
    with ctx.read() as s:
        doc = data.selection_document(s, data.doc_meta(s, ctx.actor, now), elder_ids, today)
    if not doc.visit_count:
        raise UserError("选中的人都不在花名册里了", "None of the selected people is on the roster any more")
    detail = {"selected": len(set(elder_ids))}
    render = lambda p: write_visit_sheets(p, doc)  # noqa: E731
    return (yield from _finish(ctx, "selection_sheets", Path(out), render, detail))


def roster_job(
    ctx: ServiceContext,
    out: str | Path,
    *,
    unmasked: bool = False,
    today: date | None = None,
    now: datetime | None = None,
) -> Job[PrintResult]:
    """The roster by community and level; full ID numbers and phones only for a supervisor who asks."""
    ctx.require(Action.PRINT)
    if unmasked:
        ctx.require(Action.UNMASKED)
    today = today or ctx.clock.today()
    yield Progress(0, 0, "正在读取花名册…")
    with ctx.read() as s:
        doc = data.roster_document(s, data.doc_meta(s, ctx.actor, now), today, unmasked)
    if not doc.groups:
        raise UserError("花名册是空的，没有可打印的内容", "The roster is empty: nothing to print")
    return (
        yield from _finish(
            ctx, "roster", Path(out), _once(lambda p: write_roster(p, doc)), {"unmasked": unmasked}
        )
    )


def call_list_job(
    ctx: ServiceContext, out: str | Path, campaign: str, now: datetime | None = None
) -> Job[PrintResult]:
    ctx.require(Action.PRINT)
    yield Progress(0, 0, "正在读取…")
    with ctx.read() as s:
        c = data.find_campaign(s, campaign)
        doc = data.call_list_document(s, data.doc_meta(s, ctx.actor, now), c)
        campaign_id = c.id
    if not doc.groups:
        raise UserError(
            f"专项行动“{campaign}”涉及的等级下没有在册老人",
            f"Nobody on the roster is at the levels of campaign '{campaign}'",
        )
    return (
        yield from _finish(
            ctx,
            "call_list",
            Path(out),
            _once(lambda p: write_call_list(p, doc)),
            {"campaign_id": campaign_id},
        )
    )


def blank_form_job(ctx: ServiceContext, out: str | Path, now: datetime | None = None) -> Job[PrintResult]:
    """No personal data on it, so nothing to audit."""
    with ctx.read() as s:
        meta = data.doc_meta(s, ctx.actor, now)
    return (
        yield from _finish(
            ctx, "blank_form", Path(out), _once(lambda p: write_blank_form(p, meta)), {}, personal=False
        )
    )


# ------------------------------------------------------------------ plain wrappers for the CLI


def print_sheets(ctx: ServiceContext, out: str | Path, start: date, end: date, **kw: object) -> PrintResult:
    return run_to_end(sheets_job(ctx, out, start, end, **kw))  # type: ignore[arg-type]


def print_selection(ctx: ServiceContext, out: str | Path, elder_ids: list[int], **kw: object) -> PrintResult:
    return run_to_end(selection_job(ctx, out, elder_ids, **kw))  # type: ignore[arg-type]


def print_roster(ctx: ServiceContext, out: str | Path, **kw: object) -> PrintResult:
    return run_to_end(roster_job(ctx, out, **kw))  # type: ignore[arg-type]


def print_call_list(ctx: ServiceContext, out: str | Path, campaign: str, **kw: object) -> PrintResult:
    return run_to_end(call_list_job(ctx, out, campaign, **kw))  # type: ignore[arg-type]


def print_blank_form(ctx: ServiceContext, out: str | Path, **kw: object) -> PrintResult:
    return run_to_end(blank_form_job(ctx, out, **kw))  # type: ignore[arg-type]
