"""Services in the plan: a person's recurring needs ride along on their planned home visits.

After the exact home-visit plan (``scheduling``) is written, each need that falls due in the
period (weekly: every week; fortnightly and monthly: once its interval since the last time it
was given or planned has run) is put on that person's home visit of the week, the same trip, when
the visiting volunteer has the skill (or is a service provider) and that skill's weekly capacity
is not used up. A need that cannot ride along is listed, per community, with the reason:

* ``no_skill`` — no active volunteer in the person's community has that skill;
* ``not_on_trip`` — the volunteer visiting that week does not have it (others nearby do);
* ``capacity`` — the visiting volunteer's weekly capacity for that skill is used up;
* ``no_visit`` — no home visit of the person that week to combine it with.

The home plan itself already chose, where it could, a visitor of the person's community with the
skills due that week (``due_by_week`` feeds ``scheduling.Demand.needs``); this pass checks and
writes what rides along, and keeps each skill's weekly limit exact (the network holds it per
window part). What this does not do (yet): plan a separate service-only trip.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.enums import VisitKind, VisitStatus
from silverage.domain.service_kinds import Frequency

OPEN = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)
NO_SKILL, NOT_ON_TRIP, CAPACITY, NO_VISIT = "no_skill", "not_on_trip", "capacity", "no_visit"
REASONS = {
    NO_SKILL: ("社区内没有会此项服务的志愿者", "no volunteer in the community has this skill"),
    NOT_ON_TRIP: ("上门的志愿者不会此项服务", "the visiting volunteer does not have this skill"),
    CAPACITY: ("会此项服务的志愿者本周次数已满", "the skilled volunteer's weekly capacity is used up"),
    NO_VISIT: ("本周没有上门探访可以同行", "no home visit that week to combine it with"),
}


@dataclass
class ServicePlan:
    planned: int = 0
    unmet: list[dict[str, object]] = field(default_factory=list)  # community, kind, reason, count, zh, en


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _needs(s: Session, elder_ids: set[int]) -> list[tuple[int, int, str]]:
    return [
        (eid, kid, freq)
        for eid, kid, freq in s.execute(
            select(m.ElderNeed.elder_id, m.ElderNeed.kind_id, m.ElderNeed.frequency).order_by(
                m.ElderNeed.elder_id, m.ElderNeed.kind_id
            )
        )
        if eid in elder_ids
    ]


def _last_given(s: Session, start: date) -> dict[tuple[int, int], date]:
    """(person, kind) -> the last day before ``start`` it was given or is still planned."""
    last: dict[tuple[int, int], date] = {}
    for eid, kid, day in s.execute(
        select(m.Visit.elder_id, m.VisitService.kind_id, m.Visit.planned_date)
        .join(m.VisitService, m.VisitService.visit_id == m.Visit.id)
        .where(
            m.Visit.planned_date < start,
            m.VisitService.delivered.is_(True)
            | (m.VisitService.planned.is_(True) & m.Visit.status.in_(OPEN)),
        )
    ):
        if day > last.get((eid, kid), date.min):
            last[(eid, kid)] = day
    return last


def _interval(freq: str) -> int:
    return Frequency(freq).days if freq in {f.value for f in Frequency} else 7


def _weeks(start: date, end: date) -> list[date]:
    out, week = [], _monday(start)
    while week <= end:
        out.append(week)
        week += timedelta(days=7)
    return out


def due_by_week(
    s: Session, start: date, end: date, elder_ids: set[int]
) -> dict[int, tuple[tuple[date, frozenset[int]], ...]]:
    """person -> (Monday, kinds due that week) over the period, for the planner to choose home
    visitors who can give them. A need given in its due week is taken to fall due again one
    interval after that Monday (the pass below counts from the visit's day: the same week for
    weekly needs, at most a few days apart otherwise)."""
    needs = _needs(s, elder_ids)
    if not needs:
        return {}
    last = _last_given(s, start)
    weeks = _weeks(start, end)
    due_in: dict[int, dict[date, set[int]]] = defaultdict(lambda: defaultdict(set))
    for eid, kid, freq in needs:
        interval = _interval(freq)
        due = last[(eid, kid)] + timedelta(days=interval) if (eid, kid) in last else start
        for week in weeks:
            if due <= week + timedelta(days=6):
                due_in[eid][week].add(kid)
                due = week + timedelta(days=interval)
    return {eid: tuple((w, frozenset(k)) for w, k in sorted(by.items())) for eid, by in due_in.items()}


def skills_of(s: Session) -> dict[int, dict[int, int]]:
    """Active volunteer -> {service kind: services a week}."""
    out: dict[int, dict[int, int]] = defaultdict(dict)
    for vid, kid, cap in s.execute(
        select(m.VolunteerSkill.volunteer_id, m.VolunteerSkill.kind_id, m.VolunteerSkill.weekly_capacity)
        .join(m.Volunteer, m.Volunteer.id == m.VolunteerSkill.volunteer_id)
        .where(m.Volunteer.active.is_(True))
    ):
        out[vid][kid] = cap
    return out


def plan_services_in(s: Session, start: date, end: date, elder_ids: set[int]) -> ServicePlan:
    """Put the period's due needs on the home visits of ``elder_ids``; the caller's transaction."""
    open_visits = select(m.Visit.id).where(
        m.Visit.status.in_(OPEN), m.Visit.planned_date >= start, m.Visit.planned_date <= end
    )
    # a re-plan decides the period's services anew
    s.execute(
        delete(m.VisitService).where(
            m.VisitService.visit_id.in_(open_visits), m.VisitService.delivered.is_(False)
        )
    )
    s.execute(update(m.VisitService).where(m.VisitService.visit_id.in_(open_visits)).values(planned=False))
    kinds = dict(s.execute(select(m.ServiceKind.id, m.ServiceKind.name)).all())
    needs = _needs(s, elder_ids)
    if not needs:
        return ServicePlan()
    last = _last_given(s, start)
    visits: dict[tuple[int, date], list[tuple[int, date, int | None]]] = defaultdict(list)
    for vid, eid, day, volunteer in s.execute(
        select(m.Visit.id, m.Visit.elder_id, m.Visit.planned_date, m.Visit.volunteer_id)
        .where(m.Visit.id.in_(open_visits), m.Visit.kind == VisitKind.HOME.value)
        .order_by(m.Visit.planned_date, m.Visit.id)
    ):
        visits[(eid, _monday(day))].append((vid, day, volunteer))
    skills = skills_of(s)
    providers = set(
        s.scalars(
            select(m.Volunteer.id).where(m.Volunteer.active.is_(True), m.Volunteer.service_provider.is_(True))
        )
    )
    community_of_vol = dict(
        s.execute(
            select(m.Volunteer.id, m.Grid.community_id)
            .join(m.MicroGrid, m.MicroGrid.id == m.Volunteer.micro_grid_id)
            .join(m.Grid, m.Grid.id == m.MicroGrid.grid_id)
            .where(m.Volunteer.active.is_(True))
        ).all()
    )
    elder_place = {
        eid: (cid, name)
        for eid, cid, name in s.execute(
            select(m.Elder.id, m.Community.id, m.Community.name)
            .join(m.MicroGrid, m.MicroGrid.id == m.Elder.micro_grid_id)
            .join(m.Grid, m.Grid.id == m.MicroGrid.grid_id)
            .join(m.Community, m.Community.id == m.Grid.community_id)
        )
    }
    skilled_in: dict[tuple[int | None, int], bool] = {}
    for vid, cid in community_of_vol.items():
        for kid in skills.get(vid, {}):
            skilled_in[(cid, kid)] = True
        if vid in providers:
            for kid in kinds:
                skilled_in[(cid, kid)] = True
    used: Counter[tuple[int, date, int]] = Counter()  # (volunteer, week, kind) -> services given it
    weeks = _weeks(start, end)
    result = ServicePlan()
    rows: list[dict[str, object]] = []
    unmet: Counter[tuple[str, str, str]] = Counter()
    for eid, kid, freq in needs:
        interval = _interval(freq)
        due = last[(eid, kid)] + timedelta(days=interval) if (eid, kid) in last else start
        for week in weeks:
            if due > week + timedelta(days=6):
                continue
            trips = visits.get((eid, week), [])
            reason = NO_VISIT if not trips else None
            for vid, day, volunteer in trips:
                if volunteer is None:
                    continue
                can = volunteer in providers or kid in skills.get(volunteer, {})
                cap = skills.get(volunteer, {}).get(kid, 99 if volunteer in providers else 0)
                if can and used[(volunteer, week, kid)] < cap:
                    used[(volunteer, week, kid)] += 1
                    rows.append({"visit_id": vid, "kind_id": kid, "planned": True, "delivered": False})
                    due = day + timedelta(days=interval)
                    reason = None
                    break
                cid = elder_place.get(eid, (None, ""))[0]
                reason = CAPACITY if can else NOT_ON_TRIP if skilled_in.get((cid, kid)) else NO_SKILL
            else:
                if reason is None:
                    reason = NO_VISIT
            if reason is not None:
                unmet[(elder_place.get(eid, (None, ""))[1], kinds[kid], reason)] += 1
                due = week + timedelta(days=7)
    if rows:
        s.execute(m.VisitService.__table__.insert(), rows)
    result.planned = len(rows)
    for (community, kind, reason), n in sorted(unmet.items()):
        zh, en = REASONS[reason]
        result.unmet.append(
            {
                "community": community,
                "kind": kind,
                "reason": reason,
                "count": n,
                "zh": f"{community} {kind} {n} 次未能安排：{zh}",
                "en": f"{community} {kind}: {n} not planned: {en}",
            }
        )
    return result
