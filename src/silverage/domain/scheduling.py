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
A min-cost flow (OR-Tools ``SimpleMinCostFlow``): source -> demand (capacity 1) -> (volunteer, week)
(capacity 1, cost distance + continuity; an arc exists only if the volunteer has an available
half-day on a working day of that week inside the window) -> sink through unit arcs costing the load
term; plus demand -> sink at the uncovered penalty. Flows are integral, so the result is an optimal
assignment for the stated cost. The day and half-day inside the chosen week are then picked to spread
each volunteer's visits (this does not change the cost).

Large rosters
-------------
When the full network would exceed ``max_arcs`` arcs (about 100,000 people a month), the problem is
decomposed by community: each community's demands are solved exactly against that community's own
volunteers; demands left over (not enough local capacity) are then solved together against the
capacity the 300 least busy volunteers still have. Each step is optimal; the whole is not, and
``Solution.lower_bound`` (every demand at its cheapest volunteer, ignoring capacity) shows how far
from optimal it can at most be.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from ortools.graph.python import min_cost_flow

from silverage.domain.enums import VisitKind


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


OVERFLOW_VOLUNTEERS = 300
NO_WORKDAY, NO_VOLUNTEER, CAPACITY = "no_workday", "no_volunteer", "capacity"


@dataclass(frozen=True)
class Uncovered:
    demand: int
    reason: str  # NO_WORKDAY | NO_VOLUNTEER | CAPACITY


@dataclass
class Solution:
    assignments: list[Assignment]
    uncovered: list[Uncovered]
    cost: int  # stated cost of the covered demands: distance + continuity + load
    method: str  # "exact" or "by_community"
    lower_bound: int  # no plan covering the same demands can cost less than this
    subproblems: int = 1


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _days(a: date, b: date) -> list[date]:
    return [a + timedelta(days=i) for i in range((b - a).days + 1)]


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
            for d in _days(start, end):
                if self.is_working_day(d):
                    hit[monday(d)] = hit.get(monday(d), 0) | (3 << (d.weekday() * 2))
            self._cache[key] = hit
        return hit


