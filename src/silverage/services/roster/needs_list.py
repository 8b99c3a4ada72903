"""Who needs which service, and who meets it: the 需求 list and the dashboard's figures.

A need is *met* when its kind was given to the person within its interval (weekly: the last 7
days, fortnightly 14, monthly 30), and *planned* when an open visit carries it. Names and
communities only: no ID numbers or phones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.enums import ElderStatus, VisitStatus
from silverage.domain.permissions import Action
from silverage.domain.service_kinds import Frequency
from silverage.services.context import ServiceContext
from silverage.services.roster.roster_query import join_places

OPEN_STATUSES = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)
HISTORY_DAYS = 90  # how far back "given by" looks


@dataclass(frozen=True)
class NeedLine:
    kind: str
    frequency: str  # Frequency value
    notes: str
    last_given: date | None
    given_by: tuple[str, ...]  # volunteers who gave it in the last HISTORY_DAYS, most recent first
    planned_by: tuple[str, ...]  # volunteers of open visits that carry it
    met: bool  # given within its interval

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["frequency_zh"] = Frequency(self.frequency).zh
        data["last_given"] = self.last_given.isoformat() if self.last_given else None
        data["given_by"], data["planned_by"] = list(self.given_by), list(self.planned_by)
        return data


@dataclass(frozen=True)
class PersonNeeds:
    elder_id: int
    name: str
    community: str
    level: str | None
    needs: tuple[NeedLine, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "elder_id": self.elder_id,
            "name": self.name,
            "community": self.community,
            "level": self.level,
            "needs": [n.as_json() for n in self.needs],
        }


@dataclass(frozen=True)
class CommunityServices:
    community: str
    needs: int
    met: int
    planned: int
    minutes: int  # volunteers' minutes this month, on visits to the community's people


def people_needs(ctx: ServiceContext, today: date | None = None) -> list[PersonNeeds]:
    ctx.require(Action.LIST)
    today = today or ctx.clock.today()
    since = datetime.combine(today - timedelta(days=HISTORY_DAYS), datetime.min.time())
    with ctx.read() as s:
        given: dict[tuple[int, int], list[tuple[date, str]]] = defaultdict(list)
        for eid, kid, at, name in s.execute(
            select(m.Visit.elder_id, m.VisitService.kind_id, m.Visit.visited_at, m.Volunteer.name)
            .join(m.VisitService, m.VisitService.visit_id == m.Visit.id)
            .outerjoin(m.Volunteer, m.Volunteer.id == m.Visit.volunteer_id)
            .where(
                m.VisitService.delivered.is_(True),
                m.Visit.status == VisitStatus.DONE.value,
                m.Visit.visited_at >= since,
            )
            .order_by(m.Visit.visited_at.desc())
        ):
            given[(eid, kid)].append((at.date(), name or ""))
        planned: dict[tuple[int, int], list[str]] = defaultdict(list)
        for eid, kid, name in s.execute(
            select(m.Visit.elder_id, m.VisitService.kind_id, m.Volunteer.name)
            .join(m.VisitService, m.VisitService.visit_id == m.Visit.id)
            .outerjoin(m.Volunteer, m.Volunteer.id == m.Visit.volunteer_id)
            .where(m.VisitService.planned.is_(True), m.Visit.status.in_(OPEN_STATUSES))
            .order_by(m.Visit.planned_date)
        ):
            planned[(eid, kid)].append(name or "")
        stmt = join_places(
            select(
                m.Elder.id,
                m.Elder.name,
                m.Community.name,
                m.Elder.level,
                m.ServiceKind.id,
                m.ServiceKind.name,
                m.ElderNeed.frequency,
                m.ElderNeed.notes,
            )
            .join(m.ElderNeed, m.ElderNeed.elder_id == m.Elder.id)
            .join(m.ServiceKind, m.ServiceKind.id == m.ElderNeed.kind_id)
        ).where(m.Elder.status == ElderStatus.ACTIVE.value)
        stmt = stmt.order_by(m.Community.sort_order, m.Elder.id, m.ServiceKind.sort_order)
        people: dict[int, tuple[str, str, str | None, list[NeedLine]]] = {}
        for eid, name, community, level, kid, kind, freq, notes in s.execute(stmt):
            times = given.get((eid, kid), [])
            last = times[0][0] if times else None
            days = Frequency(freq).days if freq in {f.value for f in Frequency} else 7
            line = NeedLine(
                kind,
                freq,
                notes,
                last,
                tuple(dict.fromkeys(n for _, n in times if n)),
                tuple(dict.fromkeys(n for n in planned.get((eid, kid), []) if n)),
                last is not None and last > today - timedelta(days=days),
            )
            people.setdefault(eid, (name, community or "", level, []))[3].append(line)
    return [PersonNeeds(eid, n, c, lv, tuple(lines)) for eid, (n, c, lv, lines) in people.items()]


def community_figures(ctx: ServiceContext, today: date | None = None) -> list[CommunityServices]:
    """Per community: needs, how many met, how many planned, and the month's volunteer minutes."""
    ctx.require(Action.VIEW_DASHBOARD)
    today = today or ctx.clock.today()
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in people_needs(ctx, today):
        row = by[p.community]
        for n in p.needs:
            row[0] += 1
            row[1] += n.met
            row[2] += bool(n.planned_by)
    start = datetime(today.year, today.month, 1)
    with ctx.read() as s:
        minutes = dict(
            s.execute(
                join_places(
                    select(m.Community.name, func.sum(m.Visit.minutes))
                    .select_from(m.Visit)
                    .join(m.Elder, m.Elder.id == m.Visit.elder_id)
                )
                .where(m.Visit.status == VisitStatus.DONE.value, m.Visit.visited_at >= start)
                .group_by(m.Community.name)
            ).all()
        )
        order = list(s.scalars(select(m.Community.name).order_by(m.Community.sort_order)))
    names = [c for c in order if c in by or c in minutes]
    return [
        CommunityServices(c, *by.get(c, [0, 0, 0]), int(minutes.get(c) or 0))  # type: ignore[misc]
        for c in names
    ]
