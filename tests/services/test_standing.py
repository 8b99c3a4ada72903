"""Where the office stands, on hand-built rosters: the 1st of a month, mid-month, per level and
community, the 817-community case grouped, and who is overdue (red first, phones masked)."""

from __future__ import annotations

from datetime import date

import pytest

from silverage.services.context import ServiceContext
from silverage.services.visits import coverage, standing
from tests.services.standing_helpers import roster, visited

pytestmark = pytest.mark.db


def _levels(month: standing.MonthStanding) -> dict[str, tuple[int, int, int, int]]:
    """level -> (required, due, reached, missed)"""
    return {r.key: (r.required, r.due, r.reached, r.missed) for r in month.by_level}


def test_on_the_first_last_month_is_in_full_and_nothing_is_due_yet(ctx: ServiceContext) -> None:
    ids = roster(ctx, {"月河社区": ["red", "yellow", "green"]})
    red, _yellow, green = ids["月河社区"]
    visited(ctx, red, date(2026, 11, 3), date(2026, 11, 10), date(2026, 11, 24))  # week 16-22 missed
    visited(ctx, green, date(2026, 11, 12))

    d = standing.dashboard_standing(ctx, date(2026, 12, 1))

    last = d.last_month
    assert (last.year, last.month, last.finished) == (2026, 11, True)
    # November: red 4 weeks (Mon 2 to Sun 29), yellow 2 fortnights, green the month.
    assert _levels(last) == {"red": (4, 4, 3, 1), "yellow": (2, 2, 0, 2), "green": (1, 1, 1, 0)}
    assert last.total.rate == round(4 / 7, 4)
    this = d.this_month
    assert (this.year, this.month, this.days_elapsed) == (2026, 12, 0)
    assert this.total.due == 0 and this.total.rate is None  # "nothing due yet", not 0 %
    assert this.total.missed == 0
    assert this.total.required == 5 + 2 + 1  # December: 5 red weeks, 2 fortnights, the month


def test_mid_month_the_target_is_what_is_due_so_far(ctx: ServiceContext) -> None:
    ids = roster(ctx, {"月河社区": ["red"] * 7 + ["yellow"] * 7 + ["green"] * 31})
    people = ids["月河社区"]
    reds, yellows, greens = people[:7], people[7:14], people[14:]
    for i, eid in enumerate(reds):
        days = [date(2026, 12, 3)] + ([] if i == 0 else [date(2026, 12, 8)])  # one missed week 7-13
        visited(ctx, eid, *days)
    visited(ctx, reds[1], date(2026, 12, 15))  # this week's visit, already made
    for eid in yellows:
        visited(ctx, eid, date(2026, 12, 5))
    for eid in greens[:10]:
        visited(ctx, eid, date(2026, 12, 9))
    visited(ctx, greens[10], date(2026, 12, 9), outcome="not_home")  # not reached: does not count

    month = standing.dashboard_standing(ctx, date(2026, 12, 16)).this_month

    # On Wednesday the 16th: red weeks 1-6 and 7-13 closed, 2 of the 7 days of 14-20 past;
    # yellow 1-13 closed, 2 of 14 days of 14-27 past; green 15 of 31 days past.
    assert _levels(month) == {
        "red": (35, 16, 14, 1),  # 7 x (2 + 2/7) due; 13 closed weeks met + 1 early
        "yellow": (14, 8, 7, 0),  # 7 x (1 + 2/14)
        "green": (31, 15, 10, 0),  # 31 x 15/31; the month is still open, nobody missed it yet
    }
    assert month.total.due == 39 and month.total.reached == 31
    assert month.total.rate == round(31 / 39, 4)
    assert month.days_elapsed == 15


def test_last_month_agrees_with_the_visit_rate_tab(ctx: ServiceContext) -> None:
    ids = roster(ctx, {"月河社区": ["red", "green"], "南门社区": ["yellow", None]})
    visited(ctx, ids["月河社区"][0], date(2026, 11, 4), date(2026, 11, 18))
    visited(ctx, ids["南门社区"][0], date(2026, 11, 6))
    visited(ctx, ids["南门社区"][1], date(2026, 11, 20))
    last = standing.dashboard_standing(ctx, date(2026, 12, 1)).last_month
    for by, rows in (("level", last.by_level), ("community", last.by_community)):
        rates = {r.key: (r.required, r.contacted) for r in coverage.monthly_rates(ctx, 2026, 11, by)}
        assert {r.key: (r.required, r.reached) for r in rows} == rates


