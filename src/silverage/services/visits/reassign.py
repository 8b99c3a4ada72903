"""Give the open visits of many people to another volunteer at once (from the roster's
multi-select): one transaction, audited per visit, with a dry run that says what would change."""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from silverage.db import models as m
from silverage.domain import scheduling
from silverage.domain.changes import Changes
from silverage.domain.enums import VisitStatus
from silverage.domain.permissions import Action
from silverage.domain.problems import ConflictError, Problem, UserError
from silverage.domain.progress import Progress, run_to_end
from silverage.services import audit, faults
from silverage.services.context import ServiceContext
from silverage.services.visits.planning import unavailable, week_full

CHUNK = 500

OPEN = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)


@dataclass(frozen=True)
class VolunteerChoice:
    """An active volunteer offered as a target, with how close they live to the selected people."""

    id: int
    name: str
    micro_grid: str  # "" when the volunteer has no home micro-grid
    same_micro_grid: int  # how many of the selected people live in the volunteer's micro-grid


@dataclass(frozen=True)
class VolunteerReassignment:
    applied: bool  # False for a dry run: nothing was changed
    visits_moved: int
    people_affected: int
    warnings: list[Problem] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        return Changes(all_visits=True) if self.applied else Changes()


class _DryRun(Exception):
    """Raised inside the transaction so a dry run rolls back everything it tried."""

    def __init__(self, result: VolunteerReassignment) -> None:
        super().__init__("dry run")
        self.result = result


def volunteer_choices(ctx: ServiceContext, elder_ids: Sequence[int]) -> list[VolunteerChoice]:
    """Active volunteers, nearest first: most selected people in their micro-grid, then their grid,
    then their community, then by name."""
    ctx.require(Action.LIST)
    ids = list(dict.fromkeys(elder_ids))
    with ctx.read() as s:
        grids = {mg.id: (mg.grid_id, mg.grid.community_id, mg.name) for mg in s.scalars(select(m.MicroGrid))}
        homes: Counter[tuple[str, int]] = Counter()
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            for mg_id in s.scalars(select(m.Elder.micro_grid_id).where(m.Elder.id.in_(chunk))):
                if mg_id in grids:
                    grid_id, community_id, _ = grids[mg_id]
                    homes.update({("m", mg_id): 1, ("g", grid_id): 1, ("c", community_id): 1})
        vols = list(s.scalars(select(m.Volunteer).where(m.Volunteer.active.is_(True))))

    def key(v: m.Volunteer) -> tuple[int, int, int, str]:
        if v.micro_grid_id not in grids:
            return (0, 0, 0, v.name)
        grid_id, community_id, _ = grids[v.micro_grid_id]
        return (-homes[("m", v.micro_grid_id)], -homes[("g", grid_id)], -homes[("c", community_id)], v.name)

    return [
        VolunteerChoice(
            v.id,
            v.name,
            grids[v.micro_grid_id][2] if v.micro_grid_id in grids else "",
            homes[("m", v.micro_grid_id)] if v.micro_grid_id in grids else 0,
        )
        for v in sorted(vols, key=key)
    ]


