"""Volunteers' hours: per volunteer and month, the visits made, services given, minutes spent and
people served — what the volunteer platforms (志愿汇, 志愿浙江 …) ask volunteers to show.

A visit counts in the month it was made (its visit date), for the volunteer it was planned for:
a substitute who visited instead is written as a name on the record, not as a volunteer, so the
hours stay with the volunteer the office asked (the record's 代班 name shows who actually went).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.enums import VisitStatus
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, ValidationError
from silverage.domain.volunteer_hours import VolunteerHours
from silverage.services.context import ServiceContext


def parse_month(text: str) -> date:
    """'2026-11' -> 2026-11-01; a clear message for anything else."""
    try:
        year, month = (int(x) for x in text.strip().split("-"))
        if 1 <= month <= 12 and 1900 <= year <= 2200:
            return date(year, month, 1)
    except ValueError:
        pass
    raise ValidationError(
        [Problem("month", f"月份“{text}”应写成 2026-11", f"The month '{text}' should be written as 2026-11")]
    )


def month_bounds(month: date) -> tuple[datetime, datetime]:
    last = calendar.monthrange(month.year, month.month)[1]
    return datetime(month.year, month.month, 1), datetime(month.year, month.month, last, 23, 59, 59)


def month_hours(ctx: ServiceContext, month: date, volunteer_id: int | None = None) -> list[VolunteerHours]:
    """Every volunteer on duty (and anyone who visited in the month), zeros included, by name."""
    ctx.require(Action.LIST)
    start, end = month_bounds(month)
    done = (
        (m.Visit.status == VisitStatus.DONE.value)
        & (m.Visit.visited_at >= start)
        & (m.Visit.visited_at <= end)
        & m.Visit.volunteer_id.is_not(None)
    )
    with ctx.read() as s:
        # people in scope only: a worker sees the visits to the communities they look after
        visible = select(m.Elder.id)
        counts = {
            vid: (n, people, minutes or 0)
            for vid, n, people, minutes in s.execute(
                select(
                    m.Visit.volunteer_id,
                    func.count(m.Visit.id),
                    func.count(func.distinct(m.Visit.elder_id)),
                    func.sum(m.Visit.minutes),
                )
                .where(done, m.Visit.elder_id.in_(visible))
                .group_by(m.Visit.volunteer_id)
            )
        }
        kinds: dict[int, list[tuple[str, int]]] = {}
        for vid, name, n in s.execute(
            select(m.Visit.volunteer_id, m.ServiceKind.name, func.count())
            .join(m.VisitService, m.VisitService.visit_id == m.Visit.id)
            .join(m.ServiceKind, m.ServiceKind.id == m.VisitService.kind_id)
            .where(done, m.VisitService.delivered.is_(True), m.Visit.elder_id.in_(visible))
            .group_by(m.Visit.volunteer_id, m.ServiceKind.name, m.ServiceKind.sort_order)
            .order_by(m.Visit.volunteer_id, m.ServiceKind.sort_order)
        ):
            kinds.setdefault(vid, []).append((name, n))
        stmt = (
            select(m.Volunteer.id, m.Volunteer.name, m.Community.name, m.Volunteer.active)
            .outerjoin(m.MicroGrid, m.Volunteer.micro_grid_id == m.MicroGrid.id)
            .outerjoin(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
            .outerjoin(m.Community, m.Grid.community_id == m.Community.id)
            .order_by(m.Volunteer.name, m.Volunteer.id)
        )
        if volunteer_id is not None:
            stmt = stmt.where(m.Volunteer.id == volunteer_id)
        out = []
        for vid, name, community, active in s.execute(stmt):
            if not active and vid not in counts:
                continue
            n, people, minutes = counts.get(vid, (0, 0, 0))
            given = tuple(kinds.get(vid, ()))
            out.append(
                VolunteerHours(
                    vid, name, community or "", n, sum(c for _, c in given), int(minutes), people, given
                )
            )
    return out
