"""账号 (administrators): who may sign in, with which role and, for community workers, which communities.

Add an account, change its name, role and communities, disable or enable it, reset its password
(the person must choose their own at the next sign-in), and how many idle minutes lock the window.
``services.users`` checks every rule (the last administrator stays, a worker needs a community, a
password must be strong enough) and this page shows its messages as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.changes import USERS, Changes
from silverage.domain.enums import Role
from silverage.domain.problems import UserError, ValidationError
from silverage.services import users
from silverage.services.roster import places
from silverage.services.users import AccountRow
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.ask import ask_yes_no
from silverage.ui.widgets.follow_changes import follow_changes
from silverage.ui.widgets.form_footer import GREEN, RED, add_footer
from silverage.ui.widgets.password_fields import PasswordFields
from silverage.ui.widgets.simple_table import SimpleTableModel
from silverage.ui.widgets.wording import fill

ROLES = (Role.WORKER, Role.SUPERVISOR, Role.ADMIN, Role.VIEWER)


def _problem_text(exc: UserError, lang: str) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(p.text(lang) for p in exc.problems)
    return exc.text(lang)


def _locked(row: AccountRow, now: datetime) -> bool:
    if row.locked_until is None:
        return False
    until = row.locked_until if row.locked_until.tzinfo else row.locked_until.replace(tzinfo=UTC)
    return until > (now if now.tzinfo else now.replace(tzinfo=UTC))


class AccountDialog(QDialog):
    """A new account (with its first password), or an existing one's name, role and communities."""

    def __init__(
        self,
        app: AppContext,
        communities: list[str],
        account: AccountRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.account = account
        self.saved = False
        self.setWindowTitle(self.tr("添加账号") if account is None else self.tr("修改账号"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("account_name")
        self.username = QLineEdit(self)
        self.username.setObjectName("account_username")
        self.role = QComboBox(self)
        for role in ROLES:
            self.role.addItem(role.label(app.lang), role.value)
        self.communities = QListWidget(self)
        self.communities.setObjectName("account_communities")
        self.communities.setMaximumHeight(160)
        for name in communities:
            item = QListWidgetItem(name, self.communities)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.role_note = QLabel(self)
        self.role_note.setWordWrap(True)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("角色"), self.role)
        form.addRow("", self.role_note)
        form.addRow(self.tr("负责社区"), self.communities)
        self.password: PasswordFields | None = None
        if account is None:
            self.password = PasswordFields(
                app.lang,
                lambda: (self.username.text().strip(), self.display_name.text().strip()),
                self,
                form,
                self.tr("初始密码"),
            )
            note = QLabel(self.tr("请把初始密码当面告诉本人；本人第一次登录后可以在“设置”里修改。"), self)
            note.setWordWrap(True)
            form.addRow(note)
        else:
            self.display_name.setText(account.display_name)
            self.username.setText(account.username)
            self.username.setReadOnly(True)
            self.role.setCurrentIndex(max(0, self.role.findData(account.role.value)))
            for i in range(self.communities.count()):
                item = self.communities.item(i)
                if item.text() in account.communities:
                    item.setCheckState(Qt.CheckState.Checked)
        self.message, self.ok_button = add_footer(self, form, self.tr("保存"), self.tr("取消"))
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def chosen_communities(self) -> list[str]:
        return [
            self.communities.item(i).text()
            for i in range(self.communities.count())
            if self.communities.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_communities(self, names: list[str]) -> None:
        for i in range(self.communities.count()):
            item = self.communities.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)

    def _role_changed(self) -> None:
        worker = self.chosen_role() is Role.WORKER
        self.communities.setEnabled(worker)
        self.role_note.setText(
            self.tr("社区工作者只能看到和修改所选社区的老人、探访和志愿者。")
            if worker
            else {
                Role.SUPERVISOR: self.tr("督导可以查看和修改所有社区，可以修改分级规则和探访频次。"),
                Role.ADMIN: self.tr("管理员管理账号、地点和设置，也可以做督导能做的一切。"),
                Role.VIEWER: self.tr("只读账号只能查看总览和隐藏了号码的名单。"),
            }[self.chosen_role()]
        )

    def save(self) -> None:
        ctx, role = self.app.services, self.chosen_role()
        name, username = self.display_name.text().strip(), self.username.text().strip()
        communities = self.chosen_communities() if role is Role.WORKER else []
        work: Callable[[], Changes]
        if self.account is None:
            assert self.password is not None
            problem = self.password.problem()
            if not username:
                problem = self.tr("请填写用户名")
            if problem is not None:
                self.message.setText(problem)
                return
            password = self.password.text()

            def work() -> Changes:
                return users.add_user(ctx, username, name, role, password, communities)
        else:

            def work() -> Changes:
                return users.update_user(ctx, username, display_name=name, role=role, communities=communities)

        self.ok_button.setEnabled(False)
        self.app.run(
            work,
            parent=self,
            title=self.windowTitle(),
            on_done=self._saved,
            on_user_error=lambda exc: self.message.setText(_problem_text(exc, self.app.lang)),
            on_finally=lambda: self.ok_button.setEnabled(not self.saved),
        )

    def _saved(self, _changes: Changes) -> None:
        self.saved = True
        self.accept()


class ResetPasswordDialog(QDialog):
    def __init__(self, app: AppContext, account: AccountRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.account = account
        self.saved = False
        self.setWindowTitle(self.tr("重置密码"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        own = account.username == app.services.actor.username
        intro = QLabel(
            fill(self.tr("为 %1（%2）设置新密码。"), account.display_name, account.username)
            if own
            else fill(
                self.tr("为 %1（%2）设置临时密码；本人下次登录时必须换成自己的新密码。"),
                account.display_name,
                account.username,
            ),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.fields = PasswordFields(
            app.lang, lambda: (account.username, account.display_name), self, form, self.tr("新密码")
        )
        self.message, self.ok_button = add_footer(self, form, self.tr("重置密码"), self.tr("取消"))

    def save(self) -> None:
        problem = self.fields.problem()
        if problem is not None:
            self.message.setText(problem)
            return
        ctx, username, password = self.app.services, self.account.username, self.fields.text()
        self.ok_button.setEnabled(False)
        self.app.run(
            lambda: users.set_password(ctx, username, password),
            parent=self,
            title=self.tr("重置密码"),
            on_done=self._saved,
            on_user_error=lambda exc: self.message.setText(_problem_text(exc, self.app.lang)),
            on_finally=lambda: self.ok_button.setEnabled(not self.saved),
        )

    def _saved(self, _changes: Changes) -> None:
        self.saved = True
        self.accept()


class UsersPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.lang = app.lang
        self.rows: list[AccountRow] = []
        follow_changes(self, app.bus, lambda c: USERS in c.settings or c.places)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加账号…"), self)
        self.edit_button = QPushButton(self.tr("修改…"), self)
        self.reset_button = QPushButton(self.tr("重置密码…"), self)
        self.disable_button = QPushButton(self.tr("停用"), self)
        self.enable_button = QPushButton(self.tr("启用"), self)
        for b in (
            self.add_button,
            self.edit_button,
            self.reset_button,
            self.disable_button,
            self.enable_button,
        ):
            top.addWidget(b)
        top.addStretch(1)
        outer.addLayout(top)
        self.model = SimpleTableModel(
            [self.tr("姓名"), self.tr("用户名"), self.tr("角色"), self.tr("负责社区"), self.tr("状态")], self
        )
        self.table = QTableView(self)
        self.table.setObjectName("account_list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the communities, however many
        header.setStretchLastSection(False)
        self.table.doubleClicked.connect(lambda _i: self.edit_account())
        outer.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)

        lock_box = QGroupBox(self.tr("自动锁屏"), self)
        lock_row = QHBoxLayout(lock_box)
        lock_row.addWidget(QLabel(self.tr("无人操作"), lock_box))
        self.idle_minutes = QSpinBox(lock_box)
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        lock_row.addWidget(self.idle_minutes)
        lock_row.addWidget(
            QLabel(self.tr("后遮住个人信息，输入密码才能继续（未保存的输入会保留）"), lock_box)
        )
        self.idle_button = QPushButton(self.tr("保存"), lock_box)
        lock_row.addWidget(self.idle_button)
        lock_row.addStretch(1)
        outer.addWidget(lock_box)

        self.add_button.clicked.connect(self.add_account)
        self.edit_button.clicked.connect(self.edit_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.disable_button.clicked.connect(self.disable)
        self.enable_button.clicked.connect(self.enable)
        self.idle_button.clicked.connect(self.save_idle_minutes)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        self.refresh()

    # ---------------------------------------------------------------- the list

    def refresh(self) -> None:
        current = self.current()
        self.rows = users.accounts(self.app.services)
        now = self.app.services.clock.utcnow()
        self.model.set_rows(
            [
                (
                    r.display_name,
                    r.username,
                    r.role.label(self.lang),
                    self.tr("、").join(r.communities)
                    if r.role is Role.WORKER
                    else self.tr("全部社区")
                    if r.role is not Role.VIEWER
                    else self.tr("全部社区（只读）"),
                    self._state(r, now),
                )
                for r in self.rows
            ],
            keys=[r.username for r in self.rows],
        )
        self.idle_minutes.setValue(users.idle_lock_minutes(self.app.services))
        if current is not None:
            self.select(current.username)
        self._buttons()

    def _state(self, r: AccountRow, now: datetime) -> str:
        if not r.active:
            return self.tr("已停用")
        if _locked(r, now):
            return self.tr("密码输错次数过多，暂时锁定")
        if not r.has_password:
            return self.tr("还没有密码")
        if r.must_change_password:
            return self.tr("下次登录需改密码")
        return self.tr("在用")

    def select(self, username: str) -> None:
        for row, r in enumerate(self.rows):
            if r.username == username:
                self.table.selectRow(row)
                return

    def current(self) -> AccountRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        return self.rows[index.row()]

    def _buttons(self) -> None:
        r = self.current()
        self.edit_button.setEnabled(r is not None)
        self.reset_button.setEnabled(r is not None and r.active)
        self.disable_button.setEnabled(r is not None and r.active)
        self.enable_button.setEnabled(r is not None and not r.active)

    def _communities(self) -> list[str]:
        return [n.name for n in places.tree(self.app.services)]

    def _say(self, text: str, color: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color}")

    # ---------------------------------------------------------------- changes

    def add_account(self) -> None:
        dialog = AccountDialog(self.app, self._communities(), None, self)
        if dialog.exec() and dialog.saved:
            self.select(dialog.username.text().strip())
            self._say(fill(self.tr("已添加账号 %1"), dialog.username.text().strip()), GREEN)

    def edit_account(self) -> None:
        r = self.current()
        if r is None:
            return
        dialog = AccountDialog(self.app, self._communities(), r, self)
        if dialog.exec() and dialog.saved:
            self.select(r.username)
            self._say(fill(self.tr("已保存账号 %1"), r.username), GREEN)

    def reset_password(self) -> None:
        r = self.current()
        if r is None:
            return
        dialog = ResetPasswordDialog(self.app, r, self)
        if dialog.exec() and dialog.saved:
            self._say(fill(self.tr("已为 %1 设置新密码"), r.username), GREEN)

    def _run(self, work: Callable[[], Changes], title: str, done_text: str) -> None:
        self.app.run(
            work,
            parent=self,
            title=title,
            on_done=lambda _c: self._say(done_text, GREEN),
            on_user_error=lambda exc: self._say(_problem_text(exc, self.lang), RED),
        )

    def disable(self) -> None:
        r = self.current()
        if r is None:
            return
        question = fill(
            self.tr("停用 %1（%2）后，此人不能再登录；TA做过的记录都会保留，以后可以再启用。确定停用吗？"),
            r.display_name,
            r.username,
        )
        if not ask_yes_no(self, self.tr("停用账号"), question):
            return
        ctx, username = self.app.services, r.username
        self._run(
            lambda: users.disable_user(ctx, username),
            self.tr("停用账号"),
            fill(self.tr("已停用 %1"), username),
        )

    def enable(self) -> None:
        r = self.current()
        if r is None:
            return
        ctx, username = self.app.services, r.username
        self._run(
            lambda: users.enable_user(ctx, username),
            self.tr("启用账号"),
            fill(self.tr("已启用 %1"), username),
        )

    def save_idle_minutes(self) -> None:
        ctx, minutes = self.app.services, self.idle_minutes.value()
        self._run(
            lambda: users.set_idle_lock_minutes(ctx, minutes),
            self.tr("自动锁屏"),
            fill(self.tr("已保存：无人操作 %1 分钟后锁屏"), minutes),
        )
