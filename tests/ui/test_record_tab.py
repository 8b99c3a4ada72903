"""The record form as a worker types into it: a real date, and nothing the user picked is lost."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from silverage.db import models as m
from silverage.services.context import ServiceContext
from silverage.services.visits import visits
from silverage.ui.shell.app_context import AppContext
from silverage.ui.visits.visits_page import VisitsPage
from tests.conftest import TODAY
from tests.services.visit_helpers import one_visit, second_visit
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


@pytest.fixture
def page(qtbot, ctx: ServiceContext):  # noqa: ANN001, ANN201
    app = AppContext.create(ctx)
    p = VisitsPage(app)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    p.tabs.setCurrentWidget(p.record)
    yield p
    app.runner.wait()


def _open(qtbot, page: VisitsPage, code: str) -> None:  # noqa: ANN001
    page.record.code_edit.setText(code.lower())
    qtbot.keyClick(page.record.code_edit, Qt.Key.Key_Return)


def _pick(qtbot, page: VisitsPage, outcome: str) -> None:  # noqa: ANN001
    """Choose an outcome with the keyboard, as a user does (Down from the first item)."""
    box = page.record.outcome_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    while box.currentData() != outcome:
        qtbot.keyClick(box, Qt.Key.Key_Down)


def _stored(ctx: ServiceContext, code: str) -> m.Visit:
    with ctx.read() as s:
        v = s.scalar(select(m.Visit).where(m.Visit.code == code))
        s.expunge(v)
        return v


def test_the_visit_date_defaults_to_today_and_ctrl_enter_saves(qtbot, page: VisitsPage, ctx) -> None:  # noqa: ANN001
    code = one_visit(ctx, date(2026, 12, 7), date(2026, 12, 7), date(2026, 12, 11))
    rec = page.record
    assert rec.date_box.pydate() == TODAY
    _open(qtbot, page, code)
    assert rec.date_box.pydate() == TODAY and "时间窗 2026-12-07 至 2026-12-11" in rec.visit_info.text()
    assert "不在时间窗" in rec.date_hint.text()  # planned for next week, entered today: said before saving
    rec.date_box.setDate(date(2026, 11, 27))
    assert "晚于今天" in rec.date_hint.text()
    rec.date_box.setDate(TODAY)
    qtbot.keyClick(rec.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.app)
    assert "已保存" in page.message.text() and "不在这次探访的时间窗" in page.message.text()
    assert _stored(ctx, code).visited_at == datetime.combine(TODAY, datetime.min.time())
    assert rec.date_box.pydate() == TODAY and rec.code_edit.text() == ""


def test_opening_a_code_never_resets_what_the_user_picked(qtbot, page: VisitsPage, ctx) -> None:  # noqa: ANN001
    done = one_visit(ctx, date(2026, 11, 25), date(2026, 11, 23), date(2026, 11, 27))
    visits.record_visit(ctx, done, "well", visited_on=date(2026, 11, 24), findings={"health": "血压偏高"})
    fresh = second_visit(ctx)
    rec = page.record
    _open(qtbot, page, fresh)
    _pick(qtbot, page, "not_home")
    qtbot.keyClicks(rec.findings["safety"], "gas leak")  # typed (QTest types ASCII only)
    _open(qtbot, page, fresh)  # entered again
    assert rec.outcome_box.currentData() == "not_home" and rec.findings["safety"].text() == "gas leak"
    _open(qtbot, page, done)  # a done visit: what is on file is shown beside, not over the pick
    assert rec.stored_info.isVisible() and rec.correct_check.isVisible()
    assert "已于 2026-11-24 录入为“已探访，情况良好”" in rec.stored_info.text()
    assert "血压偏高" in rec.stored_info.text() and rec.findings["health"].text() == ""
    assert rec.outcome_box.currentData() == "not_home" and rec.findings["safety"].text() == "gas leak"


def test_a_done_visit_changes_only_through_correct(qtbot, page: VisitsPage, ctx) -> None:  # noqa: ANN001
    code = one_visit(ctx, date(2026, 11, 25), date(2026, 11, 23), date(2026, 11, 27))
    visits.record_visit(ctx, code, "well", visited_on=date(2026, 11, 24), findings={"health": "血压偏高"})
    rec = page.record
    _open(qtbot, page, code)
    _pick(qtbot, page, "follow_up")
    qtbot.mouseClick(rec.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.app)
    assert "如需更正" in page.message.text() and _stored(ctx, code).outcome == "well"
    rec.correct_check.click()
    # The untouched fields start from what is on file; the pick stays the user's.
    assert rec.findings["health"].text() == "血压偏高" and rec.date_box.pydate() == date(2026, 11, 24)
    assert rec.outcome_box.currentData() == "follow_up" and rec.save_button.text() == "保存更正"
    qtbot.mouseClick(rec.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.app)
    assert "更正了原先录入的结果：已探访，情况良好" in page.message.text()
    v = _stored(ctx, code)
    assert v.outcome == "follow_up" and v.findings == {"health": "血压偏高"}
    assert v.visited_at == datetime(2026, 11, 24)


def test_the_services_given_and_the_minutes_are_saved_from_the_form(qtbot, page: VisitsPage, ctx) -> None:  # noqa: ANN001
    code = one_visit(ctx, date(2026, 11, 26), date(2026, 11, 23), date(2026, 11, 27))
    _open(qtbot, page, code)
    form = page.record
    assert set(form.service_boxes) >= {"助浴", "代购"} and form.minutes_box.value() == 0
    form.service_boxes["助浴"].setChecked(True)
    form.minutes_box.setFocus()
    form.minutes_box.setValue(40)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.app)
    stored = visits.find_visit(ctx, code)
    assert stored.services == ("助浴",) and stored.minutes == 40
    assert not form.service_boxes["助浴"].isChecked() and form.minutes_box.value() == 0  # ready for the next
    page.grab().save("/tmp/svc/record_tab.png")
