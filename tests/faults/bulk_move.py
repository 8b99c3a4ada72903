"""Run as a script by the kill -9 trials (there is no command for it; the roster's multi-select
calls the same service): move everyone in the database ``SILVERAGE_DB`` names to its first
micro-grid, one bulk action."""

from __future__ import annotations

import os

from sqlalchemy import select

from silverage.db import models as m
from silverage.db.engine import open_database
from silverage.services.context import ServiceContext
from silverage.services.roster import bulk


def main(path: str) -> None:
    ctx = ServiceContext(open_database(path, create=False))
    with ctx.read() as s:
        ids = list(s.scalars(select(m.Elder.id).order_by(m.Elder.id)))
        target = s.scalar(select(m.MicroGrid.id).order_by(m.MicroGrid.id).limit(1))
    assert target is not None
    bulk.reassign_micro_grid(ctx, ids, target)
    ctx.db.dispose()


if __name__ == "__main__":
    main(os.environ["SILVERAGE_DB"])
