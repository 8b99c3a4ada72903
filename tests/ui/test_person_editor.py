"""The person editor against the demo roster: save, inline messages, unsaved-changes guard, conflicts."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from silverage.db import models as m
from silverage.services.roster import elders, roster_query
from silverage.ui.roster import person_editor
from silverage.ui.roster.person_editor import PersonEditor
from silverage.ui.shell.app_context import AppContext
from tests.conftest import TODAY
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


@pytest.fixture(autouse=True)
def _discard_at_teardown(monkeypatch):
    """pytest-qt closes left-over editors; a dirty one would ask. Tests that check asking override this."""
    monkeypatch.setattr(person_editor, "confirm_discard", lambda parent: "discard")


@pytest.fixture
def app(demo_ctx):
    return AppContext.create(demo_ctx)


@pytest.fixture
def someone(demo_ctx):
    return next(r for r in roster_query.list_elders(demo_ctx) if r.status == "active")


def open_editor(qtbot, app, elder_id):
    editor = PersonEditor(app, elder_id, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)  # shortcuts (Ctrl+S) go to the active window
    return editor


def audit_rows(ctx, elder_id, field):
    with ctx.read() as s:
        return s.scalars(
            select(m.AuditEntry).where(
                m.AuditEntry.record_id == elder_id,
                m.AuditEntry.table_name == "elder",
                m.AuditEntry.field == field,
            )
        ).all()


def test_editing_and_saving_changes_the_database_and_the_audit_trail(qtbot, app, someone, demo_ctx):
    editor = open_editor(qtbot, app, someone.id)
    changed = []
    app.bus.changed.connect(changed.append)
    editor.fields["address_room"].setText("909室")
    assert editor.is_dirty() and editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.save_finished) as saved:
        qtbot.keyClick(editor.fields["address_room"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [True]
    assert elders.get_elder(demo_ctx, someone.id).address_room == "909室"
    entries = audit_rows(demo_ctx, someone.id, "address_room")
    assert entries and entries[-1].new_value == "909室" and entries[-1].user == "sheg"
    assert [c.elders for c in changed] == [frozenset({someone.id})]  # announced once, naming the person
    assert not editor.is_dirty()
    assert "已保存" in editor.form_message.text()


def test_invalid_id_number_shows_the_message_and_saves_nothing(qtbot, app, someone, demo_ctx):
    editor = open_editor(qtbot, app, someone.id)
    before = elders.get_elder(demo_ctx, someone.id)
    bad = before.id_number[:17] + ("0" if before.id_number[17] != "0" else "1")  # wrong check digit
    editor.fields["id_number"].setText(bad)
    message = editor.messages["id_number"]
    assert message.isVisible() and "校验位" in message.text()  # shown while typing, next to the field
    editor.fields["phone"].setText("123")
    with qtbot.waitSignal(editor.save_finished) as saved:
        editor.save()
    assert saved.args == [False]
    assert "校验位" in editor.messages["id_number"].text()
    assert editor.messages["phone"].text()
    after = elders.get_elder(demo_ctx, someone.id)
    assert (after.id_number, after.phone, after.version) == (before.id_number, before.phone, before.version)


def test_typing_an_id_number_fills_birth_date_age_and_gender(qtbot, app):
    editor = open_editor(qtbot, app, None)
    qtbot.keyClicks(editor.fields["id_number"], "11010519491231002X")
    assert "1949-12-31" in editor.derived.text()
    assert "76" in editor.derived.text() and "女" in editor.derived.text()


def test_new_person_is_created_with_a_contact(qtbot, app, demo_ctx):
    editor = open_editor(qtbot, app, None)
    editor.fields["name"].setText("测试新人")
    editor.fields["id_number"].setText("11010519491231002X")
    editor.micro_box.community.setCurrentIndex(1)  # first community, its first grid and micro-grid
    assert editor.micro_box.value() is not None
    editor.contacts.add_row()
    for col, text in enumerate(("王小明", "儿子", "13812345678")):
        editor.contacts.table.item(0, col).setText(text)
    with qtbot.waitSignal(editor.save_finished) as saved:
        editor.save()
    assert saved.args == [True]
    detail = elders.get_elder(demo_ctx, editor.saved_id)
    assert detail.name == "测试新人" and detail.gender == "F"
    assert [(c.name, c.relation) for c in detail.contacts] == [("王小明", "儿子")]


def test_closing_with_unsaved_changes_asks_first(qtbot, app, someone, demo_ctx, monkeypatch):
    asked = []
    monkeypatch.setattr(person_editor, "confirm_discard", lambda parent: asked.append(1) or "cancel")
    editor = open_editor(qtbot, app, someone.id)
    editor.fields["notes"].setPlainText("还没保存的备注")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked and editor.isVisible()  # "keep editing": still open, text kept
    assert editor.fields["notes"].toPlainText() == "还没保存的备注"
    monkeypatch.setattr(person_editor, "confirm_discard", lambda parent: "discard")
    editor.reject()
    assert not editor.isVisible()
    assert elders.get_elder(demo_ctx, someone.id).notes != "还没保存的备注"


def test_closing_without_changes_does_not_ask(qtbot, app, someone, monkeypatch):
    monkeypatch.setattr(person_editor, "confirm_discard", lambda parent: pytest.fail("asked for nothing"))
    editor = open_editor(qtbot, app, someone.id)
    editor.reject()
    assert not editor.isVisible()


def test_conflict_when_someone_else_saved_first(qtbot, app, someone, demo_ctx, monkeypatch):
    told = []
    monkeypatch.setattr(person_editor, "tell", lambda parent, title, text: told.append(text))
    editor = open_editor(qtbot, app, someone.id)
    other = elders.get_elder(demo_ctx, someone.id)
    elders.update_elder(
        demo_ctx,
        someone.id,
        other.to_input().__class__(**{**other.to_input().__dict__, "address_room": "101室"}),
        other.version,
        today=TODAY,
    )
    editor.fields["address_room"].setText("202室")
    with qtbot.waitSignal(editor.save_finished) as saved:
        editor.save()
    assert saved.args == [False]
    assert told and "202室" not in told[0]
    assert editor.fields["address_room"].text() == "202室"  # the worker's typing is kept
    assert elders.get_elder(demo_ctx, someone.id).address_room == "101室"  # nothing overwritten


def test_override_level_needs_a_reason_and_shows_in_history(qtbot, app, someone, demo_ctx):
    editor = open_editor(qtbot, app, someone.id)
    panel = editor.level_panel
    panel.override_box.setCurrentIndex(panel.override_box.findData("red"))
    panel.apply_override()
    settle(qtbot, app)
    assert "原因" in panel.override_message.text()
    panel.override_reason.setText("独居且近期摔倒")
    panel.apply_override()
    settle(qtbot, app)
    assert elders.get_elder(demo_ctx, someone.id).level == "red"
    assert "人工" in panel.history.index(0, 1).data()


def test_archive_and_restore(qtbot, app, someone, demo_ctx):
    editor = open_editor(qtbot, app, someone.id)
    editor.archive_status.setCurrentIndex(editor.archive_status.findData("moved"))
    editor.archive_reason.setText("随子女迁往外地")
    editor.archive()
    settle(qtbot, app)
    assert elders.get_elder(demo_ctx, someone.id).status == "moved"
    assert editor.restore_button.isEnabled() and not editor.archive_button.isEnabled()
    editor.restore()
    settle(qtbot, app)
    assert elders.get_elder(demo_ctx, someone.id).status == "active"