def test_communities_furthest_behind_first_and_the_rest_as_others(ctx: ServiceContext) -> None:
    # 20 communities; community k has k+1 green people, of whom nobody was visited in November,
    # except in the biggest, where everyone was.
    names = [f"社区{k:02d}" for k in range(20)]
    ids = roster(ctx, {name: ["green"] * (k + 1) for k, name in enumerate(names)})
    for eid in ids["社区19"]:
        visited(ctx, eid, date(2026, 11, 10))

    d = standing.dashboard_standing(ctx, date(2026, 12, 1))
    rows = d.last_month.by_community
    assert [r.key for r in rows[:3]] == ["社区18", "社区17", "社区16"]  # most missed first
    assert rows[-1].key == "社区19" and rows[-1].rate == 1.0

    grouped = standing.group_communities(rows)
    assert len(grouped) == 16
    others = grouped[-1]
    assert (others.key, others.others) == (standing.OTHERS, 5)
    assert others.people == sum(r.people for r in rows[15:])
    assert sum(r.missed for r in grouped) == d.last_month.total.missed

    counts = standing.group_counts(d.people_by_community)
    assert [k for k, _, _ in counts[:2]] == ["社区19", "社区18"]  # largest first
    assert counts[-1] == (standing.OTHERS, 1 + 2 + 3 + 4 + 5, 5)
    assert sum(n for _, n, _ in counts) == sum(k + 1 for k in range(20))


def test_sixteen_communities_are_all_shown_by_name(ctx: ServiceContext) -> None:
    roster(ctx, {f"社区{k:02d}": ["green"] for k in range(16)})
    rows = standing.dashboard_standing(ctx, date(2026, 12, 1)).last_month.by_community
    assert standing.OTHERS not in {r.key for r in standing.group_communities(rows)}  # no "1 other"


def test_overdue_red_first_with_masked_phones(ctx: ServiceContext) -> None:
    ids = roster(ctx, {"月河社区": ["green", "red", "yellow", "red"]})
    green, red_a, yellow, red_b = ids["月河社区"]
    visited(ctx, green, date(2026, 9, 1))
    visited(ctx, red_a, date(2026, 11, 10))
    visited(ctx, yellow, date(2026, 11, 28))  # recent: not overdue
    # red_b was never contacted

    overdue = standing.dashboard_standing(ctx, date(2026, 12, 1)).overdue
    assert [(p.elder_id, p.level) for p in overdue] == [(red_b, "red"), (red_a, "red"), (green, "green")]
    assert {p.phone for p in overdue} == {"138****5678"}
    assert overdue[0].days_since is None and overdue[1].days_since == 21


def test_an_empty_database_has_nothing_due_and_no_error(ctx: ServiceContext) -> None:
    d = standing.dashboard_standing(ctx, date(2026, 12, 1))
    assert d.this_month.total.required == 0 and d.last_month.total.rate is None
    assert [r.key for r in d.this_month.by_level] == ["red", "yellow", "green"]
    assert d.this_month.by_community == [] and d.overdue == []


def test_a_visit_on_monday_the_30th_meets_the_week_of_the_1st(ctx: ServiceContext) -> None:
    # Week Mon 30 Nov - Sun 6 Dec belongs to December (its Thursday is the 3rd): a visit on the
    # 30th meets it, here and on the visit rate tab alike.
    red = roster(ctx, {"月河社区": ["red"]})["月河社区"][0]
    visited(ctx, red, date(2026, 11, 30), date(2026, 12, 7))
    month = standing.dashboard_standing(ctx, date(2026, 12, 16)).this_month
    assert (month.by_level[0].reached, month.by_level[0].missed) == (2, 0)
    tab = {r.key: r for r in coverage.monthly_rates(ctx, 2026, 12, "level")}
    assert tab["red"].contacted == 2


def test_the_last_week_running_into_the_next_month_is_due_but_not_missed_yet(ctx: ServiceContext) -> None:
    # December's last week is Mon 28 Dec - Sun 3 Jan (Thursday the 31st): on 1 January it is
    # still open, so nobody has missed it yet, though it counts as due.
    roster(ctx, {"月河社区": ["red"]})
    last = standing.dashboard_standing(ctx, date(2027, 1, 1)).last_month
    red = last.by_level[0]
    assert (red.required, red.due, red.missed) == (5, 5, 4)
