"""The exact min-cost flow behind ``scheduling.solve``, without one arc per (visit, volunteer) pair.

Why this works
--------------
The distance part of an assignment's cost depends only on the lowest place level that the person
and the volunteer share (micro-grid, grid, community, or none), and the continuity part only on
whether the volunteer is the one who came last time. So instead of an arc from every visit to every
(volunteer, week), visits and volunteers meet in a tree of place nodes (micro-grid < grid <
community < anywhere):

    visit --(continuity + distance of the node's level [+ move])--> its lowest place node in the tree
    node --(distance step, e.g. +10 micro-grid -> grid)--> parent      parent --0--> child
    node --0--> (volunteer, part) for the volunteers living there
    (volunteer, part) --0--> (volunteer, half-day) for each available half-day of the part's mask
    (volunteer, half-day) --(spread: the k-th visit of one half-day costs 3(k-1))--> (volunteer, week)
    (volunteer, week) --(load: the k-th visit of the week costs 2(k-1); one unit arc per k)--> sink
    visit --(distance only: no continuity cost [+ move])--> (previous volunteer, part)
    visit --(distance + continuity, no move cost)--> (its planned volunteer, its planned half-day)

The last arc is the visit an earlier plan already printed: keeping it costs nothing extra, every
other choice of that visit costs ``move``, so the optimum keeps printed visits unless coverage or a
real saving of more than ``move`` asks otherwise.

solved as a min-cost *maximum* flow (OR-Tools ``solve_max_flow_with_min_cost``): as many visits as
possible, then the cheapest plan among those, which is what the stated uncovered penalty means.

There is one tree per *window part* and kind: a part is one Monday-to-Sunday week together with the
exact working half-days of that week inside the visit's window (a bit mask); home and phone trees
differ in their distance steps. A volunteer hangs in a part's tree only if one of its available
half-days is in the mask and it has capacity left that week, so availability on partial weeks
(month ends, holidays, 调休 Saturdays) is exact, and visits with the same part share the tree.
Places with no such volunteer below them are left out; a visit then enters at its nearest
ancestor that is in the tree, at that level's distance.

A home visit with service kinds due in a week (``part_skills``) has, besides its plain part of
that week (entered at ``need_missed`` per kind due), one part per non-empty subset T of those kinds
(entered at ``need_missed`` per kind outside T): only volunteers with every skill of T (or
providers) hang in it, and its tree stops at the community, as a service comes from nearby. The
cheapest way in is T = the kinds the volunteer can give, so the optimum is exactly the dense
formulation's with ``need_missed`` per kind the volunteer lacks (``tests/domain/dense_reference``).
In such a part a volunteer is entered through a gate (volunteer, part) whose capacity is the least
weekly limit of T's skills, less what printed visits kept on them take. The gate is exact when a
volunteer meets each skill in at most one part a week (one window mask and kind set); where two
parts share a skill a plan may give more of it than its weekly limit, and ``scheduling.solve``
then tightens the gates that carried the excess (``gate_limit``) and solves again until every
weekly limit holds: optimal for the tightened gates, no longer proven optimal for the problem.

A path between a visit and a volunteer through the tree goes up to some level L and down again
and costs the distance of level L: at least the true distance, since the volunteer lies below that
node, so shares level L or lower, and distances rise with the level. The continuity cost is on
every tree path and only the direct arc is free of it. Every real assignment has a path of exactly
its cost (up to the lowest common place, then down). So the optimum of this flow equals the
optimum of the dense formulation, and any decomposition of the flow into paths is an optimal
assignment: its true cost is at most the flow's cost, which no assignment can beat.
``scheduling.solve`` checks that equality on every run.

Size: arcs = visits x weeks of their window (x2 where the previous volunteer can come) + volunteers
x parts x their half-days + tree edges + spread and load arcs, instead of visits x volunteers x
half-days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

ROOT = (3, 0)  # the level above every community: "anywhere"


class PlaceTree:
    """Place nodes ``(level, id)`` (0 micro-grid, 1 grid, 2 community, 3 anywhere) and their parents."""

    def __init__(self, places: Iterable[tuple[int | None, int | None, int | None]]) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}
        for place in set(places):
            chain = [(lvl, k) for lvl, k in enumerate(place) if k is not None] + [ROOT]
            for child, up in zip(chain, chain[1:], strict=False):
                if self.parent.setdefault(child, up) != up:
                    raise ValueError(f"places do not form a tree: {child} lies under two parents")

    @staticmethod
    def entry(place: tuple[int | None, int | None, int | None]) -> tuple[int, int]:
        """The lowest place node of a person or volunteer."""
        for lvl, k in enumerate(place):
            if k is not None:
                return lvl, k
        return ROOT

    def ancestors(self, node: tuple[int, int]) -> list[tuple[int, int]]:
        out = []
        while node in self.parent:
            node = self.parent[node]
            out.append(node)
        return out


@dataclass
class NetworkInput:
    """Arrays over the coverable visits (index ``d``), volunteers (``v``) and window parts (``p``)."""

    pair_d: np.ndarray  # one row per (visit, part of its window)
    pair_p: np.ndarray
    part_week: np.ndarray  # part -> week index
    part_mask: np.ndarray  # part -> working half-days of that week inside the window (availability bits)
    d_entry: list[tuple[int, int]]  # the visit's own place node
    d_phone: np.ndarray  # bool
    d_continuity: np.ndarray  # cost of any volunteer but the previous one (0 if never visited)
    d_last: np.ndarray  # index of the previous volunteer among the active ones, or -1
    d_last_cost: np.ndarray  # distance to the previous volunteer (used where d_last >= 0)
    d_move: np.ndarray  # added to every choice but keeping the visit's printed slot (0: none printed)
    keep_d: np.ndarray  # visits whose printed slot can still stand ...
    keep_v: np.ndarray  # ... its volunteer (index), week (index) and half-day bit (weekday * 2 + half)
    keep_w: np.ndarray
    keep_bit: np.ndarray
    keep_cost: np.ndarray  # distance + continuity of that volunteer
    v_entry: list[tuple[int, int]]
    v_avail: np.ndarray
    cap: np.ndarray  # (volunteer, week) -> visits still allowed
    booked: np.ndarray  # (volunteer, week) -> visits already kept
    booked_half: np.ndarray  # (volunteer, week, bit) -> visits already kept on that half-day
    home_distance: tuple[int, int, int, int]
    phone_distance: tuple[int, int, int, int]
    load_step: int
    spread_step: int
    pair_extra: np.ndarray | None = None  # pair -> added to its arcs (a need left out); None: 0
    part_skills: Sequence[frozenset[int]] = ()  # part -> service kinds its volunteers must give
    v_skills: Sequence[Mapping[int, int]] = ()  # volunteer -> {kind: services a week}
    v_provider: np.ndarray | None = None  # bool: gives every kind
    skill_booked: Mapping[tuple[int, int, int], int] | None = None  # (volunteer, week, kind) -> kept
    gate_limit: Mapping[tuple[int, int], int] | None = None  # (volunteer, part) -> a tighter gate


@dataclass
class NetworkResult:
    chosen: dict[int, tuple[int, int, int]]  # visit -> (volunteer index, week index, half-day bit)
    skilled: dict[int, frozenset[int]]  # visit -> the skills of the part it came by (needs it meets)
    part_of: dict[int, int]  # visit -> the skill part it came by (only visits that came by one)
    cost: int  # the optimum: distance + continuity + move + spread + load of the covered visits
    arcs: int
    nodes: int


class _Ids:
    """Node numbers handed out on first use."""

    def __init__(self, first: int) -> None:
        self.next = first
        self.of: dict[tuple[int, ...], int] = {}

    def __call__(self, key: tuple[int, ...]) -> int:
        n = self.of.get(key)
        if n is None:
            n = self.of[key] = self.next
            self.next += 1
        return n


def solve_network(inp: NetworkInput, tree: PlaceTree) -> NetworkResult:
    dist = (np.array(inp.home_distance, np.int64), np.array(inp.phone_distance, np.int64))
    for d in dist:
        if np.any(np.diff(d) < 0):
            raise ValueError("distance costs must not fall with the place level")
    n_d = len(inp.d_entry)
    d_phone = inp.d_phone.astype(np.int64)
    extra = np.zeros(inp.pair_d.size, np.int64) if inp.pair_extra is None else inp.pair_extra

    # Tree nodes (part, phone, level, id): only places with a volunteer below who can take that part.
    kinds: dict[int, set[int]] = {}
    for p, ph in set(zip(inp.pair_p.tolist(), d_phone[inp.pair_d].tolist(), strict=True)):
        kinds.setdefault(p, set()).add(ph)
    ids = _Ids(n_d)
    node: dict[tuple[int, int, int, int], int] = {}
    attach: list[tuple[int, int]] = []  # tree node -> (volunteer, part) node
    fan: list[tuple[int, int]] = []  # (volunteer, part) node -> (volunteer, week, bit) node
    chains: dict[tuple[int, int], list[tuple[int, int]]] = {}
    gates: list[tuple[int, int, int]] = []  # (volunteer, part) gate -> (volunteer, part), skill limit
    for p, phones in sorted(kinds.items()):
        w, mask = int(inp.part_week[p]), int(inp.part_mask[p])
        need = inp.part_skills[p] if inp.part_skills else frozenset()
        for v in np.nonzero(((inp.v_avail & mask) != 0) & (inp.cap[:, w] > 0))[0].tolist():
            limit = _skill_limit(inp, v, w, need, n_d) if need else n_d
            if need and inp.gate_limit:
                limit = min(limit, inp.gate_limit.get((v, p), limit))
            place = inp.v_entry[v]
            if limit <= 0 or (need and place == ROOT):
                continue
            if place not in chains:
                chains[place] = [place, *tree.ancestors(place)]
            new = (1, v, p) not in ids.of
            vp = ids((1, v, p))
            if new:  # fan out to the half-days of the part it is available on
                bits = int(inp.v_avail[v]) & mask
                fan += [(vp, ids((2, v, w, b))) for b in range(14) if bits >> b & 1]
                if need:  # visits asking for skills enter through a gate holding the weekly limit
                    gates.append((ids((4, v, p)), vp, limit))
            if need:
                vp = ids.of[(4, v, p)]
            for ph in phones:
                # a skill part's tree stops at the community: a service comes from nearby
                for at in chains[place][:-1] if need else chains[place]:
                    if (p, ph, *at) in node:
                        break
                    node[(p, ph, *at)] = ids((0, p, ph, *at))
                attach.append((node[(p, ph, *place)], vp))
    keep_slot = [
        ids((2, v, w, b))
        for v, w, b in zip(inp.keep_v.tolist(), inp.keep_w.tolist(), inp.keep_bit.tolist(), strict=True)
    ]
    halves = [(k, n) for k, n in ids.of.items() if k[0] == 2]
    weeks = [ids((3, v, w)) for (_, v, w, _b), _n in halves]
    sink = ids.next
    n_nodes = sink + 1

    tails: list[np.ndarray] = []
    heads: list[np.ndarray] = []
    costs: list[np.ndarray] = []
    caps: list[np.ndarray] = []

    def add(
        t: Sequence[int] | np.ndarray, h: Sequence[int] | np.ndarray, c: Sequence[int] | np.ndarray, cap: int
    ) -> int:
        """Append arcs; returns the index of the first."""
        first = sum(x.size for x in tails)
        tails.append(np.asarray(t, np.int64))
        heads.append(np.asarray(h, np.int64))
        costs.append(np.asarray(c, np.int64))
        caps.append(np.full(tails[-1].size, cap, np.int64))
        return first

    # 1. visit -> the lowest tree node of its part on its way up (cost: continuity + that level's
    #    distance + move). Computed once per distinct (part, kind, place).
    entry_code = [
        (p, ph, *inp.d_entry[d])
        for d, p, ph in zip(
            inp.pair_d.tolist(), inp.pair_p.tolist(), d_phone[inp.pair_d].tolist(), strict=True
        )
    ]
    target: dict[tuple[int, int, int, int], tuple[int, int]] = {}
    for key in set(entry_code):
        p, ph, lvl, k = key
        for at in [(lvl, k), *tree.ancestors((lvl, k))]:
            hit = node.get((p, ph, *at))
            if hit is not None:
                target[key] = (hit, int(dist[ph][at[0]]))
                break
    keep = np.array([key in target for key in entry_code], dtype=bool)
    hits = [target[key] for key, ok in zip(entry_code, keep.tolist(), strict=True) if ok]
    dd = inp.pair_d[keep]
    first_entry = add(
        dd,
        [h[0] for h in hits],
        inp.d_continuity[dd] + inp.d_move[dd] + extra[keep] + np.array([h[1] for h in hits], np.int64),
        1,
    )
    # 2. visit -> (previous volunteer, part) where that volunteer can take it: no continuity cost.
    has = inp.d_last[inp.pair_d] >= 0
    dd, pp = inp.pair_d[has], inp.pair_p[has]
    lv = inp.d_last[dd]
    top = {}  # place -> its community (its highest node below "anywhere")
    for place in {*inp.d_entry, *inp.v_entry}:
        top[place] = ([place, *tree.ancestors(place)][-2:] + [ROOT])[0] if place != ROOT else ROOT
    ok = np.array(
        [
            (1, v, p) in ids.of
            and (not inp.part_skills or not inp.part_skills[p] or top[inp.d_entry[d]] == top[inp.v_entry[v]])
            for d, v, p in zip(dd.tolist(), lv.tolist(), pp.tolist(), strict=True)
        ],
        dtype=bool,
    )
    direct_d, direct_v, direct_p = dd[ok], lv[ok], pp[ok]
    first_direct = add(
        direct_d,
        [
            ids.of.get((4, v, p), ids.of[(1, v, p)])
            for v, p in zip(direct_v.tolist(), direct_p.tolist(), strict=True)
        ],
        inp.d_last_cost[direct_d] + inp.d_move[direct_d] + extra[has][ok],
        1,
    )
    # 3. visit -> the half-day it is printed for, at no move cost.
    first_keep = add(inp.keep_d, keep_slot, inp.keep_cost, 1)
    # 4. tree: child -> parent costs the distance step (climbing), parent -> child is free.
    child, parent, step = [], [], []
    for (p, ph, lvl, k), n in node.items():
        par = tree.parent.get((lvl, k))
        if par is not None and (p, ph, *par) in node:
            child.append(n)
            parent.append(node[(p, ph, *par)])
            step.append(int(dist[ph][par[0]] - dist[ph][lvl]))
    first_up = add(child, parent, step, n_d)
    first_down = add(parent, child, np.zeros(len(child), np.int64), n_d)
    # 5. tree node -> (volunteer, part) -> (volunteer, half-day).
    at = np.array(attach, np.int64).reshape(-1, 2)
    first_attach = add(at[:, 0], at[:, 1], np.zeros(len(at), np.int64), n_d)
    fa = np.array(fan, np.int64).reshape(-1, 2)
    first_fan = add(fa[:, 0], fa[:, 1], np.zeros(len(fa), np.int64), n_d)
    # 6. (volunteer, half-day) -> (volunteer, week): the k-th visit of the half-day costs
    #    spread_step * (booked + k - 1); at most the week's capacity of them.
    if halves:
        hv = np.array([k[1] for k, _ in halves], np.int64)
        hw = np.array([k[2] for k, _ in halves], np.int64)
        hb = np.array([k[3] for k, _ in halves], np.int64)
        n_k = inp.cap[hv, hw]
        rep = np.repeat(np.arange(hv.size), n_k)
        k_th = np.arange(rep.size) - np.repeat(np.cumsum(n_k) - n_k, n_k)
        add(
            np.array([n for _, n in halves], np.int64)[rep],
            np.array(weeks, np.int64)[rep],
            inp.spread_step * (inp.booked_half[hv, hw, hb][rep] + k_th),
            1,
        )
    # 7. (volunteer, week) -> sink: the k-th visit of the week costs load_step * (booked + k - 1).
    vws = sorted({(k[1], k[2]) for k in ids.of if k[0] == 3})
    if vws:
        vv = np.array([x[0] for x in vws], np.int64)
        wk = np.array([x[1] for x in vws], np.int64)
        n_k = inp.cap[vv, wk]
        rep = np.repeat(np.arange(vv.size), n_k)
        k_th = np.arange(rep.size) - np.repeat(np.cumsum(n_k) - n_k, n_k)
        vw_nodes = np.array([ids.of[(3, v, w)] for v, w in vws], np.int64)
        add(vw_nodes[rep], np.full(rep.size, sink), inp.load_step * (inp.booked[vv, wk][rep] + k_th), 1)
    # 8. gate -> (volunteer, part): at most the volunteer's weekly limit of the part's skills.
    if gates:
        ga = np.array(gates, np.int64)
        add(ga[:, 0], ga[:, 1], np.zeros(len(ga), np.int64), 0)
        caps[-1] = ga[:, 2]

    smcf = min_cost_flow.SimpleMinCostFlow()
    tail, head = np.concatenate(tails), np.concatenate(heads)
    smcf.add_arcs_with_capacity_and_unit_cost(tail, head, np.concatenate(caps), np.concatenate(costs))
    supply = np.zeros(n_nodes, np.int64)
    supply[:n_d], supply[sink] = 1, -n_d
    smcf.set_nodes_supplies(np.arange(n_nodes, dtype=np.int64), supply)
    # As many visits as possible, then the cheapest such plan: what the uncovered penalty in the
    # stated cost asks for, without depending on the penalty being large enough.
    status = smcf.solve_max_flow_with_min_cost()
    if status != smcf.OPTIMAL:  # pragma: no cover - a flow of zero is always feasible
        raise RuntimeError(f"min-cost flow failed: {status}")
    flow = smcf.flows(np.arange(tail.size, dtype=np.int64))
    covered_cost = int(smcf.optimal_cost())
    n_tree = first_down - first_up
    up_f, down_f = flow[first_up:first_down].copy(), flow[first_down:first_attach].copy()
    both = np.minimum(up_f, down_f)  # a flow up and back down the same edge: cancel it (cost >= 0)
    up_f, down_f = up_f - both, down_f - both
    level = {n: key[2] for key, n in node.items()}
    vp_of = {n: (k[1], k[2]) for k, n in ids.of.items() if k[0] == 1}
    gate_of = {g: vp for g, vp, _ in gates}
    at_vp = _decompose(
        [(int(tail[i]), int(head[i])) for i in np.nonzero(flow[first_entry:first_direct])[0] + first_entry],
        _arcs(tail, head, up_f, first_up, n_tree),
        _arcs(tail, head, down_f, first_down, n_tree)
        + _arcs(tail, head, flow[first_attach:first_fan], first_attach, len(at)),
        level,
        set(vp_of) | set(gate_of),
    )
    for g, vp in gate_of.items():
        if g in at_vp:
            at_vp.setdefault(vp, []).extend(at_vp.pop(g))
    for i in np.nonzero(flow[first_direct:first_keep])[0].tolist():
        at_vp.setdefault(int(ids.of[(1, int(direct_v[i]), int(direct_p[i]))]), []).append(int(direct_d[i]))
    half_of = {n: (k[1], k[2], k[3]) for k, n in halves}
    chosen: dict[int, tuple[int, int, int]] = {}
    for i in np.nonzero(flow[first_keep:first_up])[0].tolist():
        chosen[int(inp.keep_d[i])] = half_of[keep_slot[i]]
    # Every visit at a (volunteer, part) node may take any of its half-days: they all lie in the mask.
    skilled: dict[int, frozenset[int]] = {}
    part_of: dict[int, int] = {}
    for t, h, f in _arcs(tail, head, flow[first_fan:], first_fan, len(fa)):
        got = at_vp[t][:f]
        del at_vp[t][:f]
        for d in got:
            chosen[d] = half_of[h]
        if inp.part_skills and inp.part_skills[vp_of[t][1]]:
            skilled.update(dict.fromkeys(got, inp.part_skills[vp_of[t][1]]))
            part_of.update(dict.fromkeys(got, vp_of[t][1]))
    return NetworkResult(chosen, skilled, part_of, covered_cost, int(tail.size), n_nodes)


def _skill_limit(inp: NetworkInput, v: int, w: int, need: frozenset[int], unlimited: int) -> int:
    """How many more visits asking for ``need`` volunteer ``v`` can take in week ``w``: the least
    weekly limit of those skills (a provider without a stated limit: unlimited) less what printed
    visits kept take; 0 if it lacks one."""
    own = inp.v_skills[v] if inp.v_skills else {}
    provider = inp.v_provider is not None and bool(inp.v_provider[v])
    kept = inp.skill_booked or {}
    return min(own.get(k, unlimited if provider else 0) - kept.get((v, w, k), 0) for k in need)


def _arcs(
    tail: np.ndarray, head: np.ndarray, flow: np.ndarray, first: int, n: int
) -> list[tuple[int, int, int]]:
    idx = np.nonzero(flow[:n])[0]
    return list(zip(tail[idx + first].tolist(), head[idx + first].tolist(), flow[idx].tolist(), strict=True))


def _decompose(
    entries: list[tuple[int, int]],
    up: list[tuple[int, int, int]],
    down: list[tuple[int, int, int]],
    level: dict[int, int],
    ends: set[int],
) -> dict[int, list[int]]:
    """Split the flow through the shared tree nodes into one path per visit, up to the
    (volunteer, part) node (one of ``ends``) where each visit leaves the tree.

    First pass: upward arcs, from the lowest level; a node sending flow up receives nothing from
    its parent (opposite flows were cancelled), so the visits that entered it or came up from its
    children suffice. Second pass: downward arcs and arcs to (volunteer, part), from the top.
    Which visit takes which branch does not matter: from a tree node on, every branch to a
    volunteer costs the same as any other path the flow took (see the module docstring)."""
    bucket: dict[int, list[int]] = {}
    for d, n in entries:
        bucket.setdefault(n, []).append(d)
    taken: dict[int, int] = {}
    out: dict[int, list[int]] = {}
    up.sort(key=lambda a: level[a[0]])
    down.sort(key=lambda a: -level[a[0]])
    for t, h, f in up + down:
        at = taken.get(t, 0)
        part = bucket.get(t, [])[at : at + f]
        taken[t] = at + f
        (out if h in ends else bucket).setdefault(h, []).extend(part)
    return out
