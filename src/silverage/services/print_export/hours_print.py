"""Printing the month's 志愿服务时长证明 (one page per volunteer; counts only, no older person named)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from silverage.db import models as m
from silverage.domain.permissions import Action
from silverage.domain.problems import UserError
from silverage.domain.progress import Job, run_to_end
from silverage.reports.hours_certificate import HoursCertificates, write_hours_certificates
from silverage.services.context import ServiceContext
from silverage.services.print_export import print_data as data
from silverage.services.print_export.printing import PrintResult, _finish, _once, _one_by_name
from silverage.services.volunteers.hours import month_hours


def office_name(s) -> str:  # type: ignore[no-untyped-def]
    """The office that signs: the subdistrict's name as set at the first start (设置 → 街道名称)."""
    sub = s.get(m.AppMeta, "subdistrict")
    return sub.value if sub is not None and sub.value else "街道办事处"


def hours_certificates_job(
    ctx: ServiceContext,
    out: str | Path,
    month: date,
    volunteer: str | None = None,
    now: datetime | None = None,
) -> Job[PrintResult]:
    """Certificates for everyone who served in the month, or for one volunteer (name or number)."""
    ctx.require(Action.PRINT)
    with ctx.read() as s:
        meta = data.doc_meta(s, ctx.actor, now)
        office = office_name(s)
        vid = _one_by_name(s, m.Volunteer, volunteer, "志愿者", "volunteer") if volunteer else None
    rows = month_hours(ctx, month, vid)
    lines = tuple(r for r in rows if r.visits or vid is not None)
    if not lines:
        raise UserError(
            f"{month.year}年{month.month}月没有志愿服务记录，没有可打印的时长证明",
            f"No volunteer service is recorded in {month:%Y-%m}: no certificate to print",
        )
    if vid is not None and not lines[0].visits:
        raise UserError(
            f"{lines[0].name}在{month.year}年{month.month}月没有已录入的探访，无法出具时长证明",
            f"{lines[0].name} has no recorded visits in {month:%Y-%m}: no certificate to print",
        )
    issued = (now or ctx.clock.now()).date()
    doc = HoursCertificates(meta, office, month, issued, lines)
    return (
        yield from _finish(
            ctx,
            "hours_certificate",
            Path(out),
            _once(lambda p: write_hours_certificates(p, doc)),
            {"month": f"{month:%Y-%m}", "volunteers": [x.volunteer_id for x in lines]},
        )
    )


def print_hours_certificates(
    ctx: ServiceContext, out: str | Path, month: date, volunteer: str | None = None
) -> PrintResult:
    return run_to_end(hours_certificates_job(ctx, out, month, volunteer))
