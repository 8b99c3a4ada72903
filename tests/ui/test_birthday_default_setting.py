"""The office default birthday calendar, chosen on the settings page by a supervisor, decides which
date the dashboard lists for people whose own calendar is not recorded."""

from __future__ import annotations

from datetime import date

import pytest

from silverage.db import models as m
from silverage.domain.permissions import Role
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster import birthday_list, roster_query
from silverage.ui.dashboard.dashboard_page import DashboardPage
from silverage.ui.settings.settings_page import SettingsPage
from silverage.ui.shell.app_context import AppContext
from tests.services.standing_helpers import roster
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


def _supervisor_app(ctx: ServiceContext) -> AppContext:
    return AppContext.create(ServiceContext(ctx.db, Actor("duda", Role.SUPERVISOR, "王督导"), ctx.clock))


def _dashboard(qtbot, app: AppContext, ctx: ServiceContext) -> DashboardPage:  # noqa: ANN001
    page = DashboardPage(app)
    qtbot.addWidget(page)
    page.resize(1150, 800)
    page.set_rows(roster_query.list_elders(ctx, None, date(2026, 11, 26)))
    page.show()
    settle(qtbot, app)
    return page


def _birthday_rows(page: DashboardPage) -> list[list[str]]:
    model = page.birthday_model
    return [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]


def test_a_worker_sees_the_default_but_cannot_change_it(qtbot, ctx) -> None:  # noqa: ANN001
    page = SettingsPage(AppContext.create(ctx))
    qtbot.addWidget(page)
    assert not page.birthday_calendar.isEnabled()
    assert page.birthday_calendar.currentText() == "两个日子都列出，待问清"


def test_choosing_lunar_moves_the_not_recorded_to_their_lunar_date(qtbot, ctx) -> None:  # noqa: ANN001
    ids = roster(ctx, {"月河社区": ["green"]})["月河社区"]
    with ctx.transaction() as s:  # born 1946-11-18 = 农历十月廿五; calendar not recorded
        wang = s.get(m.Elder, ids[0])
        wang.name, wang.birth_date, wang.birthday_calendar = "王秀英", date(1946, 11, 18), None
    app = _supervisor_app(ctx)
    settings = SettingsPage(app)
    qtbot.addWidget(settings)
    box = settings.birthday_calendar
    assert box.isEnabled()
    box.setCurrentIndex(box.findData("lunar"))
    assert birthday_list.get_default_calendar(ctx) == "lunar"

    page = _dashboard(qtbot, app, ctx)
    assert _birthday_rows(page) == [
        ["2026-12-03", "王秀英", "80岁", "农历十月廿五"]
    ]  # one date, not "to be asked"


def test_choosing_nominal_ages_changes_whom_the_dashboard_lists(qtbot, ctx) -> None:  # noqa: ANN001
    ids = roster(ctx, {"月河社区": ["green", "green"]})["月河社区"]
    with ctx.transaction() as s:  # lunar birthdays: 十月廿五 1946 (周岁 80) and 1947 (虚岁 80)
        for eid, name, born in (
            (ids[0], "王秀英", date(1946, 11, 18)),
            (ids[1], "李桂兰", date(1947, 12, 7)),
        ):
            e = s.get(m.Elder, eid)
            e.name, e.birth_date, e.birthday_calendar = name, born, "lunar"
    app = _supervisor_app(ctx)
    page = _dashboard(qtbot, app, ctx)
    assert _birthday_rows(page) == [["2026-12-03", "王秀英", "80岁", "农历十月廿五"]]
    settings = SettingsPage(app)
    qtbot.addWidget(settings)
    assert settings.age_counting.isEnabled() and settings.age_counting.currentData() == "full"
    settings.age_counting.setCurrentIndex(settings.age_counting.findData("nominal"))
    assert birthday_list.get_age_counting(ctx) == "nominal"
    page.refresh()
    settle(qtbot, app)
    assert [r[1:3] for r in _birthday_rows(page)] == [["李桂兰", "虚岁80岁"]]
