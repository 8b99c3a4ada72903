"""The Visits page on the demo roster: plan in one click, record by code, worklists, campaign, holidays."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt

from silverage.domain.enums import Role
from silverage.services.context import Actor, ServiceContext
from silverage.services.visits import coverage, visits, worklists
from silverage.ui.shell.app_context import AppContext
from silverage.ui.visits.visits_page import VisitsPage
from tests.conftest import TODAY
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


@pytest.fixture
def page(qtbot, demo_ctx: ServiceContext):  # noqa: ANN001, ANN201
    app = AppContext.create(demo_ctx)
    p = VisitsPage(app)
    p.today = TODAY
    qtbot.addWidget(p)
    p.resize(1200, 720)
    p.show()
    yield p
    app.runner.wait()


def test_plan_next_month_in_one_click_then_record_by_code(qtbot, page: VisitsPage) -> None:  # noqa: ANN001
    page.plan.plan_from.setDate(page.plan.plan_from.date().__class__(2026, 12, 1))
    page.plan.plan_to.setDate(page.plan.plan_to.date().__class__(2026, 12, 31))
    qtbot.mouseClick(page.plan.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.plan.plan_button.isEnabled() and "已安排" in page.plan.plan_summary.text(), timeout=30000
    )
    assert page.plan.visit_model.rowCount() > 2000
    assert re.search(r"服务需求：安排 \d+ 项服务（其中上门服务 [1-9]\d* 次", page.plan.plan_summary.text())
    code = page.plan.visit_model.rows[0][-1]
    page.tabs.setCurrentIndex(1)
    page.record.code_edit.setText(code.lower())
    qtbot.keyClick(page.record.code_edit, Qt.Key.Key_Return)
    assert code in page.message.text() and page.record.visit_info.text()
    page.record.outcome_box.setCurrentIndex(page.record.outcome_box.findData("follow_up"))
    page.record.findings["safety"].setText("燃气管老化")
    page.record.fu_action.setText("联系燃气公司")
    page.record.fu_due.setDate(page.record.fu_due.date().__class__(2027, 1, 5))
    qtbot.mouseClick(page.record.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.app)
    # December's visit entered today (the form's default date): saved, and said to be early.
    assert "已保存" in page.message.text() and "不在这次探访的时间窗" in page.message.text()
    row = visits.find_visit(page.app.services, code)
    assert row.status == "done" and row.findings == {"safety": "燃气管老化"}
    assert row.visited_at is not None and row.visited_at.date() == TODAY
    page.record.code_edit.setText("ABCDEF")
    qtbot.keyClick(page.record.code_edit, Qt.Key.Key_Return)
    assert "校验" in page.message.text() or "没有编号" in page.message.text()


def test_moving_onto_a_holiday_asks_first(qtbot, page: VisitsPage) -> None:  # noqa: ANN001
    from silverage.services.visits import planning

    planning.plan_period(page.app.services, date(2026, 12, 1), date(2026, 12, 31))
    page.plan.plan_from.setDate(page.plan.plan_from.date().__class__(2026, 12, 1))
    page.plan.refresh()
    page.plan.visit_view.selectRow(0)
    asked = []
    page.ask = lambda warnings: asked.append(warnings) or False  # type: ignore[method-assign]
    page.plan.move_selected(date(2026, 12, 19), 0)  # a Saturday
    settle(qtbot, page.app)
    assert asked and any("不是工作日" in w.zh for w in asked[0])
    assert page.plan.visit_model.rows[0][0] != "2026-12-19"


def test_worklists_campaign_rates_and_holidays(qtbot, page: VisitsPage) -> None:  # noqa: ANN001
    page.tabs.setCurrentIndex(2)
    overdue = worklists.overdue(page.app.services, TODAY)
    assert page.work.overdue_model.rowCount() == len(overdue) > 0
    assert page.work.overdue_model.rows[0][0].endswith("红") or overdue[0].level != "red"
    page.tabs.setCurrentIndex(3)
    page.campaigns.camp_name.setText("寒潮关怀")
    page.campaigns.create_campaign()
    settle(qtbot, page.app)
    assert page.campaigns.camp_model.rowCount() == 1 and page.campaigns.call_model.rowCount() > 0
    page.tabs.setCurrentIndex(4)
    assert page.coverage.rate_model.rowCount() == 8  # the demo's eight communities
    page.tabs.setCurrentIndex(5)
    page.app.services.actor = Actor("duda", Role.SUPERVISOR, "王督导")  # the holiday table is a supervisor's
    page.holidays.holiday_year.setValue(2027)
    assert "2027年放假安排尚未公布" in page.holidays.holiday_note.text()
    page.holidays.holiday_day.setDate(page.holidays.holiday_day.date().__class__(2027, 2, 20))
    page.holidays.holiday_kind.setCurrentIndex(page.holidays.holiday_kind.findData("workday"))
    page.holidays.add_holiday()
    settle(qtbot, page.app)
    rows = page.holidays.holiday_model.rows
    assert (
        "2027-02-20",
        "周六",
        "调休上班",
        "",
        "本办录入",
    ) in rows and "录入的 1 天" in page.holidays.holiday_note.text()


def test_a_supervisor_confirms_the_predicted_spring_festival_in_the_table(qtbot, page: VisitsPage) -> None:  # noqa: ANN001
    tab = page.holidays
    page.tabs.setCurrentWidget(tab)
    tab.holiday_year.setValue(2027)
    spring = [r for r in tab.holiday_model.rows if r[3] == "春节"]
    assert [r[0] for r in spring] == [f"2027-02-{d:02d}" for d in range(5, 13)]
    assert all(r[4] == "预测" for r in spring) and "预测放假：" in tab.holiday_note.text()
    assert not tab.edit_widgets[2].isEnabled()  # a community worker sees the table, cannot confirm it
    page.app.services.actor = Actor("duda", Role.SUPERVISOR, "王督导")
    tab.refresh()
    tab.holiday_view.selectRow(tab.holiday_model.rows.index(spring[3]))
    tab.confirm_predicted()
    settle(qtbot, page.app)
    spring = [r for r in tab.holiday_model.rows if r[3] == "春节"]
    assert len(spring) == 8 and all(r[4] == "本办录入" for r in spring)
    assert "春节 2月5日" not in tab.holiday_note.text()  # no longer named as predicted


def test_week_calendar_shows_a_volunteers_visits_by_half_day(qtbot, page: VisitsPage) -> None:  # noqa: ANN001
    from silverage.services.visits import planning

    planning.plan_period(page.app.services, date(2026, 12, 1), date(2026, 12, 31))
    page.plan.plan_from.setDate(page.plan.plan_from.date().__class__(2026, 12, 1))
    page.plan.refresh()
    page.plan.volunteer_box.setCurrentIndex(1)
    vid = page.plan.volunteer_box.currentData()
    qtbot.mouseClick(page.plan.week_button, Qt.MouseButton.LeftButton)
    assert page.plan.stack.currentWidget() is page.plan.week_view
    week = coverage.visits_between(page.app.services, date(2026, 11, 30), date(2026, 12, 6), vid)
    assert week, "the first volunteer has visits in the first week of December"
    v = week[0]
    cell = page.plan.week_view.item(v.half_day, (v.planned_date - date(2026, 11, 30)).days).text()
    assert v.elder_name in cell
    assert "12-01" in page.plan.week_view.horizontalHeaderItem(1).text()
    qtbot.mouseClick(page.plan.next_week, Qt.MouseButton.LeftButton)
    assert page.plan.week_label.text().startswith("2026-12-07")


def test_policy_editor_saves_for_a_supervisor_only(qtbot, ctx: ServiceContext, supervisor_ctx) -> None:  # noqa: ANN001
    from silverage.services.visits import visit_settings
    from silverage.ui.visits.visit_policy_dialog import VisitPolicyDialog, open_policy_dialog

    seen = VisitPolicyDialog(AppContext.create(ctx))
    qtbot.addWidget(seen)
    assert not seen.save_button.isEnabled() and not seen.phone["red"].isEnabled()
    assert seen.home["red"].currentData() == "week" and seen.phone["red"].value() == 2
    seen.phone["red"].setValue(5)
    seen.save()
    settle(qtbot, seen.app)
    assert "督导" in seen.note.text()  # the service refuses too
    boss = AppContext.create(supervisor_ctx)
    dialog = open_policy_dialog(boss)
    qtbot.addWidget(dialog)
    dialog.home["yellow"].setCurrentIndex(dialog.home["yellow"].findData("week"))
    dialog.phone["green"].setValue(1)
    dialog.save()
    settle(qtbot, boss)
    assert "已保存" in dialog.note.text()
    policy = visit_settings.get_policy(supervisor_ctx)
    assert policy.yellow.home == "week" and policy.green.phone_per_week == 1
    # qtbot closes it at teardown: closing it here too (it deletes itself on close) raced the
    # teardown, which then closed a deleted object


def test_policy_button_opens_the_editor(qtbot, page: VisitsPage) -> None:  # noqa: ANN001
    from silverage.ui.visits.visit_policy_dialog import VisitPolicyDialog

    qtbot.mouseClick(page.policy_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(VisitPolicyDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.save_button.isEnabled()  # the demo user is a community worker
    dialog.close()
