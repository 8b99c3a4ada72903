"""Needs and skills as a worker edits them: the person editor's 服务需求 tab, the volunteer's
skills, the roster filter 需求：助浴, and the print tab's certificate of hours and Excel export."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.service_kinds import NeedInput, SkillInput
from silverage.services.roster import elders, roster_query
from silverage.services.volunteers import volunteers
from silverage.ui.print_export.hours_export_dialog import HoursExportDialog
from silverage.ui.print_export.print_panel import HOURS, PrintPanel
from silverage.ui.roster import person_editor
from silverage.ui.roster.roster_page import RosterPage
from silverage.ui.shell.app_context import AppContext
from silverage.ui.volunteers.volunteers_page import VolunteersPage
from tests.conftest import TODAY
from tests.reports.pdf_tools import page_texts
from tests.ui.helpers import settle
from tests.ui.test_person_editor import open_editor

pytestmark = pytest.mark.db


@pytest.fixture(autouse=True)
def _discard_at_teardown(monkeypatch):
    monkeypatch.setattr(person_editor, "confirm_discard", lambda parent: "discard")


@pytest.fixture
def app(demo_ctx):
    return AppContext.create(demo_ctx)


def _wang(ctx) -> int:  # noqa: ANN001
    with ctx.read() as s:
        return s.scalars(
            select(m.Elder.id)
            .where(m.Elder.name == "王秀英", m.Elder.status == "active")
            .order_by(m.Elder.id)
        ).first()


def test_a_worker_records_in_the_editor_that_wang_xiuying_needs_bathing_weekly(qtbot, app, demo_ctx):
    wang = _wang(demo_ctx)
    editor = open_editor(qtbot, app, wang)
    before = editor.needs.value()
    box, how, note = editor.needs.rows["助浴"]
    box.setChecked(False)
    box.setChecked(True)
    how.setCurrentIndex(how.findData("weekly"))
    note.setText("需两人协助")
    assert editor.is_dirty()
    editor.tabs.setCurrentWidget(editor.needs)
    editor.resize(900, 640)
    editor.grab().save("/tmp/svc/editor_needs.png")
    with qtbot.waitSignal(editor.save_finished):
        editor.save()
    settle(qtbot, app)
    saved = elders.get_elder(demo_ctx, wang).needs
    assert NeedInput("助浴", "weekly", "需两人协助") in saved
    assert {n.kind for n in saved} == {n.kind for n in before} | {"助浴"}


def test_the_roster_filter_shows_only_people_who_need_bathing(qtbot, app, demo_ctx):
    page = RosterPage(app)
    qtbot.addWidget(page)
    rows = roster_query.list_elders(demo_ctx)
    page.set_rows(rows, TODAY)
    page.need_box.setCurrentIndex(page.need_box.findData("助浴"))
    page.apply_filter()
    shown = page.model.rowCount()
    expected = sum(1 for r in rows if "助浴" in r.needs and r.status == "active")
    assert 0 < shown == expected < len(rows)
    assert page.need_box.currentText() == "需求：助浴"


def test_skills_and_capacity_are_edited_on_the_volunteer_page(qtbot, app, demo_ctx):
    page = VolunteersPage(app)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    page.refresh()
    page.table.selectRow(0)
    vid = page._shown[0].id
    for box, _spin in page.skills.boxes.values():
        box.setChecked(False)
    box, spin = page.skills.boxes["助浴"]
    box.setChecked(True)
    spin.setValue(2)
    assert not page.provider.isEnabled()  # only an administrator marks service providers
    page.save()
    settle(qtbot, app)
    assert volunteers.get_volunteer(demo_ctx, vid).skills == (SkillInput("助浴", 2),)
    page.grab().save("/tmp/svc/volunteer_skills.png")


def test_the_print_tab_prints_a_months_certificates_and_exports_hours(qtbot, app, demo_ctx, tmp_path):
    panel = PrintPanel(app, today=TODAY)
    qtbot.addWidget(panel)
    panel.resize(1200, 760)
    panel.show()
    panel.kind_box.setCurrentIndex(panel.kind_box.findData(HOURS))
    assert panel.month_box.isVisible() and panel.month_box.currentData() == date(2026, 11, 1)
    panel.month_box.setCurrentIndex(1)  # October: a whole month of the demo's history
    out = tmp_path / "hours.pdf"
    panel.save_pdf(out)
    settle(qtbot, app)
    texts = page_texts(out)
    assert len(texts) > 50 and all("志愿服务时长证明" in t and "2026年10月" in t for t in texts)
    dialog = HoursExportDialog(app, date(2026, 10, 1), panel)
    qtbot.addWidget(dialog)
    dialog.show()
    for key, box in dialog.column_boxes.items():
        box.setChecked(key in ("name", "hours"))
    dialog.template_name.setText("志愿汇")
    dialog.save_template()
    assert dialog.template_box.currentText() == "志愿汇"
    xlsx = tmp_path / "hours.xlsx"
    dialog.export(xlsx)
    settle(qtbot, app)
    assert xlsx.exists() and "已导出" in dialog.message.text()
    dialog.grab().save("/tmp/svc/hours_dialog.png")
