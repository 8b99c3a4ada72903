"""Planning one month: time, peak memory, network size and cost, against the dense formulation.

    python benchmarks/bench_planning.py                       # the 979-person demo (built in a temp dir)
    python benchmarks/bench_planning.py --db big.sqlite       # a roster built with
        silverage --db big.sqlite demo --elders 100000

For each roster it prints the demand (required visits) and volunteers, then for the planner's exact
place-tree network (``scheduling.solve``): time, peak memory (the process's RSS high-water mark,
OR-Tools included, reset before each step; tracemalloc is not used because it misses OR-Tools and
slows the Python parts), arcs and nodes, cost and optimality. Where the dense network (one arc per
visit x volunteer-week, the former formulation, ``tests/domain/dense_reference.py``) is small
enough (``--dense-limit``: visits x volunteers), it is solved too and the two optima are compared.
Then it runs the real service (``plan_period``: the solver rounds of ``scheduling_rules`` and the
writes), and once more on the same roster, which must keep every visit.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from silverage.db.engine import open_database
from silverage.domain import scheduling
from silverage.services.context import ServiceContext
from silverage.services.visits import planning

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.domain.dense_reference import dense_optimum  # noqa: E402


def _demands(ctx: ServiceContext, start: date, end: date):  # type: ignore[no-untyped-def]
    """The demands and volunteers plan_period would build, captured by running its job up to the solver."""
    captured: dict[str, object] = {}
    real = planning.solve_with_rules

    def spy(demands, vols, is_working_day, *a, **k):  # type: ignore[no-untyped-def]
        captured.update(demands=demands, vols=vols, cal=is_working_day)
        raise _Stop

    planning.solve_with_rules = spy  # type: ignore[assignment]
    try:
        planning.plan_period(ctx, start, end)
    except _Stop:
        pass
    finally:
        planning.solve_with_rules = real  # type: ignore[assignment]
    return captured["demands"], captured["vols"], captured["cal"]


class _Stop(Exception):
    pass


def _hwm_reset() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM (Linux)
    except OSError:
        pass


def _hwm() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _run(label: str, fn):  # type: ignore[no-untyped-def]
    gc.collect()
    _hwm_reset()
    t0 = time.perf_counter()
    out = fn()
    secs = time.perf_counter() - t0
    print(f"  {label:<36} {secs:7.2f} s   RSS peak {_hwm():7.0f} MiB")
    return out


def bench(db: str, start: date, end: date, dense_limit: int) -> None:
    ctx = ServiceContext(open_database(db))
    demands, vols, cal = _demands(ctx, start, end)
    print(f"{db}: {len(demands):,} required visits, {len(vols):,} active volunteers, {start} to {end}")
    sol = _run("exact place-tree min-cost flow", lambda: scheduling.solve(demands, vols, cal))
    print(
        f"  tree network: {sol.arcs:,} arcs, {sol.nodes:,} nodes; cost {sol.cost:,}, "
        f"planned {len(sol.assignments):,}, uncovered {len(sol.uncovered):,}, optimal {sol.optimal}"
    )
    estimate = len(demands) * len(vols) * 1.2
    if estimate <= dense_limit:
        unc, cost, arcs = _run("dense min-cost flow (reference)", lambda: dense_optimum(demands, vols, cal))
        print(f"  dense network: {arcs:,} arcs; cost {cost:,}, uncovered {unc:,}")
        same = cost == sol.cost and unc == len(sol.uncovered)
        print(f"  same optimum: {same} ({sol.arcs / arcs:.1%} of the dense arcs)")
    else:
        print(f"  dense network skipped: about {len(demands) * len(vols):,} visit x volunteer pairs")
    summary = _run("plan_period (service, writes visits)", lambda: planning.plan_period(ctx, start, end))
    print(
        f"  service: planned {summary.planned_total:,}, uncovered {summary.uncovered_total:,}, "
        f"method {summary.method}, optimal {summary.optimal}, cost {summary.total_cost:,}"
    )
    again = _run("plan_period again (nothing changed)", lambda: planning.plan_period(ctx, start, end))
    print(
        f"  re-plan: kept {again.kept:,}, added {again.added:,}, moved {again.moved:,}, "
        f"cancelled {again.cancelled:,}, volunteers with sheets to reprint {len(again.void_sheets)}"
    )
    ctx.db.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="an existing demo roster; default: build the 979-person demo in a temp dir")
    ap.add_argument("--from", dest="start", default="2026-12-01")
    ap.add_argument("--to", dest="end", default="2026-12-31")
    ap.add_argument(
        "--dense-limit", type=float, default=2e7, help="largest visit x volunteer product to solve densely"
    )
    args = ap.parse_args()
    start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
    if args.db:
        bench(args.db, start, end, int(args.dense_limit))
        return
    from silverage.services import demo

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "demo.sqlite")
        database = open_database(path)
        demo.build_demo(ServiceContext(database), seed=2026, today=date(2026, 11, 26))
        database.dispose()
        bench(path, start, end, int(args.dense_limit))


if __name__ == "__main__":
    main()
