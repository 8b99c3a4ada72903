"""Another process holds the SQLite write lock (a plan, an import, another PC on the same share):
a save waits and goes through once it is free, or gives up saying who writes, with nothing written.

The second process is real (``lock_holder.py``): a bare ``BEGIN IMMEDIATE`` or a silverage
transaction, which leaves the note naming its user and command.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from silverage.db.engine import short_lock_waits
from silverage.services import faults, writer_note
from silverage.services.context import ServiceContext
from silverage.services.lock_wait import LockWait
from silverage.services.roster import elders, roster_query
from silverage.services.writer_note import Holder
from tests.conftest import PG_URL, TODAY
from tests.faults.lock_holder import lock_held

sqlite_only = pytest.mark.skipif(PG_URL is not None, reason="SQLite's file lock")


def _db_path(ctx: ServiceContext) -> Path:
    assert ctx.db.path is not None
    return ctx.db.path


def _save_room(ctx: ServiceContext, elder_id: int, room: str) -> None:
    d = elders.get_elder(ctx, elder_id, today=TODAY)
    elders.update_elder(ctx, elder_id, replace(d.to_input(), address_room=room), d.version, today=TODAY)


@sqlite_only
def test_a_save_waits_for_the_other_writer_and_then_goes_through(demo_ctx: ServiceContext) -> None:
    ctx = demo_ctx
    someone = next(r for r in roster_query.list_elders(ctx) if r.status == "active")
    seen: list[Holder | None] = []
    with lock_held(_db_path(ctx), "app", 1.5):
        LockWait(ctx.db, patience_s=30).run(
            lambda: _save_room(ctx, someone.id, "808室"), threading.Event(), seen.append
        )
    assert elders.get_elder(ctx, someone.id, today=TODAY).address_room == "808室"
    assert seen and seen[0] is not None  # it waited, and knew for whom
    assert (seen[0].user, seen[0].program) == ("王督导", "silverage plan")


@sqlite_only
def test_a_writer_that_stays_names_itself_and_nothing_is_written(demo_ctx: ServiceContext) -> None:
    ctx = demo_ctx
    someone = next(r for r in roster_query.list_elders(ctx) if r.status == "active")
    before = elders.get_elder(ctx, someone.id, today=TODAY).address_room
    with lock_held(_db_path(ctx), "app", 30), pytest.raises(faults.DatabaseLocked) as refused:
        LockWait(ctx.db, patience_s=1.0).run(
            lambda: _save_room(ctx, someone.id, "808室"), threading.Event(), lambda _h: None
        )
    assert (
        "王督导" in refused.value.zh and "silverage plan" in refused.value.zh and "本机" in refused.value.zh
    )
    assert "仍保留在窗口中" in refused.value.zh and "still in the window" in refused.value.en
    assert elders.get_elder(ctx, someone.id, today=TODAY).address_room == before
    # The writer was killed (SIGKILL: its note is still on disk), so nobody is named any more.
    assert writer_note.note_path(_db_path(ctx)).exists() and writer_note.holder(ctx.db.path) is None


@sqlite_only
def test_a_command_refused_by_the_lock_names_the_writer(demo_ctx: ServiceContext) -> None:
    ctx = demo_ctx
    someone = next(r for r in roster_query.list_elders(ctx) if r.status == "active")
    with (
        lock_held(_db_path(ctx), "app", 30),
        short_lock_waits(100),
        pytest.raises(faults.DatabaseLocked) as e,
    ):
        _save_room(ctx, someone.id, "808室")
    assert "王督导" in e.value.zh and "silverage plan" in e.value.zh
    assert "仍保留" not in e.value.zh  # the command line has no form whose typing it keeps


@sqlite_only
def test_a_writer_without_a_note_is_still_waited_for(demo_ctx: ServiceContext) -> None:
    ctx = demo_ctx
    with (
        lock_held(_db_path(ctx), "raw", 30),
        short_lock_waits(100),
        pytest.raises(faults.DatabaseLocked) as e,
    ):
        someone = next(r for r in roster_query.list_elders(ctx) if r.status == "active")
        _save_room(ctx, someone.id, "808室")
    assert "正在写入的是" not in e.value.zh and "另一个银龄窗口或另一台电脑" in e.value.zh


def test_a_plan_solves_before_it_takes_the_write_lock(demo_ctx: ServiceContext, monkeypatch) -> None:
    """The write lock (SQLite's: the first INSERT/UPDATE/DELETE) is taken only after the solver,
    so another window's save waits for the writes alone (benchmarks/bench_plan_lock.py: 0.8 s of
    a 4.6 s first plan of the demo month)."""
    from sqlalchemy import Engine, event

    from silverage.services.visits import planning

    order: list[str] = []
    real = planning.solve_with_rules

    def solve(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        order.append("solve")
        return real(*args, **kwargs)

    def wrote(_c, _cur, _st, _p, context, _many) -> None:  # noqa: ANN001
        if context is not None and (context.isinsert or context.isupdate or context.isdelete):
            order.append("write")

    monkeypatch.setattr(planning, "solve_with_rules", solve)
    event.listen(Engine, "after_cursor_execute", wrote)
    try:
        planning.plan_period(demo_ctx, TODAY + timedelta(days=7), TODAY + timedelta(days=34))
    finally:
        event.remove(Engine, "after_cursor_execute", wrote)
    assert "write" in order and "solve" in order
    assert order.index("write") > max(i for i, what in enumerate(order) if what == "solve")


@pytest.mark.db
@pytest.mark.skipif(PG_URL is None, reason="PostgreSQL's row locks")
def test_on_postgresql_the_server_names_the_writer(demo_ctx: ServiceContext) -> None:
    """No note file on a server: pg_stat_activity says which session has written (waits out the
    server's 10 s lock timeout once)."""
    ctx = demo_ctx
    someone = next(r for r in roster_query.list_elders(ctx) if r.status == "active")
    with lock_held(str(PG_URL), "app", 60), pytest.raises(faults.DatabaseLocked) as e:
        _save_room(ctx, someone.id, "808室")
    assert "正在写入的是：用户 postgres · silverage" in e.value.zh
