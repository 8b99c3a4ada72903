"""The roster write service: create, update, archive and restore a person, with contacts.

Used by the GUI person editor (one call = one transaction) and by the Excel importer (the
session-level ``create_in`` / ``update_in`` / ``find_*`` functions, many rows in ONE transaction).
Every change is audited field by field; a stale ``expected_version`` is refused with a message that
names who saved last, and nothing is overwritten; a change to a field the care rules look at
re-scores the person at once and the level change comes back to the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from silverage.db import models as m
from silverage.db.base import utcnow
from silverage.domain import fields as person_fields
from silverage.domain import idcard
from silverage.domain.address import building_correction, building_too_long
from silverage.domain.care_rules import RELEVANT_FIELDS
from silverage.domain.changes import Changes
from silverage.domain.clock import SYSTEM_CLOCK
from silverage.domain.elder_input import ContactInput, ElderInput, clean_and_validate
from silverage.domain.enums import ElderStatus
from silverage.domain.level_display import level_display
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, UserError, ValidationError
from silverage.domain.progress import Job, Progress
from silverage.domain.service_kinds import Frequency, NeedInput, needs_text
from silverage.services import audit, column_lengths, scope, service_catalog
from silverage.services.care import assessment
from silverage.services.care.assessment import LevelChange
from silverage.services.conflicts import conflict_error
from silverage.services.context import Actor, ServiceContext

EDITABLE = tuple(f.name for f in fields(ElderInput) if f.name not in ("contacts", "needs"))
CONTACT_FIELDS = ("name", "relation", "phone", "phone2", "sort_order")


# ------------------------------------------------------------------ plain results


@dataclass(frozen=True)
class ContactDetail:
    id: int
    name: str
    relation: str
    phone: str
    phone2: str
    sort_order: int


@dataclass(frozen=True)
class ElderDetail:
    id: int
    name: str
    gender: str
    id_number: str
    birth_date: date
    age: int
    phone: str
    phone2: str
    micro_grid_id: int | None
    micro_grid: str
    grid_id: int | None
    grid: str
    community_id: int | None
    community: str
    address_building: str
    address_unit: str
    address_room: str
    address_detail: str
    living: str
    health_conditions: str
    serious_illness: bool
    disability: str
    cognitive_impairment: bool
    mobility: str
    economic: str
    children_nearby: bool
    fall_last_year: bool
    hospital_last_year: bool
    home_hazards: bool
    doorstep_notes: str
    notes: str
    status: str
    status_date: date | None
    status_reason: str
    level: str | None  # in force (override or computed)
    level_overridden: bool
    computed_level: str | None
    override_reason: str
    score: int | None
    reasons_zh: str
    reasons_en: str
    rule_version: int | None
    next_assessment: date | None
    last_contact: date | None
    contacts: tuple[ContactDetail, ...]
    version: int
    created_at: datetime | None
    updated_at: datetime | None
    birthday_calendar: str | None = None  # "solar", "lunar", None not recorded
    needs: tuple[NeedInput, ...] = ()  # service needs (kind, how often, note), in the kinds' order
    building_override: str = ""  # a worker's correction of the building on the point map ("" none)

    def to_input(self) -> ElderInput:
        """The editable fields, ready to change and hand back to ``update_elder``."""
        values = {name: getattr(self, name) for name in EDITABLE}
        contacts = tuple(ContactInput(c.name, c.relation, c.phone, c.phone2, c.id) for c in self.contacts)
        return ElderInput(**values, contacts=contacts, needs=self.needs)  # type: ignore[arg-type]

    def level_display(self, lang: str = "zh") -> str:
        """The level with an override shown as such: "红（人工调整，计算结果：黄）"."""
        return level_display(self.level, lang, self.computed_level if self.level_overridden else None)


@dataclass(frozen=True)
class SaveResult:
    id: int
    version: int
    warnings: list[Problem] = field(default_factory=list)
    level_change: tuple[str | None, str] | None = None  # (old, new) when the level in force changed
    changed: list[str] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        return Changes.of(elders=[self.id])


class SimilarExists(UserError):
    """Someone with the same name, birth date and address is already on the roster: ask, then retry."""

    def __init__(self, ids: list[int], zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.ids = ids


# ------------------------------------------------------------------ reading


def get_elder(ctx: ServiceContext, elder_id: int, today: date | None = None) -> ElderDetail:
    """The whole record with full ID number and phones, for the editor (not for a viewer)."""
    ctx.require(Action.VIEW_PERSON)
    with ctx.read() as s:
        return detail_in(s, _load(s, elder_id), today)


def _load(s: Session, elder_id: int) -> m.Elder:
    elder = s.get(m.Elder, elder_id)
    if elder is None:
        raise UserError(f"找不到编号为{elder_id}的老人", f"No elder with id {elder_id}")
    return elder


def detail_in(s: Session, e: m.Elder, today: date | None = None) -> ElderDetail:
    today = today or SYSTEM_CLOCK.today()
    mg = e.micro_grid
    grid = mg.grid if mg is not None else None
    comm = grid.community if grid is not None else None
    latest = s.scalar(
        select(m.Assessment).where(m.Assessment.elder_id == e.id).order_by(m.Assessment.id.desc()).limit(1)
    )
    return ElderDetail(
        id=e.id,
        name=e.name,
        gender=e.gender,
        id_number=e.id_number,
        birth_date=e.birth_date,
        age=idcard.age_on(e.birth_date, today),
        phone=e.phone,
        phone2=e.phone2,
        micro_grid_id=e.micro_grid_id,
        micro_grid=mg.name if mg else "",
        grid_id=grid.id if grid else None,
        grid=grid.name if grid else "",
        community_id=comm.id if comm else None,
        community=comm.name if comm else "",
        address_building=e.address_building,
        address_unit=e.address_unit,
        address_room=e.address_room,
        address_detail=e.address_detail,
        living=e.living,
        health_conditions=e.health_conditions,
        serious_illness=e.serious_illness,
        disability=e.disability,
        cognitive_impairment=e.cognitive_impairment,
        mobility=e.mobility,
        economic=e.economic,
        children_nearby=e.children_nearby,
        fall_last_year=e.fall_last_year,
        hospital_last_year=e.hospital_last_year,
        home_hazards=e.home_hazards,
        doorstep_notes=e.doorstep_notes,
        notes=e.notes,
        status=e.status,
        status_date=e.status_date,
        status_reason=e.status_reason,
        level=e.level,
        level_overridden=e.level_overridden,
        computed_level=latest.computed_level if latest else None,
        override_reason=(latest.override_reason or "") if latest and e.level_overridden else "",
        score=latest.score if latest else None,
        reasons_zh=latest.reasons_zh if latest else "",
        reasons_en=latest.reasons_en if latest else "",
        rule_version=latest.rule_version if latest else None,
        next_assessment=e.next_assessment,
        last_contact=e.last_contact,
        contacts=tuple(
            ContactDetail(c.id, c.name, c.relation, c.phone, c.phone2, c.sort_order) for c in e.contacts
        ),
        version=e.version,
        created_at=e.created_at,
        updated_at=e.updated_at,
        birthday_calendar=e.birthday_calendar,
        needs=service_catalog.needs_of(e),
        building_override=e.building_override,
    )


def find_by_id_number(s: Session, number: str) -> m.Elder | None:
    """Whoever has this ID number on the whole roster (also outside a worker's communities)."""
    return s.scalar(
        select(m.Elder)
        .where(m.Elder.id_number == idcard.normalize(number))
        .execution_options(**scope.UNSCOPED)
    )


def _visible(s: Session, elder_id: int) -> bool:
    """Whether the session's actor sees this person (always, unless limited to some communities)."""
    if scope.communities_of(s) is None:
        return True
    return s.scalar(select(m.Elder.id).where(m.Elder.id == elder_id)) is not None


def find_similar(s: Session, name: str, birth_date: date, address_detail: str) -> list[int]:
    """Ids of people with the same name, birth date and street address (a likely duplicate)."""
    from silverage.domain.text import clean_name, clean_text

    stmt = (
        select(m.Elder.id)
        .where(
            m.Elder.name == clean_name(name),
            m.Elder.birth_date == birth_date,
            m.Elder.address_detail == clean_text(address_detail),
        )
        .order_by(m.Elder.id)
    )
    return list(s.scalars(stmt))


# ------------------------------------------------------------------ session-level writes


def _duplicate_problem(number: str, other_name: str, other_id: int | None, hidden: bool = False) -> Problem:
    if hidden:  # someone in another community: a worker learns that, not who
        return Problem(
            "id_number",
            f"身份证号 {idcard.mask(number)} 已登记在其他社区，不能重复登记；"
            "如此人已搬到您的社区，请联系督导调整",
            f"ID number {idcard.mask(number)} is already on the roster in another community; if the person "
            "has moved to yours, ask a supervisor",
        )
    where = f"{other_name}（编号{other_id}）" if other_id is not None else other_name
    where_en = f"{other_name} (no. {other_id})" if other_id is not None else other_name
    return Problem(
        "id_number",
        f"身份证号 {idcard.mask(number)} 已登记在 {where} 名下，不能重复登记",
        f"ID number {idcard.mask(number)} is already on the roster as {where_en}",
    )


def _no_micro_grid(s: Session | None = None) -> Problem:
    if s is not None and scope.communities_of(s) is not None:
        mine = scope.names(s)
        return Problem(
            "micro_grid_id",
            f"请选择您负责的社区（{mine}）中的微网格",
            f"Choose a micro-grid in your communities ({mine})",
        )
    return Problem("micro_grid_id", "所选微网格不存在", "The chosen micro-grid does not exist")


def _validate(
    s: Session, inp: ElderInput, today: date, own_id: int | None
) -> tuple[ElderInput, idcard.IdInfo]:
    cleaned, info, problems = clean_and_validate(inp, today)
    problems += column_lengths.too_long(m.Elder, cleaned.model_fields())
    for contact in cleaned.contacts:
        problems += column_lengths.too_long(
            m.EmergencyContact,
            {k: getattr(contact, k) for k in ("name", "relation", "phone", "phone2")},
            table="emergency_contact",
            prefix="contacts.",
        )
    if info is not None:
        other = find_by_id_number(s, info.number)
        if other is not None and other.id != own_id:
            problems.append(_duplicate_problem(info.number, other.name, other.id, not _visible(s, other.id)))
    if not scope.micro_grid_visible(s, cleaned.micro_grid_id):
        problems.append(_no_micro_grid(s))
    if cleaned.needs is not None:
        problems += service_catalog.check_needs(s, cleaned.needs)
    if problems:
        raise ValidationError(problems)
    assert info is not None
    return cleaned, info


def _new_values(cleaned: ElderInput, info: idcard.IdInfo) -> dict[str, Any]:
    """The columns of a new person: the cleaned input, birth date and gender from the ID number."""
    return {
        **cleaned.model_fields(),
        "birth_date": info.birth_date,
        "gender": info.gender.value,
        "status": ElderStatus.ACTIVE.value,
    }


def _contact_values(ci: ContactInput, order: int) -> dict[str, Any]:
    return {
        "name": ci.name,
        "relation": ci.relation,
        "phone": ci.phone,
        "phone2": ci.phone2,
        "sort_order": order,
    }


def _snapshot(e: m.Elder) -> dict[str, Any]:
    return {name: getattr(e, name) for name in (*EDITABLE, "birth_date", "gender")}


def _contact_snapshot(c: m.EmergencyContact) -> dict[str, Any]:
    return {k: getattr(c, k) for k in CONTACT_FIELDS}


def _sync_contacts(
    s: Session, actor: Actor, elder: m.Elder, wanted: tuple[ContactInput, ...], action: str
) -> bool:
    """Create, update and delete contacts so they match ``wanted``; audited per contact and field."""
    existing = {c.id: c for c in elder.contacts}
    keep: set[int] = set()
    changed = False
    new_list: list[m.EmergencyContact] = []
    for order, ci in enumerate(wanted):
        values = _contact_values(ci, order)
        if ci.id is not None:
            c = existing.get(ci.id)
        else:  # an import row has no contact ids: the same name is the same contact
            c = next(
                (x for x in elder.contacts if x.name == ci.name and x.id not in keep and x.id is not None),
                None,
            )
        if c is None:
            c = m.EmergencyContact(**values)
            elder.contacts.append(c)
            s.flush()
            audit.record_changes(s, actor, "emergency_contact", c.id, {}, values, action="create")
            keep.add(c.id)
            changed = True
        else:
            keep.add(c.id)
            before = _contact_snapshot(c)
            for k, v in values.items():
                setattr(c, k, v)
            if audit.record_changes(s, actor, "emergency_contact", c.id, before, values):
                changed = True
        new_list.append(c)
    for cid in existing:
        if cid not in keep:
            audit.record(s, actor, "delete", "emergency_contact", cid, detail=f"elder {elder.id}")
            changed = True
    elder.contacts[:] = new_list
    return changed


def _create(s: Session, actor: Actor, inp: ElderInput, today: date) -> tuple[m.Elder, LevelChange | None]:
    cleaned, info = _validate(s, inp, today, None)
    elder = m.Elder(**_new_values(cleaned, info))
    s.add(elder)
    s.flush()
    audit.record_changes(s, actor, "elder", elder.id, {}, _snapshot(elder), action="create")
    _sync_contacts(s, actor, elder, cleaned.contacts, "create")
    if cleaned.needs:
        service_catalog.sync_needs_in(s, actor, elder, cleaned.needs)
    change = assessment.reassess_in(s, actor, elder, "create", today)
    s.flush()
    return elder, change


def _building(cleaned: ElderInput, building: str) -> str:
    """The building correction to store with these address parts (ValidationError if too long)."""
    stored = building_correction(
        building,
        cleaned.address_detail,
        cleaned.address_building,
        cleaned.address_unit,
        cleaned.address_room,
    )
    if (problem := building_too_long(stored)) is not None:
        raise ValidationError([problem])
    return stored


def _update(
    s: Session, actor: Actor, elder: m.Elder, inp: ElderInput, today: date, building: str | None = None
) -> tuple[list[str], LevelChange | None]:
    cleaned, info = _validate(s, inp, today, elder.id)
    before = _snapshot(elder)
    after = {**cleaned.model_fields(), "birth_date": info.birth_date, "gender": info.gender.value}
    if building is not None:  # the editor's 楼栋（点位图）: saved with the rest, in this transaction
        before["building_override"] = elder.building_override
        after["building_override"] = _building(cleaned, building)
    for k, v in after.items():
        setattr(elder, k, v)
    changed = audit.record_changes(s, actor, "elder", elder.id, before, after)
    if _sync_contacts(s, actor, elder, cleaned.contacts, "update"):
        changed.append("contacts")
    if cleaned.needs is not None and service_catalog.sync_needs_in(s, actor, elder, cleaned.needs):
        changed.append("needs")
        elder.updated_at = utcnow()  # a change of needs alone is a new version of the record too
    change = None
    if RELEVANT_FIELDS & set(changed):
        change = assessment.reassess_in(
            s, actor, elder, "edit:" + ",".join(sorted(RELEVANT_FIELDS & set(changed))), today
        )
    s.flush()
    return changed, change


def create_in(s: Session, actor: Actor, inp: ElderInput, today: date) -> m.Elder:
    """Validate and add one person inside the caller's transaction (bulk import); assessed at once."""
    return _create(s, actor, inp, today)[0]


class RowInvalid(ValidationError):
    """A bulk create refused one input; ``index`` says which (so an import can name sheet and row)."""

    def __init__(self, index: int, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.index = index


def create_many_in(
    s: Session, actor: Actor, inputs: Sequence[ElderInput], today: date, chunk: int = 50
) -> Job[list[int]]:
    """``create_in`` for many people inside the caller's transaction; yields Progress, returns the ids.

    Why: one-by-one creation costs ORM objects, a duplicate query and several flushes per person
    (~7 ms), so 100,000 new people took a quarter of an hour. This checks every input with the same
    rules as ``create_in`` (``clean_and_validate``, the duplicate and micro-grid checks, with one
    query per chunk instead of one per person), inserts people and contacts with executemany,
    writes the same audit rows, and scores the chunk through ``assessment.reassess_many_in``.
    The first input at fault raises ``RowInvalid`` (its index and every problem); the caller's
    transaction then rolls back, as it does when the generator is closed (Cancel).
    """
    elder_t, contact_t = m.Elder.__table__, m.EmergencyContact.__table__
    seen: dict[str, str] = {}  # ID numbers created by this call -> name
    places: set[int] = set()  # micro-grid ids known to exist
    ids: list[int] = []
    total = len(inputs)
    for start in range(0, total, chunk):
        part = inputs[start : start + chunk]
        checked = [clean_and_validate(inp, today) for inp in part]
        numbers = [info.number for _, info, _ in checked if info is not None]
        on_roster = {
            n: (name, eid)
            for n, name, eid in s.execute(
                select(m.Elder.id_number, m.Elder.name, m.Elder.id)
                .where(m.Elder.id_number.in_(numbers))
                .execution_options(**scope.UNSCOPED)
            )
        }
        wanted = {c.micro_grid_id for c, _, _ in checked if c.micro_grid_id is not None} - places
        if wanted:
            places |= set(s.scalars(select(m.MicroGrid.id).where(m.MicroGrid.id.in_(wanted))))
        rows: list[dict[str, Any]] = []
        for i, (cleaned, info, problems) in enumerate(checked):
            problems = list(problems)
            if info is not None:
                if info.number in on_roster:
                    name, eid = on_roster[info.number]
                    problems.append(_duplicate_problem(info.number, name, eid, not _visible(s, eid)))
                elif info.number in seen:
                    problems.append(_duplicate_problem(info.number, seen[info.number], None))
            if cleaned.micro_grid_id is not None and cleaned.micro_grid_id not in places:
                problems.append(_no_micro_grid(s))
            elif cleaned.micro_grid_id is None and scope.communities_of(s) is not None:
                problems.append(_no_micro_grid(s))
            if cleaned.needs:
                problems += service_catalog.check_needs(s, cleaned.needs)
            if problems:
                raise RowInvalid(start + i, problems)
            assert info is not None
            seen[info.number] = cleaned.name
            rows.append(_new_values(cleaned, info))
        new_ids = list(
            s.execute(insert(elder_t).returning(elder_t.c.id, sort_by_parameter_order=True), rows).scalars()
        )
        contacts = [
            (eid, _contact_values(ci, order))
            for eid, (cleaned, _, _) in zip(new_ids, checked, strict=True)
            for order, ci in enumerate(cleaned.contacts)
        ]
        contact_ids = (
            list(
                s.execute(
                    insert(contact_t).returning(contact_t.c.id, sort_by_parameter_order=True),
                    [{"elder_id": eid, **values} for eid, values in contacts],
                ).scalars()
            )
            if contacts
            else []
        )
        # The audit rows create_in writes, person by person: the fields, then the contacts.
        by_elder: dict[int, list[tuple[int, dict[str, Any]]]] = {}
        for cid, (eid, values) in zip(contact_ids, contacts, strict=True):
            by_elder.setdefault(eid, []).append((cid, values))
        entries: list[dict[str, Any]] = []
        for eid, row in zip(new_ids, rows, strict=True):
            snapshot = {k: row[k] for k in (*EDITABLE, "birth_date", "gender")}
            entries += audit.change_entries(actor, "elder", eid, {}, snapshot, action="create")
            for cid, values in by_elder.get(eid, ()):
                entries += audit.change_entries(actor, "emergency_contact", cid, {}, values, action="create")
        audit.record_many(s, entries)
        _insert_needs(s, actor, new_ids, [c for c, _, _ in checked])
        assessment.reassess_many_in(s, actor, new_ids, "create", today)
        ids += new_ids
        yield Progress(len(ids), total, f"已新增 {len(ids)}/{total}")
    return ids


def _insert_needs(s: Session, actor: Actor, ids: Sequence[int], cleaned: Sequence[ElderInput]) -> None:
    """The needs of people a bulk create added, with the one audit row each that ``sync_needs_in`` writes."""
    with_needs = [(eid, c.needs) for eid, c in zip(ids, cleaned, strict=True) if c.needs]
    if not with_needs:
        return
    kind_ids = service_catalog.kind_ids_in(s)
    rows = [
        {
            "elder_id": eid,
            "kind_id": kind_ids[n.kind],
            "frequency": Frequency.from_label(n.frequency).value,
            "notes": n.notes,
        }  # type: ignore[union-attr]
        for eid, needs in with_needs
        for n in needs
    ]
    s.execute(insert(m.ElderNeed.__table__), rows)
    audit.record_many(
        s,
        [
            audit.entry(
                actor,
                "update",
                "elder",
                eid,
                field="needs",
                old="",
                new=needs_text((n.kind, Frequency.from_label(n.frequency).value, n.notes) for n in needs),
            )  # type: ignore[union-attr]
            for eid, needs in with_needs
        ],
    )


def update_in(s: Session, actor: Actor, elder: m.Elder, inp: ElderInput, today: date) -> list[str]:
    """Apply ``inp`` to ``elder`` inside the caller's transaction; returns the changed field names."""
    return _update(s, actor, elder, inp, today)[0]


# ------------------------------------------------------------------ one action, one transaction


def _check_version(s: Session, elder: m.Elder, expected_version: int) -> None:
    if elder.version != expected_version:
        raise conflict_error(s, elder.id)


def _level_pair(change: LevelChange | None) -> tuple[str | None, str] | None:
    return (change.old, change.new) if change is not None else None


def create_elder(
    ctx: ServiceContext,
    inp: ElderInput,
    *,
    confirm_similar: bool = False,
    today: date | None = None,
    building: str = "",
) -> SaveResult:
    """Add one person; ``building`` is the editor's building correction for the map ("" none)."""
    ctx.require(Action.EDIT_ROSTER)
    today = today or ctx.clock.today()
    with ctx.transaction() as s:
        cleaned, info = _validate(s, inp, today, None)
        similar = find_similar(s, cleaned.name, info.birth_date, cleaned.address_detail)
        warnings = []
        if similar:
            zh = (
                f"花名册里已有同名、同出生日期、同地址的老人（编号{'、'.join(map(str, similar))}），"
                "请确认不是同一个人"
            )
            en = (
                f"The roster already has someone with the same name, birth date and address "
                f"(no. {', '.join(map(str, similar))}); make sure this is not the same person"
            )
            if not confirm_similar:
                raise SimilarExists(similar, zh, en)
            warnings.append(Problem("name", zh, en))
        stored = _building(cleaned, building)
        elder, change = _create(s, ctx.actor, cleaned, today)
        if stored:
            audit.record_changes(
                s, ctx.actor, "elder", elder.id, {"building_override": ""}, {"building_override": stored}
            )
            elder.building_override = stored
            s.flush()
        return SaveResult(elder.id, elder.version, warnings, _level_pair(change))


def update_elder(
    ctx: ServiceContext,
    elder_id: int,
    inp: ElderInput,
    expected_version: int,
    today: date | None = None,
    building: str | None = None,
) -> SaveResult:
    """Save the editor's form; ``building`` (when given) is its 楼栋（点位图）, "" = read from the address."""
    ctx.require(Action.EDIT_ROSTER)
    today = today or ctx.clock.today()
    try:
        with ctx.transaction() as s:
            elder = _load(s, elder_id)
            _check_version(s, elder, expected_version)
            changed, change = _update(s, ctx.actor, elder, inp, today, building)
            return SaveResult(elder.id, elder.version, [], _level_pair(change), changed)
    except StaleDataError:
        with ctx.read() as s:
            raise conflict_error(s, elder_id) from None


def archive_elder(
    ctx: ServiceContext,
    elder_id: int,
    status: ElderStatus | str,
    on: date,
    reason: str,
    expected_version: int,
    today: date | None = None,
) -> SaveResult:
    """Take someone off the active roster (moved, care home, deceased) with the date and reason."""
    ctx.require(Action.EDIT_ROSTER)
    today = today or ctx.clock.today()
    status = ElderStatus(status)
    problems = []
    if status is ElderStatus.ACTIVE:
        problems.append(
            Problem(
                "status",
                "归档时请选择迁出、入住养老机构或已故",
                "Choose moved away, care home or deceased to archive",
            )
        )
    if not (reason or "").strip():
        problems.append(Problem("status_reason", "归档必须填写原因", "A reason is required to archive"))
    if on > today:
        problems.append(
            Problem("status_date", "归档日期不能晚于今天", "The archive date cannot be in the future")
        )
    if problems:
        raise ValidationError(problems)
    return _set_status(ctx, elder_id, status.value, on, reason.strip(), expected_version, "archive", today)


def restore_elder(
    ctx: ServiceContext, elder_id: int, expected_version: int, today: date | None = None
) -> SaveResult:
    """Put an archived person back on the active roster (re-assessed at once)."""
    ctx.require(Action.EDIT_ROSTER)
    return _set_status(
        ctx,
        elder_id,
        ElderStatus.ACTIVE.value,
        None,
        "",
        expected_version,
        "restore",
        today or ctx.clock.today(),
    )


def _set_status(
    ctx: ServiceContext,
    elder_id: int,
    status: str,
    on: date | None,
    reason: str,
    expected_version: int,
    action: str,
    today: date,
) -> SaveResult:
    with ctx.transaction() as s:
        elder = _load(s, elder_id)
        _check_version(s, elder, expected_version)
        if action == "restore" and elder.status == ElderStatus.ACTIVE.value:
            raise UserError(f"{elder.name} 已在册，无需恢复", f"{elder.name} is already on the active roster")
        if action == "archive" and elder.status != ElderStatus.ACTIVE.value:
            raise UserError(f"{elder.name} 已归档", f"{elder.name} is already archived")
        before = {
            "status": elder.status,
            "status_date": elder.status_date,
            "status_reason": elder.status_reason,
        }
        after = {"status": status, "status_date": on, "status_reason": reason}
        elder.status, elder.status_date, elder.status_reason = status, on, reason
        audit.record_changes(s, ctx.actor, "elder", elder.id, before, after, action=action)
        change = (
            assessment.reassess_in(s, ctx.actor, elder, "restore", today) if action == "restore" else None
        )
        s.flush()
        return SaveResult(elder.id, elder.version, [], _level_pair(change), list(after))


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    user: str
    action: str
    table: str
    record_id: int | None
    field: str
    old: str | None
    new: str | None
    detail: str

    def field_label(self, lang: str = "zh") -> str:
        """The changed field as staff read it: the same word as the editor, the import and the export."""
        return person_fields.label(self.field, lang, self.table) if self.field else ""


def audit_trail(ctx: ServiceContext, elder_id: int) -> list[AuditRow]:
    """Everything that happened to a person's record (oldest first): fields, archive, overrides, contacts."""
    ctx.require(Action.VIEW_PERSON)
    with ctx.read() as s:
        if not _visible(s, elder_id):
            raise UserError(f"找不到编号为{elder_id}的老人", f"No elder with id {elder_id}")
        contact_ids = {
            r[0]
            for r in s.execute(
                select(m.AuditEntry.record_id).where(
                    m.AuditEntry.table_name == "emergency_contact", m.AuditEntry.detail == f"elder {elder_id}"
                )
            )
        }
        contact_ids |= set(
            s.scalars(select(m.EmergencyContact.id).where(m.EmergencyContact.elder_id == elder_id))
        )
        stmt = (
            select(m.AuditEntry)
            .where(
                ((m.AuditEntry.table_name == "elder") & (m.AuditEntry.record_id == elder_id))
                | (
                    (m.AuditEntry.table_name == "emergency_contact")
                    & (m.AuditEntry.record_id.in_(contact_ids))
                )
            )
            .order_by(m.AuditEntry.id)
        )
        return [
            AuditRow(
                a.at, a.user, a.action, a.table_name, a.record_id, a.field, a.old_value, a.new_value, a.detail
            )
            for a in s.scalars(stmt)
        ]
