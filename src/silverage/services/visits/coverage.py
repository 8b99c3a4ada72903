"""Coverage figures (探访率) and visit lists.

Monthly visit rate by community, grid or level: for every person active now, ``required`` is the
number of home-visit windows their level's policy puts in the month (red: the weeks, yellow: the
fortnights, green: the month; people not yet assessed count as green), and ``contacted`` is how many
of those windows hold a home visit that reached the person (``Outcome.is_contact``) anywhere in the
whole calendar window: a visit on Monday the 30th meets the week the next month's 1st belongs to.
The target is 100%. By volunteer: ``required`` = visits assigned to the volunteer in the month (not
cancelled), ``contacted`` = those done and reaching the person.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.enums import ElderStatus, Level, Outcome, VisitKind, VisitStatus
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, ValidationError
from silverage.domain.visit_policy import home_windows
from silverage.services import audit
from silverage.services.context import ServiceContext
from silverage.services.roster.roster_query import join_places
from silverage.services.visits import visit_rows
from silverage.services.visits.visit_rows import VisitRow
from silverage.services.visits.visit_settings import load_policy

BY = ("community", "grid", "level", "volunteer")
CONTACT = [o.value for o in Outcome if o.is_contact]


@dataclass(frozen=True)
class RateRow:
    key: str
    required: int
    contacted: int
    rate: float  # 0.0 .. 1.0; 1.0 when nothing was required

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "required": self.required, "contacted": self.contacted, "rate": self.rate}


def _row(key: str, req: int, got: int) -> RateRow:
    return RateRow(key, req, got, round(got / req, 4) if req else 1.0)


def _month(year: int, month: int) -> tuple[date, date]:
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ValidationError([Problem("month", "年份或月份不对", "The year or month is invalid")])
    first = date(year, month, 1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def monthly_rates(ctx: ServiceContext, year: int, month: int, by: str = "community") -> list[RateRow]:
    ctx.require(Action.VIEW_DASHBOARD)
    if by not in BY:
        raise ValidationError(
            [Problem("by", f"分组只能是 {'、'.join(BY)}", f"Group by one of {', '.join(BY)}")]
        )
    first, last = _month(year, month)
    with ctx.read() as s:
        if by == "volunteer":
            return _by_volunteer(s, first, last)
        policy = load_policy(s)
        elders = s.execute(
            join_places(select(m.Elder.id, m.Elder.level, m.Community.name, m.Grid.name)).where(
                m.Elder.status == ElderStatus.ACTIVE.value
            )
        ).all()
        windows = {lv.value: home_windows(first, last, policy.for_level(lv.value).home) for lv in Level}
        every = [w for wins in windows.values() for w in wins]
        lo = min((w.full_start for w in every), default=first)
        hi = max((w.full_end for w in every), default=last)
        contacts: dict[int, list[date]] = defaultdict(list)
        for eid, day in s.execute(
            select(m.Visit.elder_id, m.Visit.planned_date).where(
                m.Visit.kind == VisitKind.HOME.value,
                m.Visit.status == VisitStatus.DONE.value,
                m.Visit.outcome.in_(CONTACT),
                m.Visit.planned_date >= lo,
                m.Visit.planned_date <= hi,
            )
        ):
            contacts[eid].append(day)
    req: dict[str, int] = defaultdict(int)
    got: dict[str, int] = defaultdict(int)
    for eid, level, comm, grid in elders:
        lv = level or Level.GREEN.value
        key = {"community": comm or "未分社区", "grid": grid or "未分网格", "level": lv}[by]
        for w in windows[lv]:
            req[key] += 1
            if any(w.full_start <= d <= w.full_end for d in contacts.get(eid, ())):
                got[key] += 1
    keys = sorted(req, key=lambda k: (["red", "yellow", "green"].index(k) if by == "level" else 0, k))
    return [_row(k, req[k], got[k]) for k in keys]


def _by_volunteer(s: Any, first: date, last: date) -> list[RateRow]:
    req: dict[str, int] = defaultdict(int)
    got: dict[str, int] = defaultdict(int)
    for name, vid, status, outcome in s.execute(
        select(m.Volunteer.name, m.Visit.volunteer_id, m.Visit.status, m.Visit.outcome)
        .join(m.Volunteer, m.Visit.volunteer_id == m.Volunteer.id)
        .where(
            m.Visit.status != VisitStatus.CANCELLED.value,
            m.Visit.planned_date >= first,
            m.Visit.planned_date <= last,
        )
    ):
        key = f"{name}（{vid}）"
        req[key] += 1
        if status == VisitStatus.DONE.value and outcome in CONTACT:
            got[key] += 1
    return [_row(k, req[k], got[k]) for k in sorted(req)]


def overall_rate(ctx: ServiceContext, year: int, month: int) -> RateRow:
    rows = monthly_rates(ctx, year, month, "level")
    return _row("合计", sum(r.required for r in rows), sum(r.contacted for r in rows))


def visit_history(ctx: ServiceContext, elder_id: int) -> list[VisitRow]:
    ctx.require(Action.VIEW_PERSON)
    stmt = (
        visit_rows.visit_select()
        .where(m.Visit.elder_id == elder_id)
        .order_by(m.Visit.planned_date.desc(), m.Visit.id.desc())
    )
    with ctx.read() as s:
        return visit_rows.fetch(s, stmt)


def visits_between(
    ctx: ServiceContext, start: date, end: date, volunteer_id: int | None = None, *, unmasked: bool = False
) -> list[VisitRow]:
    """Visits planned in [start, end]; the person's ID number masked unless a supervisor asks (audited)."""
    ctx.require(Action.LIST)
    if unmasked:
        ctx.require(Action.UNMASKED)
    stmt = visit_rows.visit_select().where(m.Visit.planned_date >= start, m.Visit.planned_date <= end)
    if volunteer_id is not None:
        stmt = stmt.where(m.Visit.volunteer_id == volunteer_id)
    stmt = stmt.order_by(m.Visit.planned_date, m.Visit.half_day, m.Visit.volunteer_id, m.Visit.id)
    with ctx.read() as s:
        rows = visit_rows.fetch(s, stmt, masked=not unmasked)
    if unmasked:
        audit.record_unmasked(ctx, "visit list", "visit", len({r.elder_id for r in rows}), ("id_number",))
    return rows
