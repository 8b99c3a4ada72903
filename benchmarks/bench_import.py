"""Importing a 10,000-row roster workbook, next to pandas on the same file in the same run.

Prints wall times and two ratios (ours / pandas), the targets of issue 12:
  (a) the import preview (``roster_import.plan_import``: read, clean, check, match places, compare)
      against ``pandas.read_excel`` of the same file: target <= 1.5;
  (b) importing every row as a new person (preview + ``apply_plan``: validation, audit rows,
      contacts, care-level assessment, one transaction) against ``read_excel`` + ``DataFrame.to_sql``
      into a fresh SQLite file: target <= 2.
Each step runs ``--repeat`` times, ours and pandas interleaved, and the best time of each is used
(the machine may be shared). pandas comes from the ``bench`` extra. Run:
    python benchmarks/bench_import.py [--rows 10000] [--repeat 3] [--profile preview|create]
``--profile`` prints the top of a cProfile of one of our steps instead of timing it again.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import delete

from silverage.db import models as m
from silverage.db.engine import open_database
from silverage.domain.enums import Role
from silverage.services import demo
from silverage.services.context import Actor, ServiceContext
from silverage.services.print_export import roster_export, roster_import

TODAY = date(2026, 11, 26)
SUPERVISOR = Actor("duda", Role.SUPERVISOR, "王督导")


def best(label: str, fn: Callable[[], Any], repeat: int) -> tuple[Any, float]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    print(f"  {label:<58} {min(times):7.2f} s  (runs: {', '.join(f'{x:.2f}' for x in times)})", flush=True)
    return result, min(times)


def build(folder: Path, rows: int) -> tuple[Path, Path]:
    """A demo roster exported unmasked (every column), and a copy of its database with no people."""
    db_path = folder / "roster.sqlite"
    ctx = ServiceContext(open_database(str(db_path)), SUPERVISOR)
    demo.build_demo(ctx, elders=rows, today=TODAY)
    out = folder / f"roster{rows}.xlsx"
    opts = roster_export.ExportOptions(unmasked=True, columns=roster_export.ALL_COLUMNS)
    roster_export.export_roster(ctx, out, opts, today=TODAY)
    with ctx.transaction() as s:
        for model in (m.FollowUp, m.Alert, m.Visit, m.Assessment, m.EmergencyContact, m.Elder, m.AuditEntry):
            s.execute(delete(model))
    ctx.db.dispose()
    empty = folder / "places-only.sqlite"
    shutil.move(db_path, empty)
    return out, empty


def fresh_ctx(template: Path, folder: Path, name: str) -> ServiceContext:
    target = folder / name
    target.unlink(missing_ok=True)
    shutil.copy(template, target)
    return ServiceContext(open_database(str(target)), SUPERVISOR)


def pandas_read(xlsx: Path) -> pd.DataFrame:
    return pd.read_excel(xlsx, sheet_name=0, header=1, dtype=str)


def pandas_to_sql(xlsx: Path, folder: Path) -> int:
    target = folder / "pandas.sqlite"
    target.unlink(missing_ok=True)
    frame = pandas_read(xlsx)
    with sqlite3.connect(target) as con:
        frame.to_sql("elder", con, index=False)
    return len(frame)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", choices=("preview", "create"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        xlsx, template = build(folder, args.rows)
        print(f"== {args.rows} rows, {xlsx.stat().st_size / 1e6:.2f} MB ==")
        ctx = fresh_ctx(template, folder, "preview.sqlite")

        def preview() -> roster_import.ImportPlan:
            return roster_import.plan_import(ctx, [xlsx], today=TODAY)

        def create() -> int:
            cctx = fresh_ctx(template, folder, "create.sqlite")
            plan = roster_import.plan_import(cctx, [xlsx], today=TODAY)
            created = roster_import.apply_plan(cctx, plan, today=TODAY).created
            cctx.db.dispose()
            return created

        if args.profile:
            prof = cProfile.Profile()
            prof.runcall(preview if args.profile == "preview" else create)
            pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
            pstats.Stats(prof).sort_stats("tottime").print_stats(30)
            return
        t_ours = t_pd = t_create = t_sql = float("inf")
        for _ in range(args.repeat):  # interleaved, so a busy moment hurts both sides alike
            plan, t = best("silverage import preview (plan_import)", preview, 1)
            t_ours = min(t_ours, t)
            frame, t = best("pandas.read_excel (same file)", lambda: pandas_read(xlsx), 1)
            t_pd = min(t_pd, t)
            created, t = best("silverage import of new people (plan + apply)", create, 1)
            t_create = min(t_create, t)
            n, t = best(
                "pandas read_excel + DataFrame.to_sql (fresh SQLite)", lambda: pandas_to_sql(xlsx, folder), 1
            )
            t_sql = min(t_sql, t)
        print(
            f"  preview: created={len(plan.created)} rejected={plan.rejected_rows}; "
            f"pandas rows={len(frame)}; imported={created}; to_sql rows={n}"
        )
        print(f"  ratio (a) preview / read_excel          = {t_ours / t_pd:.2f}  (target <= 1.5)")
        print(f"  ratio (b) import / read_excel + to_sql  = {t_create / t_sql:.2f}  (target <= 2)")
        print(f"  peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
        ctx.db.dispose()


if __name__ == "__main__":
    main()
