"""A new password typed twice, with the rule and, while typing, whether this one may be used.

The rule and the reasons come from ``domain.passwords`` (the same check the services run when
saving), so the form never says "fine" to a password the service then refuses.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from silverage.domain import passwords
from silverage.ui.widgets.form_footer import GREEN, RED
from silverage.ui.widgets.wording import pick

GREY = "#555555"  # darker than a form hint: it sits under the password box


class PasswordFields(QObject):
    """The ``password`` and ``again`` rows and the hint, added to the owner's QFormLayout (so their
    labels line up with the form's others); ``problem()`` is None when the password is usable."""

    changed = Signal()

    def __init__(
        self,
        lang: str,
        names: Callable[[], tuple[str, str]],
        parent: QWidget,
        form: QFormLayout,
        first_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self._names = names  # (username, display name): a password may not contain either
        self.password = QLineEdit(parent)
        self.password.setObjectName("new_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(parent)
        self.again.setObjectName("new_password_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel(passwords.hint(lang), parent)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {GREY}")
        form.addRow(first_label or self.tr("密码"), self.password)
        form.addRow(self.tr("再输入一次"), self.again)
        form.addRow("", self.hint)
        self.password.textChanged.connect(self.update_hint)
        self.again.textChanged.connect(self.update_hint)

    def text(self) -> str:
        return self.password.text()

    def clear(self) -> None:
        self.password.clear()
        self.again.clear()

    def problem(self) -> str | None:
        """Why the typed password cannot be used (in the interface's language), or None."""
        typed = self.password.text()
        if not typed:
            return self.tr("请输入密码")
        username, display_name = self._names()
        found = passwords.check(typed, username, display_name)
        if found is not None:
            return found.text(self.lang)
        if self.again.text() != typed:
            return self.tr("两次输入的密码不一样")
        return None

    def update_hint(self) -> None:
        typed = self.password.text()
        if not typed:
            self.hint.setText(passwords.hint(self.lang))
            self.hint.setStyleSheet(f"color: {GREY}")
        else:
            username, display_name = self._names()
            found = passwords.check(typed, username, display_name)
            if found is not None:
                self.hint.setText(pick(self.lang, found.zh, found.en))
                self.hint.setStyleSheet(f"color: {RED}")
            elif self.again.text() and self.again.text() != typed:
                self.hint.setText(self.tr("两次输入的密码不一样"))
                self.hint.setStyleSheet(f"color: {RED}")
            elif not self.again.text():
                self.hint.setText(self.tr("密码可以使用；请再输入一次"))
                self.hint.setStyleSheet(f"color: {GREEN}")
            else:
                self.hint.setText(self.tr("密码可以使用"))
                self.hint.setStyleSheet(f"color: {GREEN}")
        self.changed.emit()
