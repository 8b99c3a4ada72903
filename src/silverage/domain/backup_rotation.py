"""Which backups to keep: 7 daily, 4 weekly, 12 monthly (grandfather-father-son), decided on dates alone.

A backup is kept when it is the newest of one of the last 7 days that have a backup, of one of the
last 4 ISO weeks that have one, or of one of the last 12 months that have one. Counting days *with*
a backup (not calendar days) means a PC left off over a holiday still keeps a week of history: the
backups of the last days it ran are not thrown away because the calendar moved on. The newest
backup is always kept. Nothing here touches a file; ``services.backup.rotation`` deletes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12


@dataclass(frozen=True)
class Kept:
    """Why one backup is kept: "daily" while it is one of the last days' backups, then "weekly", then
    "monthly" as it ages (the label a person reads in the list of backups)."""

    at: datetime
    kind: str  # "monthly", "weekly" or "daily"


def _newest_per_period(
    times: list[datetime], period: Callable[[datetime], Hashable], how_many: int
) -> set[datetime]:
    chosen: set[datetime] = set()
    seen: set[Hashable] = set()
    for at in sorted(times, reverse=True):
        key = period(at)
        if key in seen:
            continue
        if len(seen) == how_many:
            break
        seen.add(key)
        chosen.add(at)
    return chosen


def keep(
    times: Iterable[datetime],
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> dict[datetime, Kept]:
    """The backups to keep (by their time), each with its kind; every other one may be deleted."""
    ts = sorted(set(times))
    days = _newest_per_period(ts, lambda t: t.date(), daily)
    weeks = _newest_per_period(ts, lambda t: t.isocalendar()[:2], weekly)
    months = _newest_per_period(ts, lambda t: (t.year, t.month), monthly)
    out: dict[datetime, Kept] = {}
    for at in ts:
        if at in days:
            out[at] = Kept(at, "daily")
        elif at in weeks:
            out[at] = Kept(at, "weekly")
        elif at in months:
            out[at] = Kept(at, "monthly")
    return out


def to_delete(times: Iterable[datetime], **limits: int) -> list[datetime]:
    """The backups rotation removes, oldest first."""
    ts = sorted(set(times))
    kept = keep(ts, **limits)
    return [t for t in ts if t not in kept]


KIND_WORDS = {"daily": ("每日", "daily"), "weekly": ("每周", "weekly"), "monthly": ("每月", "monthly")}
