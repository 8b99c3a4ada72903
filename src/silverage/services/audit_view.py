"""The audit viewer's queries (supervisors and administrators): who changed what, newest first.

A page is read by keyset (ids below the last one shown), so a trail of millions is browsed as fast
as one of hundreds. Personal values (ID numbers, phones) are masked in every row returned and in
the export; nobody reads them in full here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import fields
from silverage.domain.permissions import Action
from silverage.domain.progress import Job, Progress
from silverage.io.file_check import check_output
from silverage.services import audit, audit_check
from silverage.services.context import ServiceContext

PAGE = 500


@dataclass(frozen=True)
class AuditFilter:
    """``person``: part of a name, or a whole ID number; ``user``: a username; ``action``: exact."""

    person: str = ""
    user: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # local time
    user: str
    action: str
    table: str
    record_id: int | None
    person: str  # the elder's name the row is about, or ""
    field: str
    old: str
    new: str
    detail: str


@dataclass(frozen=True)
class AuditRows:
    rows: list[AuditRow]
    more: bool  # older rows match too (ask again with before_id=rows[-1].id)


@dataclass(frozen=True)
class ChainStatus:
    checked: int
    ok: bool
    zh: str
    en: str


def _utc(day: date) -> datetime:
    """Local midnight of ``day`` as naive UTC (what the trail stores)."""
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


def _local(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _person_clause(text: str):  # noqa: ANN202 - a SQL expression
    a, e = m.AuditEntry, m.Elder
    text = text.strip()
    who = e.id_number == text.upper() if len(text) == 18 else e.name.contains(text, autoescape=True)
    elder_ids = select(e.id).where(who)
    return or_(
        and_(a.table_name == "elder", a.record_id.in_(elder_ids)),
        and_(
            a.table_name == "emergency_contact",
            a.record_id.in_(select(m.EmergencyContact.id).where(m.EmergencyContact.elder_id.in_(elder_ids))),
        ),
        and_(
            a.table_name == "visit",
            a.record_id.in_(select(m.Visit.id).where(m.Visit.elder_id.in_(elder_ids))),
        ),
    )


def _where(flt: AuditFilter) -> list:
    a = m.AuditEntry
    out = []
    if flt.person.strip():
        out.append(_person_clause(flt.person))
    if flt.user.strip():
        out.append(a.user == flt.user.strip())
    if flt.action:
        out.append(a.action == flt.action)
    if flt.since is not None:
        out.append(a.at >= _utc(flt.since))
    if flt.until is not None:
        out.append(a.at < _utc(flt.until + timedelta(days=1)))
    return out


def _names(s: Session, rows: Iterable[m.AuditEntry]) -> dict[tuple[str, int], str]:
    """The elder's name for each (table, record id) of a page, in three queries at most."""
    ids: dict[str, set[int]] = {"elder": set(), "emergency_contact": set(), "visit": set()}
    for r in rows:
        if r.table_name in ids and r.record_id is not None:
            ids[r.table_name].add(r.record_id)
    out: dict[tuple[str, int], str] = {}
    if ids["elder"]:
        for i, name in s.execute(select(m.Elder.id, m.Elder.name).where(m.Elder.id.in_(ids["elder"]))):
            out["elder", i] = name
    for table, model in (("emergency_contact", m.EmergencyContact), ("visit", m.Visit)):
        if ids[table]:
            q = select(model.id, m.Elder.name).join(m.Elder, m.Elder.id == model.elder_id)
            for i, name in s.execute(q.where(model.id.in_(ids[table]))):
                out[table, i] = name
    return out


def _row(r: m.AuditEntry, names: dict[tuple[str, int], str]) -> AuditRow:
    table = "emergency_contact" if r.table_name == "emergency_contact" else "elder"
    return AuditRow(
        r.id,
        _local(r.at),
        r.user,
        r.action,
        r.table_name,
        r.record_id,
        names.get((r.table_name, r.record_id or 0), ""),
        r.field,
        fields.masked(r.field, r.old_value, table),
        fields.masked(r.field, r.new_value, table),
        r.detail or "",
    )


