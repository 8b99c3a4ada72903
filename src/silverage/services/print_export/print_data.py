"""Reading what the printouts need from the database, in a few set-based queries, into report data.

Masking happens here (ID numbers always, phones on the roster unless a supervisor asked), so the
renderers never hold more than what is printed. Health details other than the doorstep notes are
never read at all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import idcard, phone
from silverage.domain.address import format_address
from silverage.domain.calendar_cn import WorkCalendar, days
from silverage.domain.clock import SYSTEM_CLOCK
from silverage.domain.enums import ElderStatus, Level, VisitStatus
from silverage.domain.problems import UserError
from silverage.reports.data import (
    CallLine,
    CallListDocument,
    ContactLine,
    DocMeta,
    RosterDocument,
    RosterGroup,
    RosterLine,
    SheetDocument,
    SheetSection,
    SheetVisit,
)
from silverage.services.context import Actor
from silverage.services.roster import roster_query

OPEN_STATUSES = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)
MAX_NOTES = 3
_NOTE_SPLIT = re.compile(r"[；;\n]+")
UNASSIGNED = "（未分配志愿者）"


def doc_meta(s: Session, actor: Actor, now: datetime | None = None) -> DocMeta:
    synthetic = s.get(m.AppMeta, "synthetic")
    sub = s.get(m.AppMeta, "subdistrict")
    return DocMeta(
        subdistrict=sub.value if sub is not None and sub.value else "",
        printed_by=actor.display_name or actor.username,
        printed_at=now or SYSTEM_CLOCK.now(),
        synthetic=synthetic is not None and synthetic.value == "1",
    )


def doorstep_notes(text: str) -> tuple[str, ...]:
    """The first three notes: what matters at the door, not the person's file."""
    parts = [p.strip() for p in _NOTE_SPLIT.split(text or "")]
    return tuple(p for p in parts if p)[:MAX_NOTES]


def _contacts(s: Session, elder_ids: Select | Iterable[int], limit: int = 2) -> dict[int, list[ContactLine]]:
    """The first ``limit`` emergency contacts of each person, in the order the office entered them."""
    stmt = (
        select(
            m.EmergencyContact.elder_id,
            m.EmergencyContact.name,
            m.EmergencyContact.relation,
            m.EmergencyContact.phone,
        )
        .where(m.EmergencyContact.elder_id.in_(elder_ids))
        .order_by(m.EmergencyContact.elder_id, m.EmergencyContact.sort_order, m.EmergencyContact.id)
    )
    out: dict[int, list[ContactLine]] = defaultdict(list)
    for eid, name, relation, ph in s.execute(stmt):
        if len(out[eid]) < limit:
            out[eid].append(ContactLine(name, relation or "", ph or ""))
    return out


def _needs(s: Session, elder_ids: Select | Iterable[int]) -> dict[int, tuple[str, ...]]:
    """The service kinds each person needs (the sheet's tick boxes), in the office list's order."""
    stmt = (
        select(m.ElderNeed.elder_id, m.ServiceKind.name)
        .join(m.ServiceKind, m.ServiceKind.id == m.ElderNeed.kind_id)
        .where(m.ElderNeed.elder_id.in_(elder_ids))
        .order_by(m.ElderNeed.elder_id, m.ServiceKind.sort_order)
    )
    out: dict[int, list[str]] = defaultdict(list)
    for eid, name in s.execute(stmt):
        out[eid].append(name)
    return {eid: tuple(names) for eid, names in out.items()}


def _planned_services(s: Session, visit_ids: Select) -> dict[int, tuple[str, ...]]:
    """The services the plan put on each visit, keyed by minus the visit id (beside ``_needs``'s
    elder ids in one mapping: a visit's block looks up both)."""
    stmt = (
        select(m.VisitService.visit_id, m.ServiceKind.name)
        .join(m.ServiceKind, m.ServiceKind.id == m.VisitService.kind_id)
        .where(m.VisitService.visit_id.in_(visit_ids), m.VisitService.planned.is_(True))
        .order_by(m.VisitService.visit_id, m.ServiceKind.sort_order)
    )
    out: dict[int, list[str]] = defaultdict(list)
    for vid, name in s.execute(stmt):
        out[-vid].append(name)
    return {k: tuple(v) for k, v in out.items()}


