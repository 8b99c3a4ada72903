"""The dashboard's figures at 979 and 100,000 people, next to a plain SQL GROUP BY of the same counts.

    python benchmarks/bench_dashboard.py                       # 979 people, built in a temp folder
    python benchmarks/bench_dashboard.py --big /tmp/100k.sqlite  # and an existing 100,000-person demo,
        built once with SILVERAGE_TODAY=2026-11-26 silverage --db /tmp/100k.sqlite demo --elders 100000

For each roster and two days (the 26th, and the 1st of the next month) it times, median of 3:

* ``standing``: ``services.visits.standing.dashboard_standing`` (what the page reads on the worker);
* ``peer``: one plain GROUP BY counting the people per (community, level) and the people with a
  contact per (community, level, month) — the same tables and joins, without the windows;
* ``old``: what the page read before (two ``coverage.monthly_rates`` and ``worklists.overdue``);
* ``ui``: the UI thread's share in an offscreen window: switching to the page (it starts the read
  and returns) and painting the figures once they arrive.

Prints figures and ratios against the peer measured in the same run; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import String, cast, func, select  # noqa: E402

from silverage.db import models as m  # noqa: E402
from silverage.db.engine import open_database  # noqa: E402
from silverage.domain.enums import Role  # noqa: E402
from silverage.services import demo  # noqa: E402
from silverage.services.context import Actor, ServiceContext  # noqa: E402
from silverage.services.roster.roster_query import join_places  # noqa: E402
from silverage.services.visits import coverage, standing, worklists  # noqa: E402

BUILT = date(2026, 11, 26)
DAYS = (date(2026, 11, 26), date(2026, 12, 1))


def median_s(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def peer(ctx: ServiceContext, today: date) -> None:
    """The same counts a plain report would make: people, and people reached, per community and level."""
    first, _ = standing.month_bounds(today)
    prev_first, _ = standing.month_bounds(first - timedelta(days=1))
    level = func.coalesce(m.Elder.level, "green")
    month = func.substr(cast(m.Visit.planned_date, String), 1, 7)
    with ctx.read() as s:
        s.execute(
            join_places(select(m.Community.name, level, func.count(m.Elder.id)))
            .where(m.Elder.status == "active")
            .group_by(m.Community.name, level)
        ).all()
        s.execute(
            join_places(
                select(m.Community.name, level, month, func.count(func.distinct(m.Visit.elder_id)))
                .select_from(m.Visit)
                .join(m.Elder, m.Visit.elder_id == m.Elder.id)
            )
            .where(
                m.Elder.status == "active",
                m.Visit.kind == "home",
                m.Visit.status == "done",
                m.Visit.outcome.in_(coverage.CONTACT),
                m.Visit.planned_date >= prev_first,
            )
            .group_by(m.Community.name, level, month)
        ).all()


def old(ctx: ServiceContext, today: date) -> None:
    worklists.overdue(ctx, today)
    for by in ("community", "level"):
        coverage.monthly_rates(ctx, today.year, today.month, by=by)


def old_ui_thread(ctx: ServiceContext, today: date) -> float:
    """What the page used to do on the UI thread from the roster rows (counts, lists), in seconds."""
    from collections import Counter

    from silverage.services.roster import roster_query
    from silverage.ui.dashboard.dashboard_page import row_lists

    rows = roster_query.list_elders(ctx, roster_query.ElderFilter(status=None), today)

    def work() -> None:
        active = [r for r in rows if r.status == "active"]
        Counter(r.level for r in active), Counter(r.community for r in active)
        row_lists(rows, today)

    return median_s(work)


def ui_share(ctx: ServiceContext, today: date) -> tuple[float, float, float]:
    """(switch ms, paint ms, worker s) for the page in an offscreen window."""
    from silverage.services.roster import roster_query
    from silverage.ui.dashboard.dashboard_page import DashboardPage
    from silverage.ui.shell.app_context import AppContext
    from silverage.ui.shell.application import make_app

    qapp = make_app()
    app = AppContext.create(ctx)
    page = DashboardPage(app)
    page.resize(1150, 800)
    page.set_rows(roster_query.list_elders(ctx, roster_query.ElderFilter(status=None), today), today)
    shown: list[float] = []
    original = page._show_figures

    def timed(result: object) -> None:
        t = time.perf_counter()
        original(result)  # type: ignore[arg-type]
        page.repaint()
        shown.append(time.perf_counter() - t)

    page._show_figures = timed  # type: ignore[method-assign]
    t = time.perf_counter()
    page.show()
    switch = time.perf_counter() - t
    t = time.perf_counter()
    while not app.runner.idle():
        qapp.processEvents()
        time.sleep(0.002)
    worker = time.perf_counter() - t
    page.close()
    app.runner.wait()
    return switch * 1000, shown[0] * 1000, worker


def run(label: str, ctx: ServiceContext) -> None:
    with ctx.read() as s:
        people = s.scalar(select(func.count()).select_from(m.Elder).where(m.Elder.status == "active"))
        communities = s.scalar(select(func.count()).select_from(m.Community))
    print(f"\n{label}: {people} people, {communities} communities")
    for today in DAYS:
        standing.dashboard_standing(ctx, today)  # warm the page cache once
        t_peer = median_s(lambda: peer(ctx, today))  # noqa: B023
        t_new = median_s(lambda: standing.dashboard_standing(ctx, today))  # noqa: B023
        t_old = median_s(lambda: old(ctx, today))  # noqa: B023
        switch_ms, paint_ms, worker_s = ui_share(ctx, today)
        t_rows = old_ui_thread(ctx, today)
        print(f"  as of {today}: peer GROUP BY {t_peer:.3f} s")
        print(
            f"    standing {t_new:.3f} s = {t_new / t_peer:.2f}x peer; old reads {t_old / t_peer:.2f}x peer"
        )
        print(
            f"    UI thread: switch to the page {switch_ms:.1f} ms, show the figures {paint_ms:.1f} ms; "
            f"switch to figures on screen {worker_s:.3f} s = {worker_s / t_peer:.2f}x peer"
        )
        print(
            f"    before: the page worked out counts and lists on the UI thread: {t_rows * 1000:.0f} ms "
            f"= {t_rows / t_peer:.2f}x peer, plus a {communities}-bar chart"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big", help="an existing 100,000-person demo database")
    args = parser.parse_args()
    os.environ["SILVERAGE_TODAY"] = BUILT.isoformat()
    actor = Actor("duda", Role.SUPERVISOR, "王督导")
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "demo.sqlite"))
        demo.build_demo(ServiceContext(db), seed=2026, today=BUILT)
        run("demo", ServiceContext(db, actor))
        db.dispose()
    if args.big:
        big = open_database(args.big)
        run(Path(args.big).name, ServiceContext(big, actor))
        big.dispose()
    else:
        print("\n(no --big database given: 100,000 people skipped)", file=sys.stderr)


if __name__ == "__main__":
    main()
