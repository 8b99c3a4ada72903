"""Where the office stands: this month to date against what is due so far, and last month in full.

The figures count home-visit *windows*, exactly as ``coverage.monthly_rates`` does: the visit policy
puts a number of windows in each month for each person active now (red: the weeks, yellow: the
fortnights, green: the month; not yet assessed counts as green), clipped to the month; a window is
*met* when its whole calendar window (a week that straddles the month end included) holds a done
home visit that reached the person (``Outcome.is_contact``): a Monday-30th visit meets the week
that the 1st belongs to.

**Due so far** (the prorated target) is what the policy asks for by the start of today:

* a window whose days in the month are all past counts in full; once its calendar window has
  ended without a contact it is *missed* (so a week running into the next month is not missed on
  the 1st, only due);
* a window still open counts for the share of its days already past (a green person's month on the
  16th of a 30-day month counts 15/30); a window not begun yet counts nothing.

So on the 1st of a month nothing is due yet (not "0 %", which would read as an alarm), mid-month a
weekly red person counts for each closed week plus part of this one, and a finished month's target is
its whole requirement. *Reached* is every window met so far, open ones included: a rate over 100 %
means ahead of pace. *Missed* is the hard number: closed windows with no contact.

Everything is read in one pass (people, then the two months' contacts) so the dashboard computes it
off the UI thread in well under a second at 100,000 people (``benchmarks/bench_dashboard.py``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Row, and_, case, distinct, func, literal, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.enums import ElderStatus, Level, VisitKind, VisitStatus
from silverage.domain.permissions import Action
from silverage.domain.visit_policy import Window, home_windows
from silverage.services.context import ServiceContext
from silverage.services.roster.roster_query import join_places, mask_phone
from silverage.services.visits import worklists
from silverage.services.visits.coverage import CONTACT
from silverage.services.visits.visit_settings import load_policy

TOP = 15  # communities shown by name in a chart; the rest are summed into one "其他" bar
OTHERS = "其他"
NO_COMMUNITY = "未分社区"
LEVELS = [lv.value for lv in Level]


@dataclass(frozen=True)
class Standing:
    """One community, level or the total, for one month up to ``as_of``."""

    key: str  # community name, level value, "合计", OTHERS or NO_COMMUNITY
    people: int
    required: int  # windows in the whole month
    due: int  # due so far (rounded prorated target; == required for a finished month)
    reached: int  # windows met so far
    missed: int  # windows closed before as_of without a contact
    others: int = 0  # for OTHERS: how many communities it sums

    @property
    def rate(self) -> float | None:
        """reached / due; None while nothing is due yet."""
        return round(self.reached / self.due, 4) if self.due else None

    @property
    def shortfall(self) -> int:
        return max(self.due - self.reached, 0)

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "people": self.people,
            "required": self.required,
            "due": self.due,
            "reached": self.reached,
            "missed": self.missed,
            "rate": self.rate,
            "others": self.others,
        }


@dataclass(frozen=True)
class MonthStanding:
    year: int
    month: int
    first: date
    last: date
    as_of: date  # figures count what was due before this day
    by_community: list[Standing]  # every community, largest shortfall first
    by_level: list[Standing]  # red, yellow, green
    total: Standing

    @property
    def finished(self) -> bool:
        return self.as_of > self.last

    @property
    def days_elapsed(self) -> int:
        return max(0, min((self.as_of - self.first).days, (self.last - self.first).days + 1))

    def as_json(self) -> dict[str, Any]:
        return {
            "month": f"{self.year:04d}-{self.month:02d}",
            "as_of": self.as_of.isoformat(),
            "finished": self.finished,
            "days_elapsed": self.days_elapsed,
            "total": self.total.as_json(),
            "by_level": [r.as_json() for r in self.by_level],
            "by_community": [r.as_json() for r in self.by_community],
        }


@dataclass(frozen=True)
class OverduePerson:
    elder_id: int
    name: str
    level: str
    community: str
    grid: str
    phone: str  # always masked: this list is printed, shown to viewers and sent to scripts
    last_contact: date | None
    days_since: int | None
    interval_days: int

    def as_json(self) -> dict[str, Any]:
        return {
            "elder_id": self.elder_id,
            "name": self.name,
            "level": self.level,
            "community": self.community,
            "grid": self.grid,
            "phone": self.phone,
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
            "days_since": self.days_since,
            "interval_days": self.interval_days,
        }


@dataclass(frozen=True)
class DashboardStanding:
    today: date
    this_month: MonthStanding
    last_month: MonthStanding
    people_by_level: dict[str | None, int]  # None: not assessed yet
    people_by_community: list[tuple[str, int]]  # largest first
    overdue: list[OverduePerson] = field(default_factory=list)  # red first, longest silence first

    def as_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "this_month": self.this_month.as_json(),
            "last_month": self.last_month.as_json(),
            "people_by_level": {(k or "unassessed"): n for k, n in self.people_by_level.items()},
            "overdue": [p.as_json() for p in self.overdue],
        }


def month_bounds(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _share_due(w: Window, as_of: date) -> float:
    """How much of window ``w`` is due before ``as_of``: 1 once closed, the past share while open."""
    if w.end < as_of:
        return 1.0
    if w.start >= as_of:
        return 0.0
    return (as_of - w.start).days / ((w.end - w.start).days + 1)


class _Month:
    """One month's windows per level and, per (community, level), how many people met each."""

    def __init__(self, tag: str, first: date, last: date, as_of: date, cadence: dict[str, str]) -> None:
        self.tag, self.first, self.last, self.as_of = tag, first, last, as_of
        self.windows = {lv: home_windows(first, last, cadence[lv]) for lv in LEVELS}
        self.met: dict[tuple[str, str], list[int]] = {}

    def labels(self) -> list[tuple[str, str, Window]]:
        """(label, level, window) for the SQL CASE that names the window a visit falls in."""
        return [
            (f"{self.tag}{lv}:{i}", lv, w) for lv, wins in self.windows.items() for i, w in enumerate(wins)
        ]

    def add(self, cell: tuple[str, str], index: int, people: int) -> None:
        counts = self.met.setdefault(cell, [0] * len(self.windows[cell[1]]))
        counts[index] += people

    def cell(self, level: str, people: int, met: list[int] | None) -> _Cell:
        wins = self.windows[level]
        met = met or [0] * len(wins)
        closed = [i for i, w in enumerate(wins) if w.full_end < self.as_of]
        return _Cell(
            people,
            len(wins) * people,
            sum(_share_due(w, self.as_of) for w in wins) * people,
            sum(n for i, n in enumerate(met) if wins[i].start < self.as_of),
            len(closed) * people - sum(met[i] for i in closed),
        )