def _read(s: Session, flt: AuditFilter, before_id: int | None, limit: int) -> tuple[list[AuditRow], bool]:
    a = m.AuditEntry
    q = select(a).where(*_where(flt))
    if before_id is not None:
        q = q.where(a.id < before_id)
    found = list(s.scalars(q.order_by(a.id.desc()).limit(limit + 1)))
    more = len(found) > limit
    found = found[:limit]
    names = _names(s, found)
    return [_row(r, names) for r in found], more


def page(ctx: ServiceContext, flt: AuditFilter, before_id: int | None = None, limit: int = PAGE) -> AuditRows:
    """The newest ``limit`` rows matching ``flt`` (older than ``before_id`` when given)."""
    ctx.require(Action.VIEW_AUDIT)
    with ctx.read() as s:
        rows, more = _read(s, flt, before_id, limit)
    return AuditRows(rows, more)


def choices(ctx: ServiceContext) -> tuple[list[str], list[str]]:
    """(users, actions) that occur in the trail, for the filter boxes."""
    ctx.require(Action.VIEW_AUDIT)
    a = m.AuditEntry
    with ctx.read() as s:
        users = list(s.scalars(select(a.user).distinct().order_by(a.user)))
        actions = list(s.scalars(select(a.action).distinct().order_by(a.action)))
    return users, actions


def display_names(ctx: ServiceContext) -> dict[str, str]:
    """Username -> the name staff know them by (李社工), for showing who did what."""
    ctx.require(Action.VIEW_AUDIT)
    with ctx.read() as s:
        return {u: n for u, n in s.execute(select(m.User.username, m.User.display_name)) if n}


def chain_status(ctx: ServiceContext) -> ChainStatus:
    """Whether ``silverage check`` would find the trail whole (the same verification)."""
    ctx.require(Action.VIEW_AUDIT)
    with ctx.read() as s:
        checked, broken = audit_check.verify(s)
    if broken is None:
        return ChainStatus(
            checked,
            True,
            f"审计记录完整：{checked} 行校验通过",
            f"The audit trail is whole: {checked} rows verified",
        )
    return ChainStatus(checked, False, broken.zh, broken.en)


HEADERS = (
    ("编号", "ID"),
    ("时间", "Time"),
    ("用户", "User"),
    ("操作", "Action"),
    ("表", "Table"),
    ("记录", "Record"),
    ("老人", "Person"),
    ("字段", "Field"),
    ("原值", "Old value"),
    ("新值", "New value"),
    ("说明", "Detail"),
)


def _all(ctx: ServiceContext, flt: AuditFilter) -> Iterator[list[AuditRow]]:
    before: int | None = None
    while True:
        with ctx.read() as s:
            rows, more = _read(s, flt, before, 5000)
        if rows:
            yield rows
        if not more:
            return
        before = rows[-1].id


def export(ctx: ServiceContext, flt: AuditFilter, path: Path, lang: str = "zh") -> Job[int]:
    """The matching rows, newest first, to an xlsx (masked, like every row shown); audited."""
    from openpyxl import Workbook

    ctx.require(Action.VIEW_AUDIT)
    check_output(Path(path))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("审计记录" if lang.startswith("zh") else "Audit trail")
    ws.append([zh if lang.startswith("zh") else en for zh, en in HEADERS])
    n = 0
    for rows in _all(ctx, flt):
        for r in rows:
            ws.append(
                [
                    r.id,
                    f"{r.at:%Y-%m-%d %H:%M:%S}",
                    r.user,
                    r.action,
                    r.table,
                    r.record_id,
                    r.person,
                    r.field,
                    r.old,
                    r.new,
                    r.detail,
                ]
            )
        n += len(rows)
        yield Progress(n, 0, f"已写入 {n} 行 / {n} rows")
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    with ctx.transaction() as s:
        audit.record(s, ctx.actor, "export", "audit", None, detail=f"audit trail (masked): rows={n}")
    return n
