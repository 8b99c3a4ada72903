"""The audit trail: who changed which field of which record, when, from what to what.

Stored in the database (which is protected like the roster), never in log files.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from silverage.db.models import AuditEntry
from silverage.services.context import Actor


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def record(
    session: Session,
    actor: Actor,
    action: str,
    table: str = "",
    record_id: int | None = None,
    *,
    field: str = "",
    old: Any = None,
    new: Any = None,
    detail: str = "",
) -> None:
    session.add(
        AuditEntry(
            user=actor.username,
            action=action,
            table_name=table,
            record_id=record_id,
            field=field,
            old_value=_text(old),
            new_value=_text(new),
            detail=detail,
        )
    )


def record_changes(
    session: Session,
    actor: Actor,
    table: str,
    record_id: int,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    action: str = "update",
) -> list[str]:
    """One audit row per field whose value changed; returns the changed field names."""
    changed = [k for k in after if _text(before.get(k)) != _text(after[k])]
    for key in changed:
        record(session, actor, action, table, record_id, field=key, old=before.get(key), new=after[key])
    return changed


def history(session: Session, table: str, record_id: int) -> list[AuditEntry]:
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return list(session.scalars(stmt))
