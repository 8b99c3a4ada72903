"""The Visits page on the demo roster: plan in one click, record by code, worklists, campaign, holidays."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from silverage.services import coverage, worklists
from silverage.services.context import ServiceContext
from silverage.ui.app_context import AppContext
from silverage.ui.visits_page import VisitsPage
from tests.conftest import TODAY

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
    page.plan_from.setDate(page.plan_from.date().__class__(2026, 12, 1))
    page.plan_to.setDate(page.plan_to.date().__class__(2026, 12, 31))
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.plan_button.isEnabled() and "已安排" in page.plan_summary.text(), timeout=30000
    )
    assert page.visit_model.rowCount() > 2000
    code = page.visit_model.rows[0][-1]
    page.tabs.setCurrentIndex(1)
    page.code_edit.setText(code.lower())
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    assert code in page.message.text() and page.visit_info.text()
    page.outcome_box.setCurrentIndex(page.outcome_box.findData("follow_up"))
    page.findings["safety"].setText("燃气管老化")
    page.fu_action.setText("联系燃气公司")
    page.fu_due.setDate(page.fu_due.date().__class__(2027, 1, 5))
    page.today = date(2026, 12, 31)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "已保存" in page.message.text()
    row = next(
        r
        for r in coverage.visits_between(page.app.services, date(2026, 12, 1), date(2026, 12, 31))
        if r.code == code
    )
    assert row.status == "done" and row.findings == {"safety": "燃气管老化"}
    page.code_edit.setText("ABCDEF")
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    assert "校验" in page.message.text() or "没有编号" in page.message.text()


def test_moving_onto_a_holiday_asks_first(qtbot, page: VisitsPage) -> None:  # noqa: ANN001
    from silverage.services import planning

    planning.plan_period(page.app.services, date(2026, 12, 1), date(2026, 12, 31))
    page.plan_from.setDate(page.plan_from.date().__class__(2026, 12, 1))
    page.refresh_plan()
    page.visit_view.selectRow(0)
    asked = []
    page.ask = lambda warnings: asked.append(warnings) or False  # type: ignore[method-assign]
    page.move_selected(date(2026, 12, 19), 0)  # a Saturday
    assert asked and any("不是工作日" in w.zh for w in asked[0])
    assert page.visit_model.rows[0][0] != "2026-12-19"


def test_worklists_campaign_rates_and_holidays(qtbot, page: VisitsPage) -> None:  # noqa: ANN001
    page.tabs.setCurrentIndex(2)
    overdue = worklists.overdue(page.app.services, TODAY)
    assert page.overdue_model.rowCount() == len(overdue) > 0
    assert page.overdue_model.rows[0][0].endswith("红") or overdue[0].level != "red"
    page.tabs.setCurrentIndex(3)
    page.camp_name.setText("寒潮关怀")
    page.create_campaign()
    assert page.camp_model.rowCount() == 1 and page.call_model.rowCount() > 0
    page.tabs.setCurrentIndex(4)
    assert page.rate_model.rowCount() == 8  # the demo's eight communities
    page.tabs.setCurrentIndex(5)
    page.holiday_year.setValue(2027)
    assert "2027年放假安排尚未公布" in page.holiday_note.text()
    page.holiday_day.setDate(page.holiday_day.date().__class__(2027, 2, 20))
    page.holiday_kind.setCurrentIndex(page.holiday_kind.findData("workday"))
    page.add_holiday()
    assert page.holiday_model.rowCount() == 1 and "录入的 1 天" in page.holiday_note.text()
