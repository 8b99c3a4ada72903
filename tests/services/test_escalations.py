"""Escalations that always fire: 空访 twice in either entry order, one urgent visit per risk finding,
alerts resolved with a note that stays in the history (hand-built people and the demo roster)."""

from __future__ import annotations

import inspect
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.enums import Role
from silverage.domain.problems import PermissionDenied, UserError, ValidationError
from silverage.services.context import Actor, ServiceContext
from silverage.services.visits import alert_rows, planning, visits

pytestmark = pytest.mark.db

WEEKS = [date(2026, 11, 12), date(2026, 11, 19), date(2026, 11, 26)]
# The records branch makes a correction explicit (``correct=True``); before it, recording again corrects.
CORRECT = {"correct": True} if "correct" in inspect.signature(visits.record_visit).parameters else {}


def _person(ctx: ServiceContext, days: list[date], kind: str = "home", contact: bool = True) -> list[str]:
    """One person living alone (daughter 王丽, 13812345678) with planned visits on ``days``: codes."""
    with ctx.transaction() as s:
        c = m.Community(code="C1", name="月河社区")
        g = m.Grid(code="G1", name="月河3网格", community=c)
        mg = m.MicroGrid(code="M1", name="1号微网格", grid=g)
        e = m.Elder(
            name="张桂英",
            gender="F",
            id_number="330402194001010012",
            birth_date=date(1940, 1, 1),
            living="alone",
            level="yellow",
            micro_grid=mg,
        )
        if contact:
            e.contacts.append(m.EmergencyContact(name="王丽", relation="女儿", phone="13812345678"))
        s.add_all([c, g, mg, e])
        s.flush()
        codes = planning.new_codes(s, len(days))
        for code, day in zip(codes, days, strict=True):
            s.add(
                m.Visit(
                    code=code,
                    elder_id=e.id,
                    kind=kind,
                    planned_date=day,
                    window_start=day - timedelta(days=3),
                    window_end=day + timedelta(days=3),
                    findings={},
                )
            )
    return codes


def _record(ctx: ServiceContext, code: str, outcome: str, day: date, **kw: object) -> visits.RecordResult:
    return visits.record_visit(ctx, code, outcome, visited_on=day, **kw)  # type: ignore[arg-type]


def _count(ctx: ServiceContext, model: type, *where: object) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["in order", "this week first"])
def test_two_not_home_in_either_order_raise_exactly_one_alert_with_the_contact(
    ctx: ServiceContext, supervisor_ctx: ServiceContext, order: tuple[int, int]
) -> None:
    codes = _person(ctx, WEEKS[:2])
    first = _record(ctx, codes[order[0]], "not_home", WEEKS[order[0]])
    assert first.alerts == [] and alert_rows.open_alerts(ctx) == []
    second = _record(ctx, codes[order[1]], "not_home", WEEKS[order[1]])
    (shown,) = second.alerts
    assert "连续两次空访（11月12日、11月19日）" in shown.zh and "王丽（女儿），电话 138****5678" in shown.zh
    (alert,) = alert_rows.open_alerts(ctx)
    assert alert.kind == "missed_twice" and alert.contact_name == "王丽"
    assert "王丽" in alert.message_zh and "138****5678" in alert.message_zh
    assert "13812345678" not in alert.message_zh + alert.message_en  # a list masks the phone
    # Opening the alert to act on it shows the number to dial, as the person's record does.
    assert "13812345678" in alert_rows.alert_detail(ctx, alert.id).message_zh
    (full,) = alert_rows.open_alerts(supervisor_ctx, unmasked=True)
    assert full.contact_phone == "13812345678"
    with ctx.read() as s:
        stored = s.get(m.Alert, alert.id)
        assert "138" not in stored.message_zh + stored.message_en  # no phone kept in the message


def test_a_third_not_home_extends_the_same_alert(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS)
    for code, day in zip(codes, WEEKS, strict=True):
        _record(ctx, code, "not_home", day)
    (alert,) = alert_rows.open_alerts(ctx)
    assert "连续三次空访" in alert.message_zh and "3 times" in alert.message_en
    assert _count(ctx, m.Alert) == 1


