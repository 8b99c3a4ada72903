"""Pages and actions delivered by other parts of the product, imported when present.

Until a part lands, its page shows a clear "not yet available" note instead of failing to start.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

log = logging.getLogger(__name__)


def find(module: str, name: str) -> Any | None:
    """The attribute, or None if that module has not landed yet (only a missing module is tolerated)."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, name, None)


def not_available(parent: QWidget | None, what: str) -> QLabel:
    label = QLabel(QCoreApplication.translate("optional", "此功能尚未提供：") + what, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setObjectName("notAvailable")
    return label
