"""Start-up of the desktop app: QApplication, font, language, database, setup or sign-in, main window."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from silverage import bootstrap
from silverage.domain.problems import UserError
from silverage.services import writer_note
from silverage.services.context import Actor, ServiceContext
from silverage.ui.shell.fonts import install_cjk_font
from silverage.ui.shell.icon import app_icon

if TYPE_CHECKING:
    from silverage.ui.shell.app_context import AppContext
    from silverage.ui.shell.main_window import MainWindow
    from silverage.ui.shell.setup_wizard import SetupWizard

log = logging.getLogger(__name__)

DEMO_AUTO_USER = "sheg"  # 李社工: `silverage --demo` lands on the roster as a community worker


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("silverage")
    app.setOrganizationName("silverage")
    app.setApplicationDisplayName("银龄")
    install_cjk_font(app)  # type: ignore[arg-type]
    app.setWindowIcon(app_icon())  # type: ignore[union-attr]
    return app  # type: ignore[return-value]


def open_services(args: argparse.Namespace) -> ServiceContext:
    """Open the database (building the demo roster on first use with --demo); nobody signed in yet."""
    return bootstrap.open_services(args)


def open_context(args: argparse.Namespace) -> ServiceContext:
    """For the self-test and scripts: the database, acting as ``--user`` or the OS login (no password)."""
    return bootstrap.open_context(args)


def choose_actor(
    app: AppContext, args: argparse.Namespace, last_user: str
) -> tuple[Actor, SetupWizard | None] | None:
    """Who works in this window. A new office's database (no accounts, not the demo): the setup
    wizard, which creates the first administrator and signs them in. The demo: 李社工 without a
    password. Any other database: the sign-in dialog (and a new password when an administrator set
    it). None: the person gave up."""
    from silverage.services import users
    from silverage.services.roster import roster_query
    from silverage.ui.shell.sign_in import sign_in_interactively

    ctx = app.services
    wanted = getattr(args, "user", None)
    if not users.has_accounts(ctx):
        if roster_query.is_synthetic(ctx):
            return bootstrap.os_login_actor(), None
        from silverage.ui.shell.setup_wizard import SetupWizard

        wizard = SetupWizard(app)
        if not wizard.exec() or wizard.actor is None:
            return None
        return wizard.actor, wizard
    if wanted is None and roster_query.is_synthetic(ctx):
        return users.actor_without_password(ctx, DEMO_AUTO_USER), None
    actor = sign_in_interactively(app, wanted or last_user)
    return (actor, None) if actor is not None else None


def open_main_window(app: AppContext, actor: Actor, wizard: SetupWizard | None = None) -> MainWindow:
    """The main window for ``actor``, on the roster after a first-start setup (and its import)."""
    from silverage.ui.shell.main_window import MainWindow

    app.services.actor = actor
    app.settings.last_user = actor.username
    window = MainWindow(app)
    window.show()
    window.load_async()
    if wizard is not None:
        from silverage.ui.shell.setup_wizard import open_after_setup

        open_after_setup(window, wizard)
    return window


def start_failed(exc: Exception) -> int:
    """The desktop app could not start: the traceback to the log, a readable dialog to the person
    (there may be no console: the windowed build has no stderr). The exit status is the command
    line's (1: internal error, 2: something the person can fix)."""
    import traceback

    from silverage.services.faults import explain
    from silverage.ui.shell.tasks import show_error

    log.error("The desktop app could not start: %s", type(exc).__name__)
    show_error(None, "银龄", exc, "".join(traceback.format_exception(exc)))  # logs a bug's traceback
    return 1 if explain(exc) is None else 2


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
    writer_note.set_program("银龄窗口 (silverage window)")  # named to anyone kept waiting by it
    try:
        ctx = open_services(args)
        context = AppContext.create(ctx, lang, settings)
        chosen = choose_actor(context, args, settings.last_user)
    except UserError as exc:
        log.warning("The desktop app could not start: %s", exc.en)
        QMessageBox.critical(None, "银龄", f"{exc.zh}\n\n{exc.en}")
        return 2
    except Exception as exc:  # a bug, or a fault of the machine: said in a dialog, never on a console
        return start_failed(exc)
    if chosen is None:
        return 0
    actor, wizard = chosen
    window = open_main_window(context, actor, wizard)  # noqa: F841 - kept alive while the app runs
    return app.exec()
