"""Service visits (上门服务): a trip of its own for each need that could not ride on a home visit.

The home plan comes first and is exact; the ride-along pass (``service_plan``) then puts what it
can on those visits. Each person's needs that are still due in one span of weeks become one
service visit, solved exactly (``scheduling.solve``) with the capacity the home plan left: the
volunteers' weekly maximum counts their home visits and calls, each skill's weekly limit counts
the services already riding along, and only a volunteer of the person's community who gives at
least one of the kinds may go. So the plan is optimal lexicographically: the home plan at its
optimum, then the service visits at theirs given it.

A re-plan treats printed service visits as it treats home visits (``plan_changes``): one that
still meets a due need of the same span keeps its volunteer, day and code unless that volunteer
no longer gives the service; one no longer needed is cancelled with a reason.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import scheduling
from silverage.domain.enums import VisitKind
from silverage.domain.service_due import TripNeeded
from silverage.domain.visit_policy import RequiredVisit, Window, week_label
from silverage.services.visits import plan_changes
from silverage.services.visits.service_plan import RideAlong, unmet_lines

SERVICE = VisitKind.SERVICE.value


@dataclass
class ServiceTrips:
    """What the service visits of a plan came to."""

    visits: int = 0  # service visits in force after the plan
    services: int = 0  # services they give
    outcome: plan_changes.Outcome = field(default_factory=plan_changes.Outcome)
    by_level: Counter[str] = field(default_factory=Counter)
    cost: int = 0  # the optimum of the service visits, given the home plan
    optimal: bool = True  # False where skill limits had to be tightened (scheduling.solve)
    unmet: list[dict[str, object]] = field(default_factory=list)


def _window(weeks: Sequence[date], start: date, end: date) -> Window:
    zh, en = week_label(weeks[0])
    if len(weeks) > 1:
        last_zh, _ = week_label(weeks[-1])
        zh = f"{zh}至{last_zh}"
        en = f"{en} to {week_label(weeks[-1])[1]}"
    first, last = weeks[0], weeks[-1] + timedelta(days=6)
    return Window(max(start, first), min(end, last), first, last, zh, en)


def requirements(
    trips: Sequence[TripNeeded], start: date, end: date, level: dict[int, str]
) -> tuple[list[RequiredVisit], list[frozenset[int]]]:
    """One service visit per person and first week of the spans, for all the kinds due from that
    week on, in the shortest of those spans: a weekly bath and a fortnightly clean due from the
    same Monday are one trip that week."""
    grouped: dict[tuple[int, date], set[int]] = defaultdict(set)
    span: dict[tuple[int, date], tuple[date, ...]] = {}
    for t in trips:
        key = (t.elder_id, t.weeks[0])
        grouped[key].add(t.kind_id)
        if len(t.weeks) < len(span.get(key, t.weeks + (date.max,))):
            span[key] = t.weeks
    required, kinds = [], []
    for (eid, first), ks in sorted(grouped.items()):
        window = _window(span[(eid, first)], start, end)
        required.append(RequiredVisit(eid, level.get(eid, ""), SERVICE, window))
        kinds.append(frozenset(ks))
    return required, kinds


def _one_a_day(
    demands: list[scheduling.Demand],
    vols: Sequence[scheduling.VolunteerSupply],
    is_working_day: Callable[[date], bool],
    rounds: int = 4,
) -> scheduling.Solution:
    """Solve; where two service visits of one person fell on one day (spans that overlap), take
    that day out of the later one's window and solve again (a few rounds at most)."""
    sol = scheduling.solve(demands, vols, is_working_day)
    for _ in range(rounds):
        seen: dict[tuple[int, date], int] = {}
        clash = False
        for a in sol.assignments:
            key = (demands[a.demand].elder_id, a.day)
            if key in seen:
                d = demands[a.demand]
                demands[a.demand] = replace(d, avoid=d.avoid | {a.day})
                clash = True
            seen[key] = a.demand
        if not clash:
            break
        sol = scheduling.solve(demands, vols, is_working_day)
    return sol


def printed_kinds(s: Session, found: Sequence[plan_changes.Incumbent]) -> dict[int, frozenset[int]]:
    """Printed service visit -> the service kinds on it, read before the re-plan decides them anew."""
    ids = [inc.id for inc in found]
    out: dict[int, set[int]] = defaultdict(set)
    for i in range(0, len(ids), 900):
        for vid, kid in s.execute(
            select(m.VisitService.visit_id, m.VisitService.kind_id).where(
                m.VisitService.visit_id.in_(ids[i : i + 900])
            )
        ):
            out[vid].add(kid)
    return {vid: frozenset(k) for vid, k in out.items()}


def match(
    required: Sequence[RequiredVisit],
    kinds: Sequence[frozenset[int]],
    found: Sequence[plan_changes.Incumbent],
    found_kinds: dict[int, frozenset[int]],
    active: set[int],
) -> dict[int, plan_changes.Incumbent]:
    """Requirement index -> the printed service visit that meets it: the same person, a day in
    its span, and first the same services, then some of them, then any (each visit used once).
    A person with a weekly and a fortnightly need has service visits whose spans overlap; the
    services tell them apart, so a re-plan with nothing changed keeps each where it was."""
    pool: dict[int, list[plan_changes.Incumbent]] = defaultdict(list)
    for inc in found:
        if inc.volunteer_id in active:
            pool[inc.elder_id].append(inc)
    out: dict[int, plan_changes.Incumbent] = {}
    tests: list[Callable[[frozenset[int], frozenset[int]], bool]] = [
        lambda got, want: got == want,
        lambda got, want: bool(got & want),
        lambda got, want: True,
    ]
    for fits in tests:
        for i, r in enumerate(required):
            if i in out:
                continue
            options = pool.get(r.elder_id, [])
            for j, inc in enumerate(options):
                day_fits = r.window.full_start <= inc.day <= r.window.full_end
                if day_fits and fits(found_kinds.get(inc.id, frozenset()), kinds[i]):
                    out[i] = options.pop(j)
                    break
    return out


