"""The one place that reads the system clock.

Every service, job, report and view asks a ``Clock`` for "today" and "now" (the service context
and the app context carry one), so a test, a demo or a benchmark can pin the day and get the same
answers on any machine and any date.

``SILVERAGE_TODAY=YYYY-MM-DD`` pins the system clock's date (the time of day still moves), which
makes the demo roster, its care levels and the README's figures reproducible exactly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from silverage.domain.problems import UserError

ENV_TODAY = "SILVERAGE_TODAY"


def _pinned_day() -> date | None:
    raw = os.environ.get(ENV_TODAY, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise UserError(
            f"环境变量 {ENV_TODAY} 应为 YYYY-MM-DD 格式的日期，现在是“{raw}”",
            f"{ENV_TODAY} must be a date as YYYY-MM-DD, not {raw!r}",
        ) from None


class Clock:
    """The wall clock, or the day ``SILVERAGE_TODAY`` names (read at every call)."""

    def now(self) -> datetime:
        """Local time, timezone-naive (what a person reads on the office clock)."""
        real = datetime.now()
        pinned = _pinned_day()
        return real if pinned is None else datetime.combine(pinned, real.time())

    def today(self) -> date:
        return self.now().date()

    def utcnow(self) -> datetime:
        """Timezone-naive UTC: what the database stores."""
        real = datetime.now(UTC)
        pinned = _pinned_day()
        if pinned is not None:
            local = datetime.combine(pinned, datetime.now().time()).astimezone()
            real = local.astimezone(UTC)
        return real.replace(tzinfo=None)


@dataclass
class FixedClock(Clock):
    """A clock that stands still at ``at`` (local time) until told to move: for tests."""

    at: datetime

    @classmethod
    def on(cls, day: date, at: time = time(9, 0)) -> FixedClock:
        return cls(datetime.combine(day, at))

    def now(self) -> datetime:
        return self.at

    def utcnow(self) -> datetime:
        return self.at.astimezone().astimezone(UTC).replace(tzinfo=None)

    def advance(self, delta: timedelta) -> None:
        self.at += delta


SYSTEM_CLOCK = Clock()
