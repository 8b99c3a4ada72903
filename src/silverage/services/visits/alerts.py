"""Escalations after an outcome is recorded, recomputed from the person's whole visit history.

Called once per record (a new outcome, a correction, a phone check-in), inside the record's own
transaction, so an escalation is never lost and never doubled, whatever the order of entry:

* **Not at home twice** (``missed_twice``): the person's done *home* visits, ordered by visit date,
  form runs of consecutive 空访. A run of two or more that nobody has reached the person since (no
  successful contact of any kind on or after the run's last day) needs one open alert: "phone the
  emergency contact". The alert remembers its visits (``Alert.basis``), so the same run found again
  (entered in the other order, grown by a third 空访, or joined with another run by a late sheet)
  updates that one alert. A run already covered by an alert someone resolved stays resolved, unless
  a newer 空访 extends it. When a run is gone, because a correction turned a 空访 into 见到 or the person was
  reached afterwards, its open alert is resolved automatically with a note saying why: it stays in
  the history, it is not deleted.
* **A finding that raises risk** (``risk_change``): a fall, a new or worse disability, or an outcome
  of 住院 (in hospital). The person's facts are updated, the care level is re-assessed, and one home
  visit within 24 hours is created with one alert. While that urgent visit is still open, another
  record of a risk finding for the person (the same fall entered twice, or a correction) reuses the
  urgent visit and the alert; a new kind of finding is added to the alert's message and re-assessed.

Messages are stored without phone numbers (like every alert); lists add the emergency contact's
name and phone when they show an alert, masked like every list (``alert_rows``). Nothing here logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.enums import Disability, Outcome, VisitKind, VisitStatus
from silverage.domain.problems import Problem
from silverage.services import audit
from silverage.services.care.assessment import reassess_in
from silverage.services.context import ServiceContext
from silverage.services.visits import planning
from silverage.services.visits.alert_rows import MISSED_TWICE, close, contact_of, contact_suffix

RISK_CHANGE = "risk_change"
__all__ = ["MISSED_TWICE", "RISK_CHANGE", "Escalation", "escalate", "recheck_not_home"]
# What a visit can find that raises risk: the person's fact it sets, and how messages name it.
RISK_FINDINGS = {
    "fall": ("fall_last_year", "跌倒", "a fall"),
    "disability": ("disability", "失能变化", "a change in disability"),
    "hospital": ("hospital_last_year", "住院", "a stay in hospital"),
}


@dataclass(frozen=True)
class Escalation:
    """What a record raised (or found still open): shown to the person who recorded it."""

    alerts: list[Problem] = field(default_factory=list)
    urgent_visit_code: str | None = None


def escalate(
    s: Session,
    ctx: ServiceContext,
    elder: m.Elder,
    visit: m.Visit,
    *,
    fall: bool = False,
    new_disability: str | None = None,
    today: date,
) -> Escalation:
    """Every escalation after ``visit``'s outcome was (re)recorded, in the caller's transaction."""
    s.flush()
    shown = [p for a, p in recheck_not_home(s, ctx, elder) if visit.id in a.basis.get("visits", [])]
    found = []
    if fall:
        found.append("fall")
    if new_disability and new_disability != elder.disability:
        found.append("disability")
    if visit.outcome == Outcome.IN_HOSPITAL.value:
        found.append("hospital")
    if not found:
        return Escalation(shown)
    code, problem = _risk_change(s, ctx, elder, visit, found, new_disability, today)
    return Escalation([*shown, problem], code)


# ------------------------------------------------------------------ not at home twice


def _day(visited_at: datetime | None, planned: date) -> date:
    return visited_at.date() if visited_at is not None else planned


def _live_runs(s: Session, elder_id: int) -> list[list[tuple[int, date]]]:
    """Runs of two or more consecutive 空访 home visits that no later contact has answered."""
    rows = s.execute(
        select(m.Visit.id, m.Visit.kind, m.Visit.outcome, m.Visit.visited_at, m.Visit.planned_date).where(
            m.Visit.elder_id == elder_id, m.Visit.status == VisitStatus.DONE.value
        )
    ).all()
    contacts = [
        _day(at, planned) for _id, _k, outcome, at, planned in rows if outcome and Outcome(outcome).is_contact
    ]
    home = sorted(
        (_day(at, planned), vid, outcome)
        for vid, kind, outcome, at, planned in rows
        if kind == VisitKind.HOME.value
    )
    runs: list[list[tuple[int, date]]] = []
    current: list[tuple[int, date]] = []
    for day, vid, outcome in [*home, (date.max, 0, None)]:
        if outcome == Outcome.NOT_HOME.value:
            current.append((vid, day))
            continue
        if len(current) >= 2 and not any(c >= current[-1][1] for c in contacts):
            runs.append(current)
        current = []
    return runs


def _not_home_message(elder: m.Elder, run: list[tuple[int, date]]) -> tuple[str, str]:
    """The stored message: who, how many times, on which days (the contact is added when shown)."""
    days_zh = "、".join(f"{d.month}月{d.day}日" for _v, d in run)
    days_en = ", ".join(d.isoformat() for _v, d in run)
    n = len(run)
    times_zh = "两三四五六七八九十"[n - 2] if n <= 10 else str(n)
    times_en = "twice" if n == 2 else f"{n} times"
    return (
        f"{elder.name}连续{times_zh}次空访（{days_zh}），请电话联系紧急联系人",
        f"{elder.name} was not at home {times_en} in a row ({days_en}): call the emergency contact",
    )


def recheck_not_home(s: Session, ctx: ServiceContext, elder: m.Elder) -> list[tuple[m.Alert, Problem]]:
    """Bring the person's ``missed_twice`` alerts in line with their visits; return the open ones."""
    runs = _live_runs(s, elder.id)
    alerts = list(
        s.scalars(
            select(m.Alert)
            .where(m.Alert.elder_id == elder.id, m.Alert.kind == MISSED_TWICE)
            .order_by(m.Alert.id)
        )
    )
    kept: set[int] = set()
    out = []
    for run in runs:
        ids = [v for v, _d in run]
        touching = [a for a in alerts if set(a.basis.get("visits", [])) & set(ids)]
        open_ = [a for a in touching if a.resolved_at is None]
        if not open_ and any(
            ids[-1] in a.basis.get("visits", []) and not a.basis.get("auto") for a in touching
        ):
            continue  # someone already dealt with this run (not merely closed when it went away)
        zh, en = _not_home_message(elder, run)
        if open_:
            alert = open_[0]
            if alert.basis.get("visits") != ids or alert.message_zh != zh:
                alert.basis, alert.message_zh, alert.message_en = {"visits": ids}, zh, en
        else:
            alert = m.Alert(
                elder_id=elder.id,
                kind=MISSED_TWICE,
                message_zh=zh,
                message_en=en,
                basis={"visits": ids},
                due=ctx.clock.now() + timedelta(days=1),
            )
            s.add(alert)
            s.flush()
            audit.record(s, ctx.actor, "create", "alert", alert.id, detail=MISSED_TWICE)
        kept.add(alert.id)
        c_zh, c_en = contact_suffix(contact_of(s, elder.id), masked=True)
        out.append((alert, Problem("alert", zh + c_zh, en + c_en)))
    for alert in alerts:
        if alert.resolved_at is None and alert.id not in kept:
            note = _why_gone(s, alert)
            alert.basis = {**alert.basis, "auto": True}
            close(s, ctx, alert, note)
    return out


