"""花名册: instant search (name, pinyin, ID number, phone, address), filters, sortable table, bulk actions."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.enums import Gender, Level, Living
from silverage.services import service_catalog
from silverage.services.roster import bulk
from silverage.services.roster.place_choices import MicroGridChoice
from silverage.services.roster.roster_query import ElderRow
from silverage.ui.roster.roster_model import Col, RosterFilter, RosterModel
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.ask import ask_yes_no as confirm_reassign  # apply only on Yes (tests replace it)
from silverage.ui.widgets.follow_changes import follow_changes
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.place_picker import MicroGridPicker
from silverage.ui.widgets.wording import fill

if TYPE_CHECKING:  # reassigning plans with OR-Tools and numpy: loaded on first use, not at start-up
    from silverage.services.visits.reassign import VolunteerChoice, VolunteerReassignment

# Default widths in pixels: measuring 100,000 rows (resizeColumnsToContents) is what made start-up slow.
DEFAULT_WIDTHS = {
    Col.LEVEL: 96,
    Col.NAME: 80,
    Col.GENDER: 48,
    Col.AGE: 48,
    Col.LIVING: 80,
    Col.COMMUNITY: 96,
    Col.GRID: 80,
    Col.MICRO_GRID: 120,
    Col.ADDRESS: 260,
    Col.PHONE: 110,
    Col.LAST_CONTACT: 96,
    Col.STATUS: 64,
}


class RosterPage(QWidget):
    open_requested = Signal(int)  # elder id
    new_requested = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = app.clock.today()
        # Rows follow people's changes through the main window; who is overdue follows visits.
        follow_changes(self, app.bus, lambda c: c.touches_visits, self.refresh_overdue)
        self._places: list[MicroGridChoice] = []
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("搜索：姓名、拼音首字母（如 zxy）、身份证号、电话、地址  (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 3)
        self.level_box = self._combo(
            [(self.tr("全部等级"), None)]
            + [(level_text(lv, app.lang), lv.value) for lv in Level]
            + [(self.tr("未评估"), "none")]
        )
        self.community_box = self._combo([(self.tr("全部社区"), None)])
        self.grid_box = self._combo([(self.tr("全部网格"), None)])
        self.micro_box = self._combo([(self.tr("全部微网格"), None)])
        self.living_box = self._combo(
            [(self.tr("全部居住情况"), None)] + [(lv.label(app.lang), lv.value) for lv in Living]
        )
        self.need_box = self._combo(
            [(self.tr("全部需求"), None)]
            + [
                (fill(self.tr("需求：%1"), k.label(app.lang)), k.name)
                for k in service_catalog.list_kinds(app.services)
            ]
        )
        self.status_box = self._combo(
            [(self.tr("在册"), "active"), (self.tr("已归档"), "archived"), (self.tr("全部状态"), "all")]
        )
        for box in (
            self.level_box,
            self.community_box,
            self.grid_box,
            self.micro_box,
            self.living_box,
            self.need_box,
            self.status_box,
        ):
            top.addWidget(box)
        layout.addLayout(top)

        second = QHBoxLayout()
        self.overdue_check = QCheckBox(self.tr("只看逾期未联系"), self)
        self.reassess_check = QCheckBox(self.tr("只看需复评"), self)
        self.unplaced_check = QCheckBox(self.tr("只看待分配微网格"), self)
        self.unplaced_check.setToolTip(self.tr("导入时没有写微网格的人：选中他们，用“调整微网格…”分到微网格"))
        self.clear_button = QPushButton(self.tr("清除筛选"), self)
        self.count_label = QLabel(self)
        second.addWidget(self.overdue_check)
        second.addWidget(self.reassess_check)
        second.addWidget(self.unplaced_check)
        second.addWidget(self.clear_button)
        second.addStretch(1)
        second.addWidget(self.count_label)
        layout.addLayout(second)

        self.model = RosterModel(self, app.lang)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in DEFAULT_WIDTHS.items():
            # never narrower than its own header in this language (Gender, 性别) nor its widest word
            shown = max(header.sectionSizeFromContents(col).width(), self._widest_word(col))
            self.table.setColumnWidth(col, max(width, shown))
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(26)
        vh.hide()
        self.table.sortByColumn(Col.LEVEL, Qt.SortOrder.DescendingOrder)  # red first
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新增老人"), self)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.move_button = QPushButton(self.tr("调整微网格…"), self)
        self.volunteer_button = QPushButton(self.tr("更换志愿者…"), self)
        self.print_button = QPushButton(self.tr("打印探访单…"), self)
        self.export_button = QPushButton(self.tr("导出Excel…"), self)
        for b in (
            self.new_button,
            self.open_button,
            self.move_button,
            self.volunteer_button,
            self.print_button,
            self.export_button,
        ):
            bottom.addWidget(b)
        bottom.addStretch(1)
        self.selection_label = QLabel(self)
        bottom.addWidget(self.selection_label)
        layout.addLayout(bottom)

        # Typing restarts a very short timer so a burst of keys filters once, not once per key.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(80)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for box in (
            self.level_box,
            self.grid_box,
            self.micro_box,
            self.living_box,
            self.need_box,
            self.status_box,
        ):
            box.currentIndexChanged.connect(self.apply_filter)
        self.community_box.currentIndexChanged.connect(self._community_changed)
        self.grid_box.currentIndexChanged.connect(self._grid_changed)
        self.overdue_check.toggled.connect(self.apply_filter)
        self.reassess_check.toggled.connect(self.apply_filter)
        self.unplaced_check.toggled.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.activated.connect(lambda idx: self.open_requested.emit(self.model.row_at(idx.row()).id))
        self.open_button.clicked.connect(self._open_current)
        self.new_button.clicked.connect(self.new_requested.emit)
        self.move_button.clicked.connect(self.reassign_micro_grid)
        self.volunteer_button.clicked.connect(self.reassign_volunteer)
        self.print_button.clicked.connect(self.print_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_count)
        self._selection_changed()

    def _widest_word(self, col: Col) -> int:
        """Pixels for the longest label a column of fixed words shows (Female, Empty nest)."""
        words = {Col.GENDER: list(Gender), Col.LIVING: list(Living)}.get(col)
        if not words:
            return 0
        metrics = self.table.fontMetrics()
        return max(metrics.horizontalAdvance(w.label(self.app.lang)) for w in words) + 16

    def _combo(self, items: list[tuple[str, object]]) -> QComboBox:
        box = QComboBox(self)
        for text, data in items:
            box.addItem(text, data)
        return box

    # ---------------------------------------------------------------- data

    def set_rows(
        self, rows: list[ElderRow], today: date | None = None, *, first_of_more: bool = False
    ) -> None:
        """Show these rows. ``first_of_more``: the first screenful at start-up, the whole roster
        follows at once (places, the overdue list and the count wait for it)."""
        self.today = today or self.app.clock.today()
        if first_of_more:
            self.model.set_rows(rows, self.today)
            self.count_label.setText("")  # no "25 of 25 people": the status bar says it is loading
            return
        if not self._places:
            self._places = self.app.micro_grids()
            self._fill_communities()
        self.model.set_rows(rows, self.today)
        self.refresh_overdue()

    def refresh_overdue(self) -> None:
        """Who is overdue, worked out on the worker thread (ids only: 0.1 s at 100,000 people)."""
        ctx, today = self.app.services, self.today

        def job():  # noqa: ANN202 - a job generator that yields no progress
            from silverage.services.visits import worklists  # imported there too, not before the paint

            return worklists.overdue_ids(ctx, today)
            yield  # pragma: no cover - makes this a generator

        self.app.runner.run(
            job,
            parent=self,
            title=self.tr("计算逾期名单"),
            on_success=self.model.set_overdue_ids,
            show_progress=False,
        )

    def _fill_communities(self) -> None:
        seen: dict[int, str] = {}
        for p in self._places:
            seen.setdefault(p.community_id, p.community)
        self.community_box.blockSignals(True)
        for cid, name in seen.items():
            self.community_box.addItem(name, cid)
        self.community_box.blockSignals(False)

    def _community_changed(self) -> None:
        cid = self.community_box.currentData()
        self.grid_box.blockSignals(True)
        self.grid_box.clear()
        self.grid_box.addItem(self.tr("全部网格"), None)
        seen: dict[int, str] = {}
        for p in self._places:  # grids are listed once a community is chosen (4,801 at 100,000 people)
            if p.community_id == cid:
                seen.setdefault(p.grid_id, p.grid)
        for gid, name in seen.items():
            self.grid_box.addItem(name, gid)
        self.grid_box.blockSignals(False)
        self._grid_changed()

    def _grid_changed(self) -> None:
        gid = self.grid_box.currentData()
        self.micro_box.blockSignals(True)
        self.micro_box.clear()
        self.micro_box.addItem(self.tr("全部微网格"), None)
        for p in self._places:  # micro-grids once a grid is chosen
            if gid is not None and p.grid_id == gid:
                self.micro_box.addItem(p.name, p.id)
        self.micro_box.blockSignals(False)
        self.apply_filter()

    def current_filter(self) -> RosterFilter:
        return RosterFilter(
            query=self.search.text(),
            level=self.level_box.currentData(),
            community_id=self.community_box.currentData(),
            grid_id=self.grid_box.currentData(),
            micro_grid_id=self.micro_box.currentData(),
            living=self.living_box.currentData(),
            need=self.need_box.currentData(),
            status=self.status_box.currentData() or "all",
            overdue_only=self.overdue_check.isChecked(),
            reassessment_only=self.reassess_check.isChecked(),
            unplaced_only=self.unplaced_check.isChecked(),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        for box in (self.level_box, self.community_box, self.living_box, self.need_box, self.status_box):
            box.setCurrentIndex(0)
        self.overdue_check.setChecked(False)
        self.reassess_check.setChecked(False)
        self.unplaced_check.setChecked(False)
        self.search.clear()
        self.apply_filter()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _update_count(self) -> None:
        self.count_label.setText(
            fill(self.tr("显示 %1 / 共 %n 人", "", len(self.model.all_rows())), self.model.rowCount())
        )

    # ---------------------------------------------------------------- selection and bulk actions

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return self.model.ids_at(rows)

    def _selection_changed(self, *_args: object) -> None:
        n = len(self.table.selectionModel().selectedRows())
        for b in (
            self.open_button,
            self.move_button,
            self.volunteer_button,
            self.print_button,
            self.export_button,
        ):
            b.setEnabled(n > 0)
        self.open_button.setEnabled(n == 1)
        self.selection_label.setText(self.tr("已选 %n 人", "", n) if n else "")

    def _open_current(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_requested.emit(ids[0])

    def reassign_micro_grid(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        target = choose_micro_grid(self, self._places, self.tr("把选中的 %n 人调整到：", "", len(ids)))
        if target is None:
            return
        ctx = self.app.services
        self.app.run(
            lambda: bulk.reassign_micro_grid_job(ctx, ids, target), parent=self, title=self.tr("调整微网格")
        )

    def reassign_volunteer(self) -> None:
        """Pick a volunteer, show what would change and any warnings, then apply (two jobs)."""
        from silverage.services.visits import reassign

        ids = self.selected_ids()
        if not ids:
            return
        ctx, today = self.app.services, self.today
        choices = reassign.volunteer_choices(ctx, ids)
        title = self.tr("更换志愿者")
        if not choices:
            tell(self, title, self.tr("没有在岗的志愿者。"))
            return
        target = choose_volunteer(
            self, choices, self.tr("把选中的 %n 人今后未完成的探访交给：", "", len(ids))
        )
        if target is None:
            return
        name = next(c.name for c in choices if c.id == target)

        def apply() -> None:
            self.app.run(
                lambda: reassign.reassign_volunteer_job(ctx, ids, target, today), parent=self, title=title
            )

        def preview(result: VolunteerReassignment) -> None:
            if result.visits_moved == 0:
                tell(self, title, self.tr("选中的人今后没有需要更换志愿者的探访。"))
                return
            moved = self.tr("将把 %1 人的 %n 次探访交给 %2。", "", result.visits_moved)
            text = fill(moved, result.people_affected, name)
            if result.warnings:
                lines = [w.text(self.app.lang) for w in result.warnings]
                text += "\n\n" + self.tr("请注意：") + "\n" + "\n".join(f"• {line}" for line in lines)
            if confirm_reassign(self, title, text + "\n\n" + self.tr("确定更换吗？")):
                apply()

        self.app.runner.run(
            lambda: reassign.reassign_volunteer_job(ctx, ids, target, today, dry_run=True),
            parent=self,
            title=title,
            on_success=preview,
        )

    def print_selected(self) -> None:
        from silverage.ui.print_export.print_panel import print_selection

        print_selection(self.app, self, self.selected_ids())

    def export_selected(self) -> None:
        from silverage.ui.print_export.export_dialog import ExportDialog

        ExportDialog(self.app, self, elder_ids=self.selected_ids()).exec()

    def select_id(self, elder_id: int) -> None:
        row = self.model.row_of_id(elder_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.table.setFocus()


def _ask_with(dialog: QDialog, title: str, question: str, field: QWidget) -> bool:
    """Show ``question`` over ``field`` (already parented to ``dialog``) with OK/Cancel; True on OK."""
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(question, dialog))
    layout.addWidget(field)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return bool(dialog.exec())


def choose_micro_grid(parent: QWidget, places: list[MicroGridChoice], question: str) -> int | None:
    """Ask for a target micro-grid (tests replace this)."""
    dialog = QDialog(parent)
    picker = MicroGridPicker(places, dialog)
    if not _ask_with(dialog, QCoreApplication.translate("RosterPage", "调整微网格"), question, picker):
        return None
    return picker.value()


def choose_volunteer(parent: QWidget, choices: list[VolunteerChoice], question: str) -> int | None:
    """Ask for the volunteer to take the visits, nearest first (tests replace this)."""
    dialog = QDialog(parent)
    box = QComboBox(dialog)
    for c in choices:
        where = QCoreApplication.translate("RosterPage", "%1（%2）")
        box.addItem(fill(where, c.name, c.micro_grid) if c.micro_grid else c.name, c.id)
    if not _ask_with(dialog, QCoreApplication.translate("RosterPage", "更换志愿者"), question, box):
        return None
    return box.currentData()


def tell(parent: QWidget, title: str, text: str) -> None:
    """A message the user must see (tests replace this)."""
    QMessageBox.information(parent, title, text)
