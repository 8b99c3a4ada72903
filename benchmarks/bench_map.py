"""Figures for the point map: the largest community of a large demo, its map data and its printout.

Usage: python benchmarks/bench_map.py [--elders 100000] [--keep DIR]

Builds the demo (``silverage demo --elders N``), finds the community with the most people, then in
one process times
  * the map data of the whole community (query, buildings from addresses, overdue, layout), against
    a peer: the bare SELECT of the same columns for the same micro-grids (reading the people at all);
  * printing all of its grids (``map_print``: the community overview and one page a grid) against a
    peer: a bare reportlab canvas with the same pages and the same number of circles and labels.
Ratios, not seconds, are what to compare across machines.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _measure import measure

SILVERAGE = [sys.executable, "-m", "silverage"]
TODAY = date(2026, 11, 26)


def best_of(n: int, fn):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(n):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def bare_pages(out: Path, pages: list[int], size: str) -> None:
    """The peer: as many pages, each with its circles and a short label under each."""
    from reportlab.lib.pagesizes import A3, A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from silverage.reports.fonts import register_fonts

    font = register_fonts()
    w, h = landscape(A4 if size == "A4" else A3)
    c = Canvas(str(out), pagesize=(w, h), initialFontName=font)
    for n in pages:
        cols = max(1, int((n * w / h) ** 0.5))
        for i in range(n):
            x = 40 + (i % cols) * (w - 80) / cols
            y = h - 60 - (i // cols) * (h - 120) / max(1, n // cols + 1)
            c.setFillColorRGB(0.85, 0.2, 0.15)
            c.circle(x, y, 4, stroke=1, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.setFont(font, 5)
            c.drawCentredString(x, y - 9, f"中山路{i}号3幢")
        c.showPage()
    c.save()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--elders", type=int, default=100_000)
    ap.add_argument("--size", choices=["A4", "A3"], default="A3")
    ap.add_argument("--keep", type=Path, help="keep the database and PDFs in this folder")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_map_"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"demo{args.elders}.sqlite"
    if not db.exists():
        built = measure([*SILVERAGE, "--db", str(db), "demo", "--elders", str(args.elders)])
        print(f"demo of {args.elders} people built in {built.seconds:.1f} s")

    from sqlalchemy import func, select

    from silverage.db import models as m
    from silverage.db.engine import open_database
    from silverage.reports.fonts import register_fonts
    from silverage.services.context import ServiceContext
    from silverage.services.map import points as pm
    from silverage.services.map.map_print import print_map
    from silverage.services.roster.roster_query import join_places

    register_fonts()  # loaded once per process, before either side is timed
    database = open_database(str(db))
    ctx = ServiceContext(database)
    with ctx.read() as s:
        cid, name, people = s.execute(
            join_places(select(m.Community.id, m.Community.name, func.count(m.Elder.id)))
            .where(m.Elder.status == "active")
            .group_by(m.Community.id, m.Community.name)
            .order_by(func.count(m.Elder.id).desc())
            .limit(1)
        ).one()
    print(f"largest community: {name} ({people} active people)")

    with ctx.read() as s:
        micro_ids = list(
            s.scalars(
                select(m.MicroGrid.id)
                .join(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
                .where(m.Grid.community_id == cid)
            )
        )

    def bare_select() -> int:
        with ctx.read() as s:
            return len(
                s.execute(
                    select(*pm.PERSON_COLUMNS, m.Elder.status).where(m.Elder.micro_grid_id.in_(micro_ids))
                ).all()
            )

    t_peer, rows = best_of(3, bare_select)
    t_map, cmap = best_of(3, lambda: pm.point_map(ctx, community_id=cid, today=TODAY))
    grids = len(pm.places(ctx)[[p.community_id for p in pm.places(ctx)].index(cid)].grids)
    print(
        f"map data: {t_map * 1000:.0f} ms for {cmap.people} people in {cmap.buildings} buildings, "
        f"{grids} grids, {len([r for r in cmap.regions if r.key.startswith('m')])} micro-grids; "
        f"bare SELECT of the same columns and micro-grids ({rows} rows) {t_peer * 1000:.0f} ms; "
        f"ratio {t_map / t_peer:.1f}x"
    )

    out = folder / "map.pdf"
    t_print, result = best_of(2, lambda: print_map(ctx, out, community=str(cid), size=args.size, today=TODAY))
    maps = pm.point_maps(ctx, community_id=cid, today=TODAY)
    page_points = [len(cmap.points)] + [len(x.points) for x in maps]
    peer = folder / "peer.pdf"
    t_bare, _ = best_of(2, lambda: bare_pages(peer, page_points, args.size))
    print(
        f"print all grids ({args.size}): {t_print:.2f} s, {result.pages} pages, {result.buildings} points, "
        f"{out.stat().st_size / 1024:.0f} KiB; bare reportlab pages with the same circles {t_bare:.2f} s; "
        f"ratio {t_print / t_bare:.1f}x"
    )
    database.dispose()
    if not args.keep:
        print(f"(files in {folder}; pass --keep DIR to choose where)")


if __name__ == "__main__":
    main()