def _why_gone(s: Session, alert: m.Alert) -> str:
    """The note of an alert closed because its run is gone: corrected, or the person was reached."""
    ids = alert.basis.get("visits", [])
    still = s.scalar(
        select(func.count()).where(
            m.Visit.id.in_(ids),
            m.Visit.status == VisitStatus.DONE.value,
            m.Visit.outcome == Outcome.NOT_HOME.value,
        )
    )
    if ids and still == len(ids):
        return "自动关闭：之后已联系上本人 (closed automatically: the person was reached since)"
    return "自动关闭：空访记录已更正，不再连续空访 (closed automatically: a 空访 was corrected)"


# ------------------------------------------------------------------ risk findings


def _open_risk_alert(s: Session, elder_id: int) -> tuple[m.Alert, m.Visit] | None:
    row = s.execute(
        select(m.Alert, m.Visit)
        .join(m.Visit, m.Alert.urgent_visit_id == m.Visit.id)
        .where(
            m.Alert.elder_id == elder_id,
            m.Alert.kind == RISK_CHANGE,
            m.Alert.resolved_at.is_(None),
            m.Visit.status == VisitStatus.PLANNED.value,
        )
        .order_by(m.Alert.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def _set_fact(s: Session, ctx: ServiceContext, elder: m.Elder, name: str, value: object) -> bool:
    old = getattr(elder, name)
    if old == value:
        return False
    audit.record(s, ctx.actor, "update", "elder", elder.id, field=name, old=old, new=value)
    setattr(elder, name, value)
    return True


def _risk_words(found: list[str], disability: str) -> tuple[str, str]:
    zh, en = [], []
    for key in found:
        _fact, w_zh, w_en = RISK_FINDINGS[key]
        if key == "disability":
            grade = Disability(disability)
            w_zh, w_en = f"{w_zh}（{grade.zh}）", f"{w_en} ({grade.en})"
        zh.append(w_zh)
        en.append(w_en)
    return "、".join(zh), " and ".join(en)


def _risk_change(
    s: Session,
    ctx: ServiceContext,
    elder: m.Elder,
    visit: m.Visit,
    found: list[str],
    new_disability: str | None,
    today: date,
) -> tuple[str, Problem]:
    changed = False
    for key in found:
        fact = RISK_FINDINGS[key][0]
        changed |= _set_fact(s, ctx, elder, fact, new_disability if key == "disability" else True)
    s.flush()
    existing = _open_risk_alert(s, elder.id)
    if existing is None or changed:
        reassess_in(s, ctx.actor, elder, "visit_finding", today)
    if existing is None:
        urgent = planning.urgent_visit(s, elder.id, visit.volunteer_id, today)
        audit.record(s, ctx.actor, "create", "visit", urgent.id, detail=f"urgent after visit {visit.id}")
        alert = m.Alert(
            elder_id=elder.id,
            kind=RISK_CHANGE,
            basis={"visits": [visit.id], "findings": found},
            urgent_visit_id=urgent.id,
            due=datetime.combine(today, ctx.clock.now().time()) + timedelta(hours=24),
        )
        s.add(alert)
    else:
        alert, urgent = existing
        seen = alert.basis.get("findings", [])
        alert.basis = {
            "visits": sorted({*alert.basis.get("visits", []), visit.id}),
            "findings": [*seen, *(f for f in found if f not in seen)],
        }
    what_zh, what_en = _risk_words(alert.basis["findings"], elder.disability)
    alert.message_zh = f"{elder.name}探访发现{what_zh}：已重新评估等级，并安排24小时内上门（{urgent.code}）"
    alert.message_en = (
        f"{elder.name}: visit found {what_en}; level re-assessed and a home visit "
        f"within 24 hours created ({urgent.code})"
    )
    s.flush()
    if existing is None:
        audit.record(s, ctx.actor, "create", "alert", alert.id, detail=RISK_CHANGE)
    return urgent.code, Problem("alert", alert.message_zh, alert.message_en)
