"""After the set idle minutes the window covers personal data; only the right password lifts the cover,
and what was typed in an open editor is still there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from silverage.services import setup, users
from silverage.services.context import ServiceContext
from silverage.ui.roster import person_editor
from silverage.ui.roster.person_editor import PersonEditor
from silverage.ui.shell.app_context import AppContext
from silverage.ui.shell.idle_lock import LockCover
from silverage.ui.shell.main_window import MainWindow
from silverage.ui.shell.ui_settings import UiSettings
from tests.conftest import TODAY
from tests.ui.helpers import settle

pytestmark = pytest.mark.db

PASSWORD = "Yuehe#2026"


@pytest.fixture(autouse=True)
def _discard_at_teardown(monkeypatch):  # noqa: ANN001, ANN202
    monkeypatch.setattr(person_editor, "confirm_discard", lambda parent: "discard")


@pytest.fixture
def window(qtbot, db, tmp_path) -> MainWindow:  # noqa: ANN001
    ctx = ServiceContext(db)
    ctx.actor = users.init_office(ctx, "新塍街道", "zhang", "张主任", PASSWORD).actor
    setup.add_places(ctx, ["月河社区/1网格/1号微网格"])
    users.set_idle_lock_minutes(ctx, 2)
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(AppContext.create(ctx, "zh", settings), today=TODAY)
    qtbot.addWidget(window)
    window.load()
    window.show()
    qtbot.waitExposed(window)
    return window


def _covers(window: MainWindow) -> list[LockCover]:
    return [c.cover for c in window.idle_lock._covered]


def _unlock(qtbot, window: MainWindow, cover: LockCover, password: str) -> None:  # noqa: ANN001
    cover.password.setText(password)
    cover.unlock_button.click()
    settle(qtbot, window.app)


def test_the_idle_lock_covers_and_unlocks_with_the_right_password_only(qtbot, window) -> None:  # noqa: ANN001
    lock = window.idle_lock
    assert lock.enabled and lock.minutes == 2
    editor = PersonEditor(window.app, None, window, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    editor.fields["name"].setText("王秀英")  # unsaved typing
    editor.fields["address_room"].setText("302室")

    lock.last_activity -= 60  # one idle minute: not yet
    lock.check()
    assert not lock.locked and window.roster.table.isVisible()

    lock.last_activity -= 61  # two: the window and the open editor are covered
    lock.check()
    assert lock.locked
    covers = _covers(window)
    assert len(covers) == 2 and all(c.isVisible() for c in covers)
    assert not window.roster.table.isVisible() and not window.centralWidget().isVisible()
    assert covers[0].geometry() == window.rect()
    assert not editor.fields["name"].isEnabled() and editor.fields["name"].text() == "王秀英"
    assert not window.new_action.isEnabled() and not window.menuBar().isEnabled()
    assert "张主任" in covers[0].note.text()

    # Typing and moving the mouse on the cover do not lift it; a wrong password is refused.
    _unlock(qtbot, window, covers[1], "not-the-password")
    assert lock.locked and "用户名或密码不对" in covers[1].message.text()
    assert not window.roster.table.isVisible()

    _unlock(qtbot, window, covers[1], PASSWORD)
    assert not lock.locked
    assert window.roster.table.isVisible() and window.new_action.isEnabled() and window.menuBar().isEnabled()
    assert editor.fields["name"].isEnabled() and editor.fields["name"].text() == "王秀英"
    assert editor.fields["address_room"].text() == "302室" and editor.is_dirty()
    for top in (window, editor):
        assert not [c for c in top.findChildren(LockCover) if c.isVisible()]


def test_activity_keeps_the_window_open_and_the_minutes_follow_the_setting(qtbot, window) -> None:  # noqa: ANN001
    lock = window.idle_lock
    lock.last_activity -= 3600
    qtbot.mouseMove(window.roster.table.viewport())  # someone is working
    qtbot.keyClick(window.roster.search, "a")
    assert lock.idle_seconds() < 60
    lock.check()
    assert not lock.locked
    window.app.run(lambda: users.set_idle_lock_minutes(window.ctx, 30), parent=window, title="t")
    settle(qtbot, window.app)
    assert lock.minutes == 30


def test_no_lock_on_a_database_without_accounts(qtbot, ctx) -> None:  # noqa: ANN001
    window = MainWindow(ctx, today=TODAY)
    qtbot.addWidget(window)
    window.idle_lock.last_activity -= 3600
    window.idle_lock.check()
    assert not window.idle_lock.enabled and not window.idle_lock.locked


def test_a_question_on_screen_is_answered_no_and_closed(qtbot, window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, "停用账号", "确定停用吗？", parent=window)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.show()
    qtbot.waitExposed(box)
    name = QInputDialog(window)  # a small dialog with typing in it: covered, grown to fit, then as it was
    name.setLabelText("网格名称")
    name.setTextValue("3网格")
    name.show()
    qtbot.waitExposed(name)
    size = name.size()
    window.idle_lock.lock()
    assert not box.isVisible() and box.result() != QMessageBox.StandardButton.Yes
    cover = _covers(window)[-1]
    assert cover.parentWidget() is name and cover.isVisible()
    assert name.width() >= cover.sizeHint().width() and name.height() >= cover.sizeHint().height()
    _unlock(qtbot, window, cover, PASSWORD)
    assert not window.idle_lock.locked and name.size() == size and name.textValue() == "3网格"
    name.done(0)
