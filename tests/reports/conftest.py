"""Planned visits for "next week": the demo roster only has visits in the past."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import insert, select

from silverage.db import models as m
from silverage.domain import visit_code
from silverage.services.context import ServiceContext
from tests.conftest import TODAY

NEXT_MONDAY = TODAY + timedelta(days=7 - TODAY.weekday())
NEXT_SUNDAY = NEXT_MONDAY + timedelta(days=6)


@dataclass(frozen=True)
class Planned:
    code: str
    visit_id: int
    elder_id: int
    elder_name: str
    id_number: str
    volunteer_id: int
    volunteer_name: str
    kind: str = "home"


def plan_week(
    ctx: ServiceContext,
    volunteers: int = 3,
    per_volunteer: int = 5,
    start: date = NEXT_MONDAY,
    seed: int = 6,
    phone_every: int = 0,
) -> list[Planned]:
    """Give the first ``volunteers`` active volunteers ``per_volunteer`` planned visits each, Mon-Fri;
    with ``phone_every`` n, every n-th visit is a phone check-in instead of a home visit."""
    rng = random.Random(seed)
    with ctx.transaction() as s:
        used = set(s.scalars(select(m.Visit.code)))
        vols = list(
            s.execute(
                select(m.Volunteer.id, m.Volunteer.name, m.Volunteer.micro_grid_id)
                .where(m.Volunteer.active.is_(True))
                .order_by(m.Volunteer.id)
                .limit(volunteers)
            )
        )
        elders = list(
            s.execute(
                select(m.Elder.id, m.Elder.name, m.Elder.id_number)
                .where(m.Elder.status == "active")
                .order_by(m.Elder.id)
                .limit(volunteers * per_volunteer)
            )
        )
        rows, out = [], []
        for i, (eid, ename, idn) in enumerate(elders):
            vid, vname, _ = vols[i // per_volunteer]
            code = visit_code.new_code(rng)
            while code in used:
                code = visit_code.new_code(rng)
            used.add(code)
            day = start + timedelta(days=i % 5)
            rows.append(
                {
                    "code": code,
                    "elder_id": eid,
                    "volunteer_id": vid,
                    "kind": "phone" if phone_every and i % phone_every == phone_every - 1 else "home",
                    "planned_date": day,
                    "half_day": i % 2,
                    "status": "planned",
                    "findings": {},
                    "notes": "",
                    "version": 1,
                }
            )
            out.append((code, eid, ename, idn, vid, vname, rows[-1]["kind"]))
        s.execute(insert(m.Visit), rows)
        codes = [o[0] for o in out]
        ids = {r[0]: r[1] for r in s.execute(select(m.Visit.code, m.Visit.id).where(m.Visit.code.in_(codes)))}
    return [Planned(c, ids[c], e, n, idn, v, vn, k) for c, e, n, idn, v, vn, k in out]


@pytest.fixture
def planned(demo_ctx: ServiceContext) -> list[Planned]:
    return plan_week(demo_ctx)
