"""Writing the audit trail as a hash chain, one writer at a time.

Each audit row's ``chain_hash`` covers its own fields and the previous row's hash
(``domain.audit_hash``); ids run without gaps; ``app_meta`` holds the chain head ("<id> <hash>").

Why rows wait until commit: the chain has one head, so two writers must not both extend it. The
head is taken by an UPDATE of its ``app_meta`` row (on PostgreSQL that row stays locked until
commit, so a second writer waits and then reads the first one's head; on SQLite it is the
database's write lock). If a service took the head at its first audit row and then went on
updating people, two bulk actions on PostgreSQL could each hold a person the other wants plus,
for one of them, the head: a deadlock. So rows are kept in the session and written just before
commit, when every other lock of the transaction is already held: the head is always the last
lock taken, which cannot deadlock, and it is held only for the insert and the commit. A very large
action (an import of thousands) writes its rows early in blocks, so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from hashlib import sha256
from operator import itemgetter
from typing import Any

from sqlalchemy import event, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import ORMExecuteState, Session

from silverage.db.models import AppMeta, AuditEntry
from silverage.domain.audit_hash import ENCODE, GENESIS, at_text

HEAD_KEY = "audit_head"
FROM_KEY = "audit_chain_from"  # ids below this were chained by the migration (gaps allowed)
ENTRY_KEYS = ("user", "action", "table_name", "record_id", "field", "old_value", "new_value", "detail")
_PENDING = "audit_pending"
FLUSH_AT = 20_000  # rows kept in memory before they are written early

_values = itemgetter(*ENTRY_KEYS)


def add(session: Session, at: datetime, rows: Iterable[dict[str, Any]]) -> None:
    """Keep ``rows`` (``audit.entry`` dicts) to be chained and written before this session commits."""
    pending = _pending(session)
    pending.extend((at, *_values(row)) for row in rows)
    if len(pending) >= FLUSH_AT:
        flush(session)


def _pending(session: Session) -> list[tuple[Any, ...]]:
    txn = session.get_transaction()
    held = session.info.get(_PENDING)
    if held is None or held[0] is not txn:  # a new transaction: anything left belonged to one rolled back
        held = session.info[_PENDING] = (txn, [])
    return held[1]


def parse_head(value: str | None) -> tuple[int, str]:
    if not value:
        return 0, GENESIS
    last_id, _, last_hash = value.partition(" ")
    return int(last_id), last_hash


def _take_head(session: Session, again: bool = True) -> tuple[int, str]:
    """Lock the chain head for this transaction and read it (see the module docstring)."""
    conn = session.connection()
    meta = AppMeta.__table__
    taken = conn.execute(update(meta).where(meta.c.key == HEAD_KEY).values(value=meta.c.value))
    if taken.rowcount:
        return parse_head(conn.execute(select(meta.c.value).where(meta.c.key == HEAD_KEY)).scalar())
    # No head yet (a database the migration chained before it had any row): start from the table.
    audit = AuditEntry.__table__
    last = conn.execute(select(audit.c.id, audit.c.chain_hash).order_by(audit.c.id.desc()).limit(1)).first()
    head = (last[0], last[1] or GENESIS) if last else (0, GENESIS)
    start = insert(meta).values(key=HEAD_KEY, value=f"{head[0]} {head[1]}")
    if conn.dialect.name == "sqlite":  # the file's write lock makes this the only writer
        conn.execute(start)
        return head
    # On a server two writers can both find no head: the second one's insert waits for the
    # first's commit and then meets its head row, so it extends that chain instead of failing
    # (a savepoint keeps its transaction).
    try:
        with conn.begin_nested():
            conn.execute(start)
    except IntegrityError:
        if not again:
            raise
        return _take_head(session, again=False)
    return head


def flush(session: Session) -> None:
    """Chain and insert the kept rows now (one executemany), and move the head."""
    held = session.info.get(_PENDING)
    if not held or held[0] is not session.get_transaction() or not held[1]:
        return
    rows = held[1]
    session.info[_PENDING] = (held[0], [])
    last_id, last_hash = _take_head(session)
    chained: list[tuple[Any, ...]] = []
    append = chained.append
    texts: dict[datetime, str] = {}  # one action's rows share their time: turn it into text once
    for at, *values in rows:
        last_id += 1
        stamp = texts.get(at) or texts.setdefault(at, at_text(at))
        last_hash = sha256(f"{last_hash}{ENCODE((last_id, stamp, *values))}".encode()).hexdigest()
        append((last_id, at, last_hash, *values))
    _insert(session, chained)
    meta = AppMeta.__table__
    session.connection().execute(
        update(meta).where(meta.c.key == HEAD_KEY).values(value=f"{last_id} {last_hash}")
    )


def _insert(session: Session, rows: Sequence[tuple[Any, ...]]) -> None:
    # Why not ``session.execute(insert(...), rows)``: SQLAlchemy builds and type-processes the
    # parameters row by row, which was half of importing 10,000 people (30 audit rows each). The
    # statement is compiled once for the database in use and its driver gets plain parameters;
    # only the columns whose type needs it are converted.
    table = AuditEntry.__table__
    conn = session.connection()
    dialect = conn.dialect
    keys = ("id", "at", "chain_hash", *ENTRY_KEYS)
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    convert = [table.c[k].type._cached_bind_processor(dialect) for k in keys]
    at_proc = convert[1]
    if at_proc is not None:  # SQLite keeps times as text: convert each distinct time once
        done: dict[Any, Any] = {}
        rows = [(r[0], done.get(r[1]) or done.setdefault(r[1], at_proc(r[1])), *r[2:]) for r in rows]
        convert[1] = None
    if any(f is not None for f in convert):
        rows = [
            tuple(v if f is None or v is None else f(v) for f, v in zip(convert, row, strict=True))
            for row in rows
        ]
    if compiled.positional and tuple(compiled.positiontup or ()) == keys:
        conn.exec_driver_sql(compiled.string, list(rows))
    else:  # a named paramstyle (psycopg), or another column order
        order = compiled.positiontup if compiled.positional else None
        dicts = [dict(zip(keys, row, strict=True)) for row in rows]
        params = [tuple(d[k] for k in order) for d in dicts] if order else dicts
        conn.exec_driver_sql(compiled.string, params)  # type: ignore[arg-type]


def restart(session: Session) -> None:
    """After every audit row was removed with the data they described (replacing a demo roster)."""
    session.info.pop(_PENDING, None)
    meta = AppMeta.__table__
    session.connection().execute(meta.delete().where(meta.c.key.in_((HEAD_KEY, FROM_KEY))))


@event.listens_for(Session, "before_commit")
def _write_before_commit(session: Session) -> None:
    flush(session)


@event.listens_for(Session, "do_orm_execute")
def _write_before_reading(state: ORMExecuteState) -> None:
    """A query of the audit trail inside the transaction that added rows sees them."""
    session = state.session
    if (
        state.is_select
        and session.info.get(_PENDING)
        and any(mp.class_ is AuditEntry for mp in state.all_mappers)
    ):
        flush(session)
