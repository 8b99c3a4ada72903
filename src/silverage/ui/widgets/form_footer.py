"""The bottom of a small form dialog: a red message line for what to fix, then OK and Cancel.

The dialog passes its own translated button texts and gets the message label and the OK button
back (to show a refusal, to disable OK while the action runs)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton

RED, GREEN, GREY = "#B3261E", "#1E6E2E", "#777777"  # mistakes, done, hints


def add_footer(
    dialog: QDialog, form: QFormLayout, ok_text: str, cancel_text: str
) -> tuple[QLabel, QPushButton]:
    """OK calls ``dialog.save()``, Cancel ``dialog.reject()``."""
    message = QLabel(dialog)
    message.setWordWrap(True)
    message.setStyleSheet(f"color: {RED}")
    form.addRow(message)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.save)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return message, ok_button
