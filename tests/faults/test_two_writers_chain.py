"""Two writers in two processes (two desks, or a desk and a command) extend one audit chain at
the same time: afterwards ``check`` finds it whole, no fork and no gap, and every row is there.
Meant for PostgreSQL (``-m db`` with SILVERAGE_TEST_DB_URL), where the writers really overlap;
on SQLite the file's write lock takes them in turn."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from silverage.db import models as m
from silverage.services import audit, audit_chain, demo, integrity
from silverage.services.context import ServiceContext
from tests.conftest import PG_URL

pytestmark = pytest.mark.db

WRITER = Path(__file__).with_name("audit_writer.py")


def _target(ctx: ServiceContext) -> str:
    return PG_URL or str(ctx.db.path)


def _audit_rows(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(m.AuditEntry)) or 0


def _two_writers(ctx: ServiceContext) -> int:
    env = {**os.environ, "SILVERAGE_DB": _target(ctx)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), which],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for which in ("even", "odd")
    ]
    written = 0
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-2000:]
        written += int(out.split()[-1])
    return written


@pytest.fixture
def roster(db) -> ServiceContext:  # noqa: ANN001
    ctx = ServiceContext(db)
    demo.build_demo(ctx, elders=120)
    return ctx


def _chain_problems(ctx: ServiceContext) -> list[str]:
    return [p for p in integrity.check(ctx).problems if "审计" in p]


def test_two_processes_writing_at_once_keep_one_chain(roster: ServiceContext) -> None:
    before = _audit_rows(roster)
    written = _two_writers(roster)
    assert written > 2 * 15  # both moved people (40 each, every round) and printed
    assert _audit_rows(roster) == before + written  # nothing lost, nothing doubled
    assert _chain_problems(roster) == []


def test_two_writers_starting_a_headless_chain_at_the_same_moment(roster: ServiceContext) -> None:
    """The head row is made by the first writer that finds none (a database the migration chained
    before it had rows, or a demo roster replaced): two doing so at once, made certain to overlap
    by a barrier just before both commit. On PostgreSQL the second one's head insert used to fail
    with a duplicate key (an internal error for the user); now it extends the first one's chain."""
    with roster.transaction() as s:
        s.execute(delete(m.AppMeta).where(m.AppMeta.key == audit_chain.HEAD_KEY))
    before = _audit_rows(roster)
    together = threading.Barrier(2, timeout=30)
    errors: list[BaseException] = []

    def writer(tag: str) -> None:
        try:
            with roster.transaction() as s:
                audit.record(s, roster.actor, "print", "elder", None, detail=tag)
                together.wait()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(t,)) for t in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _audit_rows(roster) == before + 2
    assert _chain_problems(roster) == []
