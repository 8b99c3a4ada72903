"""The roster table model: plain ElderRow data, columns from an enum, level as colour *and* word.

Filtering and sorting happen here over precomputed keys instead of in a QSortFilterProxyModel: a
proxy calls back into Python once per row per keystroke, which at 100,000 people is the stutter we
must avoid. Search keys (name, pinyin, ID number, phone, address: one joined string per person)
are built at the first search after a load, not before the first paint: nobody waits for the
pinyin dictionary to see the roster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from silverage.domain.care_rules import reassessment_due
from silverage.domain.clock import SYSTEM_CLOCK
from silverage.domain.enums import ElderStatus, Gender, Level, Living
from silverage.domain.pinyin_search import name_haystack, normalise_query, person_haystack
from silverage.services.roster.place_match import CATCH_ALL
from silverage.services.roster.roster_query import ElderRow
from silverage.ui.widgets.level_text import level_text

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


_LEVEL_RANK: dict[str | None, int] = {lv.value: lv.rank for lv in Level}
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ElderRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class RosterFilter:
    """What the roster page's search box and filter boxes ask for. None = no restriction."""

    query: str = ""
    level: str | None = None  # Level value, or "none" for not yet assessed
    community_id: int | None = None
    grid_id: int | None = None
    micro_grid_id: int | None = None
    living: str | None = None
    need: str | None = None  # a service kind's name: 需求：助浴
    status: str = "active"  # "active", "archived" (everyone not active) or "all"
    overdue_only: bool = False
    reassessment_only: bool = False
    unplaced_only: bool = False  # the 待分配微网格 worklist: no micro-grid of their own yet


def awaits_micro_grid(r: ElderRow) -> bool:
    """On the 待分配微网格 worklist: imported without a micro-grid (in a 未分微网格, or nowhere)."""
    return r.micro_grid_id is None or r.micro_grid == CATCH_ALL


def _name_part(name: str) -> str:
    return name_haystack(name)


def _haystack(r: ElderRow) -> str:
    return person_haystack(r.name, r.id_number, r.phone, r.address)


@dataclass
class _Keys:
    hay: list[str] | None = None  # one haystack per row, built at the first search (see ``haystacks``)
    sort: dict[int, list[Any]] = field(default_factory=dict)


class RosterModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self._rows: list[ElderRow] = []
        self._view: list[int] = []
        self._keys = _Keys()
        self._filter = RosterFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.overdue_ids: frozenset[int] = frozenset()
        self.today = SYSTEM_CLOCK.today()
        self.lang = lang
        self._headers = self._header_texts()

    def _header_texts(self) -> list[str]:
        return [
            self.tr("等级"),
            self.tr("姓名"),
            self.tr("性别"),
            self.tr("年龄"),
            self.tr("居住情况", "column"),
            self.tr("社区"),
            self.tr("网格"),
            self.tr("微网格"),
            self.tr("地址"),
            self.tr("电话"),
            self.tr("最近联系"),
            self.tr("状态"),
        ]

    # ---------------------------------------------------------------- loading, filtering, sorting

    def set_rows(self, rows: list[ElderRow], today: date | None = None) -> None:
        """Replace the data; search keys are built here, once per load."""
        self.beginResetModel()
        self._rows = rows
        self.today = today or SYSTEM_CLOCK.today()
        self._keys = _Keys()
        self._view = self._filtered()
        self._apply_sort()
        self.endResetModel()

    def patch(self, changed: list[ElderRow], removed_ids: Iterable[int] = ()) -> None:
        """Put these people's fresh rows in place (new ones at the end, removed ones out); only
        their search keys are built again, then the filter and the sort apply as before."""
        by_id = {r.id: r for r in changed}
        gone = set(removed_ids)
        old_hay = self._keys.hay
        keep_hay = old_hay is not None
        rows: list[ElderRow] = []
        hay: list[str] = []
        for n, row in enumerate(self._rows):
            if row.id in gone:
                continue
            fresh = by_id.pop(row.id, None)
            rows.append(row if fresh is None else fresh)
            if keep_hay:
                hay.append(old_hay[n] if fresh is None else _haystack(fresh))  # type: ignore[index]
        for fresh in by_id.values():
            rows.append(fresh)
            if keep_hay:
                hay.append(_haystack(fresh))
        self.beginResetModel()
        self._rows = rows
        self._keys = _Keys(hay=hay if keep_hay else None)
        self._view = self._filtered()
        self._apply_sort()
        self.endResetModel()

    def set_overdue_ids(self, ids: Iterable[int]) -> None:
        self.overdue_ids = frozenset(ids)
        if self._filter.overdue_only:
            self.set_filter(self._filter, force=True)

    @property
    def filter(self) -> RosterFilter:
        return self._filter

    def set_filter(self, f: RosterFilter, force: bool = False) -> None:
        if f == self._filter and not force:
            return
        old = self._filter
        self.beginResetModel()
        self._filter = f
        if not force and self._narrows(old, f):
            # Typing one more letter: search only what is shown now; it is already filtered and sorted.
            hay = self.haystacks()
            for w in normalise_query(f.query):
                self._view = [i for i in self._view if w in hay[i]]
        else:
            self._view = self._filtered()
            self._apply_sort()
        self.endResetModel()

    @staticmethod
    def _narrows(old: RosterFilter, new: RosterFilter) -> bool:
        """Whether ``new`` can only show a subset of ``old`` (same filters, the query extended)."""
        if replace(old, query="") != replace(new, query=""):
            return False
        old_q, new_q = " ".join(normalise_query(old.query)), " ".join(normalise_query(new.query))
        return bool(new_q) and new_q.startswith(old_q)

    def _predicates(self) -> list[Callable[[ElderRow], bool]]:
        f = self._filter
        preds: list[Callable[[ElderRow], bool]] = []
        if f.status == "active":
            preds.append(lambda r: r.status == "active")
        elif f.status == "archived":
            preds.append(lambda r: r.status != "active")
        if f.level == "none":
            preds.append(lambda r: r.level is None)
        elif f.level:
            preds.append(lambda r, v=f.level: r.level == v)
        if f.community_id is not None:
            preds.append(lambda r, v=f.community_id: r.community_id == v)
        if f.grid_id is not None:
            preds.append(lambda r, v=f.grid_id: r.grid_id == v)
        if f.micro_grid_id is not None:
            preds.append(lambda r, v=f.micro_grid_id: r.micro_grid_id == v)
        if f.living:
            preds.append(lambda r, v=f.living: r.living == v)
        if f.need:
            preds.append(lambda r, v=f.need: v in r.needs)
        if f.overdue_only:
            preds.append(lambda r: r.id in self.overdue_ids)
        if f.reassessment_only:
            preds.append(lambda r: reassessment_due(r.status, r.next_assessment, self.today))
        if f.unplaced_only:
            preds.append(awaits_micro_grid)
        return preds

    def haystacks(self) -> list[str]:
        """Each row's search keys in one string, built at the first search after a load."""
        if self._keys.hay is None:
            self._keys.hay = [_haystack(r) for r in self._rows]
        return self._keys.hay

    def _filtered(self) -> list[int]:
        words = normalise_query(self._filter.query)
        candidates: Iterable[int] = range(len(self._rows))
        hay = self.haystacks() if words else []
        for w in words:  # substring tests on precomputed strings: the fast part
            candidates = [i for i in candidates if w in hay[i]]
        preds = self._predicates()
        if not preds:
            return list(candidates)
        rows = self._rows
        if len(preds) == 1:  # the everyday case (only the active): no all() per row
            only = preds[0]
            return [i for i in candidates if only(rows[i])]
        return [i for i in candidates if all(p(rows[i]) for p in preds)]

    def _sort_keys(self, col: Col) -> list[Any]:
        if col not in self._keys.sort:
            if col == Col.LEVEL:  # the default sort, red first: one dict look-up per row
                rank = _LEVEL_RANK.get
                self._keys.sort[col] = [rank(r.level, -1) for r in self._rows]
            else:
                self._keys.sort[col] = [self._sort_key(r, col) for r in self._rows]
        return self._keys.sort[col]

    def _sort_key(self, r: ElderRow, col: Col) -> Any:
        match col:
            case Col.LEVEL:
                return _LEVEL_RANK.get(r.level, -1)
            case Col.NAME:
                return _name_part(r.name).split("\x1f")[1] if r.name else ""
            case Col.AGE:
                return r.age
            case Col.LAST_CONTACT:
                return r.last_contact.toordinal() if r.last_contact else 0
            case _:
                return str(self._display(r, col))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        if self._sort is None:
            return
        column, order = self._sort
        keys = self._sort_keys(Col(column))
        self._view.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    # ---------------------------------------------------------------- access

    def row_at(self, row: int) -> ElderRow:
        return self._rows[self._view[row]]

    def ids_at(self, rows: Iterable[int]) -> list[int]:
        return [self._rows[self._view[r]].id for r in rows]

    def row_of_id(self, elder_id: int) -> int:
        for pos, i in enumerate(self._view):
            if self._rows[i].id == elder_id:
                return pos
        return -1

    def all_rows(self) -> list[ElderRow]:
        return self._rows

    def visible_rows(self) -> list[ElderRow]:
        return [self._rows[i] for i in self._view]

    # ---------------------------------------------------------------- Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[self._view[index.row()]]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.DecorationRole and col == Col.LEVEL and r.level:
            return QColor(Level(r.level).rgb)
        if role == Qt.ItemDataRole.ForegroundRole and col == Col.LAST_CONTACT and r.id in self.overdue_ids:
            return QColor("#B3261E")
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.LAST_CONTACT and r.id in self.overdue_ids:
            return self.tr("超过规定间隔未联系")
        if role == SORT_ROLE:
            return self._sort_key(r, col)
        if role == ID_ROLE:
            return r.id
        if role == ROW_ROLE:
            return r
        return None

    def _display(self, r: ElderRow, col: Col) -> str | int:
        lang = self.lang
        match col:
            case Col.LEVEL:
                if not r.level:
                    return level_text(None, lang)
                return level_text(r.level, lang) + (self.tr("（人工）") if r.level_overridden else "")
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
                return r.last_contact.isoformat() if r.last_contact else self.tr("从未")
            case Col.STATUS:
                return ElderStatus(r.status).label(lang)


def patch_rows(model: RosterModel, changed: list[ElderRow], removed_ids: Iterable[int] = ()) -> None:
    """Replace a few people in place after a save (no full reload of 100,000 rows)."""
    model.patch(changed, removed_ids)
