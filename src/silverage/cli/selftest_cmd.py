"""``selftest``: open the GUI offscreen on the chosen database, wait for the roster, print timings."""

from __future__ import annotations

import argparse

from silverage.cli.output import emit_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("selftest", help="离屏启动界面并计时 (open the GUI offscreen and time start-up)")
    p.add_argument("--json", action="store_true", help="(always JSON; accepted for symmetry)")
    p.set_defaults(func=cmd_selftest)


def cmd_selftest(args: argparse.Namespace) -> int:
    import time

    t0 = time.perf_counter()
    from silverage.ui.shell.selftest import run_selftest

    result = run_selftest(args, started=t0)
    emit_json(result)
    return 0 if result.get("ok") else 4
