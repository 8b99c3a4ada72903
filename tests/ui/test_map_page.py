"""The 点位图 page as a user meets it: every home of a community as a point in its colour, filters,
a masked hover, a double-click that opens the person, a level change that recolours the point at
once, a friendly empty state, and an administrator's office plan whose placed points stay put."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.enums import Level, Role
from silverage.services import office_plans, users
from silverage.services.care import assessment
from silverage.services.context import Actor, ServiceContext
from silverage.services.map import points as pm
from silverage.services.roster import roster_query
from silverage.services.roster.roster_query import ElderFilter
from silverage.ui.map.map_page import PLAN, SCHEMATIC, MapPage
from silverage.ui.shell.app_context import AppContext
from tests.conftest import TODAY
from tests.reports.pdf_tools import page_texts
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


def _page(qtbot, ctx: ServiceContext) -> MapPage:  # noqa: ANN001
    app = AppContext.create(ctx)
    page = MapPage(app)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, app)
    return page


def _community(ctx: ServiceContext, name: str = "月河社区") -> int:
    with ctx.read() as s:
        return int(s.scalar(select(m.Community.id).where(m.Community.name == name)))


def _colour(page: MapPage, key: str) -> str:
    return page.scene.items_by_key[key].brush().color().name().upper()


def _viewport_pos(page: MapPage, key: str) -> QPoint:
    return page.view.mapFromScene(page.scene.items_by_key[key].scenePos())


@pytest.fixture
def page(qtbot, demo_ctx: ServiceContext) -> MapPage:  # noqa: ANN001
    p = _page(qtbot, demo_ctx)
    yield p
    p.app.runner.wait()


def test_the_first_community_shows_every_active_person_in_a_point_of_their_level(page: MapPage) -> None:
    ctx = page.app.services
    cid, gid = page.place()  # type: ignore[misc]
    assert gid is None and page.place_box.currentText() == "月河社区"
    expected = pm.point_map(ctx, community_id=cid, today=TODAY)
    roster = roster_query.list_elders(ctx, ElderFilter(community_id=cid), TODAY)
    assert set(page.scene.items_by_key) == {p.key for p in expected.points}
    on_map = sorted(x.elder_id for p in page.scene.points.values() for x in p.people)
    assert on_map == sorted(r.id for r in roster)  # the roster's active people of the place, once each
    for p in expected.points:
        item = page.scene.items_by_key[p.key]
        if p.shape == "circle":  # ○ green is open: its colour is the outline
            assert item.pen().color().name().upper() == Level.GREEN.rgb.upper()
        elif p.level:
            assert _colour(page, p.key) == Level(p.level).rgb.upper()
    assert "月河社区" in page.side.counts.text()


def test_unticking_green_and_asking_for_overdue_only_hide_those_points(page: MapPage) -> None:
    before = dict(page.scene.points)
    assert any(p.level == "green" for p in before.values())
    page.level_checks["green"].setChecked(False)
    shown = page.scene.points.values()
    assert shown and all(p.level != "green" for p in shown)
    assert all(any(x.level != "green" for x in before[p.key].people) for p in shown)
    page.level_checks["green"].setChecked(True)
    page.overdue_check.setChecked(True)
    overdue = page.scene.points.values()
    assert 0 < len(overdue) < len(before) and all(p.overdue for p in overdue)
    assert all(page.scene.looks[k].overdue for k in page.scene.points)  # every point left has its ring
    page.overdue_check.setChecked(False)
    page.living_box.setCurrentIndex(page.living_box.findData("alone"))
    alone = page.scene.points.values()
    assert 0 < len(alone) < len(before)
    assert all(x.living == "alone" for p in alone for x in p.people)  # counts and colours follow them


def test_the_hover_lists_the_people_with_masked_phones_and_no_id_numbers(page: MapPage) -> None:
    key, point = next((k, p) for k, p in page.scene.points.items() if p.count >= 1)
    person = point.people[0]
    with page.app.services.read() as s:
        full_phone, id_number = s.execute(
            select(m.Elder.phone, m.Elder.id_number).where(m.Elder.id == person.elder_id)
        ).one()
    page.view.centerOn(page.scene.items_by_key[key])
    tip = page.view.tip_at(_viewport_pos(page, key))
    assert person.name in tip and person.phone_masked in tip and "****" in person.phone_masked
    assert full_phone not in tip and id_number not in tip and id_number[-6:] not in tip


def test_a_double_click_on_a_home_opens_that_person(qtbot, page: MapPage) -> None:  # noqa: ANN001
    key, point = next((k, p) for k, p in page.scene.points.items() if p.count == 1)
    page.view.centerOn(page.scene.items_by_key[key])
    with qtbot.waitSignal(page.app.bus.open_elder, timeout=3000) as opened:
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=_viewport_pos(page, key))
    assert opened.args == [point.people[0].elder_id]
    assert page.side.here_list.count() == 1 and point.people[0].name in page.side.here_list.item(0).text()


def test_a_person_turning_red_turns_their_point_red_at_once(qtbot, page: MapPage) -> None:  # noqa: ANN001
    key, point = next((k, p) for k, p in page.scene.points.items() if p.count == 1 and p.level == "green")
    elder_id = point.people[0].elder_id
    ctx = page.app.services
    with ctx.read() as s:
        version = s.scalar(select(m.Elder.version).where(m.Elder.id == elder_id))
    page.app.run(
        lambda: assessment.override_level(ctx, elder_id, "red", "邻居反映近期摔倒", version),
        parent=page,
        title="调整等级",
    )
    settle(qtbot, page.app)
    qtbot.waitUntil(lambda: page.scene.points[key].level == "red", timeout=10000)
    assert _colour(page, key) == Level.RED.rgb.upper() and page.scene.looks[key].shape == "disc"


def test_the_volunteers_layer_marks_them_in_their_micro_grids(page: MapPage) -> None:
    assert page.scene.volunteer_count == 0
    page.volunteer_check.setChecked(True)
    marks, aside = page.volunteer_marks(page.current.map, page.current.volunteers)  # type: ignore[union-attr]
    assert page.scene.volunteer_count == len(marks) > 0
    regions = {r.key: r.rect for r in page.current.map.regions}  # type: ignore[union-attr]
    by_id = {v.id: v for v in page.current.volunteers}  # type: ignore[union-attr]
    for vid, x, y in marks:
        assert regions[f"m{by_id[vid].micro_grid_id}"].contains(x, y)
    assert page.side.volunteer_list.count() == len(aside)


def test_a_community_worker_chooses_among_her_own_communities_only(qtbot, demo_ctx: ServiceContext) -> None:  # noqa: ANN001
    zhao = ServiceContext(demo_ctx.db, users.actor_without_password(demo_ctx, "zhao"))
    page = _page(qtbot, zhao)
    texts = {page.place_box.itemText(i).strip().split(" · ")[0] for i in range(page.place_box.count())}
    assert texts == {"月河社区"}
    assert not page.side.load_plan_button.isVisible()  # plans are an administrator's


def test_a_new_empty_database_says_how_to_get_a_map(qtbot, ctx: ServiceContext) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    assert page.stack.currentWidget() is page.empty and page.empty.isVisible()
    assert "设置 → 地点" in page.empty.text()


# ------------------------------------------------------------------ the office's plan


def _png(tmp_path: Path) -> Path:
    path = tmp_path / "月河社区平面图.png"
    buf = io.BytesIO()
    Image.new("RGB", (800, 500), (236, 232, 214)).save(buf, "PNG")
    path.write_bytes(buf.getvalue())
    return path


def _drag(page: MapPage, key: str, to: QPoint) -> None:
    """Press on the point, move with the button held, release (QTest's move holds no button)."""
    viewport = page.view.viewport()
    start = _viewport_pos(page, key)
    left, held = Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier

    def send(kind: QEvent.Type, at: QPoint, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
        pos = QPointF(at)
        event = QMouseEvent(kind, pos, QPointF(viewport.mapToGlobal(at)), button, buttons, none)
        QApplication.sendEvent(viewport, event)

    send(QEvent.Type.MouseButtonPress, start, left, held)
    for i in range(1, 6):
        step = start + (to - start) * (i / 5)
        send(QEvent.Type.MouseMove, step, Qt.MouseButton.NoButton, held)
    send(QEvent.Type.MouseButtonRelease, to, left, Qt.MouseButton.NoButton)


def test_an_administrator_places_buildings_on_the_plan_and_they_stay_after_reopening(
    qtbot,
    demo_ctx: ServiceContext,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    admin = ServiceContext(demo_ctx.db, Actor("admin", Role.ADMIN, "管理员"))
    page = _page(qtbot, admin)
    cid = _community(admin)
    assert page.base == SCHEMATIC and page.side.load_plan_button.isVisible()
    page.plan_edit.load(str(_png(tmp_path)))
    settle(qtbot, page.app)
    assert page.base == PLAN and page.scene.plan_size is not None
    assert page.scene.items_by_key == {} and page.side.unplaced_list.count() == len(page.current.map.points)  # type: ignore[union-attr]

    # Select a building in the waiting list, click the plan where it stands.
    first = page.side.unplaced_list.item(0)
    key = str(first.data(Qt.ItemDataRole.UserRole))
    page.side.unplaced_list.setCurrentItem(first)
    target = page.view.mapFromScene(QPointF(100.0, 60.0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    settle(qtbot, page.app)
    stored = office_plans.plan_of(admin, cid)
    assert stored is not None and key in stored.positions
    x, y = stored.positions[key]
    assert x == pytest.approx(100.0 / 400.0, abs=0.01) and y == pytest.approx(
        60.0 / page.scene.plan_size[1], abs=0.01
    )
    assert (
        key in page.scene.items_by_key and page.side.unplaced_list.count() == len(page.current.map.points) - 1
    )  # type: ignore[union-attr]

    # Drag it somewhere else on the plan.
    _drag(page, key, page.view.mapFromScene(QPointF(300.0, 200.0)))
    settle(qtbot, page.app)
    moved = office_plans.plan_of(admin, cid).positions[key]  # type: ignore[union-attr]
    assert moved[0] == pytest.approx(0.75, abs=0.02) and moved != (x, y)
    page.close()

    # Reopened (as the worker who does not edit plans): the point is where it was put.
    again = _page(qtbot, demo_ctx)
    assert again.base == PLAN
    item = again.scene.items_by_key[key]
    assert item.pos().x() == pytest.approx(moved[0] * 400.0, abs=0.01)
    assert again.side.unplaced_box.isVisible() and not again.side.take_back_button.isVisible()
    again.base_box.setCurrentIndex(again.base_box.findData(SCHEMATIC))
    assert len(again.scene.items_by_key) == len(again.current.map.points)  # type: ignore[union-attr]


# ------------------------------------------------------------------ printing


def test_print_map_saves_the_chosen_grid_as_a_pdf_audited(
    qtbot, page: MapPage, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    ctx = page.app.services
    cid, _ = page.place()  # type: ignore[misc]
    with ctx.read() as s:
        gid, grid = s.execute(
            select(m.Grid.id, m.Grid.name)
            .where(m.Grid.community_id == cid)
            .order_by(m.Grid.sort_order, m.Grid.id)
        ).first()
    page.choose_place(cid, gid)
    settle(qtbot, page.app)
    assert page.place() == (cid, gid), (page.place(), cid, gid)
    out = tmp_path / "wall.pdf"
    asked: list[str] = []
    monkeypatch.setattr(page, "ask_print_path", lambda suggested: asked.append(suggested) or str(out))
    page.size_box.setCurrentIndex(page.size_box.findData("A3"))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.app)
    assert asked and asked[0].endswith(".pdf") and "A3" in asked[0]
    texts = page_texts(out)
    assert len(texts) == page.last_print.pages == 1 and grid in texts[0]  # type: ignore[union-attr]
    assert "wall.pdf" in page.message.text()
    with ctx.read() as s:
        printed = s.scalar(
            select(m.AuditEntry.detail).where(m.AuditEntry.action == "print").order_by(m.AuditEntry.id.desc())
        )
    assert printed is not None


def test_the_print_panel_prints_a_community_map_too(qtbot, demo_ctx: ServiceContext, tmp_path: Path) -> None:  # noqa: ANN001
    from silverage.ui.print_export.print_panel import POINT_MAP, PrintPanel

    app = AppContext.create(demo_ctx)
    panel = PrintPanel(app, today=TODAY)
    qtbot.addWidget(panel)
    panel.show()
    panel.kind_box.setCurrentIndex(panel.kind_box.findData(POINT_MAP))
    assert panel.map_place_box.isVisible() and not panel.volunteer_box.isVisible()
    cid = _community(demo_ctx)
    box = panel.map_place_box
    box.setCurrentIndex(next(i for i in range(box.count()) if tuple(box.itemData(i)) == (cid, None)))
    out = tmp_path / "community.pdf"
    panel.save_pdf(out)
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=60000)
    settle(qtbot, app)
    texts = page_texts(out)
    grids = len(pm.places(demo_ctx)[0].grids)
    assert len(texts) == grids + 1 and "月河社区" in texts[0]  # the overview, then one page per grid


def test_the_window_opens_the_map_with_ctrl_5_and_a_double_click_opens_the_editor(
    qtbot,
    demo_ctx: ServiceContext,
    monkeypatch,  # noqa: ANN001
) -> None:
    from silverage.ui.shell.main_window import MainWindow

    window = MainWindow(demo_ctx, today=TODAY)
    qtbot.addWidget(window)
    window.load()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "map" and window.nav.currentItem().text() == "点位图"
    page = window.pages["map"]
    settle(qtbot, window.app)
    opened: list[int | None] = []
    monkeypatch.setattr(window, "open_elder", lambda elder_id: opened.append(elder_id))
    window.app.bus.open_elder.disconnect()
    window.app.bus.open_elder.connect(window.open_elder)
    key, point = next((k, p) for k, p in page.scene.points.items() if p.count == 1)
    page.open_point(key)
    assert opened == [point.people[0].elder_id]
    window.app.runner.wait()
