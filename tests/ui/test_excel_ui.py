"""The Excel panel as a community worker and a supervisor use it: wizard and export dialog."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.enums import Role
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster import roster_query
from silverage.ui.print_export.excel_panel import ExcelPanel
from silverage.ui.print_export.export_dialog import ExportDialog
from silverage.ui.print_export.import_wizard import MAPPING, PREVIEW, REPORT, ImportWizard
from silverage.ui.roster.roster_model import RosterFilter, RosterModel
from silverage.ui.shell.app_context import AppContext
from tests.conftest import TODAY
from tests.io.test_messy_import import build_office_workbook

pytestmark = pytest.mark.db


@pytest.fixture
def app(demo_ctx: ServiceContext) -> AppContext:
    return AppContext.create(demo_ctx)


def _count(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.Elder)) or 0)


def test_wizard_maps_previews_imports_and_saves_errors(qtbot, app: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "office.xlsx"
    build_office_workbook(path)
    wizard = ImportWizard(app, None, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_files([path])
    wizard.next()
    assert wizard.stack.currentIndex() == MAPPING and wizard.mapping_tabs.count() == 2
    boxes = next(iter(wizard.mapping_boxes.values()))
    assert [b.currentData() for b in boxes][:4] == ["ignore", "name", "gender", "id_number"]
    before = _count(app.services)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert wizard.stack.currentIndex() == PREVIEW and _count(app.services) == before
    # Rows that name a grid but no micro-grid land in that grid (its "未分微网格", listed as a new
    # place), never rejected for it; a phone that is not one is left out with a warning: 7 new
    # people, 4 rows refused for what breaks identity.
    assert "新增 7 人" in wizard.summary.text() and "拒绝 4 行" in wizard.summary.text()
    assert "6 条警告" in wizard.summary.text()
    assert wizard.import_button.isEnabled() and wizard.errors_button.isVisible()
    rejected = wizard.preview_tabs.widget(2)
    assert rejected.rowCount() == 4 and "15位" in rejected.item(0, 3).text()
    assert wizard.preview_tabs.tabText(3) == "警告 (6)"
    warned = wizard.preview_tabs.widget(3)
    texts = [warned.item(r, 4).text() for r in range(warned.rowCount())]
    assert sum("待分配微网格" in t for t in texts) == 5 and sum("未导入" in t for t in texts) == 1
    assert wizard.preview_tabs.tabText(4) == "新建地点 (4)"
    assert wizard.preview_tabs.widget(4).item(0, 0).text() == "月河社区/月河2网格/未分微网格"
    received = []
    app.bus.changed.connect(received.append)
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    assert wizard.stack.currentIndex() == REPORT and "新增 7 人" in wizard.report.text()
    assert "新建了 4 个地点" in wizard.report.text()
    assert _count(app.services) == before + 7
    assert len(received) == 1 and len(received[0].elders) == 7  # the new people, announced once
    assert received[0].places  # and the new micro-grids: every place list reads them again
    errors = tmp_path / "errors.xlsx"
    assert wizard.save_errors(errors) == 4
    assert openpyxl.load_workbook(errors).sheetnames == ["月河社区", "梅湾社区", "导入警告"]
    # The five without a micro-grid are the roster's 待分配微网格 worklist.
    model = RosterModel()
    model.set_rows(roster_query.list_elders(app.services, roster_query.ElderFilter(), TODAY), TODAY)
    model.set_filter(RosterFilter(unplaced_only=True))
    assert model.rowCount() == 5
    assert all(model.row_at(i).micro_grid == "未分微网格" for i in range(model.rowCount()))
    wizard.grab().save(str(tmp_path / "wizard.png"))
    app.runner.wait()


def test_a_bad_file_keeps_the_wizard_on_the_file_page(
    qtbot, app: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    shown = []
    monkeypatch.setattr(
        "silverage.ui.print_export.import_wizard.show_error", lambda parent, title, exc: shown.append(exc)
    )
    wizard = ImportWizard(app, None, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.set_files([bad])
    wizard.next()
    assert wizard.stack.currentIndex() == 0 and ".xls" in shown[0].zh


def test_export_dialog_masks_for_a_worker(qtbot, app: AppContext, tmp_path: Path) -> None:
    dialog = ExportDialog(app, None, today=TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.unmasked_radio.isEnabled() and dialog.masked_radio.isChecked()
    dialog.level_box.setCurrentIndex(dialog.level_box.findData("red"))
    dialog.file_edit.setText(str(tmp_path / "red.xlsx"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=30000)
    assert not dialog.last_result.unmasked and 0 < dialog.last_result.people < 979
    assert "已导出" in dialog.status.text()
    app.runner.wait()


def test_unmasked_export_needs_a_supervisor_and_a_confirmation(
    qtbot, demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    sup = AppContext.create(ServiceContext(demo_ctx.db, Actor("duda", Role.SUPERVISOR, "王督导")))
    dialog = ExportDialog(sup, None, elder_ids=[1, 2, 3], today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.unmasked_radio.isEnabled()
    assert not dialog.password_row.isVisibleTo(dialog)  # a masked export is a plain workbook
    dialog.unmasked_radio.setChecked(True)
    assert dialog.password_row.isVisibleTo(dialog)
    dialog.file_edit.setText(str(tmp_path / "full.xlsx"))
    dialog.confirm_unmasked = lambda: True
    dialog.start_export()  # no file password yet: asked for, nothing written
    assert "文件密码" in dialog.status.text() and not (tmp_path / "full.xlsx").exists()
    dialog.password_edit.setText("Office-file-pw-1")
    dialog.confirm_unmasked = lambda: False  # the supervisor says no
    dialog.start_export()
    sup.runner.wait()
    assert dialog.last_result is None and not (tmp_path / "full.xlsx").exists()
    dialog.confirm_unmasked = lambda: True
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=30000)
    assert dialog.last_result.unmasked and dialog.last_result.people == 3
    assert (tmp_path / "full.xlsx").read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # encrypted, not a plain zip
    sup.runner.wait()


def test_panel_opens_both(qtbot, app: AppContext, tmp_path: Path) -> None:
    panel = ExcelPanel(app)
    qtbot.addWidget(panel)
    panel.show()
    wizard = panel.open_import()
    dialog = panel.open_export()
    assert wizard.isVisible() and dialog.isVisible()
    dialog.grab().save(str(tmp_path / "export.png"))
    wizard.close()
    dialog.close()
