"""kill -9 at a random moment of a long write (re-assessing everyone, importing a roster): the
database afterwards passes ``check`` (audit chain included) and holds all of the action or none.

A handful of trials per action keeps the suite quick; the seed is printed so a failure replays.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.db.engine import open_database
from silverage.services import demo, integrity
from silverage.services.context import SYSTEM, ServiceContext
from tests.conftest import PG_URL

pytestmark = [
    pytest.mark.skipif(PG_URL is not None, reason="copies SQLite files"),
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL"),
]

TRIALS = 4


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kill9") / "demo.sqlite"
    ctx = ServiceContext(open_database(str(path)))
    demo.build_demo(ctx, elders=400)
    ctx.db.dispose()
    return path


def _counts(path: Path) -> tuple[int, int]:
    ctx = ServiceContext(open_database(str(path)), SYSTEM)
    try:
        report = integrity.check(ctx)
        assert not [p for p in report.problems if "审计" in p or "integrity" in p or "引用" in p], (
            report.problems
        )
        with ctx.read() as s:
            return (
                s.scalar(select(func.count()).select_from(m.Assessment)) or 0,
                s.scalar(select(func.count()).select_from(m.AuditEntry)) or 0,
            )
    finally:
        ctx.db.dispose()


def _run(path: Path, argv: list[str], kill_after: float | None) -> None:
    env = {**os.environ, "SILVERAGE_DB": str(path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "silverage", *argv], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    if kill_after is None:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        return
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_kill_nine_during_assess_leaves_all_or_nothing(template: Path, tmp_path: Path) -> None:
    argv = ["assess", "--all", "--user", "admin"]
    before = _counts(template)
    whole = tmp_path / "whole.sqlite"
    shutil.copyfile(template, whole)
    start = time.monotonic()
    _run(whole, argv, None)
    duration = time.monotonic() - start
    after = _counts(whole)
    assert after != before
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for trial in range(TRIALS):
        copy = tmp_path / f"t{trial}.sqlite"
        shutil.copyfile(template, copy)
        _run(copy, argv, rng.uniform(0.2, duration))
        assert _counts(copy) in (before, after), f"seed {seed}, trial {trial}"
