"""``selftest``: open the GUI offscreen on the chosen database, wait for the roster, print timings."""

from __future__ import annotations

import argparse

from silverage.cli.output import emit_json


def _selftest_parser(p: argparse.ArgumentParser) -> None:
    p.set_defaults(func=cmd_selftest)  # always prints JSON; --json is accepted like everywhere


PARSERS = {"selftest": _selftest_parser}


def cmd_selftest(args: argparse.Namespace) -> int:
    import time

    t0 = time.perf_counter()
    from silverage.ui.shell.selftest import run_selftest

    result = run_selftest(args, started=t0)
    emit_json(result)
    return 0 if result.get("ok") else 4
