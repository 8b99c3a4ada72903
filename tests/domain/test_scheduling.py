"""The planner against independent solutions (scipy's assignment on an expanded matrix, brute force,
the dense min-cost flow) and against the rules a coordinator checks."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from silverage.domain.calendar_cn import WorkCalendar
from silverage.domain.scheduling import (
    CAPACITY,
    NO_VOLUNTEER,
    NO_WORKDAY,
    Assignment,
    CostModel,
    Demand,
    Place,
    VolunteerSupply,
    monday,
    shortfalls,
    solve,
)
from tests.domain.dense_reference import dense_optimum

CAL = WorkCalendar()
COST = CostModel()
NO_SPREAD = CostModel(spread_step=0)  # the cost the assignment and week brute force write out


def _place(rng: random.Random) -> Place:
    if rng.random() < 0.08:
        return Place()  # a person or volunteer not yet placed on a micro-grid
    micro = rng.randint(1, 8)
    grid = (micro + 1) // 2
    return Place(micro, grid, (grid + 1) // 2)


# Anchors where partial weeks matter: National Day 2026 (1-7 October off, Saturday 10 October is a
# make-up working day), and the turn of the year (1 January off; a month window ends on a Thursday).
ANCHORS = (date(2026, 9, 28), date(2026, 12, 7), date(2026, 12, 28))


def _instance(seed: int, n_d: int, n_v: int, max_len: int = 20) -> tuple[list[Demand], list[VolunteerSupply]]:
    rng = random.Random(seed)
    first = rng.choice(ANCHORS)
    demands = []
    for i in range(n_d):
        s = first + timedelta(days=rng.choice([0, 0, 2, 3, 7, 10]))
        e = s + timedelta(days=rng.choice([x for x in (0, 2, 6, 13, 20) if x <= max_len]))
        demands.append(
            Demand(
                i + 1,
                rng.choice(["home", "home", "phone"]),
                s,
                e,
                _place(rng),
                rng.choice([None, None, 1, 2, 3, 99]),  # 99: a former volunteer, no longer active
                f"网格{i % 3}",
            )
        )
    vols = [
        VolunteerSupply(
            j + 1,
            _place(rng),
            rng.getrandbits(14) | rng.choice([0, 0b11 << 10]),  # some can come on Saturdays
            rng.randint(1, 3),
            {monday(first): rng.randint(0, 1), monday(first) + timedelta(days=7): rng.randint(0, 1)},
        )
        for j in range(n_v)
    ]
    return demands, vols


def _arc_cost(d: Demand, v: VolunteerSupply) -> int:
    """The stated cost, written out: an unknown place (None) is near nobody."""
    a, b = d.place, v.place
    if a.micro_grid_id is not None and a.micro_grid_id == b.micro_grid_id:
        lvl = 0
    elif a.grid_id is not None and a.grid_id == b.grid_id:
        lvl = 1
    elif a.community_id is not None and a.community_id == b.community_id:
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


def _slots(d: Demand, v: VolunteerSupply) -> dict[date, bool]:
    """Weeks of d's window in which v has an available working half-day."""
    out: dict[date, bool] = {}
    for x in range((d.end - d.start).days + 1):
        day = d.start + timedelta(days=x)
        ok = CAL.is_working_day(day) and any(v.availability >> (day.weekday() * 2 + h) & 1 for h in (0, 1))
        out[monday(day)] = out.get(monday(day), False) or ok
    return {w for w, ok in out.items() if ok}


