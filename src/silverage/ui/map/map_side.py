"""The 点位图's side panel: the legend and counts, the people of the chosen building, the buildings
not yet placed on the office's plan (dragged from here onto it), and volunteers not drawn."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from silverage.ui.map.map_view import MIME

KEY_ROLE = Qt.ItemDataRole.UserRole


class BuildingList(QListWidget):
    """Buildings waiting for their place on the plan: drag one onto the plan (or select it and click
    the plan)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items) -> QMimeData:  # noqa: ANN001 - a list of QListWidgetItem
        data = QMimeData()
        if items:
            data.setData(MIME, str(items[0].data(KEY_ROLE)).encode("utf-8"))
        return data

    def selected_key(self) -> str | None:
        item = self.currentItem()
        return None if item is None or not item.isSelected() else str(item.data(KEY_ROLE))


class MapSide(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(250)
        self.setMaximumWidth(380)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 0, 0, 0)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        box.addWidget(self.legend)
        box.addWidget(self.counts)

        self.here_box = QGroupBox(self.tr("所选楼栋的老人"), self)
        here = QVBoxLayout(self.here_box)
        self.here_title = QLabel(self.tr("单击点位查看，双击姓名打开档案"), self.here_box)
        self.here_title.setWordWrap(True)
        self.here_list = QListWidget(self.here_box)
        self.here_list.setWordWrap(True)
        self.here_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        here.addWidget(self.here_title)
        here.addWidget(self.here_list)
        box.addWidget(self.here_box, 2)

        self.unplaced_box = QGroupBox(self.tr("尚未放到平面图上的楼栋"), self)
        unplaced = QVBoxLayout(self.unplaced_box)
        self.unplaced_hint = QLabel(self.unplaced_box)
        self.unplaced_hint.setWordWrap(True)
        self.unplaced_list = BuildingList(self.unplaced_box)
        row = QHBoxLayout()
        self.take_back_button = QPushButton(self.tr("移出平面图"), self.unplaced_box)
        self.take_back_button.setToolTip(self.tr("把所选点位放回待放列表"))
        row.addWidget(self.take_back_button)
        row.addStretch(1)
        unplaced.addWidget(self.unplaced_hint)
        unplaced.addWidget(self.unplaced_list)
        unplaced.addLayout(row)
        box.addWidget(self.unplaced_box, 2)

        self.volunteer_box = QGroupBox(self.tr("未画在图上的志愿者"), self)
        vbox = QVBoxLayout(self.volunteer_box)
        self.volunteer_list = QListWidget(self.volunteer_box)
        self.volunteer_list.setWordWrap(True)
        vbox.addWidget(self.volunteer_list)
        box.addWidget(self.volunteer_box, 1)

        admin = QHBoxLayout()
        self.load_plan_button = QPushButton(self.tr("载入平面图…"), self)
        self.load_plan_button.setToolTip(self.tr("为所选社区或网格载入一张平面图（PNG 或 JPG 扫描件）"))
        self.remove_plan_button = QPushButton(self.tr("删除平面图"), self)
        admin.addWidget(self.load_plan_button)
        admin.addWidget(self.remove_plan_button)
        admin.addStretch(1)
        box.addLayout(admin)

    def set_editing(self, editing: bool) -> None:
        """An administrator on the office's plan: buildings can be dragged from the list."""
        self.unplaced_list.setDragEnabled(editing)
        self.take_back_button.setVisible(editing)
        self.unplaced_hint.setText(
            self.tr("把楼栋从这里拖到平面图上，或选中后在平面图上单击。")
            if editing
            else self.tr("管理员可以把这些楼栋放到平面图上。")
        )

    def fill_unplaced(self, rows: list[tuple[str, str, str]]) -> None:
        """(key, text, colour) per building not on the plan."""
        self.unplaced_list.clear()
        for key, text, _rgb in rows:
            item = QListWidgetItem(text, self.unplaced_list)
            item.setData(KEY_ROLE, key)
        self.unplaced_box.setTitle(self.tr("尚未放到平面图上的楼栋（%n）", "", len(rows)))

    def fill_volunteers(self, rows: list[tuple[int, str]]) -> None:
        self.volunteer_list.clear()
        for vid, text in rows:
            QListWidgetItem(text, self.volunteer_list).setData(KEY_ROLE, vid)
        self.volunteer_box.setTitle(self.tr("未画在图上的志愿者（%n）", "", len(rows)))
