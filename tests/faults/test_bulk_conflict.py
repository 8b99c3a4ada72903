"""A bulk micro-grid move that meets a version changed by someone else names the people saved
meanwhile, with nobody moved. (A racing save held back by the move's row locks is not tested
here: on SQLite the lock is taken at the first write, and the thread-race test was flaky on SQLite
and hung on PostgreSQL.)"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.services.context import ServiceContext
from silverage.services.roster import bulk, elders
from tests.conftest import TODAY
from tests.services.elder_helpers import person

pytestmark = pytest.mark.db


@pytest.fixture
def four(supervisor_ctx: ServiceContext) -> list[int]:
    names = ["张桂英", "王秀兰", "李淑珍", "赵玉梅"]
    return [
        elders.create_elder(supervisor_ctx, person(name=n, seq=20 + i), today=TODAY).id
        for i, n in enumerate(names)
    ]


def _grids(ctx: ServiceContext, ids: list[int]) -> list[int | None]:
    with ctx.read() as s:
        return list(s.scalars(select(m.Elder.micro_grid_id).where(m.Elder.id.in_(ids)).order_by(m.Elder.id)))


def test_a_changed_version_names_the_people_saved_by_someone_else(
    supervisor_ctx: ServiceContext, four: list[int]
) -> None:
    ctx = supervisor_ctx
    with ctx.read() as s:
        seen = dict(s.execute(select(m.Elder.id, m.Elder.version).where(m.Elder.id.in_(four))).all())
    d = elders.get_elder(ctx, four[1], today=TODAY)
    elders.update_elder(
        ctx, four[1], person(name="王秀兰", seq=21, phone="13911112222"), d.version, today=TODAY
    )
    err = bulk.saved_by_others(ctx, seen)
    assert "王秀兰" in err.zh and "张桂英" not in err.zh and "没有任何人被改动" in err.zh
    assert "王秀兰" in err.en and "nobody was changed" in err.en


def _micro_grid(ctx: ServiceContext) -> int:
    with ctx.transaction() as s:
        c = m.Community(code="T01", name="南湖社区")
        s.add(c)
        s.flush()
        g = m.Grid(code="T0101", name="一网格", community_id=c.id)
        s.add(g)
        s.flush()
        mg = m.MicroGrid(code="T010101", name="一微网格", grid_id=g.id)
        s.add(mg)
        s.flush()
        return mg.id
