"""Recording what happened on a visit, phone check-ins and follow-ups.

Every record ends with one call to ``alerts.escalate`` in the same transaction: "not at home
twice" and risk findings (fall, disability, hospital) are recomputed there from the person's whole
history, so they fire whatever the order of entry and never twice. Every change writes the audit
trail. Nothing here logs personal data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import visit_code
from silverage.domain.changes import Changes
from silverage.domain.enums import Disability, Outcome, VisitKind, VisitStatus
from silverage.domain.permissions import Action
from silverage.domain.problems import ConflictError, Problem, UserError, ValidationError
from silverage.domain.visit_record_rules import (
    already_recorded,
    minutes_problems,
    services_problems,
    visit_date_problems,
)
from silverage.services import audit, service_catalog
from silverage.services.context import ServiceContext
from silverage.services.visits import alerts, planning, visit_rows

FINDING_AREAS = {
    "health": ("健康", "health"),
    "mental": ("精神状态", "mental state"),
    "safety": ("居家安全（燃气、水、电）", "home safety (gas, water, electricity)"),
    "hygiene": ("卫生", "hygiene"),
    "needs": ("需求", "needs"),
}
CONTACT_OUTCOMES = tuple(o.value for o in Outcome if o.is_contact)


@dataclass(frozen=True)
class FollowUpInput:
    action: str
    owner: str
    due: date


@dataclass(frozen=True)
class RecordResult:
    visit: visit_rows.VisitRow
    alerts: list[Problem] = field(default_factory=list)  # escalations raised by this record
    urgent_visit_code: str | None = None
    follow_up_ids: list[int] = field(default_factory=list)
    # Set when the visit already had an outcome: this record corrects it (the audit keeps both).
    corrected_outcome: str | None = None
    # Accepted, but the user should know: a visit date outside the visit's window.
    warnings: list[Problem] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        """The visit and its person (last contact, maybe a new level, maybe an urgent visit)."""
        return Changes.of(elders=[self.visit.elder_id], visits=[self.visit.id])


def _outcome(value: str | Outcome) -> Outcome:
    try:
        return value if isinstance(value, Outcome) else Outcome(value)
    except ValueError:
        choices = "、".join(o.value for o in Outcome)
        raise ValidationError(
            [
                Problem(
                    "outcome",
                    f"探访结果“{value}”无法识别，可选：{choices}",
                    f"Unknown outcome '{value}'; choose one of {choices}",
                )
            ]
        ) from None


def _follow_ups(raw: Iterable[FollowUpInput | tuple[str, str, date]], today: date) -> list[FollowUpInput]:
    out, problems = [], []
    for i, item in enumerate(raw, 1):
        f = item if isinstance(item, FollowUpInput) else FollowUpInput(*item)
        if not f.action.strip():
            problems.append(
                Problem("follow_ups", f"第{i}条跟进事项没有写内容", f"Follow-up {i} has no action")
            )
        if not isinstance(f.due, date):
            problems.append(
                Problem("follow_ups", f"第{i}条跟进事项缺少期限", f"Follow-up {i} has no due date")
            )
        elif f.due < today - timedelta(days=1):
            problems.append(
                Problem("follow_ups", f"第{i}条跟进事项的期限已过", f"Follow-up {i} is due in the past")
            )
        out.append(FollowUpInput(f.action.strip(), f.owner.strip(), f.due))
    if problems:
        raise ValidationError(problems)
    return out


def find_visit(ctx: ServiceContext, code: str) -> visit_rows.VisitRow:
    """Open a visit by the code on its sheet (typed, or scanned: a scanner types like a keyboard)."""
    ctx.require(Action.LIST)
    norm = visit_code.normalize(code)
    if isinstance(norm, Problem):
        raise ValidationError([norm])
    with ctx.read() as s:
        rows = visit_rows.fetch(s, visit_rows.visit_select().where(m.Visit.code == norm))
    if not rows:
        raise UserError(f"没有编号为 {norm} 的探访", f"No visit has the code {norm}")
    return rows[0]


def record_visit(
    ctx: ServiceContext,
    code: str,
    outcome: str | Outcome,
    visited_by: str | None = None,
    findings: Mapping[str, str] | None = None,
    notes: str | None = "",
    follow_ups: Iterable[FollowUpInput | tuple[str, str, date]] = (),
    fall: bool = False,
    new_disability: str | None = None,
    *,
    visited_on: date | None = None,
    today: date | None = None,
    version: int | None = None,
    correct: bool = False,
    services: Iterable[str] | None = None,
    minutes: int | None = None,
) -> RecordResult:
    """Record the outcome of the visit with this code; one transaction with all its escalations.

    ``visited_on`` is the day the visit happened: by default today for a new outcome, and the
    recorded day for a correction; never after today; outside the visit's window it is recorded
    with a warning. A visit that already has an outcome is changed only with ``correct`` (the
    audit keeps the old outcome, date and findings). ``services`` are the kinds given on the visit
    (names on the office's list) and ``minutes`` the time it took; a correction that leaves them
    out (``None``) keeps what was recorded.
    """
    ctx.require(Action.RECORD_VISITS)
    today = today or ctx.clock.today()
    result = _outcome(outcome)
    norm = visit_code.normalize(code)
    if isinstance(norm, Problem):
        raise ValidationError([norm])
    clean = {k: str(v).strip() for k, v in (findings or {}).items() if str(v).strip()}
    unknown = sorted(set(clean) - set(FINDING_AREAS))
    if unknown:
        raise ValidationError(
            [
                Problem(
                    "findings",
                    f"无法识别的发现类别：{'、'.join(unknown)}",
                    f"Unknown finding areas: {', '.join(unknown)}",
                )
            ]
        )
    if new_disability is not None and new_disability not in {d.value for d in Disability}:
        raise ValidationError([Problem("new_disability", "失能等级无法识别", "Unknown disability grade")])
    fups = _follow_ups(follow_ups, today)
    if minutes_problems(minutes):
        raise ValidationError(minutes_problems(minutes))
    given = None if services is None else list(dict.fromkeys(k.strip() for k in services if k.strip()))
    with ctx.transaction() as s:
        kind_ids = service_catalog.kind_ids_in(s)
        if given is not None and services_problems(given, [k.name for k in service_catalog.kinds_in(s)]):
            raise ValidationError(services_problems(given, [k.name for k in service_catalog.kinds_in(s)]))
        visit = s.scalar(select(m.Visit).where(m.Visit.code == norm))
        if visit is None:
            raise UserError(f"没有编号为 {norm} 的探访", f"No visit has the code {norm}")
        if version is not None and visit.version != version:
            raise ConflictError(
                "这条探访已被别人修改，请刷新后再录入", "Someone else changed this visit; reload it"
            )
        if visit.status == VisitStatus.CANCELLED.value:
            raise UserError(f"探访 {norm} 已取消，不能录入结果", f"Visit {norm} was cancelled")
        recorded_day = visit.visited_at.date() if visit.visited_at else visit.planned_date
        if visit.status == VisitStatus.DONE.value:
            if not correct:
                raise already_recorded(norm, recorded_day, visit.outcome)
            day = visited_on or recorded_day
            # A correction changes what it states: findings, notes and who visited that it leaves
            # out (``None``) stay as recorded, never silently emptied.
            if findings is None:
                clean = dict(visit.findings or {})
            if notes is None:
                notes = visit.notes or ""
            if visited_by is None:
                visited_by = visit.visited_by
            if minutes is None:
                minutes = visit.minutes
        else:
            day = visited_on or today
        warnings = visit_date_problems(day, today, visit.window_start, visit.window_end)
        before = _services_given(s, visit.id)
        if given is not None:
            _set_services_given(s, visit.id, [kind_ids[k] for k in given])
        after = _services_given(s, visit.id)
        if before != after:
            audit.record(s, ctx.actor, "update", "visit", visit.id, field="services", old=before, new=after)
        if visit.minutes != minutes:
            audit.record(
                s, ctx.actor, "update", "visit", visit.id, field="minutes", old=visit.minutes, new=minutes
            )
            visit.minutes = minutes
        res = _apply(
            s, ctx, visit, result, visited_by, clean, notes or "", fups, fall, new_disability, day, today
        )
        return replace(res, warnings=warnings) if warnings else res


def _services_given(s: Session, visit_id: int) -> str:
    """The services given on a visit as text (助浴、代购), in the list's order."""
    return "、".join(
        s.scalars(
            select(m.ServiceKind.name)
            .join(m.VisitService, m.VisitService.kind_id == m.ServiceKind.id)
            .where(m.VisitService.visit_id == visit_id, m.VisitService.delivered.is_(True))
            .order_by(m.ServiceKind.sort_order)
        )
    )


def _set_services_given(s: Session, visit_id: int, kind_ids: list[int]) -> None:
    """Mark these kinds given on the visit (a planned one keeps its row) and no others."""
    rows = {
        r.kind_id: r for r in s.scalars(select(m.VisitService).where(m.VisitService.visit_id == visit_id))
    }
    for kid, row in rows.items():
        row.delivered = kid in kind_ids
        if not row.planned and not row.delivered:
            s.delete(row)
    for kid in kind_ids:
        if kid not in rows:
            s.add(m.VisitService(visit_id=visit_id, kind_id=kid, planned=False, delivered=True))
    s.flush()


def _apply(
    s: Session,
    ctx: ServiceContext,
    visit: m.Visit,
    result: Outcome,
    visited_by: str | None,
    clean: dict[str, str],
    notes: str,
    fups: list[FollowUpInput],
    fall: bool,
    new_disability: str | None,
    visited_on: date | None,
    today: date,
) -> RecordResult:
    day = visited_on or today
    visit_date_problems(day, today, None, None)  # refuses a day after today
    correcting = visit.status == VisitStatus.DONE.value
    before = {
        "status": visit.status,
        "outcome": visit.outcome,
        "visited_at": visit.visited_at,
        "visited_by": visit.visited_by,
        "findings": visit.findings,
        "notes": visit.notes,
    }
    visit.status, visit.outcome = VisitStatus.DONE.value, result.value
    visit.visited_by = (visited_by or "").strip()
    visit.visited_at = datetime.combine(day, datetime.min.time())
    visit.findings, visit.notes, visit.recorded_by = clean, notes.strip(), ctx.actor.username
    if visit.planned_date != day:
        before["planned_date"], visit.planned_date = visit.planned_date, day
    after = {k: getattr(visit, k) for k in before}
    audit.record_changes(
        s, ctx.actor, "visit", visit.id, before, after, action="correct" if correcting else "update"
    )
    elder = s.get(m.Elder, visit.elder_id)
    assert elder is not None
    if correcting:
        _undo_last_contact(s, ctx, elder, visit, before)
    if result.is_contact and (elder.last_contact is None or elder.last_contact < day):
        audit.record(
            s, ctx.actor, "update", "elder", elder.id, field="last_contact", old=elder.last_contact, new=day
        )
        elder.last_contact = day
    fu_ids = []
    for f in fups:
        row = m.FollowUp(elder_id=elder.id, visit_id=visit.id, action=f.action, owner=f.owner, due_date=f.due)
        s.add(row)
        s.flush()
        fu_ids.append(row.id)
        audit.record(s, ctx.actor, "create", "follow_up", row.id, detail=f"visit {visit.id}")
    esc = alerts.escalate(s, ctx, elder, visit, fall=fall, new_disability=new_disability, today=today)
    corrected = before["outcome"] if before["status"] == VisitStatus.DONE.value else None
    return RecordResult(visit_rows.one(s, visit.id), esc.alerts, esc.urgent_visit_code, fu_ids, corrected)


def _undo_last_contact(
    s: Session, ctx: ServiceContext, elder: m.Elder, visit: m.Visit, before: Mapping[str, object]
) -> None:
    """A corrected outcome no longer vouches for the contact it recorded: when the person's last
    contact came from it, go back to their latest other contact on record (the new outcome, if a
    contact, then moves it forward again)."""
    old_at, old_outcome = before["visited_at"], before["outcome"]
    old_day = (
        old_at.date() if isinstance(old_at, datetime) else before.get("planned_date", visit.planned_date)
    )
    if old_outcome not in CONTACT_OUTCOMES or old_day is None or elder.last_contact != old_day:
        return
    s.flush()
    latest = s.scalar(
        select(m.Visit.planned_date)
        .where(
            m.Visit.elder_id == elder.id,
            m.Visit.id != visit.id,
            m.Visit.status == VisitStatus.DONE.value,
            m.Visit.outcome.in_(CONTACT_OUTCOMES),
        )
        .order_by(m.Visit.planned_date.desc())
        .limit(1)
    )
    if latest != elder.last_contact:
        audit.record(
            s,
            ctx.actor,
            "correct",
            "elder",
            elder.id,
            field="last_contact",
            old=elder.last_contact,
            new=latest,
        )
        elder.last_contact = latest


def record_phone_check_in(
    ctx: ServiceContext,
    elder_id: int,
    outcome: str | Outcome,
    notes: str = "",
    today: date | None = None,
    findings: Mapping[str, str] | None = None,
) -> RecordResult:
    """A call that was not on a plan: stored as a done phone visit with its own code."""
    ctx.require(Action.RECORD_VISITS)
    today = today or ctx.clock.today()
    result = _outcome(outcome)
    clean = {k: str(v).strip() for k, v in (findings or {}).items() if str(v).strip()}
    with ctx.transaction() as s:
        if s.get(m.Elder, elder_id) is None:
            raise UserError(f"没有编号为{elder_id}的老人", f"No person with id {elder_id}")
        v = m.Visit(
            code=planning.new_codes(s, 1)[0],
            elder_id=elder_id,
            kind=VisitKind.PHONE.value,
            planned_date=today,
            window_start=today,
            window_end=today,
            status=VisitStatus.PLANNED.value,
            findings={},
            notes="",
        )
        s.add(v)
        s.flush()
        audit.record(s, ctx.actor, "create", "visit", v.id, detail="phone check-in")
        return _apply(s, ctx, v, result, None, clean, notes, [], False, None, today, today)


def complete_follow_up(ctx: ServiceContext, follow_up_id: int) -> Changes:
    ctx.require(Action.RECORD_VISITS)
    with ctx.transaction() as s:
        row = s.get(m.FollowUp, follow_up_id)
        if row is None:
            raise UserError("没有这条跟进事项", "No such follow-up")
        audit.record(s, ctx.actor, "update", "follow_up", row.id, field="done", old=row.done, new=True)
        row.done, row.done_at = True, ctx.clock.now()
        return Changes.of(elders=[row.elder_id])
