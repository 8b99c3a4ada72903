"""Re-assessing the whole roster: time and peak memory for 979 and 100,000 people.

    python benchmarks/bench_assess.py                  # builds both demo rosters in a temp folder
    python benchmarks/bench_assess.py --sizes 979 --db-url postgresql+psycopg://postgres@127.0.0.1:54329/bench
    python benchmarks/bench_assess.py --db big.sqlite  # an existing roster, e.g. built with
        silverage --db big.sqlite demo --elders 100000

Prints figures; asserts nothing about speed (that depends on the machine).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from datetime import date
from pathlib import Path

from silverage.db.engine import open_database
from silverage.domain.enums import Role
from silverage.services import demo
from silverage.services.care import assessment, rules_admin
from silverage.services.context import Actor, ServiceContext

TODAY = date(2026, 11, 26)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, fn, traced: bool):  # noqa: ANN001
    if traced:
        tracemalloc.start()
    t0 = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - t0
    peak = 0.0
    if traced:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    extra = f", python peak {peak:.1f} MB (tracemalloc)" if traced else ""
    print(f"  {label:<38} {elapsed:8.2f} s{extra}, process max RSS {peak_rss_mb():.0f} MB", flush=True)
    return result


def bench(ctx: ServiceContext, traced: bool) -> None:
    summary = measure("assess_all (everyone)", lambda: assessment.assess_all(ctx, "bench", TODAY), traced)
    print(f"    assessed {summary.assessed}: {summary.counts}")
    measure(
        "assess_all (only those due)",
        lambda: assessment.assess_all(ctx, "bench", TODAY, only_due=True),
        traced,
    )
    sup = ServiceContext(ctx.db, Actor("bench", Role.SUPERVISOR, "bench"))
    stricter = replace(rules_admin.current(ctx).rules, red_threshold=5)
    pv = measure("rules preview (red >= 5)", lambda: rules_admin.preview(ctx, stricter, TODAY), traced)
    print(f"    would move {pv.moved}")
    s2 = measure(
        "rules apply (new version + re-score)",
        lambda: rules_admin.apply(sup, stricter, "bench", TODAY),
        traced,
    )
    print(f"    moved {len(s2.moved)}, rules v{s2.rule_version}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="979,100000", help="demo roster sizes to build and measure")
    parser.add_argument("--db", help="measure this existing roster instead of building demos")
    parser.add_argument("--db-url", help="build the demos on this (emptied) PostgreSQL database instead")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}")
    if args.db:
        db = open_database(args.db)
        print(f"roster {args.db}")
        bench(ServiceContext(db), args.tracemalloc)
        db.dispose()
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            target = args.db_url or str(Path(tmp) / f"demo{n}.sqlite")
            if args.db_url:
                from sqlalchemy import create_engine, text

                eng = create_engine(args.db_url)
                with eng.begin() as conn:
                    conn.execute(text("DROP SCHEMA public CASCADE"))
                    conn.execute(text("CREATE SCHEMA public"))
                eng.dispose()
            db = open_database(target)
            ctx = ServiceContext(db)
            print(f"\n{n} people ({db.url.get_backend_name()})")
            measure(
                "build demo (includes first assess)",
                lambda c=ctx, k=n: demo.build_demo(c, elders=k, today=TODAY),
                False,
            )
            bench(ctx, args.tracemalloc)
            db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
