"""The month's volunteer hours as an Excel sheet for the volunteer platforms (志愿汇, 志愿浙江 …).

Each platform wants its own columns, so the office picks them once and saves the choice as a
named template (stored in the settings, audited); the export writes one row per volunteer who
served. Phones are masked unless a supervisor asks for them in full (audited, as every export).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from silverage.db import models as m
from silverage.domain import phone as phone_rules
from silverage.domain.changes import Changes
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, UserError, ValidationError
from silverage.domain.progress import Job, run_to_end
from silverage.io.excel_export import Column, SheetData, write_table_workbook
from silverage.services import audit
from silverage.services.context import ServiceContext
from silverage.services.print_export.hours_print import office_name
from silverage.services.volunteers.hours import month_hours

TEMPLATES_KEY = "hours_export_templates"
ACTIVITY = "关爱独居老人志愿服务"


@dataclass(frozen=True)
class HoursColumn:
    key: str
    zh: str
    en: str
    kind: str = "text"

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


COLUMNS: tuple[HoursColumn, ...] = (
    HoursColumn("name", "姓名", "Name"),
    HoursColumn("phone", "手机号码", "Phone"),
    HoursColumn("community", "所在社区", "Community"),
    HoursColumn("month", "服务月份", "Month"),
    HoursColumn("activity", "活动名称", "Activity"),
    HoursColumn("organiser", "组织单位", "Organiser"),
    HoursColumn("visits", "探访次数", "Visits", "int"),
    HoursColumn("services", "服务项次", "Services", "int"),
    HoursColumn("by_kind", "服务内容", "Services by kind"),
    HoursColumn("people", "服务老人数", "People served", "int"),
    HoursColumn("minutes", "服务时长（分钟）", "Minutes", "int"),
    HoursColumn("hours", "服务时长（小时）", "Hours"),
)
BY_KEY = {c.key: c for c in COLUMNS}
DEFAULT_TEMPLATE = ("name", "phone", "month", "activity", "organiser", "hours")


def _check_columns(columns: tuple[str, ...]) -> None:
    unknown = [c for c in columns if c not in BY_KEY]
    if unknown or not columns:
        raise ValidationError(
            [
                Problem(
                    "columns",
                    f"未知或未选的导出列：{'、'.join(unknown) or '（空）'}",
                    f"Unknown or no columns chosen: {', '.join(unknown) or '(none)'}",
                )
            ]
        )


def templates(ctx: ServiceContext) -> dict[str, tuple[str, ...]]:
    """Saved templates by name (the platform's, as the office named it)."""
    ctx.require(Action.LIST)
    with ctx.read() as s:
        row = s.get(m.Setting, TEMPLATES_KEY)
        saved = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
    return {name: tuple(c for c in cols if c in BY_KEY) for name, cols in saved.items()}


def save_template(ctx: ServiceContext, name: str, columns: tuple[str, ...]) -> Changes:
    ctx.require(Action.EXPORT)
    name = (name or "").strip()
    if not name or len(name) > 30:
        raise UserError("模板名称不能为空，最多30个字", "A template needs a name of at most 30 characters")
    _check_columns(columns)
    with ctx.transaction() as s:
        row = s.get(m.Setting, TEMPLATES_KEY)
        saved = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
        old = saved.get(name)
        saved[name] = list(columns)
        if row is None:
            s.add(m.Setting(key=TEMPLATES_KEY, value=saved, updated_by=ctx.actor.username))
        else:
            row.value, row.updated_by = saved, ctx.actor.username
        audit.record(
            s,
            ctx.actor,
            "update",
            "setting",
            None,
            field=TEMPLATES_KEY,
            old=",".join(old) if old else None,
            new=",".join(columns),
            detail=name,
        )
    return Changes.of(settings=[TEMPLATES_KEY])


def export_hours_job(
    ctx: ServiceContext,
    path: str | Path,
    month: date,
    columns: tuple[str, ...] = DEFAULT_TEMPLATE,
    *,
    unmasked: bool = False,
    lang: str = "zh",
) -> Job[int]:
    """Write one row per volunteer who served in ``month``; returns the rows written."""
    ctx.require(Action.EXPORT)
    if unmasked:
        ctx.require(Action.UNMASKED)
    _check_columns(columns)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError("导出文件名须以 .xlsx 结尾", "The export file name must end in .xlsx")
    rows = [r for r in month_hours(ctx, month) if r.visits]
    with ctx.read() as s:
        office = office_name(s)
        ids = [r.volunteer_id for r in rows]
        phones = dict(
            s.execute(select(m.Volunteer.id, m.Volunteer.phone).where(m.Volunteer.id.in_(ids))).all()
        )
    values = []
    for r in rows:
        phone = phones.get(r.volunteer_id, "")
        cell = {
            "name": r.name,
            "phone": phone if unmasked else phone_rules.mask(phone),
            "community": r.community,
            "month": f"{month:%Y-%m}",
            "activity": ACTIVITY,
            "organiser": office,
            "visits": r.visits,
            "services": r.services,
            "by_kind": "、".join(f"{k}{n}次" for k, n in r.by_kind),
            "people": r.people,
            "minutes": r.minutes,
            "hours": f"{r.hours:.1f}",
        }
        values.append([cell[c] for c in columns])
    title = (
        f"{month.year}年{month.month}月志愿服务时长"
        if lang.startswith("zh")
        else f"Volunteer hours {month:%Y-%m}"
    )
    data = SheetData(
        title[:31],
        f"{office} {title}",
        [Column(c, BY_KEY[c].label(lang), BY_KEY[c].kind) for c in columns],
        values,
        len(values),
    )
    n = yield from write_table_workbook(path, data)
    try:
        with ctx.transaction() as s:
            audit.record(
                s,
                ctx.actor,
                "export",
                "volunteer",
                None,
                detail=f"volunteer hours {month:%Y-%m}: volunteers={n}; columns={','.join(columns)}; "
                f"full={'phone' if unmasked and 'phone' in columns else ''}; file={path.name}",
            )
    except Exception:
        path.unlink(missing_ok=True)  # an export that is not in the audit trail must not exist
        raise
    return n


def export_hours(
    ctx: ServiceContext,
    path: str | Path,
    month: date,
    columns: tuple[str, ...] = DEFAULT_TEMPLATE,
    **kw: object,
) -> int:
    return run_to_end(export_hours_job(ctx, path, month, columns, **kw))  # type: ignore[arg-type]
