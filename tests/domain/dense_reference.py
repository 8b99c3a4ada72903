"""An independent reference for the planner: the plain dense min-cost flow.

One arc from every demand to every (volunteer, week) that can take it, costed directly from the
stated cost (distance by shared place level + continuity), plus the convex load arcs. This is the
formulation the planner used before the place-tree network; it is kept here, written
independently of ``silverage.domain.scheduling``'s internals, so the tests and the benchmark can
check that the tree network reaches the same optimum.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

import numpy as np
from ortools.graph.python import min_cost_flow

from silverage.domain.scheduling import CostModel, Demand, VolunteerSupply


def _col(places: list, attr: str, missing: int) -> np.ndarray:
    return np.array([getattr(p, attr) if getattr(p, attr) is not None else missing for p in places], np.int64)


def dense_optimum(
    demands: Sequence[Demand],
    vols: Sequence[VolunteerSupply],
    is_working_day: Callable[[date], bool],
    cost: CostModel | None = None,
) -> tuple[int, int, int]:
    """(demands left uncovered, optimal cost of the covered ones, arcs) of the dense network:
        an arc from each demand to each (volunteer, half-day) it may take, then the convex spread
        (per half-day) and load (per week) arcs. A home visit with needs due that week costs
        ``need_missed`` per kind the volunteer lacks (all of them from outside the person's
        community); a service visit goes only to a volunteer of the person's community who gives one
    of its kinds, at the same cost per kind left out; the weekly limits of skills are not modelled
    here (tests keep them out of reach)."""
    cost = cost or CostModel()
    slots: dict[tuple[date, date, frozenset[date]], list[tuple[date, int]]] = {}
    for d in demands:
        key = (d.start, d.end, d.avoid)
        if key not in slots:
            out, day = [], d.start
            while day <= d.end:
                if is_working_day(day) and day not in d.avoid:
                    out += [(day, 0), (day, 1)]
                day += timedelta(days=1)
            slots[key] = out
    weeks = sorted({day - timedelta(days=day.weekday()) for s in slots.values() for day, _ in s})
    n_d, n_v, n_w = len(demands), len(vols), len(weeks)
    dp, vp = [d.place for d in demands], [v.place for v in vols]
    dm, dg, dc = (_col(dp, a, -1) for a in ("micro_grid_id", "grid_id", "community_id"))
    vm, vg, vc = (_col(vp, a, -2) for a in ("micro_grid_id", "grid_id", "community_id"))
    phone = np.array([d.kind == "phone" for d in demands])
    last = np.array([-1 if d.last_volunteer is None else d.last_volunteer for d in demands], np.int64)
    stick = np.array([cost.not_last if d.stick is None else d.stick for d in demands], np.int64)
    vid = np.array([v.id for v in vols], np.int64)
    avail = np.array([v.availability for v in vols], np.int64)
    booked = np.array([[v.booked.get(w, 0) for w in weeks] for v in vols], np.int64).reshape(n_v, n_w)
    cap = np.maximum(0, np.array([v.max_per_week for v in vols], np.int64)[:, None] - booked)
    src, sink, vw0 = n_d, n_d + 1, n_d + 2
    half0 = vw0 + n_v * n_w  # (volunteer, week, bit) nodes
    t, h, c, u = [np.arange(n_d)], [np.full(n_d, sink)], [np.full(n_d, cost.uncovered)], [np.ones(n_d)]
    for i, d in enumerate(demands):
        for day, half in slots[(d.start, d.end, d.avoid)]:
            j = weeks.index(day - timedelta(days=day.weekday()))
            bit = day.weekday() * 2 + half
            ok = np.nonzero(((avail >> bit) & 1).astype(bool) & (cap[:, j] > 0))[0]
            due = dict(d.needs).get(weeks[j], frozenset())  # kinds due: given only by a skilled neighbour
            if d.kind == "service":  # a service visit: a neighbour who gives one of the kinds, or nobody
                ok = np.array(
                    [v for v in ok if dc[i] == vc[v] and (vols[v].provider or due & vols[v].skills.keys())],
                    np.int64,
                )
            if not ok.size:
                continue
            level = np.where(
                dm[i] == vm[ok], 0, np.where(dg[i] == vg[ok], 1, np.where(dc[i] == vc[ok], 2, 3))
            )
            dist = np.array(cost.phone_distance if phone[i] else cost.home_distance)[level]
            cont = np.where((last[i] >= 0) & (last[i] != vid[ok]), stick[i], 0)
            move_cost = cost.move if d.move is None else d.move
            move = np.array(
                [0 if d.keep is None or d.keep == (int(vid[v]), day, half) else move_cost for v in ok]
            )
            lacks = np.array([0 if vols[v].provider else len(due - vols[v].skills.keys()) for v in ok])
            missed = cost.need_missed * np.where(dc[i] == vc[ok], lacks, len(due))
            t.append(np.full(ok.size, i))
            h.append(half0 + (ok * n_w + j) * 14 + bit)
            c.append(dist + cont + move + missed)
            u.append(np.ones(ok.size))
    for v in range(n_v):
        for j in range(n_w):
            k = np.arange(cap[v, j])
            for bit in range(14):
                done = sum(
                    n
                    for (day, half), n in vols[v].booked_half.items()
                    if day - timedelta(days=day.weekday()) == weeks[j] and day.weekday() * 2 + half == bit
                )
                t.append(np.full(k.size, half0 + (v * n_w + j) * 14 + bit))
                h.append(np.full(k.size, vw0 + v * n_w + j))
                c.append(cost.spread_step * (done + k))
                u.append(np.ones(k.size))
            t.append(np.full(k.size, vw0 + v * n_w + j))
            h.append(np.full(k.size, sink))
            c.append(cost.load_step * (booked[v, j] + k))
            u.append(np.ones(k.size))
    smcf = min_cost_flow.SimpleMinCostFlow()
    tails = np.concatenate(t).astype(np.int64)
    smcf.add_arcs_with_capacity_and_unit_cost(
        tails,
        np.concatenate(h).astype(np.int64),
        np.concatenate(u).astype(np.int64),
        np.concatenate(c).astype(np.int64),
    )
    smcf.add_arcs_with_capacity_and_unit_cost(
        np.full(n_d, src, np.int64),
        np.arange(n_d, dtype=np.int64),
        np.ones(n_d, np.int64),
        np.zeros(n_d, np.int64),
    )
    smcf.set_node_supply(src, n_d)
    smcf.set_node_supply(sink, -n_d)
    assert smcf.solve() == smcf.OPTIMAL
    unc = int(smcf.flows(np.arange(n_d, dtype=np.int64)).sum())
    return unc, int(smcf.optimal_cost()) - unc * cost.uncovered, int(tails.size) + n_d
