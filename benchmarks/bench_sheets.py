"""Figures for visit sheets: one week and four weeks of the demo roster as the planner schedules them
(through the CLI, from the database) and 100,000 people (synthetic report data straight into the
renderer, a third of them phone check-ins).

Usage: python benchmarks/bench_sheets.py [--people 100000] [--pages N] [--synthetic-only] [--keep DIR]
Prints wall time, peak memory of the process, pages, file size, and the synthetic print's resident
memory every 1,000 pages (flat when pages are written as they end).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _measure import measure  # noqa: E402

SILVERAGE = [sys.executable, "-m", "silverage"]


MONTH = (date(2026, 11, 30), date(2026, 12, 27))  # four weeks, Monday to Sunday
WEEK = (date(2026, 11, 30), date(2026, 12, 6))


def plan_month(db: Path, env: dict[str, str]) -> tuple[date, date, int]:
    """Plan the demo's next four weeks with the real planner, as the office would before printing:
    red people get a home visit and two phone check-ins a week, so about a third are calls."""
    start, end = MONTH
    measure(
        [*SILVERAGE, "--db", str(db), "plan", "--from", start.isoformat(), "--to", end.isoformat(), "--json"],
        env,
    )
    import sqlite3

    with sqlite3.connect(db) as con:
        n = con.execute(
            "SELECT count(*) FROM visit WHERE planned_date BETWEEN ? AND ? AND status = 'planned'",
            (start.isoformat(), end.isoformat()),
        ).fetchone()[0]
    return start, end, n


def rss_mib() -> float:
    """This process's resident memory now (Linux), to show it stays flat while pages are drawn."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024