@dataclass(frozen=True)
class _Cell:
    """One (community, level): the target stays a fraction until a group is summed and rounded."""

    people: int
    required: int
    due: float
    reached: int
    missed: int


def _sum(key: str, cells: list[_Cell]) -> Standing:
    return Standing(
        key,
        sum(c.people for c in cells),
        sum(c.required for c in cells),
        round(sum(c.due for c in cells)),
        sum(c.reached for c in cells),
        sum(c.missed for c in cells),
    )


def _behind_first(r: Standing) -> tuple[int, int, int, str]:
    return (-r.shortfall, -r.missed, -r.people, r.key)


def _month_standing(month: _Month, people: dict[tuple[str, str], int]) -> MonthStanding:
    cells = {(comm, lv): month.cell(lv, n, month.met.get((comm, lv))) for (comm, lv), n in people.items()}
    by_comm: dict[str, list[_Cell]] = defaultdict(list)
    by_level: dict[str, list[_Cell]] = defaultdict(list)
    for (comm, lv), c in cells.items():
        by_comm[comm].append(c)
        by_level[lv].append(c)
    communities = sorted((_sum(c, rows) for c, rows in by_comm.items()), key=_behind_first)
    levels = [_sum(lv, by_level.get(lv, [])) for lv in LEVELS]
    return MonthStanding(
        month.first.year,
        month.first.month,
        month.first,
        month.last,
        month.as_of,
        communities,
        levels,
        _sum("合计", list(cells.values())),
    )


def group_communities(rows: list[Standing], top: int = TOP) -> list[Standing]:
    """The ``top`` communities furthest behind (rows come largest shortfall first), then one
    OTHERS row summing the rest — so a chart of 817 communities stays readable."""
    if len(rows) <= top + 1:
        return list(rows)
    rest = rows[top:]
    merged = Standing(
        OTHERS,
        sum(r.people for r in rest),
        sum(r.required for r in rest),
        sum(r.due for r in rest),
        sum(r.reached for r in rest),
        sum(r.missed for r in rest),
        len(rest),
    )
    return [*rows[:top], merged]


