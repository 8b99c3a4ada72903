"""The places page on the demo roster, as a supervisor: the tree with counts, add, rename, reorder,
move, merge, archive, and the services' refusals shown as they are worded."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTreeWidgetItem

from silverage.domain.enums import Role
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster import places
from silverage.ui.settings import places_page
from silverage.ui.settings.places_page import NODE, PlacesPage
from silverage.ui.shell.app_context import AppContext
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


@pytest.fixture
def app(demo_ctx: ServiceContext) -> AppContext:
    demo_ctx.actor = Actor("duda", Role.SUPERVISOR, "王督导")
    return AppContext.create(demo_ctx)


@pytest.fixture
def page(qtbot, app) -> PlacesPage:  # noqa: ANN001
    page = PlacesPage(app)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _answers(monkeypatch, text=None, choice=None, yes=True) -> list[str]:  # noqa: ANN001
    asked: list[str] = []
    monkeypatch.setattr(
        places_page, "ask_text", lambda parent, title, label, current="": asked.append(label) or text
    )
    monkeypatch.setattr(
        places_page, "ask_choice", lambda parent, title, label, choices: asked.append(label) or choice
    )
    monkeypatch.setattr(
        places_page, "ask_yes_no", lambda parent, title, question: asked.append(question) or yes
    )
    return asked


def _node(page: PlacesPage, path: str) -> places.PlaceNode:
    assert page.select_path(path), path
    item: QTreeWidgetItem = page.tree.currentItem()
    return item.data(0, NODE)


def test_the_tree_shows_every_place_with_its_people_and_volunteers(page, app) -> None:  # noqa: ANN001
    tree = places.tree(app.services)
    assert page.tree.topLevelItemCount() == len(tree)
    first = page.tree.topLevelItem(0)
    assert first.text(0) == tree[0].name and first.text(1) == str(tree[0].people)
    assert first.text(2) == str(tree[0].volunteers) and tree[0].people > 0
    assert sum(int(page.tree.topLevelItem(i).text(1)) for i in range(page.tree.topLevelItemCount())) == sum(
        n.people for n in tree
    )


def test_add_rename_and_the_refusals(qtbot, page, app, monkeypatch) -> None:  # noqa: ANN001
    ctx = app.services
    community = places.tree(ctx)[0]
    grid, other_grid = community.children[0], community.children[1]
    page.select_path(community.path)

    _answers(monkeypatch, text="新建测试网格")
    page.add_child_button.click()
    settle(qtbot, app)
    new_path = f"{community.path}/新建测试网格"
    assert "已新建" in page.message.text()
    assert page.current() is not None and page.current().path == new_path  # selected in the refreshed tree
    assert new_path in [n.path for top in places.tree(ctx) for n in top.walk()]

    _answers(monkeypatch, text="改名测试网格")
    page.rename_button.click()
    settle(qtbot, app)
    assert page.current().path == f"{community.path}/改名测试网格" and "改名为" in page.message.text()

    # A rename to a neighbour's name is refused with the services' words; nothing changes.
    before = [n.path for top in places.tree(ctx) for n in top.walk()]
    page.select_path(grid.path)
    _answers(monkeypatch, text=other_grid.name)
    page.rename_button.click()
    settle(qtbot, app)
    assert "已有网格" in page.message.text() and "合并" in page.message.text()
    assert [n.path for top in places.tree(ctx) for n in top.walk()] == before

    # Archiving a grid with people is refused, naming how many.
    page.select_path(grid.path)
    page.archive_button.click()
    settle(qtbot, app)
    assert f"还有{grid.people}位在册老人" in page.message.text()
    assert not _node(page, grid.path).archived


def test_merging_asks_first_and_is_refused_across_communities(qtbot, page, app, monkeypatch) -> None:  # noqa: ANN001
    ctx = app.services
    tree = places.tree(ctx)
    grid, elsewhere = tree[0].children[0], tree[1].children[0]
    page.select_path(grid.path)
    asked = _answers(monkeypatch, choice=elsewhere.path, yes=True)
    page.merge_button.click()
    settle(qtbot, app)
    assert any(f"{grid.people} 位老人" in q for q in asked)  # the question says who moves
    assert "不能合并到其他社区的地点" in page.message.text() and "没有任何改动" in page.message.text()
    assert [n.path for n in places.tree(ctx)[0].children] == [n.path for n in tree[0].children]

    # Answering No to the question changes nothing either.
    sibling = tree[0].children[1]
    _answers(monkeypatch, choice=sibling.path, yes=False)
    page.select_path(grid.path)
    page.merge_button.click()
    settle(qtbot, app)
    assert grid.path in [n.path for top in places.tree(ctx) for n in top.walk()]

    # Yes: the people move and the emptied grid goes.
    _answers(monkeypatch, choice=sibling.path, yes=True)
    page.select_path(grid.path)
    page.merge_button.click()
    settle(qtbot, app)
    after = {n.path: n for top in places.tree(ctx) for n in top.walk()}
    assert grid.path not in after and after[sibling.path].people == sibling.people + grid.people
    assert "合并到" in page.message.text() and page.current().path == sibling.path


def test_reorder_move_archive_and_restore(qtbot, page, app, monkeypatch) -> None:  # noqa: ANN001
    ctx = app.services
    community = places.tree(ctx)[0]
    first, second = community.children[0], community.children[1]
    page.select_path(second.path)
    assert page.up_button.isEnabled()
    page.up_button.click()
    settle(qtbot, app)
    assert [n.path for n in places.tree(ctx)[0].children][:2] == [second.path, first.path]

    micro = first.children[0]
    page.select_path(micro.path)
    _answers(monkeypatch, choice=second.path)
    page.move_button.click()
    settle(qtbot, app)
    moved = f"{second.path}/{micro.name}"
    assert page.current().path == moved and "移到" in page.message.text()

    # An empty new micro-grid may be archived, shown as such, and restored.
    page.select_path(second.path)
    _answers(monkeypatch, text="空微网格")
    page.add_child_button.click()
    settle(qtbot, app)
    page.archive_button.click()
    settle(qtbot, app)
    assert "已归档" in page.message.text()
    page.show_archived.setChecked(True)
    assert _node(page, f"{second.path}/空微网格").archived
    assert page.restore_button.isEnabled()
    page.restore_button.click()
    settle(qtbot, app)
    assert not _node(page, f"{second.path}/空微网格").archived


def test_a_worker_sees_the_tree_but_cannot_change_it(qtbot, demo_ctx) -> None:  # noqa: ANN001
    app = AppContext.create(demo_ctx)  # 李社工, a community worker
    page = PlacesPage(app)
    qtbot.addWidget(page)
    page.show()
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    assert not page.add_community_button.isEnabled() and not page.merge_button.isEnabled()
    assert "只有督导和管理员" in page.note.text()