def _ids(places: Sequence[Place], missing: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    def col(attr: str) -> np.ndarray:
        return np.array(
            [getattr(p, attr) if getattr(p, attr) is not None else missing for p in places], dtype=np.int64
        )

    return col("micro_grid_id"), col("grid_id"), col("community_id")


class _Problem:
    """Arrays describing demands and volunteers once, shared by every sub-problem."""

    def __init__(
        self,
        demands: Sequence[Demand],
        vols: Sequence[VolunteerSupply],
        is_working_day: Callable[[date], bool],
        cost: CostModel,
    ) -> None:
        self.demands, self.vols, self.cost = demands, vols, cost
        self.masks = _Masks(is_working_day)
        self.weeks = sorted({w for d in demands for w in self.masks.by_week(d.start, d.end)})
        self.week_index = {w: i for i, w in enumerate(self.weeks)}
        self.d_micro, self.d_grid, self.d_comm = _ids([d.place for d in demands], -1)
        self.v_micro, self.v_grid, self.v_comm = _ids([v.place for v in vols], -2)
        self.v_avail = np.array([v.availability for v in vols], dtype=np.int64)
        self.v_id = np.array([v.id for v in vols], dtype=np.int64)
        self.d_last = np.array(
            [d.last_volunteer if d.last_volunteer is not None else -1 for d in demands], dtype=np.int64
        )
        self.d_phone = np.array([d.kind == VisitKind.PHONE.value for d in demands], dtype=bool)
        self.cap = np.zeros((len(vols), len(self.weeks)), dtype=np.int64)
        self.booked = np.zeros_like(self.cap)
        for i, v in enumerate(vols):
            for j, w in enumerate(self.weeks):
                self.booked[i, j] = v.booked.get(w, 0)
                self.cap[i, j] = max(0, v.max_per_week - self.booked[i, j])

    def arc_costs(self, d_idx: np.ndarray, v_idx: np.ndarray) -> np.ndarray:
        """Distance + continuity for every (demand, volunteer) pair: shape (len(d_idx), len(v_idx))."""
        dm, dg, dc = self.d_micro[d_idx, None], self.d_grid[d_idx, None], self.d_comm[d_idx, None]
        level = np.where(
            dm == self.v_micro[None, v_idx],
            0,
            np.where(dg == self.v_grid[None, v_idx], 1, np.where(dc == self.v_comm[None, v_idx], 2, 3)),
        )
        home = np.array(self.cost.home_distance)[level]
        phone = np.array(self.cost.phone_distance)[level]
        dist = np.where(self.d_phone[d_idx, None], phone, home)
        last = self.d_last[d_idx, None]
        cont = np.where((last >= 0) & (last != self.v_id[None, v_idx]), self.cost.not_last, 0)
        return (dist + cont).astype(np.int64)

    def groups(self, d_idx: np.ndarray) -> dict[tuple[date, date], np.ndarray]:
        by: dict[tuple[date, date], list[int]] = defaultdict(list)
        for i in d_idx.tolist():
            by[(self.demands[i].start, self.demands[i].end)].append(i)
        return {k: np.array(v, dtype=np.int64) for k, v in by.items()}

    def eligible(self, window: tuple[date, date], v_idx: np.ndarray) -> list[tuple[int, np.ndarray]]:
        """(week index, volunteers of v_idx with an available working half-day there)."""
        out = []
        for w, mask in self.masks.by_week(*window).items():
            ok = v_idx[(self.v_avail[v_idx] & mask) != 0]
            if ok.size:
                out.append((self.week_index[w], ok))
        return out

    def estimate_arcs(self, d_idx: np.ndarray, v_idx: np.ndarray) -> int:
        return sum(
            len(g) * sum(ok.size for _, ok in self.eligible(win, v_idx))
            for win, g in self.groups(d_idx).items()
        )


def _solve_exact(
    p: _Problem, d_idx: np.ndarray, v_idx: np.ndarray, cap: np.ndarray
) -> tuple[dict[int, tuple[int, int, int]], int]:
    """Optimal flow for demands d_idx over volunteers v_idx; uses and updates ``cap`` in place.
    Returns {demand: (volunteer index, week index, arc cost)} and the stated cost (arcs + load)."""
    n_d = d_idx.size
    if n_d == 0:
        return {}, 0
    n_w = len(p.weeks)
    smcf = min_cost_flow.SimpleMinCostFlow()
    src, sink, first_d = 0, 1, 2
    first_vw = first_d + n_d
    d_nodes = np.arange(first_d, first_d + n_d, dtype=np.int64)
    smcf.add_arcs_with_capacity_and_unit_cost(
        np.zeros(n_d, np.int64), d_nodes, np.ones(n_d, np.int64), np.zeros(n_d, np.int64)
    )
    smcf.add_arcs_with_capacity_and_unit_cost(
        d_nodes,
        np.full(n_d, sink, np.int64),
        np.ones(n_d, np.int64),
        np.full(n_d, p.cost.uncovered, np.int64),
    )
    local = {int(g): i for i, g in enumerate(d_idx.tolist())}
    tails, heads, costs, arc_d, arc_v, arc_w = [], [], [], [], [], []
    used_vw: set[tuple[int, int]] = set()
    for window, group in p.groups(d_idx).items():
        for w, vols in p.eligible(window, v_idx):
            vols = vols[cap[vols, w] > 0]
            if not vols.size:
                continue
            c = p.arc_costs(group, vols)
            g_local = np.array([local[int(g)] for g in group], dtype=np.int64)
            tails.append(np.repeat(first_d + g_local, vols.size))
            heads.append(np.tile(first_vw + vols * n_w + w, group.size))
            costs.append(c.ravel())
            arc_d.append(np.repeat(group, vols.size))
            arc_v.append(np.tile(vols, group.size))
            arc_w.append(np.full(group.size * vols.size, w, np.int64))
            used_vw.update((int(v), w) for v in vols.tolist())
    a0 = smcf.num_arcs()
    if tails:
        t, h, c = np.concatenate(tails), np.concatenate(heads), np.concatenate(costs)
        smcf.add_arcs_with_capacity_and_unit_cost(t, h, np.ones(t.size, np.int64), c)
        ad, av, aw = np.concatenate(arc_d), np.concatenate(arc_v), np.concatenate(arc_w)
    a1 = smcf.num_arcs()
    load_t, load_c = [], []
    for v, w in used_vw:
        k = np.arange(int(cap[v, w]), dtype=np.int64)
        load_t.append(np.full(k.size, first_vw + v * n_w + w, np.int64))
        load_c.append(p.cost.load_step * (p.booked[v, w] + k))
    if load_t:
        lt = np.concatenate(load_t)
        smcf.add_arcs_with_capacity_and_unit_cost(
            lt, np.full(lt.size, sink, np.int64), np.ones(lt.size, np.int64), np.concatenate(load_c)
        )
    smcf.set_node_supply(src, n_d)
    smcf.set_node_supply(sink, -n_d)
    status = smcf.solve()
    if status != smcf.OPTIMAL:  # pragma: no cover - the uncovered arcs make every instance feasible
        raise RuntimeError(f"min-cost flow failed: {status}")
    chosen: dict[int, tuple[int, int, int]] = {}
    if a1 > a0:
        flows = smcf.flows(np.arange(a0, a1, dtype=np.int64))
        for k in np.nonzero(flows)[0].tolist():
            v, w = int(av[k]), int(aw[k])
            chosen[int(ad[k])] = (v, w, int(c[k]))
            cap[v, w] -= 1
    total = int(smcf.optimal_cost()) - (n_d - len(chosen)) * p.cost.uncovered
    return chosen, total


def _pick_slots(p: _Problem, chosen: dict[int, tuple[int, int, int]]) -> list[Assignment]:
    """A day and half-day for each assignment inside its week: the volunteer's least used slot,
    avoiding two visits to the same person on one day. Cost-neutral."""
    slot_load: Counter[tuple[int, date, int]] = Counter()
    elder_days: set[tuple[int, date]] = set()
    out = []
    for d_i in sorted(chosen, key=lambda i: (p.demands[i].end, p.demands[i].start, i)):
        v, w, cost = chosen[d_i]
        dem = p.demands[d_i]
        week_start = p.weeks[w]
        avail = int(p.v_avail[v])
        best: tuple[tuple[int, int, date, int], date, int] | None = None
        for day in _days(max(dem.start, week_start), min(dem.end, week_start + timedelta(days=6))):
            if not p.masks.is_working_day(day):
                continue
            for half in (0, 1):
                if avail >> (day.weekday() * 2 + half) & 1:
                    key = (slot_load[(v, day, half)], (dem.elder_id, day) in elder_days, day, half)
                    if best is None or key < best[0]:
                        best = (key, day, half)
        assert best is not None, "an arc exists only where a slot does"
        _, day, half = best
        slot_load[(v, day, half)] += 1
        elder_days.add((dem.elder_id, day))
        out.append(Assignment(d_i, int(p.v_id[v]), day, half, cost))
    return out


def _pair_costs(p: _Problem, d: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Distance + continuity for demand d[i] given to volunteer v[i] (element-wise)."""
    level = np.where(
        p.d_micro[d] == p.v_micro[v],
        0,
        np.where(p.d_grid[d] == p.v_grid[v], 1, np.where(p.d_comm[d] == p.v_comm[v], 2, 3)),
    )
    dist = np.where(
        p.d_phone[d], np.array(p.cost.phone_distance)[level], np.array(p.cost.home_distance)[level]
    )
    cont = np.where((p.d_last[d] >= 0) & (p.d_last[d] != p.v_id[v]), p.cost.not_last, 0)
    return (dist + cont).astype(np.int64)


def _lower_bound(p: _Problem, d_idx: np.ndarray, v_idx: np.ndarray) -> int:
    """Sum of each demand's cheapest eligible arc, ignoring capacity and load (vectorised: the
    nearest eligible place level, plus the returning volunteer if eligible)."""
    total = 0
    position = {int(vid): i for i, vid in enumerate(p.v_id.tolist())}
    for window, group in p.groups(d_idx).items():
        parts = [ok for _, ok in p.eligible(window, v_idx)]
        vols = np.unique(np.concatenate(parts)) if parts else np.zeros(0, np.int64)
        if not vols.size:
            continue
        level = np.where(
            np.isin(p.d_micro[group], p.v_micro[vols]),
            0,
            np.where(
                np.isin(p.d_grid[group], p.v_grid[vols]),
                1,
                np.where(np.isin(p.d_comm[group], p.v_comm[vols]), 2, 3),
            ),
        )
        dist = np.where(
            p.d_phone[group], np.array(p.cost.phone_distance)[level], np.array(p.cost.home_distance)[level]
        )
        best = dist + np.where(p.d_last[group] >= 0, p.cost.not_last, 0)
        eligible = set(vols.tolist())
        ret = np.array([position.get(int(x), -1) for x in p.d_last[group].tolist()], np.int64)
        mask = np.array([r >= 0 and r in eligible for r in ret.tolist()], dtype=bool)
        if mask.any():
            best[mask] = np.minimum(best[mask], _pair_costs(p, group[mask], ret[mask]))
        total += int(best.sum())
    return total


def solve(
    demands: Sequence[Demand],
    volunteers: Sequence[VolunteerSupply],
    is_working_day: Callable[[date], bool],
    cost: CostModel = CostModel(),
    max_arcs: int = 3_000_000,
    decompose: bool | None = None,
    on_step: Callable[[int, int], None] | None = None,
) -> Solution:
    """Assign every demand it can; the rest come back in ``uncovered`` with a reason."""
    p = _Problem(demands, volunteers, is_working_day, cost)
    all_d = np.arange(len(demands), dtype=np.int64)
    all_v = np.arange(len(volunteers), dtype=np.int64)
    uncovered: list[Uncovered] = []
    coverable = []
    for window, group in p.groups(all_d).items():
        if not p.masks.by_week(*window):
            uncovered += [Uncovered(int(i), NO_WORKDAY) for i in group]
        elif not p.eligible(window, all_v):
            uncovered += [Uncovered(int(i), NO_VOLUNTEER) for i in group]
        else:
            coverable.append(group)
    d_idx = np.sort(np.concatenate(coverable)) if coverable else np.zeros(0, np.int64)
    cap = p.cap.copy()
    if not decompose and (decompose is False or p.estimate_arcs(d_idx, all_v) <= max_arcs):
        chosen, total = _solve_exact(p, d_idx, all_v, cap)
        method, steps = "exact", 1
        if on_step:
            on_step(1, 1)
    else:
        chosen, total, steps = _solve_by_community(p, d_idx, cap, max_arcs, on_step)
        method = "by_community"
    uncovered += [Uncovered(int(i), CAPACITY) for i in d_idx.tolist() if int(i) not in chosen]
    lower = _lower_bound(p, np.array(sorted(chosen), np.int64), all_v)
    uncovered.sort(key=lambda u: u.demand)
    return Solution(_pick_slots(p, chosen), uncovered, total, method, lower, steps)


def _solve_by_community(
    p: _Problem, d_idx: np.ndarray, cap: np.ndarray, max_arcs: int, on_step: Callable[[int, int], None] | None
) -> tuple[dict[int, tuple[int, int, int]], int, int]:
    by_comm_d: dict[int, list[int]] = defaultdict(list)
    for i in d_idx.tolist():
        by_comm_d[int(p.d_comm[i])].append(i)
    by_comm_v: dict[int, list[int]] = defaultdict(list)
    for j, c in enumerate(p.v_comm.tolist()):
        by_comm_v[int(c)].append(j)
    chosen: dict[int, tuple[int, int, int]] = {}
    total = 0
    n = len(by_comm_d) + 1
    for step, (comm, ds) in enumerate(sorted(by_comm_d.items()), 1):
        got, cost = _solve_exact(p, np.array(ds, np.int64), np.array(by_comm_v.get(comm, []), np.int64), cap)
        chosen.update(got)
        total += cost
        if on_step:
            on_step(step, n)
    # Leftovers (their community ran out of capacity): in chunks, each solved exactly against the
    # OVERFLOW_VOLUNTEERS volunteers with the most capacity left. These are nearly all in other
    # communities (same distance cost), so the restriction mostly affects the load term.
    left = np.array([i for i in d_idx.tolist() if i not in chosen], np.int64)
    steps = len(by_comm_d)
    per = max(1, min(max_arcs, 3_000_000) // (OVERFLOW_VOLUNTEERS * max(1, len(p.weeks))))
    for s in range(0, left.size, per):
        spare_cap = cap.sum(axis=1)
        spare = np.argsort(-spare_cap, kind="stable")[:OVERFLOW_VOLUNTEERS]
        spare = spare[spare_cap[spare] > 0].astype(np.int64)
        if not spare.size:
            break
        got, cost = _solve_exact(p, left[s : s + per], spare, cap)
        chosen.update(got)
        total += cost
        steps += 1
    if on_step:
        on_step(n, n)
    return chosen, total, steps


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
