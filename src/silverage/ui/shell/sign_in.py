"""The sign-in dialog: pick a user, type the password. Password checking lives in services.users."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from silverage.domain.problems import UserError
from silverage.services import users
from silverage.services.context import Actor, ServiceContext
from silverage.ui.widgets.wording import fill


class SignInDialog(QDialog):
    def __init__(
        self, ctx: ServiceContext, username: str = "", parent: QWidget | None = None, lang: str = "zh"
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = lang
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 银龄"))
        form = QFormLayout(self)
        self.user_box = QComboBox(self)
        for u in users.list_users(ctx):
            who = fill(self.tr("%1（%2，%3）"), u.display_name, u.username, u.role.label(lang))
            self.user_box.addItem(who, u.username)
        if username:
            pos = self.user_box.findData(username)
            if pos >= 0:
                self.user_box.setCurrentIndex(pos)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #B3261E")
        self.message.setWordWrap(True)
        form.addRow(self.tr("用户"), self.user_box)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.password.setFocus()

    def try_sign_in(self) -> None:
        try:
            self.actor = users.sign_in(self.ctx, str(self.user_box.currentData() or ""), self.password.text())
        except UserError as exc:
            self.message.setText(exc.text(self.lang))
            self.password.selectAll()
            return
        self.accept()
