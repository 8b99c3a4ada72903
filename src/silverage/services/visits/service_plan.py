"""Services in the plan: a person's recurring needs ride along on their planned home visits, and
what cannot ride along gets a service visit of its own (``service_trips``).

After the exact home-visit plan (``scheduling``) is written, each need is walked through the
period (``domain.service_due``): each time it falls due it has a span of weeks (1 weekly, 2
fortnightly, 4 monthly) and rides on the person's first home visit of the span whose volunteer
has the skill (or is a service provider) with that skill's weekly capacity not used up. What
cannot ride along asks for a service visit in its span, planned next with the capacity left;
what that cannot give either is listed per community with the reason:

* ``no_skill`` — no active volunteer in the person's community has that skill;
* ``not_on_trip`` — the volunteer visiting does not have it, and no skilled neighbour has a free slot;
* ``capacity`` — the skilled volunteers' weekly capacity for it is used up;
* ``no_visit`` — no home visit in the span to combine it with, and no skilled neighbour is free.

The home plan itself already chose, where it could, a visitor of the person's community with the
skills due in the span (``due_by_week`` feeds ``scheduling.Demand.needs``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import service_due
from silverage.domain.enums import VisitKind, VisitStatus
from silverage.domain.service_due import CAPACITY, NO_SKILL, NO_VISIT, NOT_ON_TRIP, Need, SkillBook, Trip
from silverage.domain.service_kinds import Frequency

OPEN = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)
REASONS = {
    NO_SKILL: ("社区内没有会此项服务的志愿者", "no volunteer in the community has this skill"),
    NOT_ON_TRIP: (
        "上门的志愿者不会此项服务，会的志愿者也没有空",
        "the visiting volunteer does not have this skill and no skilled volunteer is free",
    ),
    CAPACITY: ("会此项服务的志愿者本周次数已满", "the skilled volunteers' weekly capacity is used up"),
    NO_VISIT: (
        "没有上门探访可以同行，会此项服务的志愿者也没有空",
        "no home visit to combine it with, and no skilled volunteer is free",
    ),
}


@dataclass
class RideAlong:
    """What the ride-along pass did, and what it hands to the service trips."""

    rides: int = 0  # services put on home visits
    trips: list[service_due.TripNeeded] = field(default_factory=list)
    book: SkillBook = field(default_factory=lambda: SkillBook({}))
    kinds: dict[int, str] = field(default_factory=dict)  # kind id -> name
    community: dict[int, tuple[int | None, str]] = field(default_factory=dict)  # person -> community
    skilled_in: set[tuple[int | None, int]] = field(default_factory=set)  # (community, kind) someone gives


def _needs(s: Session, elder_ids: set[int]) -> list[Need]:
    return [
        Need(eid, kid, _interval(freq))
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


def due_by_week(
    s: Session, start: date, end: date, elder_ids: set[int]
) -> dict[int, tuple[tuple[date, frozenset[int]], ...]]:
    """person -> (Monday, kinds due that week) over the period, for the planner to choose home
    visitors who can give them: a need is due in every week of its span."""
    needs = _needs(s, elder_ids)
    if not needs:
        return {}
    return service_due.due_by_week(service_due.spans(needs, _last_given(s, start), start, end))


def skills_of(s: Session) -> dict[int, dict[int, int]]:
    """Active volunteer -> {service kind: services a week}."""
    out: dict[int, dict[int, int]] = {}
    for vid, kid, cap in s.execute(
        select(m.VolunteerSkill.volunteer_id, m.VolunteerSkill.kind_id, m.VolunteerSkill.weekly_capacity)
        .join(m.Volunteer, m.Volunteer.id == m.VolunteerSkill.volunteer_id)
        .where(m.Volunteer.active.is_(True))
    ):
        out.setdefault(vid, {})[kid] = cap
    return out


def _open_visits(start: date, end: date):  # type: ignore[no-untyped-def]
    return select(m.Visit.id).where(
        m.Visit.status.in_(OPEN), m.Visit.planned_date >= start, m.Visit.planned_date <= end
    )


def plan_services_in(s: Session, start: date, end: date, elder_ids: set[int]) -> RideAlong:
    """Put the period's due needs on the home visits of ``elder_ids`` where they can ride along;
    the caller's transaction. The rest come back in ``trips`` for ``service_trips``."""
    # a re-plan decides the period's services anew
    open_visits = _open_visits(start, end)
    s.execute(
        delete(m.VisitService).where(
            m.VisitService.visit_id.in_(open_visits), m.VisitService.delivered.is_(False)
        )
    )
    s.execute(update(m.VisitService).where(m.VisitService.visit_id.in_(open_visits)).values(planned=False))
    needs = _needs(s, elder_ids)
    if not needs:
        return RideAlong()
    trips: dict[int, list[Trip]] = {}
    for vid, eid, day, volunteer in s.execute(
        select(m.Visit.id, m.Visit.elder_id, m.Visit.planned_date, m.Visit.volunteer_id)
        .where(m.Visit.id.in_(open_visits), m.Visit.kind == VisitKind.HOME.value)
        .order_by(m.Visit.planned_date, m.Visit.id)
    ):
        trips.setdefault(eid, []).append(Trip(vid, day, volunteer))
    out = RideAlong(kinds=dict(s.execute(select(m.ServiceKind.id, m.ServiceKind.name)).all()))
    providers = frozenset(
        s.scalars(
            select(m.Volunteer.id).where(m.Volunteer.active.is_(True), m.Volunteer.service_provider.is_(True))
        )
    )
    out.book = SkillBook(skills_of(s), providers)
    community_of_vol = dict(
        s.execute(
            select(m.Volunteer.id, m.Grid.community_id)
            .join(m.MicroGrid, m.MicroGrid.id == m.Volunteer.micro_grid_id)
            .join(m.Grid, m.Grid.id == m.MicroGrid.grid_id)
            .where(m.Volunteer.active.is_(True))
        ).all()
    )
    out.community = {
        eid: (cid, name)
        for eid, cid, name in s.execute(
            select(m.Elder.id, m.Community.id, m.Community.name)
            .join(m.MicroGrid, m.MicroGrid.id == m.Elder.micro_grid_id)
            .join(m.Grid, m.Grid.id == m.MicroGrid.grid_id)
            .join(m.Community, m.Community.id == m.Grid.community_id)
        )
    }
    for vid, cid in community_of_vol.items():
        for kid in out.kinds if vid in providers else out.book.skills.get(vid, {}):
            out.skilled_in.add((cid, kid))
    placed = service_due.place(needs, _last_given(s, start), start, end, trips, out.book)
    if placed.rides:
        s.execute(
            m.VisitService.__table__.insert(),
            [{"visit_id": v, "kind_id": k, "planned": True, "delivered": False} for v, k in placed.rides],
        )
    out.rides, out.trips = len(placed.rides), placed.trips
    return out


def unmet_lines(ride: RideAlong, left: list[service_due.TripNeeded]) -> list[dict[str, object]]:
    """The needs neither a home visit nor a service visit gives, counted per community, kind and
    reason, told in both languages."""
    unmet: Counter[tuple[str, str, str]] = Counter()
    for need in left:
        cid, community = ride.community.get(need.elder_id, (None, ""))
        reason = need.reason if (cid, need.kind_id) in ride.skilled_in else NO_SKILL
        unmet[(community, ride.kinds[need.kind_id], reason)] += 1
    out: list[dict[str, object]] = []
    for (community, kind, reason), n in sorted(unmet.items()):
        zh, en = REASONS[reason]
        out.append(
            {
                "community": community,
                "kind": kind,
                "reason": reason,
                "count": n,
                "zh": f"{community} {kind} {n} 次未能安排：{zh}",
                "en": f"{community} {kind}: {n} not planned: {en}",
            }
        )
    return out
