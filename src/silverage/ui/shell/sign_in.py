"""Signing in: pick a user, type the password; a password an administrator set is changed at once.

Password checking, lockout (5 wrong -> 5 minutes) and the audit trail live in services.users; the
dialogs show the services' own messages. Every check runs on the task runner (it writes the audit
trail), so a wrong password is a message beside the field, never a frozen window.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from silverage.domain.problems import UserError, ValidationError
from silverage.services import users
from silverage.services.context import Actor, ServiceContext
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.form_footer import RED, add_footer
from silverage.ui.widgets.password_fields import PasswordFields
from silverage.ui.widgets.wording import fill


def _app(ctx: ServiceContext | AppContext, lang: str) -> AppContext:
    return ctx if isinstance(ctx, AppContext) else AppContext.create(ctx, lang)


def error_text(exc: UserError, lang: str) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(p.text(lang) for p in exc.problems)
    return exc.text(lang)


class SignInDialog(QDialog):
    def __init__(
        self,
        ctx: ServiceContext | AppContext,
        username: str = "",
        parent: QWidget | None = None,
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self.app = _app(ctx, lang)
        self.ctx = self.app.services
        self.lang = lang
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 银龄"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        subdistrict = users.subdistrict_name(self.ctx)
        if subdistrict:
            form.addRow(QLabel(f"<b>{subdistrict}</b>", self))
        self.user_box = QComboBox(self)
        for u in users.list_users(self.ctx):
            who = fill(self.tr("%1（%2，%3）"), u.display_name, u.username, u.role.label(lang))
            self.user_box.addItem(who, u.username)
        if username:
            pos = self.user_box.findData(username)
            if pos >= 0:
                self.user_box.setCurrentIndex(pos)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setStyleSheet(f"color: {RED}")
        self.message.setWordWrap(True)
        form.addRow(self.tr("用户"), self.user_box)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.password.setFocus()

    def try_sign_in(self) -> None:
        ctx, name, password = self.ctx, str(self.user_box.currentData() or ""), self.password.text()
        if not name:
            self.message.setText(self.tr("请选择用户"))
            return
        self.ok_button.setEnabled(False)
        self.app.run(
            lambda: users.sign_in(ctx, name, password),
            parent=self,
            title=self.tr("登录"),
            on_done=self._signed_in,
            on_user_error=self._refused,
            on_finally=lambda: self.ok_button.setEnabled(True),
            show_progress=False,
        )

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, exc: UserError) -> None:
        self.message.setText(error_text(exc, self.lang))
        self.password.selectAll()
        self.password.setFocus()


class ChangePasswordDialog(QDialog):
    """The signed-in user (``actor``) chooses their own password, e.g. after an administrator's reset."""

    def __init__(
        self, app: AppContext, actor: Actor, parent: QWidget | None = None, forced: bool = True
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.actor = actor
        self.lang = app.lang
        self.changed = False
        self.setWindowTitle(self.tr("设置新密码"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        intro = QLabel(
            fill(self.tr("%1：管理员为您设置了临时密码，请现在换成只有您知道的新密码。"), actor.shown_name)
            if forced
            else fill(self.tr("%1：请先输入原密码，再输入两次新密码。"), actor.shown_name),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.old_password: QLineEdit | None = None
        if not forced:
            self.old_password = QLineEdit(self)
            self.old_password.setObjectName("old_password")
            self.old_password.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(self.tr("原密码"), self.old_password)
        self.fields = PasswordFields(
            self.lang, lambda: (actor.username, actor.display_name), self, form, self.tr("新密码")
        )
        self.message, self.ok_button = add_footer(self, form, self.tr("保存新密码"), self.tr("取消"))

    def save(self) -> None:
        problem = self.fields.problem()
        if problem is not None:
            self.message.setText(problem)
            return
        ctx = replace(self.app.services, actor=self.actor)
        password = self.fields.text()
        old = self.old_password.text() if self.old_password is not None else None
        self.ok_button.setEnabled(False)
        self.app.run(
            lambda: users.change_own_password(ctx, password, old),
            parent=self,
            title=self.tr("设置新密码"),
            on_done=self._saved,
            on_user_error=lambda exc: self.message.setText(error_text(exc, self.lang)),
            on_finally=lambda: self.ok_button.setEnabled(True),
            show_progress=False,
        )

    def _saved(self, _result: object) -> None:
        self.changed = True
        self.accept()


def sign_in_interactively(app: AppContext, username: str = "", parent: QWidget | None = None) -> Actor | None:
    """The sign-in dialog, then the new-password dialog when the account must change its password;
    None when the person gave up (nobody is signed in then)."""
    dialog = SignInDialog(app, username, parent, app.lang)
    if not dialog.exec() or dialog.actor is None:
        return None
    return finish_sign_in(app, dialog.actor, parent)


def finish_sign_in(app: AppContext, actor: Actor, parent: QWidget | None = None) -> Actor | None:
    """After a correct password: a password an administrator set is replaced before anything else."""
    if not actor.must_change_password:
        return actor
    change = ChangePasswordDialog(app, actor, parent, forced=True)
    if not change.exec() or not change.changed:
        return None
    return replace(actor, must_change_password=False)
