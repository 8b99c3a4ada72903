"""Read-only views of the roster as plain rows (no ORM objects leave this module)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from math import inf
from typing import Any, NamedTuple

from sqlalchemy import Select, String, func, select, type_coerce
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import idcard
from silverage.domain import phone as phone_rules
from silverage.domain.clock import SYSTEM_CLOCK
from silverage.domain.enums import ElderStatus, Level
from silverage.domain.idcard import age_on
from silverage.domain.permissions import Action
from silverage.services import audit, scope
from silverage.services.context import ServiceContext


class ElderRow(NamedTuple):
    """One person as the roster lists them: immutable, and the values that repeat (place names,
    codes, dates) shared between rows, for 100,000 of these are held all day. A named tuple, not
    a frozen dataclass: it is built in one step from the values read, where a frozen dataclass's
    ``__init__`` sets its 23 fields one by one through ``object.__setattr__`` (0.6 s at 100,000)."""

    id: int
    name: str
    gender: str
    id_number: str
    birth_date: date
    age: int
    phone: str
    address: str
    community: str
    grid: str
    micro_grid: str
    community_id: int | None
    grid_id: int | None
    micro_grid_id: int | None
    living: str
    level: str | None
    level_overridden: bool
    status: str
    last_contact: date | None
    next_assessment: date | None
    version: int
    birthday_calendar: str | None = None  # "solar", "lunar", None = not recorded
    needs: tuple[str, ...] = ()  # the service kinds they need (names)

    def as_json(self) -> dict[str, object]:
        data = self._asdict()
        data["needs"] = list(self.needs)
        for key in ("birth_date", "last_contact", "next_assessment"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        return data


@dataclass(frozen=True)
class ElderFilter:
    level: Level | None = None
    status: str | None = ElderStatus.ACTIVE.value  # None = everyone, "archived" = all but active
    community_id: int | None = None
    grid_id: int | None = None
    micro_grid_id: int | None = None
    living: str | None = None
    ids: tuple[int, ...] | None = None
    need_kind_id: int | None = None  # 需求：助浴 — people who need this service kind


# The columns of ElderRow, in the order ``query_elders`` reads them.
ROW_COLUMNS = (
    m.Elder.id,
    m.Elder.name,
    m.Elder.gender,
    m.Elder.id_number,
    m.Elder.birth_date,
    m.Elder.phone,
    m.Elder.address_detail,
    m.Elder.address_building,
    m.Elder.address_unit,
    m.Elder.address_room,
    m.Community.name,
    m.Grid.name,
    m.MicroGrid.name,
    m.Community.id,
    m.Grid.id,
    m.MicroGrid.id,
    m.Elder.living,
    m.Elder.level,
    m.Elder.level_overridden,
    m.Elder.status,
    m.Elder.last_contact,
    m.Elder.next_assessment,
    m.Elder.version,
    m.Elder.birthday_calendar,
)
# The order of the roster list and of exports: by community, grid, micro-grid, then as entered.
ROSTER_ORDER = (m.Community.sort_order, m.Grid.sort_order, m.MicroGrid.sort_order, m.Elder.id)


def elder_select(f: ElderFilter | None = None, columns: tuple[Any, ...] = ROW_COLUMNS) -> Select:
    """The people ``f`` picks, with their places joined, as ``columns`` (default: ElderRow's columns).

    For other services that read the roster their own way (the Excel export) with the same filter
    the roster list uses; add ``.order_by(*ROSTER_ORDER)`` for the list's order.
    """
    return _apply(join_places(select(*columns)), f or ElderFilter())


def _elder_select() -> Select:
    return join_places(select(*ROW_COLUMNS))


def join_places(stmt: Select) -> Select:
    """``stmt`` (which selects from or joins ``Elder``) with the person's micro-grid, grid and
    community outer-joined, so people without a place still come back (their place columns None)."""
    return (
        stmt.outerjoin(m.MicroGrid, m.Elder.micro_grid_id == m.MicroGrid.id)
        .outerjoin(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
        .outerjoin(m.Community, m.Grid.community_id == m.Community.id)
    )


def _apply(stmt: Select, f: ElderFilter) -> Select:
    if f.level is not None:
        stmt = stmt.where(m.Elder.level == f.level.value)
    if f.status == "archived":
        stmt = stmt.where(m.Elder.status != ElderStatus.ACTIVE.value)
    elif f.status is not None:
        stmt = stmt.where(m.Elder.status == f.status)
    # The places by the person's micro-grid alone, so the roster's own read needs no join.
    if f.community_id is not None:
        in_community = select(m.MicroGrid.id).join(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
        stmt = stmt.where(
            m.Elder.micro_grid_id.in_(in_community.where(m.Grid.community_id == f.community_id))
        )
    if f.grid_id is not None:
        stmt = stmt.where(
            m.Elder.micro_grid_id.in_(select(m.MicroGrid.id).where(m.MicroGrid.grid_id == f.grid_id))
        )
    if f.micro_grid_id is not None:
        stmt = stmt.where(m.Elder.micro_grid_id == f.micro_grid_id)
    if f.living is not None:
        stmt = stmt.where(m.Elder.living == f.living)
    if f.ids is not None:
        stmt = stmt.where(m.Elder.id.in_(f.ids))
    if f.need_kind_id is not None:
        stmt = stmt.where(
            m.Elder.id.in_(select(m.ElderNeed.elder_id).where(m.ElderNeed.kind_id == f.need_kind_id))
        )
    return stmt


def mask_id(number: str) -> str:
    """``idcard.mask`` for a stored (already normalised) number, without normalising it again:
    a list of 100,000 people masks 100,000 numbers."""
    return number[:4] + "*" * (len(number) - 8) + number[-4:] if len(number) > 8 else "*" * len(number)


def mask_phone(number: str) -> str:
    return phone_rules.mask(number) if number else ""


def list_elders(
    ctx: ServiceContext,
    f: ElderFilter | None = None,
    today: date | None = None,
    *,
    unmasked: bool = False,
    limit: int | None = None,
) -> list[ElderRow]:
    """The roster list (only the first ``limit`` people entered, when given). ID numbers and
    phones are masked unless a supervisor asks for them in full (``unmasked``), which is audited
    like an unmasked export."""
    ctx.require(Action.LIST)
    if unmasked:
        ctx.require(Action.UNMASKED)
    with ctx.read() as s:
        rows = query_elders(s, f or ElderFilter(), today, masked=not unmasked, limit=limit)
    if unmasked:
        audit.record_unmasked(ctx, "elder list", "elder", len(rows), ("id_number", "phone"))
    return rows


def find_by_id_number(ctx: ServiceContext, number: str) -> int | None:
    """The person with this full ID number, if the actor sees them: lists show numbers masked, so
    a search box that was given a whole number asks here (nothing is shown that was not typed)."""
    ctx.require(Action.LIST)
    clean = idcard.normalize(number)
    if len(clean) != 18:
        return None
    with ctx.read() as s:
        return s.scalar(select(m.Elder.id).where(m.Elder.id_number == clean))


def query_elders(
    s: Session, f: ElderFilter, today: date | None = None, *, masked: bool = False, limit: int | None = None
) -> list[ElderRow]:
    """The people ``f`` picks as ElderRows, in the roster's order (``ROSTER_ORDER``); with
    ``limit``, only the first people entered (a first screenful, found by the key).

    One lean read of the person's own columns (the address joined in SQL) and one of the places:
    each row's place is looked up by its micro-grid and the order by place is a sort here. At
    100,000 people that is a third of reading the rows with the places joined and sorted in SQL.
    """
    today = today or SYSTEM_CLOCK.today()
    stmt = _apply(select(*_LEAN_COLUMNS), f).order_by(m.Elder.id).limit(limit)
    days: dict[Any, date | None] = {None: None}
    ages: dict[date, int] = {}

    def day(raw: Any) -> date | None:  # a stored day, parsed once per distinct value
        found = days.get(raw, days)
        if found is days:
            found = days[raw] = raw if isinstance(raw, date) else date.fromisoformat(raw)
        return found  # type: ignore[return-value]

    # Through the scope, never a bare connection: it adds the actor's community limit.
    people: Iterable[Any]
    if limit is not None or f.ids is not None or _one_place(f):  # a few: only their places
        people = scope.plain_rows(s, stmt).all()
        places = _places(s, {r[7] for r in people})
        needs = need_names_by_elder(s, [r[0] for r in people])
    else:  # the roster: read in chunks, never the driver's rows and ours all at once
        places, needs = _places(s), need_names_by_elder(s)
        people = scope.plain_rows(s, stmt.execution_options(yield_per=QUERY_CHUNK))
    pool: dict[Any, Any] = {}  # one object per distinct code, shared by rows
    one = pool.setdefault
    nowhere = _NOWHERE
    new = tuple.__new__
    rows = []
    ranks = []  # each row's place in the roster's order
    known = days.get
    for r in people:
        birth = known(r[4]) or day(r[4])
        age = ages.get(birth)  # type: ignore[arg-type]
        if age is None:
            age = ages[birth] = age_on(birth, today)  # type: ignore[arg-type, index]
        place = places.get(r[7], nowhere)
        ranks.append(place[0])
        values = (
            r[0],
            r[1],
            one(r[2], r[2]),
            mask_id(r[3]) if masked else r[3],
            birth,
            age,
            mask_phone(r[5]) if masked else r[5],
            r[6],
            place[1],
            place[2],
            place[3],
            place[4],
            place[5],
            place[6],
            one(r[8], r[8]),
            one(r[9], r[9]),
            bool(r[10]),
            one(r[11], r[11]),
            known(r[12]) or day(r[12]),
            known(r[13]) or day(r[13]),
            r[14],
            one(r[15], r[15]),
            needs.get(r[0], ()),
        )
        rows.append(new(ElderRow, values))
    order = sorted(range(len(rows)), key=ranks.__getitem__)  # stable: by id within a place
    return [rows[i] for i in order]


QUERY_CHUNK = 5000  # rows fetched from the driver at a time


def _one_place(f: ElderFilter) -> bool:
    return f.community_id is not None or f.grid_id is not None or f.micro_grid_id is not None


def _as_stored(col: Any) -> Any:
    """A date column read as the driver gives it (SQLite: the ISO text), parsed by ``query_elders``
    once per distinct day instead of once per row and column."""
    return type_coerce(col, String)


# What ``query_elders`` reads of the person: their own columns, the address already joined (its
# parts are never NULL, so this is ``format_address`` of them), the micro-grid for the place.
_LEAN_COLUMNS = (
    m.Elder.id,
    m.Elder.name,
    m.Elder.gender,
    m.Elder.id_number,
    _as_stored(m.Elder.birth_date),
    m.Elder.phone,
    m.Elder.address_detail + m.Elder.address_building + m.Elder.address_unit + m.Elder.address_room,
    m.Elder.micro_grid_id,
    m.Elder.living,
    m.Elder.level,
    m.Elder.level_overridden,
    m.Elder.status,
    _as_stored(m.Elder.last_contact),
    _as_stored(m.Elder.next_assessment),
    m.Elder.version,
    m.Elder.birthday_calendar,
)

# A place: its rank in the roster's order (equal for equal sort values), then community, grid and
# micro-grid, and their ids. No place ranks first, as SQLite orders a missing sort value.
_Place = tuple[int, str, str, str, int | None, int | None, int | None]
_NOWHERE: _Place = (-1, "", "", "", None, None, None)


def _places(s: Session, ids: set[int | None] | None = None) -> dict[int | None, _Place]:
    """Every micro-grid (``ids``: only these) with its grid and community, archived ones too (a
    person may still be listed in one), by id, each with its key in ``ROSTER_ORDER``."""
    stmt = (
        select(
            m.MicroGrid.id,
            m.MicroGrid.name,
            m.MicroGrid.sort_order,
            m.Grid.id,
            m.Grid.name,
            m.Grid.sort_order,
            m.Community.id,
            m.Community.name,
            m.Community.sort_order,
        )
        .outerjoin(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
        .outerjoin(m.Community, m.Grid.community_id == m.Community.id)
    )
    if ids is not None:
        stmt = stmt.where(m.MicroGrid.id.in_([i for i in ids if i is not None]))
    names: dict[str, str] = {}  # one object per distinct name, shared by the places and so the rows
    one = names.setdefault
    found = []
    for mg_id, mg, mg_order, g_id, g, g_order, c_id, c, c_order in scope.plain_rows(s, stmt):
        key = tuple(-inf if v is None else v for v in (c_order, g_order, mg_order))
        found.append((key, one(c or "", c or ""), one(g or "", g or ""), one(mg, mg), c_id, g_id, mg_id))
    ranks = {key: n for n, key in enumerate(sorted({p[0] for p in found}))}
    return {p[6]: (ranks[p[0]], *p[1:]) for p in found}


def need_names_by_elder(s: Session, ids: list[int] | None = None) -> dict[int, tuple[str, ...]]:
    """Elder id -> the names of the kinds they need, in the list's order (one query for the roster;
    ``ids``: only these people)."""
    by: dict[int, list[str]] = {}
    stmt = (
        select(m.ElderNeed.elder_id, m.ServiceKind.name)
        .join(m.ServiceKind, m.ServiceKind.id == m.ElderNeed.kind_id)
        .order_by(m.ElderNeed.elder_id, m.ServiceKind.sort_order)
    )
    if ids is not None:
        stmt = stmt.where(m.ElderNeed.elder_id.in_(ids))
    for eid, name in s.execute(stmt):
        by.setdefault(eid, []).append(name)
    return {eid: tuple(names) for eid, names in by.items()}


@dataclass(frozen=True)
class PlaceCounts:
    communities: int
    grids: int
    micro_grids: int
    elders_active: int
    elders_total: int
    volunteers_active: int


def counts(ctx: ServiceContext) -> PlaceCounts:
    ctx.require(Action.VIEW_DASHBOARD)
    with ctx.read() as s:

        def n(stmt: Select) -> int:
            return int(s.scalar(stmt) or 0)

        return PlaceCounts(
            n(select(func.count()).select_from(m.Community)),
            n(select(func.count()).select_from(m.Grid)),
            n(select(func.count()).select_from(m.MicroGrid)),
            n(select(func.count()).select_from(m.Elder).where(m.Elder.status == "active")),
            n(select(func.count()).select_from(m.Elder)),
            n(select(func.count()).select_from(m.Volunteer).where(m.Volunteer.active.is_(True))),
        )


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    name: str
    phone: str
    kind: str
    community: str
    grid: str
    micro_grid: str
    micro_grid_id: int | None
    availability: int
    max_visits_per_week: int
    skills: str  # 助浴×3、理发×2: service kinds and services a week
    active: bool
    version: int
    service_provider: bool = False
    skill_list: tuple[tuple[str, int], ...] = ()  # (kind name, services a week), in the list's order

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def list_volunteers(
    ctx: ServiceContext, include_inactive: bool = True, *, unmasked: bool = False
) -> list[VolunteerRow]:
    """Volunteers with their places; phones masked unless a supervisor asks (audited)."""
    ctx.require(Action.LIST)
    if unmasked:
        ctx.require(Action.UNMASKED)
    stmt = (
        select(m.Volunteer, m.MicroGrid.name, m.Grid.name, m.Community.name)
        .outerjoin(m.MicroGrid, m.Volunteer.micro_grid_id == m.MicroGrid.id)
        .outerjoin(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
        .outerjoin(m.Community, m.Grid.community_id == m.Community.id)
        .order_by(m.Volunteer.id)
    )
    if not include_inactive:
        stmt = stmt.where(m.Volunteer.active.is_(True))
    with ctx.read() as s:
        skills, lists = _skills_by_volunteer(s)
        rows = [
            VolunteerRow(
                v.id,
                v.name,
                v.phone if unmasked else mask_phone(v.phone),
                v.kind,
                c or "",
                g or "",
                mg or "",
                v.micro_grid_id,
                v.availability,
                v.max_visits_per_week,
                skills.get(v.id, ""),
                v.active,
                v.version,
                v.service_provider,
                lists.get(v.id, ()),
            )
            for v, mg, g, c in s.execute(stmt)
        ]
    if unmasked:
        audit.record_unmasked(ctx, "volunteer list", "volunteer", len(rows), ("phone",))
    return rows


def _skills_by_volunteer(s: Session) -> tuple[dict[int, str], dict[int, tuple[tuple[str, int], ...]]]:
    """Volunteer id -> their skills as text and as (kind, services a week), in one query."""
    by: dict[int, list[str]] = {}
    lists: dict[int, list[tuple[str, int]]] = {}
    stmt = (
        select(m.VolunteerSkill.volunteer_id, m.ServiceKind.name, m.VolunteerSkill.weekly_capacity)
        .join(m.ServiceKind, m.ServiceKind.id == m.VolunteerSkill.kind_id)
        .order_by(m.VolunteerSkill.volunteer_id, m.ServiceKind.sort_order)
    )
    for vid, name, cap in s.execute(stmt):
        by.setdefault(vid, []).append(f"{name}×{cap}")
        lists.setdefault(vid, []).append((name, cap))
    return {vid: "、".join(names) for vid, names in by.items()}, {k: tuple(v) for k, v in lists.items()}


def is_synthetic(ctx: ServiceContext) -> bool:
    with ctx.read() as s:
        meta = s.get(m.AppMeta, "synthetic")
        return meta is not None and meta.value == "1"