def reassign_volunteer_job(
    ctx: ServiceContext,
    elder_ids: Sequence[int],
    volunteer_id: int,
    today: date,
    *,
    dry_run: bool = False,
) -> Generator[Progress, None, VolunteerReassignment]:
    """Give the selected people's open visits from ``today`` on (planned or confirmed) to one volunteer.

    Warnings (the volunteer would be over their weekly maximum, or is not free on a visit's half-day)
    use the planner's own checks. A dry run tries everything and rolls back, so the user sees the
    warnings before anything changes; cancelling rolls the whole change back too. Visits already
    done, cancelled or in the past are never touched.
    """
    ctx.require(Action.RECORD_VISITS)
    ids = list(dict.fromkeys(elder_ids))
    if not ids:
        raise UserError("没有选中任何人", "Nobody is selected")
    try:
        with ctx.transaction() as s:
            vol = s.get(m.Volunteer, volunteer_id)
            if vol is None:
                raise UserError(f"没有编号为{volunteer_id}的志愿者", f"No volunteer with id {volunteer_id}")
            if not vol.active:
                raise UserError(
                    f"志愿者{vol.name}已停用，不能再安排探访",
                    f"Volunteer {vol.name} is inactive and cannot be given visits",
                )
            visit_ids: list[int] = []
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                visit_ids += s.scalars(
                    select(m.Visit.id).where(
                        m.Visit.elder_id.in_(chunk),
                        m.Visit.status.in_(OPEN),
                        m.Visit.planned_date >= today,
                        (m.Visit.volunteer_id != volunteer_id) | m.Visit.volunteer_id.is_(None),
                    )
                )
            visits = []
            for start in range(0, len(visit_ids), CHUNK):
                chunk = visit_ids[start : start + CHUNK]
                # Locked (PostgreSQL) so a visit recorded meanwhile waits for this, not fails it halfway.
                visits += s.scalars(select(m.Visit).where(m.Visit.id.in_(chunk)).with_for_update())
            # Earliest first, so the weekly count grows in the order the volunteer will meet the visits.
            visits.sort(key=lambda v: (v.planned_date, v.half_day, v.id))
            # The volunteer's visits per week, read once and grown as visits are given to them (as
            # ``over_capacity`` would count them, without a query per visit).
            week: Counter[date] = Counter()
            if visits:
                for day, n in s.execute(
                    select(m.Visit.planned_date, func.count())
                    .where(
                        m.Visit.volunteer_id == vol.id,
                        m.Visit.status != VisitStatus.CANCELLED.value,
                        m.Visit.planned_date >= scheduling.monday(visits[0].planned_date),
                        m.Visit.planned_date
                        <= scheduling.monday(visits[-1].planned_date) + timedelta(days=6),
                    )
                    .group_by(m.Visit.planned_date)
                ):
                    week[scheduling.monday(day)] += n
            busy: dict[str, Problem] = {}  # one per weekday half-day
            full: dict[date, Problem] = {}  # one per week: the last (largest) count
            people: set[int] = set()
            total = len(visits)
            for i, visit in enumerate(visits, 1):
                problem = unavailable(vol, visit.planned_date, visit.half_day)
                if problem is not None:
                    busy.setdefault(problem.zh, problem)
                mon = scheduling.monday(visit.planned_date)
                problem = week_full(vol, week[mon])
                week[mon] += 1
                if problem is not None:
                    full[mon] = Problem(
                        problem.field,
                        f"{mon:%m月%d日}起的一周：{problem.zh}",
                        f"Week of {mon.isoformat()}: {problem.en}",
                    )
                audit.record(
                    s,
                    ctx.actor,
                    "update",
                    "visit",
                    visit.id,
                    field="volunteer_id",
                    old=visit.volunteer_id,
                    new=volunteer_id,
                    detail="bulk",
                )
                visit.volunteer_id = volunteer_id
                people.add(visit.elder_id)
                if i % 50 == 0 or i == total:
                    yield Progress(i, total, f"{i}/{total}")
            seen = {v.id: (v.elder_id, v.version) for v in visits}  # read before a flush can fail
            try:
                s.flush()
            except StaleDataError:
                raise _visits_saved_by_others(ctx, seen) from None
            result = VolunteerReassignment(
                not dry_run,
                total,
                len(people),
                list(busy.values()) + [full[k] for k in sorted(full)],
            )
            if dry_run:
                raise _DryRun(result)
            return result
    except _DryRun as done:
        return done.result


def reassign_volunteer(
    ctx: ServiceContext, elder_ids: Sequence[int], volunteer_id: int, today: date, *, dry_run: bool = False
) -> VolunteerReassignment:
    return run_to_end(reassign_volunteer_job(ctx, elder_ids, volunteer_id, today, dry_run=dry_run))


def _visits_saved_by_others(ctx: ServiceContext, seen: dict[int, tuple[int, int]]) -> ConflictError:
    """The people whose visits were saved by someone else while the reassignment ran."""
    ids = list(seen)
    names: set[str] = set()
    with ctx.read() as s:
        for start in range(0, len(ids), CHUNK):
            rows = s.execute(
                select(m.Visit.id, m.Visit.version, m.Elder.name)
                .join(m.Elder, m.Elder.id == m.Visit.elder_id)
                .where(m.Visit.id.in_(ids[start : start + CHUNK]))
            )
            names |= {name for vid, version, name in rows if version != seen[vid][1]}
    return faults.saved_by_others(sorted(names))
