"""What a re-plan does to the visits an earlier plan printed: keep, move, cancel, add.

A printed visit ("incumbent": status planned, from a plan, not a campaign's, in the period) is
matched to the requirement it meets (same person, same kind, its day inside the requirement's
whole window). The solver then prices keeping it at nothing extra and anything else at a move
cost (``scheduling.CostModel.move``). Afterwards each incumbent is

* **kept**: same volunteer, day and half-day, same code; nothing to reprint;
* **moved**: the same row and code with another volunteer, day or half-day (both volunteers'
  sheets are void);
* **cancelled**: status cancelled, never deleted, with a reason (``Visit.cancel_reason``): its
  volunteer is no longer active, the person is no longer on the roster, or the requirement is
  gone (a lower level, another policy, already met by another visit);

and requirements no incumbent meets get new visits with new codes (**added**).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import scheduling
from silverage.domain.enums import VisitStatus
from silverage.domain.visit_policy import RequiredVisit

REASONS = {
    "volunteer": ("志愿者已停用", "the volunteer is no longer active"),
    "elder": ("老人已不在册（迁出、入住机构或已故）", "the person is no longer on the active roster"),
    "not_needed": (
        "不再需要（等级或探访频次变化，或本时间窗已有探访）",
        "no longer needed (level or policy changed, or the window already has a visit)",
    ),
    scheduling.CAPACITY: ("本期志愿者容量不足，无法安排", "no volunteer has room for it this period"),
    scheduling.NO_VOLUNTEER: ("时间窗内没有志愿者有空", "no volunteer is available in its window"),
    scheduling.NO_WORKDAY: ("时间窗内没有工作日", "its window has no working day"),
}


@dataclass(frozen=True)
class Incumbent:
    id: int
    code: str
    elder_id: int
    kind: str
    day: date
    half: int
    volunteer_id: int | None


def incumbents(s: Session, start: date, end: date) -> list[Incumbent]:
    """The visits earlier plans put in the period that are still only planned (the actor's scope)."""
    rows = s.execute(
        select(
            m.Visit.id,
            m.Visit.code,
            m.Visit.elder_id,
            m.Visit.kind,
            m.Visit.planned_date,
            m.Visit.half_day,
            m.Visit.volunteer_id,
        )
        .where(
            m.Visit.plan_id.is_not(None),
            m.Visit.campaign_id.is_(None),
            m.Visit.status == VisitStatus.PLANNED.value,
            m.Visit.planned_date >= start,
            m.Visit.planned_date <= end,
        )
        .order_by(m.Visit.planned_date, m.Visit.id)
    ).all()
    return [Incumbent(*r) for r in rows]


def match(
    required: Sequence[RequiredVisit], found: Sequence[Incumbent], active_volunteers: set[int]
) -> dict[int, Incumbent]:
    """Requirement index -> the incumbent that meets it (each used once). An incumbent whose
    volunteer is no longer active meets nothing: it is cancelled and its need planned anew."""
    pool: dict[tuple[int, str], list[Incumbent]] = defaultdict(list)
    for inc in found:
        if inc.volunteer_id in active_volunteers:
            pool[(inc.elder_id, inc.kind)].append(inc)
    out: dict[int, Incumbent] = {}
    for i, r in enumerate(required):
        options = pool.get((r.elder_id, r.kind), [])
        for j, inc in enumerate(options):
            if r.window.full_start <= inc.day <= r.window.full_end:
                out[i] = options.pop(j)
                break
    return out


@dataclass
class Outcome:
    kept: int = 0
    added: int = 0
    moved: int = 0
    cancelled: int = 0
    void: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # volunteer -> codes
    new_rows: list[dict[str, Any]] = field(default_factory=list)


def apply(
    s: Session,
    plan_id: int,
    required: Sequence[RequiredVisit],
    sol: scheduling.Solution,
    matched: dict[int, Incumbent],
    found: Sequence[Incumbent],
    active_elders: set[int],
    active_volunteers: set[int],
    new_code: Any,
    now: datetime,
    had_sheet: set[int] | None = None,
) -> Outcome:
    """Write the solution: keep, move, cancel and add visits as the module docstring says.
    ``had_sheet``: the volunteers who already had a sheet for the period (default: those of
    ``found``): a visit added to their week voids it; a volunteer's first visits of the period
    are a sheet to print, not to reprint."""
    out = Outcome()
    if had_sheet is None:
        had_sheet = {inc.volunteer_id for inc in found if inc.volunteer_id is not None}
    keep_ids: list[int] = []
    moves: list[dict[str, Any]] = []
    used: set[int] = set()
    for a in sol.assignments:
        r, inc = required[a.demand], matched.get(a.demand)
        if inc is not None:
            used.add(inc.id)
            if a.kept:
                out.kept += 1
                keep_ids.append(inc.id)
                continue
            out.moved += 1
            moves.append(
                {
                    "vid": inc.id,
                    "volunteer_id": a.volunteer_id,
                    "planned_date": a.day,
                    "half_day": a.half,
                    "window_start": r.window.start,
                    "window_end": r.window.end,
                }
            )
            if inc.volunteer_id is not None:
                out.void[inc.volunteer_id].add(inc.code)
            out.void[a.volunteer_id].add(inc.code)
            continue
        code = new_code()
        out.added += 1
        if a.volunteer_id in had_sheet:
            out.void[a.volunteer_id].add(code)
        out.new_rows.append(
            {
                "code": code,
                "elder_id": r.elder_id,
                "volunteer_id": a.volunteer_id,
                "plan_id": plan_id,
                "kind": r.kind,
                "planned_date": a.day,
                "half_day": a.half,
                "window_start": r.window.start,
                "window_end": r.window.end,
            }
        )
    unplanned = {matched[u.demand].id: u.reason for u in sol.uncovered if u.demand in matched}
    cancels: list[dict[str, Any]] = []
    for inc in found:
        if inc.id in used:
            continue
        if inc.elder_id not in active_elders:
            why = "elder"
        elif inc.volunteer_id not in active_volunteers:
            why = "volunteer"
        else:
            why = unplanned.get(inc.id, "not_needed")
        zh, en = REASONS[why]
        cancels.append({"vid": inc.id, "cancel_reason": f"重新计划时取消：{zh} / re-plan: {en}"})
        if inc.volunteer_id is not None:
            out.void[inc.volunteer_id].add(inc.code)
    out.cancelled = len(cancels)
    table = m.Visit.__table__
    by_id = table.c.id == bindparam("vid")
    bump = {"version": table.c.version + 1, "updated_at": now}
    if keep_ids:
        for i in range(0, len(keep_ids), 900):
            s.execute(update(table).where(table.c.id.in_(keep_ids[i : i + 900])).values(plan_id=plan_id))
    if moves:
        s.execute(
            update(table)
            .where(by_id)
            .values(
                plan_id=plan_id,
                volunteer_id=bindparam("volunteer_id"),
                planned_date=bindparam("planned_date"),
                half_day=bindparam("half_day"),
                window_start=bindparam("window_start"),
                window_end=bindparam("window_end"),
                **bump,
            ),
            moves,
        )
    if cancels:
        s.execute(
            update(table)
            .where(by_id)
            .values(status=VisitStatus.CANCELLED.value, cancel_reason=bindparam("cancel_reason"), **bump),
            cancels,
        )
    return out


def void_sheets(s: Session, void: dict[int, set[str]]) -> list[dict[str, Any]]:
    """Per volunteer whose printed sheets no longer match the plan: id, name and the codes that
    were added, moved or cancelled on them, by name."""
    names = dict(
        s.execute(select(m.Volunteer.id, m.Volunteer.name).where(m.Volunteer.id.in_(list(void)))).all()
    )
    return [
        {"volunteer_id": vid, "name": names.get(vid, ""), "codes": sorted(codes)}
        for vid, codes in sorted(void.items(), key=lambda kv: (names.get(kv[0], ""), kv[0]))
        if codes
    ]
