"""The rules dialog as a supervisor uses it: change a threshold, preview who moves, apply."""

from __future__ import annotations

from collections import Counter

import pytest

from silverage.domain.enums import Role
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster import roster_query
from silverage.ui.settings.rules_dialog import RulesDialog
from silverage.ui.shell.app_context import AppContext

pytestmark = pytest.mark.db


def open_dialog(qtbot, ctx: ServiceContext) -> RulesDialog:
    app = AppContext.create(ctx)
    dlg = RulesDialog(app)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def finish(qtbot, dlg: RulesDialog, attr: str, before: object) -> None:
    dlg.app.runner.wait()
    qtbot.waitUntil(lambda: getattr(dlg, attr) is not before, timeout=30000)


def test_supervisor_previews_then_applies_a_lower_red_threshold(qtbot, demo_ctx):
    ctx = ServiceContext(demo_ctx.db, Actor("duda", Role.SUPERVISOR, "王督导"))
    dlg = open_dialog(qtbot, ctx)
    assert "第 1 版" in dlg.header.text() and dlg.red_spin.value() == 6
    assert not dlg.apply_button.isEnabled()
    dlg.red_spin.setValue(5)
    dlg.preview_button.click()
    finish(qtbot, dlg, "last_preview", None)
    pv = dlg.last_preview
    assert pv.moved > 0 and dlg.moves_table.rowCount() == pv.moved
    assert dlg.moves_table.item(0, 3).text() == "红" and dlg.moves_table.item(0, 2).text() == "黄"
    assert f"共 {pv.moved} 人改变等级" in dlg.summary_label.text()
    assert dlg.apply_button.isEnabled()

    dlg.yellow_spin.setValue(3)  # changed after the preview: must preview again
    assert not dlg.apply_button.isEnabled()
    dlg.yellow_spin.setValue(4)
    dlg.name_edit.setText("红色阈值降为5分")
    dlg.preview_button.click()
    first = dlg.last_preview
    finish(qtbot, dlg, "last_preview", first)
    dlg.apply_button.click()
    finish(qtbot, dlg, "last_summary", None)
    assert dlg.last_summary.rule_version == 2 and "第 2 版" in dlg.header.text()
    assert Counter(r.level for r in roster_query.list_elders(ctx)) == Counter(dlg.last_preview.after)


def test_worker_can_preview_but_not_apply(qtbot, demo_ctx):
    dlg = open_dialog(qtbot, demo_ctx)
    assert "只有督导" in dlg.header.text()
    dlg.red_spin.setValue(5)
    dlg.preview_button.click()
    finish(qtbot, dlg, "last_preview", None)
    assert dlg.last_preview.moved > 0 and not dlg.apply_button.isEnabled()
    assert "只有督导" in dlg.message.text()


def test_impossible_thresholds_are_explained_not_previewed(qtbot, demo_ctx):
    dlg = open_dialog(qtbot, demo_ctx)
    dlg.yellow_spin.setValue(8)
    dlg.preview_button.click()
    assert "阈值" in dlg.message.text() and dlg.last_preview is None
