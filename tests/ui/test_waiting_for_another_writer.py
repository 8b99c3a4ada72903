"""A save in the person editor while another process holds the database's write lock (a plan in a
second window, another PC on the same file): "正在等待数据库……" with Cancel instead of a silent
wait; Cancel or giving up keeps the typing and writes nothing; a lock let go in time saves.

The other writer is a real second process (tests/faults/lock_holder.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.services.roster import elders, roster_query
from silverage.ui.roster import person_editor
from silverage.ui.roster.person_editor import PersonEditor
from silverage.ui.shell.app_context import AppContext
from tests.conftest import PG_URL, TODAY
from tests.faults.lock_holder import lock_held
from tests.ui.helpers import settle

pytestmark = pytest.mark.skipif(PG_URL is not None, reason="SQLite's file lock")


@pytest.fixture(autouse=True)
def _discard_at_teardown(monkeypatch):
    monkeypatch.setattr(person_editor, "confirm_discard", lambda parent: "discard")


@pytest.fixture
def app(demo_ctx):
    return AppContext.create(demo_ctx)


@pytest.fixture
def editor(qtbot, app, demo_ctx):
    someone = next(r for r in roster_query.list_elders(demo_ctx) if r.status == "active")
    ed = PersonEditor(app, someone.id, today=TODAY)
    qtbot.addWidget(ed)
    ed.show()
    ed.fields["address_room"].setText("707室")
    return ed


def _waiting(editor):
    shown = [d for d in editor.findChildren(QProgressDialog) if d.isVisible()]
    return shown[0] if shown else None


def _audit_rows(ctx):
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(m.AuditEntry))


def test_cancel_while_waiting_keeps_the_typing_and_writes_nothing(qtbot, app, editor, demo_ctx):
    before, rows = elders.get_elder(demo_ctx, editor.elder_id).address_room, _audit_rows(demo_ctx)
    with lock_held(demo_ctx.db.path, "app", 60):
        editor.save()
        qtbot.waitUntil(lambda: _waiting(editor) is not None, timeout=15000)
        dialog = _waiting(editor)
        qtbot.waitUntil(lambda: "王督导" in dialog.labelText(), timeout=15000)
        assert "正在等待数据库……（另一程序正在写入）" in dialog.labelText()
        assert "silverage plan" in dialog.labelText()
        (cancel,) = dialog.findChildren(QPushButton)
        assert cancel.text() == "取消"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        settle(qtbot, app)
    assert _waiting(editor) is None
    assert editor.fields["address_room"].text() == "707室" and editor.is_dirty()
    assert editor.save_button.isEnabled()
    assert elders.get_elder(demo_ctx, editor.elder_id).address_room == before
    assert _audit_rows(demo_ctx) == rows


def test_a_lock_that_stays_is_named_and_the_typing_kept(qtbot, app, editor, demo_ctx):
    app.runner.lock_wait.patience_s = 1.0
    before = elders.get_elder(demo_ctx, editor.elder_id).address_room
    with (
        lock_held(demo_ctx.db.path, "app", 60),
        qtbot.waitSignal(editor.save_finished, timeout=20000) as saved,
    ):
        editor.save()
    assert saved.args == [False]
    shown = editor.form_message.text()
    assert "王督导" in shown and "silverage plan" in shown and "仍保留在窗口中" in shown
    assert editor.fields["address_room"].text() == "707室" and editor.is_dirty()
    assert elders.get_elder(demo_ctx, editor.elder_id).address_room == before
    settle(qtbot, app)


def test_a_lock_let_go_in_time_saves(qtbot, app, editor, demo_ctx):
    with (
        lock_held(demo_ctx.db.path, "raw", 1.5),
        qtbot.waitSignal(editor.save_finished, timeout=30000) as saved,
    ):
        editor.save()
    assert saved.args == [True]
    assert elders.get_elder(demo_ctx, editor.elder_id).address_room == "707室"
    assert "已保存" in editor.form_message.text()
    settle(qtbot, app)
