"""A new office's first start: the setup wizard, end to end, on a brand-new database; then sign-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QWizard

from silverage.domain.enums import Role
from silverage.services import users
from silverage.services.context import ServiceContext
from silverage.services.roster import places
from silverage.ui.shell import application
from silverage.ui.shell.app_context import AppContext
from silverage.ui.shell.setup_wizard import ADMIN, PLACES, ROSTER, SUBDISTRICT, SetupWizard
from silverage.ui.shell.sign_in import ChangePasswordDialog, SignInDialog, finish_sign_in
from silverage.ui.shell.ui_settings import UiSettings
from tests.ui.helpers import settle

pytestmark = pytest.mark.db

PASSWORD = "Yuehe#2026"
BACKUP_PASSWORD = "Beifen-2026-mima"


@pytest.fixture
def app(db, tmp_path) -> AppContext:
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    return AppContext.create(ServiceContext(db), "zh", settings)


def _paths(ctx: ServiceContext) -> list[str]:
    return [n.path for top in places.tree(ctx) for n in top.walk()]


def _drive_to_places(qtbot, app: AppContext) -> SetupWizard:  # noqa: ANN001
    wizard = SetupWizard(app)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert wizard.currentId() == SUBDISTRICT and not next_button.isEnabled()  # the name is required
    wizard.subdistrict_page.name.setText("新塍街道")
    assert next_button.isEnabled()
    wizard.next()
    assert wizard.currentId() == ADMIN
    admin = wizard.admin_page
    admin.display_name.setText("张主任")
    admin.username.setText("zhang")
    admin.password.password.setText("12345678")
    admin.password.again.setText("12345678")
    assert not next_button.isEnabled()  # a weak password: the hint says why
    assert "连续" in admin.password.hint.text()
    admin.password.password.setText(PASSWORD)
    admin.password.again.setText(PASSWORD + "x")
    assert not next_button.isEnabled() and "不一样" in admin.password.hint.text()
    admin.password.again.setText(PASSWORD)
    assert next_button.isEnabled()
    admin.backup_password.password.setText("12345678")  # a backup password is optional, but not a weak one
    assert not next_button.isEnabled()
    admin.backup_password.password.setText(BACKUP_PASSWORD)
    admin.backup_password.again.setText(BACKUP_PASSWORD)
    assert next_button.isEnabled()
    wizard.next()
    assert wizard.currentId() == PLACES
    return wizard


def test_the_setup_wizard_opens_a_new_office_on_its_roster_signed_in(qtbot, app) -> None:  # noqa: ANN001
    ctx = app.services
    assert not users.has_accounts(ctx) and _paths(ctx) == []
    wizard = _drive_to_places(qtbot, app)
    step = wizard.places_page
    step.paste.setPlainText(
        "月河社区/1网格/1号微网格\n月河社区/1网格/2号微网格\n月河社区\t2网格\t1号微网格\n\t\t2号微网格\n南湖社区/1网格\n"
    )
    step.paste_button.click()
    assert "共 2 个社区、3 个网格、4 个微网格" in step.count_label.text()
    assert _paths(ctx) == []  # nothing is written before 完成
    wizard.next()
    assert wizard.currentId() == ROSTER
    assert "新塍街道" in wizard.roster_page.summary.text() and "zhang" in wizard.roster_page.summary.text()
    wizard.roster_page.start_empty.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=15000)
    assert wizard.actor is not None and wizard.actor.role is Role.ADMIN and not wizard.import_now

    window = application.open_main_window(app, wizard.actor, wizard)
    qtbot.addWidget(window)
    settle(qtbot, app)
    assert window.current_page_key() == "roster"
    assert ctx.actor.username == "zhang" and ctx.actor.role is Role.ADMIN
    assert "张主任" in window.user_label.text() and "新塍街道" in window.windowTitle()
    assert _paths(ctx) == [
        "月河社区",
        "月河社区/1网格",
        "月河社区/1网格/1号微网格",
        "月河社区/1网格/2号微网格",
        "月河社区/2网格",
        "月河社区/2网格/1号微网格",
        "月河社区/2网格/2号微网格",
        "南湖社区",
        "南湖社区/1网格",
    ]
    assert users.subdistrict_name(ctx) == "新塍街道"
    assert users.sign_in(ctx, "zhang", PASSWORD).username == "zhang"  # the password works from now on
    from silverage.services.backup.backup_settings import verify_backup_password

    verify_backup_password(ctx, BACKUP_PASSWORD)  # set at setup: backups are encrypted from day one
    # The administrator sees the places, accounts, backup and audit tabs under Settings.
    window.show_page("settings")
    settings = window.pages["settings"]
    tabs = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    assert tabs == ["常规", "地点", "账号", "备份与恢复", "审计记录"]


def test_places_from_a_roster_workbook_and_import_now(qtbot, app, tmp_path: Path) -> None:  # noqa: ANN001
    """The roster itself names the places (a sheet per community); "import now" opens the import
    with that workbook and the create-places box ticked."""
    book = Workbook()
    sheet = book.active
    sheet.title = "月河社区"
    sheet.append(["姓名", "身份证号码", "网格", "微网格"])
    sheet.append(["王秀英", "330402194103090027", "1网格", "1号微网格"])
    sheet.append(["李桂兰", "330402193805120043", "2网格", ""])
    other = book.create_sheet("南湖社区")
    other.append(["姓名", "身份证号码", "网格"])
    other.append(["陈阿毛", "330402194001010019", "3网格"])
    path = tmp_path / "花名册.xlsx"
    book.save(path)

    wizard = _drive_to_places(qtbot, app)
    wizard.places_page.read_workbook(path)
    settle(qtbot, app)
    assert wizard.places_page.paths() == ["月河社区/1网格/1号微网格", "月河社区/2网格", "南湖社区/3网格"]
    wizard.next()
    assert (
        wizard.roster_page.import_now.isChecked() and "花名册.xlsx" in wizard.roster_page.import_note.text()
    )
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=15000)
    assert wizard.import_now and wizard.import_files == [path]

    opened = []
    window = application.open_main_window(app, wizard.actor, None)
    qtbot.addWidget(window)
    from silverage.ui.shell.setup_wizard import open_after_setup, open_import_wizard

    open_after_setup(window, wizard, lambda: opened.append(open_import_wizard(window, wizard.import_files)))
    qtbot.waitUntil(lambda: bool(opened))
    importer = opened[0]
    assert (
        importer.files == [path] and importer.create_places.isChecked() and importer.create_places.isVisible()
    )
    importer.done(0)
    settle(qtbot, app)


def test_a_refused_name_sends_the_wizard_back_with_the_services_message(qtbot, app, monkeypatch) -> None:  # noqa: ANN001
    wizard = _drive_to_places(qtbot, app)
    wizard.places_page.paste.setPlainText("月河社区/1网格/1号微网格/多一级")
    wizard.places_page.paste_button.click()
    assert "写法不对" in wizard.places_page.message.text()  # the services' reason, the line kept
    assert "多一级" in wizard.places_page.paste.toPlainText() and wizard.places_page.paths() == []
    wizard.places_page.add_paths(["月河社区/" + "长" * 60])
    wizard.next()
    assert wizard.currentId() == PLACES and "太长" in wizard.places_page.message.text()


def test_start_up_runs_the_wizard_on_a_new_database_and_signs_in_elsewhere(qtbot, app, monkeypatch) -> None:  # noqa: ANN001
    import argparse

    shown = []
    monkeypatch.setattr(SetupWizard, "exec", lambda self: shown.append("wizard") or 0)
    monkeypatch.setattr(SignInDialog, "exec", lambda self: shown.append("sign in") or 0)
    args = argparse.Namespace(user=None)
    assert application.choose_actor(app, args, "") is None and shown == ["wizard"]
    users.init_office(app.services, "新塍街道", "zhang", "张主任", PASSWORD)
    assert application.choose_actor(app, args, "zhang") is None and shown == ["wizard", "sign in"]


def test_sign_in_shows_the_services_messages_and_locks_after_five(qtbot, app) -> None:  # noqa: ANN001
    users.init_office(app.services, "新塍街道", "zhang", "张主任", PASSWORD)
    dialog = SignInDialog(app, "zhang", None, "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(4):
        dialog.password.setText("wrong-password")
        dialog.ok_button.click()
        settle(qtbot, app)
        assert "用户名或密码不对" in dialog.message.text() and dialog.actor is None
    dialog.password.setText("wrong-password")
    dialog.ok_button.click()
    settle(qtbot, app)
    assert "锁定" in dialog.message.text() and "5分钟" in dialog.message.text()
    dialog.password.setText(PASSWORD)  # even the right one, until the lock runs out
    dialog.ok_button.click()
    settle(qtbot, app)
    assert "锁定" in dialog.message.text() and dialog.actor is None


def test_a_reset_password_is_changed_right_after_sign_in(qtbot, app, monkeypatch) -> None:  # noqa: ANN001
    result = users.init_office(app.services, "新塍街道", "zhang", "张主任", PASSWORD)
    app.services.actor = result.actor
    users.add_user(app.services, "liu", "刘社工", Role.SUPERVISOR, "Temp#2026x")
    users.reset_password(app.services, "liu", "Temp#2026y")
    dialog = SignInDialog(app, "liu", None, "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("Temp#2026y")
    dialog.ok_button.click()
    settle(qtbot, app)
    assert dialog.actor is not None and dialog.actor.must_change_password

    def change(self: ChangePasswordDialog) -> int:
        self.fields.password.setText("Nanhu#2027")
        self.fields.again.setText("Nanhu#2027")
        self.save()
        qtbot.waitUntil(lambda: self.changed, timeout=15000)
        return 1

    monkeypatch.setattr(ChangePasswordDialog, "exec", change)
    actor = finish_sign_in(app, dialog.actor)
    assert actor is not None and not actor.must_change_password
    assert not users.sign_in(app.services, "liu", "Nanhu#2027").must_change_password


def test_changing_ones_own_password_needs_the_current_one(qtbot, app) -> None:  # noqa: ANN001
    actor = users.init_office(app.services, "新塍街道", "zhang", "张主任", PASSWORD).actor
    app.services.actor = actor
    dialog = ChangePasswordDialog(app, actor, None, forced=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.old_password is not None
    dialog.old_password.setText("not-it-at-all")
    dialog.fields.password.setText("Nanhu#2027")
    dialog.fields.again.setText("Nanhu#2027")
    dialog.save()
    settle(qtbot, app)
    assert not dialog.changed and "原密码不对" in dialog.message.text()
    dialog.old_password.setText(PASSWORD)
    dialog.save()
    settle(qtbot, app)
    assert dialog.changed and users.sign_in(app.services, "zhang", "Nanhu#2027").username == "zhang"