def _true_cost(
    sol_assignments: list, demands: list[Demand], vols: list[VolunteerSupply], cost: CostModel = COST
) -> int:
    """The stated cost of a plan, recomputed from scratch: arcs, moves of printed visits, the
    convex weekly load and the convex half-day spread."""
    by_id = {v.id: v for v in vols}
    per_week: dict[tuple[int, date], int] = {}
    per_half: dict[tuple[int, date, int], int] = {}
    total = 0
    for a in sol_assignments:
        d = demands[a.demand]
        total += _arc_cost(d, by_id[a.volunteer_id])
        if d.keep is not None and d.keep != (a.volunteer_id, a.day, a.half):
            total += cost.move if d.move is None else d.move
        per_week[(a.volunteer_id, monday(a.day))] = per_week.get((a.volunteer_id, monday(a.day)), 0) + 1
        per_half[(a.volunteer_id, a.day, a.half)] = per_half.get((a.volunteer_id, a.day, a.half), 0) + 1
    for (vid, wk), n in per_week.items():
        booked = by_id[vid].booked.get(wk, 0)
        total += sum(cost.load_step * (booked + k) for k in range(n))
    for (vid, day, half), n in per_half.items():
        booked = by_id[vid].booked_half.get((day, half), 0)
        total += sum(cost.spread_step * (booked + k) for k in range(n))
    return total


def _with_keeps(seed: int, demands: list[Demand], vols: list[VolunteerSupply]) -> list[Demand]:
    """Some demands printed by an earlier plan: a random volunteer and half-day, often still
    feasible, sometimes not (a volunteer who is gone, a day off, outside the window)."""
    rng = random.Random(seed)
    out = []
    for d in demands:
        if rng.random() < 0.5:
            day = d.start + timedelta(days=rng.randint(0, (d.end - d.start).days + 1))
            vid = rng.choice([v.id for v in vols] + [99])
            d = replace(d, keep=(vid, day, rng.randint(0, 1)))
        out.append(d)
    return out


def _brute_force_halves(demands: list[Demand], vols: list[VolunteerSupply]) -> tuple[int, int]:
    """(uncovered, cost) of the best plan over every (volunteer, day, half-day) choice, with the
    spread and move terms: the stated cost, tried plan by plan."""
    options = [
        [None]
        + [
            (v.id, day, half)
            for v in vols
            for day in (d.start + timedelta(days=x) for x in range((d.end - d.start).days + 1))
            if CAL.is_working_day(day)
            for half in (0, 1)
            if v.availability >> (day.weekday() * 2 + half) & 1
        ]
        for d in demands
    ]
    by_id = {v.id: v for v in vols}
    best = (len(demands) + 1, 0)
    for plan in itertools.product(*options):
        chosen = [(i, c) for i, c in enumerate(plan) if c is not None]
        weeks: dict[tuple[int, date], int] = {}
        for _, (vid, day, _h) in chosen:
            weeks[(vid, monday(day))] = weeks.get((vid, monday(day)), 0) + 1
        if any(n + by_id[vid].booked.get(w, 0) > by_id[vid].max_per_week for (vid, w), n in weeks.items()):
            continue
        fake = [Assignment(i, vid, day, half, 0) for i, (vid, day, half) in chosen]
        best = min(best, (len(demands) - len(chosen), _true_cost(fake, demands, vols)))
    return best


def _brute_force(demands: list[Demand], vols: list[VolunteerSupply]) -> tuple[int, int]:
    """(uncovered, cost) of the best plan, by trying every plan."""
    options = [[None] + [(v, w) for v in vols for w in sorted(_slots(d, v))] for d in demands]
    best = (len(demands) + 1, 0)
    for plan in itertools.product(*options):
        load: dict[tuple[int, date], int] = {}
        cost = 0
        for d, choice in zip(demands, plan, strict=True):
            if choice is not None:
                v, w = choice
                k = load.get((v.id, w), 0)
                load[(v.id, w)] = k + 1
                cost += _arc_cost(d, v) + COST.load_step * (v.booked.get(w, 0) + k)
        if any(
            n + v.booked.get(w, 0) > v.max_per_week
            for (vid, w), n in load.items()
            for v in vols
            if v.id == vid
        ):
            continue
        best = min(best, (sum(c is None for c in plan), cost))
    return best


@pytest.mark.parametrize("seed", range(10))
def test_optimal_against_scipy_assignment(seed: int) -> None:
    demands, vols = _instance(seed, n_d=14, n_v=4)
    sol = solve(demands, vols, CAL.is_working_day, NO_SPREAD)
    unc, cost = _reference(demands, vols)
    assert sol.method == "exact" and sol.optimal
    assert len(sol.uncovered) == unc
    assert sol.cost == cost == _true_cost(sol.assignments, demands, vols, NO_SPREAD)


