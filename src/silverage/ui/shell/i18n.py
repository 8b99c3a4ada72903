"""Loading the interface language: our own .qm for English, Qt's own for standard buttons.

Chinese is the source language of every string, so "zh" needs no .qm of ours.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtGui import QGuiApplication

from silverage.paths import resource

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_current = ["zh"]


def current_language() -> str:
    """The language installed last ("zh" or "en"): for code that has no AppContext, such as the
    error dialog, to pick one of a UserError's two texts."""
    return _current[0]


def qm_path(lang: str) -> Path:
    return Path(str(resource("translations", f"silverage_{lang}.qm")))


def install_language(lang: str) -> bool:
    """Replace the installed translators; returns False if the language file is missing."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{'zh_CN' if lang == 'zh' else 'en'}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    _current[0] = "zh"
    if lang != "zh":
        ours = QTranslator(app)
        if not ours.load(str(qm_path(lang))):
            log.warning("No translation file for %s", lang)
            _name_the_app()
            return False
        app.installTranslator(ours)
        _installed.append(ours)
        _current[0] = lang
    _name_the_app()
    return True


def _name_the_app() -> None:
    """Qt adds the application's display name to every window title: it must follow the language."""
    if isinstance(QCoreApplication.instance(), QGuiApplication):
        QGuiApplication.setApplicationDisplayName(QCoreApplication.translate("Application", "银龄"))
