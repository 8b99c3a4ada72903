"""How quickly the command line answers: ``--version``, ``--help`` and a sub-command's ``--help``
against a bare ``python -c pass``, each a fresh process.

Usage: python benchmarks/bench_cli.py [--runs 15]
Prints the median wall time of each command, its ratio to ``python -c pass``, and which heavy
libraries the process imported (none should be, except for commands whose help needs them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

HEAVY = ("sqlalchemy", "ortools", "numpy", "openpyxl", "PySide6", "reportlab")


def silverage_script() -> list[str]:
    """The installed ``silverage`` console script beside this interpreter (not a pyenv shim)."""
    name = "silverage.exe" if os.name == "nt" else "silverage"
    script = Path(sysconfig.get_path("scripts")) / name
    if script.exists():
        return [str(script)]
    found = shutil.which("silverage")
    return [found] if found else [sys.executable, "-m", "silverage"]


def median_ms(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    subprocess.run(cmd, capture_output=True, env=env, check=True)  # warm the file cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def heavy_imports(cmd: list[str], env: dict[str, str]) -> list[str]:
    """Top-level packages among HEAVY that the process imported (``-X importtime`` via its env var)."""
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(env, PYTHONPROFILEIMPORTTIME="1"))
    seen = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:"):
            seen.add(line.rsplit("|", 1)[-1].strip().split(".")[0])
    return [h for h in HEAVY if h in seen]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    home = tempfile.mkdtemp(prefix="silverage-bench-cli-")
    env = dict(os.environ, SILVERAGE_HOME=home)
    silverage = silverage_script()
    cases = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("silverage --version", [*silverage, "--version"]),
        ("silverage --help", [*silverage, "--help"]),
        ("silverage list elders --help", [*silverage, "list", "elders", "--help"]),
        ("silverage record --help", [*silverage, "record", "--help"]),
        ("python -m silverage --version", [sys.executable, "-m", "silverage", "--version"]),
    ]
    print(f"{args.runs} runs each, median; silverage = {' '.join(silverage)}")
    print(f"{'command':<32} {'ms':>7} {'× pass':>7}  heavy imports")
    base = None
    for label, cmd in cases:
        ms = median_ms(cmd, args.runs, env)
        base = base or ms
        heavy = ", ".join(heavy_imports(cmd, env)) or "none"
        print(f"{label:<32} {ms:7.1f} {ms / base:7.1f}  {heavy}")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
