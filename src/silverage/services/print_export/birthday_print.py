"""Printing the month's 寿星名单 (names and communities only: no ID numbers or phones on it)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from silverage.domain.permissions import Action
from silverage.domain.progress import Job, run_to_end
from silverage.reports.birthday_list import BirthdayLine, BirthdayListDocument, write_birthday_list
from silverage.services.context import ServiceContext
from silverage.services.print_export import print_data as data
from silverage.services.print_export.printing import PrintResult, _finish, _once
from silverage.services.roster.birthday_list import load_nominal, month_milestones


def birthday_list_job(
    ctx: ServiceContext, out: str | Path, year: int, month: int, now: datetime | None = None
) -> Job[PrintResult]:
    ctx.require(Action.PRINT)
    entries = month_milestones(ctx, year, month)
    with ctx.read() as s:
        meta = data.doc_meta(s, ctx.actor, now)
        nominal = load_nominal(s)
    lines = tuple(
        BirthdayLine(e.elder_id, e.date, e.name, e.age, e.calendar, e.lunar, e.community, e.chosen)
        for e in entries
    )
    doc = BirthdayListDocument(meta, year, month, lines, nominal)
    return (
        yield from _finish(
            ctx,
            "birthday_list",
            Path(out),
            _once(lambda p: write_birthday_list(p, doc)),
            {"month": f"{year}-{month:02d}", "age_counting": "nominal" if nominal else "full"},
        )
    )


def print_birthday_list(ctx: ServiceContext, out: str | Path, year: int, month: int) -> PrintResult:
    return run_to_end(birthday_list_job(ctx, out, year, month))
