"""Unexpected errors: logged with the traceback, shown as a readable dialog with details behind a button."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

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
