"""Figures for the foundation: `demo`, `list elders --json` and `selftest` at 979 and 100,000 elders.

Usage: python benchmarks/bench_foundation.py [--sizes 979 100000] [--keep DIR]
Prints one line per measurement: wall time, peak memory of the process, output size.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _measure import measure  # noqa: E402

SILVERAGE = [sys.executable, "-m", "silverage"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[979, 100_000])
    ap.add_argument("--keep", help="folder to keep the databases in")
    args = ap.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="silverage-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SILVERAGE_HOME=str(folder / "home"))
    print(f"{'size':>7} {'step':<22} {'seconds':>8} {'peak MiB':>9}  notes")
    for n in args.sizes:
        db = folder / f"demo-{n}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        r = measure([*SILVERAGE, "--db", str(db), "demo", "--elders", str(n), "--json"], env)
        summary = json.loads(r.stdout)
        size_mib = db.stat().st_size / 2**20
        print(
            f"{n:>7} {'demo':<22} {r.seconds:8.2f} {r.peak_mib:9.0f}  "
            f"{summary['visits']} visits, {summary['volunteers']} volunteers, db {size_mib:.1f} MiB"
        )
        r = measure([*SILVERAGE, "--db", str(db), "list", "elders", "--json"], env)
        people = json.loads(r.stdout)
        print(
            f"{n:>7} {'list elders --json':<22} {r.seconds:8.2f} {r.peak_mib:9.0f}  "
            f"{len(people)} people, {len(r.stdout) / 2**20:.1f} MiB JSON"
        )
        r = measure([*SILVERAGE, "--db", str(db), "selftest"], env)
        st = json.loads(r.stdout)
        # The whole-process comparison with a bare PySide6 window is in bench_gui.py.
        print(
            f"{n:>7} {'selftest':<22} {r.seconds:8.2f} {r.peak_mib:9.0f}  "
            f"rows {st['rows_shown']}, open db {st['open_database_s']:.3f}s, "
            f"window until roster shown {st['roster_window_s']:.3f}s"
        )
    print(f"databases in {folder}")


if __name__ == "__main__":
    main()
