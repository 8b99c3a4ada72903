"""The prediction rules scored day by day against the State Council notices for 2025 and 2026.

Published days: 国务院办公厅关于2025年部分节假日安排的通知 and 关于2026年部分节假日安排的通知, as
chinesecalendar carries them (its ``holidays`` and ``workdays`` tables).
Each year is scored as if its notice were not out: which published days off the rules would have
predicted (hits), which they would have missed, and which predicted days off were in fact worked
(false). ``python -m tests.domain.test_holiday_forecast_hits`` prints the table for the notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar
import pytest

from silverage.domain.holiday_forecast import is_predicted_working_day, predicted_days


@dataclass(frozen=True)
class Score:
    year: int
    published: int  # days off in the notice (weekend days inside a break included)
    hits: int
    missed: tuple[date, ...]
    false: tuple[date, ...]  # predicted off, but a working day in the notice
    agree: int  # days whose working/not-working the rules got right
    days: int
    makeup: int  # 调休 working weekend days, which the rules never assume

    def line(self) -> str:
        return (
            f"prediction vs published {self.year}: {self.hits} of {self.published} holiday days, "
            f"{len(self.false)} false, missed {[d.isoformat() for d in self.missed]}; "
            f"working days right on {self.agree} of {self.days} days "
            f"(the other {self.days - self.agree}: {self.makeup} make-up working weekends)"
        )


def score(year: int) -> Score:
    published = {d for d in chinese_calendar.holidays if d.year == year}
    predicted = set(predicted_days(year))
    days = [date(year, 1, 1) + timedelta(n) for n in range((date(year + 1, 1, 1) - date(year, 1, 1)).days)]
    return Score(
        year,
        len(published),
        len(published & predicted),
        tuple(sorted(published - predicted)),
        tuple(sorted(d for d in predicted - published if chinese_calendar.is_workday(d))),
        sum(chinese_calendar.is_workday(d) == is_predicted_working_day(d) for d in days),
        len(days),
        sum(1 for d in chinese_calendar.workdays if d.year == year),
    )


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_rules_would_have_predicted_the_notice_day_by_day(year, capsys):
    s = score(year)
    with capsys.disabled():
        print("\n" + s.line())
    assert s.false == ()  # never a day off that the office in fact worked
    assert all(d.weekday() >= 5 for d in s.missed)  # a missed day off is a weekend: no visit lands on it
    assert s.hits / s.published >= 0.9
    assert s.days - s.agree == s.makeup  # every other disagreement is a 调休 Saturday or Sunday


if __name__ == "__main__":
    for y in (2025, 2026):
        print(score(y).line())
