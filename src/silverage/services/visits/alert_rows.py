"""Alerts as plain rows: the open list, one alert to act on, the history, and resolving with a note.

A "not at home twice" alert is about phoning the emergency contact, so every view of it carries
the contact's name and phone, read when it is shown (a contact's new number shows at once; the
stored message has no phone). Lists mask the phone like every list, unless a supervisor asks for
it in full, which is audited. One alert opened to act on it (``alert_detail``) shows the phone in
full to staff, like the person's own record does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.changes import Changes
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, UserError, ValidationError
from silverage.services import audit
from silverage.services.context import ServiceContext
from silverage.services.roster.roster_query import mask_phone

MISSED_TWICE = "missed_twice"  # two home visits in a row not at home (raised in ``alerts``)


@dataclass(frozen=True)
class Contact:
    name: str
    relation: str
    phone: str


def contact_of(s: Session, elder_id: int) -> Contact | None:
    return contacts_of(s, [elder_id]).get(elder_id)


def contacts_of(s: Session, elder_ids: Iterable[int]) -> dict[int, Contact]:
    """The first emergency contact of each person (the one to phone)."""
    ids = sorted(set(elder_ids))
    out: dict[int, Contact] = {}
    for i in range(0, len(ids), 900):
        for c in s.scalars(
            select(m.EmergencyContact)
            .where(m.EmergencyContact.elder_id.in_(ids[i : i + 900]))
            .order_by(m.EmergencyContact.elder_id, m.EmergencyContact.sort_order, m.EmergencyContact.id)
        ):
            out.setdefault(c.elder_id, Contact(c.name, c.relation, c.phone or c.phone2))
    return out


def contact_suffix(contact: Contact | None, *, masked: bool) -> tuple[str, str]:
    """ "：张伟（儿子），电话 138****5678" to end a "phone the emergency contact" message."""
    if contact is None:
        return "（未登记紧急联系人，请补录）", " (none on file: add one)"
    phone = mask_phone(contact.phone) if masked else contact.phone
    rel_zh = f"（{contact.relation}）" if contact.relation else ""
    rel_en = f" ({contact.relation})" if contact.relation else ""
    phone_zh = f"，电话 {phone}" if phone else "，未登记电话"
    phone_en = f", {phone}" if phone else ", no phone on file"
    return f"：{contact.name}{rel_zh}{phone_zh}", f": {contact.name}{rel_en}{phone_en}"


@dataclass(frozen=True)
class AlertRow:
    id: int
    elder_id: int
    name: str
    kind: str
    message_zh: str  # with the contact's name and phone for "not at home twice"
    message_en: str
    due: datetime | None
    created_at: datetime
    contact_name: str
    contact_phone: str  # masked unless asked for in full
    resolved_at: datetime | None = None
    resolved_by: str = ""
    note: str = ""

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        data = {k: v.isoformat() if isinstance(v, (date, datetime)) else v for k, v in asdict(self).items()}
        data["message"] = self.message(lang)
        return data


def _select() -> Select:
    return select(
        m.Alert.id,
        m.Alert.elder_id,
        m.Elder.name,
        m.Alert.kind,
        m.Alert.message_zh,
        m.Alert.message_en,
        m.Alert.due,
        m.Alert.created_at,
        m.Alert.resolved_at,
        m.Alert.resolved_by,
        m.Alert.note,
    ).join(m.Elder, m.Alert.elder_id == m.Elder.id)


def _rows(s: Session, stmt: Select, *, masked: bool) -> list[AlertRow]:
    raw = s.execute(stmt).all()
    contacts = contacts_of(s, [r.elder_id for r in raw])
    out = []
    for r in raw:
        c = contacts.get(r.elder_id)
        zh, en = r.message_zh, r.message_en
        if r.kind == MISSED_TWICE:
            c_zh, c_en = contact_suffix(c, masked=masked)
            zh, en = zh + c_zh, en + c_en
        phone = (mask_phone(c.phone) if masked else c.phone) if c else ""
        out.append(
            AlertRow(
                r.id,
                r.elder_id,
                r.name,
                r.kind,
                zh,
                en,
                r.due,
                r.created_at,
                c.name if c else "",
                phone,
                r.resolved_at,
                r.resolved_by,
                r.note,
            )
        )
    return out


def open_alerts(ctx: ServiceContext, *, unmasked: bool = False) -> list[AlertRow]:
    """Open alerts, the most urgent first; phones masked unless a supervisor asks (audited)."""
    ctx.require(Action.LIST)
    if unmasked:
        ctx.require(Action.UNMASKED)
    stmt = (
        _select()
        .where(m.Alert.resolved_at.is_(None))
        .order_by(m.Alert.due.is_(None), m.Alert.due, m.Alert.id)
    )
    with ctx.read() as s:
        rows = _rows(s, stmt, masked=not unmasked)
    if unmasked:
        audit.record_unmasked(ctx, "alert list", "elder", len({r.elder_id for r in rows}), ("contact_phone",))
    return rows


def alert_history(ctx: ServiceContext, elder_id: int | None = None) -> list[AlertRow]:
    """Resolved alerts, the latest first: who resolved each, when, and the note (phones masked)."""
    ctx.require(Action.LIST)
    stmt = _select().where(m.Alert.resolved_at.is_not(None))
    if elder_id is not None:
        stmt = stmt.where(m.Alert.elder_id == elder_id)
    with ctx.read() as s:
        return _rows(s, stmt.order_by(m.Alert.resolved_at.desc(), m.Alert.id.desc()), masked=True)


def alert_detail(ctx: ServiceContext, alert_id: int) -> AlertRow:
    """One alert to act on, with the contact's phone in full for staff (as in the person's record)."""
    ctx.require(Action.VIEW_PERSON)
    with ctx.read() as s:
        rows = _rows(s, _select().where(m.Alert.id == alert_id), masked=False)
    if not rows:
        raise UserError(f"没有编号为{alert_id}的提醒", f"No alert has the id {alert_id}")
    return rows[0]


def resolve_alert(ctx: ServiceContext, alert_id: int, note: str) -> Changes:
    """Close an alert with a note saying what was done; it stays in the history."""
    ctx.require(Action.RECORD_VISITS)
    note = (note or "").strip()
    if not note:
        raise ValidationError(
            [Problem("note", "请写明如何处理了这条提醒", "Write down how the alert was dealt with")]
        )
    with ctx.transaction() as s:
        alert = s.scalar(select(m.Alert).where(m.Alert.id == alert_id))
        if alert is None:
            raise UserError(f"没有编号为{alert_id}的提醒", f"No alert has the id {alert_id}")
        if alert.resolved_at is not None:
            when = alert.resolved_at.strftime("%Y-%m-%d %H:%M")
            raise UserError(
                f"这条提醒已于{when}由{alert.resolved_by}处理：{alert.note}",
                f"This alert was resolved on {when} by {alert.resolved_by}: {alert.note}",
            )
        close(s, ctx, alert, note)
        return Changes.of(elders=[alert.elder_id])


def close(s: Session, ctx: ServiceContext, alert: m.Alert, note: str) -> None:
    """Resolve ``alert`` with ``note``: it stays in the history with who, when and why."""
    alert.resolved_at, alert.resolved_by, alert.note = ctx.clock.now(), ctx.actor.username, note
    audit.record(s, ctx.actor, "resolve", "alert", alert.id, field="note", new=note, detail=alert.kind)
