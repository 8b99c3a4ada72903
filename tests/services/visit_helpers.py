"""Hand-made visits with a chosen window, for the tests of recording outcomes (services and GUI)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from silverage.db import models as m
from silverage.services.context import ServiceContext


def one_visit(ctx: ServiceContext, planned: date, start: date, end: date, code: str = "K7M2QZ") -> str:
    """One person with one planned home visit in the window [start, end]; returns its code."""
    with ctx.transaction() as s:
        c = m.Community(code="C1", name="月河社区")
        g = m.Grid(code="G1", name="月河3网格", community=c)
        mg = m.MicroGrid(code="M1", name="1号微网格", grid=g)
        e = m.Elder(
            name="王阿婆",
            gender="F",
            id_number="330402194001010016",
            birth_date=date(1940, 1, 1),
            living="alone",
            level="yellow",
            micro_grid=mg,
        )
        s.add_all([c, g, mg, e])
        s.flush()
        s.add(
            m.Visit(
                code=code,
                elder_id=e.id,
                kind="home",
                planned_date=planned,
                window_start=start,
                window_end=end,
                status="planned",
                findings={},
                notes="",
            )
        )
    return code


def second_visit(ctx: ServiceContext) -> str:
    """A second visit of the same person, window 11-23..11-27."""
    with ctx.transaction() as s:
        eid = s.scalar(select(m.Elder.id))
        s.add(
            m.Visit(
                code="P3R8TV",
                elder_id=eid,
                kind="home",
                planned_date=date(2026, 11, 25),
                window_start=date(2026, 11, 23),
                window_end=date(2026, 11, 27),
                status="planned",
                findings={},
                notes="",
            )
        )
    return "P3R8TV"
