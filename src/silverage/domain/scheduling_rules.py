"""Rules of a plan a volunteer can follow that tie two visits together, on top of ``scheduling.solve``.

A min-cost flow prices each visit on its own, so two rules that couple visits of one person are
applied between solves instead of as costs:

* **a person's phone call is never on the day of their home visit** (the visit already asks how
  they are): a call found on such a day gets that day taken out of its window (``Demand.avoid``),
  unless no working day would be left;
* **a red person's calls of one week go to one volunteer** when one can take them: the planner
  gives those calls a high continuity cost towards one volunteer (``Demand.stick``); a person
  whose calls still went to two volunteers gets the volunteer of most of them (ties: the earliest
  call) as the one to stick to, or, if neither is free in every call window, the nearest volunteer
  who is (nearest first).

Then it solves again, until no rule is broken (at most ``rounds`` solves). From the second solve
on, a demand not printed before keeps the slot of the solve before: a call at a move cost of 1
(``TIE``), a home visit at the full move cost, so home visits settle in the first solve and the
solver, which has many equal optima, moves only the calls the rules asked for instead of making
new conflicts elsewhere. Each solve is exact for its stated cost; the final plan is the
optimum among plans whose call windows leave out the days found in earlier rounds and whose red
calls stick to the volunteers chosen in earlier rounds, with a change from the round before
costing as said (included in ``Solution.cost``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

import numpy as np

from silverage.domain.calendar_cn import days
from silverage.domain.enums import VisitKind
from silverage.domain.scheduling import (
    DEFAULT_COST,
    CostModel,
    Demand,
    Place,
    Solution,
    VolunteerSupply,
    monday,
    solve,
)


def solve_with_rules(
    demands: Sequence[Demand],
    volunteers: Sequence[VolunteerSupply],
    is_working_day: Callable[[date], bool],
    cost: CostModel = DEFAULT_COST,
    together: Callable[[Demand], bool] = lambda d: False,
    rounds: int = 4,
) -> tuple[Solution, list[Demand]]:
    """The plan, and the demands as finally solved (windows narrowed, preferences set)."""
    current = _around_printed_calls(list(demands), volunteers, is_working_day)
    sol = solve(current, volunteers, is_working_day, cost)
    for _ in range(rounds - 1):
        changed = _call_days(current, sol, is_working_day) | _same_volunteer(
            current, sol, together, volunteers, is_working_day
        )
        if not changed:
            break
        for a in sol.assignments:
            d = current[a.demand]
            if d.keep is None or d.move is not None:
                # Home visits settle in the first solve; calls find days and volunteers around them.
                tie = TIE if d.kind == VisitKind.PHONE.value else cost.move
                current[a.demand] = replace(d, keep=(a.volunteer_id, a.day, a.half), move=tie)
        sol = solve(current, volunteers, is_working_day, cost)
    return sol, current


def _around_printed_calls(
    demands: list[Demand], volunteers: Sequence[VolunteerSupply], is_working_day: Callable[[date], bool]
) -> list[Demand]:
    """A home visit to be placed anew (none printed, or its volunteer gone) stays off the days of
    the person's printed calls, where a working day is left: otherwise the rule above would move a
    printed call for it, though the new visit could as well go on another day."""
    active = {v.id for v in volunteers}
    calls: dict[int, set[date]] = defaultdict(set)
    for d in demands:
        if d.kind == VisitKind.PHONE.value and d.keep is not None and d.keep[0] in active:
            calls[d.elder_id].add(d.keep[1])
    for i, d in enumerate(demands):
        if d.kind != VisitKind.HOME.value or d.elder_id not in calls or (d.keep and d.keep[0] in active):
            continue
        avoid = d.avoid | {x for x in calls[d.elder_id] if d.start <= x <= d.end}
        if avoid != d.avoid and any(is_working_day(x) and x not in avoid for x in days(d.start, d.end)):
            demands[i] = replace(d, avoid=avoid)
    return demands


def _call_days(demands: list[Demand], sol: Solution, is_working_day: Callable[[date], bool]) -> bool:
    """Take the day of each person's home visit out of the windows of their calls (all of them,
    so a call moved for another reason does not land there next); True if a call was on it."""
    home_days: dict[int, set[date]] = defaultdict(set)
    for a in sol.assignments:
        if demands[a.demand].kind == VisitKind.HOME.value:
            home_days[demands[a.demand].elder_id].add(a.day)
    on_it = {a.demand: a.day for a in sol.assignments}
    changed = False
    for i, d in enumerate(demands):
        if d.kind != VisitKind.PHONE.value or d.elder_id not in home_days:
            continue
        avoid = d.avoid | {x for x in home_days[d.elder_id] if d.start <= x <= d.end}
        if avoid == d.avoid or not any(is_working_day(x) and x not in avoid for x in days(d.start, d.end)):
            continue
        demands[i] = replace(d, avoid=avoid)
        changed = changed or on_it.get(i) in avoid
    return changed


TIE = 1


def _place_ids(p: Place, missing: int) -> tuple[int, int, int]:
    """(micro-grid, grid, community), an unknown one as ``missing`` (the volunteer's and the
    person's differ, so an unknown place is near nobody)."""
    return tuple(missing if x is None else x for x in (p.micro_grid_id, p.grid_id, p.community_id))  # type: ignore[return-value]


def _same_volunteer(
    demands: list[Demand],
    sol: Solution,
    together: Callable[[Demand], bool],
    volunteers: Sequence[VolunteerSupply],
    is_working_day: Callable[[date], bool],
) -> bool:
    """Calls of one person's week split between volunteers: stick them to one volunteer free on a
    working half-day of every one of the windows: the volunteer of most of them (ties: the earliest);
    when none of those is free in every window, any volunteer who is, nearest to the person first
    (micro-grid, grid, community)."""
    # Over every volunteer at once: a person's split calls may have to look at all of them.
    avail = np.array([v.availability for v in volunteers], np.int64)
    ids = np.array([v.id for v in volunteers], np.int64)
    row = {v.id: i for i, v in enumerate(volunteers)}
    places = np.array([_place_ids(v.place, -1) for v in volunteers], np.int64).reshape(-1, 3)
    masks: dict[tuple[date, date, frozenset[date]], int] = {}

    def day_mask(d: Demand) -> int:
        """The availability bits of the window's working days left (both halves of each)."""
        key = (d.start, d.end, d.avoid)
        if key not in masks:
            masks[key] = sum(
                {
                    3 << (x.weekday() * 2)
                    for x in days(d.start, d.end)
                    if is_working_day(x) and x not in d.avoid
                }
            )
        return masks[key]

    def free_all(calls: list[tuple[date, int, int]]) -> np.ndarray:
        """Per volunteer: free on a working half-day of every one of the calls' windows."""
        ok = np.ones(len(volunteers), dtype=bool)
        for mask in {day_mask(demands[i]) for _, _, i in calls}:
            ok &= (avail & mask) != 0
        return ok

    def nearest(ok: np.ndarray, person: Demand) -> int | None:
        """Of the volunteers ``ok``, the nearest to the person (micro-grid, grid, community), then by id."""
        if not ok.any():
            return None
        same = places[ok] == np.array(_place_ids(person.place, -2), np.int64)
        level = np.where(same.any(axis=1), same.argmax(axis=1), 3)
        return int(ids[ok][np.lexsort((ids[ok], level))[0]])

    groups: dict[tuple[int, date], list[tuple[date, int, int]]] = defaultdict(list)
    for a in sol.assignments:
        d = demands[a.demand]
        if together(d):
            groups[(d.elder_id, monday(d.start))].append((a.day, a.volunteer_id, a.demand))
    changed = False
    for calls in groups.values():
        if len({v for _, v, _ in calls}) < 2:
            continue
        ok = free_all(calls)
        count = Counter(v for _, v, _ in calls)
        first = {v: day for day, v, _ in sorted(calls, reverse=True)}
        pick: int | None = None
        if fits := [v for v in count if ok[row[v]]]:
            pick = max(fits, key=lambda v: (count[v], -first[v].toordinal()))
        else:
            pick = nearest(ok, demands[calls[0][2]])
        if pick is None:
            continue
        for _, _, i in calls:
            if demands[i].last_volunteer != pick:
                demands[i] = replace(demands[i], last_volunteer=pick)
                changed = True
    return changed
