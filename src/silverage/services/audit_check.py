"""Verifying the audit chain: the first row that was changed, removed or slipped in, by id and time.

Read-only and streaming (a page of rows at a time), so a trail of millions is checked in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from silverage.db.models import AppMeta, AuditEntry
from silverage.domain.audit_hash import GENESIS, link
from silverage.services.audit_chain import FROM_KEY, HEAD_KEY, parse_head

_PAGE = 10_000


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain is first broken, in words for ``silverage check``."""

    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh} ({self.en})"


def _row_words(rid: int, at: datetime | None, user: str, action: str) -> tuple[str, str]:
    when = f"{at:%Y-%m-%d %H:%M:%S}" if at else "?"
    return f"id {rid}（{when} UTC，{user}，{action}）", f"id {rid} ({when} UTC, {user}, {action})"


def verify(session: Session) -> tuple[int, ChainBreak | None]:
    """(rows checked, the first break or None)."""
    head_row = session.get(AppMeta, HEAD_KEY)
    from_row = session.get(AppMeta, FROM_KEY)
    chain_from = int(from_row.value) if from_row and from_row.value.isdigit() else 1
    a = AuditEntry
    fields = (
        a.id,
        a.at,
        a.user,
        a.action,
        a.table_name,
        a.record_id,
        a.field,
        a.old_value,
        a.new_value,
        a.detail,
    )
    prev_id, prev_hash, prev_words = 0, GENESIS, ("（开头）", "(the start)")
    checked = 0
    while True:
        page = session.execute(
            select(*fields, a.chain_hash).where(a.id > prev_id).order_by(a.id).limit(_PAGE)
        ).all()
        if not page:
            break
        for row in page:
            *values, stored = tuple(row)
            rid = values[0]
            words = _row_words(rid, values[1], values[2], values[3])
            checked += 1
            if rid > prev_id + 1 and rid >= chain_from:
                gap = rid - prev_id - 1
                return checked, ChainBreak(
                    f"审计记录缺失：{prev_words[0]} 与 {words[0]} 之间少了 {gap} 行"
                    f"（id {prev_id + 1}–{rid - 1}）",
                    f"Audit rows missing: {gap} row(s) (ids {prev_id + 1}–{rid - 1}) between "
                    f"{prev_words[1]} and {words[1]}",
                )
            if stored is None:
                return checked, ChainBreak(
                    f"审计记录 {words[0]} 没有校验值：不是本程序写入的",
                    f"The audit row {words[1]} has no hash: it was not written by this app",
                )
            if link(prev_hash, tuple(values)) != stored:
                return checked, ChainBreak(
                    f"审计记录 {words[0]} 被改动过（或它之前的一行被删除）",
                    f"The audit row {words[1]} was changed (or the row before it was removed)",
                )
            prev_id, prev_hash, prev_words = rid, stored, words
    head_id, head_hash = parse_head(head_row.value if head_row else None)
    if head_row is not None and (head_id, head_hash) != (prev_id, prev_hash):
        if head_id > prev_id:
            return checked, ChainBreak(
                f"审计记录缺失：最后 {head_id - prev_id} 行（id {prev_id + 1}–{head_id}）已被删除",
                f"Audit rows missing: the last {head_id - prev_id} row(s) (ids {prev_id + 1}–{head_id}) "
                "were removed",
            )
        return checked, ChainBreak(
            f"审计记录的链头与最后一行 {prev_words[0]} 不符：记录被改写过",
            f"The audit chain head does not match the last row {prev_words[1]}: the trail was rewritten",
        )
    return checked, None
