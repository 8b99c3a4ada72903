"""A change shows everywhere the moment it is saved: no F5, no stale colour, no silent failure."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from silverage.services.visits import coverage, planning, worklists
from silverage.ui.shell import tasks
from silverage.ui.shell.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


@pytest.fixture
def window(qtbot, demo_ctx):  # noqa: ANN001, ANN201
    w = MainWindow(demo_ctx, today=TODAY)
    qtbot.addWidget(w)
    w.load()
    w.show()
    yield w
    w.app.runner.wait()


def _fall_makes_red(ctx, visit) -> bool:  # noqa: ANN001
    """A fall scores this person red (under the default rules): which yellow person the plan puts
    first is the planner's business, not this test's."""
    from dataclasses import replace

    from silverage.db import models as m
    from silverage.domain.care_rules import Facts, assess

    with ctx.read() as s:
        facts = Facts.of(s.get(m.Elder, visit.elder_id), TODAY)
    return assess(replace(facts, fall_last_year=True)).level.value == "red"


def _row(window: MainWindow, elder_id: int):  # noqa: ANN202
    return next(r for r in window.model.all_rows() if r.id == elder_id)


def test_a_fall_found_on_a_visit_turns_the_roster_row_red_at_once(qtbot, window) -> None:  # noqa: ANN001
    ctx = window.ctx
    planning.plan_period(ctx, date(2026, 11, 30), date(2026, 12, 6))
    planned = coverage.visits_between(ctx, date(2026, 11, 30), date(2026, 12, 6))
    visit = next(v for v in planned if v.level == "yellow" and v.kind == "home" and _fall_makes_red(ctx, v))
    before = _row(window, visit.elder_id)
    assert before.level == "yellow" and before.last_contact != TODAY
    red_before = sum(1 for r in window.model.all_rows() if r.status == "active" and r.level == "red")

    window.show_page("visits")
    page = window.pages["visits"]
    page.tabs.setCurrentWidget(page.record)
    page.record.code_edit.setText(visit.code)
    qtbot.keyClick(page.record.code_edit, Qt.Key.Key_Return)
    page.record.outcome_box.setCurrentIndex(page.record.outcome_box.findData("follow_up"))
    page.record.fall_check.setChecked(True)
    qtbot.mouseClick(page.record.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.app)

    after = _row(window, visit.elder_id)
    assert after.level == "red" and after.last_contact == TODAY  # the roster row, without F5
    shown = {window.model.row_at(i).id: window.model.row_at(i) for i in range(window.model.rowCount())}
    assert shown[visit.elder_id].level == "red"
    window.show_page("dashboard")
    settle(qtbot, window.app)
    dashboard = window.pages["dashboard"]
    red_bar = dashboard.level_chart.bars[0]
    assert red_bar.value == red_before + 1  # the dashboard counts the new red person
    page_work = page.work
    window.show_page("visits")
    page.tabs.setCurrentWidget(page_work)
    settle(qtbot, window.app)
    assert page_work.alert_model.rowCount() == len(worklists.open_alerts(ctx)) > 0  # the fall's alert


def test_an_unexpected_failure_shows_a_readable_dialog(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    shown: list[tuple[str, str, str]] = []

    def record(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)

    def broken() -> None:
        raise ZeroDivisionError("on purpose")

    window.app.run(broken, parent=window, title="测试")
    settle(qtbot, window.app)
    assert len(shown) == 1
    text, informative, details = shown[0]
    assert "没有完成" in text and "数据没有改动" in text
    assert "ZeroDivisionError" in informative and "on purpose" in details  # the details behind a button


def test_export_button_opens_the_export_dialog(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    from silverage.ui.print_export.export_dialog import ExportDialog

    opened = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: opened.append(self) or 0)
    monkeypatch.setattr(ExportDialog, "open", lambda self: opened.append(self))
    monkeypatch.setattr(ExportDialog, "show", lambda self: opened.append(self))
    window.show_page("print_export")
    panel = window.pages["print_export"].widget(1)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert opened and isinstance(opened[0], ExportDialog)


def test_the_error_dialog_names_what_the_user_can_fix(monkeypatch, qapp) -> None:
    """In the interface's language only: the English screen shows the English of a UserError."""
    from silverage.domain.problems import UserError
    from silverage.ui.shell.i18n import install_language

    texts = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append((box.text(), box.informativeText())))
    problem = UserError("文件正在被 Excel 使用", "The file is open in Excel")
    tasks.show_error(None, "导出", problem)
    install_language("en")
    try:
        tasks.show_error(None, "Export", problem)
    finally:
        install_language("zh")
    assert texts == [("文件正在被 Excel 使用", ""), ("The file is open in Excel", "")]
