"""kill -9 at a random moment of a long write (re-assessing everyone, importing a complete roster,
planning a month, a bulk micro-grid move): the database afterwards passes ``check`` (audit chain
included) and holds all of the action or none.

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
from datetime import timedelta
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
COUNTED = (m.Elder, m.Assessment, m.AuditEntry, m.Visit)
FILE_PASSWORD = "Kill-nine-pw-1"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kill9") / "demo.sqlite"
    ctx = ServiceContext(open_database(str(path)))
    demo.build_demo(ctx, elders=400)
    ctx.db.dispose()
    return path


def _counts(path: Path) -> tuple[int, ...]:
    """What each action changes: people, assessments, audit rows, visits, people in the first
    micro-grid (where the bulk move puts everyone)."""
    ctx = ServiceContext(open_database(str(path)), SYSTEM)
    try:
        report = integrity.check(ctx)
        assert not [p for p in report.problems if "审计" in p or "integrity" in p or "引用" in p], (
            report.problems
        )
        with ctx.read() as s:
            first = s.scalar(select(func.min(m.MicroGrid.id)))
            return (
                *(s.scalar(select(func.count()).select_from(t)) or 0 for t in COUNTED),
                s.scalar(select(func.count()).where(m.Elder.micro_grid_id == first)) or 0,
            )
    finally:
        ctx.db.dispose()


def _run(path: Path, argv: list[str], kill_after: float | None) -> None:
    """``argv`` of ``silverage`` (or of a script, when it starts with a .py file)."""
    env = {
        **os.environ,
        "SILVERAGE_DB": str(path),
        "SILVERAGE_EXPORT_PASSWORD": FILE_PASSWORD,
        "SILVERAGE_IMPORT_PASSWORD": FILE_PASSWORD,
    }
    head = [] if argv[0].endswith(".py") else ["-m", "silverage"]
    proc = subprocess.Popen(
        [sys.executable, *head, *argv], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    if kill_after is None:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        return
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def _trials(template: Path, tmp_path: Path, argv: list[str], trials: int = TRIALS) -> None:
    """Run the action whole once (to know "after" and how long it takes), then kill it at random
    moments on fresh copies: each copy must hold "before" or "after", nothing between."""
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
    for trial in range(trials):
        copy = tmp_path / f"t{trial}.sqlite"
        shutil.copyfile(template, copy)
        # The first third is mostly the interpreter starting: kill where the work is.
        _run(copy, argv, rng.uniform(duration / 3, duration))
        assert _counts(copy) in (before, after), f"seed {seed}, trial {trial}"


def test_kill_nine_during_assess_leaves_all_or_nothing(template: Path, tmp_path: Path) -> None:
    _trials(template, tmp_path, ["assess", "--all", "--user", "admin"])


@pytest.fixture(scope="module")
def workbook(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's complete export (encrypted, as it always is)."""
    out = tmp_path_factory.mktemp("kill9-export") / "complete.xlsx"
    _run(template, ["export", "roster", str(out), "--complete", "--user", "admin"], None)
    return out


def test_kill_nine_during_import_leaves_all_or_nothing(
    workbook: Path, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    # Another demo subdistrict (same places, other people): the import adds every row.
    other = tmp_path_factory.mktemp("kill9-other") / "other.sqlite"
    ctx = ServiceContext(open_database(str(other)))
    demo.build_demo(ctx, elders=200, seed=7)
    ctx.db.dispose()
    _trials(other, tmp_path, ["import", str(workbook), "--user", "admin"], trials=2)


def test_kill_nine_during_plan_leaves_all_or_nothing(template: Path, tmp_path: Path) -> None:
    ctx = ServiceContext(open_database(str(template)))
    monday = ctx.clock.today() + timedelta(days=7 - ctx.clock.today().weekday())
    ctx.db.dispose()
    end = monday + timedelta(days=13)
    _trials(template, tmp_path, ["plan", "--from", str(monday), "--to", str(end), "--user", "admin"])


def test_kill_nine_during_a_bulk_move_leaves_all_or_nothing(template: Path, tmp_path: Path) -> None:
    _trials(template, tmp_path, [str(Path(__file__).with_name("bulk_move.py"))])
