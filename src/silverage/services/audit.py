"""The audit trail: who changed which field of which record, when, from what to what.

Stored in the database (which is protected like the roster), never in log files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from silverage.db.base import utcnow
from silverage.db.models import AuditEntry
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
    session.add(AuditEntry(**entry(actor, action, table, record_id, **fields)))


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
    session.add_all(AuditEntry(**row) for row in rows)
    return [row["field"] for row in rows]


_ENTRY_KEYS = ("user", "action", "table_name", "record_id", "field", "old_value", "new_value", "detail")


def record_many(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many audit rows in one executemany (bulk imports: millions of rows, no ORM objects).

    Rows come from ``entry`` / ``change_entries``, so they say exactly what ``record`` would say;
    all of them get the same timestamp, as they belong to one action.
    """
    if not rows:
        return
    # Why not ``session.execute(insert(...), rows)``: SQLAlchemy builds and type-processes the
    # parameters row by row, which was half of importing 10,000 people (30 audit rows each). The
    # statement is compiled once for the database in use and its driver gets plain parameters; the
    # timestamp is converted once, the other columns only where their type needs it.
    table = AuditEntry.__table__
    conn = session.connection()
    dialect = conn.dialect
    keys = ("at", *_ENTRY_KEYS)
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    procs = {k: table.c[k].type._cached_bind_processor(dialect) for k in _ENTRY_KEYS}
    procs = {k: p for k, p in procs.items() if p is not None}
    at_proc = table.c.at.type._cached_bind_processor(dialect)
    at = at_proc(utcnow()) if at_proc is not None else utcnow()
    values = itemgetter(*_ENTRY_KEYS)
    if procs:
        convert = [procs.get(k) for k in _ENTRY_KEYS]
        plain = [
            (at, *(v if f is None or v is None else f(v) for f, v in zip(convert, values(row), strict=True)))
            for row in rows
        ]
    else:
        plain = [(at, *values(row)) for row in rows]
    if compiled.positional and tuple(compiled.positiontup or ()) == keys:
        conn.exec_driver_sql(compiled.string, plain)
    else:  # a named paramstyle (psycopg), or another column order
        order = compiled.positiontup if compiled.positional else None
        dicts = [dict(zip(keys, row, strict=True)) for row in plain]
        params = [tuple(d[k] for k in order) for d in dicts] if order else dicts
        conn.exec_driver_sql(compiled.string, params)  # type: ignore[arg-type]


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
