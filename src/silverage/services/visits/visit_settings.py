"""What planning depends on and supervisors edit: the visit policy and the holiday table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import holiday_table
from silverage.domain.calendar_cn import WorkCalendar, days
from silverage.domain.changes import HOLIDAYS, VISIT_POLICY, Changes
from silverage.domain.enums import HolidayKind
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, ValidationError
from silverage.domain.visit_policy import DEFAULT_POLICY, SETTING_KEY, VisitPolicy
from silverage.services import audit
from silverage.services.context import ServiceContext


def load_policy(s: Session) -> VisitPolicy:
    row = s.get(m.Setting, SETTING_KEY)
    return DEFAULT_POLICY if row is None else VisitPolicy.from_json(row.value)


def get_policy(ctx: ServiceContext) -> VisitPolicy:
    with ctx.read() as s:
        return load_policy(s)


def save_policy(ctx: ServiceContext, policy: VisitPolicy) -> Changes:
    ctx.require(Action.EDIT_POLICY)
    value = VisitPolicy.from_json(policy.to_json()).to_json()
    with ctx.transaction() as s:
        row = s.get(m.Setting, SETTING_KEY)
        old = None if row is None else row.value
        if row is None:
            s.add(m.Setting(key=SETTING_KEY, value=value, updated_by=ctx.actor.username))
        else:
            row.value, row.updated_by = value, ctx.actor.username
        audit.record(s, ctx.actor, "update", "setting", None, field=SETTING_KEY, old=old, new=value)
    return Changes.of(settings=[VISIT_POLICY])


def load_calendar(s: Session) -> WorkCalendar:
    return WorkCalendar({h.day: h.kind for h in s.scalars(select(m.Holiday))})


@dataclass(frozen=True)
class HolidayRow:
    day: date
    kind: str
    name: str


def list_holidays(ctx: ServiceContext, year: int | None = None) -> list[HolidayRow]:
    stmt = select(m.Holiday).order_by(m.Holiday.day)
    if year is not None:
        stmt = stmt.where(m.Holiday.day >= date(year, 1, 1), m.Holiday.day <= date(year, 12, 31))
    with ctx.read() as s:
        return [HolidayRow(h.day, h.kind, h.name) for h in s.scalars(stmt)]


def year_table(ctx: ServiceContext, year: int) -> list[holiday_table.TableDay]:
    """The holiday table as the supervisor sees it: the office's days, then the published or
    predicted (预测) ones they have not replaced."""
    entered = {h.day: (h.kind, h.name) for h in list_holidays(ctx, year)}
    return holiday_table.year_days(year, entered)


def set_holiday(ctx: ServiceContext, day: date, kind: str, name: str = "") -> Changes:
    """Add or change one day of the holiday table (a statutory holiday or a 调休 working day)."""
    return _write_days(ctx, {day: (kind, name)})


def set_holidays(ctx: ServiceContext, first: date, last: date, kind: str, name: str = "") -> Changes:
    """Enter a run of days at once (a published break, first..last) as one action."""
    if last < first or (last - first).days >= holiday_table.LONGEST_BREAK:
        raise ValidationError(
            [
                Problem(
                    "last",
                    f"一次最多录入 {holiday_table.LONGEST_BREAK} 天，结束日期不能早于开始日期",
                    f"Enter at most {holiday_table.LONGEST_BREAK} days at once, ending on or after the first",
                )
            ]
        )
    return _write_days(ctx, {d: (kind, name) for d in days(first, last)})


def confirm_predicted(ctx: ServiceContext, day: date) -> Changes:
    """The predicted break ``day`` is in, as it is, becomes the office's own days (no longer 预测)."""
    ctx.require(Action.EDIT_HOLIDAYS)
    return _write_days(ctx, holiday_table.confirmed(holiday_table.predicted_break_on(day)))


def change_predicted(ctx: ServiceContext, day: date, first: date | None, last: date | None) -> Changes:
    """Replace the predicted break ``day`` is in by first..last (None: no break at all); the
    prediction's days outside the new range become ordinary days."""
    ctx.require(Action.EDIT_HOLIDAYS)
    brk = holiday_table.predicted_break_on(day)
    return _write_days(ctx, holiday_table.break_edit(brk, first, last))


def _write_days(ctx: ServiceContext, days: dict[date, tuple[str, str]]) -> Changes:
    """One action's days (day -> (kind, name)) into the holiday table, each change audited."""
    ctx.require(Action.EDIT_HOLIDAYS)
    for kind, name in days.values():
        if kind not in {k.value for k in HolidayKind}:
            raise ValidationError(
                [
                    Problem(
                        "kind",
                        "类型应为法定节假日、调休上班或照常",
                        "Kind must be holiday, workday or ordinary",
                    )
                ]
            )
        if len(name) > 50:
            raise ValidationError(
                [Problem("name", "名称太长（最多50个字）", "The name is too long (50 at most)")]
            )
    with ctx.transaction() as s:
        rows = {h.day: h for h in s.scalars(select(m.Holiday).where(m.Holiday.day.in_(list(days))))}
        for day, (kind, name) in sorted(days.items()):
            row = rows.get(day)
            if row is None:
                s.add(m.Holiday(day=day, kind=kind, name=name))
                audit.record(
                    s, ctx.actor, "create", "holiday", None, field=day.isoformat(), new=f"{kind} {name}"
                )
            elif (row.kind, row.name) != (kind, name):
                audit.record(
                    s,
                    ctx.actor,
                    "update",
                    "holiday",
                    row.id,
                    field=day.isoformat(),
                    old=f"{row.kind} {row.name}",
                    new=f"{kind} {name}",
                )
                row.kind, row.name = kind, name
    return Changes.of(settings=[HOLIDAYS])


def remove_holiday(ctx: ServiceContext, day: date) -> Changes:
    """Take a day out of the holiday table; nothing changes (and nothing is said) if it is not there."""
    ctx.require(Action.EDIT_HOLIDAYS)
    with ctx.transaction() as s:
        row = s.scalar(select(m.Holiday).where(m.Holiday.day == day))
        if row is None:
            return Changes()
        audit.record(
            s, ctx.actor, "delete", "holiday", row.id, field=day.isoformat(), old=f"{row.kind} {row.name}"
        )
        s.delete(row)
    return Changes.of(settings=[HOLIDAYS])
