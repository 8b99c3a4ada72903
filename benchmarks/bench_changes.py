"""How long the window freezes when a change reaches the roster, against the old blocking reload.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_changes.py --db big.sqlite

A heartbeat timer ticks every 5 ms on the UI thread; the longest gap between ticks while a change
is being shown is the freeze a user feels. Measured in the same run for:
  - one changed person (read on the worker, one row patched),
  - everyone changed (Changes(all_elders=True): the roster read again on the worker),
  - the peer: the old way, reading the whole roster on the UI thread (MainWindow.load()).
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--db", required=True, help="a database with a roster (e.g. `silverage demo --elders 100000`)"
    )
    args = parser.parse_args()
    from PySide6.QtCore import QElapsedTimer, QTimer

    from silverage.db.engine import open_database
    from silverage.domain.changes import Changes
    from silverage.services.context import ServiceContext
    from silverage.ui.shell.app_context import AppContext
    from silverage.ui.shell.application import make_app
    from silverage.ui.shell.main_window import MainWindow

    qt = make_app()
    ctx = ServiceContext(open_database(args.db))
    window = MainWindow(AppContext.create(ctx))
    window.load()
    window.show()
    while not window.app.runner.idle():  # start-up reads (who is overdue, the dashboard) first
        qt.processEvents()
        time.sleep(0.01)
    rows = len(window.model.all_rows())

    gaps: list[float] = []
    clock = QElapsedTimer()

    def tick() -> None:
        gaps.append(clock.restart())

    beat = QTimer()
    beat.setInterval(5)
    beat.timeout.connect(tick)

    def measure(action, done) -> tuple[float, float]:  # noqa: ANN001
        while not window.app.runner.idle():
            qt.processEvents()
            time.sleep(0.01)
        gaps.clear()
        clock.start()
        beat.start()
        start = time.perf_counter()
        action()
        while not done():
            qt.processEvents()
            time.sleep(0.001)
        for _ in range(5):
            qt.processEvents()
        beat.stop()
        return time.perf_counter() - start, max(gaps + [clock.elapsed()])

    one = window.model.all_rows()[0].id
    patched: list[object] = []
    window.rows_patched.connect(patched.append)
    total1, freeze1 = measure(lambda: window.app.announce(Changes.of(elders=[one])), lambda: bool(patched))
    loaded: list[object] = []
    window.roster_loaded.connect(lambda: loaded.append(1))
    total_all, freeze_all = measure(
        lambda: window.app.announce(Changes(all_elders=True)), lambda: bool(loaded)
    )
    total_old, freeze_old = measure(window.load, lambda: True)
    window.app.runner.wait()
    print(f"roster rows: {rows}")
    print(f"one person changed:   shown after {total1 * 1000:7.0f} ms, longest freeze {freeze1:6.0f} ms")
    print(
        f"everyone changed:     shown after {total_all * 1000:7.0f} ms, longest freeze {freeze_all:6.0f} ms"
    )
    print(
        f"peer, blocking load:  shown after {total_old * 1000:7.0f} ms, longest freeze {freeze_old:6.0f} ms"
    )
    print(f"freeze ratio everyone-changed / blocking load: {freeze_all / max(freeze_old, 1):.2f}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
