"""Screenshots of the main screens in Chinese for docs/ (offscreen; run from the repository root).

QT_QPA_PLATFORM=offscreen python installer/make_screenshots.py [--db demo.sqlite]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DOCS = Path(__file__).resolve().parent.parent / "docs"
TODAY = date(2026, 11, 26)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="a demo database (built in a temp folder when missing)")
    args = parser.parse_args()
    os.environ.setdefault("SILVERAGE_HOME", tempfile.mkdtemp(prefix="silverage-shots-"))
    from PySide6.QtCore import QRectF, QSettings
    from PySide6.QtWidgets import QApplication

    from silverage.db.engine import open_database
    from silverage.services import demo, users
    from silverage.services.context import ServiceContext
    from silverage.services.roster import roster_query
    from silverage.ui.roster.person_editor import PersonEditor
    from silverage.ui.shell.app_context import AppContext
    from silverage.ui.shell.application import make_app
    from silverage.ui.shell.main_window import MainWindow
    from silverage.ui.shell.ui_settings import UiSettings

    app = make_app()
    path = args.db or str(Path(os.environ["SILVERAGE_HOME"]) / "demo.sqlite")
    ctx = ServiceContext(open_database(path))
    if roster_query.counts(ctx).elders_total == 0:
        demo.build_demo(ctx, seed=2026, today=TODAY)
    users.ensure_demo_passwords(ctx)
    ctx.actor = users.actor_without_password(ctx, "sheg")
    settings = UiSettings(
        QSettings(str(Path(os.environ["SILVERAGE_HOME"]) / "ui.ini"), QSettings.Format.IniFormat)
    )
    window = MainWindow(AppContext.create(ctx, "zh", settings), today=TODAY)
    window.resize(1280, 800)
    window.load()
    window.show()

    def shot(name: str, widget=None) -> None:  # noqa: ANN001
        for _ in range(5):
            app.processEvents()
        target = DOCS / f"screenshot-{name}.png"
        (widget or window).grab().save(str(target), "PNG")
        print(target, target.stat().st_size // 1024, "KB")

    window.show_page("roster")
    window.roster.search.setText("zxy")
    window.roster.apply_filter()
    shot("roster")
    window.roster.search.clear()
    window.roster.apply_filter()
    window.show_page("dashboard")
    shot("dashboard")
    window.show_page("volunteers")
    vpage = window.pages["volunteers"]
    vpage.table.selectRow(0)
    shot("volunteers")
    window.show_page("settings")
    shot("settings")
    window.show_page("map")  # 点位图: the first community, zoomed in on its first grid, volunteers shown
    mpage = window.pages["map"]
    while mpage.current is None or not window.app.runner.idle():  # its read comes back queued
        window.app.runner.wait()
        app.processEvents()
    mpage.volunteer_check.setChecked(True)
    grid = next(r.rect for r in mpage.current.map.regions if r.depth == 1)
    mpage.view.show_rect(QRectF(grid.x - 2, grid.y - 2, grid.w * 1.2, grid.h * 0.8))
    mpage.select_point(next(iter(mpage.scene.points)))
    shot("map")
    first = next(r for r in window.model.all_rows() if r.level == "red" and r.status == "active")
    editor = PersonEditor(window.app, first.id, window, today=TODAY)
    editor.resize(1000, 720)
    editor.show()
    shot("person-editor", editor)
    editor.close()
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
