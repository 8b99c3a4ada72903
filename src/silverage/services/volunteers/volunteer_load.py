"""Read-only views of a volunteer's work: whom they visit and how many visits they have this month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from silverage.db import models as m
from silverage.domain.permissions import Action
from silverage.services.context import ServiceContext


@dataclass(frozen=True)
class MonthLoad:
    volunteer_id: int
    planned: int  # visits in the month not cancelled
    done: int


@dataclass(frozen=True)
class VisitedPerson:
    elder_id: int
    name: str
    level: str | None
    micro_grid: str
    visits: int
    last_visit: date | None


def _month(today: date) -> tuple[date, date]:
    start = today.replace(day=1)
    end = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, end


def month_loads(ctx: ServiceContext, today: date) -> dict[int, MonthLoad]:
    ctx.require(Action.LIST)
    start, end = _month(today)
    stmt = (
        select(m.Visit.volunteer_id, func.count(), func.sum(case((m.Visit.status == "done", 1), else_=0)))
        .where(
            m.Visit.volunteer_id.is_not(None),
            m.Visit.planned_date >= start,
            m.Visit.planned_date < end,
            m.Visit.status != "cancelled",
        )
        .group_by(m.Visit.volunteer_id)
    )
    with ctx.read() as s:
        return {vid: MonthLoad(vid, int(n), int(done or 0)) for vid, n, done in s.execute(stmt)}


def visited_people(ctx: ServiceContext, volunteer_id: int, since: date) -> list[VisitedPerson]:
    """People this volunteer has visits with since ``since`` (planned or done), most visits first."""
    ctx.require(Action.LIST)
    stmt = (
        select(
            m.Elder.id,
            m.Elder.name,
            m.Elder.level,
            m.MicroGrid.name,
            func.count(m.Visit.id),
            func.max(m.Visit.planned_date),
        )
        .join(m.Visit, m.Visit.elder_id == m.Elder.id)
        .outerjoin(m.MicroGrid, m.Elder.micro_grid_id == m.MicroGrid.id)
        .where(
            m.Visit.volunteer_id == volunteer_id, m.Visit.planned_date >= since, m.Visit.status != "cancelled"
        )
        .group_by(m.Elder.id, m.Elder.name, m.Elder.level, m.MicroGrid.name)
        .order_by(func.count(m.Visit.id).desc(), m.Elder.id)
    )
    with ctx.read() as s:
        return [VisitedPerson(i, n, lv, mg or "", int(c), last) for i, n, lv, mg, c, last in s.execute(stmt)]
