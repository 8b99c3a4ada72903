"""The message for a stale save: who saved the record last, and when (from the audit trail).

Shared by every service that checks a record's version (the person editor's save, an override of
the level), so the wording and the lookup live in one place.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.clock import SYSTEM_CLOCK
from silverage.domain.problems import ConflictError


def _who_saved_last(s: Session, elder_id: int) -> tuple[str, datetime | None]:
    entry = s.scalar(
        select(m.AuditEntry)
        .where(
            m.AuditEntry.table_name == "elder",
            m.AuditEntry.record_id == elder_id,
            m.AuditEntry.action != "print",
            m.AuditEntry.action != "export",
        )
        .order_by(m.AuditEntry.id.desc())
        .limit(1)
    )
    if entry is None:
        return "", None
    user = s.scalar(select(m.User).where(m.User.username == entry.user))
    return (user.display_name if user and user.display_name else entry.user), entry.at


def conflict_error(s: Session, elder_id: int) -> ConflictError:
    """The message for a stale save, naming who saved last and when (from the audit trail)."""
    who, at = _who_saved_last(s, elder_id)
    if who and at is not None:
        local = at.replace(tzinfo=UTC).astimezone()
        when = f"{local:%H:%M}" if local.date() == SYSTEM_CLOCK.today() else f"{local:%Y-%m-%d %H:%M}"
        return ConflictError(
            f"{who} 在 {when} 保存过此记录，您的修改没有保存。请重新打开后再改。",
            f"{who} saved this record at {when}; your changes were not saved. "
            "Reopen the record and edit again.",
        )
    return ConflictError(
        "此记录在您打开后已被他人修改，您的修改没有保存。请重新打开后再改。",
        "Someone else changed this record after you opened it; your changes were not saved. "
        "Reopen the record and edit again.",
    )
