"""The print tab: next week's sheets in one action, preview, printer output, and the roster's selection."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from silverage.ui.print_export.print_panel import (
    BIRTHDAYS,
    BLANK,
    ROSTER,
    SHEETS_BY_VOLUNTEER,
    PrintPanel,
    print_selection,
)
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.pdf_preview import HAVE_QTPDF, render_to_printer
from tests.conftest import TODAY
from tests.reports.conftest import NEXT_MONDAY, NEXT_SUNDAY, plan_week
from tests.reports.pdf_tools import page_texts

pytestmark = pytest.mark.db


@pytest.fixture
def app(demo_ctx):
    return AppContext.create(demo_ctx)


@pytest.fixture
def panel(qtbot, app):
    plan_week(app.services)
    w = PrintPanel(app, today=TODAY)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    yield w
    app.runner.wait()


def test_defaults_to_next_week_for_every_volunteer(panel):
    assert panel.kind_box.currentData() == SHEETS_BY_VOLUNTEER
    assert panel.period() == (NEXT_MONDAY, NEXT_SUNDAY)
    assert panel.volunteer_box.currentData() is None and panel.volunteer_box.count() > 100
    assert not panel.unmasked_box.isEnabled()  # a community worker cannot print full ID numbers


def test_save_next_weeks_sheets_in_one_action(qtbot, panel, tmp_path):
    out = tmp_path / "out" / "week.pdf"
    out.parent.mkdir()
    panel.save_pdf(out)
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=30000)
    assert len(PdfReader(str(out)).pages) == 6  # 3 volunteers x 5 home visits, three blocks a page
    assert "6 页" in panel.status.text() and "15 人" in panel.status.text()


@pytest.mark.skipif(not HAVE_QTPDF, reason="QtPdf (PySide6-Pdf) is not installed")
def test_preview_then_printer_gets_every_page(qtbot, panel, tmp_path):
    panel.preview_pdf()
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=30000)
    assert panel.preview.page_count() == 6
    assert "6" in panel.preview.note.text()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert render_to_printer(panel.last_result.path, printer) == 6
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 6


def test_blank_form_and_masked_roster(qtbot, panel, tmp_path):
    panel.kind_box.setCurrentIndex(panel.kind_box.findData(BLANK))
    assert panel.start_edit.isHidden()
    panel.save_pdf(tmp_path / "blank.pdf")
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=30000)
    assert panel.last_result.pages == 1
    panel.last_result = None
    panel.kind_box.setCurrentIndex(panel.kind_box.findData(ROSTER))
    assert panel.unmasked_box.isVisible() and not panel.unmasked_box.isChecked()
    panel.save_pdf(tmp_path / "roster.pdf")
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=60000)
    assert "身份证号和电话已部分隐藏" in page_texts(tmp_path / "roster.pdf")[0]


@pytest.mark.skipif(not HAVE_QTPDF, reason="QtPdf (PySide6-Pdf) is not installed")
def test_roster_selection_prints_the_chosen_people(qtbot, app):
    planned = plan_week(app.services, volunteers=1, per_volunteer=3)
    dialog = print_selection(app, None, [p.elder_id for p in planned])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=30000)
    assert dialog.preview.page_count() == 1 and dialog.print_button.isEnabled()  # three blocks a page
    text = "".join(page_texts(dialog.result_.path))
    assert all(p.code in text and p.elder_name in text for p in planned)
    app.runner.wait()


def test_the_months_birthday_list_prints_through_the_service_and_is_audited(qtbot, panel, tmp_path):
    from sqlalchemy import select

    from silverage.db import models as m

    panel.kind_box.setCurrentIndex(panel.kind_box.findData(BIRTHDAYS))
    assert panel.month_edit.isVisible() and panel.unmasked_box.isHidden()
    assert panel.start_edit.isHidden() and panel.period_to.isHidden()  # no stray "至" of the period row
    assert panel._default_name().endswith("寿星名单_2026-11.pdf")
    panel.month_edit.setDate(panel.month_edit.date().__class__(2026, 12, 1))
    panel.save_pdf(tmp_path / "shou.pdf")
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=30000)
    text = page_texts(tmp_path / "shou.pdf")[0]
    assert "2026年12月寿星名单" in text and "陈爱珍" in text and "农历十月廿五" in text
    with panel.app.services.read() as s:
        detail = s.scalars(select(m.AuditEntry.detail).where(m.AuditEntry.field == "birthday_list")).all()
    assert len(detail) == 1 and '"month": "2026-12"' in detail[0]
