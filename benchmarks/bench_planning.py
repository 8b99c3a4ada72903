"""Planning one month: time, peak memory, and cost against the optimum.

    python benchmarks/bench_planning.py                       # the 979-person demo (built in a temp dir)
    python benchmarks/bench_planning.py --db big.sqlite       # a roster built with
        silverage --db big.sqlite demo --elders 100000

For each roster it prints: the demand (required visits) and volunteers, solve time and peak
memory (tracemalloc, Python allocations), and the plan's cost against
* the exact min-cost flow optimum when the whole network fits (demo size), by solving the same
  demands both exactly and by community (the decomposition used for very large rosters);
* a lower bound (each visit at its cheapest volunteer, ignoring capacity) otherwise.
Then it runs the real service (``plan_period``) once, which also writes the visits.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from silverage.db.engine import open_database
from silverage.domain import scheduling
from silverage.services import planning
from silverage.services.context import ServiceContext


def _demands(ctx: ServiceContext, start: date, end: date):  # type: ignore[no-untyped-def]
    """The demands and volunteers plan_period would build, captured by running its job up to the solver."""
    captured: dict[str, object] = {}
    real = scheduling.solve

    def spy(demands, vols, is_working_day, *a, **k):  # type: ignore[no-untyped-def]
        captured.update(demands=demands, vols=vols, cal=is_working_day)
        raise _Stop

    scheduling.solve = spy  # type: ignore[assignment]
    try:
        planning.plan_period(ctx, start, end)
    except _Stop:
        pass
    finally:
        scheduling.solve = real  # type: ignore[assignment]
    return captured["demands"], captured["vols"], captured["cal"]


class _Stop(Exception):
    pass


def _run(label: str, fn):  # type: ignore[no-untyped-def]
    tracemalloc.start()
    t0 = time.perf_counter()
    out = fn()
    secs = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {label:<34} {secs:7.2f} s   peak {peak / 2**20:7.1f} MiB")
    return out


def bench(db: str, start: date, end: date) -> None:
    ctx = ServiceContext(open_database(db))
    demands, vols, cal = _demands(ctx, start, end)
    print(f"{db}: {len(demands)} required visits, {len(vols)} active volunteers, {start} to {end}")
    p = scheduling._Problem(demands, vols, cal, scheduling.CostModel())
    import numpy as np

    arcs = p.estimate_arcs(np.arange(len(demands)), np.arange(len(vols)))
    print(f"  full network: about {arcs:,} assignment arcs")
    split = _run("by community (decomposed)", lambda: scheduling.solve(demands, vols, cal, decompose=True))
    if arcs <= 3_000_000:
        exact = _run("exact (one min-cost flow)", lambda: scheduling.solve(demands, vols, cal))
        print(f"  exact:     cost {exact.cost:,}, uncovered {len(exact.uncovered)}")
        gap = (split.cost - exact.cost) / exact.cost if exact.cost else 0.0
        print(
            f"  decomposed: cost {split.cost:,}, uncovered {len(split.uncovered)}, "
            f"{gap:+.2%} against the optimum, {split.subproblems} sub-problems"
        )
        print(
            f"  lower bound {exact.lower_bound:,} (optimum is {exact.cost / max(1, exact.lower_bound):.3f}x)"
        )
    else:
        lb = split.lower_bound
        print(
            f"  decomposed: cost {split.cost:,}, uncovered {len(split.uncovered)}, "
            f"{split.subproblems} sub-problems; lower bound {lb:,} -> at most "
            f"{(split.cost - lb) / max(1, lb):.1%} above the optimum"
        )
    summary = _run("plan_period (service, writes visits)", lambda: planning.plan_period(ctx, start, end))
    print(
        f"  service: planned {summary.planned_total:,}, uncovered {summary.uncovered_total:,}, "
        f"method {summary.method}, cost {summary.total_cost:,}"
    )
    ctx.db.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="an existing demo roster; default: build the 979-person demo in a temp dir")
    ap.add_argument("--from", dest="start", default="2026-12-01")
    ap.add_argument("--to", dest="end", default="2026-12-31")
    args = ap.parse_args()
    start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
    if args.db:
        bench(args.db, start, end)
        return
    from silverage.services import demo

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "demo.sqlite")
        database = open_database(path)
        demo.build_demo(ServiceContext(database), seed=2026, today=date(2026, 11, 26))
        database.dispose()
        bench(path, start, end)


if __name__ == "__main__":
    main()
