"""Community → grid → micro-grid as three short lists instead of one list of every micro-grid.

At 100,000 people the demo has 23,800 micro-grids: one combo box with all of them took over a
second to fill each time the person editor opened, and nobody can scroll through it anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from silverage.services.roster.place_choices import MicroGridChoice


class MicroGridPicker(QWidget):
    changed = Signal()

    def __init__(self, places: list[MicroGridChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.places = places
        self._by_id = {p.id: p for p in places}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.community = QComboBox(self)
        self.grid = QComboBox(self)
        self.micro = QComboBox(self)
        for box in (self.community, self.grid, self.micro):
            layout.addWidget(box, 1)
        self.community.addItem(self.tr("（未分配）"), -1)
        seen: dict[int, str] = {}
        for p in places:
            seen.setdefault(p.community_id, p.community)
        for cid, name in seen.items():
            self.community.addItem(name, cid)
        self.community.currentIndexChanged.connect(self._community_changed)
        self.grid.currentIndexChanged.connect(self._grid_changed)
        self.micro.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._community_changed()

    def _community_changed(self) -> None:
        cid = self.community.currentData()
        self.grid.blockSignals(True)
        self.grid.clear()
        seen: dict[int, str] = {}
        for p in self.places:
            if p.community_id == cid:
                seen.setdefault(p.grid_id, p.grid)
        for gid, name in seen.items():
            self.grid.addItem(name, gid)
        self.grid.setEnabled(bool(seen))
        self.grid.blockSignals(False)
        self._grid_changed()

    def _grid_changed(self) -> None:
        gid = self.grid.currentData() if self.grid.count() else -1
        self.micro.blockSignals(True)
        self.micro.clear()
        for p in self.places:
            if p.grid_id == gid:
                self.micro.addItem(p.name, p.id)
        self.micro.setEnabled(self.micro.count() > 0)
        self.micro.blockSignals(False)
        self.changed.emit()

    def value(self) -> int | None:
        if self.micro.count() == 0:
            return None
        value = self.micro.currentData()
        return int(value) if isinstance(value, int) else None

    def set_value(self, micro_grid_id: int | None) -> None:
        p = self._by_id.get(micro_grid_id) if micro_grid_id is not None else None
        if p is None:
            self.community.setCurrentIndex(0)
            return
        self.community.setCurrentIndex(self.community.findData(p.community_id))
        self.grid.setCurrentIndex(self.grid.findData(p.grid_id))
        self.micro.setCurrentIndex(self.micro.findData(p.id))
