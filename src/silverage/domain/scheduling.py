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
  + spread           the k-th visit of a volunteer on one half-day adds 3 * (k - 1): convex, so a
                     volunteer's week is spread over the half-days they said they are free
  + move             500 for a demand that an earlier plan already printed (``Demand.keep``), unless
                     it keeps exactly that volunteer, day and half-day: re-planning changes a
                     printed sheet only when coverage or a saving of more than 500 asks for it;
                     a re-plan prices each *new* visit the same (``Demand.move``), so where
                     volunteers are short a printed visit is not dropped for a cheaper new one
  + need_missed      100 per service kind due that week (``Demand.needs``: the person's needs, for
                     home visits) that the volunteer cannot give: one without the skill
                     (``VolunteerSupply.skills``; a ``provider`` gives every kind) or from another
                     community. More than any distance inside a community, less than a move: a
                     person's home visit goes to a neighbour who can give what is due, but never
                     is lost or reshuffles a printed sheet for it
  + 1,000,000 for each demand left uncovered.

The continuity cost is per demand (``Demand.stick``, default 20): the planner raises it for a red
person's phone calls, so their calls of a week go to one volunteer whenever one can take them.

A *service visit* (kind ``service``: a trip only to give the service kinds in ``Demand.needs``)
goes only to a volunteer of the person's community who can give at least one of them within the
skill's weekly limit (``VolunteerSupply.skill_booked`` counts what is given already), at
``need_missed`` per kind due that it leaves out; ``Assignment.services`` names the kinds given.

The uncovered penalty is larger than any assignment can cost, so the solver first covers as many
demands as possible and, among those plans, takes the cheapest: a min-cost max-flow.

