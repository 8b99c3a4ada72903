"""How long ``plan`` holds the database's write lock, against the whole plan in the same run.

    python benchmarks/bench_plan_lock.py                  # the 979-person demo, next month
    python benchmarks/bench_plan_lock.py --db big.sqlite  # a roster of your own (planned on a copy)

The planner reads and solves first and writes last, so a save in another window waits only for the
write part (SQLite has one writer; the desktop app shows "正在等待数据库……" meanwhile). The lock is
taken by the transaction's first INSERT/UPDATE/DELETE and let go at its commit: both are timed
with SQLAlchemy's events. Printed: whole plan, lock held, and their ratio; twice (a first plan,
then a re-plan that keeps what it can).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from silverage.db.engine import open_database
from silverage.services import demo
from silverage.services.context import ServiceContext
from silverage.services.visits import planning

_first_write: list[float] = []
_commit: list[float] = []


@event.listens_for(Engine, "after_cursor_execute")
def _write(_c: Any, _cur: Any, _st: str, _p: Any, context: Any, _many: bool) -> None:
    if (
        context is not None
        and (context.isinsert or context.isupdate or context.isdelete)
        and not _first_write
    ):
        _first_write.append(time.perf_counter())


@event.listens_for(Session, "after_commit")
def _committed(_s: Session) -> None:
    _commit.append(time.perf_counter())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.sqlite"
        if args.db:
            shutil.copyfile(args.db, path)
            ctx = ServiceContext(open_database(str(path)))
        else:
            ctx = ServiceContext(open_database(str(path)))
            demo.build_demo(ctx)
        first = ctx.clock.today().replace(day=1) + timedelta(days=32)
        start = first.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        for label in ("first plan", "re-plan"):
            _first_write.clear()
            _commit.clear()
            t0 = time.perf_counter()
            summary = planning.plan_period(ctx, start, end)
            whole = time.perf_counter() - t0
            held = _commit[-1] - _first_write[0]
            visits = sum(n for kinds in summary.planned.values() for n in kinds.values())
            print(
                f"{label} {start}..{end}, {visits} visits: whole {whole:.2f} s, "
                f"write lock held {held:.3f} s ({held / whole:.0%} of the plan)"
            )
        ctx.db.dispose()


if __name__ == "__main__":
    main()
