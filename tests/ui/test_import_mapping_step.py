"""The import wizard's mapping step as a community worker sees it: each column's header, a few of
its values (ID numbers and phones masked, never a full ID on screen), the field it goes to, and a
note when the mapping of an earlier import with the same headers was reused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QTableWidget

from silverage.services.context import ServiceContext
from silverage.services.print_export import roster_import
from silverage.ui.print_export.import_wizard import MAPPING, ImportWizard
from silverage.ui.shell.app_context import AppContext
from silverage.ui.shell.fonts import install_cjk_font
from silverage.ui.shell.i18n import install_language
from tests.conftest import TODAY
from tests.io.helpers import add_places
from tests.io.test_header_layouts import CHEN, WANG, _register
from tests.ui import walk

pytestmark = pytest.mark.db


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    old = qapp.font()
    install_cjk_font(qapp)
    yield
    qapp.setFont(old)


def _open_mapping(qtbot, ctx: ServiceContext, path: Path, lang: str = "zh") -> ImportWizard:
    wizard = ImportWizard(AppContext.create(ctx, lang), None, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.set_files([path])
    wizard.next()
    assert wizard.stack.currentIndex() == MAPPING
    QApplication.processEvents()
    return wizard


def _rows(wizard: ImportWizard) -> dict[str, tuple[str, str]]:
    """Header -> (samples as shown, field as shown)."""
    (grid,) = wizard.mapping_grids.values()
    out = {}
    for r in range(grid.rowCount()):
        box = grid.cellWidget(r, 2)
        assert isinstance(box, QComboBox)
        out[grid.item(r, 0).text()] = (grid.item(r, 1).text(), box.currentText())
    return out


def _on_screen(wizard: ImportWizard) -> str:
    (grid,) = wizard.mapping_grids.values()
    cells = [grid.item(r, c) for r in range(grid.rowCount()) for c in range(2)]
    return " ".join(t for i in cells if i for t in (i.text(), i.toolTip()))


def test_mapping_step_shows_masked_samples_and_the_chosen_field(
    qtbot, ctx: ServiceContext, tmp_path: Path
) -> None:
    path = tmp_path / "登记表.xlsx"
    _register(path)
    wizard = _open_mapping(qtbot, ctx, path)
    rows = _rows(wizard)
    assert rows["姓名"] == ("王秀英、陈国强", "姓名")
    assert rows["公民身份证号码"] == (
        f"{WANG[:4]}{'*' * 10}{WANG[-4:]}、{CHEN[:4]}{'*' * 10}{CHEN[-4:]}",
        "身份证号码",
    )
    assert rows["联系电话"][1] == "联系电话" and rows["手机"][1] == "电话2"
    assert rows["监护人电话"] == ("137****0003", "（不导入）")  # shown, masked, and not her phone
    assert rows["紧急联系人电话"] == ("136****0004、136****0014", "联系人电话")
    screen = _on_screen(wizard)
    for number in (WANG, CHEN, "13900000001", "13700000003", "13600000004"):
        assert number not in screen
    assert not wizard.findChildren(QLabel, "remembered")  # nothing was imported before


def test_a_reused_mapping_says_so_and_two_columns_for_one_field_are_refused(
    qtbot, ctx: ServiceContext, tmp_path: Path
) -> None:
    add_places(ctx)
    path = tmp_path / "登记表.xlsx"
    _register(path)
    roster_import.apply_plan(ctx, roster_import.plan_import(ctx, [path], today=TODAY), today=TODAY)
    wizard = _open_mapping(qtbot, ctx, path)
    (note,) = wizard.findChildren(QLabel, "remembered")
    assert note.isVisible() and "已沿用上次的对应" in note.text()
    (grid,) = wizard.mapping_grids.values()
    headers = [grid.item(r, 0).text() for r in range(grid.rowCount())]
    box = grid.cellWidget(headers.index("监护人电话"), 2)
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData("phone"))  # the user points the guardian's phone at hers too
    wizard.next()
    assert wizard.stack.currentIndex() == MAPPING and wizard.plan is None
    said = wizard.step_label.text()
    assert "联系电话" in said and "监护人电话" in said and "不导入" in said


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_mapping_step_fits_in_both_languages(
    qtbot, ctx: ServiceContext, tmp_path: Path, app_font: None, lang: str
) -> None:
    add_places(ctx)
    path = tmp_path / "登记表.xlsx"
    _register(path)
    roster_import.apply_plan(ctx, roster_import.plan_import(ctx, [path], today=TODAY), today=TODAY)
    install_language(lang)
    try:
        wizard = _open_mapping(qtbot, ctx, path, lang)
        wizard.grab().save(str(tmp_path / f"mapping_{lang}.png"))
        assert walk.clipped(wizard) == []
        (grid,) = wizard.mapping_grids.values()
        assert isinstance(grid, QTableWidget)
        for r in range(grid.rowCount()):
            box = grid.cellWidget(r, 2)
            assert box.width() >= box.sizeHint().width(), box.currentText()  # the field name is not cut
        assert grid.columnWidth(0) >= grid.sizeHintForColumn(0)  # nor the header
        if lang == "en":
            assert "(not imported)" in _rows(wizard)["监护人电话"][1]
    finally:
        install_language("zh")
