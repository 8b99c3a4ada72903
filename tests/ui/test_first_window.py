from silverage.ui.main_window import MainWindow


def test_main_window_shows_the_demo_roster(qtbot, demo_ctx):
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.load()
    window.show()
    assert window.model.rowCount() == 979
    assert "演示" in window.db_label.text()
    window.search.setText("月河")
    assert 0 < window.proxy.rowCount() < 979
