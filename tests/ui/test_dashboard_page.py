"""The dashboard as a supervisor sees it: loading, then the month to date beside last month; on
the 1st nothing reads as an alarm; many communities become 15 bars and 其他."""

from __future__ import annotations

from datetime import date

import pytest

from silverage.services.context import ServiceContext
from silverage.ui.dashboard.dashboard_page import DashboardPage
from silverage.ui.shell.app_context import AppContext
from tests.services.standing_helpers import roster, visited
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


@pytest.fixture
def app(ctx: ServiceContext) -> AppContext:
    return AppContext.create(ctx)


def _page(qtbot, app: AppContext) -> DashboardPage:  # noqa: ANN001
    page = DashboardPage(app)
    qtbot.addWidget(page)
    page.resize(1150, 800)
    return page


def test_the_first_of_the_month_shows_last_month_and_no_alarm(qtbot, app, ctx, monkeypatch) -> None:
    monkeypatch.setenv("SILVERAGE_TODAY", "2026-12-01")
    ids = roster(ctx, {"月河社区": ["red", "yellow", "green"]})
    red, _yellow, green = ids["月河社区"]
    visited(ctx, red, date(2026, 11, 3), date(2026, 11, 10), date(2026, 11, 24))
    visited(ctx, green, date(2026, 11, 12))
    page = _page(qtbot, app)

    page.show()  # the page fills on the worker: first it says so
    assert page.loading_label.isVisible()
    assert page.figures is None
    settle(qtbot, app)

    assert not page.loading_label.isVisible()
    box = page.standing_box
    assert "还没有到期的探访" in box.headline.text()
    assert "上月全月：应探访 7 次，完成 4 次（57%），错过 3 次" in box.headline.text()
    this_red, last_red = box.this_level.bars[0], box.last_level.bars[0]
    assert "0%" not in this_red.text and "尚无到期" in this_red.text
    assert last_red.text == "75%（3/4，错过 1）"
    assert "2026年11月" in box.last_title.text()
    assert page.overdue_model.rowCount() == 1  # the yellow person, never contacted
    assert page.overdue_model.rows[0][2] == "138****5678"


def test_mid_month_shows_the_share_due_so_far(qtbot, app, ctx, monkeypatch) -> None:
    monkeypatch.setenv("SILVERAGE_TODAY", "2026-12-16")
    greens = roster(ctx, {"月河社区": ["green"] * 31})["月河社区"]
    for eid in greens[:12]:
        visited(ctx, eid, date(2026, 12, 9))
    page = _page(qtbot, app)
    page.show()
    settle(qtbot, app)
    green = page.standing_box.this_level.bars[2]
    assert green.text == "80%（12/15）"  # 15 of 31 days past: 15 due, 12 reached, nothing missed yet
    assert "应完成 15 次，已完成 12 次（80%），已错过 0 次" in page.standing_box.headline.text()


def test_many_communities_become_fifteen_bars_and_others(qtbot, app, ctx, monkeypatch) -> None:
    monkeypatch.setenv("SILVERAGE_TODAY", "2026-12-01")
    roster(ctx, {f"社区{k:02d}": ["green"] * (k + 1) for k in range(40)})
    page = _page(qtbot, app)
    page.show()
    settle(qtbot, app)
    people = page.community_chart.bars
    assert len(people) == 16 and people[0].label == "社区39"
    assert people[-1].label == "其他 25 个社区" and people[-1].value == sum(range(1, 26))
    for chart in (page.standing_box.this_community, page.standing_box.last_community):
        assert len(chart.bars) == 16 and chart.bars[-1].label == "其他 25 个社区"
    assert "15" in page.community_box.title()


def test_a_change_while_the_figures_are_read_is_read_again(qtbot, app, ctx, monkeypatch) -> None:
    monkeypatch.setenv("SILVERAGE_TODAY", "2026-12-01")
    ids = roster(ctx, {"月河社区": ["red"]})
    page = _page(qtbot, app)
    page.show()
    visited(ctx, ids["月河社区"][0], date(2026, 11, 3))
    page.refresh()  # arrives while the first read runs: one more read follows it
    settle(qtbot, app)
    assert page.standing_box.last_level.bars[0].text == "25%（1/4，错过 3）"
    assert not page.loading and not page.loading_label.isVisible()


def test_an_empty_database_says_what_to_do(qtbot, app) -> None:
    page = _page(qtbot, app)
    page.show()
    settle(qtbot, app)
    assert "导入花名册" in page.standing_box.headline.text()
    assert page.community_chart.bars == [] and page.overdue_model.rowCount() == 0


def test_a_lunar_80th_is_on_the_birthday_list_with_its_lunar_date(qtbot, app, ctx, monkeypatch) -> None:
    from silverage.db import models as m
    from silverage.services.roster import roster_query

    ids = roster(ctx, {"月河社区": ["green", "green"]})["月河社区"]
    with ctx.transaction() as s:  # 陈爱珍 celebrates 农历十月廿五; the other's calendar is not recorded
        chen = s.get(m.Elder, ids[0])
        chen.name, chen.birth_date, chen.birthday_calendar = "陈爱珍", date(1946, 11, 18), "lunar"
        other = s.get(m.Elder, ids[1])
        other.name, other.birth_date = "王秀英", date(1946, 12, 20)
    page = _page(qtbot, app)
    page.set_rows(roster_query.list_elders(ctx, None, date(2026, 11, 26)))
    page.show()
    settle(qtbot, app)
    model = page.birthday_model
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert ["2026-12-03", "陈爱珍", "80岁", "农历十月廿五"] in rows
    # Not recorded: both of 王秀英's birthdays are listed and say the calendar is to be asked.
    wang = [r for r in rows if r[1] == "王秀英"]
    assert {r[3].split("（")[0][:2] for r in wang} == {"公历", "农历"}
    assert all("未登记历法" in r[3] for r in wang)
