"""Excel export and import of the demo roster (979) and of 100,000 people, next to pandas on the same data.

Prints wall times and ratios (ours / pandas). pandas comes from the ``bench`` extra. Run:
    python benchmarks/bench_excel.py [--sizes 979,100000] [--creates]
``--creates`` also times importing every person as new (validation, audit rows and care-level
assessment for each, in bulk chunks, all in one transaction) into a copy of the database whose roster
was emptied (the places stay).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

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


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    """Wall time, and this process's CPU time beside it (the machine may be shared)."""
    t, c = time.perf_counter(), time.process_time()
    result = fn()
    dt = time.perf_counter() - t
    print(f"  {label:<52} {dt:8.2f} s  (cpu {time.process_time() - c:7.2f} s)", flush=True)
    return result, dt


def bench(n: int, folder: Path, creates: bool) -> None:
    print(f"\n== {n} people ==")
    db_path = folder / f"roster{n}.sqlite"
    ctx = ServiceContext(open_database(str(db_path)), SUPERVISOR)
    timed("build demo roster", lambda: demo.build_demo(ctx, elders=n, today=TODAY))
    out = folder / f"export{n}.xlsx"
    opts = roster_export.ExportOptions(unmasked=True, columns=roster_export.ALL_COLUMNS)
    result, t_export = timed(
        "silverage export (3 sheets, styles, chart)",
        lambda: roster_export.export_roster(ctx, out, opts, today=TODAY),
    )
    print(f"  {'':<52} {out.stat().st_size / 1e6:8.2f} MB, {result.people} rows")
    with ctx.read() as s:
        rows = list(roster_export._rows(s, roster_export.ElderFilter(), opts, TODAY))
    frame = pd.DataFrame(rows)
    pd_out = folder / f"pandas{n}.xlsx"
    _, t_pd_write = timed(
        "pandas DataFrame.to_excel (same rows, openpyxl)",
        lambda: frame.to_excel(pd_out, index=False, engine="openpyxl"),
    )
    plan, t_plan = timed(
        "silverage import dry run (read+clean+check+compare)",
        lambda: roster_import.plan_import(ctx, [out], today=TODAY),
    )
    print(
        f"  {'':<52} unchanged={len(plan.unchanged)} created={len(plan.created)} "
        f"updated={len(plan.updated)} rejected={plan.rejected_rows}"
    )
    _, t_pd_read = timed(
        "pandas.read_excel (same file, roster sheet)",
        lambda: pd.read_excel(out, sheet_name=0, header=1, dtype=str),
    )
    print(
        f"  ratios: export / to_excel = {t_export / t_pd_write:.2f}; "
        f"import dry run / read_excel = {t_plan / t_pd_read:.2f}"
    )
    if creates:
        empty = folder / f"empty{n}.sqlite"
        ctx.db.dispose()
        shutil.copy(db_path, empty)
        ectx = ServiceContext(open_database(str(empty)), SUPERVISOR)
        with ectx.transaction() as s:
            for model in (
                m.FollowUp,
                m.Alert,
                m.Visit,
                m.Assessment,
                m.EmergencyContact,
                m.Elder,
                m.AuditEntry,
            ):
                s.execute(delete(model))
        plan2, t_plan2 = timed(
            "silverage import dry run into an empty roster",
            lambda: roster_import.plan_import(ectx, [out], today=TODAY),
        )
        res, t_apply = timed(
            "silverage import (all new, one transaction)",
            lambda: roster_import.apply_plan(ectx, plan2, today=TODAY),
        )
        print(
            f"  {'':<52} created={res.created}; total {t_plan2 + t_apply:.1f} s "
            f"({(t_plan2 + t_apply) / max(res.created, 1) * 1000:.2f} ms/person)"
        )
        ectx.db.dispose()
    print(f"  peak RSS so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="979,100000")
    parser.add_argument("--creates", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-excel-") as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            bench(n, Path(tmp), args.creates)


if __name__ == "__main__":
    main()
