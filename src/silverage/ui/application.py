"""Start-up of the desktop app: QApplication, font, database, main window."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from silverage.cli.main import db_target
from silverage.db.engine import open_database
from silverage.domain.problems import UserError
from silverage.services.context import Actor, ServiceContext
from silverage.ui.fonts import install_cjk_font

log = logging.getLogger(__name__)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("silverage")
    app.setOrganizationName("silverage")
    app.setApplicationDisplayName("银龄")
    install_cjk_font(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def open_context(args: argparse.Namespace) -> ServiceContext:
    """Open the database (building the demo roster on first use with --demo)."""
    from silverage.cli.session import resolve_actor

    db = open_database(db_target(args))
    ctx = ServiceContext(db)
    if getattr(args, "demo", False):
        from silverage.services import demo, roster_query

        if roster_query.counts(ctx).elders_total == 0:
            demo.build_demo(ctx)
    ctx.actor = resolve_actor(ctx, getattr(args, "user", None))
    if ctx.actor.display_name == ctx.actor.username:
        ctx.actor = Actor(ctx.actor.username, ctx.actor.role, ctx.actor.display_name)
    return ctx


def run(args: argparse.Namespace) -> int:
    app = make_app()
    try:
        ctx = open_context(args)
    except UserError as exc:
        QMessageBox.critical(None, "银龄", f"{exc.zh}\n\n{exc.en}")
        return 2
    from silverage.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.load()
    window.show()
    return app.exec()
