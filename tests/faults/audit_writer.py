"""Run as a separate process by the two-writer chain test: ``ROUNDS`` audited actions on the
database ``SILVERAGE_DB`` names, as fast as it can: each moves this writer's people (``argv[1]``:
"even" or "odd" ids, so two writers never hold the same person) to another micro-grid in one bulk
action, and records a print. Prints how many audit rows it wrote."""

from __future__ import annotations

import os
import sys

from sqlalchemy import select

from silverage.db import models as m
from silverage.db.engine import open_database
from silverage.services import audit
from silverage.services.context import ServiceContext
from silverage.services.roster import bulk

ROUNDS = 15


def main(which: str) -> None:
    ctx = ServiceContext(open_database(os.environ["SILVERAGE_DB"], create=False))
    with ctx.read() as s:
        ids = [i for i in s.scalars(select(m.Elder.id).order_by(m.Elder.id)) if i % 2 == (which == "odd")]
        grids = list(s.scalars(select(m.MicroGrid.id).order_by(m.MicroGrid.id).limit(2)))
    rows = 0
    for n in range(ROUNDS):
        moved = bulk.reassign_micro_grid(ctx, ids[:40], grids[n % 2])
        with ctx.transaction() as s:
            audit.record(s, ctx.actor, "print", "elder", None, detail=f"{which}{n}")
        rows += moved.moved + 1
    ctx.db.dispose()
    print(rows, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