def synthetic(people: int, out: Path, pages: int = 0) -> None:
    """Child mode: render sheets for ``people`` visits, 20 per volunteer, and print JSON figures,
    the resident memory every 1,000 pages among them; stop after ``pages`` pages when given (the
    file is then given up, as a cancelled print is)."""
    from silverage.domain import visit_code
    from silverage.domain.progress import Progress
    from silverage.reports.data import ContactLine, DocMeta, SheetDocument, SheetSection, SheetVisit
    from silverage.reports.visit_sheet import write_visit_sheets

    rng = random.Random(1)
    notes = ("行动不便，敲门后多等一会儿", "糖尿病", "耳背，请大声说话", "家中养狗，先打电话")
    t0 = time.perf_counter()
    sections = []
    per = 20
    for v in range(0, people, per):
        visits = tuple(
            SheetVisit(
                code=visit_code.new_code(rng),
                day=date(2026, 12, 1) + timedelta(days=i % 5),
                half_day=i % 2,
                kind="phone" if i % 3 == 0 else "home",
                name=rng.choice("王李张刘陈杨") + rng.choice(["秀英", "建国", "桂兰", "根生"]),
                gender="F",
                age=60 + i % 35,
                level=("red", "yellow", "green")[i % 3],
                id_masked="3304**********123X",
                address=f"中山路{i}号{i % 30}幢{i % 4 + 1}单元{i % 6 + 1}01室",
                phones=("13812345678",),
                contacts=(ContactLine("张建国", "儿子", "13900001111"),),
                notes=notes[: 1 + i % 3],
            )
            for i in range(v, min(v + per, people))
        )
        sections.append(SheetSection(f"志愿者：志愿者{v // per}", "13512345678", "月河社区", visits))
    doc = SheetDocument(
        DocMeta("示范街道（演示数据）", "bench", datetime(2026, 11, 26), True),
        (date(2026, 12, 1), date(2026, 12, 31)),
        tuple(sections),
    )
    t1 = time.perf_counter()
    job = write_visit_sheets(out, doc)
    rss = [round(rss_mib(), 1)]  # before the first page, then after every 1,000
    done, size = 0, 0
    try:
        while True:
            step: Progress = next(job)
            if step.done > done and step.done % 1000 == 0:
                rss.append(round(rss_mib(), 1))
            done = step.done
            if pages and done >= pages:
                size = (
                    out.stat().st_size if out.exists() else 0
                )  # written so far: the pages are in the file already
                job.close()
                break
    except StopIteration as stop:
        done, size = stop.value.pages, out.stat().st_size
    t2 = time.perf_counter()
    json.dump(
        {
            "pages": done,
            "entries": doc.visit_count,
            "build_data_s": t1 - t0,
            "render_s": t2 - t1,
            "bytes": size,
            "rss_mib_per_1000_pages": rss,
        },
        sys.stdout,
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--keep", help="folder to keep the database and PDFs in")
    ap.add_argument("--pages", type=int, default=0, help="stop the synthetic print after this many pages")
    ap.add_argument("--synthetic-only", action="store_true", help="skip the demo roster's cases")
    ap.add_argument("--synthetic-child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.synthetic_child:
        synthetic(args.people, Path(args.synthetic_child), args.pages)
        return
    folder = Path(args.keep or tempfile.mkdtemp(prefix="silverage-bench-sheets-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SILVERAGE_HOME=str(folder / "home"))
    print(f"{'case':<34} {'seconds':>8} {'peak MiB':>9} {'pages':>7} {'MiB':>7}  notes")

    if not args.synthetic_only:
        demo_cases(folder, env)
    synthetic_case(folder, env, args.people, args.pages)
    print(f"files in {folder}")


def demo_cases(folder: Path, env: dict[str, str]) -> None:
    db = folder / "demo.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    measure([*SILVERAGE, "--db", str(db), "demo", "--json"], env)
    start, end, n = plan_month(db, env)
    for label, (a, b) in (("demo roster, 1 week (CLI, DB)", WEEK), ("demo roster, 4 weeks (CLI, DB)", MONTH)):
        out = folder / f"sheets-{a}-{b}.pdf"
        r = measure(
            [
                *SILVERAGE,
                "--db",
                str(db),
                "sheets",
                str(out),
                "--from",
                a.isoformat(),
                "--to",
                b.isoformat(),
                "--json",
            ],
            env,
        )
        info = json.loads(r.stdout)
        print(
            f"{label:<34} {r.seconds:8.2f} {r.peak_mib:9.0f} {info['pages']:7d} "
            f"{out.stat().st_size / 2**20:7.1f}  {info['entries']} visits, {info['people']} people, "
            f"{out.stat().st_size / info['pages'] / 1024:.1f} KiB/page"
        )
    print(f"{'':<34} ({n} visits planned for {start} to {end}; a third are phone check-ins)")


def synthetic_case(folder: Path, env: dict[str, str], people: int, pages: int) -> None:
    out = folder / f"synthetic-{people}.pdf"
    cmd = [
        sys.executable,
        __file__,
        "--people",
        str(people),
        "--pages",
        str(pages),
        "--synthetic-child",
        str(out),
    ]
    r = measure(cmd, env)
    info = json.loads(r.stdout)
    stopped = f", stopped after {pages:,} pages" if pages else ""
    print(
        f"{f'{people:,} people (renderer only)':<34} {r.seconds:8.2f} {r.peak_mib:9.0f} "
        f"{info['pages']:7d} {info['bytes'] / 2**20:7.1f}  data {info['build_data_s']:.1f}s, render "
        f"{info['render_s']:.1f}s ({info['pages'] / info['render_s']:.0f} pages/s), "
        f"{info['bytes'] / info['pages'] / 1024:.1f} KiB/page{stopped}"
    )
    rss = info["rss_mib_per_1000_pages"]
    if len(rss) > 2:  # from the 1,000th page on: what each further 1,000 pages cost
        growth = (rss[-1] - rss[1]) / (len(rss) - 2)
        print(
            f"{'':<34} resident {rss[0]:.0f} MiB before drawing, {rss[1]:.0f} MiB at page 1,000, "
            f"{rss[-1]:.0f} MiB at page {1000 * (len(rss) - 1):,}: {growth:+.2f} MiB per 1,000 pages"
        )


if __name__ == "__main__":
    main()
