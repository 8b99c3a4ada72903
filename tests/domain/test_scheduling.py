"""The planner against independent solutions: scipy's assignment on an expanded matrix, and the rules."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from silverage.domain.calendar_cn import WorkCalendar
from silverage.domain.scheduling import (
    CAPACITY,
    NO_VOLUNTEER,
    NO_WORKDAY,
    CostModel,
    Demand,
    Place,
    VolunteerSupply,
    monday,
    shortfalls,
    solve,
)

CAL = WorkCalendar()
COST = CostModel()


def _place(rng: random.Random) -> Place:
    micro = rng.randint(1, 6)
    grid = (micro + 1) // 2
    return Place(micro, grid, (grid + 1) // 2)


def _instance(seed: int, n_d: int, n_v: int) -> tuple[list[Demand], list[VolunteerSupply]]:
    rng = random.Random(seed)
    first = date(2026, 12, 7)
    demands = []
    for i in range(n_d):
        s = first + timedelta(days=rng.choice([0, 0, 3, 7]))
        e = s + timedelta(days=rng.choice([2, 6, 13]))
        demands.append(
            Demand(
                i + 1,
                rng.choice(["home", "home", "phone"]),
                s,
                e,
                _place(rng),
                rng.choice([None, 1, 2, 3]),
                f"网格{i % 3}",
            )
        )
    vols = [
        VolunteerSupply(
            j + 1, _place(rng), rng.getrandbits(14), rng.randint(1, 3), {first: rng.randint(0, 1)}
        )
        for j in range(n_v)
    ]
    return demands, vols


def _arc_cost(d: Demand, v: VolunteerSupply) -> int:
    if d.place.micro_grid_id == v.place.micro_grid_id:
        lvl = 0
    elif d.place.grid_id == v.place.grid_id:
        lvl = 1
    elif d.place.community_id == v.place.community_id:
        lvl = 2
    else:
        lvl = 3
    dist = (COST.phone_distance if d.kind == "phone" else COST.home_distance)[lvl]
    return dist + (COST.not_last if d.last_volunteer not in (None, v.id) else 0)


def _reference(demands: list[Demand], vols: list[VolunteerSupply]) -> tuple[int, int]:
    """(uncovered count, cost of the covered) by scipy on columns (volunteer, week, k-th visit)."""
    cols = []
    for v in vols:
        for wk in sorted(
            {monday(d.start + timedelta(days=i)) for d in demands for i in range((d.end - d.start).days + 1)}
        ):
            booked = v.booked.get(wk, 0)
            for k in range(max(0, v.max_per_week - booked)):
                cols.append((v, wk, COST.load_step * (booked + k)))
    big = 10 * COST.uncovered
    m = np.full((len(demands), len(cols) + len(demands)), big, dtype=np.int64)
    for i, d in enumerate(demands):
        m[i, len(cols) + i] = COST.uncovered
        for j, (v, wk, load) in enumerate(cols):
            days = [d.start + timedelta(days=x) for x in range((d.end - d.start).days + 1)]
            ok = any(
                CAL.is_working_day(day)
                and monday(day) == wk
                and v.availability >> (day.weekday() * 2 + h) & 1
                for day in days
                for h in (0, 1)
            )
            if ok:
                m[i, j] = _arc_cost(d, v) + load
    rows, cs = linear_sum_assignment(m)
    total = int(m[rows, cs].sum())
    unc = sum(1 for c in cs if c >= len(cols))
    return unc, total - unc * COST.uncovered


@pytest.mark.parametrize("seed", range(8))
def test_optimal_against_scipy_assignment(seed: int) -> None:
    demands, vols = _instance(seed, n_d=14, n_v=4)
    sol = solve(demands, vols, CAL.is_working_day)
    unc, cost = _reference(demands, vols)
    assert sol.method == "exact"
    assert len(sol.uncovered) == unc
    assert sol.cost == cost
    assert sol.lower_bound <= sol.cost
    by_id = {v.id: v for v in vols}
    brute = 0
    for a in sol.assignments:
        d = demands[a.demand]
        days = [d.start + timedelta(days=x) for x in range((d.end - d.start).days + 1)]
        brute += min(
            _arc_cost(d, v)
            for v in by_id.values()
            if any(
                CAL.is_working_day(x) and v.availability >> (x.weekday() * 2 + h) & 1
                for x in days
                for h in (0, 1)
            )
        )
    assert sol.lower_bound == brute


@pytest.mark.parametrize("seed", range(4))
def test_every_demand_is_planned_or_uncovered_and_rules_hold(seed: int) -> None:
    demands, vols = _instance(100 + seed, n_d=40, n_v=5)
    sol = solve(demands, vols, CAL.is_working_day)
    planned = {a.demand for a in sol.assignments}
    missing = {u.demand for u in sol.uncovered}
    assert planned | missing == set(range(len(demands))) and not planned & missing
    by_id = {v.id: v for v in vols}
    per_week: dict[tuple[int, date], int] = {}
    for a in sol.assignments:
        d, v = demands[a.demand], by_id[a.volunteer_id]
        assert d.start <= a.day <= d.end
        assert CAL.is_working_day(a.day)
        assert v.availability >> (a.day.weekday() * 2 + a.half) & 1
        per_week[(v.id, monday(a.day))] = per_week.get((v.id, monday(a.day)), 0) + 1
    for (vid, wk), n in per_week.items():
        assert n + by_id[vid].booked.get(wk, 0) <= by_id[vid].max_per_week


def test_decomposed_plan_is_valid_and_no_better_than_exact() -> None:
    demands, vols = _instance(7, n_d=60, n_v=8)
    exact = solve(demands, vols, CAL.is_working_day)
    split = solve(demands, vols, CAL.is_working_day, decompose=True)
    assert split.method == "by_community"
    assert len(split.uncovered) >= len(exact.uncovered)
    if len(split.uncovered) == len(exact.uncovered):
        assert split.cost >= exact.cost
    assert {a.demand for a in split.assignments} | {u.demand for u in split.uncovered} == set(range(60))


def test_nearby_returning_volunteer_is_preferred() -> None:
    home = Place(1, 1, 1)
    d = [Demand(1, "home", date(2026, 12, 7), date(2026, 12, 11), home, last_volunteer=2)]
    vols = [
        VolunteerSupply(1, Place(9, 9, 9), 0x3FFF, 5),
        VolunteerSupply(2, Place(2, 1, 1), 0x3FFF, 5),
        VolunteerSupply(3, home, 0x3FFF, 5),
    ]
    sol = solve(d, vols, CAL.is_working_day)
    # same micro-grid but new (0 + 20) loses to same grid and returning (10 + 0)
    assert sol.assignments[0].volunteer_id == 2 and sol.cost == 10


def test_holiday_and_make_up_saturday() -> None:
    # 2026-10-01..07 National Day holidays; Saturday 2026-10-10 is a make-up working day (调休).
    d = [
        Demand(1, "home", date(2026, 10, 1), date(2026, 10, 7), Place(1, 1, 1), area="月河1网格"),
        Demand(2, "home", date(2026, 10, 10), date(2026, 10, 11), Place(1, 1, 1)),
    ]
    saturday_only = VolunteerSupply(1, Place(1, 1, 1), 0b11 << 10, 5)
    sol = solve(d, [saturday_only], CAL.is_working_day)
    assert [u.reason for u in sol.uncovered] == [NO_WORKDAY]
    assert sol.assignments[0].day == date(2026, 10, 10)
    assert "没有工作日" in shortfalls(d, sol.uncovered)[0].zh


def test_capacity_shortfall_is_explained_per_grid() -> None:
    ds = [
        Demand(i, "home", date(2026, 12, 7), date(2026, 12, 13), Place(1, 1, 1), area="月河3网格")
        for i in range(5)
    ]
    sol = solve(ds, [VolunteerSupply(1, Place(1, 1, 1), 0x3FFF, 2)], CAL.is_working_day)
    assert len(sol.assignments) == 2 and {u.reason for u in sol.uncovered} == {CAPACITY}
    assert shortfalls(ds, sol.uncovered, "本月")[0].zh == "月河3网格 本月志愿者容量不足 3 次"
    nobody = solve(ds[:1], [VolunteerSupply(1, Place(1, 1, 1), 0, 2)], CAL.is_working_day)
    assert nobody.uncovered[0].reason == NO_VOLUNTEER


def test_load_is_balanced_between_equal_volunteers() -> None:
    ds = [Demand(i, "home", date(2026, 12, 7), date(2026, 12, 11), Place(1, 1, 1)) for i in range(6)]
    vols = [VolunteerSupply(j, Place(1, 1, 1), 0x3FFF, 10) for j in (1, 2)]
    sol = solve(ds, vols, CAL.is_working_day)
    counts = [sum(1 for a in sol.assignments if a.volunteer_id == j) for j in (1, 2)]
    assert counts == [3, 3]
