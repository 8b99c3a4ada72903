"""A save racing a bulk micro-grid move: the move never fails halfway (it holds the people it
moves), the racing save is told someone saved meanwhile, and a bulk action that does meet a
changed version names the people saved by someone else, with nobody moved."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.problems import ConflictError
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


def test_a_save_racing_the_move_meets_it_and_the_move_is_whole(
    supervisor_ctx: ServiceContext, four: list[int], monkeypatch
) -> None:  # noqa: ANN001
    ctx = supervisor_ctx
    target = _micro_grid(ctx)
    monkeypatch.setattr(bulk, "CHUNK", 2)
    opened = elders.get_elder(ctx, four[3], today=TODAY)  # someone has the fourth person open
    job = bulk.reassign_micro_grid_job(ctx, four, target)
    next(job)  # the first two moved, the move's transaction still open
    outcome: list[BaseException | None] = []

    def save() -> None:
        try:
            elders.update_elder(
                ctx, four[3], person(name="赵玉梅", seq=23, phone="13911112222"), opened.version, today=TODAY
            )
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    racer = threading.Thread(target=save)
    racer.start()
    racer.join(0.5)  # it waits for the move's lock
    assert racer.is_alive()
    result = None
    try:
        while True:
            next(job)
    except StopIteration as stop:
        result = stop.value
    racer.join(15)
    assert result is not None and result.moved == 4
    assert _grids(ctx, four) == [target] * 4
    assert isinstance(outcome[0], ConflictError)  # told, not an internal error, and nothing lost
    assert elders.get_elder(ctx, four[3], today=TODAY).phone == "13812345678"


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
