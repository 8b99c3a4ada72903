"""The audit trail: who changed which field of which record, when, from what to what.

Stored in the database (which is protected like the roster), never in log files. Rows are only
ever added, as a hash chain (``audit_chain``) that ``silverage check`` verifies; nothing in the
app updates or deletes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from silverage.db.base import utcnow
from silverage.db.models import AuditEntry
from silverage.services import audit_chain
from silverage.services.context import Actor, ServiceContext


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def entry(
    actor: Actor,
    action: str,
    table: str = "",
    record_id: int | None = None,
    *,
    field: str = "",
    old: Any = None,
    new: Any = None,
    detail: str = "",
) -> dict[str, Any]:
    """One audit row as plain column values (what ``record`` adds, what ``record_many`` inserts)."""
    return {
        "user": actor.username,
        "action": action,
        "table_name": table,
        "record_id": record_id,
        "field": field,
        "old_value": _text(old),
        "new_value": _text(new),
        "detail": detail,
    }


def change_entries(
    actor: Actor,
    table: str,
    record_id: int,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    action: str = "update",
) -> list[dict[str, Any]]:
    """One audit row per field whose value changed (as text), in the order of ``after``."""
    return [
        entry(actor, action, table, record_id, field=k, old=before.get(k), new=after[k])
        for k in after
        if _text(before.get(k)) != _text(after[k])
    ]


def record(
    session: Session,
    actor: Actor,
    action: str,
    table: str = "",
    record_id: int | None = None,
    **fields: Any,
) -> None:
    """Add one audit row; ``fields`` are ``entry``'s keywords (field, old, new, detail)."""
    audit_chain.add(session, utcnow(), [entry(actor, action, table, record_id, **fields)])


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
    rows = change_entries(actor, table, record_id, before, after, action)
    audit_chain.add(session, utcnow(), rows)
    return [row["field"] for row in rows]


def record_many(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Add many audit rows (bulk imports: millions of rows, no ORM objects).

    Rows come from ``entry`` / ``change_entries``, so they say exactly what ``record`` would say;
    all of them get the same timestamp, as they belong to one action. They are chained and
    written in one executemany just before the transaction commits (``audit_chain``).
    """
    if rows:
        audit_chain.add(session, utcnow(), rows)


def history(session: Session, table: str, record_id: int) -> list[AuditEntry]:
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return list(session.scalars(stmt))


def record_unmasked(ctx: ServiceContext, listing: str, table: str, people: int, full: Sequence[str]) -> None:
    """A list shown with full ID numbers and phones, audited like an unmasked export: who, when,
    which list, how many people, which fields in full (its own transaction: the list was read)."""
    with ctx.transaction() as s:
        record(
            s,
            ctx.actor,
            "list",
            table,
            None,
            detail=f"unmasked {listing}: people={people}; full={','.join(full)}",
        )
