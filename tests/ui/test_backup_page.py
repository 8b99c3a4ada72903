"""设置 → 备份与恢复: the list shows the backup just made, restore shows what a backup holds first,
and the status bar warns when backups are not happening."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from silverage.db.engine import open_database
from silverage.domain.clock import FixedClock
from silverage.domain.enums import Role
from silverage.services.backup import backup_settings, make
from silverage.services.context import Actor, ServiceContext
from silverage.ui.settings.backup_page import BackupPage
from silverage.ui.shell.app_context import AppContext
from silverage.ui.shell.backup_watch import BackupWatch
from tests.conftest import PG_URL
from tests.ui.helpers import settle

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite files")
PASSWORD = "Yuehe-2026-bk"


@pytest.fixture
def admin_app(demo_template: Path, tmp_path: Path):
    path = tmp_path / "silverage.sqlite"
    shutil.copy(demo_template, path)
    database = open_database(str(path))
    ctx = ServiceContext(
        database, Actor("admin", Role.ADMIN, "管理员"), FixedClock(datetime(2026, 11, 26, 17))
    )
    backup_settings.set_backup_password(ctx, PASSWORD)
    backup_settings.set_backup_folder(ctx, tmp_path / "usb")
    yield AppContext.create(ctx)
    database.dispose()


def test_back_up_now_lists_the_backup_and_restore_previews_its_counts(qtbot, admin_app, tmp_path):
    page = BackupPage(admin_app)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0 and "还没有备份" in page.status_label.text()
    page.backup_button.click()
    settle(qtbot, admin_app)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "2026-11-26 17:00"
    assert page.table.item(0, 1).text() == "每日"
    assert "最近一次备份：2026-11-26 17:00" in page.status_label.text()

    shown, restarted = [], []
    page.ask_password = lambda: PASSWORD
    page.confirm_restore = lambda p: shown.append(page.preview_text(p)) or True
    page.restart_notice = lambda: restarted.append(True)
    page.restore_selected()
    settle(qtbot, admin_app)
    assert shown and "老人：995人（在册979人）" in shown[0] and "志愿者：120人" in shown[0]
    assert restarted
    assert [p.name for p in tmp_path.iterdir() if "before-restore" in p.name]


def test_a_wrong_password_is_said_on_the_page_and_nothing_is_replaced(qtbot, admin_app, tmp_path):
    make.backup_now(admin_app.services)
    page = BackupPage(admin_app)
    qtbot.addWidget(page)
    page.ask_password = lambda: "Wrong-pass-1"
    page.confirm_restore = lambda p: pytest.fail("no preview for a wrong password")
    page.restore_selected()
    settle(qtbot, admin_app)
    assert "备份密码不对" in page.status_label.text()
    assert not [p for p in tmp_path.iterdir() if "before-restore" in p.name]


def test_a_worker_backs_up_but_cannot_restore_or_change_the_password(qtbot, admin_app):
    worker = AppContext.create(ServiceContext(admin_app.services.db, Actor("sheg", Role.WORKER, "李社工")))
    page = BackupPage(worker)
    qtbot.addWidget(page)
    assert page.backup_button.isEnabled()
    assert not page.restore_button.isEnabled() and not page.password_button.isEnabled()
    assert not page.folder_button.isEnabled()


def test_the_status_bar_warns_when_the_last_backup_is_old_or_the_folder_is_gone(qtbot, admin_app, tmp_path):
    make.backup_now(admin_app.services)
    window = QMainWindow()
    qtbot.addWidget(window)
    watch = BackupWatch(window, admin_app)
    assert watch.label.text() == ""
    admin_app.services.clock.advance(timedelta(days=9))
    watch.tick()  # a day old: the daily backup is made, and the warning goes
    settle(qtbot, admin_app)
    assert watch.label.text() == "" and len(list((tmp_path / "usb").iterdir())) == 2
    backup_settings.set_backup_folder(admin_app.services, tmp_path / "stick" / "b")
    shutil.rmtree(tmp_path / "stick")  # the USB stick is pulled out
    watch.show(make.status(admin_app.services))
    assert "无法访问" in watch.label.text()
    watch.timer.stop()
