"""Who needs attention now: overdue people, follow-ups due, open alerts, and campaign call lists.

Overdue = active and no successful contact (``Elder.last_contact``) within the level's
``overdue_days`` (visit policy; people not yet assessed count as green). Red comes first, then the
longest without contact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select

from silverage.db import models as m
from silverage.domain.enums import ElderStatus, Level, Outcome, VisitKind
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, ValidationError
from silverage.domain.visit_policy import VisitPolicy
from silverage.services import audit
from silverage.services.context import ServiceContext
from silverage.services.roster.roster_query import join_places, mask_phone
from silverage.services.visits import alert_rows
from silverage.services.visits.visit_settings import load_calendar, load_policy

RANK = {"red": 0, "yellow": 1, "green": 2}


def _json(obj: Any) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, (date, datetime)) else v for k, v in asdict(obj).items()}


@dataclass(frozen=True)
class OverdueRow:
    elder_id: int
    name: str
    level: str  # "green" for people not yet assessed
    community: str
    grid: str
    last_contact: date | None
    days_since: int | None  # None = never contacted
    interval_days: int

    def as_json(self) -> dict[str, Any]:
        return _json(self)


def _places():  # type: ignore[no-untyped-def]
    return join_places(
        select(
            m.Elder.id,
            m.Elder.name,
            m.Elder.level,
            m.Community.name,
            m.Grid.name,
            m.Elder.last_contact,
            m.Elder.phone,
        )
    ).where(m.Elder.status == ElderStatus.ACTIVE.value)


def _overdue_at(policy: VisitPolicy, lv: Level, today: date) -> tuple[int, Any]:
    """The level's overdue interval in days, and who of that level is overdue (a WHERE clause)."""
    interval = policy.for_level(lv.value).overdue_days
    of_level = (
        m.Elder.level == lv.value
        if lv != Level.GREEN
        else ((m.Elder.level == lv.value) | m.Elder.level.is_(None))
    )
    not_contacted = m.Elder.last_contact.is_(None) | (m.Elder.last_contact < today - timedelta(days=interval))
    return interval, of_level & not_contacted


def overdue(
    ctx: ServiceContext, today: date, *, micro_grid_ids: Iterable[int] | None = None
) -> list[OverdueRow]:
    """Everyone overdue, or only those living in ``micro_grid_ids`` (the point map asks for one place)."""
    places = None if micro_grid_ids is None else list(micro_grid_ids)
    ctx.require(Action.LIST)
    with ctx.read() as s:
        policy = load_policy(s)
        rows = []
        for lv in Level:
            interval, is_overdue = _overdue_at(policy, lv, today)
            stmt = _places().where(is_overdue)
            if places is not None:
                stmt = stmt.where(m.Elder.micro_grid_id.in_(places))
            for eid, name, _lv, comm, grid, last, _phone in s.execute(stmt):
                rows.append(
                    OverdueRow(
                        eid,
                        name,
                        lv.value,
                        comm or "",
                        grid or "",
                        last,
                        (today - last).days if last else None,
                        interval,
                    )
                )
    rows.sort(
        key=lambda r: (RANK[r.level], -(r.days_since if r.days_since is not None else 10**6), r.elder_id)
    )
    return rows


def overdue_ids(ctx: ServiceContext, today: date) -> set[int]:
    """Who ``overdue`` lists, by id only (what the roster marks red): one read, no places, no order."""
    ctx.require(Action.LIST)
    with ctx.read() as s:
        policy = load_policy(s)
        who = or_(*(_overdue_at(policy, lv, today)[1] for lv in Level))
        return set(s.scalars(select(m.Elder.id).where(m.Elder.status == ElderStatus.ACTIVE.value, who)))


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    elder_id: int
    name: str
    level: str | None
    action: str
    owner: str
    due_date: date
    days_late: int
    visit_code: str | None

    def as_json(self) -> dict[str, Any]:
        return _json(self)


def follow_ups_due(ctx: ServiceContext, today: date, horizon_days: int = 0) -> list[FollowUpRow]:
    """Open follow-ups due by ``today + horizon_days``, the latest first."""
    ctx.require(Action.LIST)
    stmt = (
        select(
            m.FollowUp.id,
            m.FollowUp.elder_id,
            m.Elder.name,
            m.Elder.level,
            m.FollowUp.action,
            m.FollowUp.owner,
            m.FollowUp.due_date,
            m.Visit.code,
        )
        .join(m.Elder, m.FollowUp.elder_id == m.Elder.id)
        .outerjoin(m.Visit, m.FollowUp.visit_id == m.Visit.id)
        .where(m.FollowUp.done.is_(False), m.FollowUp.due_date <= today + timedelta(days=horizon_days))
        .order_by(m.FollowUp.due_date, m.FollowUp.id)
    )
    with ctx.read() as s:
        return [
            FollowUpRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], (today - r[6]).days, r[7])
            for r in s.execute(stmt)
        ]


# Open alerts (with the emergency contact to phone) live in ``alert_rows``; re-exported here.
open_alerts = alert_rows.open_alerts
AlertRow = alert_rows.AlertRow


# ------------------------------------------------------------------ campaigns


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    kind: str
    levels: str
    start_date: date
    days: int
    total: int
    contacted: int

    def as_json(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True)
class CallRow:
    visit_code: str
    planned_date: date
    elder_id: int
    name: str
    level: str | None
    community: str
    grid: str
    phone: str
    contact_name: str
    contact_phone: str
    status: str
    outcome: str | None

    def as_json(self) -> dict[str, Any]:
        return _json(self)


