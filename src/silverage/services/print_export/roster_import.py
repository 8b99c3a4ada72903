"""Import office rosters: a dry run (preview) first, then ONE transaction for every accepted row.

The preview (``plan_job``) reads every file, maps the columns (a confirmed or remembered mapping,
else a guess), cleans and checks every value with the same rules as the person editor, matches the
places, merges a person who appears twice (same ID number, two sheets or two files) into one entry,
and compares with the roster: created / updated (with the field differences) / unchanged / rejected.
``apply_job`` then writes the plan through ``services.elders.create_many_in / update_in`` (so
validation, duplicate rules, the audit trail and the assessment are the ones the editor uses; new
people in bulk chunks) inside one transaction: all accepted rows land or none do; Cancel closes the
generator and rolls everything back.
An empty cell means "not stated": an update never blanks a field because a workbook lacks the column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from silverage.db import models as m
from silverage.domain import fields, idcard
from silverage.domain import phone as phone_rules
from silverage.domain.changes import Changes
from silverage.domain.elder_input import ContactInput, ElderInput, clean_and_validate
from silverage.domain.enums import ElderStatus, Gender, Level, Living
from silverage.domain.permissions import Action
from silverage.domain.problems import ConflictError, Problem, UserError, ValidationError
from silverage.domain.progress import Job, Progress, run_to_end
from silverage.domain.service_kinds import NeedInput, needs_text, read_needs
from silverage.io import excel_read, header_map, header_samples, masked_ids
from silverage.io.excel_import import parse_row
from silverage.services import audit, scope, service_catalog
from silverage.services.context import ServiceContext
from silverage.services.print_export import import_extras
from silverage.services.roster.place_match import PlaceIndex
from silverage.services.roster.places import looks_like_community

SETTING_PREFIX = "import_map:"
OLD_ID = "id_number.15"  # Rejection.field of a row refused for an old 15-digit ID number
_PLACE_KEYS = ("community", "grid", "micro_grid")
_CONTACT_KEYS = import_extras.CONTACT_KEYS
# Problem.field -> the import field whose column is to blame.
_PROBLEM_COLUMN = {
    "micro_grid_id": "micro_grid",
    "contacts.1.name": "contact_name",
    "contacts.1.phone": "contact_phone",
    "address_detail": "address",
}


@dataclass(frozen=True)
class Rejection:
    source: str  # file name
    sheet: str
    row: int
    column: str  # the header text of the column at fault ("" for the whole row)
    field: str
    zh: str
    en: str
    values: tuple[Any, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.source,
            "sheet": self.sheet,
            "row": self.row,
            "field": self.column or self.field,
            "message": self.zh,
            "message_en": self.en,
        }


@dataclass(frozen=True)
class ImportWarning:
    """A doubt about one cell of an imported row: the person lands, without that value (or, for a
    missing micro-grid, on the 待分配微网格 worklist), and staff see where and why."""

    source: str
    sheet: str
    row: int
    column: str  # the header text of the column
    field: str
    value: str  # the cell as written (masked if it holds a phone or ID number)
    zh: str
    en: str

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.source,
            "sheet": self.sheet,
            "row": self.row,
            "field": self.column or self.field,
            "value": self.value,
            "message": self.zh,
            "message_en": self.en,
        }


@dataclass(frozen=True)
class Diff:
    field: str
    old: str
    new: str

    def label(self, lang: str = "zh") -> str:
        return fields.label(self.field, lang)


@dataclass(frozen=True)
class PlannedRow:
    kind: str  # "create" | "update" | "unchanged"
    source: str
    sheet: str
    row: int
    name: str
    id_masked: str
    inp: ElderInput
    elder_id: int | None = None
    version: int | None = None
    diffs: tuple[Diff, ...] = ()
    merged_from: tuple[str, ...] = ()  # other places the same person appeared
    override: tuple[str, str] | None = None  # a manual level and its reason the row states
    status: tuple[str, Any, str] | None = None  # a new person off the roster: status, date, reason


@dataclass(frozen=True)
class TableInfo:
    """One roster table as the mapping step shows it."""

    source: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    signature: str
    mapping: dict[int, str]
    remembered: bool
    rows: int
    # Per column, up to three values from the first data rows; ID and phone numbers masked.
    samples: tuple[tuple[str, ...], ...] = ()


@dataclass
class ImportPlan:
    files: list[str]
    tables: list[TableInfo]
    skipped_sheets: list[tuple[str, str, str, str]]  # file, sheet, zh, en
    rows_read: int = 0
    blank_rows: int = 0
    footer_rows: int = 0
    created: list[PlannedRow] = field(default_factory=list)
    updated: list[PlannedRow] = field(default_factory=list)
    unchanged: list[PlannedRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    merged_duplicates: int = 0
    headers: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # (file, sheet) -> headers
    mappings: dict[str, dict[int, str]] = field(default_factory=dict)  # signature -> mapping used
    create_places: bool = False  # places the rows name that match none are created (--create-places)
    places: PlaceIndex | None = field(default=None, repr=False)  # with the places to create, if any
    # --upgrade-15-digit-ids: old numbers imported as the 18-digit ones they became (file, sheet,
    # row, old masked, new masked), after someone checked them against the cards.
    upgrade_15_digit_ids: bool = False
    upgraded_ids: list[tuple[str, str, int, str, str]] = field(default_factory=list)

    @property
    def old_id_rows(self) -> int:
        """Rows refused for nothing but an old 15-digit ID number (the upgrade would import them)."""
        reasons: dict[tuple[str, str, int], set[bool]] = {}
        for r in self.rejected:
            reasons.setdefault((r.source, r.sheet, r.row), set()).add(r.field == OLD_ID)
        return sum(1 for found in reasons.values() if found == {True})

    @property
    def places_created(self) -> list[str]:
        """The places the import creates, as paths ("月河社区/3网格/1号微网格"), parents first."""
        return [p.path for p in self.places.pending] if self.places is not None else []

    @property
    def unplaced(self) -> int:
        """Accepted people who land without a micro-grid (on the 待分配微网格 worklist)."""
        return sum(1 for w in self.warnings if w.field == "micro_grid" and w.value == "")

    @property
    def rejected_rows(self) -> int:
        return len({(r.source, r.sheet, r.row) for r in self.rejected})

    def as_json(self, applied: bool) -> dict[str, object]:
        return {
            "files": self.files,
            "dry_run": not applied,
            "rows_read": self.rows_read,
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "rejected": self.rejected_rows,
            "merged_duplicates": self.merged_duplicates,
            "blank_rows": self.blank_rows,
            "footer_rows": self.footer_rows,
            "skipped_sheets": [{"file": f, "sheet": s, "reason": zh} for f, s, zh, _ in self.skipped_sheets],
            "places_created": self.places_created,
            "upgraded_ids": [
                {"file": f, "sheet": sh, "row": row, "old": old, "new": new}
                for f, sh, row, old, new in self.upgraded_ids
            ],
            "updates": [
                {
                    "sheet": p.sheet,
                    "row": p.row,
                    "name": p.name,
                    "changes": [{"field": d.field, "old": d.old, "new": d.new} for d in p.diffs],
                }
                for p in self.updated
            ],
            "errors": [r.as_json() for r in self.rejected],
            "warnings": [w.as_json() for w in self.warnings],
            "unplaced": self.unplaced,
        }


# ------------------------------------------------------------------ remembered mappings


def remembered_mapping(s: Session, signature: str) -> dict[int, str] | None:
    row = s.get(m.Setting, SETTING_PREFIX + signature)
    if row is None or not isinstance(row.value, dict):
        return None
    return {int(k): str(v) for k, v in row.value.get("mapping", {}).items()}


def _remember(
    s: Session, username: str, signature: str, headers: Sequence[str], mapping: dict[int, str]
) -> None:
    value = {"headers": list(headers), "mapping": {str(k): v for k, v in sorted(mapping.items())}}
    row = s.get(m.Setting, SETTING_PREFIX + signature)
    if row is None:
        s.add(m.Setting(key=SETTING_PREFIX + signature, value=value, updated_by=username))
    elif row.value != value:
        row.value = value
        row.updated_by = username


def describe_tables(
    ctx: ServiceContext,
    paths: Sequence[Path],
    mappings: dict[str, dict[int, str]] | None = None,
    password: str | None = None,
) -> list[TableInfo]:
    """The tables found and the mapping each would use (for the wizard's mapping step)."""
    ctx.require(Action.IMPORT)
    out: list[TableInfo] = []
    with ctx.read() as s:
        for path in paths:
            wb = excel_read.open_workbook(Path(path), password)
            try:
                layout = excel_read.scan_layout(Path(path), wb)
            finally:
                wb.close()
            out.extend(_table_infos(s, layout, mappings or {}))
    return out


def _table_infos(
    s: Session, layout: excel_read.WorkbookLayout, mappings: dict[str, dict[int, str]]
) -> list[TableInfo]:
    infos = []
    for t in layout.tables:
        sig = header_map.signature(list(t.headers))
        chosen = mappings.get(sig)
        remembered = None if chosen is not None else remembered_mapping(s, sig)
        mapping = chosen if chosen is not None else remembered if remembered is not None else t.mapping
        infos.append(
            TableInfo(
                layout.path.name,
                t.sheet,
                t.header_row,
                t.headers,
                sig,
                dict(mapping),
                remembered is not None,
                max(0, t.max_row - t.header_row),
                header_samples.column_samples(t.sample_rows, mapping, len(t.headers)),
            )
        )
    return infos


# ------------------------------------------------------------------ the dry run


@dataclass
class _Entry:
    """One person (one ID number) as stated by one or more rows."""

    source: str
    sheet: str
    row: int
    stated: dict[str, Any]
    places: tuple[str, str, str]
    places_stated: bool
    values: tuple[Any, ...] = ()
    merged_from: list[str] = field(default_factory=list)


def plan_job(
    ctx: ServiceContext,
    paths: Sequence[Path | str],
    mappings: dict[str, dict[int, str]] | None = None,
    today: date | None = None,
    *,
    create_places: bool = False,
    upgrade_15_digit_ids: bool = False,
    password: str | None = None,
) -> Job[ImportPlan]:
    """Read and check everything; write nothing. Yields Progress, returns the ImportPlan.

    With ``upgrade_15_digit_ids`` an old 15-digit ID number is imported as the 18-digit number it
    became (listed in ``ImportPlan.upgraded_ids``); without, such a row is refused naming that number.

    With ``create_places`` (supervisors and administrators) the places the rows name that match
    none are planned for creation (``ImportPlan.places_created``) instead of rejecting the rows."""
    ctx.require(Action.IMPORT)
    if create_places:
        ctx.require(Action.EDIT_PLACES)
    today = today or ctx.clock.today()
    paths = [Path(p) for p in paths]
    yield Progress(0, 0, "正在检查文件…")
    books: list[Any] = []
    try:
        for p in paths:
            books.append(excel_read.open_workbook(p, password))
        layouts = [excel_read.scan_layout(p, wb) for p, wb in zip(paths, books, strict=True)]
        plan = yield from _plan(
            ctx, paths, books, layouts, mappings or {}, today, create_places, upgrade_15_digit_ids
        )
    finally:
        for wb in books:
            wb.close()
    return plan


def _plan(
    ctx: ServiceContext,
    paths: list[Path],
    books: list[Any],
    layouts: list[excel_read.WorkbookLayout],
    mappings: dict[str, dict[int, str]],
    today: date,
    create_places: bool = False,
    upgrade_15_digit_ids: bool = False,
) -> Job[ImportPlan]:
    names = [p.name for p in paths]
    if len(set(names)) != len(names):
        names = [str(p) for p in paths]
    with ctx.read() as s:
        plan = ImportPlan(
            names, [], [], create_places=create_places, upgrade_15_digit_ids=upgrade_15_digit_ids
        )
        for name, layout in zip(names, layouts, strict=True):
            layout.path = Path(layout.path)
            for info in _table_infos(s, layout, mappings):
                plan.tables.append(replace(info, source=name))
            plan.skipped_sheets.extend((name, k.sheet, k.zh, k.en) for k in layout.skipped)
        total = sum(lay.total_rows for lay in layouts)
        places = PlaceIndex.load(s)
        plan.places = places
        # Everyone on the roster, also outside a worker's communities: a person is one person, and
        # a worker's row for someone elsewhere is refused rather than taken for a new person.
        existing = {
            n: (i, mg)
            for n, i, mg in s.execute(
                select(m.Elder.id_number, m.Elder.id, m.Elder.micro_grid_id).execution_options(
                    **scope.UNSCOPED
                )
            )
        }
        entries: dict[str, _Entry] = {}
        done = 0
        for name, layout, wb in zip(names, layouts, books, strict=True):
            for table in layout.tables:
                info = next(i for i in plan.tables if i.source == name and i.sheet == table.sheet)
                plan.headers[(name, table.sheet)] = table.headers
                plan.mappings[info.signature] = info.mapping
                missing = header_map.missing_required(info.mapping)
                if missing:
                    labels = "、".join(header_map.BY_KEY[k].zh for k in missing)
                    raise UserError(
                        f"“{table.sheet}”表缺少必需的列：{labels}（请在列对应中指定）",
                        f"Sheet '{table.sheet}' lacks required columns: "
                        + ", ".join(header_map.BY_KEY[k].en for k in missing),
                    )
                ordinary = _ordinary_export(name, table, info.mapping)
                if ordinary is not None:
                    plan.warnings.append(ordinary)
                id_cols = [c for c, k in info.mapping.items() if k == "id_number"]
                masked = rows_here = 0
                for raw in excel_read.iter_rows(wb, table, info.mapping):
                    done += 1
                    if done % 200 == 0:
                        yield Progress(done, total, f"正在检查 {table.sheet} 第{raw.row}行")
                    if raw.kind == "blank":
                        plan.blank_rows += 1
                        continue
                    if raw.kind in ("footer", "header"):
                        plan.footer_rows += 1
                        continue
                    plan.rows_read += 1
                    rows_here += 1
                    masked += any(
                        c < len(raw.values) and masked_ids.looks_masked(raw.values[c]) for c in id_cols
                    )
                    _plan_row(s, plan, entries, existing, places, name, table, info.mapping, raw, today)
                if masked_ids.mostly_masked(masked, rows_here):
                    raise masked_ids.masked_export_error(table.sheet, masked, rows_here)
        yield Progress(total, total, "正在与花名册比对…")
        # Compare in batches: the people already on the roster are loaded 500 at a time with their
        # contacts (a few queries, not one per row) and let go afterwards (constant memory).
        numbers = list(entries)
        for start in range(0, len(numbers), 500):
            batch = numbers[start : start + 500]
            ids = [existing[n][0] for n in batch if n in existing]
            loaded = list(
                s.scalars(select(m.Elder).options(selectinload(m.Elder.contacts)).where(m.Elder.id.in_(ids)))
            )
            for number in batch:
                _finish_entry(s, plan, places, existing, number, entries[number], today)
            del loaded
            s.expunge_all()
            yield Progress(min(start + 500, len(numbers)), len(numbers), "正在与花名册比对…")
    _keep_used_places(plan)
    return plan


def _keep_used_places(plan: ImportPlan) -> None:
    """Create only the places an accepted row lands in (and their parents): a place named only by
    rejected rows is created when the corrected rows are imported."""
    places = plan.places
    if places is None or not places.pending:
        return
    used = {r.inp.micro_grid_id for r in (*plan.created, *plan.updated)}
    used.discard(None)
    wanted: set[int] = set()
    for p in reversed(places.pending):
        if p.id in used or p.id in wanted:
            wanted.add(p.id)
            if p.parent_id is not None:
                wanted.add(p.parent_id)
    places.pending[:] = [p for p in places.pending if p.id in wanted]


def _sheet_column(headers: tuple[str, ...], mapping: dict[int, str], key: str) -> str:
    """The header of the sheet's column for ``key``, or "" when the sheet has none (a view then names
    the field in its own language)."""
    return next((headers[c] for c, k in mapping.items() if k == key and c < len(headers)), "")


def _column_of(headers: tuple[str, ...], mapping: dict[int, str], key: str) -> str:
    key = _PROBLEM_COLUMN.get(key, key.split(".")[0] if key.startswith("contacts") else key)
    if key.startswith("contacts"):
        key = "contact_name"
    for col, k in mapping.items():
        if k == key and col < len(headers):
            return headers[col]
    if key in _PLACE_KEYS:  # the most specific place column the sheet has
        for wanted in ("micro_grid", "grid", "community"):
            for col, k in mapping.items():
                if k == wanted and col < len(headers):
                    return headers[col]
    spec = header_map.BY_KEY.get(key)
    return spec.zh if spec else ""


def _reject(
    plan: ImportPlan,
    source: str,
    table: excel_read.SheetTable,
    mapping: dict[int, str],
    row: int,
    values: tuple[Any, ...],
    problems: list[Problem],
) -> None:
    old_id = idcard.OLD_ID_PREFIX
    for p in problems:
        plan.rejected.append(
            Rejection(
                source,
                table.sheet,
                row,
                _column_of(table.headers, mapping, p.field),
                OLD_ID if p.field == "id_number" and p.zh.startswith(old_id) else p.field,
                p.zh,
                p.en,
                values,
            )
        )


def _stated_model(values: dict[str, Any]) -> dict[str, Any]:
    """The ElderInput fields a row states (places and contacts handled separately)."""
    keep = {
        k: v
        for k, v in values.items()
        if k not in _PLACE_KEYS
        and k not in _CONTACT_KEYS
        and k not in import_extras.OVERRIDE_KEYS
        and k not in import_extras.STATUS_KEYS
        and k not in ("gender", "birth_date")
    }
    return keep


def _max_lengths() -> dict[str, int]:
    """Field key -> the most characters its column holds (the elder's own String columns)."""
    out: dict[str, int] = {}
    for col in m.Elder.__table__.columns:
        length = getattr(col.type, "length", None)
        if isinstance(length, int):
            out[col.key] = length
    contact = m.EmergencyContact.__table__.columns
    for key in import_extras.CONTACT_KEYS:  # contact_name, contact2_phone2 ... -> name, phone2 ...
        col = key.split("_", 1)[1]
        length = getattr(contact[col].type, "length", None)
        if isinstance(length, int):
            out[key] = length
    return out


_MAX_LENGTHS = _max_lengths()


def _too_long(values: dict[str, Any]) -> list[Problem]:
    """A text longer than its column is the row's fault, said with the limit (never cut silently)."""
    found = []
    for key, value in values.items():
        limit = _MAX_LENGTHS.get(key)
        if limit is not None and isinstance(value, str) and len(value) > limit:
            found.append(
                Problem(
                    key,
                    f"最多 {limit} 个字（这里有 {len(value)} 个），请删减后再导入",
                    f"At most {limit} characters (this cell has {len(value)}); shorten it and import again",
                )
            )
    return found


# Problems that only warn: the value is left out and the person imports (issue: "warnings are not
# rejections"); everything else the rules say rejects the row.
_WARN_ONLY = ("phone", "phone2", "contacts.", "living", "disability", "economic", "mobility")


def _only_warns(problem_field: str) -> bool:
    return problem_field.startswith(_WARN_ONLY)


def _drop_doubtful(v: dict[str, Any], problem_field: str) -> None:
    if problem_field.startswith("contacts."):
        # a contact's phone that fails the rules, or a phone without a contact name
        v.pop("contact_phone", None)
    else:
        v.pop(problem_field, None)


_RISK_FACTORS = (
    "serious_illness",
    "cognitive_impairment",
    "children_nearby",
    "fall_last_year",
    "hospital_last_year",
    "home_hazards",
)


def _ordinary_export(
    source: str, table: excel_read.SheetTable, mapping: dict[int, str]
) -> ImportWarning | None:
    """A sheet with our 关爱等级 column but none of the risk factors the level was scored on: an
    ordinary (not complete) export. It imports, but the levels are scored again on less; say so."""
    level_col = next((h for h in table.headers if h and _is_level(h)), None)
    if level_col is None or any(k in _RISK_FACTORS for k in mapping.values()):
        return None
    return ImportWarning(
        source,
        table.sheet,
        table.header_row,
        level_col,
        "level",
        "",
        "这张表有“关爱等级”列，像是普通导出：其中没有认知障碍、跌倒、住院等评估因素，"
        "导入后的等级按表中已有的内容重新评估，可能比原来低。要把花名册搬到另一台电脑，"
        "请让督导导出“完整花名册”（export roster --complete）",
        "This sheet has a care level column, like an ordinary export: it lacks the risk factors the level "
        "was scored on (cognitive impairment, falls, hospital stays ...), so the levels are scored again on "
        "less and may come out lower. To move a roster to another PC, ask a supervisor for the complete "
        "roster (export roster --complete)",
    )


def _is_level(header: str) -> bool:
    level = fields.field("level")
    return header_map.normalize_header(header) in {
        header_map.normalize_header(w) for w in (level.zh, level.en)
    }


def _name_the_contact(v: dict[str, Any], header: str) -> ImportWarning:
    """A contact's phone under 子女电话 / 监护人电话 with no name beside it: keep the number, under the
    word the header gives (子女, 监护人 ...) until staff add the name."""
    word = next((w for w in header_map.CONTACT_GROUPS if w in header_map.normalize_header(header)), "")
    v["contact_name"] = word or "紧急联系人"
    if word not in ("", "紧急联系人", "联系人"):
        v.setdefault("contact_relation", word)
    return _cell_warning(
        "contact_name",
        "",
        f"联系人电话没有对应的姓名，已记为“{v['contact_name']}”；请在人员页补上姓名",
        f"The contact phone has no name beside it; recorded under '{v['contact_name']}': add the name "
        "on the person's page",
    )


def _read_needs(s: Session, v: dict[str, Any]) -> list[ImportWarning]:
    """A 服务需求 cell as needs on the office's list; words not on it are left out with a warning."""
    names = s.info.get("service_kind_names")
    if names is None:
        names = s.info["service_kind_names"] = [k.name for k in service_catalog.kinds_in(s)]
    needs, unknown = read_needs(str(v["needs"]), names)
    v["needs"] = tuple(NeedInput(n.kind, n.frequency.value, n.notes) for n in needs)
    if not unknown:
        return []
    words = "、".join(unknown)
    kept = f"服务需求：{words}"
    v["notes"] = f"{v['notes']}\n{kept}" if v.get("notes") else kept
    return [
        _cell_warning(
            "needs",
            words,
            f"服务需求“{words}”不在服务类型清单中（{'、'.join(names)}），已记入备注；"
            "请在人员页选定服务类型，管理员也可在设置中增加",
            f"The needs '{words}' are not on the office's list of service kinds and went into the notes; "
            "choose the kinds on the person's page (an administrator can add kinds in Settings)",
        )
    ]


def _validate(v: dict[str, Any], today: date) -> tuple[ElderInput, Any, list[Problem]]:
    probe = ElderInput(
        name=v.get("name", "-"),
        id_number=v.get("id_number", ""),
        **{k: val for k, val in _stated_model(v).items() if k not in ("name", "id_number")},
        contacts=_contacts_from(v),
    )
    return clean_and_validate(probe, today)


def _cell_warning(key: str, value: Any, zh: str, en: str) -> ImportWarning:
    shown = "" if value is None else str(value)
    if key in fields.BY_KEY and fields.field(key).sensitive and shown:
        masked = fields.masked(key, shown)
        zh, en = zh.replace(shown, masked), en.replace(shown, masked)  # the message quotes the cell
        shown = masked
    return ImportWarning("", "", 0, "", key, shown, zh, en)


def _plan_row(
    s: Session,
    plan: ImportPlan,
    entries: dict[str, _Entry],
    existing: dict[str, tuple[int, int | None]],
    places: PlaceIndex,
    source: str,
    table: excel_read.SheetTable,
    mapping: dict[int, str],
    raw: excel_read.RawRow,
    today: date,
) -> None:
    parsed = parse_row(raw.values, mapping, table.headers)
    problems = list(parsed.problems)
    warnings = [_cell_warning(w.field, w.value, w.zh, w.en) for w in parsed.warnings]
    v = parsed.values
    if "needs" in v:
        warnings += _read_needs(s, v)
    upgraded = idcard.upgrade_15(v["id_number"]) if "id_number" in v else None
    if upgraded is not None and plan.upgrade_15_digit_ids:
        plan.upgraded_ids.append(
            (source, table.sheet, raw.row, idcard.mask(v["id_number"]), idcard.mask(upgraded))
        )
        v["id_number"] = upgraded
    if "name" not in v:
        problems.append(Problem("name", "姓名为空", "The name is empty"))
    if "id_number" not in v and not any(p.field == "id_number" for p in problems):
        problems.append(Problem("id_number", "身份证号码为空", "The ID number is empty"))
    # Check every stated value now, with the editor's rules. What the person cannot be stored
    # without (name, ID number) rejects the row; a phone or contact that fails the rules is left
    # out with a warning, and the rest of the person imports.
    if v.get("contact_phone") and not v.get("contact_name"):
        warnings.append(_name_the_contact(v, _sheet_column(table.headers, mapping, "contact_phone")))
    cleaned, info, more = _validate(v, today)
    doubtful = [p for p in more if _only_warns(p.field)]
    if doubtful:
        for p in doubtful:
            key = _PROBLEM_COLUMN.get(p.field, p.field)
            warnings.append(_cell_warning(key, v.get(key, ""), p.zh + "，此项未导入", p.en + "; left out"))
            _drop_doubtful(v, p.field)
        cleaned, info, more = _validate(v, today)
    problems.extend(
        p
        for p in more
        if not (p.field == "id_number" and "id_number" not in v)
        and not (p.field == "name" and "name" not in v)
    )
    # an overlong cell that no other rule refused yet (a bad phone number is said once, not twice)
    blamed = {p.field for p in problems}
    problems.extend(p for p in _too_long(v) if p.field not in blamed)
    if info is not None:
        if parsed.birth is not None and not parsed.birth.matches(info.birth_date):
            problems.append(
                Problem(
                    "birth_date",
                    f"出生日期{parsed.birth}与身份证号码中的{info.birth_date.isoformat()}不一致，请核对",
                    f"Date of birth {parsed.birth} differs from the ID number's "
                    f"{info.birth_date.isoformat()}",
                )
            )
        if "gender" in v and v["gender"] != info.gender.value:
            problems.append(
                Problem(
                    "gender",
                    f"性别“{Gender(v['gender']).zh}”与身份证号码（{info.gender.zh}）不一致",
                    f"Gender '{Gender(v['gender']).en}' differs from the ID number ({info.gender.en})",
                )
            )
    if "community" not in v:
        # One sheet per community is common: a sheet named like a community stands for the column
        # (in a new office, with --create-places, a sheet named like a community names a new one);
        # with no grid either, the person lands in that community's 待分配微网格.
        sheet_community = places.community_named(table.sheet)
        if sheet_community:
            v["community"] = sheet_community
        elif plan.create_places and looks_like_community(table.sheet):
            v["community"] = table.sheet
    place_names = tuple(v.get(k, "") for k in _PLACE_KEYS)
    places_stated = any(place_names)
    limited = scope.communities_of(s)
    where: int | None | Problem = None
    if places_stated:
        current = None
        prior_entry = entries.get(info.number) if info is not None else None
        if prior_entry is not None and prior_entry.stated.get("micro_grid_id") is not None:
            current = prior_entry.stated["micro_grid_id"]  # the same person's place from an earlier row
        elif info is not None and info.number in existing:
            current = existing[info.number][1]
        where = places.resolve(*place_names, current, create=plan.create_places)
        if isinstance(where, Problem):
            problems.append(where)
        elif limited is not None and places.community_of(where) not in limited:
            written = place_names[0] or places.names_of(where)[0]
            problems.append(_outside(s, "community", f"社区“{written}”不在您负责的社区中"))
        elif where is not None and where != current and places.is_catch_all(where):
            path = "/".join(places.names_of(where)[:2])
            warnings.append(
                ImportWarning(
                    "",
                    "",
                    0,
                    "",
                    "micro_grid",
                    "",
                    f"没有写微网格，已放入“{path}”的待分配微网格；请在花名册中勾选“只看待分配微网格”后分到微网格",
                    f"No micro-grid given: placed in {path}, awaiting a micro-grid; on the roster tick "
                    "'Awaiting a micro-grid only' and move them",
                )
            )
    if not places_stated and info is not None and info.number not in existing and limited is None:
        warnings.append(
            ImportWarning(
                "",
                "",
                0,
                "",
                "micro_grid",
                "",
                "没有写社区、网格或微网格：此人已导入，但不属于任何网格；请在花名册中勾选“只看待分配微网格”后分到微网格",
                "No community, grid or micro-grid given: imported without a place; on the roster tick "
                "'Awaiting a micro-grid only' and move them",
            )
        )
    if limited is not None and info is not None:
        on_roster = existing.get(info.number)
        if on_roster is not None and places.community_of(on_roster[1]) not in limited:
            problems.append(_outside(s, "id_number", "此人已登记在其他社区，不能由您导入或修改"))
        elif on_roster is None and not places_stated:
            problems.append(_outside(s, "community", "新增的人需要填写社区和网格"))
    override = import_extras.override_of(v)
    if isinstance(override, Problem):
        problems.append(override)
    if problems:
        _reject(plan, source, table, mapping, raw.row, raw.values, problems)
        return
    assert info is not None and not isinstance(override, Problem)
    for w in warnings:
        plan.warnings.append(
            replace(
                w,
                source=source,
                sheet=table.sheet,
                row=raw.row,
                column=_sheet_column(table.headers, mapping, w.field),
            )
        )
    stated = {k: getattr(cleaned, k) for k in _stated_model(v)}
    if any(k in v for k in _CONTACT_KEYS):
        stated["contact"] = cleaned.contacts[0] if cleaned.contacts else None
        if len(cleaned.contacts) > 1:
            stated["more_contacts"] = cleaned.contacts[1:]
    if override is not None:
        stated["override"] = override
    if "status" in v:
        stated["status"] = import_extras.status_of(v)
    if places_stated:
        stated["micro_grid_id"] = where
    here = f"{table.sheet} 第{raw.row}行"
    prior = entries.get(info.number)
    if prior is None:
        entries[info.number] = _Entry(
            source, table.sheet, raw.row, stated, place_names, places_stated, raw.values
        )
        return
    conflicts = [k for k in stated if k in prior.stated and _norm(prior.stated[k]) != _norm(stated[k])]
    if conflicts:
        keys = ["contacts" if k == "contact" else k for k in conflicts]
        labels, labels_en = (
            "、".join(fields.label(k) for k in keys),
            ", ".join(fields.label(k, "en") for k in keys),
        )
        _reject(
            plan,
            source,
            table,
            mapping,
            raw.row,
            raw.values,
            [
                Problem(
                    "id_number",
                    f"与{prior.sheet} 第{prior.row}行是同一人（身份证号码相同），但{labels}不同；"
                    "请核对后保留正确的一行",
                    f"Same person (same ID number) as {prior.sheet} row {prior.row}, but "
                    f"{labels_en} differ; check and keep the correct row",
                )
            ],
        )
        return
    for k, val in stated.items():
        prior.stated.setdefault(k, val)
    prior.merged_from.append(here if source == prior.source else f"{source} {here}")
    plan.merged_duplicates += 1


def _outside(s: Session, column: str, zh: str) -> Problem:
    """A row outside the signed-in worker's communities (which are named, so they can fix it)."""
    mine = scope.names(s)
    return Problem(
        column,
        f"{zh}（您负责：{mine}）；请交督导导入",
        f"This row is outside your communities ({mine}); ask a supervisor to import it",
    )


def _contacts_from(v: dict[str, Any]) -> tuple[ContactInput, ...]:
    return import_extras.contacts_of(v)


def _norm(value: Any) -> Any:
    if isinstance(value, ContactInput):
        return (value.name, value.relation, value.phone, value.phone2)
    if isinstance(value, tuple) and value and isinstance(value[0], ContactInput):
        return tuple(_norm(c) for c in value)
    return "" if value is None else value


def _existing_input(e: m.Elder) -> ElderInput:
    values = {k: getattr(e, k) for k in ElderInput.__dataclass_fields__ if k not in ("contacts", "needs")}
    contacts = tuple(ContactInput(c.name, c.relation, c.phone, c.phone2, c.id) for c in e.contacts)
    return ElderInput(**values, contacts=contacts, needs=service_catalog.needs_of(e))


def _merge_contact(
    current: tuple[ContactInput, ...], stated: ContactInput | None
) -> tuple[ContactInput, ...]:
    """The stated contact updates the contact of the same name, or goes first; others are kept."""
    if stated is None or not stated.name:
        return current
    for i, c in enumerate(current):
        if c.name == stated.name:
            new = replace(c, relation=stated.relation or c.relation, phone=stated.phone or c.phone)
            return current[:i] + (new,) + current[i + 1 :]
    return (replace(stated, id=None),) + current


def _show(field_name: str, value: Any, places: PlaceIndex) -> str:
    if field_name == "micro_grid_id":
        return "".join(places.names_of(value)[1:]) if value else ""
    if field_name == "contacts":
        return "；".join(
            f"{c.name}{'(' + c.relation + ')' if c.relation else ''} {phone_rules.mask(c.phone)}"
            for c in value
        )
    if field_name == "needs":
        return needs_text((n.kind, n.frequency, n.notes) for n in value or ())
    if field_name in fields.BY_KEY and fields.field(field_name).sensitive:
        return fields.masked(field_name, value)
    return "" if value is None else str(value)


def _status_not_changed(entry: _Entry, current: str, stated: tuple[str, Any, str] | None) -> ImportWarning:
    """An import never archives or restores someone already on the roster: the person editor does."""
    said = ElderStatus(stated[0] if stated else "active")
    now = ElderStatus(current)
    return ImportWarning(
        entry.source,
        entry.sheet,
        entry.row,
        fields.label("status"),
        "status",
        said.zh,
        f"状态“{said.zh}”与花名册（{now.zh}）不同，未改动：归档或恢复请在人员页中进行",
        f"Status '{said.en}' differs from the roster ({now.en}) and was not changed: archive or restore "
        "the person on their page",
    )


def _finish_entry(
    s: Session,
    plan: ImportPlan,
    places: PlaceIndex,
    existing: dict[str, tuple[int, int | None]],
    number: str,
    entry: _Entry,
    today: date,
) -> None:
    stated = dict(entry.stated)
    contact = stated.pop("contact", None)
    more = stated.pop("more_contacts", ())
    override = stated.pop("override", None)
    status = stated.pop("status", None)
    elder_id = existing[number][0] if number in existing else None
    if elder_id is None:
        base = ElderInput(name="", id_number=number, living=Living.OTHER.value)
        inp = replace(base, **stated, contacts=((contact,) if contact else ()) + tuple(more))
        plan.created.append(
            PlannedRow(
                "create",
                entry.source,
                entry.sheet,
                entry.row,
                inp.name,
                idcard.mask(number),
                inp,
                merged_from=tuple(entry.merged_from),
                override=override,
                status=status,
            )
        )
        return
    elder = s.get(m.Elder, elder_id)
    assert elder is not None
    if "status" in entry.stated and (status[0] if status else "active") != elder.status:
        plan.warnings.append(_status_not_changed(entry, elder.status, status))
    before = _existing_input(elder)
    contacts = import_extras.merge_more(_merge_contact(before.contacts, contact), more)
    inp = replace(before, **stated, contacts=contacts)
    cleaned, _, problems = clean_and_validate(inp, today)
    if problems:  # an old record the current rules dislike (e.g. a phone typed before validation existed)
        for p in problems:
            plan.rejected.append(
                Rejection(
                    entry.source,
                    entry.sheet,
                    entry.row,
                    "",
                    p.field,
                    "花名册中已有记录的" + p.zh,
                    "The roster's existing record: " + p.en,
                    entry.values,
                )
            )
        return
    diffs = []
    for k, new in cleaned.model_fields().items():
        old = getattr(before, k)
        if _norm(old) != _norm(new):
            diffs.append(Diff(k, _show(k, old, places), _show(k, new, places)))
    old_c = [(c.name, c.relation, c.phone, c.phone2) for c in before.contacts]
    new_c = [(c.name, c.relation, c.phone, c.phone2) for c in cleaned.contacts]
    if old_c != new_c:
        diffs.append(
            Diff(
                "contacts",
                _show("contacts", before.contacts, places),
                _show("contacts", cleaned.contacts, places),
            )
        )
    if override is not None:
        was = import_extras.current_override(s, elder.id)
        if was != override:
            show = {lv.value: lv.zh for lv in Level}
            old_text = f"{show[was[0]]}（{was[1]}）" if was else ""
            diffs.append(Diff("level_override", old_text, f"{show[override[0]]}（{override[1]}）"))
        else:
            override = None
    kind = "update" if diffs else "unchanged"
    row = PlannedRow(
        kind,
        entry.source,
        entry.sheet,
        entry.row,
        elder.name,
        idcard.mask(number),
        cleaned,
        elder.id,
        elder.version,
        tuple(diffs),
        tuple(entry.merged_from),
        override,
    )
    (plan.updated if diffs else plan.unchanged).append(row)


# ------------------------------------------------------------------ the import itself


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    rejected: int
    created_ids: tuple[int, ...]
    updated_ids: tuple[int, ...]
    places_created: tuple[str, ...] = ()

    @property
    def changes(self) -> Changes:
        return Changes.of(elders=self.created_ids + self.updated_ids, places=bool(self.places_created))


def apply_job(ctx: ServiceContext, plan: ImportPlan, today: date | None = None) -> Job[ImportResult]:
    """Write every accepted row of ``plan`` in ONE transaction (all or nothing); Cancel rolls back."""
    from silverage.services.roster import elders  # the roster write service (validation, duplicates, audit)
    from silverage.services.roster.places import create_pending

    ctx.require(Action.IMPORT)
    new_places = plan.places_created
    if plan.create_places and new_places:
        ctx.require(Action.EDIT_PLACES)
    today = today or ctx.clock.today()
    total = len(plan.created) + len(plan.updated)
    updated: list[int] = []
    yield Progress(0, total, "正在导入…")
    with ctx.transaction() as s:
        # The places first (same transaction): the rows' planned place ids become real ones.
        real = create_pending(s, ctx.actor, plan.places) if plan.places is not None and new_places else {}

        def placed(inp: ElderInput) -> ElderInput:
            mg = inp.micro_grid_id
            return replace(inp, micro_grid_id=real[mg]) if mg is not None and mg < 0 else inp

        # New people in bulk: the same rules, audit rows and assessment as one by one, in chunks.
        try:
            created = yield from _relabel(
                elders.create_many_in(s, ctx.actor, [placed(row.inp) for row in plan.created], today), total
            )
        except elders.RowInvalid as exc:
            row = plan.created[exc.index]
            raise UserError(
                f"{row.sheet} 第{row.row}行：{exc.zh}。导入已取消，没有任何改动",
                f"{row.sheet} row {row.row}: {exc.en}. The import was cancelled; nothing changed",
            ) from exc
        for i, row in enumerate(plan.updated, len(created) + 1):
            elder = s.get(m.Elder, row.elder_id)
            if elder is None or elder.version != row.version:
                raise ConflictError(
                    f"{row.name}（{row.sheet} 第{row.row}行）在预览后被他人修改或删除，导入已取消，"
                    "请重新预览后再导入",
                    f"{row.name} ({row.sheet} row {row.row}) was changed by someone else after the "
                    "preview; nothing was imported. Preview again, then import",
                )
            try:
                elders.update_in(s, ctx.actor, elder, placed(row.inp), today)
            except ValidationError as exc:
                raise UserError(
                    f"{row.sheet} 第{row.row}行：{exc.zh}。导入已取消，没有任何改动",
                    f"{row.sheet} row {row.row}: {exc.en}. The import was cancelled; nothing changed",
                ) from exc
            updated.append(elder.id)
            if i % 50 == 0 or i == total:
                yield Progress(i, total, f"正在导入 {i}/{total}")
        import_extras.apply_overrides_in(
            s,
            ctx.actor,
            [
                (eid, *row.override)
                for eid, row in zip((*created, *updated), (*plan.created, *plan.updated), strict=True)
                if row.override is not None
            ],
        )
        import_extras.apply_statuses_in(
            s,
            ctx.actor,
            [(eid, *row.status) for eid, row in zip(created, plan.created, strict=True) if row.status],
        )
        for info in plan.tables:
            _remember(s, ctx.actor.username, info.signature, info.headers, info.mapping)
        audit.record(
            s,
            ctx.actor,
            "import",
            "elder",
            None,
            detail=f"files={len(plan.files)} created={len(created)} updated={len(updated)} "
            f"unchanged={len(plan.unchanged)} rejected={plan.rejected_rows} places_created={len(new_places)}",
        )
    return ImportResult(
        len(created),
        len(updated),
        len(plan.unchanged),
        plan.rejected_rows,
        tuple(created),
        tuple(updated),
        tuple(new_places),
    )


def _relabel(job: Job[list[int]], total: int) -> Job[list[int]]:
    """Pass the bulk create's progress on, counted against the whole import; Cancel closes ``job``."""
    try:
        while True:
            try:
                p = next(job)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            yield Progress(p.done, total, f"正在导入 {p.done}/{total}")
    finally:
        job.close()


def plan_import(
    ctx: ServiceContext,
    paths: Sequence[Path | str],
    mappings: dict[str, dict[int, str]] | None = None,
    today: date | None = None,
    *,
    create_places: bool = False,
    upgrade_15_digit_ids: bool = False,
    password: str | None = None,
) -> ImportPlan:
    return run_to_end(
        plan_job(
            ctx,
            paths,
            mappings,
            today,
            create_places=create_places,
            upgrade_15_digit_ids=upgrade_15_digit_ids,
            password=password,
        )
    )


def apply_plan(ctx: ServiceContext, plan: ImportPlan, today: date | None = None) -> ImportResult:
    return run_to_end(apply_job(ctx, plan, today))
