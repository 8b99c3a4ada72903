"""Visits as plain rows for lists, the GUI and the command line (no ORM objects leave here)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.services.roster.roster_query import join_places, mask_id


@dataclass(frozen=True)
class VisitRow:
    id: int
    code: str
    elder_id: int
    elder_name: str
    id_number: str
    level: str | None
    community: str
    grid: str
    volunteer_id: int | None
    volunteer_name: str
    kind: str
    planned_date: date
    half_day: int
    window_start: date | None
    window_end: date | None
    status: str
    outcome: str | None
    visited_by: str
    visited_at: datetime | None
    findings: dict[str, Any]
    notes: str
    plan_id: int | None
    campaign_id: int | None
    version: int
    minutes: int | None = None  # time spent, as recorded
    services: tuple[str, ...] = ()  # service kinds given on it (recorded)
    planned_services: tuple[str, ...] = ()  # service kinds the plan put on it

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, (date, datetime)):
                data[key] = value.isoformat()
        data["date"] = data["planned_date"]
        data["visit_code"] = data["code"]
        data["volunteer"] = data["volunteer_name"]
        return data


def visit_select() -> Select:
    return join_places(
        select(
            m.Visit.id,
            m.Visit.code,
            m.Visit.elder_id,
            m.Elder.name,
            m.Elder.id_number,
            m.Elder.level,
            m.Community.name,
            m.Grid.name,
            m.Visit.volunteer_id,
            m.Volunteer.name,
            m.Visit.kind,
            m.Visit.planned_date,
            m.Visit.half_day,
            m.Visit.window_start,
            m.Visit.window_end,
            m.Visit.status,
            m.Visit.outcome,
            m.Visit.visited_by,
            m.Visit.visited_at,
            m.Visit.findings,
            m.Visit.notes,
            m.Visit.plan_id,
            m.Visit.campaign_id,
            m.Visit.version,
            m.Visit.minutes,
        )
        .join(m.Elder, m.Visit.elder_id == m.Elder.id)
        .outerjoin(m.Volunteer, m.Visit.volunteer_id == m.Volunteer.id)
    )


def fetch(s: Session, stmt: Select, *, masked: bool = True) -> list[VisitRow]:
    """The visits ``stmt`` selects; the person's ID number masked unless ``masked`` is False (a
    supervisor's audited full list)."""
    rows = s.execute(stmt).all()
    services = _services(s, [r[0] for r in rows])
    return [
        VisitRow(
            id=r[0],
            code=r[1],
            elder_id=r[2],
            elder_name=r[3],
            id_number=mask_id(r[4]) if masked else r[4],
            level=r[5],
            community=r[6] or "",
            grid=r[7] or "",
            volunteer_id=r[8],
            volunteer_name=r[9] or "",
            kind=r[10],
            planned_date=r[11],
            half_day=r[12],
            window_start=r[13],
            window_end=r[14],
            status=r[15],
            outcome=r[16],
            visited_by=r[17] or "",
            visited_at=r[18],
            findings=dict(r[19] or {}),
            notes=r[20] or "",
            plan_id=r[21],
            campaign_id=r[22],
            version=r[23],
            minutes=r[24],
            services=services.get((r[0], True), ()),
            planned_services=services.get((r[0], False), ()),
        )
        for r in rows
    ]


def _services(s: Session, visit_ids: list[int]) -> dict[tuple[int, bool], tuple[str, ...]]:
    """(visit id, True) -> kinds given, (visit id, False) -> kinds planned; in chunks of 500 ids."""
    out: dict[tuple[int, bool], list[str]] = {}
    for start in range(0, len(visit_ids), 500):
        part = visit_ids[start : start + 500]
        stmt = (
            select(
                m.VisitService.visit_id, m.ServiceKind.name, m.VisitService.planned, m.VisitService.delivered
            )
            .join(m.ServiceKind, m.ServiceKind.id == m.VisitService.kind_id)
            .where(m.VisitService.visit_id.in_(part))
            .order_by(m.VisitService.visit_id, m.ServiceKind.sort_order)
        )
        for vid, name, planned, delivered in s.execute(stmt):
            if delivered:
                out.setdefault((vid, True), []).append(name)
            if planned:
                out.setdefault((vid, False), []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def one(s: Session, visit_id: int) -> VisitRow:
    return fetch(s, visit_select().where(m.Visit.id == visit_id))[0]