def create_campaign(
    ctx: ServiceContext, name: str, kind: str, levels: Iterable[str], start: date, days: int
) -> int:
    """A one-off round: a phone visit for every active person of ``levels`` within ``days`` working
    days from ``start``, red first, spread evenly over those days. Returns the campaign id."""
    ctx.require(Action.CAMPAIGN)
    levels = [lv for lv in levels]
    problems = []
    if not name.strip():
        problems.append(Problem("name", "专项行动需要名称", "The campaign needs a name"))
    if not levels or any(lv not in {x.value for x in Level} for lv in levels):
        problems.append(
            Problem("levels", "请选择红、黄、绿中的等级", "Choose levels among red, yellow, green")
        )
    if not 1 <= days <= 60:
        problems.append(Problem("days", "天数应在1到60之间", "Days must be 1 to 60"))
    if problems:
        raise ValidationError(problems)
    with ctx.transaction() as s:
        if s.scalar(select(m.Campaign.id).where(m.Campaign.name == name.strip())) is not None:
            raise ValidationError(
                [Problem("name", f"已有名为“{name}”的专项行动", f"A campaign named '{name}' exists")]
            )
        calendar = load_calendar(s)
        work = calendar.working_days(start, start + timedelta(days=days * 3 + 14))[:days] or [start]
        camp = m.Campaign(
            name=name.strip(),
            kind=kind,
            levels=",".join(levels),
            start_date=start,
            days=days,
            created_by=ctx.actor.username,
        )
        s.add(camp)
        s.flush()
        cond = m.Elder.level.in_(levels)
        if "green" in levels:
            cond = cond | m.Elder.level.is_(None)
        people = s.execute(
            select(m.Elder.id, m.Elder.level).where(m.Elder.status == ElderStatus.ACTIVE.value, cond)
        ).all()
        people.sort(key=lambda p: (RANK.get(p[1] or "green", 2), p[0]))
        from silverage.services.visits import (
            planning,
        )  # OR-Tools and numpy: not for the roster's overdue list

        codes = planning.new_codes(s, len(people))
        end = work[-1]
        rows = [
            {
                "code": codes[i],
                "elder_id": eid,
                "campaign_id": camp.id,
                "kind": VisitKind.PHONE.value,
                "planned_date": work[i * len(work) // max(1, len(people))],
                "half_day": 0,
                "window_start": start,
                "window_end": end,
            }
            for i, (eid, _lv) in enumerate(people)
        ]
        planning.insert_visits(s, rows)
        audit.record(s, ctx.actor, "create", "campaign", camp.id, detail=f"{len(rows)} calls")
        return camp.id


def campaigns(ctx: ServiceContext) -> list[CampaignRow]:
    ctx.require(Action.LIST)
    contact = [o.value for o in Outcome if o.is_contact]
    stmt = (
        select(
            m.Campaign.id,
            m.Campaign.name,
            m.Campaign.kind,
            m.Campaign.levels,
            m.Campaign.start_date,
            m.Campaign.days,
            func.count(m.Visit.id),
            func.count(m.Visit.id).filter(m.Visit.outcome.in_(contact)),
        )
        .outerjoin(m.Visit, m.Visit.campaign_id == m.Campaign.id)
        .group_by(m.Campaign.id)
        .order_by(m.Campaign.start_date.desc(), m.Campaign.id.desc())
    )
    with ctx.read() as s:
        return [CampaignRow(*r) for r in s.execute(stmt)]


def call_list(ctx: ServiceContext, campaign_id: int, *, unmasked: bool = False) -> list[CallRow]:
    """The calls of a campaign in the order to make them: by day, red first. Phones are masked like
    every list (the person's record has them in full) unless a supervisor asks, which is audited."""
    ctx.require(Action.LIST)
    if unmasked:
        ctx.require(Action.UNMASKED)
    show = (lambda p: p or "") if unmasked else mask_phone
    with ctx.read() as s:
        stmt = join_places(
            select(
                m.Visit.code,
                m.Visit.planned_date,
                m.Elder.id,
                m.Elder.name,
                m.Elder.level,
                m.Community.name,
                m.Grid.name,
                m.Elder.phone,
                m.Visit.status,
                m.Visit.outcome,
            ).join(m.Elder, m.Visit.elder_id == m.Elder.id)
        ).where(m.Visit.campaign_id == campaign_id)
        rows = s.execute(stmt).all()
        ids = [r[2] for r in rows]
        first: dict[int, tuple[str, str]] = {}
        for i in range(0, len(ids), 900):
            for c in s.scalars(
                select(m.EmergencyContact)
                .where(m.EmergencyContact.elder_id.in_(ids[i : i + 900]))
                .order_by(m.EmergencyContact.elder_id, m.EmergencyContact.sort_order)
            ):
                first.setdefault(c.elder_id, (c.name, c.phone))
    out = [
        CallRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5] or "",
            r[6] or "",
            show(r[7]),
            first.get(r[2], ("", ""))[0],
            show(first.get(r[2], ("", ""))[1]),
            r[8],
            r[9],
        )
        for r in rows
    ]
    if unmasked:
        audit.record_unmasked(ctx, "call list", "elder", len(out), ("phone", "contact_phone"))
    out.sort(key=lambda c: (c.planned_date, RANK.get(c.level or "green", 2), c.elder_id))
    return out