@pytest.mark.parametrize("seed", range(8))
def test_optimal_against_brute_force(seed: int) -> None:
    demands, vols = _instance(500 + seed, n_d=5, n_v=2, max_len=13)
    sol = solve(demands, vols, CAL.is_working_day, NO_SPREAD)
    assert (len(sol.uncovered), sol.cost) == _brute_force(demands, vols)


@pytest.mark.parametrize("seed", range(8))
def test_optimal_over_half_days_and_printed_visits_against_brute_force(seed: int) -> None:
    """Spread over half-days and the cost of moving a printed visit, against every plan there is."""
    demands, vols = _instance(700 + seed, n_d=4, n_v=2, max_len=2)
    demands = _with_keeps(seed, demands, vols)
    sol = solve(demands, vols, CAL.is_working_day)
    assert (len(sol.uncovered), sol.cost) == _brute_force_halves(demands, vols)
    assert sol.cost == _true_cost(sol.assignments, demands, vols)


@pytest.mark.parametrize("seed", range(6))
def test_same_optimum_as_the_dense_network(seed: int) -> None:
    """Larger cases than the assignment matrix allows: the place-tree network against one arc per pair."""
    demands, vols = _instance(900 + seed, n_d=220, n_v=18)
    if seed % 2:
        demands = _with_keeps(seed, demands, vols)
    sol = solve(demands, vols, CAL.is_working_day)
    unc, cost, dense_arcs = dense_optimum(demands, vols, CAL.is_working_day)
    assert (len(sol.uncovered), sol.cost) == (unc, cost)
    assert sol.cost == _true_cost(sol.assignments, demands, vols)
    assert 0 < sol.arcs < dense_arcs


def _with_needs(seed: int, demands: list[Demand], vols: list[VolunteerSupply]):
    """Home visits with service kinds due in some weeks; volunteers with some skills, a provider."""
    rng = random.Random(seed)
    out = []
    for d in demands:
        weeks = sorted({monday(d.start + timedelta(days=i)) for i in range((d.end - d.start).days + 1)})
        if d.kind == "home" and rng.random() < 0.4:
            d = replace(
                d, needs=tuple((w, frozenset(rng.sample([1, 2, 3], rng.randint(1, 2)))) for w in weeks)
            )
        out.append(d)
    skilled = [
        replace(v, skills={k: 50 for k in rng.sample([1, 2, 3], rng.randint(0, 2))}, provider=j == 0)
        for j, v in enumerate(vols)
    ]
    return out, skilled


@pytest.mark.parametrize("seed", range(4))
def test_needs_same_optimum_as_the_dense_network(seed: int) -> None:
    """With needs due: the network's skill parts reach the dense optimum, where each needed kind a
    home visitor cannot give (no skill, or from another community) costs ``need_missed``."""
    demands, vols = _with_needs(seed, *_instance(700 + seed, n_d=160, n_v=14))
    if seed % 2:
        demands = _with_keeps(seed, demands, vols)
    sol = solve(demands, vols, CAL.is_working_day)
    unc, cost, _ = dense_optimum(demands, vols, CAL.is_working_day)
    assert (len(sol.uncovered), sol.cost) == (unc, cost)
    plain = solve([replace(d, needs=()) for d in demands], vols, CAL.is_working_day)
    assert len(plain.uncovered) == len(sol.uncovered)  # nobody loses a visit because of a need
    assert any(d.needs for d in demands)


