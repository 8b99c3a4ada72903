"""The wizard offers the 15-digit upgrade where rows were refused only for an old ID number, and
the export dialog offers the complete roster to a supervisor (issue 12.4-5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from silverage.domain import idcard
from silverage.domain.enums import Role
from silverage.services.context import Actor, ServiceContext
from silverage.ui.print_export.export_dialog import ExportDialog
from silverage.ui.print_export.import_wizard import PREVIEW, ImportWizard
from silverage.ui.shell.app_context import AppContext
from tests.conftest import TODAY
from tests.io.helpers import EXPORT_PASSWORD as PW
from tests.io.helpers import open_encrypted
from tests.io.test_ids_as_offices_hold_them import NEW, _old_id_sheet

pytestmark = pytest.mark.db


def test_the_upgrade_button_previews_again_with_the_18_digit_numbers(
    qtbot, demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    app = AppContext.create(demo_ctx)
    wizard = ImportWizard(app, None, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_files([_old_id_sheet(tmp_path / "旧号码.xlsx")])
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert wizard.stack.currentIndex() == PREVIEW and "拒绝 1 行" in wizard.summary.text()
    assert wizard.upgrade_button.isVisible() and "1 行" in wizard.upgrade_button.text()
    first = wizard.plan
    wizard.upgrade_button.click()
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.plan is not first, timeout=30000)
    assert "新增 2 人" in wizard.summary.text() and "拒绝 0 行" in wizard.summary.text()
    assert not wizard.upgrade_button.isVisible()
    shown = wizard.preview_tabs.widget(0)
    ids = {shown.item(r, 3).text() for r in range(shown.rowCount())}
    assert idcard.mask(NEW) in ids  # listed masked, as every preview list is
    app.runner.wait()


def test_a_worker_cannot_choose_the_complete_roster(qtbot, demo_ctx: ServiceContext) -> None:
    dialog = ExportDialog(AppContext.create(demo_ctx), None, today=TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.complete_radio.isEnabled()


def test_a_supervisor_exports_the_complete_roster_after_confirming(
    qtbot, demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    sup = AppContext.create(ServiceContext(demo_ctx.db, Actor("duda", Role.SUPERVISOR, "王督导")))
    dialog = ExportDialog(sup, None, elder_ids=[1, 2, 3], today=TODAY)
    qtbot.addWidget(dialog)
    dialog.complete_radio.setChecked(True)
    assert not dialog.columns.isEnabled()  # the complete roster has every column
    dialog.file_edit.setText(str(tmp_path / "complete.xlsx"))
    dialog.password_edit.setText(PW)
    asked = []
    dialog.confirm_unmasked = lambda: asked.append(1) or True
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=30000)
    assert asked and dialog.last_result.complete and dialog.last_result.people == 3
    header = [c.value for c in open_encrypted(tmp_path / "complete.xlsx", PW)["花名册"][2]]
    assert "认知障碍" in header and "人工调整等级" in header
    sup.runner.wait()
