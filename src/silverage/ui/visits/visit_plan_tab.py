"""Planning a period, and the planned visits as a list (move, swap, confirm, cancel) or as one
volunteer's week calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
)

from silverage.domain import scheduling
from silverage.domain.calendar_cn import WorkCalendar
from silverage.domain.enums import Level, VisitKind, VisitStatus
from silverage.services.roster import roster_query
from silverage.services.visits import coverage, planning, visit_settings
from silverage.ui.visits.visit_tab_base import VisitTab, date_edit, pydate, selected_key, table
from silverage.ui.volunteers.volunteer_week_view import VolunteerWeekView
from silverage.ui.widgets.date_box import read_date
from silverage.ui.widgets.simple_table import SimpleTableModel
from silverage.ui.widgets.wording import fill, pick

if TYPE_CHECKING:
    from silverage.ui.visits.visit_tab_base import VisitHost


class PlanTab(VisitTab):
    def __init__(self, page: VisitHost) -> None:
        super().__init__(page)
        w = self
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        first = (self.today.replace(day=1) + timedelta(days=32)).replace(day=1)
        # Open on the plan in force (the latest one still running or to come), else next month.
        start, end = planning.latest_period(self.app.services, self.today) or (
            first,
            (first + timedelta(days=32)).replace(day=1) - timedelta(days=1),
        )
        self.plan_from = date_edit(max(start, self.today), w)
        self.plan_to = date_edit(end, w)
        self.plan_button = QPushButton(self.tr("生成探访计划"), w)
        self.plan_button.clicked.connect(self.start_plan)
        self.volunteer_box = QComboBox(w)
        self.volunteer_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.volunteer_box.setMinimumContentsLength(12)
        self.volunteer_box.currentIndexChanged.connect(lambda _i: self.refresh())
        for widget in (
            QLabel(self.tr("从"), w),
            self.plan_from,
            QLabel(self.tr("到"), w),
            self.plan_to,
            self.plan_button,
            QLabel(self.tr("志愿者"), w),
            self.volunteer_box,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        lay.addLayout(row)
        self.in_force = QLabel(w)
        self.in_force.setWordWrap(True)
        lay.addWidget(self.in_force)
        self.plan_summary = QLabel(
            self.tr("点“生成探访计划”重新计划：已打印的探访尽量不变，只有变了的探访单需要重印。"), w
        )
        self.plan_summary.setWordWrap(True)
        self.plan_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.plan_summary)
        self.visit_model = SimpleTableModel(
            [
                self.tr("日期"),
                self.tr("时段"),
                self.tr("志愿者"),
                self.tr("老人"),
                self.tr("等级"),
                self.tr("网格"),
                self.tr("方式"),
                self.tr("状态"),
                self.tr("时间窗"),
                self.tr("编号"),
            ],
            w,
        )
        self.visit_view = table(self.visit_model, w)
        self.week_view = VolunteerWeekView(w, self.lang)
        self.stack = QStackedWidget(w)
        self.stack.addWidget(self.visit_view)
        self.stack.addWidget(self.week_view)
        switch = QHBoxLayout()
        self.list_button, self.week_button = QPushButton(self.tr("列表"), w), QPushButton(self.tr("周历"), w)
        group = QButtonGroup(w)
        for i, b in enumerate((self.list_button, self.week_button)):
            b.setCheckable(True)
            group.addButton(b, i)
            switch.addWidget(b)
        self.list_button.setChecked(True)
        group.idClicked.connect(self.show_view)
        self.prev_week, self.next_week = QPushButton("◀", w), QPushButton("▶", w)
        for b in (self.prev_week, self.next_week):
            b.setMaximumWidth(36)
        self.prev_week.clicked.connect(lambda: self.step_week(-7))
        self.next_week.clicked.connect(lambda: self.step_week(7))
        self.week_label = QLabel(w)
        for x in (self.prev_week, self.week_label, self.next_week):
            switch.addWidget(x)
        switch.addStretch(1)
        lay.addLayout(switch)
        lay.addWidget(self.stack)
        self.week_start = scheduling.monday(pydate(self.plan_from))
        self.plan_from.dateChanged.connect(
            lambda _d: setattr(self, "week_start", scheduling.monday(pydate(self.plan_from)))
        )
        buttons = QHBoxLayout()
        self.change_buttons: list[QPushButton] = []
        for text, slot in (
            (self.tr("改日期…"), self.move_selected),
            (self.tr("换志愿者…"), self.swap_selected),
            (self.tr("确认"), lambda: self.set_selected_status("confirmed")),
            (self.tr("取消探访"), lambda: self.set_selected_status("cancelled")),
        ):
            b = QPushButton(text, w)
            b.clicked.connect(slot)
            buttons.addWidget(b)
            self.change_buttons.append(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.show_view(0)

    def start_plan(self) -> None:
        start, end = pydate(self.plan_from), pydate(self.plan_to)
        ctx = self.app.services
        self.plan_button.setEnabled(False)

        self.app.run(
            lambda: planning.plan_period_job(ctx, start, end),
            parent=self,
            title=self.tr("生成探访计划"),
            on_done=self.show_summary,
            on_user_error=self.fail,
            on_finally=lambda: self.plan_button.setEnabled(True),
        )

    def show_summary(self, s: planning.PlanSummary) -> None:
        lines = [pick(self.lang, w["zh"], w["en"]) for w in s.warnings]
        semicolon = self.tr("；")
        parts = []
        for lv in Level:
            kinds = s.planned.get(lv.value, {})
            if kinds:
                parts.append(
                    f"{self._level(lv.value)}: "
                    + ", ".join(f"{VisitKind(k).label(self.lang)} {n}" for k, n in sorted(kinds.items()))
                )
        planned = fill(self.tr("共 %1 次（已完成或已确认 %2 次不动）"), s.planned_total, s.already_done)
        lines.append(planned + "  " + semicolon.join(parts))
        lines.append(
            fill(
                self.tr("与原计划相比：保留 %1，新增 %2，改动 %3，取消 %4"),
                s.kept,
                s.added,
                s.moved,
                s.cancelled,
            )
        )
        if s.void_sheets:
            sheets = semicolon.join(
                fill(
                    self.tr("%1：%2"),
                    v["name"],
                    " ".join(v["codes"][:6]) + ("…" if len(v["codes"]) > 6 else ""),
                )
                for v in s.void_sheets[:12]
            )
            more = fill(self.tr("（另 %1 名）"), len(s.void_sheets) - 12) if len(s.void_sheets) > 12 else ""
            lines.append(fill(self.tr("需重印探访单 %1 名志愿者：%2"), len(s.void_sheets), sheets) + more)
        else:
            lines.append(self.tr("已打印的探访单全部仍然有效，无需重印。"))
        if s.uncovered_total:
            missed = semicolon.join(pick(self.lang, u["zh"], u["en"]) for u in s.uncovered[:8])
            lines.append(fill(self.tr("未能安排 %1 次：%2"), s.uncovered_total, missed))
        else:
            lines.append(self.tr("全部应探访次数均已安排。"))
        if s.services_planned or s.unmet_needs:
            lines.append(
                fill(
                    self.tr("服务需求：安排 %1 项服务（其中上门服务 %2 次，其余随上门探访同行）"),
                    s.services_planned,
                    s.service_visits,
                )
            )
            if s.unmet_needs:
                unmet = semicolon.join(pick(self.lang, u["zh"], u["en"]) for u in s.unmet_needs[:6])
                more = "…" if len(s.unmet_needs) > 6 else ""
                total = sum(int(u["count"]) for u in s.unmet_needs)
                lines.append(fill(self.tr("未能安排的服务 %1 项：%2"), total, unmet + more))
        if s.optimal:
            cost = self.tr("总成本 %1（已证明最优），用时 %3 秒")
        else:
            # skills' weekly limits were held by tightening and solving again (scheduling.solve)
            cost = self.tr("总成本 %1（为守住技能每周上限再次求解，未证明最优），用时 %3 秒")
        lines.append(fill(cost, s.total_cost, s.lower_bound, s.seconds))
        self.plan_summary.setText("\n".join(lines))

    def refresh(self) -> None:
        if self.volunteer_box.count() == 0:
            self.volunteer_box.blockSignals(True)
            self.volunteer_box.addItem(self.tr("全部志愿者"), None)
            for v in roster_query.list_volunteers(self.app.services, include_inactive=False):
                self.volunteer_box.addItem(fill(self.tr("%1（%2）"), v.name, v.grid), v.id)
            self.volunteer_box.blockSignals(False)
        vid = self.volunteer_box.currentData()
        start, end = pydate(self.plan_from), pydate(self.plan_to)
        force = planning.plan_in_force(self.app.services, start, end)
        if force.name:
            self.in_force.setText(
                fill(
                    self.tr("当前计划：%1（%2 制定），本时段共 %3 次探访"),
                    force.name,
                    force.created_by,
                    force.visits,
                )
            )
        else:
            self.in_force.setText(self.tr("本时段还没有探访计划。"))
        rows = coverage.visits_between(self.app.services, start, end, vid)
        halves = (self.tr("上午"), self.tr("下午"))
        self.visit_model.set_rows(
            [
                (
                    r.planned_date.isoformat(),
                    halves[r.half_day],
                    r.volunteer_name,
                    r.elder_name,
                    self._level(r.level),
                    r.grid,
                    self._enum(VisitKind, r.kind),
                    self._enum(VisitStatus, r.status),
                    f"{r.window_start:%m-%d}~{r.window_end:%m-%d}" if r.window_start and r.window_end else "",
                    r.code,
                )
                for r in rows
            ],
            [(r.id, r.version) for r in rows],
            [Level(r.level).rgb if r.level else None for r in rows],
        )
        self.visit_view.resizeColumnsToContents()
        if self.stack.currentIndex() == 1:
            self.refresh_week()

    def show_view(self, index: int) -> None:
        """0: the list of visits; 1: the selected volunteer's week as a calendar."""
        self.stack.setCurrentIndex(index)
        for x in (self.prev_week, self.next_week, self.week_label):
            x.setVisible(index == 1)
        for b in self.change_buttons:  # they act on the list's selected row
            b.setVisible(index == 0)
        if index == 1:
            self.refresh_week()

    def step_week(self, days: int) -> None:
        self.week_start += timedelta(days=days)
        self.refresh_week()

    def refresh_week(self) -> None:
        monday, vid = self.week_start, self.volunteer_box.currentData()
        sunday = monday + timedelta(days=6)
        rows = coverage.visits_between(self.app.services, monday, sunday, vid)
        holidays = visit_settings.list_holidays(self.app.services)
        calendar = WorkCalendar({h.day: h.kind for h in holidays})
        self.week_view.show_week(monday, rows, vid is not None, calendar.is_working_day)
        who = self.volunteer_box.currentText() if vid is not None else self.tr("全部志愿者（每格为探访次数）")
        self.week_label.setText(f"{monday:%Y-%m-%d} ~ {sunday:%m-%d}  {who}")

    def _selected_visit(self) -> tuple[int, int] | None:
        key = selected_key(self.visit_view)
        if key is None:
            self.say(self.tr("请先选中一条探访"), error=True)
        return key  # type: ignore[return-value]

    def _apply_change(self, attempt: Callable[[bool], planning.ChangeResult]) -> None:
        """Try the change; if it has conflicts, ask, then apply it anyway (a second action)."""
        title = self.tr("调整探访")

        def tried(res: planning.ChangeResult) -> None:
            if res.applied:
                self._changed(res)
            elif self.ask(res.warnings):
                self.run(lambda: attempt(True), title, self._changed)

        self.run(lambda: attempt(False), title, tried)

    def _changed(self, res: planning.ChangeResult) -> None:
        warnings = self.tr("；").join(w.text(self.lang) for w in res.warnings)
        self.say(fill(self.tr("已调整：%1"), warnings) if warnings else self.tr("已调整"))

    def move_selected(self, day: date | None = None, half: int | None = None) -> None:
        key = self._selected_visit()
        if key is None:
            return
        if day is None:
            question = self.tr("新日期（如 2026-12-07、2026/12/7 或 20261207），下午加 PM：")
            text, ok = QInputDialog.getText(self, self.tr("改日期"), question)
            if not ok:
                return
            words = text.split()
            found = read_date(words[0]).value if words else None  # the date boxes' own reading
            if found is None:
                self.say(self.tr("日期格式不对，应写成 2026-12-07、2026/12/7 或 20261207"), error=True)
                return
            day, half = found, (1 if "PM" in text.upper() or "下午" in text else 0)
        vid, version = key
        self._apply_change(
            lambda confirm: planning.move_visit(
                self.app.services, vid, day, half or 0, confirm=confirm, version=version
            )
        )

    def swap_selected(self, volunteer_id: int | None = None) -> None:
        key = self._selected_visit()
        if key is None:
            return
        if volunteer_id is None:
            vols = roster_query.list_volunteers(self.app.services, include_inactive=False)
            names = [fill(self.tr("%1 %2（%3）"), v.id, v.name, v.grid) for v in vols]
            choice, ok = QInputDialog.getItem(
                self, self.tr("换志愿者"), self.tr("改由谁探访："), names, 0, False
            )
            if not ok:
                return
            volunteer_id = int(choice.split()[0])
        vid, version = key
        self._apply_change(
            lambda confirm: planning.swap_volunteer(
                self.app.services, vid, volunteer_id, confirm=confirm, version=version
            )
        )

    def set_selected_status(self, status: str) -> None:
        key = self._selected_visit()
        if key is None:
            return
        ctx = self.app.services
        self.run(lambda: planning.set_status(ctx, key[0], status), self.tr("更改探访状态"))
