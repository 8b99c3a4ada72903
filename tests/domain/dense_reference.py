"""An independent reference for the planner: the plain dense min-cost flow.

One arc from every demand to every (volunteer, week) that can take it, costed directly from the
stated cost (distance by shared place level + continuity), plus the convex load arcs. This is the
formulation the planner used before the place-tree network; it is kept here, written
independently of ``silverage.domain.scheduling``'s internals, so the tests and the benchmark can
check that the tree network reaches the same optimum.
"""

from __future__ import annotations

from collections import defaultdict
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
    """(demands left uncovered, optimal cost of the covered ones, arcs) of the dense network."""
    cost = cost or CostModel()
    week_masks: dict[tuple[date, date], dict[date, int]] = {}
    for d in demands:
        if (d.start, d.end) not in week_masks:
            masks: dict[date, int] = {}
            day = d.start
            while day <= d.end:
                if is_working_day(day):
                    mon = day - timedelta(days=day.weekday())
                    masks[mon] = masks.get(mon, 0) | (3 << (day.weekday() * 2))
                day += timedelta(days=1)
            week_masks[(d.start, d.end)] = masks
    weeks = sorted({w for m in week_masks.values() for w in m})
    n_d, n_v, n_w = len(demands), len(vols), len(weeks)
    dp, vp = [d.place for d in demands], [v.place for v in vols]
    dm, dg, dc = (_col(dp, a, -1) for a in ("micro_grid_id", "grid_id", "community_id"))
    vm, vg, vc = (_col(vp, a, -2) for a in ("micro_grid_id", "grid_id", "community_id"))
    phone = np.array([d.kind == "phone" for d in demands])
    last = np.array([-1 if d.last_volunteer is None else d.last_volunteer for d in demands], np.int64)
    vid = np.array([v.id for v in vols], np.int64)
    avail = np.array([v.availability for v in vols], np.int64)
    booked = np.array([[v.booked.get(w, 0) for w in weeks] for v in vols], np.int64).reshape(n_v, n_w)
    cap = np.maximum(0, np.array([v.max_per_week for v in vols], np.int64)[:, None] - booked)
    src, sink, vw0 = n_d, n_d + 1, n_d + 2
    t, h, c, u = [np.arange(n_d)], [np.full(n_d, sink)], [np.full(n_d, cost.uncovered)], [np.ones(n_d)]
    groups: dict[tuple[date, date], list[int]] = defaultdict(list)
    for i, d in enumerate(demands):
        groups[(d.start, d.end)].append(i)
    for window, members in groups.items():
        g = np.array(members, np.int64)
        for w, mask in week_masks[window].items():
            j = weeks.index(w)
            ok = np.nonzero(((avail & mask) != 0) & (cap[:, j] > 0))[0]
            if not ok.size:
                continue
            level = np.where(
                dm[g, None] == vm[None, ok],
                0,
                np.where(dg[g, None] == vg[None, ok], 1, np.where(dc[g, None] == vc[None, ok], 2, 3)),
            )
            dist = np.where(
                phone[g, None], np.array(cost.phone_distance)[level], np.array(cost.home_distance)[level]
            )
            cont = np.where((last[g, None] >= 0) & (last[g, None] != vid[None, ok]), cost.not_last, 0)
            t.append(np.repeat(g, ok.size))
            h.append(np.tile(vw0 + ok * n_w + j, g.size))
            c.append((dist + cont).ravel())
            u.append(np.ones(g.size * ok.size))
    for v in range(n_v):
        for j in range(n_w):
            k = np.arange(cap[v, j])
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
