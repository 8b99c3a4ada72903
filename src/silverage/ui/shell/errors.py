"""Unexpected errors: logged with the traceback, shown as a readable dialog with details behind a button."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from silverage.ui.shell.tasks import show_error

log = logging.getLogger(__name__)


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    details = "".join(traceback.format_exception(kind, exc, tb))
    log.error("Unhandled error in the desktop app\n%s", details)
    app = QApplication.instance()
    if app is None:
        return
    parent = QApplication.activeWindow()
    show_error(parent, QCoreApplication.translate("Application", "银龄"), exc, details)


def install_excepthook() -> None:
    sys.excepthook = _hook


def show_bad_arguments(argv: str) -> None:
    """The windowed app was started with arguments it does not take (a shortcut edited by hand):
    there is no console for argparse's message, which went to the log, so say it in a dialog. In
    both languages: no language is chosen yet."""
    from silverage.ui.shell.application import make_app

    make_app()
    QMessageBox.critical(
        None,
        "银龄",
        f"无法启动：快捷方式或命令中的参数有误（{argv}），详情已写入日志。\n\n"
        f"Cannot start: the shortcut's or command's arguments are wrong ({argv}); details are in the log.",
    )
