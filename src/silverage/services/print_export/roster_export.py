"""Export the roster to Excel for supervisors: what is in it, who may see what, and the audit trail.

ID numbers and phones are masked unless a supervisor asks for them in full; a full export is written
to the audit trail (who, when, how many people, which columns; never the data itself).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import fields, idcard
from silverage.domain.address import format_address
from silverage.domain.birthday_calendar import BirthdayCalendar
from silverage.domain.enums import Disability, Economic, ElderStatus, Gender, Level, Living, Mobility
from silverage.domain.permissions import Action
from silverage.domain.problems import UserError
from silverage.domain.progress import Job, Progress, run_to_end
from silverage.domain.service_kinds import needs_text
from silverage.io.excel_export import Column, RosterWorkbook, SheetData, SummaryData, write_roster_workbook
from silverage.io.excel_import import BOOLEAN_FIELDS
from silverage.services import audit
from silverage.services.context import ServiceContext
from silverage.services.roster.roster_query import ROSTER_ORDER, ROW_COLUMNS, ElderFilter, elder_select
from silverage.services.visits import coverage
from silverage.services.visits.visit_settings import load_policy


@dataclass(frozen=True)
class ColumnSpec:
    """An export column: a field of ``domain.fields`` (its header words) and how its cells are written."""

    key: str
    kind: str = "text"

    @property
    def field(self) -> fields.Field:
        return fields.field(self.key)

    @property
    def zh(self) -> str:
        return self.field.zh

    @property
    def en(self) -> str:
        return self.field.en

    @property
    def sensitive(self) -> bool:
        """Masked unless a supervisor exports in full."""
        return self.field.sensitive


# Headers are the fields' labels, which the import reads back: an exported roster imports unchanged.
COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("seq", "int"),
    ColumnSpec("name"),
    ColumnSpec("gender"),
    ColumnSpec("id_number", "id"),
    ColumnSpec("birth_date", "date"),
    ColumnSpec("birthday_calendar"),
    ColumnSpec("age", "int"),
    ColumnSpec("phone"),
    ColumnSpec("phone2"),
    ColumnSpec("community"),
    ColumnSpec("grid"),
    ColumnSpec("micro_grid"),
    ColumnSpec("address"),
    ColumnSpec("living"),
    ColumnSpec("level", "level"),
    ColumnSpec("disability"),
    ColumnSpec("mobility"),
    ColumnSpec("economic"),
    ColumnSpec("health_conditions"),
    ColumnSpec("needs"),
    ColumnSpec("contact_name"),
    ColumnSpec("contact_relation"),
    ColumnSpec("contact_phone"),
    ColumnSpec("last_contact", "date"),
    ColumnSpec("next_assessment", "date"),
    ColumnSpec("doorstep_notes"),
    ColumnSpec("notes"),
    # The rest of the record: what the complete export adds (and any export may choose).
    ColumnSpec("address_detail"),
    ColumnSpec("address_building"),
    ColumnSpec("address_unit"),
    ColumnSpec("address_room"),
    *(ColumnSpec(k) for k in BOOLEAN_FIELDS),
    ColumnSpec("level_override"),
    ColumnSpec("level_override_reason"),
    ColumnSpec("status"),
    ColumnSpec("status_date", "date"),
    ColumnSpec("status_reason"),
    ColumnSpec("contact_phone2"),
    *(
        ColumnSpec(f"contact{n}_{part}")
        for n in range(2, fields.MAX_CONTACTS + 1)
        for part in ("name", "relation", "phone", "phone2")
    ),
)
BY_KEY = {c.key: c for c in COLUMNS}
# What a supervisor prints by default (fits A4 landscape); every other column can be chosen.
DEFAULT_COLUMNS = (
    "seq",
    "name",
    "gender",
    "id_number",
    "age",
    "phone",
    "community",
    "grid",
    "micro_grid",
    "address",
    "living",
    "level",
    "disability",
    "economic",
    "health_conditions",
    "contact_name",
    "contact_phone",
    "last_contact",
    "notes",
)
ALL_COLUMNS = tuple(c.key for c in COLUMNS)
OVERDUE_COLUMNS = (
    "seq",
    "name",
    "community",
    "grid",
    "micro_grid",
    "address",
    "level",
    "phone",
    "last_contact",
    "days_overdue",
)
_OVERDUE_EXTRA = ColumnSpec("days_overdue", "int")
# The complete export: every fact of the record, each in the column the import reads back into the
# same field (the address in its parts, not as one line; the level in force is recomputed from the
# facts on import, so only a manual override and its reason travel). Contact groups beyond the
# largest the exported people need are left out.
COMPLETE_COLUMNS = (
    "seq",
    "name",
    "gender",
    "id_number",
    "birth_date",
    "birthday_calendar",
    "phone",
    "phone2",
    "community",
    "grid",
    "micro_grid",
    "address_detail",
    "address_building",
    "address_unit",
    "address_room",
    "living",
    "level",
    "level_override",
    "level_override_reason",
    "disability",
    "mobility",
    "economic",
    "health_conditions",
    *BOOLEAN_FIELDS,
    "contact_name",
    "contact_relation",
    "contact_phone",
    "contact_phone2",
    *(
        f"contact{n}_{part}"
        for n in range(2, fields.MAX_CONTACTS + 1)
        for part in ("name", "relation", "phone", "phone2")
    ),
    "needs",
    "doorstep_notes",
    "notes",
    "status",
    "status_date",
    "status_reason",
)


@dataclass(frozen=True)
class ExportOptions:
    elder_ids: tuple[int, ...] | None = None  # a selection; None = use ``filter``
    filter: ElderFilter | None = None
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    unmasked: bool = False
    lang: str = "zh"
    # Every field in full, for moving a roster to another database (supervisors, audited);
    # ``columns`` is then COMPLETE_COLUMNS and ``unmasked`` is implied.
    complete: bool = False
    # The file password of an unmasked or complete export (required for those; masked stay plain).
    password: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class ExportResult:
    path: str
    people: int
    overdue: int
    unmasked: bool
    columns: tuple[str, ...]
    complete: bool = False


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang.startswith("zh") else en


def _calendar_label(value: str | None, lang: str) -> str:
    """公历 / 农历, empty when not recorded (the import reads both words back)."""
    if value not in ("solar", "lunar"):
        return ""
    cal = BirthdayCalendar(value)
    return _t(lang, cal.zh, cal.en)


def _overdue_days_by_level(s: Session) -> dict[str | None, int]:
    """Level -> days without a successful contact after which a person is overdue (supervisor's policy)."""
    policy = load_policy(s)
    out: dict[str | None, int] = {lv.value: policy.for_level(lv.value).overdue_days for lv in Level}
    out[None] = policy.for_level(None).overdue_days
    return out


def level_overrides(s: Session, elder_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Elder id -> (override level, reason) from each overridden person's latest assessment."""
    out: dict[int, tuple[str, str]] = {}
    for start in range(0, len(elder_ids), 500):
        chunk = elder_ids[start : start + 500]
        latest = (
            select(func.max(m.Assessment.id))
            .where(m.Assessment.elder_id.in_(chunk))
            .group_by(m.Assessment.elder_id)
        )
        for eid, level, reason in s.execute(
            select(m.Assessment.elder_id, m.Assessment.override_level, m.Assessment.override_reason).where(
                m.Assessment.id.in_(latest)
            )
        ):
            if level:
                out[eid] = (level, reason or "")
    return out


def _needs_by_elder(s: Session, ids: set[int], lang: str) -> dict[int, str]:
    """Elder id -> their needs as the 服务需求 cell the import reads back (one query for everyone)."""
    stmt = (
        select(m.ElderNeed.elder_id, m.ServiceKind.name, m.ElderNeed.frequency, m.ElderNeed.notes)
        .join(m.ServiceKind, m.ServiceKind.id == m.ElderNeed.kind_id)
        .order_by(m.ElderNeed.elder_id, m.ServiceKind.sort_order)
    )
    by: dict[int, list[tuple[str, str, str]]] = {}
    for eid, kind, freq, notes in s.execute(stmt):
        if eid in ids:
            by.setdefault(eid, []).append((kind, freq, notes))
    return {eid: needs_text(rows, lang) for eid, rows in by.items()}


def _rows(s: Session, f: ElderFilter, opts: ExportOptions, today: date) -> Iterator[dict[str, Any]]:
    extra = (
        m.Elder.phone2,
        m.Elder.disability,
        m.Elder.mobility,
        m.Elder.economic,
        m.Elder.health_conditions,
        m.Elder.doorstep_notes,
        m.Elder.notes,
        *(getattr(m.Elder, k) for k in BOOLEAN_FIELDS),
        m.Elder.status_date,
        m.Elder.status_reason,
    )
    # One query for the list's columns and the export's extra ones (the extra ones follow at [n:]).
    n = len(ROW_COLUMNS)
    people = s.execute(elder_select(f, (*ROW_COLUMNS, *extra)).order_by(*ROSTER_ORDER)).all()
    ids = {r[0] for r in people}
    contacts: dict[int, list[tuple[str, str, str, str]]] = {}
    for eid, name, rel, ph, ph2 in s.execute(
        select(
            m.EmergencyContact.elder_id,
            m.EmergencyContact.name,
            m.EmergencyContact.relation,
            m.EmergencyContact.phone,
            m.EmergencyContact.phone2,
        ).order_by(m.EmergencyContact.elder_id, m.EmergencyContact.sort_order, m.EmergencyContact.id)
    ):
        if eid in ids:
            contacts.setdefault(eid, []).append((name, rel, ph, ph2))
    overrides = level_overrides(s, [r[0] for r in people if r[18]]) if opts.complete else {}
    needs = _needs_by_elder(s, ids, opts.lang) if "needs" in opts.columns else {}
    lang = opts.lang
    personal = [c.key for c in COLUMNS if c.sensitive]
    yes, no = _t(lang, "是", "Yes"), _t(lang, "否", "No")
    for r in people:
        d = r[n:]
        mine = contacts.get(r[0], [])
        c_name, c_rel, c_phone, c_phone2 = mine[0] if mine else ("", "", "", "")
        override = overrides.get(r[0])
        row = {
            "id": r[0],
            "name": r[1],
            "gender": Gender(r[2]).label(lang),
            "id_number": r[3],
            "birth_date": r[4],
            "birthday_calendar": _calendar_label(r[23], lang),
            "age": idcard.age_on(r[4], today),
            "phone": r[5],
            "phone2": d[0],
            "community": r[10] or "",
            "grid": r[11] or "",
            "micro_grid": r[12] or "",
            "address": format_address(r[6], r[7], r[8], r[9]),
            "living": Living(r[16]).label(lang),
            "level": r[17],
            "disability": Disability(d[1]).label(lang),
            "mobility": Mobility(d[2]).label(lang),
            "economic": Economic(d[3]).label(lang),
            "health_conditions": d[4],
            "needs": needs.get(r[0], ""),
            "doorstep_notes": d[5],
            "notes": d[6],
            "contact_name": c_name,
            "contact_relation": c_rel,
            "contact_phone": c_phone,
            "contact_phone2": c_phone2,
            "last_contact": r[20],
            "next_assessment": r[21],
            "status": r[19],
            "status_label": ElderStatus(r[19]).label(lang),
            "address_detail": r[6],
            "address_building": r[7],
            "address_unit": r[8],
            "address_room": r[9],
            "contact_count": len(mine),
            "level_override": Level(override[0]).label(lang) if override else "",
            "level_override_reason": override[1] if override else "",
        }
        for i, key in enumerate(BOOLEAN_FIELDS):
            row[key] = yes if d[7 + i] else no
        row["status_date"], row["status_reason"] = (
            d[7 + len(BOOLEAN_FIELDS)],
            d[8 + len(BOOLEAN_FIELDS)] or "",
        )
        for k, (name, rel, ph, ph2) in enumerate(mine[1:], 2):
            row.update(
                {
                    f"contact{k}_name": name,
                    f"contact{k}_relation": rel,
                    f"contact{k}_phone": ph,
                    f"contact{k}_phone2": ph2,
                }
            )
        if not opts.unmasked:
            for k in personal:
                if k in row:
                    row[k] = fields.masked(k, row[k])
        yield row


def export_roster_job(
    ctx: ServiceContext, path: Path | str, opts: ExportOptions | None = None, today: date | None = None
) -> Job[ExportResult]:
    """Write the roster workbook; yields Progress. Unmasked only for a supervisor, and audited."""
    opts = opts or ExportOptions()
    if opts.complete:
        opts = replace(opts, columns=COMPLETE_COLUMNS, unmasked=True)
    today = today or ctx.clock.today()
    path = Path(path)
    lang = opts.lang
    unknown = [c for c in opts.columns if c not in BY_KEY]
    if unknown or not opts.columns:
        raise UserError(
            f"未知的导出列：{'、'.join(unknown) or '（空）'}", f"Unknown export columns: {unknown}"
        )
    ctx.require(Action.EXPORT)
    if opts.unmasked:
        ctx.require(Action.UNMASKED)
    if path.suffix.lower() != ".xlsx":
        raise UserError("导出文件名须以 .xlsx 结尾", "The export file name must end in .xlsx")
    if opts.unmasked and not opts.password:
        raise UserError(
            "含完整身份证号码和电话的导出须设置文件密码（命令行：环境变量 SILVERAGE_EXPORT_PASSWORD）",
            "An export with full ID numbers and phones needs a file password (command line: "
            "SILVERAGE_EXPORT_PASSWORD)",
        )
    f = opts.filter or ElderFilter()
    if opts.elder_ids is not None:
        f = ElderFilter(status=None, ids=tuple(opts.elder_ids))
    elif opts.complete:
        f = replace(f, status=None)  # the archived too: a roster moved elsewhere keeps everyone
    yield Progress(0, 0, _t(lang, "正在读取花名册…", "Reading the roster…"))
    with ctx.read() as s:
        rows = list(_rows(s, f, opts, today))
        if opts.complete:
            opts = replace(opts, columns=_needed_columns(rows))
        synthetic = (meta := s.get(m.AppMeta, "synthetic")) is not None and meta.value == "1"
        subdistrict = meta2.value if (meta2 := s.get(m.AppMeta, "subdistrict")) else ""
        overdue_days = _overdue_days_by_level(s)
        communities = list(
            s.execute(select(m.Community.id, m.Community.name).order_by(m.Community.sort_order))
        )
    level_words = {lv.value: lv.label(lang) for lv in Level}
    demo = (
        _t(lang, "演示数据（合成，非真实人员）", "DEMO DATA (synthetic, not real people)")
        if synthetic
        else ""
    )
    masked_note = (
        "" if opts.unmasked else _t(lang, "身份证号码和电话已部分隐藏", "ID numbers and phones partly masked")
    )
    heading = "　".join(
        x
        for x in (
            _t(lang, "独居空巢老人花名册", "Roster of elders living alone / empty nest"),
            subdistrict,
            _t(lang, f"导出日期 {today.isoformat()}", f"exported {today.isoformat()}"),
            _t(lang, f"共{len(rows)}人", f"{len(rows)} people"),
            masked_note,
            demo,
        )
        if x
    )
    columns = [Column(k, _t(lang, BY_KEY[k].zh, BY_KEY[k].en), BY_KEY[k].kind) for k in opts.columns]

    def table(keys: Sequence[str], source: list[dict[str, Any]]) -> Iterator[list[Any]]:
        for i, row in enumerate(source, 1):
            yield [i if k == "seq" else row["status_label"] if k == "status" else row.get(k) for k in keys]

    overdue = []
    for row in rows:
        if row["status"] != ElderStatus.ACTIVE.value:
            continue
        limit = overdue_days.get(row["level"], overdue_days.get(None, 30))
        since = (today - row["last_contact"]).days if row["last_contact"] else None
        if since is None or since > limit:
            overdue.append({**row, "days_overdue": (since - limit) if since is not None else None})
    overdue.sort(
        key=lambda r: (-(Level(r["level"]).rank if r["level"] else -1), -(r["days_overdue"] or 9999))
    )
    ov_specs = [BY_KEY.get(k, _OVERDUE_EXTRA) for k in OVERDUE_COLUMNS]
    ov_columns = [Column(c.key, _t(lang, c.zh, c.en), c.kind) for c in ov_specs]
    by_comm: dict[str, list[int]] = {name: [0, 0, 0, 0] for _, name in communities}
    for row in rows:
        if row["status"] != ElderStatus.ACTIVE.value or not row["community"]:
            continue
        counts = by_comm.setdefault(row["community"], [0, 0, 0, 0])
        counts[{"red": 0, "yellow": 1, "green": 2}.get(row["level"] or "", 3)] += 1
    # The same monthly visit rate as the visits page (issue 5's coverage service).
    rate_by_name = {r.key: r.rate for r in coverage.monthly_rates(ctx, today.year, today.month, "community")}
    summary_rows = [[name, *c, sum(c), rate_by_name.get(name, 0.0)] for name, c in by_comm.items() if sum(c)]
    summary = SummaryData(
        title=_t(lang, "汇总", "Summary"),
        heading=_t(
            lang,
            f"各社区人数与本月探访率（{today:%Y年%m月}）",
            f"People per community and visit rate, {today:%Y-%m}",
        )
        + (f"　{demo}" if demo else ""),
        headers=[
            _t(lang, "社区", "Community"),
            *[lv.label(lang) for lv in Level],
            _t(lang, "未评估", "Not assessed"),
            _t(lang, "合计", "Total"),
            _t(lang, "本月探访率", "Visit rate this month"),
        ],
        rows=summary_rows,
        chart_title=_t(lang, "各社区关爱等级人数", "People per community by care level"),
        notes=[
            _t(
                lang,
                "本月探访率 = 本月已完成的上门探访 ÷ 按等级应探访的次数（整月计，与“探访”页相同）",
                "Visit rate = home visits that reached the person this month / visits the care levels "
                "require in the whole month (as on the visits page)",
            )
        ],
    )
    book = RosterWorkbook(
        roster=SheetData(
            _t(lang, "花名册", "Roster"), heading, columns, table(opts.columns, rows), len(rows), demo
        ),
        summary=summary,
        overdue=SheetData(
            _t(lang, "逾期未探访", "Overdue"),
            _t(
                lang,
                f"逾期未联系的老人（截至{today.isoformat()}，共{len(overdue)}人）",
                f"People not reached in time (as of {today.isoformat()}, {len(overdue)} people)",
            )
            + (f"　{demo}" if demo else ""),
            ov_columns,
            table(OVERDUE_COLUMNS, overdue),
            len(overdue),
            demo,
        ),
        level_words=level_words,
    )
    n = yield from write_roster_workbook(path, book, opts.password if opts.unmasked else None)
    shown = [c for c in opts.columns if BY_KEY[c].sensitive]
    try:
        with ctx.transaction() as s:
            audit.record(
                s,
                ctx.actor,
                "export",
                "elder",
                None,
                detail=f"{'complete' if opts.complete else 'unmasked' if opts.unmasked else 'masked'} "
                f"roster export: people={n}; "
                f"columns={','.join(opts.columns)}; full={','.join(shown) if opts.unmasked else ''}; "
                f"file={path.name}; encrypted={'yes' if opts.unmasked else 'no'}",
            )
    except Exception:
        path.unlink(missing_ok=True)  # an export that is not in the audit trail must not exist
        raise
    return ExportResult(str(path), n, len(overdue), opts.unmasked, tuple(opts.columns), opts.complete)


def _needed_columns(rows: list[dict[str, Any]]) -> tuple[str, ...]:
    """COMPLETE_COLUMNS with as many contact groups as the most contacts anyone has (never fewer)."""
    most = max((r["contact_count"] for r in rows), default=0)
    if most > fields.MAX_CONTACTS:
        who = next(r for r in rows if r["contact_count"] == most)
        raise UserError(
            f"{who['name']}有{most}位紧急联系人，完整导出最多写{fields.MAX_CONTACTS}位；"
            "请先在花名册中合并或删去多余的联系人",
            f"{who['name']} has {most} emergency contacts; a complete export holds at most "
            f"{fields.MAX_CONTACTS}. Merge or remove the extra contacts first",
        )
    return tuple(
        k
        for k in COMPLETE_COLUMNS
        if not (k.startswith("contact") and k[7].isdigit() and int(k[7]) > max(most, 1))
    )


def export_roster(
    ctx: ServiceContext, path: Path | str, opts: ExportOptions | None = None, today: date | None = None
) -> ExportResult:
    return run_to_end(export_roster_job(ctx, path, opts, today))
