"""The accounts page of a new office's administrator: add a worker for one community, reset, disable."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from silverage.domain.enums import Role
from silverage.services import setup, users
from silverage.services.context import ServiceContext
from silverage.ui.settings import users_page
from silverage.ui.settings.users_page import AccountDialog, ResetPasswordDialog, UsersPage
from silverage.ui.shell.app_context import AppContext
from tests.ui.helpers import settle

pytestmark = pytest.mark.db

ADMIN_PASSWORD = "Yuehe#2026"


@pytest.fixture
def app(db) -> AppContext:  # noqa: ANN001
    ctx = ServiceContext(db)
    ctx.actor = users.init_office(ctx, "新塍街道", "zhang", "张主任", ADMIN_PASSWORD).actor
    setup.add_places(ctx, ["月河社区/1网格/1号微网格", "南湖社区/1网格/1号微网格"])
    return AppContext.create(ctx)


@pytest.fixture
def page(qtbot, app) -> UsersPage:  # noqa: ANN001
    page = UsersPage(app)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def _cells(page: UsersPage) -> list[tuple[str, ...]]:
    m = page.model
    return [tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())]


def test_add_a_worker_with_one_community(qtbot, page, app, monkeypatch) -> None:  # noqa: ANN001
    assert _cells(page) == [("张主任", "zhang", "管理员", "全部社区", "在用")]
    opened: list[AccountDialog] = []

    def fill_in(dialog: AccountDialog) -> int:
        opened.append(dialog)
        dialog.display_name.setText("李社工")
        dialog.username.setText("li")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.WORKER.value))
        assert dialog.communities.isEnabled()
        dialog.password.password.setText("Nanhu#2026")
        dialog.password.again.setText("Nanhu#2026")
        dialog.save()  # no community yet: the services refuse, the dialog stays
        settle(qtbot, app)
        assert not dialog.saved and "需要指定负责的社区" in dialog.message.text()
        dialog.set_communities(["月河社区"])
        dialog.save()
        settle(qtbot, app)
        return int(QDialog.DialogCode.Accepted) if dialog.saved else 0

    monkeypatch.setattr(AccountDialog, "exec", fill_in)
    page.add_button.click()
    settle(qtbot, app)
    assert opened and opened[0].saved
    assert ("李社工", "li", "社区工作者", "月河社区", "在用") in _cells(page)
    assert "已添加账号 li" in page.message.text() and page.current().username == "li"
    row = next(a for a in users.accounts(app.services) if a.username == "li")
    assert row.communities == ("月河社区",) and row.role is Role.WORKER
    actor = users.sign_in(app.services, "li", "Nanhu#2026")
    assert actor.communities is not None and len(actor.communities) == 1


def test_reset_password_disable_and_the_last_administrator(qtbot, page, app, monkeypatch) -> None:  # noqa: ANN001
    users.add_user(app.services, "liu", "刘督导", Role.SUPERVISOR, "Meiwan#2026")
    settle(qtbot, app)
    page.refresh()
    page.select("liu")

    def reset(dialog: ResetPasswordDialog) -> int:
        dialog.fields.password.setText("Temp#20261")
        dialog.fields.again.setText("Temp#20261")
        dialog.save()
        settle(qtbot, app)
        return int(dialog.saved)

    monkeypatch.setattr(ResetPasswordDialog, "exec", reset)
    page.reset_button.click()
    settle(qtbot, app)
    assert ("刘督导", "liu", "督导", "全部社区", "下次登录需改密码") in _cells(page)
    assert users.sign_in(app.services, "liu", "Temp#20261").must_change_password

    monkeypatch.setattr(users_page, "ask_yes_no", lambda *a: True)
    page.select("liu")
    page.disable_button.click()
    settle(qtbot, app)
    assert ("刘督导", "liu", "督导", "全部社区", "已停用") in _cells(page) and page.enable_button.isEnabled()

    page.select("zhang")  # oneself, and the last administrator: refused with the services' message
    page.disable_button.click()
    settle(qtbot, app)
    assert "不能停用自己" in page.message.text()
    assert _cells(page)[0][-1] == "在用"


def test_the_idle_minutes_are_saved(qtbot, page, app) -> None:  # noqa: ANN001
    assert page.idle_minutes.value() == users.DEFAULT_IDLE_MINUTES
    page.idle_minutes.setValue(3)
    page.idle_button.click()
    settle(qtbot, app)
    assert users.idle_lock_minutes(app.services) == 3 and "3 分钟" in page.message.text()


def test_the_last_administrator_keeps_the_role(qtbot, page, app, monkeypatch) -> None:  # noqa: ANN001
    page.select("zhang")

    def demote(dialog: AccountDialog) -> int:
        assert dialog.username.isReadOnly() and dialog.username.text() == "zhang"
        dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR.value))
        dialog.save()
        settle(qtbot, app)
        assert not dialog.saved and "最后一个在用的管理员" in dialog.message.text()
        return 0

    monkeypatch.setattr(AccountDialog, "exec", demote)
    page.edit_button.click()
    settle(qtbot, app)
    assert _cells(page)[0][2] == "管理员"
