"""Start-up shows a first screenful of real people while the rest of the roster is read."""

import pytest

from silverage.ui.shell import main_window
from silverage.ui.shell.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


def test_first_rows_show_before_the_whole_roster(qtbot, demo_ctx, monkeypatch):
    monkeypatch.setattr(main_window, "FIRST_ROWS", 25)
    w = MainWindow(demo_ctx, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    seen: dict[str, object] = {}
    w.first_rows_shown.connect(
        lambda: seen.setdefault(
            "first", (w.model.rowCount(), w.roster.count_label.text(), w.count_label.text())
        )
    )
    with qtbot.waitSignal(w.roster_loaded, timeout=45000):
        w.load_async()
    first_count, page_count, status = seen["first"]
    assert 0 < first_count <= 25
    assert page_count == "" and "载入" in status  # still loading, not "25 of 25 people"
    settle(qtbot, w.app)
    active = sum(1 for r in w.model.all_rows() if r.status == "active")
    assert w.model.rowCount() == active > 25


def test_a_reload_keeps_the_whole_roster_on_screen(qtbot, demo_ctx, monkeypatch):
    monkeypatch.setattr(main_window, "FIRST_ROWS", 25)
    w = MainWindow(demo_ctx, today=TODAY)
    qtbot.addWidget(w)
    w.load()
    full = w.model.rowCount()
    counts: list[int] = []
    w.first_rows_shown.connect(lambda: counts.append(w.model.rowCount()))
    with qtbot.waitSignal(w.roster_loaded, timeout=45000):
        w.load_async()  # after a change: no flash of 25 rows
    settle(qtbot, w.app)
    assert counts == [] and w.model.rowCount() == full
