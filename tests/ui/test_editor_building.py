"""楼栋（点位图） in the person editor: the building the map reads from the address as the hint, a
worker's correction saved with the rest of the form (one save, audited), and the map page moving the
person to the corrected building's point at once."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.enums import Role
from silverage.services.care import assessment
from silverage.services.context import Actor, ServiceContext
from silverage.services.map import buildings
from silverage.services.map import points as pm
from silverage.services.roster import elders
from silverage.ui.map import map_building_fix, map_side
from silverage.ui.map.map_page import MapPage
from silverage.ui.roster import person_editor
from silverage.ui.roster.person_editor import PersonEditor
from silverage.ui.shell.app_context import AppContext
from tests.conftest import TODAY
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


@pytest.fixture(autouse=True)
def _discard_at_teardown(monkeypatch):  # noqa: ANN001, ANN202
    monkeypatch.setattr(person_editor, "confirm_discard", lambda parent: "discard")


def _editor(qtbot, app: AppContext, elder_id: int) -> PersonEditor:  # noqa: ANN001
    editor = PersonEditor(app, elder_id, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _audit(ctx, elder_id: int) -> list[m.AuditEntry]:  # noqa: ANN001
    with ctx.read() as s:
        return list(
            s.scalars(
                select(m.AuditEntry).where(
                    m.AuditEntry.record_id == elder_id,
                    m.AuditEntry.table_name == "elder",
                    m.AuditEntry.field == "building_override",
                )
            )
        )


def _someone_in_a_building(ctx) -> pm.MapPerson:  # noqa: ANN001
    """Someone sharing a numbered building (中山路12号3幢) with others, not in a 9幢."""
    cmap = pm.point_map(ctx, community_id=1, today=TODAY)
    numbered = re.compile(r".+号[0-8]幢$")
    return next(
        p for pt in cmap.points if numbered.match(pt.building_key) and pt.count >= 2 for p in pt.people
    )


def test_the_hint_is_the_address_building_and_a_correction_saves_with_the_form(qtbot, demo_ctx) -> None:  # noqa: ANN001
    app = AppContext.create(demo_ctx)
    person = _someone_in_a_building(demo_ctx)
    read = buildings.building_of(demo_ctx, person.elder_id).from_address
    editor = _editor(qtbot, app, person.elder_id)
    edit = editor.fields["building_override"]
    assert edit is editor.building_edit and edit.text() == "" and read in edit.placeholderText()
    assert not editor.is_dirty()

    editor.fields["address_room"].setText("909室")
    edit.setText("九号楼")  # typed the way offices write it: the building of the same road
    assert editor.is_dirty()
    with qtbot.waitSignal(editor.save_finished) as saved:
        editor.save()
    assert saved.args == [True]
    info = buildings.building_of(demo_ctx, person.elder_id)
    nine = re.sub(r"\d幢$", "9幢", read)  # 中山路12号3幢 -> 中山路12号9幢: stored canonical, one point
    assert info.override == nine and info.shown == nine
    assert elders.get_elder(demo_ctx, person.elder_id).address_room == "909室"
    rows = _audit(demo_ctx, person.elder_id)
    assert [(r.old_value or "", r.new_value) for r in rows] == [("", nine)] and rows[0].user == "sheg"
    assert edit.text() == nine and not editor.is_dirty()

    edit.setText("")  # empty = the address decides again
    with qtbot.waitSignal(editor.save_finished):
        editor.save()
    assert buildings.building_of(demo_ctx, person.elder_id).override == ""


def test_a_correction_typed_as_the_address_already_says_stores_nothing(qtbot, demo_ctx) -> None:  # noqa: ANN001
    app = AppContext.create(demo_ctx)
    person = _someone_in_a_building(demo_ctx)
    read = buildings.building_of(demo_ctx, person.elder_id).from_address
    editor = _editor(qtbot, app, person.elder_id)
    editor.building_edit.setText(read)
    with qtbot.waitSignal(editor.save_finished):
        editor.save()
    assert buildings.building_of(demo_ctx, person.elder_id).override == ""
    assert _audit(demo_ctx, person.elder_id) == []


def test_a_too_long_building_is_refused_next_to_the_field_and_nothing_is_saved(qtbot, demo_ctx) -> None:  # noqa: ANN001
    app = AppContext.create(demo_ctx)
    person = _someone_in_a_building(demo_ctx)
    editor = _editor(qtbot, app, person.elder_id)
    editor.fields["address_room"].setText("909室")
    editor.building_edit.setText("中山路" + "9" * 120 + "号")
    with qtbot.waitSignal(editor.save_finished) as saved:
        editor.save()
    assert saved.args == [False]
    message = editor.messages["building_override"]
    assert message.isVisible() and "楼栋名称太长" in message.text()
    assert elders.get_elder(demo_ctx, person.elder_id).address_room != "909室"  # one transaction: none of it
    assert editor.is_dirty()


def test_the_map_moves_a_corrected_person_to_the_other_building_at_once(qtbot, demo_ctx) -> None:  # noqa: ANN001
    app = AppContext.create(demo_ctx)
    page = MapPage(app)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    settle(qtbot, app)
    points = page.scene.points
    old_key, old = next((k, p) for k, p in points.items() if p.building_key and p.count >= 2)
    same_micro_grid = (p for p in points.values() if p.micro_grid_id == old.micro_grid_id)
    other = next(p for p in same_micro_grid if p.building_key and p is not old)
    person = old.people[0]

    editor = _editor(qtbot, app, person.elder_id)
    editor.building_edit.setText(other.building_key)
    with qtbot.waitSignal(editor.save_finished):
        editor.save()
    settle(qtbot, app)

    def there(key: str) -> set[int]:
        return {x.elder_id for x in page.scene.points[key].people}

    qtbot.waitUntil(lambda: person.elder_id in there(other.key), timeout=10000)
    assert person.elder_id not in there(old_key)
    assert page.scene.points[old_key].count == old.count - 1
    moved = next(x for x in page.scene.points[other.key].people if x.elder_id == person.elder_id)
    assert moved.overridden
    page.app.runner.wait()


def _map_page(qtbot, ctx) -> MapPage:  # noqa: ANN001
    page = MapPage(AppContext.create(ctx))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    settle(qtbot, page.app)
    return page


def test_correct_building_on_the_side_list_moves_the_person_and_keeps_the_list_current(
    qtbot, demo_ctx, monkeypatch
) -> None:  # noqa: ANN001
    page = _map_page(qtbot, demo_ctx)
    points = page.scene.points
    old_key, old = next((k, p) for k, p in points.items() if p.building_key and p.count >= 2)
    same_micro_grid = (p for p in points.values() if p.micro_grid_id == old.micro_grid_id)
    other = next(
        p for p in same_micro_grid if p.building_key and p is not old
    )  # a point's key: its micro-grid
    page.select_point(old_key)
    page.side.here_list.setCurrentRow(0)
    elder_id = int(page.side.here_list.item(0).data(map_side.KEY_ROLE))
    asked = []

    def answer(parent, name, info):  # noqa: ANN001, ANN202
        asked.append((name, info.from_address))
        return other.building_key

    monkeypatch.setattr(map_building_fix, "ask_building", answer)
    page.correct_selected_building()
    settle(qtbot, page.app)

    def there(key: str) -> set[int]:
        return {x.elder_id for x in page.scene.points[key].people}

    qtbot.waitUntil(lambda: elder_id in there(other.key), timeout=10000)
    assert asked == [(old.people[0].name, old.building_key)]  # the hint is what the address says
    assert page.scene.points[old_key].count == old.count - 1
    listed = {
        int(page.side.here_list.item(i).data(map_side.KEY_ROLE)) for i in range(page.side.here_list.count())
    }
    assert elder_id not in listed and len(listed) == old.count - 1  # the side list shows the building now
    assert _audit(demo_ctx, elder_id)[-1].new_value == other.building_key
    page.app.runner.wait()


def test_a_viewer_cannot_correct_a_building_from_the_map(qtbot, demo_ctx, monkeypatch) -> None:  # noqa: ANN001
    viewer = ServiceContext(demo_ctx.db, Actor("kan", Role.VIEWER))
    page = _map_page(qtbot, viewer)
    key = next(k for k, p in page.scene.points.items() if p.building_key)
    page.select_point(key)
    page.side.here_list.setCurrentRow(0)
    monkeypatch.setattr(map_building_fix, "ask_building", lambda *a: pytest.fail("a viewer was asked"))
    page.correct_selected_building()
    assert not map_building_fix.may_correct(page.app)
    page.app.runner.wait()


def test_the_chosen_building_is_framed_and_stays_framed_when_its_point_is_redrawn(qtbot, demo_ctx) -> None:  # noqa: ANN001
    page = _map_page(qtbot, demo_ctx)
    key, point = next((k, p) for k, p in page.scene.points.items() if p.count == 1 and p.level == "green")
    other = next(k for k in page.scene.points if k != key)
    page.select_point(other)
    frame = page.scene.selection
    assert page.scene.selected == other and frame is not None
    assert frame.parentItem() is page.scene.items_by_key[other] and frame.isVisible()
    page.select_point(key)  # one frame only: it moves to the building clicked
    assert frame.scene() is None and page.scene.selection.parentItem() is page.scene.items_by_key[key]

    ctx, elder_id = page.app.services, point.people[0].elder_id
    with ctx.read() as s:
        version = s.scalar(select(m.Elder.version).where(m.Elder.id == elder_id))
    page.app.run(
        lambda: assessment.override_level(ctx, elder_id, "red", "邻居反映近期摔倒", version),
        parent=page,
        title="调整等级",
    )
    settle(qtbot, page.app)
    qtbot.waitUntil(lambda: page.scene.points[key].level == "red", timeout=10000)  # drawn again, red
    assert page.scene.selected == key
    assert page.scene.selection.parentItem() is page.scene.items_by_key[key]
    assert page.side.here_list.count() == 1  # and its people still listed at the side

    page.level_checks["red"].setChecked(False)  # hidden by a filter: no longer the chosen building
    assert page.scene.selection is None and page.side.here_list.count() == 0
    page.app.runner.wait()
