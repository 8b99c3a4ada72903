"""What the printouts are made from: plain frozen data, filled by ``services.printing``.

Everything here is already masked as the printout requires: the renderers print what they are given
and never see a database row, so what lands on paper is decided (and audited) in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class DocMeta:
    """Facts every page shows: whose office, who printed it, and whether the people are fictional."""

    subdistrict: str
    printed_by: str
    printed_at: datetime
    synthetic: bool = False


@dataclass(frozen=True)
class ContactLine:
    name: str
    relation: str
    phone: str


@dataclass(frozen=True)
class SheetVisit:
    """One block on a visit sheet: one person, one planned visit (``code`` None for an unplanned one)."""

    code: str | None
    day: date | None
    half_day: int | None  # 0 morning, 1 afternoon, None unknown
    kind: str  # enums.VisitKind value
    name: str
    gender: str  # enums.Gender value
    age: int | None
    level: str | None  # enums.Level value, None until assessed
    id_masked: str
    address: str
    phones: tuple[str, ...]
    contacts: tuple[ContactLine, ...]
    notes: tuple[str, ...]  # the doorstep notes, at most three
    volunteer: str = ""  # shown when a section is not one volunteer's (micro-grid or selection)
    services: tuple[str, ...] = ()  # the service kinds the person needs: tick boxes on the sheet
    planned: tuple[str, ...] = ()  # those the plan put on this trip (printed first, marked ★)


@dataclass(frozen=True)
class SheetSection:
    """The pages one volunteer (or one micro-grid) carries; page numbers restart for each section."""

    title: str  # e.g. "志愿者：王晓红" or "微网格：月河1网格2号微网格"
    phone: str  # the volunteer's own phone, "" for a micro-grid section
    community: str
    visits: tuple[SheetVisit, ...]
    availability: int | None = None  # the volunteer's free half-days (bit weekday * 2 + half), if one


@dataclass(frozen=True)
class SheetDocument:
    meta: DocMeta
    period: tuple[date, date] | None
    sections: tuple[SheetSection, ...]
    days_off: frozenset[date] = frozenset()  # days in the period the office does not work

    @property
    def visit_count(self) -> int:
        return sum(len(s.visits) for s in self.sections)


@dataclass(frozen=True)
class RosterLine:
    name: str
    gender: str
    age: int
    level: str | None
    id_number: str  # masked unless a supervisor asked otherwise
    phone: str  # masked unless a supervisor asked otherwise
    address: str
    micro_grid: str
    last_contact: date | None


@dataclass(frozen=True)
class RosterGroup:
    community: str
    lines: tuple[RosterLine, ...]


@dataclass(frozen=True)
class RosterDocument:
    meta: DocMeta
    groups: tuple[RosterGroup, ...]
    unmasked: bool = False


@dataclass(frozen=True)
class CallLine:
    name: str
    level: str | None
    phones: tuple[str, ...]
    contacts: tuple[ContactLine, ...]
    address: str
    code: str | None = None


@dataclass(frozen=True)
class CallListDocument:
    meta: DocMeta
    campaign: str
    period: tuple[date, date]
    groups: tuple[tuple[str, tuple[CallLine, ...]], ...] = field(default_factory=tuple)  # by community


@dataclass(frozen=True)
class RenderStats:
    """What was printed: the audit trail and the GUI both report it."""

    pages: int
    people: int
    entries: int