def test_finding_her_at_home_the_week_after_closes_the_alert_with_a_note(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS)
    _record(ctx, codes[0], "not_home", WEEKS[0])
    _record(ctx, codes[1], "not_home", WEEKS[1])
    assert len(alert_rows.open_alerts(ctx)) == 1
    _record(ctx, codes[2], "well", WEEKS[2])  # the volunteer found her at home the week after
    assert alert_rows.open_alerts(ctx) == []
    (closed,) = alert_rows.alert_history(ctx)
    assert closed.kind == "missed_twice" and "已联系上本人" in closed.note and closed.resolved_by == "sheg"


def test_correcting_a_not_home_into_seen_auto_resolves_the_alert_with_a_note(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS[:2])
    _record(ctx, codes[0], "not_home", WEEKS[0])
    _record(ctx, codes[1], "not_home", WEEKS[1])
    (alert,) = alert_rows.open_alerts(ctx)
    res = _record(ctx, codes[1], "well", WEEKS[1], **CORRECT)
    assert res.alerts == [] and alert_rows.open_alerts(ctx) == []
    (closed,) = alert_rows.alert_history(ctx)
    assert (
        closed.id == alert.id and "已更正" in closed.note and "自动关闭" in closed.note
    )  # kept as history, not deleted
    # Corrected back to 空访: the pair is there again and raises one new open alert.
    _record(ctx, codes[1], "not_home", WEEKS[1], **CORRECT)
    assert len(alert_rows.open_alerts(ctx)) == 1 and _count(ctx, m.Alert) == 2


def test_a_resolved_pair_is_not_raised_again_but_a_further_not_home_is(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS)
    _record(ctx, codes[0], "not_home", WEEKS[0])
    _record(ctx, codes[1], "not_home", WEEKS[1])
    (alert,) = alert_rows.open_alerts(ctx)
    alert_rows.resolve_alert(ctx, alert.id, "已电话联系女儿王丽，老人在女儿家小住")
    _record(ctx, codes[1], "not_home", WEEKS[1], visited_by="张阿姨", **CORRECT)  # recomputed
    assert alert_rows.open_alerts(ctx) == []
    _record(ctx, codes[2], "not_home", WEEKS[2])  # still not found after the call: raise again
    (again,) = alert_rows.open_alerts(ctx)
    assert again.id != alert.id and "连续三次空访" in again.message_zh


def test_no_contact_on_file_says_so(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS[:2], contact=False)
    _record(ctx, codes[0], "not_home", WEEKS[0])
    res = _record(ctx, codes[1], "not_home", WEEKS[1])
    assert "未登记紧急联系人" in res.alerts[0].zh and "none on file" in res.alerts[0].en


def test_phone_visits_not_answered_are_not_home_visits(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS[:2], kind="phone")
    _record(ctx, codes[0], "not_home", WEEKS[0])
    _record(ctx, codes[1], "not_home", WEEKS[1])
    assert alert_rows.open_alerts(ctx) == []


def test_a_fall_recorded_twice_makes_one_urgent_visit_and_one_alert(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS[1:])
    first = _record(ctx, codes[0], "follow_up", WEEKS[1], fall=True)
    assert first.urgent_visit_code and "跌倒" in first.alerts[0].zh
    # The same fall written on the next sheet too, and the first sheet entered again.
    second = _record(ctx, codes[1], "follow_up", WEEKS[2], fall=True)
    third = _record(ctx, codes[0], "follow_up", WEEKS[1], fall=True, **CORRECT)
    assert first.urgent_visit_code == second.urgent_visit_code == third.urgent_visit_code
    assert _count(ctx, m.Visit) == 3  # two planned visits and one urgent visit
    (alert,) = [a for a in alert_rows.open_alerts(ctx) if a.kind == "risk_change"]
    assert first.urgent_visit_code in alert.message_zh
    assert _count(ctx, m.Alert, m.Alert.kind == "risk_change") == 1
    assert _count(ctx, m.Alert, m.Alert.kind == "level_change") <= 1
    urgent = visits.find_visit(ctx, first.urgent_visit_code)
    assert urgent.kind == "home" and urgent.planned_date <= WEEKS[2] + timedelta(days=1)


def test_a_new_finding_while_the_urgent_visit_is_open_joins_it_and_reassesses(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS[1:])
    first = _record(ctx, codes[0], "follow_up", WEEKS[1], fall=True)
    assessments = _count(ctx, m.Assessment)
    second = _record(ctx, codes[1], "follow_up", WEEKS[2], new_disability="severe")
    assert second.urgent_visit_code == first.urgent_visit_code
    assert _count(ctx, m.Assessment) == assessments + 1  # a new fact: re-assessed
    (alert,) = [a for a in alert_rows.open_alerts(ctx) if a.kind == "risk_change"]
    assert "跌倒" in alert.message_zh and "失能变化" in alert.message_zh


