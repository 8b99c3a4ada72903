"""Start-up of the desktop app: QApplication, font, language, database, sign-in, main window."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from silverage import bootstrap
from silverage.domain.problems import UserError
from silverage.services.context import Actor, ServiceContext
from silverage.ui.shell.fonts import install_cjk_font

log = logging.getLogger(__name__)

DEMO_AUTO_USER = "sheg"  # 李社工: `silverage --demo` lands on the roster as a community worker


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("silverage")
    app.setOrganizationName("silverage")
    app.setApplicationDisplayName("银龄")
    install_cjk_font(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def open_services(args: argparse.Namespace) -> ServiceContext:
    """Open the database (building the demo roster on first use with --demo); nobody signed in yet."""
    return bootstrap.open_services(args)


def open_context(args: argparse.Namespace) -> ServiceContext:
    """For the self-test and scripts: the database, acting as ``--user`` or the OS login (no password)."""
    return bootstrap.open_context(args)


def choose_actor(ctx: ServiceContext, args: argparse.Namespace, last_user: str, lang: str) -> Actor | None:
    """Who works in this window: nobody to sign in as -> the OS login; demo -> 李社工; else the dialog."""
    from silverage.services import users
    from silverage.services.roster import roster_query

    if not users.list_users(ctx):
        return bootstrap.os_login_actor()
    wanted = getattr(args, "user", None)
    if wanted is None and roster_query.is_synthetic(ctx):
        return users.actor_without_password(ctx, DEMO_AUTO_USER)
    from silverage.ui.shell.sign_in import SignInDialog

    dialog = SignInDialog(ctx, wanted or last_user, None, lang)
    if not dialog.exec():
        return None
    return dialog.actor


def run(args: argparse.Namespace) -> int:
    from silverage.ui.shell.app_context import AppContext
    from silverage.ui.shell.errors import install_excepthook
    from silverage.ui.shell.i18n import install_language
    from silverage.ui.shell.ui_settings import UiSettings

    app = make_app()
    install_excepthook()
    settings = UiSettings()
    lang = getattr(args, "lang", None) or settings.language
    install_language(lang)
    try:
        ctx = open_services(args)
        actor = choose_actor(ctx, args, settings.last_user, lang)
    except UserError as exc:
        QMessageBox.critical(None, "银龄", f"{exc.zh}\n\n{exc.en}")
        return 2
    if actor is None:
        return 0
    ctx.actor = actor
    settings.last_user = actor.username
    from silverage.ui.shell.main_window import MainWindow

    window = MainWindow(AppContext.create(ctx, lang, settings))
    window.show()
    window.load_async()
    return app.exec()
