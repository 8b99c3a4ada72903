"""The roster table model: plain ElderRow data, columns from an enum, level as colour *and* word."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from silverage.domain.enums import ElderStatus, Gender, Level, Living
from silverage.services.roster_query import ElderRow

Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    LEVEL = 0
    NAME = 1
    GENDER = 2
    AGE = 3
    LIVING = 4
    COMMUNITY = 5
    GRID = 6
    MICRO_GRID = 7
    ADDRESS = 8
    PHONE = 9
    LAST_CONTACT = 10
    STATUS = 11


HEADERS = {
    Col.LEVEL: ("等级", "Level"),
    Col.NAME: ("姓名", "Name"),
    Col.GENDER: ("性别", "Gender"),
    Col.AGE: ("年龄", "Age"),
    Col.LIVING: ("居住情况", "Living"),
    Col.COMMUNITY: ("社区", "Community"),
    Col.GRID: ("网格", "Grid"),
    Col.MICRO_GRID: ("微网格", "Micro-grid"),
    Col.ADDRESS: ("地址", "Address"),
    Col.PHONE: ("电话", "Phone"),
    Col.LAST_CONTACT: ("最近探访", "Last contact"),
    Col.STATUS: ("状态", "Status"),
}

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ElderRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class RosterModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self._rows: list[ElderRow] = []
        self.lang = lang

    def set_rows(self, rows: list[ElderRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ElderRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            zh, en = HEADERS[Col(section)]
            return zh if self.lang == "zh" else en
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == SORT_ROLE:
            if col == Col.AGE:
                return r.age
            if col == Col.LEVEL:
                return Level(r.level).rank if r.level else -1
            if col == Col.LAST_CONTACT:
                return r.last_contact.isoformat() if r.last_contact else ""
            return self._display(r, col)
        if role == Qt.ItemDataRole.DecorationRole and col == Col.LEVEL and r.level:
            return QColor(Level(r.level).rgb)
        if role == ROW_ROLE:
            return r
        return None

    def _display(self, r: ElderRow, col: Col) -> str | int:
        lang = self.lang
        match col:
            case Col.LEVEL:
                if not r.level:
                    return "未评估" if lang == "zh" else "Not assessed"
                word = Level(r.level).label(lang)
                return word + ("（人工）" if r.level_overridden and lang == "zh" else
                               " (manual)" if r.level_overridden else "")
            case Col.NAME:
                return r.name
            case Col.GENDER:
                return Gender(r.gender).label(lang)
            case Col.AGE:
                return r.age
            case Col.LIVING:
                return Living(r.living).label(lang)
            case Col.COMMUNITY:
                return r.community
            case Col.GRID:
                return r.grid
            case Col.MICRO_GRID:
                return r.micro_grid
            case Col.ADDRESS:
                return r.address
            case Col.PHONE:
                return r.phone
            case Col.LAST_CONTACT:
                return r.last_contact.isoformat() if r.last_contact else ""
            case Col.STATUS:
                return ElderStatus(r.status).label(lang)