def test_a_need_goes_to_the_skilled_neighbour_within_its_weekly_limit() -> None:
    """Three people nearby need a bath in one week; the only bather may give two a week: two go to
    her, the third to the other neighbour (still visited, need left out)."""
    wk = date(2026, 12, 7)
    home = Place(1, 1, 1)
    ds = [
        Demand(i, "home", wk, wk + timedelta(days=4), home, needs=((wk, frozenset({7})),)) for i in range(3)
    ]
    bather = VolunteerSupply(1, Place(2, 1, 1), 0x3FFF, 5, skills={7: 2})
    other = VolunteerSupply(2, home, 0x3FFF, 5)
    far = VolunteerSupply(3, Place(9, 9, 9), 0x3FFF, 5, skills={7: 5})  # another community
    sol = solve(ds, [bather, other, far], CAL.is_working_day)
    by = Counter(a.volunteer_id for a in sol.assignments)
    assert not sol.uncovered and by == {1: 2, 2: 1}


def _with_service_visits(seed: int, demands: list[Demand], vols: list[VolunteerSupply]) -> list[Demand]:
    """Some of the demands turned into service visits: kinds due in every week of their window."""
    rng = random.Random(seed)
    out = []
    for d in demands:
        if d.kind == "home" and rng.random() < 0.35:
            weeks = sorted({monday(d.start + timedelta(days=i)) for i in range((d.end - d.start).days + 1)})
            kinds = frozenset(rng.sample([1, 2, 3], rng.randint(1, 2)))
            d = replace(d, kind="service", last_volunteer=None, needs=tuple((w, kinds) for w in weeks))
        out.append(d)
    return out


@pytest.mark.parametrize("seed", range(4))
def test_service_visits_reach_the_dense_optimum_and_go_only_to_skilled_neighbours(seed: int) -> None:
    """Service visits among home visits and calls: the same optimum as the dense network, and each
    goes to a volunteer of the person's community who gives at least one of its kinds, which the
    assignment names; a service visit nobody nearby can give is left uncovered, never sent to an
    unskilled volunteer."""
    demands, vols = _with_needs(seed, *_instance(900 + seed, n_d=150, n_v=14))
    demands = _with_service_visits(seed, demands, vols)
    if seed % 2:
        demands = _with_keeps(seed, demands, vols)
    sol = solve(demands, vols, CAL.is_working_day)
    unc, cost, _ = dense_optimum(demands, vols, CAL.is_working_day)
    assert (len(sol.uncovered), sol.cost) == (unc, cost)
    by_id = {v.id: v for v in vols}
    served = [a for a in sol.assignments if demands[a.demand].kind == "service"]
    assert served and any(demands[u.demand].kind == "service" for u in sol.uncovered)
    for a in served:
        d, v = demands[a.demand], by_id[a.volunteer_id]
        due = dict(d.needs)[monday(a.day)]
        assert d.place.community_id is not None and d.place.community_id == v.place.community_id
        assert a.services and a.services <= due
        assert v.provider or a.services <= v.skills.keys()


def test_a_service_visit_keeps_its_printed_slot_only_while_its_volunteer_gives_the_service() -> None:
    """A printed bath visit stays with its bather; once she no longer bathes it moves to the one
    who does, and with nobody left it is uncovered."""
    wk = date(2026, 12, 7)
    home = Place(1, 1, 1)
    bath = Demand(1, "service", wk, wk + timedelta(days=4), home, needs=((wk, frozenset({7})),))
    printed = replace(bath, keep=(1, wk + timedelta(days=1), 0))
    bather = VolunteerSupply(1, Place(2, 1, 1), 0x3FFF, 5, skills={7: 3})
    other = VolunteerSupply(2, home, 0x3FFF, 5, skills={7: 3})
    (a,) = solve([printed], [bather, other], CAL.is_working_day).assignments
    assert (a.volunteer_id, a.day, a.kept, a.services) == (1, wk + timedelta(days=1), True, {7})
    (a,) = solve([printed], [replace(bather, skills={}), other], CAL.is_working_day).assignments
    assert (a.volunteer_id, a.kept) == (2, False)
    sol = solve([printed], [replace(bather, skills={}), replace(other, skills={})], CAL.is_working_day)
    assert not sol.assignments and len(sol.uncovered) == 1


