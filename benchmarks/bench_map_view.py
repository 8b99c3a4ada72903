"""The 点位图 on screen: building and painting the scene, next to a bare QGraphicsScene in the same run.

    python benchmarks/bench_map_view.py [--big /tmp/h4-100k.sqlite] [--frames 20]

Two scenes, each against a peer made of the same number of plain QGraphicsEllipseItems in the same
view: (1) the largest community of the 100,000-person demo, read through the map service; (2) every
home of the demo at once (that community's points tiled until there are as many points as active
people, the worst case of one person per building), to show that zoom and pan stay smooth at that
size. "Paint" is one full repaint of a 1280x800 view (grab of the viewport), at fit-to-window and
zoomed in while panning. Prints figures and ratios; asserts nothing.

The 100,000-person database is built once with ``silverage --db /tmp/h4-100k.sqlite demo --elders 100000``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ZOOM = 8.0  # pixels per layout unit when zoomed in: building names readable, about 40 homes in view


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big", default="/tmp/h4-100k.sqlite")
    parser.add_argument("--frames", type=int, default=20)
    parser.add_argument("--community-only", action="store_true", help="skip the 100,000-point scene")
    args = parser.parse_args()
    if not Path(args.big).exists():
        print(f"{args.big} missing; build it with: silverage --db {args.big} demo --elders 100000")
        return 1

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QPainter, QTransform
    from PySide6.QtWidgets import QApplication, QGraphicsEllipseItem, QGraphicsScene, QGraphicsView
    from sqlalchemy import func, select

    from silverage.db import models as m
    from silverage.db.engine import open_database
    from silverage.services.context import ServiceContext
    from silverage.services.map import points as pm
    from silverage.ui.map import map_text
    from silverage.ui.map.map_scene import MapScene
    from silverage.ui.map.map_view import MapView

    app = QApplication.instance() or QApplication(sys.argv)
    ctx = ServiceContext(open_database(args.big))
    with ctx.read() as s:
        active = s.scalar(select(func.count()).select_from(m.Elder).where(m.Elder.status == "active"))
        cid, cname, people = s.execute(
            select(m.Community.id, m.Community.name, func.count(m.Elder.id))
            .join(m.Grid, m.Grid.community_id == m.Community.id)
            .join(m.MicroGrid, m.MicroGrid.grid_id == m.Grid.id)
            .join(m.Elder, m.Elder.micro_grid_id == m.MicroGrid.id)
            .where(m.Elder.status == "active")
            .group_by(m.Community.id, m.Community.name)
            .order_by(func.count(m.Elder.id).desc())
            .limit(1)
        ).one()

    t = time.perf_counter()
    biggest = pm.point_map(ctx, community_id=cid)
    read_s = time.perf_counter() - t
    print(
        f"largest community {cname}: {people} people, {len(biggest.points)} buildings; "
        f"map read {read_s:.2f} s"
    )

    def frames(view: QGraphicsView, n: int, pan: bool) -> float:
        """Median seconds per full repaint (panning one step between frames when asked)."""
        times = []
        for i in range(n):
            if pan:
                bar = view.horizontalScrollBar()
                bar.setValue(bar.value() + (40 if i % 2 == 0 else -40))
            t0 = time.perf_counter()
            view.viewport().grab()
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    def ours(pmap: pm.PointMap, points: list[pm.MapPoint]) -> tuple[float, float, float]:
        scene = MapScene()
        view = MapView(scene)
        view.resize(1280, 800)
        view.show()
        t0 = time.perf_counter()
        scene.show_schematic(pmap)
        scene.set_points(points, lambda p: (p.x, p.y), map_text.point_label)
        view.fit()
        app.processEvents()
        build = time.perf_counter() - t0
        fit = frames(view, args.frames, False)
        view.setTransform(QTransform.fromScale(ZOOM, ZOOM))
        view.centerOn(scene.sceneRect().center())
        scene.follow_scale(ZOOM)  # building names drawn, as the view's own zoom does
        zoomed = frames(view, args.frames, True)
        view.close()
        return build, fit, zoomed

    def peer(points: list[pm.MapPoint], rect: QRectF) -> tuple[float, float, float]:
        scene = QGraphicsScene()
        view = QGraphicsView(scene)
        view.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        view.resize(1280, 800)
        view.show()
        t0 = time.perf_counter()
        for p in points:
            item = QGraphicsEllipseItem(-3, -3, 6, 6)
            item.setBrush(QColor("#D93025"))
            item.setPos(p.x, p.y)
            scene.addItem(item)
        scene.setSceneRect(rect)
        view.fitInView(rect)
        app.processEvents()
        build = time.perf_counter() - t0
        fit = frames(view, args.frames, False)
        view.setTransform(QTransform.fromScale(ZOOM, ZOOM))
        view.centerOn(rect.center())
        zoomed = frames(view, args.frames, True)
        view.close()
        return build, fit, zoomed

    def report(
        label: str, n: int, mine: tuple[float, float, float], bare: tuple[float, float, float]
    ) -> None:
        names = ("build scene", "paint at fit", "paint zoomed, panning")
        print(f"{label} ({n} points):")
        for name, a, b in zip(names, mine, bare, strict=True):
            print(
                f"  {name}: {a * 1000:.1f} ms  vs bare ellipses {b * 1000:.1f} ms  "
                f"ratio {a / max(b, 1e-9):.1f}x"
            )

    rect = QRectF(-4, -4, biggest.width + 8, biggest.height + 8)
    report(
        "largest community",
        len(biggest.points),
        ours(biggest, list(biggest.points)),
        peer(list(biggest.points), rect),
    )

    if args.community_only:
        return 0
    # Every home of the demo: the community's points tiled (each tile its own keys) up to one per person.
    tiles = max(1, -(-active // max(len(biggest.points), 1)))
    cols = int(tiles**0.5) + 1
    every: list[pm.MapPoint] = []
    for i in range(tiles):
        dx, dy = (i % cols) * (biggest.width + 10), (i // cols) * (biggest.height + 10)
        every += [replace(p, key=f"{i}/{p.key}", x=p.x + dx, y=p.y + dy) for p in biggest.points]
    every = every[:active]
    rows = -(-tiles // cols)
    big_rect = QRectF(0, 0, cols * (biggest.width + 10), rows * (biggest.height + 10))
    tiled = replace(biggest, width=big_rect.width(), height=big_rect.height(), regions=())
    report(
        f"every home of the demo ({active} active people)",
        len(every),
        ours(tiled, every),
        peer(every, big_rect),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