def supplies_after(
    vols: Sequence[scheduling.VolunteerSupply],
    sol: scheduling.Solution,
    book_used: Counter[tuple[int, date, int]],
) -> list[scheduling.VolunteerSupply]:
    """The volunteers as the home plan left them: its visits booked, the services riding along
    taken from each skill's weekly limit."""
    given: dict[int, dict[tuple[date, int], int]] = defaultdict(dict)
    for (vid, week, kind), n in book_used.items():
        given[vid][(week, kind)] = n
    booked = scheduling.with_booked(vols, ((a.volunteer_id, a.day, a.half) for a in sol.assignments))
    return [replace(v, skill_booked=given.get(v.id, {})) for v in booked]


def plan_service_trips(
    s: Session,
    plan_id: int,
    start: date,
    end: date,
    ride: RideAlong,
    places: dict[int, tuple[scheduling.Place, str, str]],
    vols: Sequence[scheduling.VolunteerSupply],
    found: Sequence[plan_changes.Incumbent],
    found_kinds: dict[int, frozenset[int]],
    is_working_day: Callable[[date], bool],
    new_code: Any,
    now: datetime,
    insert: Callable[[Session, list[dict[str, Any]]], None],
    had_sheet: set[int],
    busy: dict[int, set[date]],
) -> ServiceTrips:
    """Plan, keep, move or cancel the period's service visits; the caller's transaction.
    ``places``: person -> (place, area name, level); ``found``: the printed service visits and
    ``found_kinds`` the services each was printed with (``printed_kinds``);
    ``insert`` writes new visit rows (``planning.insert_visits``); ``had_sheet``: the volunteers
    who had printed visits in the period (a service visit added to their week voids the sheet);
    ``busy``: person -> the days they already have a home visit or call (a service visit comes
    on another day: on the same day the visitor would have brought it, had they the skill)."""
    out = ServiceTrips()
    required, kinds = requirements(ride.trips, start, end, {e: p[2] for e, p in places.items()})
    active = {v.id for v in vols}
    matched = match(required, kinds, found, found_kinds, active)
    demands = [
        scheduling.Demand(
            r.elder_id,
            SERVICE,
            r.window.start,
            r.window.end,
            places[r.elder_id][0] if r.elder_id in places else scheduling.Place(),
            area=places[r.elder_id][1] if r.elder_id in places else "",
            label=r.window.label_zh,
            keep=None if (inc := matched.get(i)) is None else (inc.volunteer_id, inc.day, inc.half),  # type: ignore[arg-type]
            move=scheduling.DEFAULT_COST.move if i not in matched and found else None,
            keep_services=found_kinds.get(matched[i].id, frozenset()) if i in matched else None,
            avoid=frozenset(d for d in busy.get(r.elder_id, ()) if r.window.start <= d <= r.window.end),
            needs=tuple(
                (r.window.full_start + timedelta(days=7 * w), ks)
                for w in range(((r.window.full_end - r.window.full_start).days + 1) // 7)
            ),
        )
        for i, (r, ks) in enumerate(zip(required, kinds, strict=True))
    ]
    sol = _one_a_day(demands, vols, is_working_day)
    out.outcome = plan_changes.apply(
        s, plan_id, required, sol, matched, found, set(places), active, new_code, now, had_sheet
    )
    insert(s, out.outcome.new_rows)
    visit_of = {a.demand: matched[a.demand].id for a in sol.assignments if a.demand in matched}
    codes = [row["code"] for row in out.outcome.new_rows]  # in the order of the new assignments
    by_code: dict[str, int] = {}
    for i in range(0, len(codes), 900):
        chunk = codes[i : i + 900]
        by_code.update(s.execute(select(m.Visit.code, m.Visit.id).where(m.Visit.code.in_(chunk))).all())
    fresh = iter(codes)
    for a in sol.assignments:
        if a.demand not in matched:
            visit_of[a.demand] = by_code[next(fresh)]
    rows = [
        {"visit_id": visit_of[a.demand], "kind_id": k, "planned": True, "delivered": False}
        for a in sol.assignments
        for k in sorted(a.services)
    ]
    if rows:
        s.execute(m.VisitService.__table__.insert(), rows)
    given = {
        (required[a.demand].elder_id, required[a.demand].window.full_start, k)
        for a in sol.assignments
        for k in a.services
    }
    left = [t for t in ride.trips if (t.elder_id, t.weeks[0], t.kind_id) not in given]
    out.visits, out.services, out.cost, out.optimal = len(sol.assignments), len(rows), sol.cost, sol.optimal
    out.by_level = Counter(required[a.demand].level for a in sol.assignments)
    out.unmet = unmet_lines(ride, left)
    return out
