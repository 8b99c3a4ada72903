"""The yes/no question the pages ask before a change (modules re-export it as their test seam)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """True only when the user answers Yes."""
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes
