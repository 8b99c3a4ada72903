"""The main window: navigation on the left, one page per area, a status bar that says where we are."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from silverage.db.engine import describe
from silverage.services import roster_query
from silverage.services.context import ServiceContext
from silverage.ui.roster_model import SORT_ROLE, RosterModel


class MainWindow(QMainWindow):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("银龄 · 独居空巢老人关爱"))
        self.resize(1200, 760)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.search = QLineEdit(central)
        self.search.setPlaceholderText(self.tr("搜索姓名、身份证号、电话、地址"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = RosterModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(central)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setDefaultSectionSize(26)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.db_label = QLabel(self)
        self.count_label = QLabel(self)
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)

    def load(self) -> None:
        rows = roster_query.list_elders(self.ctx)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        synthetic = roster_query.is_synthetic(self.ctx)
        self.db_label.setText(
            self.tr("数据库：") + describe(self.ctx.db.url) + (self.tr("（演示数据）") if synthetic else "")
        )
        self.count_label.setText(self.tr("在册 %n 人", "", len(rows)) + "  " + self.ctx.actor.display_name)