def _person_columns() -> tuple[Any, ...]:
    """What a sheet block or a roster line shows of a person (after their id), with the places."""
    return (
        m.Elder.name,
        m.Elder.gender,
        m.Elder.id_number,
        m.Elder.birth_date,
        m.Elder.level,
        m.Elder.phone,
        m.Elder.phone2,
        m.Elder.address_detail,
        m.Elder.address_building,
        m.Elder.address_unit,
        m.Elder.address_room,
        m.Elder.doorstep_notes,
        *_place_columns(),
    )


def _place_columns() -> tuple[Any, ...]:
    return (
        m.Community.name.label("community"),
        m.Community.sort_order.label("c_order"),
        m.Grid.sort_order.label("g_order"),
        m.MicroGrid.sort_order.label("mg_order"),
        m.MicroGrid.name.label("micro_grid"),
        m.MicroGrid.id.label("mg_id"),
    )


def _with_places(stmt: Select) -> Select:
    return (
        stmt.outerjoin(m.MicroGrid, m.Elder.micro_grid_id == m.MicroGrid.id)
        .outerjoin(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
        .outerjoin(m.Community, m.Grid.community_id == m.Community.id)
    )


def _visit_select() -> Select:
    return _with_places(
        select(
            m.Visit.id.label("visit_id"),
            m.Visit.code,
            m.Visit.planned_date,
            m.Visit.half_day,
            m.Visit.kind,
            m.Visit.volunteer_id,
            m.Volunteer.name.label("vol_name"),
            m.Volunteer.phone.label("vol_phone"),
            m.Volunteer.availability.label("vol_avail"),
            m.Elder.id.label("elder_id"),
            *_person_columns(),
        )
        .join(m.Elder, m.Visit.elder_id == m.Elder.id)
        .outerjoin(m.Volunteer, m.Visit.volunteer_id == m.Volunteer.id)
    )


def _person_block(
    r: Any,
    elder_id: int,
    visit: Any,
    contacts: dict[int, list[ContactLine]],
    on: date,
    volunteer: str,
    needs: dict[int, tuple[str, ...]],
    shared: dict[Any, Any] | None = None,
) -> SheetVisit:
    """One sheet block: the person's columns from ``r``, the visit's from ``visit`` (None: no code).
    With ``shared``, words many blocks repeat (kinds, levels, notes, volunteers) are kept once."""
    one = (lambda x: x) if shared is None else (lambda x: shared.setdefault(x, x))
    return SheetVisit(
        code=visit.code if visit else None,
        day=one(visit.planned_date) if visit else None,
        half_day=visit.half_day if visit else None,
        kind=one(visit.kind) if visit else "home",
        name=r.name,
        gender=one(r.gender),
        age=idcard.age_on(r.birth_date, on),
        level=one(r.level),
        id_masked=idcard.mask(r.id_number),
        address=format_address(r.address_detail, r.address_building, r.address_unit, r.address_room),
        phones=tuple(p for p in (r.phone, r.phone2) if p),
        contacts=tuple(contacts.get(elder_id, ())),
        notes=one(doorstep_notes(r.doorstep_notes)),
        volunteer=one(volunteer),
        services=needs.get(elder_id, ()),
        planned=needs.get(-visit.visit_id, ()) if visit is not None else (),
    )


def _sheet_visit(
    r: Any,
    contacts: dict[int, list[ContactLine]],
    on: date,
    show_volunteer: bool,
    needs: dict[int, tuple[str, ...]],
    shared: dict[Any, Any] | None = None,
) -> SheetVisit:
    volunteer = (r.vol_name or "未分配") if show_volunteer else ""
    return _person_block(r, r.elder_id, r, contacts, on, volunteer, needs, shared)


class _Group:
    """One section's blocks as rows arrive: the first row (title, phone, places), the communities
    in order of appearance, the smallest community sort order."""

    def __init__(self, first: Any) -> None:
        self.first = first
        self.visits: list[SheetVisit] = []
        self.communities: dict[str, None] = {}
        self.min_order = _big(first.c_order)

    def add(self, r: Any, visit: SheetVisit) -> None:
        self.visits.append(visit)
        if r.community:
            self.communities.setdefault(r.community)
        self.min_order = min(self.min_order, _big(r.c_order))


def _big(order: int | None) -> int:
    """Sort key for a place's sort order: people without a place go last."""
    return order if order is not None else 1 << 30


def _order(stmt: Select) -> Select:
    return stmt.order_by(
        m.Visit.planned_date,
        m.Visit.half_day,
        m.Community.sort_order,
        m.Grid.sort_order,
        m.MicroGrid.sort_order,
        m.Elder.address_detail,
        m.Elder.address_building,
        m.Elder.address_unit,
        m.Elder.address_room,
        m.Visit.id,
    )


def sheet_document(
    s: Session,
    meta: DocMeta,
    start: date,
    end: date,
    *,
    volunteer_id: int | None = None,
    micro_grid_id: int | None = None,
    group_by: str = "volunteer",
) -> SheetDocument:
    """Open visits planned in [start, end], one section per volunteer (or per micro-grid)."""
    stmt = _visit_select().where(
        m.Visit.planned_date >= start, m.Visit.planned_date <= end, m.Visit.status.in_(OPEN_STATUSES)
    )
    if volunteer_id is not None:
        stmt = stmt.where(m.Visit.volunteer_id == volunteer_id)
    if micro_grid_id is not None:
        stmt = stmt.where(m.Elder.micro_grid_id == micro_grid_id)
    contacts = _contacts(s, stmt.with_only_columns(m.Visit.elder_id).order_by(None))
    needs = _needs(s, stmt.with_only_columns(m.Visit.elder_id).order_by(None))
    needs.update(_planned_services(s, stmt.with_only_columns(m.Visit.id).order_by(None)))
    by_mg = group_by == "micro_grid"
    # Each row becomes its sheet block as it is read, in batches (100,000 visits' rows held beside
    # their blocks cost as much again); a section keeps its first row for its title and places.
    groups: dict[Any, _Group] = {}
    shared: dict[Any, Any] = {}  # one copy of the words many blocks repeat
    for r in s.execute(_order(stmt).execution_options(yield_per=2000)):
        key = r.mg_id if by_mg else r.volunteer_id
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(r)
        group.add(r, _sheet_visit(r, contacts, start, by_mg, needs, shared))
    sections = []
    for key, group in groups.items():
        first = group.first
        if by_mg:
            title = f"微网格：{first.micro_grid or '（未分网格）'}"
            ph, community = "", first.community or ""
        else:
            title = f"志愿者：{first.vol_name}" if key is not None else f"志愿者：{UNASSIGNED}"
            ph = first.vol_phone or ""
            community = "、".join(group.communities)
        sort_key: tuple[Any, ...] = (
            (_big(first.c_order), first.g_order or 0, first.mg_order or 0, title)
            if by_mg
            else (key is None, group.min_order, title)
        )
        sections.append(
            (
                sort_key,
                SheetSection(
                    title,
                    ph,
                    community,
                    tuple(group.visits),
                    None if by_mg or key is None else first.vol_avail,
                ),
            )
        )
    sections.sort(key=lambda t: t[0])
    calendar = WorkCalendar({h.day: h.kind for h in s.scalars(select(m.Holiday))})
    off = frozenset(d for d in days(start, end) if not calendar.is_working_day(d))
    return SheetDocument(meta, (start, end), tuple(sec for _, sec in sections), off)


def selection_document(s: Session, meta: DocMeta, elder_ids: Iterable[int], today: date) -> SheetDocument:
    """Sheets for people picked on the roster: their next open visit, or a block without a code."""
    ids = sorted(set(elder_ids))
    next_visit: dict[int, Any] = {}
    people = []
    contacts: dict[int, list[ContactLine]] = {}
    needs: dict[int, tuple[str, ...]] = {}
    for chunk in range(0, len(ids), 900):  # keep each IN (...) under SQLite's parameter limit
        part = ids[chunk : chunk + 900]
        stmt = _order(
            _visit_select().where(
                m.Visit.elder_id.in_(part), m.Visit.planned_date >= today, m.Visit.status.in_(OPEN_STATUSES)
            )
        )
        for r in s.execute(stmt):
            next_visit.setdefault(r.elder_id, r)
        stmt = _with_places(
            select(
                m.Elder.id,
                *_person_columns(),
            ).where(m.Elder.id.in_(part))
        )
        people.extend(s.execute(stmt))
        contacts.update(_contacts(s, part))
        needs.update(_needs(s, part))
    people.sort(key=lambda r: (_big(r.c_order), r.g_order or 0, r.mg_order or 0, r.id))
    blocks = []
    for r in people:
        v = next_visit.get(r.id)
        volunteer = (v.vol_name or "未分配") if v else ""
        blocks.append(_person_block(r, r.id, v, contacts, today, volunteer, needs))
    communities = "、".join(dict.fromkeys(r.community for r in people if r.community))
    section = SheetSection(f"选定人员（{len(blocks)} 人）", "", communities, tuple(blocks))
    return SheetDocument(meta, None, (section,) if blocks else ())


def roster_document(
    s: Session, meta: DocMeta, today: date, unmasked: bool, community_id: int | None = None
) -> RosterDocument:
    """The active roster (one community's, if given) in the roster list's order."""
    columns = (
        m.Elder.name,
        m.Elder.gender,
        m.Elder.birth_date,
        m.Elder.level,
        m.Elder.id_number,
        m.Elder.phone,
        m.Elder.address_detail,
        m.Elder.address_building,
        m.Elder.address_unit,
        m.Elder.address_room,
        m.Elder.last_contact,
        *_place_columns(),
    )
    stmt = roster_query.elder_select(roster_query.ElderFilter(community_id=community_id), columns)
    stmt = stmt.order_by(*roster_query.ROSTER_ORDER)
    groups: dict[str, list[RosterLine]] = defaultdict(list)
    for r in s.execute(stmt):
        groups[r.community or "（未分社区）"].append(
            RosterLine(
                name=r.name,
                gender=r.gender,
                age=idcard.age_on(r.birth_date, today),
                level=r.level,
                id_number=r.id_number if unmasked else idcard.mask(r.id_number),
                phone=r.phone if unmasked else phone.mask(r.phone),
                address=format_address(r.address_detail, r.address_building, r.address_unit, r.address_room),
                micro_grid=r.micro_grid or "",
                last_contact=r.last_contact,
            )
        )
    return RosterDocument(meta, tuple(RosterGroup(c, tuple(lines)) for c, lines in groups.items()), unmasked)


def find_campaign(s: Session, name: str) -> m.Campaign:
    campaign = s.scalar(select(m.Campaign).where(m.Campaign.name == name.strip()))
    if campaign is None:
        known = list(s.scalars(select(m.Campaign.name).order_by(m.Campaign.start_date.desc()).limit(5)))
        hint_zh = f"现有：{'、'.join(known)}" if known else "还没有建立任何专项行动"
        hint_en = f"known: {', '.join(known)}" if known else "no campaign has been created yet"
        raise UserError(f"没有名为“{name}”的专项行动（{hint_zh}）", f"No campaign named '{name}' ({hint_en})")
    return campaign


def call_list_document(s: Session, meta: DocMeta, campaign: m.Campaign) -> CallListDocument:
    """Everyone active at the campaign's levels, plus everyone not yet assessed (unknown risk is called)."""
    from datetime import timedelta

    levels = [lv.strip() for lv in campaign.levels.split(",") if lv.strip() in {x.value for x in Level}]
    stmt = _with_places(
        select(
            m.Elder.id,
            m.Elder.name,
            m.Elder.level,
            m.Elder.phone,
            m.Elder.phone2,
            m.Elder.address_detail,
            m.Elder.address_building,
            m.Elder.address_unit,
            m.Elder.address_room,
            *_place_columns(),
        )
    ).where(m.Elder.status == ElderStatus.ACTIVE.value, m.Elder.level.in_(levels) | m.Elder.level.is_(None))
    rank = {"red": 0, "yellow": 1, "green": 2}
    rows = sorted(
        s.execute(stmt),
        key=lambda r: (_big(r.c_order), rank.get(r.level, 3), r.g_order or 0, r.mg_order or 0, r.id),
    )
    codes = {
        r[0]: r[1]
        for r in s.execute(select(m.Visit.elder_id, m.Visit.code).where(m.Visit.campaign_id == campaign.id))
    }
    contacts = _contacts(s, stmt.with_only_columns(m.Elder.id).order_by(None))
    groups: dict[str, list[CallLine]] = defaultdict(list)
    for r in rows:
        groups[r.community or "（未分社区）"].append(
            CallLine(
                name=r.name,
                level=r.level,
                phones=tuple(p for p in (r.phone, r.phone2) if p),
                contacts=tuple(contacts.get(r.id, ())),
                address=format_address(r.address_detail, r.address_building, r.address_unit, r.address_room),
                code=codes.get(r.id),
            )
        )
    end = campaign.start_date + timedelta(days=max(1, campaign.days) - 1)
    return CallListDocument(
        meta,
        campaign.name,
        (campaign.start_date, end),
        tuple((c, tuple(lines)) for c, lines in groups.items()),
    )
