import pytest
from PySide6.QtCore import Qt

from silverage.ui.shell.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


@pytest.fixture
def window(qtbot, demo_ctx):
    w = MainWindow(demo_ctx, today=TODAY)
    qtbot.addWidget(w)
    w.load()
    w.show()
    return w


def test_main_window_shows_the_demo_roster(window):
    active = sum(1 for r in window.model.all_rows() if r.status == "active")
    assert window.model.rowCount() == active
    assert "演示" in window.db_label.text()
    assert "李社工" in window.user_label.text()
    assert str(active) in window.count_label.text()


def test_typing_pinyin_initials_filters_the_table(qtbot, window):
    window.find_action.trigger()  # Ctrl+F
    assert window.current_page_key() == "roster"
    qtbot.keyClicks(window.roster.search, "zxy")
    qtbot.waitUntil(lambda: window.model.rowCount() < 100)
    shown = {window.model.row_at(i).name for i in range(window.model.rowCount())}
    assert "张秀英" in shown
    assert "显示" in window.roster.count_label.text()


def test_level_filter_box(window):
    box = window.roster.level_box
    box.setCurrentIndex(box.findData("yellow"))
    levels = {window.model.row_at(i).level for i in range(window.model.rowCount())}
    assert levels == {"yellow"}


def test_navigation_and_last_page_remembered(qtbot, demo_ctx, window):
    window.show_page("volunteers")
    assert window.pages["volunteers"].isVisible() and not window.roster.isVisible()
    window.close()
    again = MainWindow(demo_ctx, today=TODAY)
    qtbot.addWidget(again)
    assert again.current_page_key() == "volunteers"


def test_language_switch_changes_labels(qtbot, window):
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav[1] == "花名册"
    window.set_language("en")
    try:
        nav = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert nav[1] == "Roster"
        assert window.roster.model.headerData(1, Qt.Orientation.Horizontal) == "Name"
        assert "Search" in window.roster.search.placeholderText()
        assert window.model.rowCount() > 0  # the data survives the rebuild
    finally:
        window.set_language("zh")
    assert window.nav.item(1).text() == "花名册"


def test_dashboard_shows_counts_and_charts(qtbot, window):
    window.show_page("dashboard")
    page = window.pages["dashboard"]
    settle(qtbot, window.app)  # the figures are worked out on the worker
    assert "在册" in page.summary.text()
    assert [b.label.split()[-1] for b in page.level_chart.bars[:3]] == ["红", "黄", "绿"]
    assert sum(b.value for b in page.community_chart.bars) == sum(
        1 for r in window.model.all_rows() if r.status == "active"
    )


def test_overdue_filter_shows_only_overdue_people(qtbot, window):
    from silverage.services.visits import worklists

    expected = {r.elder_id for r in worklists.overdue(window.ctx, TODAY)}
    qtbot.waitUntil(lambda: window.model.overdue_ids == frozenset(expected))  # worked out off the UI thread
    window.roster.overdue_check.setChecked(True)
    shown = {window.model.row_at(i).id for i in range(window.model.rowCount())}
    assert shown and shown <= expected


def test_bulk_move_to_another_micro_grid(qtbot, window, monkeypatch):
    from silverage.ui.roster import roster_page

    target = window.app.micro_grids()[-1]
    monkeypatch.setattr(roster_page, "choose_micro_grid", lambda parent, places, question: target.id)
    window.roster.table.selectRow(0)
    chosen = window.roster.selected_ids()
    window.roster.reassign_micro_grid()
    qtbot.waitUntil(
        lambda: {r.micro_grid_id for r in window.model.all_rows() if r.id in chosen} == {target.id}
    )
    assert window.model.row_at(window.model.row_of_id(chosen[0])).micro_grid == target.name
