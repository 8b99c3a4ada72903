"""The person editor keeps the birthday calendar: 公历 / 农历 / 未登记, saved with the audit trail,
and a lunar one puts the person's lunar milestone on the birthday list."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.services.roster import birthday_list, elders, roster_query
from silverage.ui.roster import person_editor
from silverage.ui.roster.person_editor import PersonEditor
from silverage.ui.shell.app_context import AppContext
from tests.conftest import TODAY

pytestmark = pytest.mark.db


@pytest.fixture(autouse=True)
def _discard_at_teardown(monkeypatch):
    monkeypatch.setattr(person_editor, "confirm_discard", lambda parent: "discard")


@pytest.fixture
def app(demo_ctx):
    return AppContext.create(demo_ctx)


def test_choosing_lunar_saves_it_audited_and_lists_the_lunar_80th(qtbot, app, demo_ctx):
    people = roster_query.list_elders(demo_ctx)
    chen = next(r for r in people if (r.name, r.birth_date) == ("陈爱珍", date(1946, 11, 18)))
    editor = PersonEditor(app, chen.id, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    box = editor.calendar_box
    assert box.currentData() is None and box.currentText() == "未登记"
    assert [box.itemText(i) for i in range(box.count())] == ["未登记", "公历", "农历"]
    box.setCurrentIndex(box.findData("lunar"))
    assert editor.is_dirty()
    with qtbot.waitSignal(editor.save_finished) as saved:
        editor.save()
    assert saved.args == [True]
    assert elders.get_elder(demo_ctx, chen.id).birthday_calendar == "lunar"
    with demo_ctx.read() as s:
        trail = s.scalars(
            select(m.AuditEntry).where(
                m.AuditEntry.record_id == chen.id, m.AuditEntry.field == "birthday_calendar"
            )
        ).all()
    assert [t.new_value for t in trail] == ["lunar"] and trail[0].user == "sheg"
    entries = [e for e in birthday_list.upcoming_milestones(demo_ctx, TODAY, 30) if e.elder_id == chen.id]
    assert [(e.calendar, e.date.isoformat(), e.chosen) for e in entries] == [("lunar", "2026-12-03", True)]


def test_reopening_shows_the_saved_calendar(qtbot, app, demo_ctx):
    someone = next(r for r in roster_query.list_elders(demo_ctx) if r.status == "active")
    detail = elders.get_elder(demo_ctx, someone.id)
    elders.update_elder(
        demo_ctx, someone.id, replace(detail.to_input(), birthday_calendar="solar"), detail.version
    )
    editor = PersonEditor(app, someone.id, today=TODAY)
    qtbot.addWidget(editor)
    assert editor.calendar_box.currentText() == "公历"
    assert not editor.is_dirty()
    editor.calendar_box.setCurrentIndex(0)
    assert editor.collect().birthday_calendar is None and editor.is_dirty()
