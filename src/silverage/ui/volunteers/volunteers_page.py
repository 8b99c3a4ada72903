"""志愿者: the list, an editor (availability as a weekday x morning/afternoon grid, visits per week,
home micro-grid), whom each volunteer visits and their load this month."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.enums import Level, VolunteerKind
from silverage.domain.permissions import Action
from silverage.domain.problems import UserError, ValidationError
from silverage.domain.volunteer_input import VolunteerInput, slot_bit
from silverage.services import service_catalog
from silverage.services.roster import roster_query
from silverage.services.roster.roster_query import VolunteerRow
from silverage.services.volunteers import volunteer_load, volunteers
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.follow_changes import follow_changes
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.place_picker import MicroGridPicker
from silverage.ui.widgets.service_tags import SkillsEditor
from silverage.ui.widgets.simple_table import KEY_ROLE, SimpleTableModel
from silverage.ui.widgets.wording import fill, pick


def availability_bit(weekday: int, half: int) -> int:
    """Bit (weekday * 2 + half), weekday 0 = Monday, half 0 = morning: the encoding in db/models.py."""
    return slot_bit(weekday, half)


class AvailabilityGrid(QWidget):
    """7 weekdays x 上午/下午 checkboxes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[tuple[int, int], QCheckBox] = {}
        names = (
            self.tr("周一"),
            self.tr("周二"),
            self.tr("周三"),
            self.tr("周四"),
            self.tr("周五"),
            self.tr("周六"),
            self.tr("周日"),
        )
        for d, name in enumerate(names):
            grid.addWidget(QLabel(name, self), 0, d + 1)
        for half, label in enumerate((self.tr("上午"), self.tr("下午"))):
            grid.addWidget(QLabel(label, self), half + 1, 0)
            for d in range(7):
                box = QCheckBox(self)
                box.setAccessibleName(f"{d}-{half}")
                self.boxes[(d, half)] = box
                grid.addWidget(box, half + 1, d + 1)

    def value(self) -> int:
        return sum(availability_bit(d, h) for (d, h), box in self.boxes.items() if box.isChecked())

    def set_value(self, bits: int) -> None:
        for (d, h), box in self.boxes.items():
            box.setChecked(bool(bits & availability_bit(d, h)))


class VolunteersPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = app.clock.today()
        follow_changes(self, app.bus, lambda c: bool(c.volunteers) or c.touches_visits)
        self._rows: list[VolunteerRow] = []
        self._current: VolunteerRow | None = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索志愿者姓名、电话、微网格"))
        self.show_inactive = QCheckBox(self.tr("包括已停用"), self)
        self.new_button = QPushButton(self.tr("新增志愿者"), self)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_inactive)
        top.addWidget(self.new_button)
        outer.addLayout(top)
        splitter = QSplitter(self)
        outer.addWidget(splitter, 1)

        self.model = SimpleTableModel(
            [
                self.tr("姓名"),
                self.tr("类别"),
                self.tr("社区"),
                self.tr("微网格"),
                self.tr("每周上限"),
                self.tr("服务技能"),
                self.tr("本月探访"),
                self.tr("状态"),
            ],
            self,
        )
        self.table = QTableView(splitter)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        splitter.addWidget(self.table)

        right = QWidget(splitter)
        rv = QVBoxLayout(right)
        editor = QGroupBox(self.tr("志愿者信息"), right)
        form = QFormLayout(editor)
        self.name = QLineEdit(editor)
        self.phone = QLineEdit(editor)
        self.kind = QComboBox(editor)
        for k in VolunteerKind:
            self.kind.addItem(k.label(app.lang), k.value)
        self.micro = MicroGridPicker(app.micro_grids(), editor)
        self.per_week = QSpinBox(editor)
        self.per_week.setRange(0, 50)
        self.availability = AvailabilityGrid(editor)
        kinds = service_catalog.list_kinds(app.services)
        self._kind_labels = {k.name: k.label(app.lang) for k in kinds}
        self.skills = SkillsEditor(kinds, app.lang, editor)
        self.provider = QCheckBox(self.tr("服务提供者（可承担任何服务，由管理员标记）"), editor)
        self.provider.setEnabled(app.services.actor.may(Action.EDIT_SERVICE_KINDS))
        self.active = QCheckBox(self.tr("在岗"), editor)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("类别"), self.kind)
        form.addRow(self.tr("所在微网格"), self.micro)
        form.addRow(self.tr("每周最多探访"), self.per_week)
        form.addRow(self.tr("可探访时间"), self.availability)
        form.addRow(self.tr("服务技能"), self.skills)
        form.addRow("", self.provider)
        form.addRow("", self.active)
        self.message = QLabel(editor)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B3261E")
        form.addRow(self.message)
        self.save_button = QPushButton(self.tr("保存志愿者"), editor)
        form.addRow("", self.save_button)
        rv.addWidget(editor)
        self.load_label = QLabel(right)
        rv.addWidget(self.load_label)
        self.people_model = SimpleTableModel(
            [
                self.tr("等级"),
                self.tr("老人"),
                self.tr("微网格"),
                self.tr("近90天探访次数"),
                self.tr("最近一次"),
            ],
            self,
        )
        people = QTableView(right)
        people.setModel(self.people_model)
        people.verticalHeader().hide()
        people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        people.horizontalHeader().setStretchLastSection(True)
        people.activated.connect(self._open_person)
        rv.addWidget(QLabel(self.tr("负责探访的老人（双击打开）"), right))
        rv.addWidget(people, 1)
        splitter.addWidget(right)
        splitter.setSizes([520, 560])

        self.search.textChanged.connect(self._fill)
        self.show_inactive.toggled.connect(self._fill)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select(cur.row()))
        self.new_button.clicked.connect(self.new_volunteer)
        self.save_button.clicked.connect(self.save)
        self._loads: dict[int, volunteer_load.MonthLoad] = {}
        self._shown: list[VolunteerRow] = []

    def showEvent(self, event) -> None:  # noqa: ANN001
        if not self._rows:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._rows = roster_query.list_volunteers(self.app.services)
        self._loads = volunteer_load.month_loads(self.app.services, self.today)
        self._fill()

    def _fill(self) -> None:
        q = self.search.text().strip().lower()
        shown = [
            v
            for v in self._rows
            if (v.active or self.show_inactive.isChecked())
            and (not q or q in v.name.lower() or q in v.phone or q in v.micro_grid.lower())
        ]
        self._shown = shown
        lang = self.app.lang
        self.model.set_rows(
            [
                (
                    v.name,
                    VolunteerKind(v.kind).label(lang)
                    if v.kind in {k.value for k in VolunteerKind}
                    else v.kind,
                    v.community,
                    v.micro_grid,
                    v.max_visits_per_week,
                    self._skills_text(v),
                    self._load_text(v),
                    self.tr("在岗") if v.active else self.tr("已停用"),
                )
                for v in shown
            ],
            keys=[v.id for v in shown],
        )

    def _skills_text(self, v: VolunteerRow) -> str:
        """助浴×2、理发×3 in the interface's language (kind names are labels, not data)."""
        words = [f"{self._kind_labels.get(k, k)}×{n}" for k, n in v.skill_list]
        if v.service_provider:
            words.insert(0, self.tr("服务提供者"))
        return pick(self.app.lang, "、", ", ").join(words)

    def _load_text(self, v: VolunteerRow) -> str:
        load = self._loads.get(v.id)
        return f"{load.done}/{load.planned}" if load else "0/0"

    def _select(self, row: int) -> None:
        if row < 0 or row >= len(self._shown):
            return
        v = self._shown[row]
        self._current = v
        self.name.setText(v.name)
        self.phone.setText(v.phone)
        self.kind.setCurrentIndex(max(0, self.kind.findData(v.kind)))
        self.micro.set_value(v.micro_grid_id)
        self.per_week.setValue(v.max_visits_per_week)
        self.availability.set_value(v.availability)
        detail = volunteers.get_volunteer(self.app.services, v.id)
        self.skills.set_value(detail.skills)
        self.provider.setChecked(detail.service_provider)
        self.active.setChecked(v.active)
        self.message.clear()
        load = self._loads.get(v.id)
        self.load_label.setText(
            fill(
                self.tr("本月：已完成 %1 次 / 已安排 %2 次；每周上限 %3 次"),
                load.done if load else 0,
                load.planned if load else 0,
                v.max_visits_per_week,
            )
        )
        people = volunteer_load.visited_people(self.app.services, v.id, self.today - timedelta(days=90))
        self.people_model.set_rows(
            [
                (
                    (level_text(p.level, self.app.lang) if p.level else ""),
                    p.name,
                    p.micro_grid,
                    p.visits,
                    p.last_visit.isoformat() if p.last_visit else "",
                )
                for p in people
            ],
            keys=[p.elder_id for p in people],
            colors=[Level(p.level).rgb if p.level else None for p in people],
        )

    def _open_person(self, index) -> None:  # noqa: ANN001
        key = self.people_model.index(index.row(), 0).data(KEY_ROLE)
        if key is not None:
            self.app.bus.open_elder.emit(int(key))

    def new_volunteer(self) -> None:
        self._current = None
        self.table.clearSelection()
        for w in (self.name, self.phone):
            w.clear()
        self.skills.set_value(())
        self.provider.setChecked(False)
        self.per_week.setValue(5)
        self.availability.set_value(0)
        self.active.setChecked(True)
        self.micro.set_value(None)
        self.people_model.set_rows([])
        self.load_label.clear()
        self.name.setFocus()

    def collect(self) -> VolunteerInput:
        notes = ""
        if self._current is not None:
            notes = volunteers.get_volunteer(self.app.services, self._current.id).notes
        return VolunteerInput(
            name=self.name.text(),
            phone=self.phone.text(),
            kind=self.kind.currentData(),
            micro_grid_id=self.micro.value(),
            availability=self.availability.value(),
            max_visits_per_week=self.per_week.value(),
            skills=self.skills.value(),
            notes=notes,
            service_provider=self.provider.isChecked(),
        )

    def save(self) -> None:
        ctx = self.app.services
        try:
            inp = self.collect()
        except UserError as exc:
            self._failed(exc)
            return
        current, active, why = self._current, self.active.isChecked(), self.tr("在志愿者页面修改")

        def work() -> volunteers.VolunteerDetail:
            if current is None:
                detail = volunteers.create_volunteer(ctx, inp)
            else:
                detail = volunteers.update_volunteer(ctx, current.id, inp, current.version)
            if active != detail.active:
                detail = volunteers.set_active(ctx, detail.id, active, why, detail.version)
            return detail

        self.app.run(
            work, parent=self, title=self.tr("保存志愿者"), on_done=self._saved, on_user_error=self._failed
        )

    def _failed(self, exc: UserError) -> None:
        self.message.setStyleSheet("color: #B3261E")
        if isinstance(exc, ValidationError):
            self.message.setText("\n".join(p.text(self.app.lang) for p in exc.problems))
        else:
            self.message.setText(exc.text(self.app.lang))

    def _saved(self, detail: volunteers.VolunteerDetail) -> None:
        vid = detail.id
        self.refresh()
        for row, v in enumerate(self._shown):
            if v.id == vid:
                self.table.selectRow(row)
        self.message.setStyleSheet("color: #1E6E2E")
        self.message.setText(self.tr("已保存"))
