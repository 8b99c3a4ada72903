"""Screenshots of the first start (the setup wizard's four steps) and of the places and accounts tabs.

QT_QPA_PLATFORM=offscreen python installer/make_setup_screenshots.py [--lang en] [--out /tmp/shots]

The wizard runs on a brand-new database in a temp folder (nothing is saved: the shots are taken
before 完成); the two tabs show the demo roster as its administrator.
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
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--out", default=str(DOCS), help="folder for the PNG files (default: docs/)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="silverage-shots-"))
    os.environ["SILVERAGE_HOME"] = str(home)
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    from silverage.db.engine import open_database
    from silverage.domain.enums import Role
    from silverage.services import demo, users
    from silverage.services.context import Actor, ServiceContext
    from silverage.ui.shell.app_context import AppContext
    from silverage.ui.shell.application import make_app
    from silverage.ui.shell.i18n import install_language
    from silverage.ui.shell.main_window import MainWindow
    from silverage.ui.shell.setup_wizard import SetupWizard
    from silverage.ui.shell.ui_settings import UiSettings

    app = make_app()
    install_language(args.lang)
    settings = UiSettings(QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat))

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    def save(image: QImage, name: str) -> None:
        target = out / f"screenshot-{name}.png"
        image.save(str(target), "PNG")
        print(target, target.stat().st_size // 1024, "KB")

    # ---------------------------------------------------------------- the wizard, step by step
    fresh = AppContext.create(ServiceContext(open_database(str(home / "new.sqlite"))), args.lang, settings)
    wizard = SetupWizard(fresh)
    wizard.resize(860, 600)
    wizard.show()
    shots: list[QImage] = []

    def grab(widget: QWidget) -> None:
        settle()
        shots.append(widget.grab().toImage())

    wizard.subdistrict_page.name.setText("新塍街道")
    grab(wizard)
    wizard.next()
    admin = wizard.admin_page
    admin.display_name.setText("张主任")
    admin.username.setText("zhang")
    admin.password.password.setText("Yuehe#2026")
    admin.password.again.setText("Yuehe#2026")
    grab(wizard)
    wizard.next()
    step = wizard.places_page
    step.paste.setPlainText(
        "月河社区/1网格/1号微网格\n月河社区/1网格/2号微网格\n月河社区/2网格/1号微网格\n"
        "南湖社区/1网格/1号微网格\n南湖社区/2网格/1号微网格"
    )
    step.add_pasted()
    step.paste.setPlainText("梅湾社区\t1网格\t1号微网格\n\t\t2号微网格")
    grab(wizard)
    wizard.next()
    grab(wizard)
    w, h = shots[0].width(), shots[0].height()
    gap = 12
    sheet = QImage(2 * w + 3 * gap, 2 * h + 3 * gap, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#90A4AE"))
    painter = QPainter(sheet)
    for i, shot in enumerate(shots):
        painter.drawImage(gap + (i % 2) * (w + gap), gap + (i // 2) * (h + gap), shot)
    painter.end()
    save(sheet.scaled(sheet.width() * 3 // 4, sheet.height() * 3 // 4, Qt.AspectRatioMode.KeepAspectRatio,
                      Qt.TransformationMode.SmoothTransformation), "setup-wizard")  # fmt: skip
    wizard.done(0)

    # ---------------------------------------------------------------- places and accounts (the demo)
    ctx = ServiceContext(open_database(str(home / "demo.sqlite")))
    demo.build_demo(ctx, seed=2026, today=TODAY)
    users.ensure_demo_passwords(ctx)
    ctx.actor = Actor("admin", Role.ADMIN, "管理员")
    window = MainWindow(AppContext.create(ctx, args.lang, settings), today=TODAY)
    window.resize(1280, 800)
    window.load()
    window.show()
    window.show_page("settings")
    page = window.pages["settings"]
    places_tab = page.places_page
    page.tabs.setCurrentWidget(places_tab)
    first = places_tab.tree.topLevelItem(0)
    places_tab.tree.expandItem(first)
    places_tab.tree.expandItem(first.child(0))
    places_tab.tree.setCurrentItem(first.child(0).child(1))
    settle()
    save(window.grab().toImage(), "places")
    page.tabs.setCurrentWidget(page.users_page)
    page.users_page.table.selectRow(3)
    settle()
    save(window.grab().toImage(), "users")
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
