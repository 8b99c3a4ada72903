"""Monthly visit rates (探访率) by community, grid, level or volunteer, against 100%."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from silverage.services.visits import coverage
from silverage.ui.visits.visit_tab_base import VisitTab, date_edit, pydate, table
from silverage.ui.widgets.simple_table import SimpleTableModel

if TYPE_CHECKING:
    from silverage.ui.visits.visit_tab_base import VisitHost


class CoverageTab(VisitTab):
    def __init__(self, page: VisitHost) -> None:
        super().__init__(page)
        w = self
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        self.rate_month = date_edit(self.today, w, month=True)
        self.rate_by = QComboBox(w)
        for value, text in (
            ("community", self.tr("按社区")),
            ("grid", self.tr("按网格")),
            ("level", self.tr("按等级")),
            ("volunteer", self.tr("按志愿者")),
        ):
            self.rate_by.addItem(text, value)
        self.rate_by.currentIndexChanged.connect(lambda _i: self.refresh())
        self.rate_month.dateChanged.connect(lambda _d: self.refresh())
        for x in (QLabel(self.tr("月份"), w), self.rate_month, self.rate_by):
            row.addWidget(x)
        row.addStretch(1)
        lay.addLayout(row)
        self.rate_model = SimpleTableModel(
            [self.tr("分组"), self.tr("应探访"), self.tr("已探访"), self.tr("探访率（目标100%）")], w
        )
        self.rate_view = table(self.rate_model, w)
        lay.addWidget(self.rate_view)

    def refresh(self) -> None:
        d = pydate(self.rate_month)
        by = self.rate_by.currentData()
        rows = coverage.monthly_rates(self.app.services, d.year, d.month, by)
        self.rate_model.set_rows(
            [
                (self._level(r.key) if by == "level" else r.key, r.required, r.contacted, f"{r.rate:.1%}")
                for r in rows
            ],
            None,
            [None if r.rate >= 1 else ("#E8A33D" if r.rate >= 0.8 else "#C0504D") for r in rows],
        )
        self.rate_view.resizeColumnsToContents()