def test_services_given_already_that_week_count_against_the_skill_limit() -> None:
    """The bather may bathe two a week and has bathed two on home visits: a third bath that week
    goes to nobody else nearby without the skill, so it is uncovered; the next week she has room."""
    wk = date(2026, 12, 7)
    home = Place(1, 1, 1)
    bath = Demand(1, "service", wk, wk + timedelta(days=4), home, needs=((wk, frozenset({7})),))
    full = VolunteerSupply(1, home, 0x3FFF, 5, skills={7: 2}, skill_booked={(wk, 7): 2})
    assert len(solve([bath], [full], CAL.is_working_day).uncovered) == 1
    nxt = wk + timedelta(days=7)
    later = replace(bath, start=nxt, end=nxt + timedelta(days=4), needs=((nxt, frozenset({7})),))
    assert len(solve([later], [full], CAL.is_working_day).assignments) == 1


@pytest.mark.parametrize("seed", range(4))
def test_every_demand_is_planned_or_uncovered_and_rules_hold(seed: int) -> None:
    demands, vols = _instance(100 + seed, n_d=60, n_v=5)
    sol = solve(demands, vols, CAL.is_working_day)
    planned = {a.demand for a in sol.assignments}
    missing = {u.demand for u in sol.uncovered}
    assert planned | missing == set(range(len(demands))) and not planned & missing
    assert {u.reason for u in sol.uncovered} <= {CAPACITY, NO_VOLUNTEER, NO_WORKDAY}
    by_id = {v.id: v for v in vols}
    per_week: dict[tuple[int, date], int] = {}
    for a in sol.assignments:
        d, v = demands[a.demand], by_id[a.volunteer_id]
        assert d.start <= a.day <= d.end
        assert CAL.is_working_day(a.day)
        assert v.availability >> (a.day.weekday() * 2 + a.half) & 1
        assert a.cost == _arc_cost(d, v)
        per_week[(v.id, monday(a.day))] = per_week.get((v.id, monday(a.day)), 0) + 1
    for (vid, wk), n in per_week.items():
        assert n + by_id[vid].booked.get(wk, 0) <= by_id[vid].max_per_week
    for u in sol.uncovered:
        d = demands[u.demand]
        if u.reason == NO_WORKDAY:
            assert not any(
                CAL.is_working_day(d.start + timedelta(days=x)) for x in range((d.end - d.start).days + 1)
            )
        elif u.reason == NO_VOLUNTEER:
            assert not any(_slots(d, v) for v in vols)


def test_places_must_form_a_tree() -> None:
    d = [Demand(1, "home", date(2026, 12, 7), date(2026, 12, 11), Place(1, 1, 1))]
    with pytest.raises(ValueError, match="tree"):
        solve(d, [VolunteerSupply(1, Place(1, 2, 1), 0x3FFF, 5)], CAL.is_working_day)


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


def test_red_calls_split_by_availability_go_to_a_volunteer_free_in_both_windows() -> None:
    """A is free only early in the week and B only late, so neither can make both of a red person's
    calls; C, further away but free all week, takes both rather than leaving them split."""
    from silverage.domain.scheduling_rules import solve_with_rules

    monday = date(2026, 11, 30)
    home = Place(1, 10, 100)
    early = sum(1 << (d * 2 + h) for d in (0, 1) for h in (0, 1))
    late = sum(1 << (d * 2 + h) for d in (3, 4) for h in (0, 1))
    vols = [
        VolunteerSupply(1, home, early, 10),
        VolunteerSupply(2, home, late, 10),
        VolunteerSupply(3, Place(2, 20, 100), (1 << 14) - 1, 10),
    ]
    calls = [
        Demand(7, "phone", monday, monday + timedelta(days=2), home, last_volunteer=1, stick=60),
        Demand(
            7,
            "phone",
            monday + timedelta(days=3),
            monday + timedelta(days=6),
            home,
            last_volunteer=1,
            stick=60,
        ),
    ]
    sol, _ = solve_with_rules(calls, vols, lambda d: d.weekday() < 5, together=lambda d: d.stick == 60)
    assert not sol.uncovered
    assert {a.volunteer_id for a in sol.assignments} == {3}