def group_counts(counts: list[tuple[str, int]], top: int = TOP) -> list[tuple[str, int, int]]:
    """People per community, largest first: the ``top`` by name, then (OTHERS, sum, how many)."""
    if len(counts) <= top + 1:
        return [(k, n, 0) for k, n in counts]
    rest = counts[top:]
    return [(k, n, 0) for k, n in counts[:top]] + [(OTHERS, sum(n for _, n in rest), len(rest))]


def _read(s: Session, months: list[_Month], first: date, last: date) -> tuple[list[Row], list[Row]]:
    """People per (community, level), and per (community, level, window) how many people had a
    contact in it: two GROUP BYs, so 100,000 people come back as a few thousand rows."""
    level = func.coalesce(m.Elder.level, Level.GREEN.value)
    people = s.execute(
        join_places(select(m.Community.name, m.Elder.level, func.count(m.Elder.id)))
        .where(m.Elder.status == ElderStatus.ACTIVE.value)
        .group_by(m.Community.name, m.Elder.level)
    ).all()
    whens = [
        (and_(level == lv, m.Visit.planned_date >= w.full_start, m.Visit.planned_date <= w.full_end), label)
        for month in months
        for label, lv, w in month.labels()
    ]
    window = case(*whens, else_=literal(""))
    met = s.execute(
        join_places(
            select(m.Community.name, level, window, func.count(distinct(m.Visit.elder_id)))
            .select_from(m.Visit)
            .join(m.Elder, m.Visit.elder_id == m.Elder.id)
        )
        .where(
            m.Elder.status == ElderStatus.ACTIVE.value,
            m.Visit.kind == VisitKind.HOME.value,
            m.Visit.status == VisitStatus.DONE.value,
            m.Visit.outcome.in_(CONTACT),
            m.Visit.planned_date >= first,
            m.Visit.planned_date <= last,
        )
        .group_by(m.Community.name, level, window)
    ).all()
    return people, met


def _masked_phones(s: Session, ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for i in range(0, len(ids), 900):  # under every database's bound-parameter limit
        chunk = ids[i : i + 900]
        out.update(
            (eid, mask_phone(p or ""))
            for eid, p in s.execute(select(m.Elder.id, m.Elder.phone).where(m.Elder.id.in_(chunk)))
        )
    return out


def dashboard_standing(ctx: ServiceContext, today: date, *, with_overdue: bool = True) -> DashboardStanding:
    """This month up to today, last month in full, people per level and community, who is overdue."""
    ctx.require(Action.VIEW_DASHBOARD)
    first, last = month_bounds(today)
    prev_first, prev_last = month_bounds(first - timedelta(days=1))
    overdue_rows = worklists.overdue(ctx, today) if with_overdue else []
    with ctx.read() as s:
        policy = load_policy(s)
        cadence = {lv: policy.for_level(lv).home for lv in LEVELS}
        this = _Month("t", first, last, today, cadence)
        prev = _Month("p", prev_first, prev_last, today, cadence)
        spans = [w for month in (this, prev) for wins in month.windows.values() for w in wins]
        lo = min((w.full_start for w in spans), default=prev_first)
        hi = max((w.full_end for w in spans), default=last)
        people_rows, met_rows = _read(s, [this, prev], lo, hi)
        phones = _masked_phones(s, [r.elder_id for r in overdue_rows])
    people: dict[tuple[str, str], int] = defaultdict(int)
    raw_levels: dict[str | None, int] = {lv: 0 for lv in LEVELS} | {None: 0}
    per_comm: dict[str, int] = defaultdict(int)
    for comm, level, n in people_rows:
        people[(comm or NO_COMMUNITY, level or Level.GREEN.value)] += n
        raw_levels[level] = raw_levels.get(level, 0) + n
        per_comm[comm or NO_COMMUNITY] += n
    for comm, level, label, n in met_rows:
        if label:
            month = this if label[0] == "t" else prev
            month.add((comm or NO_COMMUNITY, level), int(label.rsplit(":", 1)[1]), n)
    overdue = [
        OverduePerson(
            r.elder_id,
            r.name,
            r.level,
            r.community,
            r.grid,
            phones.get(r.elder_id, ""),
            r.last_contact,
            r.days_since,
            r.interval_days,
        )
        for r in overdue_rows
    ]
    return DashboardStanding(
        today,
        _month_standing(this, people),
        _month_standing(prev, people),
        raw_levels,
        sorted(per_comm.items(), key=lambda kv: (-kv[1], kv[0])),
        overdue,
    )
