"""Hand-built rosters for the dashboard figures: people per community and level, done home visits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import insert

from silverage.db import models as m
from silverage.services.context import ServiceContext


def roster(ctx: ServiceContext, people: dict[str, list[str | None]]) -> dict[str, list[int]]:
    """``{"月河社区": ["red", "green", None]}`` -> the new people's ids per community, in order."""
    ids: dict[str, list[int]] = {}
    seq = 0
    with ctx.transaction() as s:
        for c_no, (community, levels) in enumerate(people.items()):
            c = m.Community(code=f"C{c_no}", name=community)
            g = m.Grid(code=f"G{c_no}", name=f"{community[:2]}1网格", community=c)
            mg = m.MicroGrid(code=f"M{c_no}", name="1号微网格", grid=g)
            s.add_all([c, g, mg])
            s.flush()
            ids[community] = []
            for lv in levels:
                seq += 1
                e = m.Elder(
                    name=f"老人{seq}",
                    gender="F",
                    id_number=f"33040219400101{seq:03d}X",
                    birth_date=date(1940, 1, 1),
                    living="alone",
                    level=lv,
                    phone="13812345678",
                    micro_grid_id=mg.id,
                )
                s.add(e)
                s.flush()
                ids[community].append(e.id)
    return ids


def visited(ctx: ServiceContext, elder_id: int, *days: date, outcome: str = "well") -> None:
    """Done home visits on ``days`` (as the record form stores them: the visit date)."""
    with ctx.transaction() as s:
        s.execute(
            insert(m.Visit),
            [
                {
                    "code": f"T{elder_id:03d}{i}{d:%m%d}"[:12],
                    "elder_id": elder_id,
                    "kind": "home",
                    "planned_date": d,
                    "status": "done",
                    "outcome": outcome,
                    "visited_at": datetime.combine(d, datetime.min.time()),
                    "findings": {},
                }
                for i, d in enumerate(days)
            ],
        )
        if outcome != "not_home":
            last = max(days)
            s.query(m.Elder).filter(m.Elder.id == elder_id).update({"last_contact": last})
