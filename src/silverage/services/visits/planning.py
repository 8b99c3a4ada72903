"""Planning visits for a period, and changing a plan by hand.

``plan_period_job`` is the GUI form (a generator yielding Progress; closing it rolls everything
back); ``plan_period`` runs it to the end. A plan starts today at the earliest. Re-planning a
period changes only what must change (``plan_changes``): visits an earlier plan printed keep their
volunteer, day and code unless they can no longer stand; visits done, confirmed, or belonging to a
campaign are not touched, count against the volunteers' weekly capacity and meet the requirements
of their windows.
Manual changes (``move_visit``, ``swap_volunteer``) return conflict warnings first and change
nothing until called again with ``confirm=True``.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import scheduling, visit_code
from silverage.domain.changes import Changes
from silverage.domain.enums import ElderStatus, Level, Outcome, VisitKind, VisitStatus
from silverage.domain.permissions import Action
from silverage.domain.problems import ConflictError, Problem, UserError, ValidationError
from silverage.domain.progress import Job, Progress, run_to_end
from silverage.domain.scheduling_rules import solve_with_rules
from silverage.domain.visit_policy import ExistingVisit, RequiredVisit, required_visits, windows_span
from silverage.services import audit, scope
from silverage.services.context import ServiceContext
from silverage.services.roster.place_match import CATCH_ALL
from silverage.services.roster.roster_query import join_places
from silverage.services.scope import UNSCOPED
from silverage.services.visits import plan_changes, service_plan, service_trips
from silverage.services.visits.visit_settings import load_calendar, load_policy

MAX_DAYS = 366


@dataclass(frozen=True)
class PlanSummary:
    """What a plan did. ``kept``/``moved``/``cancelled`` count the visits an earlier plan had put in
    the period (still only planned); ``added`` the new ones; ``already_done`` the visits in the
    period no plan touches (done, confirmed, a campaign's or an urgent visit). ``void_sheets``:
    the volunteers whose printed sheets no longer match, with the codes added, moved or cancelled
    on them, so only those are reprinted."""

    plan_id: int
    start: date  # the period planned: today at the earliest
    end: date
    planned: dict[str, dict[str, int]]  # level -> kind -> count of the visits in force
    already_done: int
    uncovered_total: int
    uncovered: list[dict[str, Any]]  # {area, reason, count, zh, en}
    total_cost: int
    lower_bound: int  # the proven optimum: equals total_cost since the planner is exact
    method: str
    warnings: list[dict[str, str]] = field(default_factory=list)  # {zh, en}
    seconds: float = 0.0
    optimal: bool = False  # total_cost is the least possible for the stated cost model
    kept: int = 0
    added: int = 0
    moved: int = 0
    cancelled: int = 0
    void_sheets: list[dict[str, Any]] = field(default_factory=list)  # {volunteer_id, name, codes}
    services_planned: int = 0  # services planned: riding on home visits and on service visits
    service_visits: int = 0  # service visits (上门服务) in force: trips only to give services
    unmet_needs: list[dict[str, Any]] = field(
        default_factory=list
    )  # {community, kind, reason, count, zh, en}

    @property
    def changes(self) -> Changes:
        return Changes(all_visits=True)

    @property
    def planned_total(self) -> int:
        return sum(sum(k.values()) for k in self.planned.values())

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        data["planned_total"] = self.planned_total
        return data


RED_CALL_STICK = 60  # a red person's calls of a week away from their call volunteer (CostModel.not_last: 20)


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError(
            [Problem("period", "结束日期早于开始日期", "The end date is before the start date")]
        )
    if (end - start).days + 1 > MAX_DAYS:
        raise ValidationError(
            [Problem("period", f"一次最多计划{MAX_DAYS}天", f"Plan at most {MAX_DAYS} days at once")]
        )


def _from_today(start: date, end: date, today: date) -> tuple[date, list[dict[str, str]]]:
    """Time runs one way: a period wholly past is refused, one that began is planned from today."""
    if end < today:
        raise UserError(
            f"{start:%Y-%m-%d}至{end:%Y-%m-%d}已经过去，不能再做计划；请选今天（{today:%Y-%m-%d}）以后的日期",
            f"{start:%Y-%m-%d} to {end:%Y-%m-%d} is over and cannot be planned; choose dates from today "
            f"({today:%Y-%m-%d}) on",
        )
    if start >= today:
        return start, []
    gone = today - timedelta(days=1)
    return today, [
        {
            "zh": f"计划从今天（{today:%Y-%m-%d}）开始：{start:%Y-%m-%d}至{gone:%Y-%m-%d}已经过去，不再安排",
            "en": f"Planned from today ({today:%Y-%m-%d}): {start:%Y-%m-%d} to {gone:%Y-%m-%d} "
            "is over and was not planned",
        }
    ]


def _is_month(start: date, end: date) -> bool:
    return start.day == 1 and (end + timedelta(days=1)).day == 1 and (end - start).days < 31


def plan_period(ctx: ServiceContext, start: date, end: date, name: str = "") -> PlanSummary:
    return run_to_end(plan_period_job(ctx, start, end, name))


def plan_period_job(ctx: ServiceContext, start: date, end: date, name: str = "") -> Job[PlanSummary]:
    """Plan [start, end] (from today at the earliest), changing only what must change."""
    ctx.require(Action.PLAN_VISITS)
    _check_period(start, end)
    start, cut = _from_today(start, end, ctx.clock.today())
    t0 = time.perf_counter()
    with ctx.transaction() as s:
        yield Progress(0, 5, "读取花名册和探访频次…")
        policy, calendar = load_policy(s), load_calendar(s)
        found = plan_changes.incumbents(s, start, end)
        printed = {inc.id for inc in found}
        had_sheet = {inc.volunteer_id for inc in found if inc.volunteer_id is not None}
        found_services = [inc for inc in found if inc.kind == VisitKind.SERVICE.value]
        found = [inc for inc in found if inc.kind != VisitKind.SERVICE.value]
        found_kinds = service_trips.printed_kinds(s, found_services)
        elders = s.execute(
            join_places(
                select(
                    m.Elder.id,
                    m.Elder.level,
                    m.Elder.micro_grid_id,
                    m.MicroGrid.grid_id,
                    m.Grid.community_id,
                    m.Grid.name,
                    m.MicroGrid.name,
                    m.Community.name,
                )
            )
            .where(m.Elder.status == ElderStatus.ACTIVE.value)
            .order_by(m.Elder.id)
        ).all()
        lo, hi = windows_span(start, end, policy)
        lo, hi = min(lo, scheduling.monday(start)), max(hi, scheduling.monday(end) + timedelta(days=6))
        existing = [
            e
            for e in s.execute(
                select(
                    m.Visit.elder_id,
                    m.Visit.kind,
                    m.Visit.planned_date,
                    m.Visit.volunteer_id,
                    m.Visit.status,
                    m.Visit.half_day,
                    m.Visit.id,
                    m.Visit.outcome,
                )
                .where(
                    m.Visit.status != VisitStatus.CANCELLED.value,
                    m.Visit.planned_date >= lo,
                    m.Visit.planned_date <= hi,
                )
                # A worker plans their communities' people, but their volunteers' weeks may already
                # hold visits elsewhere: count all of them against the weekly maximum.
                .execution_options(**UNSCOPED)
            ).all()
            if e[6] not in printed  # the printed visits of the period are decided anew below
        ]
        mine = {e[0] for e in elders} if scope.communities_of(s) is not None else None
        already_done = sum(1 for e in existing if start <= e[2] <= end and (mine is None or e[0] in mine))
        yield Progress(1, 5, "计算应探访次数…")
        required = required_visits(
            ((e[0], e[1]) for e in elders),
            start,
            end,
            policy,
            # A visit that did not reach the person (空访, refused) meets nothing: they are still due.
            [
                ExistingVisit(e[0], e[1], e[2])
                for e in existing
                if e[4] != VisitStatus.DONE.value or reached(e[7])
            ],
        )
        vol_rows = s.execute(
            select(
                m.Volunteer.id,
                m.Volunteer.micro_grid_id,
                m.MicroGrid.grid_id,
                m.Grid.community_id,
                m.Volunteer.availability,
                m.Volunteer.max_visits_per_week,
                m.Volunteer.service_provider,
            )
            .outerjoin(m.MicroGrid, m.Volunteer.micro_grid_id == m.MicroGrid.id)
            .outerjoin(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
            .where(m.Volunteer.active.is_(True))
            .order_by(m.Volunteer.id)
        ).all()
        active_vols = {v[0] for v in vol_rows}
        matched = plan_changes.match(required, found, active_vols)
        due = service_plan.due_by_week(s, start, end, {e[0] for e in elders})
        places = _places(elders)
        demands = _demands(s, places, required, matched, due)
        skills = service_plan.skills_of(s)
        booked: dict[int, Counter[date]] = {}
        halves: dict[int, Counter[tuple[date, int]]] = {}
        for e in existing:
            if e[3] is not None:
                booked.setdefault(e[3], Counter())[scheduling.monday(e[2])] += 1
                halves.setdefault(e[3], Counter())[(e[2], e[5])] += 1
        vols = [
            scheduling.VolunteerSupply(
                v[0],
                scheduling.Place(v[1], v[2], v[3]),
                v[4],
                v[5],
                dict(booked.get(v[0], {})),
                dict(halves.get(v[0], {})),
                skills.get(v[0], {}),
                bool(v[6]),
            )
            for v in vol_rows
        ]
        yield Progress(2, 5, f"求解最优分配（{len(demands)} 次探访，{len(vols)} 名志愿者）…")
        sol = _solve_home(demands, vols, found_services, active_vols, calendar.is_working_day)
        yield Progress(3, 5, "写入探访计划…")
        month = _is_month(start, end)
        short = scheduling.shortfalls(
            demands, sol.uncovered, "本月" if month else "本期", "this month" if month else "this period"
        )
        planned: dict[str, dict[str, int]] = {}
        for a in sol.assignments:
            r = required[a.demand]
            planned.setdefault(r.level, {}).setdefault(r.kind, 0)
            planned[r.level][r.kind] += 1
        new_code = _code_source(s)
        plan = m.VisitPlan(
            name=name or f"{start:%Y-%m-%d}至{end:%Y-%m-%d}探访计划",
            period_start=start,
            period_end=end,
            total_cost=float(sol.cost),
            created_by=ctx.actor.username,
        )
        s.add(plan)
        s.flush()
        done = plan_changes.apply(
            s,
            plan.id,
            required,
            sol,
            matched,
            found,
            {e[0] for e in elders},
            active_vols,
            new_code,
            ctx.clock.utcnow(),
            had_sheet,
        )
        insert_visits(s, done.new_rows)
        ride = service_plan.plan_services_in(s, start, end, {e[0] for e in elders})
        trips = service_trips.plan_service_trips(
            s,
            plan.id,
            start,
            end,
            ride,
            places,
            service_trips.supplies_after(vols, sol, ride.book.used),
            found_services,
            found_kinds,
            calendar.is_working_day,
            new_code,
            ctx.clock.utcnow(),
            insert_visits,
            had_sheet,
            _busy_days(existing, required, sol),
        )
        for level, n in trips.by_level.items():
            planned.setdefault(level, {})[VisitKind.SERVICE.value] = n
        for vid, codes in trips.outcome.void.items():
            done.void[vid] |= codes
        yield Progress(4, 5, "保存计划摘要…")
        summary = PlanSummary(
            plan_id=plan.id,
            start=start,
            end=end,
            planned=planned,
            already_done=already_done,
            uncovered_total=len(sol.uncovered),
            uncovered=[
                {"area": x.area, "reason": x.reason, "count": x.count, "zh": x.zh, "en": x.en} for x in short
            ],
            total_cost=sol.cost + trips.cost,
            lower_bound=sol.lower_bound + trips.cost,
            method=sol.method if trips.optimal else "tightened",
            warnings=cut
            + [{"zh": w.zh, "en": w.en} for w in calendar.warnings(start, end)]
            + _unplaced_warning(elders),
            seconds=round(time.perf_counter() - t0, 3),
            optimal=sol.optimal and trips.optimal,
            kept=done.kept + trips.outcome.kept,
            added=done.added + trips.outcome.added,
            moved=done.moved + trips.outcome.moved,
            cancelled=done.cancelled + trips.outcome.cancelled,
            void_sheets=plan_changes.void_sheets(s, done.void),
            services_planned=ride.rides + trips.services,
            service_visits=trips.visits,
            unmet_needs=trips.unmet,
        )
        plan.summary = summary.as_json()
        audit.record(
            s,
            ctx.actor,
            "create",
            "visit_plan",
            plan.id,
            detail=f"kept {done.kept}, added {done.added}, moved {done.moved}, cancelled {done.cancelled}, "
            f"already done {already_done}, uncovered {len(sol.uncovered)}, "
            f"services {ride.rides + trips.services} ({trips.visits} service visits)",
        )
        yield Progress(5, 5, "完成")
    return summary


def _busy_days(
    existing: Sequence[Any], required: Sequence[RequiredVisit], sol: scheduling.Solution
) -> dict[int, set[date]]:
    """person -> the days they have a visit or call, kept or just planned."""
    out: dict[int, set[date]] = {}
    for e in existing:
        out.setdefault(e[0], set()).add(e[2])
    for a in sol.assignments:
        out.setdefault(required[a.demand].elder_id, set()).add(a.day)
    return out


def _solve_home(
    demands: list[scheduling.Demand],
    vols: list[scheduling.VolunteerSupply],
    printed_services: Sequence[plan_changes.Incumbent],
    active: set[int],
    is_working_day: Callable[[date], bool],
) -> scheduling.Solution:
    """The home visits and calls, exactly. Printed service visits hold their volunteers' slots
    first, so a re-plan does not push them out for a home visit another volunteer could take;
    only when that leaves home visits or calls without a volunteer is it solved again with
    those slots free (coverage comes before services)."""

    def solve(supply: list[scheduling.VolunteerSupply]) -> scheduling.Solution:
        sol, _ = solve_with_rules(
            demands,
            supply,
            is_working_day,
            together=lambda d: d.kind == VisitKind.PHONE.value and d.stick == RED_CALL_STICK,
        )
        return sol

    held = [inc for inc in printed_services if inc.volunteer_id in active]
    if not held:
        return solve(vols)
    holding = scheduling.with_booked(vols, ((inc.volunteer_id, inc.day, inc.half) for inc in held))
    first = solve(holding)
    if any(u.reason == scheduling.CAPACITY for u in first.uncovered):
        return solve(vols)
    return first


def _area_namer(elders: Sequence[Any]) -> Callable[[Any], str]:
    """The grid's name as the plan's summary names an area; a name two communities both use (1网格)
    gets its community in front (月河社区/1网格), so their shortfalls are not told as one."""
    held: dict[str, set[Any]] = {}
    for e in elders:
        if e[5]:
            held.setdefault(e[5], set()).add(e[4])
    shared = {name for name, communities in held.items() if len(communities) > 1}
    return lambda e: f"{e[7]}/{e[5]}" if e[5] in shared else (e[5] or "")


def _places(elders: Sequence[Any]) -> dict[int, tuple[scheduling.Place, str, str]]:
    """person -> (place, the area their shortfalls are told by, level)."""
    area = _area_namer(elders)
    return {e[0]: (scheduling.Place(e[2], e[3], e[4]), area(e), e[1]) for e in elders}


def _demands(
    s: Session,
    place: dict[int, tuple[scheduling.Place, str, str]],
    required: list[RequiredVisit],
    matched: dict[int, plan_changes.Incumbent],
    due: dict[int, tuple[tuple[date, frozenset[int]], ...]] | None = None,
) -> list[scheduling.Demand]:
    """One solver demand per requirement: place, previous volunteer, the printed slot if any; a red
    person's calls stick to one volunteer (the one of their printed calls, else the last one)."""
    last = _last_volunteers(s)
    call_volunteer: dict[int, int] = {}
    for i, inc in matched.items():
        if required[i].kind == VisitKind.PHONE.value and inc.volunteer_id is not None:
            call_volunteer.setdefault(inc.elder_id, inc.volunteer_id)
    out = []
    for i, r in enumerate(required):
        inc = matched.get(i)
        keep = None if inc is None or inc.volunteer_id is None else (inc.volunteer_id, inc.day, inc.half)
        red_call = r.kind == VisitKind.PHONE.value and r.level == Level.RED.value
        prefer = call_volunteer.get(r.elder_id, last.get(r.elder_id)) if red_call else last.get(r.elder_id)
        out.append(
            scheduling.Demand(
                r.elder_id,
                r.kind,
                r.window.start,
                r.window.end,
                place[r.elder_id][0],
                prefer,
                place[r.elder_id][1],
                r.window.label_zh,
                keep=keep,
                stick=RED_CALL_STICK if red_call else None,
                # In a re-plan a new visit costs what moving a printed one costs: where volunteers
                # are short, a printed visit is not cancelled for a new one that is only cheaper.
                move=scheduling.DEFAULT_COST.move if keep is None and matched else None,
                # the needs due in the window's weeks ask for a home visitor who can give them
                needs=(due or {}).get(r.elder_id, ()) if r.kind == VisitKind.HOME.value else (),
            )
        )
    return out


@dataclass(frozen=True)
class PlanInForce:
    """The plan a period's planned visits come from, as the plan tab shows it on opening."""

    name: str  # the latest plan touching the period ("" if none)
    created_by: str
    start: date | None
    end: date | None
    visits: int  # visits in the period that are not cancelled


def plan_in_force(ctx: ServiceContext, start: date, end: date) -> PlanInForce:
    """Read-only: what is planned for [start, end] now. Opening the tab never re-plans."""
    ctx.require(Action.LIST)
    with ctx.read() as s:
        plan = s.execute(
            select(m.VisitPlan.name, m.VisitPlan.created_by, m.VisitPlan.period_start, m.VisitPlan.period_end)
            .where(m.VisitPlan.period_start <= end, m.VisitPlan.period_end >= start)
            .order_by(m.VisitPlan.id.desc())
            .limit(1)
        ).first()
        n = s.scalar(
            select(func.count())
            .select_from(m.Visit)
            .where(
                m.Visit.status != VisitStatus.CANCELLED.value,
                m.Visit.planned_date >= start,
                m.Visit.planned_date <= end,
            )
        )
    if plan is None:
        return PlanInForce("", "", None, None, n or 0)
    return PlanInForce(plan[0], plan[1], plan[2], plan[3], n or 0)


def latest_period(ctx: ServiceContext, today: date) -> tuple[date, date] | None:
    """The period of the latest plan still running or to come, for the tab to open on."""
    ctx.require(Action.LIST)
    with ctx.read() as s:
        row = s.execute(
            select(m.VisitPlan.period_start, m.VisitPlan.period_end)
            .where(m.VisitPlan.period_end >= today)
            .order_by(m.VisitPlan.id.desc())
            .limit(1)
        ).first()
    return None if row is None else (row[0], row[1])


def reached(outcome: str | None) -> bool:
    """A done visit's outcome reached the person (见到, 需跟进, 住院, 电话联系上), so it meets the window."""
    return outcome is not None and outcome in _CONTACT_OUTCOMES


_CONTACT_OUTCOMES = frozenset(o.value for o in Outcome if o.is_contact)


def _unplaced_warning(elders: list[Any]) -> list[dict[str, str]]:
    """People still awaiting a micro-grid (imported without one) are planned by their grid only:
    say how many, so someone puts them where a nearby volunteer is found for them."""
    n = sum(1 for e in elders if e[2] is None or e[6] == CATCH_ALL)
    if not n:
        return []
    return [
        {
            "zh": f"{n} 人还没有分到微网格（待分配微网格），只能按网格或社区安排探访；"
            "请在花名册中勾选“只看待分配微网格”后分到微网格",
            "en": f"{n} people await a micro-grid and are planned by grid or community only; on the "
            "roster tick 'Awaiting a micro-grid only' and move them",
        }
    ]


def _printed(inc: plan_changes.Incumbent | None) -> tuple[int, date, int] | None:
    if inc is None or inc.volunteer_id is None:
        return None
    return inc.volunteer_id, inc.day, inc.half


def insert_visits(s: Session, rows: list[dict[str, Any]]) -> None:
    """Insert new planned visits in bulk (5,000 a statement); each row gives at least the code,
    person, kind, date, half-day and window, and the rest start empty."""
    full = [
        {
            "status": VisitStatus.PLANNED.value,
            "findings": {},
            "notes": "",
            "visited_by": "",
            "recorded_by": "",
            "version": 1,
            **row,
        }
        for row in rows
    ]
    for i in range(0, len(full), 5000):
        s.execute(insert(m.Visit), full[i : i + 5000])


def _last_volunteers(s: Session) -> dict[int, int]:
    """The volunteer of each person's latest visit that took place."""
    rn = (
        func.row_number()
        .over(partition_by=m.Visit.elder_id, order_by=(m.Visit.planned_date.desc(), m.Visit.id.desc()))
        .label("rn")
    )
    sub = (
        select(m.Visit.elder_id, m.Visit.volunteer_id, rn)
        .where(m.Visit.status == VisitStatus.DONE.value, m.Visit.volunteer_id.is_not(None))
        .subquery()
    )
    return {e: v for e, v in s.execute(select(sub.c.elder_id, sub.c.volunteer_id).where(sub.c.rn == 1))}


def _code_source(s: Session):  # type: ignore[no-untyped-def]
    """A function returning fresh visit codes, unique against the database and each other."""
    used = set(s.scalars(select(m.Visit.code).execution_options(**UNSCOPED)))  # codes are unique everywhere
    rng = random.Random()

    def new() -> str:
        code = visit_code.new_code(rng)
        while code in used:
            code = visit_code.new_code(rng)
        used.add(code)
        return code

    return new


def new_codes(s: Session, n: int) -> list[str]:
    """``n`` fresh visit codes, unique against the database and each other. Asks the database
    about the candidates only, not for every code there is: one phone check-in or urgent visit
    no longer reads the whole visit table's codes."""
    rng = random.Random()
    out: list[str] = []
    while len(out) < n:
        candidates = list({visit_code.new_code(rng) for _ in range(n - len(out))} - set(out))
        taken: set[str] = set()
        for i in range(0, len(candidates), 900):
            taken.update(
                s.scalars(
                    select(m.Visit.code)
                    .where(m.Visit.code.in_(candidates[i : i + 900]))
                    .execution_options(**UNSCOPED)
                )
            )
        out += [c for c in candidates if c not in taken]
    return out


# ------------------------------------------------------------------ manual changes


@dataclass(frozen=True)
class ChangeResult:
    applied: bool
    warnings: list[Problem]
    visit_id: int = 0

    @property
    def changes(self) -> Changes:
        return Changes.of(visits=[self.visit_id]) if self.applied else Changes()


def unavailable(vol: m.Volunteer, day: date, half: int) -> Problem | None:
    """The volunteer has not said they are free on that weekday's half-day."""
    if vol.availability >> (day.weekday() * 2 + half) & 1:
        return None
    when = "上午" if half == 0 else "下午"
    return Problem(
        "volunteer_id",
        f"志愿者{vol.name}周{'一二三四五六日'[day.weekday()]}{when}没空",
        f"{vol.name} is not available on {day:%A} {'morning' if half == 0 else 'afternoon'}",
    )


def over_capacity(s: Session, vol: m.Volunteer, day: date, visit_id: int | None) -> Problem | None:
    """One more visit in ``day``'s week would exceed the volunteer's weekly maximum
    (``visit_id``, the visit being given to them, is not counted twice)."""
    mon = scheduling.monday(day)
    n = (
        s.scalar(
            select(func.count())
            .select_from(m.Visit)
            .where(
                m.Visit.volunteer_id == vol.id,
                m.Visit.id != visit_id,
                m.Visit.status != VisitStatus.CANCELLED.value,
                m.Visit.planned_date >= mon,
                m.Visit.planned_date <= mon + timedelta(days=6),
            )
        )
        or 0
    )
    return week_full(vol, n)


def week_full(vol: m.Volunteer, n: int) -> Problem | None:
    """The warning ``over_capacity`` gives when the volunteer already has ``n`` visits that week."""
    if n + 1 <= vol.max_visits_per_week:
        return None
    return Problem(
        "volunteer_id",
        f"志愿者{vol.name}该周已有{n}次探访，超过每周上限{vol.max_visits_per_week}次",
        f"{vol.name} already has {n} visits that week, above the weekly maximum of {vol.max_visits_per_week}",
    )


def _conflicts(s: Session, visit: m.Visit, day: date, half: int, volunteer_id: int | None) -> list[Problem]:
    out: list[Problem] = []
    calendar = load_calendar(s)
    if not calendar.is_working_day(day):
        name, name_en = calendar.holiday_names(day)
        out.append(
            Problem(
                "planned_date",
                f"{day:%m月%d日}不是工作日{('（' + name + '）') if name else ''}",
                f"{day.isoformat()} is not a working day{(' (' + name_en + ')') if name_en else ''}",
            )
        )
    if visit.window_start and visit.window_end and not visit.window_start <= day <= visit.window_end:
        out.append(
            Problem(
                "planned_date",
                f"日期不在应探访时间窗（{visit.window_start:%m-%d}至{visit.window_end:%m-%d}）内",
                f"The date is outside the visit's window ({visit.window_start} to {visit.window_end})",
            )
        )
    if volunteer_id is None:
        return out
    vol = s.get(m.Volunteer, volunteer_id)
    if vol is None:
        raise UserError(f"没有编号为{volunteer_id}的志愿者", f"No volunteer with id {volunteer_id}")
    if not vol.active:
        out.append(Problem("volunteer_id", f"志愿者{vol.name}已停用", f"Volunteer {vol.name} is inactive"))
    # the services were planned with this visit's volunteer: asked only when it goes to another
    skill = lacks_skill(s, vol, visit) if volunteer_id != visit.volunteer_id else None
    for problem in (unavailable(vol, day, half), over_capacity(s, vol, day, visit.id), skill):
        if problem is not None:
            out.append(problem)
    return out


def lacks_skill(s: Session, vol: m.Volunteer, visit: m.Visit) -> Problem | None:
    """The volunteer cannot give a service the plan put on this visit (not a service provider)."""
    if vol.service_provider:
        return None
    planned = set(
        s.scalars(
            select(m.ServiceKind.name)
            .join(m.VisitService, m.VisitService.kind_id == m.ServiceKind.id)
            .where(m.VisitService.visit_id == visit.id, m.VisitService.planned.is_(True))
        )
    )
    missing = sorted(planned - {sk.kind.name for sk in vol.skills})
    if not missing:
        return None
    return Problem(
        "volunteer_id",
        f"志愿者{vol.name}不会这次要做的服务：{'、'.join(missing)}",
        f"{vol.name} cannot give the services planned on this visit: {', '.join(missing)}",
    )


def _editable(s: Session, visit_id: int, version: int | None) -> m.Visit:
    visit = s.get(m.Visit, visit_id)
    if visit is None:
        raise UserError(f"没有这条探访（编号{visit_id}）", f"No such visit (id {visit_id})")
    if version is not None and visit.version != version:
        raise ConflictError(
            "这条探访已被别人修改，请刷新后再改", "Someone else changed this visit; reload it first"
        )
    if visit.status == VisitStatus.DONE.value:
        raise UserError("已完成的探访不能再调整", "A visit that is done cannot be moved")
    return visit


def move_visit(
    ctx: ServiceContext,
    visit_id: int,
    day: date,
    half: int = 0,
    *,
    confirm: bool = False,
    version: int | None = None,
) -> ChangeResult:
    """Move a visit to another day/half-day. Conflicts come back as warnings; ``confirm`` applies anyway."""
    ctx.require(Action.RECORD_VISITS)
    with ctx.transaction() as s:
        visit = _editable(s, visit_id, version)
        warnings = _conflicts(s, visit, day, half, visit.volunteer_id)
        if warnings and not confirm:
            return ChangeResult(False, warnings, visit.id)
        before = {"planned_date": visit.planned_date, "half_day": visit.half_day}
        visit.planned_date, visit.half_day = day, half
        audit.record_changes(s, ctx.actor, "visit", visit.id, before, {"planned_date": day, "half_day": half})
        return ChangeResult(True, warnings, visit.id)


def swap_volunteer(
    ctx: ServiceContext,
    visit_id: int,
    volunteer_id: int,
    *,
    confirm: bool = False,
    version: int | None = None,
) -> ChangeResult:
    """Give a visit to another volunteer; warnings as for ``move_visit``."""
    ctx.require(Action.RECORD_VISITS)
    with ctx.transaction() as s:
        visit = _editable(s, visit_id, version)
        warnings = _conflicts(s, visit, visit.planned_date, visit.half_day, volunteer_id)
        if warnings and not confirm:
            return ChangeResult(False, warnings, visit.id)
        audit.record_changes(
            s,
            ctx.actor,
            "visit",
            visit.id,
            {"volunteer_id": visit.volunteer_id},
            {"volunteer_id": volunteer_id},
        )
        visit.volunteer_id = volunteer_id
        return ChangeResult(True, warnings, visit.id)


def set_status(ctx: ServiceContext, visit_id: int, status: str) -> Changes:
    """Confirm (the volunteer agreed) or cancel a planned visit."""
    ctx.require(Action.RECORD_VISITS)
    if status not in (VisitStatus.CONFIRMED.value, VisitStatus.CANCELLED.value, VisitStatus.PLANNED.value):
        raise ValidationError(
            [Problem("status", "只能确认、取消或恢复为已计划", "Only confirm, cancel or re-plan")]
        )
    with ctx.transaction() as s:
        visit = _editable(s, visit_id, None)
        audit.record_changes(s, ctx.actor, "visit", visit.id, {"status": visit.status}, {"status": status})
        visit.status = status
        return Changes.of(elders=[visit.elder_id], visits=[visit.id])


def urgent_visit(s: Session, elder_id: int, volunteer_id: int | None, today: date) -> m.Visit:
    """A home visit within 24 hours (tomorrow at the latest), outside any plan."""
    visit = m.Visit(
        code=new_codes(s, 1)[0],
        elder_id=elder_id,
        volunteer_id=volunteer_id,
        kind=VisitKind.HOME.value,
        planned_date=today + timedelta(days=1),
        half_day=0,
        window_start=today,
        window_end=today + timedelta(days=1),
        status=VisitStatus.PLANNED.value,
        findings={},
        notes="24小时内上门（风险变化）",
    )
    s.add(visit)
    s.flush()
    return visit