def test_after_the_urgent_visit_a_new_fall_makes_a_new_one(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS[1:2])
    first = _record(ctx, codes[0], "follow_up", WEEKS[1], fall=True)
    _record(ctx, first.urgent_visit_code, "well", WEEKS[1] + timedelta(days=1))
    again = _record(
        ctx, first.urgent_visit_code, "follow_up", WEEKS[1] + timedelta(days=1), fall=True, **CORRECT
    )
    assert again.urgent_visit_code not in (None, first.urgent_visit_code)


def test_in_hospital_is_a_risk_finding(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS[2:])
    res = _record(ctx, codes[0], "in_hospital", WEEKS[2])
    assert res.urgent_visit_code and "住院" in res.alerts[0].zh
    with ctx.read() as s:
        assert s.scalar(select(m.Elder.hospital_last_year))


def test_resolving_needs_a_note_and_leaves_a_history(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS[:2])
    _record(ctx, codes[0], "not_home", WEEKS[0])
    _record(ctx, codes[1], "not_home", WEEKS[1])
    (alert,) = alert_rows.open_alerts(ctx)
    with pytest.raises(ValidationError) as empty:
        alert_rows.resolve_alert(ctx, alert.id, "  ")
    assert "如何处理" in empty.value.zh
    viewer = ServiceContext(ctx.db, Actor("guest", Role.VIEWER, "访客"))
    with pytest.raises(PermissionDenied):
        alert_rows.resolve_alert(viewer, alert.id, "看过了")
    alert_rows.resolve_alert(ctx, alert.id, "已联系女儿，老人住院中")
    assert alert_rows.open_alerts(ctx) == []
    (done,) = alert_rows.alert_history(ctx)
    assert (done.note, done.resolved_by) == ("已联系女儿，老人住院中", "sheg") and done.resolved_at
    with pytest.raises(UserError) as twice:
        alert_rows.resolve_alert(ctx, alert.id, "again")
    assert "已于" in twice.value.zh and "已联系女儿" in twice.value.zh
    assert (
        _count(ctx, m.AuditEntry, m.AuditEntry.table_name == "alert", m.AuditEntry.action == "resolve") == 1
    )


def test_a_worker_sees_and_resolves_only_their_communities_alerts(ctx: ServiceContext) -> None:
    codes = _person(ctx, WEEKS[:2])
    _record(ctx, codes[0], "not_home", WEEKS[0])
    _record(ctx, codes[1], "not_home", WEEKS[1])
    (alert,) = alert_rows.open_alerts(ctx)
    other = ServiceContext(ctx.db, Actor("w2", Role.WORKER, "赵社工", communities=frozenset({999})))
    assert alert_rows.open_alerts(other) == []
    with pytest.raises(UserError):
        alert_rows.resolve_alert(other, alert.id, "不是我的")


def test_on_the_demo_two_not_home_entered_backwards_raise_one_alert(demo_ctx: ServiceContext) -> None:
    today = date(2026, 11, 26)
    with demo_ctx.transaction() as s:
        elder = s.scalars(
            select(m.Elder).where(m.Elder.status == "active", m.Elder.contacts.any()).order_by(m.Elder.id)
        ).first()
        contact = elder.contacts[0]
        name, phone = contact.name, contact.phone
        codes = planning.new_codes(s, 2)
        for code, day in zip(codes, (today - timedelta(days=1), today), strict=True):
            s.add(m.Visit(code=code, elder_id=elder.id, kind="home", planned_date=day, findings={}))
    before = {a.id for a in alert_rows.open_alerts(demo_ctx)}
    _record(demo_ctx, codes[1], "not_home", today)
    res = _record(demo_ctx, codes[0], "not_home", today - timedelta(days=1))
    new = [a for a in alert_rows.open_alerts(demo_ctx) if a.id not in before]
    assert len(new) == 1 and new[0].kind == "missed_twice" and new[0].elder_id == elder.id
    assert name in new[0].message_zh and phone[:3] + "****" + phone[-4:] in new[0].message_zh
    assert name in res.alerts[0].zh
