"""Open the GUI offscreen, wait until the roster is shown, report timings: the smoke test for builds."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any


def run_selftest(args: argparse.Namespace, started: float) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t_import0 = time.perf_counter()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    from silverage.ui.shell.application import make_app, open_context

    app = make_app()
    t_app = time.perf_counter()
    # A bare window first, measured in the same process, for the ratio the benchmarks report.
    bare = QWidget()
    bare.show()
    app.processEvents()
    t_bare = time.perf_counter()
    bare.close()
    ctx = open_context(args)
    t_db = time.perf_counter()
    from silverage.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    # app.quit() closes the window: a smoke test neither waits for nor leaves a backup of the roster.
    window.backup_watch.backup_on_close = False
    window.show()
    shown: dict[str, float] = {}

    def done() -> None:
        shown["t"] = time.perf_counter()
        QTimer.singleShot(0, app.quit)  # let the table paint its first rows

    def first_rows() -> None:
        window.roster.table.viewport().repaint()  # painted, not only queued
        shown.setdefault("first", time.perf_counter())

    window.first_rows_shown.connect(first_rows)
    window.roster_loaded.connect(done)
    QTimer.singleShot(300_000, app.quit)  # never hang a build: "ok" stays false without the roster
    window.load_async()
    app.exec()
    rows = window.model.rowCount()
    peak = peak_rss_mib()  # with the roster shown (quitting closed the window, without a backup)
    window.close()
    window.deleteLater()
    app.processEvents()
    return {
        "ok": rows >= 0 and "t" in shown,
        "rows_shown": rows,
        "qt_import_and_app_s": round(t_app - t_import0, 4),
        "bare_window_s": round(t_bare - t_app, 4),
        "open_database_s": round(t_db - t_bare, 4),
        "first_rows_s": round(shown.get("first", shown.get("t", t_db)) - t_db, 4),  # real rows painted
        "roster_window_s": round(shown.get("t", t_db) - t_db, 4),
        "total_s": round(shown.get("t", t_db) - started, 4),
        "platform": os.environ.get("QT_QPA_PLATFORM", ""),
        "peak_rss_mib": peak,
    }


def peak_rss_mib() -> float | None:
    """This process's peak resident memory so far (None where the OS does not say: Windows)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (2**20 if sys.platform == "darwin" else 2**10), 1)  # bytes on macOS, KiB on Linux
