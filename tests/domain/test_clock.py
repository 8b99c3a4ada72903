"""The one clock: a pinned day is honoured everywhere, and nothing else reads the system clock."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import silverage
from silverage.domain.clock import SYSTEM_CLOCK, FixedClock
from silverage.domain.problems import UserError

SRC = Path(silverage.__file__).parent
# Calls that read the wall clock for a date or a time of day (perf_counter for durations is fine).
WALL_CLOCK = re.compile(r"\b(date\.today|datetime\.(now|today|utcnow)|time\.(time|localtime|strftime))\(")


def test_only_the_clock_module_reads_the_wall_clock():
    offenders = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in SRC.rglob("*.py")
        if path.name != "clock.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if WALL_CLOCK.search(line)
    ]
    assert offenders == []


def test_silverage_today_pins_the_day_but_not_the_time(monkeypatch):
    monkeypatch.setenv("SILVERAGE_TODAY", "2031-02-28")
    assert SYSTEM_CLOCK.today() == date(2031, 2, 28)
    assert SYSTEM_CLOCK.now().date() == date(2031, 2, 28)
    assert abs(SYSTEM_CLOCK.utcnow() - datetime(2031, 2, 28, 12)) <= timedelta(days=1)


def test_a_malformed_silverage_today_says_what_is_wrong(monkeypatch):
    monkeypatch.setenv("SILVERAGE_TODAY", "2031/2/30")
    with pytest.raises(UserError) as err:
        SYSTEM_CLOCK.today()
    assert "SILVERAGE_TODAY" in err.value.zh and "YYYY-MM-DD" in err.value.en


def test_a_fixed_clock_stands_still_until_moved():
    clock = FixedClock.on(date(2027, 1, 31))
    assert clock.today() == date(2027, 1, 31)
    clock.advance(timedelta(days=1))
    assert clock.today() == date(2027, 2, 1)
