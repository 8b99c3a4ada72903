"""The parts of an import row beyond the person's own fields: every emergency contact, and a
supervisor's manual level with its reason (what the complete export writes, so a roster moved to
another database keeps every contact and every level).

A row states contact 1 in the roster's usual contact columns and contacts 2, 3 ... in the
``紧急联系人N姓名/关系/电话/电话2`` columns (``domain.fields.MAX_CONTACTS``). The care level itself is
never read: it is recomputed from the facts; only an override travels, and it needs its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import fields
from silverage.domain.elder_input import ContactInput
from silverage.domain.enums import ElderStatus, Level
from silverage.domain.problems import Problem
from silverage.services import audit
from silverage.services.care import assessment
from silverage.services.context import Actor

_PARTS = ("name", "relation", "phone", "phone2")
FIRST_CONTACT_KEYS = ("contact_name", "contact_relation", "contact_phone", "contact_phone2")
CONTACT_GROUPS: tuple[tuple[str, ...], ...] = (
    FIRST_CONTACT_KEYS,
    *(tuple(f"contact{n}_{p}" for p in _PARTS) for n in range(2, fields.MAX_CONTACTS + 1)),
)
CONTACT_KEYS = tuple(k for group in CONTACT_GROUPS for k in group)
OVERRIDE_KEYS = ("level_override", "level_override_reason")
STATUS_KEYS = ("status", "status_date", "status_reason")


def contacts_of(values: dict[str, Any]) -> tuple[ContactInput, ...]:
    """Every contact group the row states, in order (a group left empty is skipped)."""
    out = []
    for group in CONTACT_GROUPS:
        if any(k in values for k in group):
            out.append(ContactInput(*(values.get(k, "") for k in group)))
    return tuple(out)


def override_of(values: dict[str, Any]) -> tuple[str, str] | Problem | None:
    """(level, reason) when the row states a manual level; a level without its reason is refused."""
    level, reason = values.get("level_override"), (values.get("level_override_reason") or "").strip()
    if level is None and not reason:
        return None
    if level is None:
        return Problem(
            "level_override",
            "填写了人工调整原因，但没有填写人工调整等级",
            "An override reason is given but no override level",
        )
    if not reason:
        return Problem(
            "level_override_reason",
            "人工调整等级必须填写原因",
            "A reason is required to override the level",
        )
    return (str(level), reason)


def merge_more(current: tuple[ContactInput, ...], more: Sequence[ContactInput]) -> tuple[ContactInput, ...]:
    """Contacts 2, 3 ... update the contact of the same name, or are added after the others."""
    out = list(current)
    for c in more:
        same = next((i for i, old in enumerate(out) if old.name == c.name), None)
        if same is None:
            out.append(replace(c, id=None))
        else:
            old = out[same]
            out[same] = replace(
                old,
                relation=c.relation or old.relation,
                phone=c.phone or old.phone,
                phone2=c.phone2 or old.phone2,
            )
    return tuple(out)


def current_override(s: Session, elder_id: int) -> tuple[str, str] | None:
    latest = s.execute(
        select(m.Assessment.override_level, m.Assessment.override_reason)
        .where(m.Assessment.elder_id == elder_id)
        .order_by(m.Assessment.id.desc())
        .limit(1)
    ).first()
    return (latest[0], latest[1] or "") if latest is not None and latest[0] else None


def apply_overrides_in(s: Session, actor: Actor, items: Sequence[tuple[int, str, str]]) -> None:
    """Set each (elder id, level, reason) as a manual override, as the level editor does (a new
    assessment row beside the computed level, the elder's level in force, an audit row)."""
    s.flush()
    for elder_id, level, reason in items:
        elder = s.get(m.Elder, elder_id)
        latest = s.scalar(
            select(m.Assessment)
            .where(m.Assessment.elder_id == elder_id)
            .order_by(m.Assessment.id.desc())
            .limit(1)
        )
        if elder is None or latest is None:  # archived people are not assessed: nothing to override
            continue
        if latest.override_level == level and latest.override_reason == reason:
            continue
        assessment.set_override_in(s, actor, elder, latest, Level(level).value, reason, "import")


def status_of(values: dict[str, Any]) -> tuple[str, Any, str] | None:
    """(status, date, reason) when the row says the person is off the roster (迁出/入住养老机构/已故)."""
    status = values.get("status")
    if status is None or status == ElderStatus.ACTIVE.value:
        return None
    return (str(status), values.get("status_date"), (values.get("status_reason") or "").strip())


def apply_statuses_in(s: Session, actor: Actor, items: Sequence[tuple[int, str, Any, str]]) -> None:
    """Archive each new person (elder id, status, date, reason) as the person editor does: the status,
    its date and reason on the record and an audit row; nobody plans visits for them any more."""
    s.flush()
    for elder_id, status, on, reason in items:
        elder = s.get(m.Elder, elder_id)
        if elder is None or elder.status == status:
            continue
        before = {
            "status": elder.status,
            "status_date": elder.status_date,
            "status_reason": elder.status_reason,
        }
        elder.status, elder.status_date, elder.status_reason = status, on, reason
        after = {"status": status, "status_date": on, "status_reason": reason}
        audit.record_changes(s, actor, "elder", elder.id, before, after, action="archive")
