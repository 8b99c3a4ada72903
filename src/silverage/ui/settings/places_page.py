"""地点: the 社区 → 网格 → 微网格 tree with its people and volunteers, kept by supervisors and administrators.

Add, rename, reorder, move a micro-grid to another grid, merge two places, archive and restore.
Every change runs through ``services.roster.places`` (which checks the role, audits, and refuses
what would lose or confuse people); a refusal is shown as the service words it. Nothing is ever
deleted from here except a place emptied by a merge, and a merge is asked about first, naming
how many people and volunteers move.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.permissions import Action
from silverage.domain.problems import UserError
from silverage.services.roster import places
from silverage.services.roster.places import PlaceChange, PlaceNode
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.ask import ask_yes_no
from silverage.ui.widgets.follow_changes import follow_changes
from silverage.ui.widgets.form_footer import GREEN, RED
from silverage.ui.widgets.wording import fill, pick

NODE = Qt.ItemDataRole.UserRole + 1


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """A name typed by the user, or None (cancelled or empty). The tests' seam."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    value = value.strip()
    return value if ok and value else None


def ask_choice(parent: QWidget, title: str, label: str, choices: list[str]) -> str | None:
    """One of ``choices``, or None. The tests' seam."""
    if not choices:
        return None
    value, ok = QInputDialog.getItem(parent, title, label, choices, 0, False)
    return value if ok and value else None


class PlacesPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.lang = app.lang
        self.nodes: list[PlaceNode] = []
        self._select_after: str | None = None
        follow_changes(self, app.bus, lambda c: c.places or c.touches_people or bool(c.volunteers))
        outer = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "社区 → 网格 → 微网格，以及各处在册的老人和在岗的志愿者人数。"
                "合并时人员随之调整并逐人记录；还有在册老人或志愿者的地点不能归档。"
            ),
            self,
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("place_tree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("地点"), self.tr("在册老人"), self.tr("志愿者", "count"), self.tr("状态")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        left.addWidget(self.tree, 1)
        self.show_archived = QCheckBox(self.tr("显示已归档的地点"), self)
        left.addWidget(self.show_archived)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        grid = QGridLayout()
        self.add_community_button = QPushButton(self.tr("添加社区…"), self)
        self.add_child_button = QPushButton(self.tr("添加下一级…"), self)
        self.rename_button = QPushButton(self.tr("改名…"), self)
        self.up_button = QPushButton(self.tr("上移"), self)
        self.down_button = QPushButton(self.tr("下移"), self)
        self.move_button = QPushButton(self.tr("移到其他网格…"), self)
        self.merge_button = QPushButton(self.tr("合并到…"), self)
        self.archive_button = QPushButton(self.tr("归档"), self)
        self.restore_button = QPushButton(self.tr("恢复"), self)
        buttons = [
            self.add_community_button,
            self.add_child_button,
            self.rename_button,
            self.move_button,
            self.up_button,
            self.down_button,
            self.merge_button,
            self.archive_button,
            self.restore_button,
        ]
        for i, b in enumerate(buttons):
            grid.addWidget(b, i // 2, i % 2)
        right.addLayout(grid)
        self.selected_label = QLabel(self)
        self.selected_label.setWordWrap(True)
        right.addWidget(self.selected_label)
        self.message = QLabel(self)
        self.message.setObjectName("places_message")
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        right.addWidget(self.note)
        right.addStretch(1)
        body.addLayout(right, 2)

        self.may_edit = app.services.actor.may(Action.EDIT_PLACES)
        if not self.may_edit:
            self.note.setText(self.tr("只有督导和管理员可以修改地点。"))

        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.tree.currentItemChanged.connect(lambda *_: self._buttons())
        self.add_community_button.clicked.connect(self.add_community)
        self.add_child_button.clicked.connect(self.add_child)
        self.rename_button.clicked.connect(self.rename)
        self.up_button.clicked.connect(lambda: self.reorder(-1))
        self.down_button.clicked.connect(lambda: self.reorder(+1))
        self.move_button.clicked.connect(self.move_micro_grid)
        self.merge_button.clicked.connect(self.merge)
        self.archive_button.clicked.connect(self.archive)
        self.restore_button.clicked.connect(self.restore)
        self.refresh()

    # ---------------------------------------------------------------- the tree

    def refresh(self) -> None:
        current = self.current()
        keep = self._select_after or (current.path if current is not None else None)
        self._select_after = None
        self.nodes = places.tree(self.app.services, include_archived=self.show_archived.isChecked())
        self.tree.clear()
        for node in self.nodes:
            self._add(self.tree.invisibleRootItem(), node)
        self.tree.expandToDepth(0)
        if keep:
            self.select_path(keep)
        self._buttons()

    def _add(self, parent: QTreeWidgetItem, node: PlaceNode) -> None:
        item = QTreeWidgetItem(
            parent,
            [node.name, str(node.people), str(node.volunteers), self.tr("已归档") if node.archived else ""],
        )
        item.setData(0, NODE, node)
        for c in (1, 2):
            item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if node.archived:
            for c in range(4):
                item.setForeground(c, Qt.GlobalColor.darkGray)
        for child in node.children:
            self._add(item, child)

    def items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                out.append(item.child(i))
                walk(item.child(i))

        walk(self.tree.invisibleRootItem())
        return out

    def select_path(self, path: str) -> bool:
        for item in self.items():
            node: PlaceNode = item.data(0, NODE)
            if node.path == path:
                parent = item.parent()
                while parent is not None:
                    parent.setExpanded(True)
                    parent = parent.parent()
                self.tree.setCurrentItem(item)
                return True
        return False

    def current(self) -> PlaceNode | None:
        item = self.tree.currentItem()
        return item.data(0, NODE) if item is not None else None

    def _level_word(self, level: str) -> str:
        words = {
            "community": self.tr("社区", "level"),
            "grid": self.tr("网格", "level"),
            "micro_grid": self.tr("微网格", "level"),
        }
        return words[level]

    def _buttons(self) -> None:
        node = self.current()
        may = self.may_edit
        self.add_community_button.setEnabled(may)
        self.add_child_button.setEnabled(may and node is not None and not node.archived)
        for b in (self.rename_button, self.merge_button):
            b.setEnabled(may and node is not None)
        self.move_button.setEnabled(may and node is not None and node.level == "micro_grid")
        self.up_button.setEnabled(may and node is not None and self._position(node)[0] > 1)
        pos, of = self._position(node) if node is not None else (0, 0)
        self.down_button.setEnabled(may and node is not None and pos < of)
        self.archive_button.setEnabled(may and node is not None and not node.archived)
        self.restore_button.setEnabled(may and node is not None and node.archived)
        if node is None:
            self.selected_label.setText(self.tr("请在左边选择一个地点。"))
        else:
            self.selected_label.setText(
                fill(
                    self.tr("所选：%1（%2）；在册老人 %3 人，在岗志愿者 %n 人", "", node.volunteers),
                    node.path,
                    self._level_word(node.level),
                    node.people,
                )
            )

    def _siblings(self, node: PlaceNode) -> list[PlaceNode]:
        if node.level == "community":
            return list(self.nodes)
        for n in (x for top in self.nodes for x in top.walk()):
            if any(c.id == node.id and c.level == node.level for c in n.children):
                return list(n.children)
        return [node]

    def _position(self, node: PlaceNode) -> tuple[int, int]:
        siblings = self._siblings(node)
        ids = [s.id for s in siblings]
        return (ids.index(node.id) + 1 if node.id in ids else 0), len(siblings)

    def _all(self, level: str) -> list[PlaceNode]:
        return [n for top in self.nodes for n in top.walk() if n.level == level and not n.archived]

    # ---------------------------------------------------------------- changes

    def _run(self, work: Callable[[], PlaceChange], title: str, select: str | None = None) -> None:
        def done(change: PlaceChange) -> None:
            self._say(pick(self.lang, change.zh, change.en), GREEN)
            if select:
                self._select_after = select
                self.select_path(select)

        if select:
            self._select_after = select
        self.app.run(work, parent=self, title=title, on_done=done, on_user_error=self._refused)

    def _refused(self, exc: UserError) -> None:
        self._select_after = None
        self._say(exc.text(self.lang), RED)

    def _say(self, text: str, color: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color}")

    def add_community(self) -> None:
        name = ask_text(self, self.tr("添加社区"), self.tr("社区名称"))
        if name:
            ctx = self.app.services
            self._run(lambda: places.add_place(ctx, name), self.tr("添加社区"), select=name)

    def add_child(self) -> None:
        node = self.current()
        if node is None:
            return
        parent = node
        if node.level == "micro_grid":  # beside the selected micro-grid
            parent = next(n for top in self.nodes for n in top.walk() if node in n.children)
        if parent.level == "community":
            title, label = self.tr("添加网格"), fill(self.tr("“%1”下的网格名称"), parent.path)
        else:
            title, label = self.tr("添加微网格"), fill(self.tr("“%1”下的微网格名称"), parent.path)
        name = ask_text(self, title, label)
        if name:
            ctx, path = self.app.services, f"{parent.path}/{name}"
            self._run(lambda: places.add_place(ctx, path), title, select=path)

    def rename(self) -> None:
        node = self.current()
        if node is None:
            return
        name = ask_text(self, self.tr("改名"), fill(self.tr("“%1”的新名称"), node.path), node.name)
        if name:
            ctx, path = self.app.services, node.path
            new_path = "/".join([*node.path.split("/")[:-1], name])
            self._run(lambda: places.rename_place(ctx, path, name), self.tr("改名"), select=new_path)

    def reorder(self, step: int) -> None:
        node = self.current()
        if node is None:
            return
        pos, of = self._position(node)
        target = pos + step
        if not 1 <= target <= of:
            return
        ctx, path = self.app.services, node.path
        self._run(lambda: places.reorder_place(ctx, path, target), self.tr("调整顺序"), select=path)

    def move_micro_grid(self) -> None:
        node = self.current()
        if node is None or node.level != "micro_grid":
            return
        here = node.path.rsplit("/", 1)[0]
        grids = [g.path for g in self._all("grid") if g.path != here]
        target = ask_choice(
            self, self.tr("移到其他网格"), fill(self.tr("把“%1”（连同其中的人员）移到："), node.path), grids
        )
        if target:
            ctx, path = self.app.services, node.path
            new_path = f"{target}/{node.name}"
            self._run(
                lambda: places.move_micro_grid(ctx, path, target), self.tr("移到其他网格"), select=new_path
            )

    def merge(self) -> None:
        node = self.current()
        if node is None:
            return
        community = node.path.split("/")[0]
        same = [n.path for n in self._all(node.level) if n.path != node.path]
        # Places of the same community first: grids and micro-grids merge only within one.
        same.sort(key=lambda p: p.split("/")[0] != community)
        target = ask_choice(
            self,
            self.tr("合并"),
            fill(self.tr("把“%1”合并到（同一级的地点）："), node.path),
            same,
        )
        if not target:
            return
        question = fill(
            self.tr(
                "把“%1”合并到“%2”：其中 %3 位老人和 %4 名志愿者将移到“%2”（逐人记录），"
                "“%1”随后不再存在。确定合并吗？"
            ),
            node.path,
            target,
            node.people,
            node.volunteers,
        )
        if not ask_yes_no(self, self.tr("合并地点"), question):
            return
        ctx, path = self.app.services, node.path
        self._run(lambda: places.merge_places(ctx, path, target), self.tr("合并地点"), select=target)

    def archive(self) -> None:
        node = self.current()
        if node is None:
            return
        ctx, path = self.app.services, node.path
        self._run(lambda: places.archive_place(ctx, path), self.tr("归档"), select=path)

    def restore(self) -> None:
        node = self.current()
        if node is None:
            return
        ctx, path = self.app.services, node.path
        self._run(lambda: places.restore_place(ctx, path), self.tr("恢复"), select=path)
