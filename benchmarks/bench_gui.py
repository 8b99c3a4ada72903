"""GUI figures at 979 and 100,000 people: start-up next to a bare PySide6 window, search, sort, memory.

    python benchmarks/bench_gui.py [--big /tmp/h4-100k.sqlite]

The 100,000-person database is built once with
``silverage --db /tmp/h4-100k.sqlite demo --elders 100000`` (about 50 s). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import measure  # noqa: E402

BARE = (
    "import time; t=time.perf_counter();"
    "from PySide6.QtWidgets import QApplication, QWidget; from PySide6.QtCore import QTimer;"
    "app=QApplication([]); w=QWidget(); w.resize(1280,800); w.show();"
    "QTimer.singleShot(0, app.quit); app.exec(); print(time.perf_counter()-t)"
)

INTERACTIVE = r"""
import json, os, sys, time, resource
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from silverage.ui.shell.application import make_app
from silverage.db.engine import open_database
from silverage.services.context import ServiceContext
from silverage.ui.shell.main_window import MainWindow
app = make_app()
ctx = ServiceContext(open_database(sys.argv[1]))
w = MainWindow(ctx); w.resize(1280, 800); w.show()
t = time.perf_counter(); w.load(); load_s = time.perf_counter() - t
app.processEvents()
page = w.roster
out = {"rows": len(w.model.all_rows()), "load_s": load_s}
keys = []
for text in ("z", "zx", "zxy", "zhangxiuying", "1381", "月河"):
    page.search.clear(); page.apply_filter(); app.processEvents()
    t = time.perf_counter()
    if text.isascii():
        QTest.keyClicks(page.search, text)   # real key events into the search box
    else:
        page.search.setText(text)
    page.apply_filter()                      # what the 80 ms debounce timer then does
    page.table.viewport().repaint()          # and the table painted with the result
    keys.append((text, w.model.rowCount(), time.perf_counter() - t))
out["search"] = keys
page.search.clear(); page.apply_filter()
sorts = []
for col in (3, 1, 0, 8):
    t = time.perf_counter()
    page.table.sortByColumn(col, Qt.SortOrder.AscendingOrder); page.table.viewport().repaint()
    sorts.append((col, time.perf_counter() - t))
out["sort"] = sorts
from silverage.ui.roster.person_editor import PersonEditor
t = time.perf_counter(); ed = PersonEditor(w.app, w.model.row_at(0).id, w); ed.show(); app.processEvents()
out["editor_open_s"] = time.perf_counter() - t
ed.reject()
out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
w.close()
print(json.dumps(out))
"""


def selftest(db: str, runs: int = 3) -> tuple[float, float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    totals, peaks, windows = [], [], []
    for _ in range(runs):
        m = measure(["silverage", "--db", db, "selftest"], env)
        data = json.loads(m.stdout)
        totals.append(m.seconds)
        windows.append(data["roster_window_s"])
        peaks.append(m.peak_mib)
    return statistics.median(totals), statistics.median(windows), max(peaks)


def bare(runs: int = 3) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", BARE], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big", default="/tmp/h4-100k.sqlite")
    args = parser.parse_args()
    small = str(Path(tempfile.mkdtemp(prefix="silverage-bench-")) / "demo.sqlite")
    subprocess.run(["silverage", "--db", small, "demo"], check=True, capture_output=True)
    bare_s = bare()
    print(f"bare PySide6 window (process start to shown): {bare_s:.2f} s")
    for label, db in (("979", small), ("100,000", args.big)):
        if not Path(db).exists():
            print(f"{label}: {db} missing; build it with: silverage --db {db} demo --elders 100000")
            continue
        total, window, peak = selftest(db)
        print(
            f"silverage selftest at {label} people: {total:.2f} s process total "
            f"({window:.2f} s window + roster), ratio to bare window {total / bare_s:.1f}x, "
            f"peak {peak:.0f} MiB"
        )
        proc = subprocess.run(
            [sys.executable, "-c", INTERACTIVE, db],
            capture_output=True,
            text=True,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
        if proc.returncode != 0:
            print(proc.stderr[-2000:])
            continue
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"  roster read + model built (blocking load): {data['load_s']:.2f} s for {data['rows']} rows")
        for text, rows, secs in data["search"]:
            print(
                f"  search '{text}': {rows} rows shown, {secs * 1000:.0f} ms from keystrokes to painted table"
            )
        for col, secs in data["sort"]:
            print(f"  sort by column {col}: {secs * 1000:.0f} ms")
        print(
            f"  person editor open: {data['editor_open_s'] * 1000:.0f} ms; "
            f"peak memory {data['peak_mib']:.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