The solver
----------
A min-cost flow (OR-Tools ``SimpleMinCostFlow``) whose optimum is exactly the optimum of the cost
above: each demand either flows to a (volunteer, week) with capacity left and an available
half-day on a working day of that week inside its window, or to the sink at the uncovered penalty;
each (volunteer, week) reaches the sink through unit arcs costing the load term, fed by its
(volunteer, half-day) nodes through unit arcs costing the spread term. Because the
distance and continuity terms only depend on the place level shared and on "is this the previous
volunteer", the demand -> (volunteer, week) arcs go through a tree of place nodes instead of one arc
per pair (``scheduling_network``): 100,000 people a month is about two million arcs instead of
billions, and still solved to optimality (``Solution.optimal``; no decomposition, no gap).
Flows are integral and name the volunteer, the week and the half-day of each covered demand.
Rules that couple two demands (a person's call never on the day of their home visit) are not
costs: ``scheduling_rules`` applies them by narrowing windows and solving again.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np

from silverage.domain.calendar_cn import days, monday
from silverage.domain.enums import VisitKind
from silverage.domain.scheduling_network import NetworkInput, NetworkResult, PlaceTree, solve_network


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
    keep: tuple[int, date, int] | None = None  # (volunteer id, day, half) an earlier plan printed
    avoid: frozenset[date] = frozenset()  # days taken out of the window
    stick: int | None = None  # cost of a volunteer other than ``last_volunteer`` (None: CostModel's)
    # Cost of not keeping ``keep`` (None: CostModel.move). A re-plan gives a *new* visit (no keep)
    # the same cost, so that a printed visit is never dropped for a new one that is merely cheaper.
    move: int | None = None
    # Home visits only: (Monday, service kinds due that week). In those weeks the visit goes to a
    # volunteer who has every one of those skills (or is a service provider) unless none can take
    # it; then anyone may, at ``CostModel.need_missed`` per kind left out.
    needs: tuple[tuple[date, frozenset[int]], ...] = ()
    # the services the printed visit (``keep``) carries: kept, it gives those and no others
    keep_services: frozenset[int] | None = None

    @property
    def service(self) -> bool:
        """A trip only to give ``needs``: it goes to a volunteer who gives one of them, or to nobody."""
        return self.kind == VisitKind.SERVICE.value


@dataclass(frozen=True)
class VolunteerSupply:
    id: int
    place: Place
    availability: int
    max_per_week: int
    booked: Mapping[date, int] = field(default_factory=dict)  # Monday -> visits already kept that week
    booked_half: Mapping[tuple[date, int], int] = field(default_factory=dict)  # (day, half) -> kept
    skills: Mapping[int, int] = field(default_factory=dict)  # service kind -> services a week
    provider: bool = False  # a service provider: gives every kind, without a weekly limit
    skill_booked: Mapping[tuple[date, int], int] = field(default_factory=dict)  # (Monday, kind) -> given

    def can(self, kinds: frozenset[int]) -> bool:
        return self.provider or kinds <= self.skills.keys()


def with_booked(
    vols: Sequence[VolunteerSupply], slots: Iterable[tuple[int | None, date, int]]
) -> list[VolunteerSupply]:
    """The volunteers with more visits booked: one per (volunteer id, day, half-day) slot."""
    weeks: dict[int, Counter[date]] = defaultdict(Counter)
    halves: dict[int, Counter[tuple[date, int]]] = defaultdict(Counter)
    for vid, day, half in slots:
        if vid is not None:
            weeks[vid][monday(day)] += 1
            halves[vid][(day, half)] += 1
    return [
        replace(
            v,
            booked=dict(Counter(v.booked) + weeks[v.id]),
            booked_half=dict(Counter(v.booked_half) + halves[v.id]),
        )
        if v.id in weeks
        else v
        for v in vols
    ]


@dataclass(frozen=True)
class CostModel:
    home_distance: tuple[int, int, int, int] = (0, 10, 30, 100)
    phone_distance: tuple[int, int, int, int] = (0, 3, 8, 20)
    not_last: int = 20
    load_step: int = 2
    spread_step: int = 3
    move: int = 500
    # per service kind due that week that the home visitor cannot give: more than any distance and
    # continuity inside a community (30 + 20), less than moving a printed visit (500) even for three
    # kinds at once, so a need never reshuffles printed sheets
    need_missed: int = 100
    uncovered: int = 1_000_000


DEFAULT_COST = CostModel()


@dataclass(frozen=True)
class Assignment:
    demand: int  # index into the demands given to ``solve``
    volunteer_id: int
    day: date
    half: int  # 0 morning, 1 afternoon
    cost: int  # distance + continuity (move, spread and load terms are in Solution.cost)
    kept: bool = False  # the demand keeps the slot an earlier plan printed (Demand.keep)
    services: frozenset[int] = frozenset()  # the service kinds due that week this volunteer gives


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


class _Masks:
    """Availability bits of the working half-days of a window inside one week, cached."""

    def __init__(self, is_working_day: Callable[[date], bool]) -> None:
        self.is_working_day = is_working_day
        self._cache: dict[tuple[date, date, frozenset[date]], dict[date, int]] = {}

    def by_week(self, start: date, end: date, avoid: frozenset[date] = frozenset()) -> dict[date, int]:
        key = (start, end, avoid)
        hit = self._cache.get(key)
        if hit is None:
            hit = {}
            for d in days(start, end):
                if self.is_working_day(d) and d not in avoid:
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
        self.d_stick = np.array([stick(d, cost) for d in demands], np.int64)
        self.v_id = np.array([v.id for v in vols], np.int64)
        self.home, self.phone = np.array(cost.home_distance), np.array(cost.phone_distance)

    def __call__(self, d: np.ndarray, v: np.ndarray) -> np.ndarray:
        same = self.d_place[d] == self.v_place[v]  # (n, 3): micro-grid, grid, community
        level = np.where(same.any(axis=1), same.argmax(axis=1), 3)
        dist = np.where(self.d_phone[d], self.phone[level], self.home[level])
        last = self.d_last[d]
        return (dist + np.where((last >= 0) & (last != self.v_id[v]), self.d_stick[d], 0)).astype(np.int64)


def stick(d: Demand, cost: CostModel) -> int:
    """What giving ``d`` to anyone but its previous volunteer costs."""
    return cost.not_last if d.stick is None else d.stick


def move_cost(d: Demand, cost: CostModel) -> int:
    """What giving ``d`` anything but its printed slot costs (0 when nothing was printed, unless
    ``d.move`` prices a new visit of a re-plan)."""
    if d.keep is None:
        return d.move or 0
    return cost.move if d.move is None else d.move


def missed(d: Demand, v: VolunteerSupply, week: date, cost: CostModel) -> int:
    """What giving ``d`` to ``v`` in the week of Monday ``week`` costs in needs left out: a need
    rides along only with a volunteer of the person's community who has the skill."""
    due = dict(d.needs).get(week, frozenset())
    near = d.place.community_id is not None and d.place.community_id == v.place.community_id
    if not near:
        return cost.need_missed * len(due)
    return 0 if v.provider else cost.need_missed * len(due - v.skills.keys())


def _keep_skills(
    cov: Sequence[Demand],
    keeps: dict[int, tuple[int, int, int]],
    volunteers: Sequence[VolunteerSupply],
    weeks: list[date],
    cost: CostModel,
) -> tuple[dict[int, int], dict[int, frozenset[int]], Counter[tuple[int, int, int]]]:
    """Printed visits first: the needs each printed slot's volunteer can give within the weekly
    limit of the skill (in demand order, as the service pass counts), what the rest cost, the
    kinds given, and the (volunteer, week, kind) services given already or taken by printed
    visits from the limit left to new visits. A printed service visit whose volunteer can no
    longer give any of its kinds is not kept (it leaves ``keeps``)."""
    index = {w: i for i, w in enumerate(weeks)}
    used: Counter[tuple[int, int, int]] = Counter()
    for v, vol in enumerate(volunteers):
        for (week, k), n in vol.skill_booked.items():
            if week in index:
                used[(v, index[week], k)] += n
    out: dict[int, int] = {}
    given: dict[int, frozenset[int]] = {}
    for d, (v, w, _) in list(keeps.items()):
        vol, due = volunteers[v], dict(cov[d].needs).get(weeks[w], frozenset())
        near = cov[d].place.community_id is not None and cov[d].place.community_id == vol.place.community_id
        offer = (due if vol.provider else due & vol.skills.keys()) if near else frozenset()
        if cov[d].keep_services is not None:  # kept, a printed visit gives what it was printed with
            offer &= cov[d].keep_services
        got = set()
        for k in sorted(offer):
            if used[(v, w, k)] < vol.skills.get(k, len(cov)):
                used[(v, w, k)] += 1
                got.add(k)
        out[d] = cost.need_missed * (len(due) - len(got))
        if cov[d].service and not got:
            del keeps[d], out[d]
            continue
        given[d] = frozenset(got)
    return out, given, used


def _subsets(kinds: frozenset[int]) -> list[frozenset[int]]:
    """The skill sets a visit asking for ``kinds`` may be given through, largest first: every
    non-empty subset (exact), or for more than three kinds the whole set and each kind alone."""
    if len(kinds) > 3:
        return [kinds, *(frozenset({k}) for k in sorted(kinds))]
    ordered = sorted(kinds)
    return [frozenset(c) for n in range(len(ordered), 0, -1) for c in itertools.combinations(ordered, n)]


def half_bit(day: date, half: int) -> int:
    """The availability bit of a day's half: weekday * 2 + half."""
    return day.weekday() * 2 + half


def load_cost(visits: int, booked: int, step: int) -> int:
    """A convex term: ``visits`` new visits on top of ``booked`` kept ones, the k-th costing
    step * (booked + k - 1). The weekly load (``load_step``) and the half-day spread (``spread_step``)."""
    return step * (visits * booked + visits * (visits - 1) // 2)


def solve(
    demands: Sequence[Demand],
    volunteers: Sequence[VolunteerSupply],
    is_working_day: Callable[[date], bool],
    cost: CostModel = CostModel(),
) -> Solution:
    """Assign every demand it can at the least stated cost; the rest come back in ``uncovered``."""
    masks = _Masks(is_working_day)
    weeks = sorted({w for d in demands for w in masks.by_week(d.start, d.end, d.avoid)})
    week_index = {w: i for i, w in enumerate(weeks)}
    v_avail = np.array([v.availability for v in volunteers], dtype=np.int64)
    v_index = {v.id: i for i, v in enumerate(volunteers)}
    booked = np.zeros((len(volunteers), len(weeks)), dtype=np.int64)
    booked_half = np.zeros((len(volunteers), len(weeks), 14), dtype=np.int64)
    for i, v in enumerate(volunteers):
        for w, n in v.booked.items():
            if w in week_index:
                booked[i, week_index[w]] = n
        for (day, half), n in v.booked_half.items():
            if monday(day) in week_index:
                booked_half[i, week_index[monday(day)], half_bit(day, half)] = n
    cap = np.maximum(0, np.array([v.max_per_week for v in volunteers], np.int64)[:, None] - booked)

    groups: dict[tuple[date, date, frozenset[date]], list[int]] = defaultdict(list)
    for i, d in enumerate(demands):
        groups[(d.start, d.end, d.avoid)].append(i)
    parts: dict[tuple[int, int, frozenset[int]], int] = {}
    anyone: dict[int, bool] = {}
    uncovered: list[Uncovered] = []
    coverable: list[int] = []
    pair_d: list[np.ndarray] = []
    pair_p: list[np.ndarray] = []
    pair_x: list[np.ndarray] = []  # cost added on the pair: the needs of that week left out
    needs = [dict(d.needs) for d in demands]
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
        plain = np.array([not demands[i].service for i in group], dtype=bool)
        for w, mask in by_week.items():
            due = [needs[i].get(w, frozenset()) for i in group]
            if plain.any():  # a service visit has no plain part: without a skill it is no visit
                p = parts.setdefault((week_index[w], mask, frozenset()), len(parts))
                pair_d.append(local[plain])
                pair_p.append(np.full(int(plain.sum()), p, np.int64))
                missed_all = [
                    cost.need_missed * len(k) for k, ok in zip(due, plain.tolist(), strict=True) if ok
                ]
                pair_x.append(np.array(missed_all, np.int64))
            for li, k in zip(local.tolist(), due, strict=True):
                # the same visit through the volunteers who can give some of that week's needs
                for t in _subsets(k):
                    pair_d.append(np.array([li], np.int64))
                    pair_p.append(np.array([parts.setdefault((week_index[w], mask, t), len(parts))]))
                    pair_x.append(np.array([cost.need_missed * (len(k) - len(t))], np.int64))

    chosen: dict[int, tuple[int, int, int]] = {}
    keeps: dict[int, tuple[int, int, int]] = {}
    gave: dict[int, frozenset[int]] = {}
    keep_missed: dict[int, int] = {}
    keep_gave: dict[int, frozenset[int]] = {}
    arcs = nodes = total = 0
    exact = True
    pair_cost = _PairCost(demands, volunteers, cost)
    if coverable:
        cov = [demands[i] for i in coverable]
        last = np.array([v_index.get(d.last_volunteer, -1) for d in cov], np.int64)  # type: ignore[arg-type]
        cov_idx = np.array(coverable, np.int64)
        for local_i, d in enumerate(cov):
            slot = _keep_slot(d, v_index, volunteers, week_index, cap, masks)
            if slot is not None:
                keeps[local_i] = slot
        keep_missed, keep_gave, skill_booked = _keep_skills(cov, keeps, volunteers, weeks, cost)
        k_d = np.array(list(keeps), np.int64)
        k_v = np.array([k[0] for k in keeps.values()], np.int64)
        key = list(parts)
        inp = NetworkInput(
            pair_d=np.concatenate(pair_d),
            pair_p=np.concatenate(pair_p),
            part_week=np.array([k[0] for k in key], np.int64),
            part_mask=np.array([k[1] for k in key], np.int64),
            d_entry=[PlaceTree.entry(_tuple(d.place)) for d in cov],
            d_phone=np.array([d.kind == VisitKind.PHONE.value for d in cov], dtype=bool),
            d_continuity=np.array(
                [stick(d, cost) if d.last_volunteer is not None else 0 for d in cov], np.int64
            ),
            d_last=last,
            d_last_cost=np.where(last >= 0, pair_cost(cov_idx, np.maximum(last, 0)), 0),
            d_move=np.array([move_cost(d, cost) for d in cov], np.int64),
            keep_d=k_d,
            keep_v=k_v,
            keep_w=np.array([k[1] for k in keeps.values()], np.int64),
            keep_bit=np.array([k[2] for k in keeps.values()], np.int64),
            keep_cost=(pair_cost(cov_idx[k_d], k_v) if keeps else np.zeros(0, np.int64))
            + np.array([keep_missed[d] for d in keeps], np.int64),
            v_entry=[PlaceTree.entry(_tuple(v.place)) for v in volunteers],
            v_avail=v_avail,
            cap=cap,
            booked=booked,
            booked_half=booked_half,
            home_distance=cost.home_distance,
            phone_distance=cost.phone_distance,
            load_step=cost.load_step,
            spread_step=cost.spread_step,
            pair_extra=np.concatenate(pair_x),
            part_skills=[k[2] for k in key],
            v_skills=[v.skills for v in volunteers],
            v_provider=np.array([v.provider for v in volunteers], dtype=bool),
            skill_booked=skill_booked,
        )
        tree = PlaceTree([_tuple(d.place) for d in cov] + [_tuple(v.place) for v in volunteers])
        res = solve_network(inp, tree)
        loose = res
        # the searches below solve the network again and again: only where it is small (a demo
        # week has some 10,000 arcs; a 100,000-person month millions, a minute per solve)
        small = res.arcs <= SEARCH_ARCS
        for most in (True, False) if small else (True,):
            # two parts sharing a skill gave more of it than its weekly limit: tighten the gate
            # that carried the most (then, if that cost more than the bound, the least) and again
            limits: dict[tuple[int, int], int] = {}
            tight = loose
            while over := _over_limit(tight, inp, volunteers, key, limits, most):
                limits.update(over)
                inp.gate_limit = dict(limits)
                tight = solve_network(inp, tree)
            if tight is loose:
                break
            if most or (-len(tight.chosen), tight.cost) < (-len(res.chosen), res.cost):
                res = tight
            # as many visits at the bound's cost: optimal all the same
            exact = (len(res.chosen), res.cost) == (len(loose.chosen), loose.cost)
            if exact:
                break
        if not exact and small:
            res, exact = _share_limits(res, loose, inp, tree, volunteers, key)
        chosen = {coverable[d]: vwb for d, vwb in res.chosen.items()}
        keep_missed = {coverable[d]: x for d, x in keep_missed.items()}
        keep_gave = {coverable[d]: x for d, x in keep_gave.items()}
        keeps = {coverable[d]: slot for d, slot in keeps.items()}
        gave = {coverable[d]: kinds for d, kinds in res.skilled.items()}
        arcs, nodes, total = res.arcs, res.nodes, res.cost
    d_idx = np.array(list(chosen), np.int64)
    v_idx = np.array([v for v, _, _ in chosen.values()], np.int64)
    arc = dict(zip(d_idx.tolist(), pair_cost(d_idx, v_idx).tolist(), strict=True)) if chosen else {}
    kept = {d for d, slot in chosen.items() if keeps.get(d) == slot}
    # a kept slot gives the needs its volunteer can; any other visit those of the skill part it came by
    missing = {
        d: keep_missed[d]
        if d in kept
        else cost.need_missed * (len(dict(demands[d].needs).get(weeks[w], ())) - len(gave.get(d, ())))
        for d, (v, w, _) in chosen.items()
    }
    _check_cost(demands, arc, chosen, kept, missing, booked, booked_half, cost, total)
    uncovered += [Uncovered(i, CAPACITY) for i in coverable if i not in chosen]
    uncovered.sort(key=lambda u: u.demand)
    out = [
        Assignment(
            d,
            volunteers[v].id,
            weeks[w] + timedelta(days=b // 2),
            b % 2,
            arc[d],
            d in kept,
            keep_gave.get(d, frozenset()) if d in kept else gave.get(d, frozenset()),
        )
        for d, (v, w, b) in sorted(chosen.items())
    ]
    return Solution(out, uncovered, total, "exact" if exact else "tightened", exact, arcs, nodes)


SEARCH_ARCS = 200_000  # networks up to this size get the second order and the search for the optimum


def _share_limits(
    res: NetworkResult,
    loose: NetworkResult,
    inp: NetworkInput,
    tree: PlaceTree,
    volunteers: Sequence[VolunteerSupply],
    key: list[tuple[int, int, frozenset[int]]],
    most: int = 64,
) -> tuple[NetworkResult, bool]:
    """Every way of sharing each broken weekly limit among the parts that took the skill
    (at most ``most`` ways): any plan within the limits fits one of them, so the best of their
    optima, when it keeps every limit and no way did better, is the optimum. Otherwise ``res``
    (the tightened plan) or the best plan found, not proven optimal."""
    through, broken = _broken_limits(loose, inp, volunteers, key)
    choices: list[list[dict[tuple[int, int], int]]] = []
    for v, w, k, _n, limit in broken:
        parts = sorted(p for (vv, p) in through if vv == v and key[p][0] == w and k in key[p][2])
        room = max(0, limit - (inp.skill_booked or {}).get((v, w, k), 0))
        shares = [c for c in itertools.product(range(room + 1), repeat=len(parts)) if sum(c) == room]
        choices.append([{(v, p): x for p, x in zip(parts, c, strict=True)} for c in shares])
    if not choices or np.prod([len(c) for c in choices], dtype=np.float64) > most:
        return res, False
    best, floor = res, None
    for combo in itertools.product(*choices):
        gates: dict[tuple[int, int], int] = {}
        for part in combo:
            for vp, x in part.items():
                gates[vp] = min(gates.get(vp, x), x)
        inp.gate_limit = gates
        got = solve_network(inp, tree)
        rank = (-len(got.chosen), got.cost)
        floor = rank if floor is None else min(floor, rank)
        if not _over_limit(got, inp, volunteers, key, {}) and rank < (-len(best.chosen), best.cost):
            best = got
    return best, (-len(best.chosen), best.cost) == floor  # ``best`` keeps every limit (res does)


def _broken_limits(
    res: NetworkResult,
    inp: NetworkInput,
    volunteers: Sequence[VolunteerSupply],
    key: list[tuple[int, int, frozenset[int]]],
) -> tuple[Counter[tuple[int, int]], list[tuple[int, int, int, int, int]]]:
    """The visits each (volunteer, skill part) took, and each (volunteer, week, kind, services
    given, weekly limit) where the plan gives more than the limit, counting those given already."""
    through: Counter[tuple[int, int]] = Counter()
    for d, p in res.part_of.items():
        through[(res.chosen[d][0], p)] += 1
    used: Counter[tuple[int, int, int]] = Counter(inp.skill_booked or {})
    for (v, p), n in through.items():
        for k in key[p][2]:
            used[(v, key[p][0], k)] += n
    broken = []
    for (v, w, k), n in sorted(used.items()):
        limit = volunteers[v].skills.get(k)
        if limit is not None and n > limit:
            broken.append((v, w, k, n, limit))
    return through, broken


def _over_limit(
    res: NetworkResult,
    inp: NetworkInput,
    volunteers: Sequence[VolunteerSupply],
    key: list[tuple[int, int, frozenset[int]]],
    limits: dict[tuple[int, int], int],
    most: bool = True,
) -> dict[tuple[int, int], int]:
    """Where the plan gives a volunteer more of a skill in a week than its limit (two parts that
    share the skill each held the limit): the tighter gate for the part that carried the most
    (``most``; else the least)."""
    through, broken = _broken_limits(res, inp, volunteers, key)
    out: dict[tuple[int, int], int] = {}
    for v, w, k, n, limit in broken:
        gates = [(f, p) for (vv, p), f in through.items() if vv == v and key[p][0] == w and k in key[p][2]]
        if not gates:
            continue
        f, p = max(gates) if most else min(gates)
        out[(v, p)] = min(limits.get((v, p), f), f - min(f, n - limit))
    return out


def _keep_slot(
    d: Demand,
    v_index: dict[int, int],
    volunteers: Sequence[VolunteerSupply],
    week_index: dict[date, int],
    cap: np.ndarray,
    masks: _Masks,
) -> tuple[int, int, int] | None:
    """(volunteer, week, bit) of the slot ``d`` was printed for, if it can still stand: the
    volunteer is active and free that half-day, the day is a working day inside the window, and
    the week has room."""
    if d.keep is None:
        return None
    vid, day, half = d.keep
    v, w = v_index.get(vid), week_index.get(monday(day))
    if v is None or w is None or cap[v, w] <= 0 or not d.start <= day <= d.end:
        return None
    bit = half_bit(day, half)
    if not volunteers[v].availability >> bit & 1:
        return None
    if not masks.by_week(d.start, d.end, d.avoid).get(monday(day), 0) >> bit & 1:
        return None
    return v, w, bit


def _check_cost(
    demands: Sequence[Demand],
    arc: dict[int, int],
    chosen: dict[int, tuple[int, int, int]],
    kept: set[int],
    missing: dict[int, int],
    booked: np.ndarray,
    booked_half: np.ndarray,
    cost: CostModel,
    optimum: int,
) -> None:
    """The plan read off the flow must cost exactly the flow's optimum (see scheduling_network)."""
    per_week = Counter((v, w) for v, w, _ in chosen.values())
    per_half = Counter(chosen.values())
    true = sum(arc.values())
    true += sum(move_cost(demands[d], cost) for d in chosen if d not in kept)
    true += sum(missing.values())
    true += sum(load_cost(n, int(booked[v, w]), cost.load_step) for (v, w), n in per_week.items())
    true += sum(
        load_cost(n, int(booked_half[v, w, b]), cost.spread_step) for (v, w, b), n in per_half.items()
    )
    if true != optimum:  # pragma: no cover - would mean the network does not model the cost
        raise RuntimeError(f"plan cost {true} differs from the flow optimum {optimum}")


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
