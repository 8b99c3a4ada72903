"""Rotation keeps 7 daily, 4 weekly and 12 monthly backups, on dates alone."""

from __future__ import annotations

from datetime import datetime, timedelta

from silverage.domain.backup_rotation import keep, to_delete


def _daily_for(days: int, end: datetime = datetime(2026, 11, 26, 18, 0)) -> list[datetime]:
    return [end - timedelta(days=n) for n in range(days)]


def test_a_year_of_daily_backups_keeps_seven_days_four_weeks_twelve_months() -> None:
    times = _daily_for(400)
    kept = keep(times)
    kinds = [k.kind for k in kept.values()]
    assert kinds.count("daily") == 7
    # The newest of each of the last 4 ISO weeks; this week's and last week's newest are already daily.
    assert 2 <= kinds.count("weekly") <= 4
    # The 12 most recent months each still have one backup to go back to.
    months = {(t.year, t.month) for t in kept}
    for back in range(12):
        y, mo = divmod(2026 * 12 + 10 - back, 12)
        assert (y, mo + 1) in months
    assert len(kept) <= 7 + 4 + 12
    assert len(to_delete(times)) == len(times) - len(kept)


def test_the_last_seven_days_are_each_kept() -> None:
    times = _daily_for(30)
    kept = keep(times)
    for n in range(7):
        assert datetime(2026, 11, 26 - n, 18, 0) in kept
        assert kept[datetime(2026, 11, 26 - n, 18, 0)].kind == "daily"
    assert datetime(2026, 11, 19, 18, 0) not in kept or kept[datetime(2026, 11, 19, 18, 0)].kind != "daily"


def test_several_backups_a_day_keep_the_newest_of_the_day() -> None:
    day = datetime(2026, 11, 26)
    times = [day.replace(hour=h) for h in (9, 12, 17)]
    assert set(keep(times)) == {day.replace(hour=17)}
    assert to_delete(times) == [day.replace(hour=9), day.replace(hour=12)]


def test_a_pc_left_off_for_a_month_keeps_its_last_seven_backup_days() -> None:
    """Days with a backup count, not calendar days: a holiday does not empty the history."""
    before_holiday = _daily_for(10, datetime(2026, 9, 30, 18, 0))
    after = [datetime(2026, 11, 26, 18, 0)]
    kept = keep(before_holiday + after)
    assert sum(1 for k in kept.values() if k.kind == "daily") == 7
    assert datetime(2026, 9, 25, 18, 0) in kept


def test_week_and_month_keepers_are_the_newest_of_their_period() -> None:
    times = _daily_for(120)
    kept = keep(times)
    monthly = sorted(t for t, k in kept.items() if k.kind == "monthly")
    assert monthly, "older months are kept as monthly backups"
    for t in monthly:  # the last day of its month that had a backup
        assert (t + timedelta(days=1)).month != t.month


def test_nothing_to_keep_or_delete_when_there_are_no_backups() -> None:
    assert keep([]) == {}
    assert to_delete([]) == []
