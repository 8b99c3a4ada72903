"""Who visits whom, when: an optimal assignment of required visits to volunteers.

The problem
-----------
Each *demand* (one required visit: a person, a kind, a window of days) goes to one volunteer on one
working day and half-day inside its window, such that

* the volunteer is active and available that half-day (``availability`` bit ``weekday * 2 + half``),
* the day is a working day (``calendar_cn.WorkCalendar``: holidays off, 调休 Saturdays on),
* the volunteer does at most ``max_visits_per_week`` visits in each Monday-to-Sunday week,
  counting visits already kept from an earlier plan (done or confirmed).

The cost (all integers, ``CostModel``)
--------------------------------------
For demand *d* given to volunteer *v*:

    distance(d, v)   home visit: same micro-grid 0, same grid 10, same community 30, elsewhere 100
                     phone call: 0, 3, 8, 20 (a call can be made from anywhere; a neighbour still knows best)
  + continuity(d, v) 20 if someone else visited the person last time, 0 if it is that volunteer
                     (and 0 for everyone when the person has never been visited)
  + load             the k-th visit of a volunteer in a week adds 2 * (k - 1): convex, so work is
                     spread over volunteers and weeks instead of piling on the nearest one
  + 1,000,000 for each demand left uncovered.

The uncovered penalty is larger than any assignment can cost, so the solver first covers as many
demands as possible and, among those plans, takes the cheapest: a min-cost max-flow.

The solver
----------
A min-cost flow (OR-Tools ``SimpleMinCostFlow``) whose optimum is exactly the optimum of the cost
above: each demand either flows to a (volunteer, week) with capacity left and an available
half-day on a working day of that week inside its window, or to the sink at the uncovered penalty;
each (volunteer, week) reaches the sink through unit arcs costing the load term. Because the
distance and continuity terms only depend on the place level shared and on "is this the previous
volunteer", the demand -> (volunteer, week) arcs go through a tree of place nodes instead of one arc
per pair (``scheduling_network``): 100,000 people a month is about two million arcs instead of
billions, and still solved to optimality (``Solution.optimal``; no decomposition, no gap).
Flows are integral; the day and half-day inside the chosen week are then picked to spread each
volunteer's visits (this does not change the cost).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from silverage.domain.calendar_cn import days
from silverage.domain.enums import VisitKind
from silverage.domain.scheduling_network import NetworkInput, PlaceTree, solve_network


@dataclass(frozen=True)
class Place:
    micro_grid_id: int | None = None
    grid_id: int | None = None
    community_id: int | None = None


@dataclass(frozen=True)
class Demand:
    elder_id: int
    kind: str  # VisitKind value
    start: date
    end: date
    place: Place = Place()
    last_volunteer: int | None = None
    area: str = ""  # e.g. the grid's name, used in "月河3网格 本月志愿者容量不足 3 次"
    label: str = ""  # the window, e.g. "12月第3周"


@dataclass(frozen=True)
class VolunteerSupply:
    id: int
    place: Place
    availability: int
    max_per_week: int
    booked: Mapping[date, int] = field(default_factory=dict)  # Monday -> visits already kept that week


@dataclass(frozen=True)
class CostModel:
    home_distance: tuple[int, int, int, int] = (0, 10, 30, 100)
    phone_distance: tuple[int, int, int, int] = (0, 3, 8, 20)
    not_last: int = 20
    load_step: int = 2
    uncovered: int = 1_000_000


@dataclass(frozen=True)
class Assignment:
    demand: int  # index into the demands given to ``solve``
    volunteer_id: int
    day: date
    half: int  # 0 morning, 1 afternoon
    cost: int  # distance + continuity (the load term is in Solution.cost)


NO_WORKDAY, NO_VOLUNTEER, CAPACITY = "no_workday", "no_volunteer", "capacity"


@dataclass(frozen=True)
class Uncovered:
    demand: int
    reason: str  # NO_WORKDAY | NO_VOLUNTEER | CAPACITY


@dataclass
class Solution:
    assignments: list[Assignment]
    uncovered: list[Uncovered]
    cost: int  # stated cost of the covered demands: distance + continuity + load; the optimum
    method: str = "exact"
    optimal: bool = True  # no plan covering as many demands costs less
    arcs: int = 0  # size of the flow network solved
    nodes: int = 0

    @property
    def lower_bound(self) -> int:
        """The optimum itself: kept for callers of the former decomposition, which reported a gap."""
        return self.cost


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


class _Masks:
    """Availability bits of the working half-days of a window inside one week, cached."""

    def __init__(self, is_working_day: Callable[[date], bool]) -> None:
        self.is_working_day = is_working_day
        self._cache: dict[tuple[date, date], dict[date, int]] = {}

    def by_week(self, start: date, end: date) -> dict[date, int]:
        key = (start, end)
        hit = self._cache.get(key)
        if hit is None:
            hit = {}
            for d in days(start, end):
                if self.is_working_day(d):
                    hit[monday(d)] = hit.get(monday(d), 0) | (3 << (d.weekday() * 2))
            self._cache[key] = hit
        return hit


def _tuple(p: Place) -> tuple[int | None, int | None, int | None]:
    return p.micro_grid_id, p.grid_id, p.community_id


class _PairCost:
    """Distance + continuity (the load term aside) of giving demands to volunteers, element-wise."""

    def __init__(self, demands: Sequence[Demand], vols: Sequence[VolunteerSupply], cost: CostModel) -> None:
        def ids(places: list[Place], missing: int) -> np.ndarray:  # an unknown place is near nobody
            return np.array(
                [[missing if x is None else x for x in _tuple(p)] for p in places], np.int64
            ).reshape(-1, 3)

        self.d_place, self.v_place = ids([d.place for d in demands], -1), ids([v.place for v in vols], -2)
        self.d_phone = np.array([d.kind == VisitKind.PHONE.value for d in demands], dtype=bool)
        self.d_last = np.array(
            [-1 if d.last_volunteer is None else d.last_volunteer for d in demands], np.int64
        )
        self.v_id = np.array([v.id for v in vols], np.int64)
        self.home, self.phone = np.array(cost.home_distance), np.array(cost.phone_distance)
        self.not_last = cost.not_last

    def __call__(self, d: np.ndarray, v: np.ndarray) -> np.ndarray:
        same = self.d_place[d] == self.v_place[v]  # (n, 3): micro-grid, grid, community
        level = np.where(same.any(axis=1), same.argmax(axis=1), 3)
        dist = np.where(self.d_phone[d], self.phone[level], self.home[level])
        last = self.d_last[d]
        return (dist + np.where((last >= 0) & (last != self.v_id[v]), self.not_last, 0)).astype(np.int64)


def load_cost(visits: int, booked: int, cost: CostModel) -> int:
    """Load term of a volunteer's week holding ``visits`` new visits on top of ``booked`` kept ones."""
    return cost.load_step * (visits * booked + visits * (visits - 1) // 2)


def solve(
    demands: Sequence[Demand],
    volunteers: Sequence[VolunteerSupply],
    is_working_day: Callable[[date], bool],
    cost: CostModel = CostModel(),
) -> Solution:
    """Assign every demand it can at the least stated cost; the rest come back in ``uncovered``."""
    masks = _Masks(is_working_day)
    weeks = sorted({w for d in demands for w in masks.by_week(d.start, d.end)})
    week_index = {w: i for i, w in enumerate(weeks)}
    v_avail = np.array([v.availability for v in volunteers], dtype=np.int64)
    v_index = {v.id: i for i, v in enumerate(volunteers)}
    booked = np.zeros((len(volunteers), len(weeks)), dtype=np.int64)
    for i, v in enumerate(volunteers):
        for w, n in v.booked.items():
            if w in week_index:
                booked[i, week_index[w]] = n
    cap = np.maximum(0, np.array([v.max_per_week for v in volunteers], np.int64)[:, None] - booked)

    groups: dict[tuple[date, date], list[int]] = defaultdict(list)
    for i, d in enumerate(demands):
        groups[(d.start, d.end)].append(i)
    parts: dict[tuple[int, int], int] = {}
    anyone: dict[int, bool] = {}
    uncovered: list[Uncovered] = []
    coverable: list[int] = []
    pair_d: list[np.ndarray] = []
    pair_p: list[np.ndarray] = []
    for window, group in groups.items():
        by_week = masks.by_week(*window)
        if not by_week:
            uncovered += [Uncovered(i, NO_WORKDAY) for i in group]
            continue
        for mask in by_week.values():
            if mask not in anyone:
                anyone[mask] = bool(((v_avail & mask) != 0).any())
        if not any(anyone[mask] for mask in by_week.values()):
            uncovered += [Uncovered(i, NO_VOLUNTEER) for i in group]
            continue
        local = np.arange(len(coverable), len(coverable) + len(group), dtype=np.int64)
        coverable += group
        for w, mask in by_week.items():
            p = parts.setdefault((week_index[w], mask), len(parts))
            pair_d.append(local)
            pair_p.append(np.full(local.size, p, np.int64))

    chosen: dict[int, tuple[int, int]] = {}
    arcs = nodes = total = 0
    pair_cost = _PairCost(demands, volunteers, cost)
    if coverable:
        cov = [demands[i] for i in coverable]
        last = np.array([v_index.get(d.last_volunteer, -1) for d in cov], np.int64)  # type: ignore[arg-type]
        cov_idx = np.array(coverable, np.int64)
        key = list(parts)
        inp = NetworkInput(
            pair_d=np.concatenate(pair_d),
            pair_p=np.concatenate(pair_p),
            part_week=np.array([k[0] for k in key], np.int64),
            part_mask=np.array([k[1] for k in key], np.int64),
            d_entry=[PlaceTree.entry(_tuple(d.place)) for d in cov],
            d_phone=np.array([d.kind == VisitKind.PHONE.value for d in cov], dtype=bool),
            d_continuity=np.array(
                [cost.not_last if d.last_volunteer is not None else 0 for d in cov], np.int64
            ),
            d_last=last,
            d_last_cost=np.where(last >= 0, pair_cost(cov_idx, np.maximum(last, 0)), 0),
            v_entry=[PlaceTree.entry(_tuple(v.place)) for v in volunteers],
            v_avail=v_avail,
            cap=cap,
            booked=booked,
            home_distance=cost.home_distance,
            phone_distance=cost.phone_distance,
            load_step=cost.load_step,
        )
        tree = PlaceTree([_tuple(d.place) for d in cov] + [_tuple(v.place) for v in volunteers])
        res = solve_network(inp, tree)
        chosen = {coverable[d]: vw for d, vw in res.chosen.items()}
        arcs, nodes, total = res.arcs, res.nodes, res.cost
    d_idx = np.array(list(chosen), np.int64)
    v_idx = np.array([v for v, _ in chosen.values()], np.int64)
    arc = dict(zip(d_idx.tolist(), pair_cost(d_idx, v_idx).tolist(), strict=True)) if chosen else {}
    _check_cost(arc, chosen, booked, cost, total)
    uncovered += [Uncovered(i, CAPACITY) for i in coverable if i not in chosen]
    uncovered.sort(key=lambda u: u.demand)
    slots = _pick_slots(demands, volunteers, weeks, masks, chosen, arc)
    return Solution(slots, uncovered, total, "exact", True, arcs, nodes)


def _check_cost(
    arc: dict[int, int],
    chosen: dict[int, tuple[int, int]],
    booked: np.ndarray,
    cost: CostModel,
    optimum: int,
) -> None:
    """The assignment read off the flow must cost exactly the flow's optimum (see scheduling_network)."""
    per_week = Counter(chosen.values())
    true = sum(arc.values())
    true += sum(load_cost(n, int(booked[v, w]), cost) for (v, w), n in per_week.items())
    if true != optimum:  # pragma: no cover - would mean the network does not model the cost
        raise RuntimeError(f"plan cost {true} differs from the flow optimum {optimum}")


def _pick_slots(
    demands: Sequence[Demand],
    volunteers: Sequence[VolunteerSupply],
    weeks: list[date],
    masks: _Masks,
    chosen: dict[int, tuple[int, int]],
    arc: dict[int, int],
) -> list[Assignment]:
    """A day and half-day for each assignment inside its week: the volunteer's least used slot,
    avoiding two visits to the same person on one day. Cost-neutral."""
    slot_load: Counter[tuple[int, date, int]] = Counter()
    elder_days: set[tuple[int, date]] = set()
    slots: dict[tuple[date, date, int, int], list[tuple[date, int]]] = {}
    out = []
    for d_i in sorted(chosen, key=lambda i: (demands[i].end, demands[i].start, i)):
        v, w = chosen[d_i]
        dem, vol = demands[d_i], volunteers[v]
        key = (dem.start, dem.end, w, vol.availability)
        if key not in slots:
            first = weeks[w]
            slots[key] = [
                (day, half)
                for day in days(max(dem.start, first), min(dem.end, first + timedelta(days=6)))
                if masks.is_working_day(day)
                for half in (0, 1)
                if vol.availability >> (day.weekday() * 2 + half) & 1
            ]
        assert slots[key], "a volunteer is reachable in a week only where a slot is"
        day, half = min(
            slots[key], key=lambda s: (slot_load[(v, s[0], s[1])], (dem.elder_id, s[0]) in elder_days, s)
        )
        slot_load[(v, day, half)] += 1
        elder_days.add((dem.elder_id, day))
        out.append(Assignment(d_i, vol.id, day, half, arc[d_i]))
    return out


@dataclass(frozen=True)
class Shortfall:
    """Uncovered demands of one area for one reason, told in both languages."""

    area: str
    reason: str
    count: int
    zh: str
    en: str


def shortfalls(
    demands: Sequence[Demand],
    uncovered: Sequence[Uncovered],
    period_zh: str = "本期",
    period_en: str = "this period",
) -> list[Shortfall]:
    counts: Counter[tuple[str, str]] = Counter((demands[u.demand].area, u.reason) for u in uncovered)
    out = []
    for (area, reason), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        name = area or "未分网格"
        if reason == CAPACITY:
            zh = f"{name} {period_zh}志愿者容量不足 {n} 次"
            en = f"{name}: volunteer capacity short by {n} visits {period_en}"
        elif reason == NO_WORKDAY:
            zh = f"{name} {n} 次探访的时间窗内没有工作日"
            en = f"{name}: {n} visits have no working day in their window"
        else:
            zh, en = (
                f"{name} {n} 次探访的时间窗内没有志愿者有空",
                f"{name}: no volunteer is available in the window of {n} visits",
            )
        out.append(Shortfall(name, reason, n, zh, en))
    return out
