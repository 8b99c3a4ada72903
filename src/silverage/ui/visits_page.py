"""The Visits page (探访): plan a period, see and change visits per volunteer, record outcomes by code,
worklists, campaigns, visit rates and the holiday table. Services do the work; this only shows it."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.calendar_cn import WorkCalendar
from silverage.domain.enums import Disability, HolidayKind, Level, Outcome, VisitKind, VisitStatus
from silverage.domain.problems import Problem, UserError
from silverage.services import coverage, planning, roster_query, visit_settings, visits, worklists
from silverage.ui.app_context import AppContext
from silverage.ui.simple_table import KEY_ROLE, SimpleTableModel


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDateEdit) -> date:
    d = q.date()
    return date(d.year(), d.month(), d.day())


def _date_edit(d: date, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(_qdate(d), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _table(model: SimpleTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().setVisible(False)
    return view


def _selected_key(view: QTableView) -> object:
    idx = view.selectionModel().currentIndex() if view.selectionModel() else None
    if idx is None or not idx.isValid():
        return None
    return view.model().index(idx.row(), 0).data(KEY_ROLE)


class VisitsPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = date.today()
        self.lang = app.lang
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        self.tabs.addTab(self._plan_tab(), self.tr("计划"))
        self.tabs.addTab(self._record_tab(), self.tr("录入结果"))
        self.tabs.addTab(self._work_tab(), self.tr("待办"))
        self.tabs.addTab(self._campaign_tab(), self.tr("专项行动"))
        self.tabs.addTab(self._rates_tab(), self.tr("探访率"))
        self.tabs.addTab(self._holiday_tab(), self.tr("节假日"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    # ------------------------------------------------------------ helpers

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #B3261E;" if error else "")
        self.message.setText(text)

    def fail(self, exc: Exception) -> None:
        if isinstance(exc, UserError):
            self.say(exc.text(self.lang), error=True)
        else:
            raise exc

    def ask(self, warnings: list[Problem]) -> bool:
        """Show conflicts and ask whether to go ahead (tests replace this)."""
        text = "\n".join("• " + w.text(self.lang) for w in warnings)
        answer = QMessageBox.question(
            self, self.tr("有冲突"), self.tr("这样调整有以下冲突，仍然调整吗？") + "\n\n" + text
        )
        return answer == QMessageBox.StandardButton.Yes

    def _enum(self, enum, value: str | None) -> str:  # noqa: ANN001
        return enum(value).label(self.lang) if value else ""

    def _level(self, value: str | None) -> str:
        return f"{Level(value).marker} {Level(value).label(self.lang)}" if value else self.tr("未评估")

    def refresh(self) -> None:
        i = self.tabs.currentIndex()
        try:
            (
                self.refresh_plan,
                lambda: None,
                self.refresh_work,
                self.refresh_campaigns,
                self.refresh_rates,
                self.refresh_holidays,
            )[i]()
        except UserError as exc:
            self.fail(exc)

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        self.refresh()

    # ------------------------------------------------------------ plan

    def _plan_tab(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        first = (self.today.replace(day=1) + timedelta(days=32)).replace(day=1)
        self.plan_from = _date_edit(first, w)
        self.plan_to = _date_edit((first + timedelta(days=32)).replace(day=1) - timedelta(days=1), w)
        self.plan_button = QPushButton(self.tr("生成探访计划"), w)
        self.plan_button.clicked.connect(self.start_plan)
        self.volunteer_box = QComboBox(w)
        self.volunteer_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.volunteer_box.setMinimumContentsLength(12)
        self.volunteer_box.currentIndexChanged.connect(lambda _i: self.refresh_plan())
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
        self.plan_summary = QLabel(self.tr("选择时段后点“生成探访计划”：已完成和已确认的探访会保留。"), w)
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
        self.visit_view = _table(self.visit_model, w)
        lay.addWidget(self.visit_view)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("改日期…"), self.move_selected),
            (self.tr("换志愿者…"), self.swap_selected),
            (self.tr("确认"), lambda: self.set_selected_status("confirmed")),
            (self.tr("取消探访"), lambda: self.set_selected_status("cancelled")),
        ):
            b = QPushButton(text, w)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        return w

    def start_plan(self) -> None:
        start, end = _pydate(self.plan_from), _pydate(self.plan_to)
        ctx = self.app.services
        self.plan_button.setEnabled(False)

        def done(summary: planning.PlanSummary) -> None:
            self.plan_button.setEnabled(True)
            self.show_summary(summary)
            self.app.bus.data_changed.emit("visit", [])
            self.refresh_plan()

        def failed(exc: BaseException) -> None:
            self.plan_button.setEnabled(True)
            if isinstance(exc, UserError):
                self.fail(exc)
            elif type(exc).__name__ != "Cancelled":
                self.say(self.tr("计划没有生成，数据没有改动。") + f" ({type(exc).__name__})", error=True)

        self.app.runner.run(
            lambda: planning.plan_period_job(ctx, start, end),
            parent=self,
            title=self.tr("生成探访计划"),
            on_success=done,
            on_error=failed,
        )

    def show_summary(self, s: planning.PlanSummary) -> None:
        zh = self.lang.startswith("zh")
        lines = [w["zh" if zh else "en"] for w in s.warnings]
        parts = []
        for lv in Level:
            kinds = s.planned.get(lv.value, {})
            if kinds:
                parts.append(
                    f"{self._level(lv.value)}: "
                    + ", ".join(f"{VisitKind(k).label(self.lang)} {n}" for k, n in sorted(kinds.items()))
                )
        lines.append(
            self.tr("已安排 %1 次（保留 %2 次）")
            .replace("%1", str(s.planned_total))
            .replace("%2", str(s.kept))
            + "  "
            + "；".join(parts)
        )
        if s.uncovered_total:
            lines.append(
                self.tr("未能安排 %1 次：").replace("%1", str(s.uncovered_total))
                + "；".join(u["zh" if zh else "en"] for u in s.uncovered[:8])
            )
        else:
            lines.append(self.tr("全部应探访次数均已安排。"))
        how = self.tr("最优解") if s.method == "exact" else self.tr("按社区分解求解")
        lines.append(
            self.tr("总成本 %1（%4，下界 %2），用时 %3 秒")
            .replace("%1", str(s.total_cost))
            .replace("%2", str(s.lower_bound))
            .replace("%3", str(s.seconds))
            .replace("%4", how)
        )
        self.plan_summary.setText("\n".join(lines))

    def refresh_plan(self) -> None:
        if self.volunteer_box.count() == 0:
            self.volunteer_box.blockSignals(True)
            self.volunteer_box.addItem(self.tr("全部志愿者"), None)
            for v in roster_query.list_volunteers(self.app.services, include_inactive=False):
                self.volunteer_box.addItem(f"{v.name}（{v.grid}）", v.id)
            self.volunteer_box.blockSignals(False)
        vid = self.volunteer_box.currentData()
        rows = coverage.visits_between(self.app.services, _pydate(self.plan_from), _pydate(self.plan_to), vid)
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

    def _selected_visit(self) -> tuple[int, int] | None:
        key = _selected_key(self.visit_view)
        if key is None:
            self.say(self.tr("请先选中一条探访"), error=True)
        return key  # type: ignore[return-value]

    def _apply_change(self, attempt) -> None:  # noqa: ANN001
        try:
            res = attempt(False)
            if not res.applied and self.ask(res.warnings):
                res = attempt(True)
        except UserError as exc:
            self.fail(exc)
            return
        if res.applied:
            self.say(
                self.tr("已调整")
                + ("：" + "；".join(w.text(self.lang) for w in res.warnings) if res.warnings else "")
            )
            self.app.bus.data_changed.emit("visit", [])
            self.refresh_plan()

    def move_selected(self, day: date | None = None, half: int | None = None) -> None:
        key = self._selected_visit()
        if key is None:
            return
        if day is None:
            text, ok = QInputDialog.getText(
                self, self.tr("改日期"), self.tr("新日期（YYYY-MM-DD），下午加 PM：")
            )
            if not ok:
                return
            try:
                day = date.fromisoformat(text.strip().split()[0])
            except (ValueError, IndexError):
                self.say(self.tr("日期格式不对，应写成 2026-12-01"), error=True)
                return
            half = 1 if "PM" in text.upper() else 0
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
            names = [f"{v.id} {v.name}（{v.grid}）" for v in vols]
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
        try:
            planning.set_status(self.app.services, key[0], status)
        except UserError as exc:
            self.fail(exc)
            return
        self.refresh_plan()

    # ------------------------------------------------------------ record

    def _record_tab(self) -> QWidget:
        w = QWidget(self)
        form = QFormLayout(w)
        self.code_edit = QLineEdit(w)
        self.code_edit.setPlaceholderText(self.tr("输入或扫描探访单上的编号，按回车打开"))
        self.code_edit.returnPressed.connect(self.open_code)
        form.addRow(self.tr("探访编号"), self.code_edit)
        self.visit_info = QLabel(w)
        form.addRow("", self.visit_info)
        self.outcome_box = QComboBox(w)
        for o in Outcome:
            self.outcome_box.addItem(o.label(self.lang), o.value)
        form.addRow(self.tr("探访结果"), self.outcome_box)
        self.visited_by = QLineEdit(w)
        self.visited_by.setPlaceholderText(self.tr("由他人代为探访时填写"))
        form.addRow(self.tr("代班探访人"), self.visited_by)
        self.findings: dict[str, QLineEdit] = {}
        labels = {
            "health": self.tr("健康"),
            "mental": self.tr("精神状态"),
            "safety": self.tr("居家安全（燃气、水、电）"),
            "hygiene": self.tr("卫生"),
            "needs": self.tr("需求"),
        }
        for key in visits.FINDING_AREAS:
            self.findings[key] = QLineEdit(w)
            form.addRow(labels[key], self.findings[key])
        self.notes_edit = QLineEdit(w)
        form.addRow(self.tr("备注"), self.notes_edit)
        fu = QHBoxLayout()
        self.fu_action, self.fu_owner = QLineEdit(w), QLineEdit(w)
        self.fu_action.setPlaceholderText(self.tr("跟进事项"))
        self.fu_owner.setPlaceholderText(self.tr("负责人"))
        self.fu_due = _date_edit(self.today + timedelta(days=7), w)
        for x in (self.fu_action, self.fu_owner, self.fu_due):
            fu.addWidget(x)
        form.addRow(self.tr("跟进"), fu)
        risk = QHBoxLayout()
        self.fall_check = QCheckBox(self.tr("发现跌倒"), w)
        self.disability_box = QComboBox(w)
        self.disability_box.addItem(self.tr("失能情况无变化"), None)
        for d in Disability:
            self.disability_box.addItem(d.label(self.lang), d.value)
        risk.addWidget(self.fall_check)
        risk.addWidget(self.disability_box)
        form.addRow(self.tr("风险变化"), risk)
        self.save_button = QPushButton(self.tr("保存探访结果"), w)
        self.save_button.clicked.connect(self.save_record)
        form.addRow("", self.save_button)
        self._current_code: str | None = None
        self._current_version: int | None = None
        return w

    def open_code(self) -> None:
        try:
            row = visits.find_visit(self.app.services, self.code_edit.text())
        except UserError as exc:
            self._current_code = None
            self.visit_info.setText("")
            self.fail(exc)
            return
        self._current_code, self._current_version = row.code, row.version
        self.code_edit.setText(row.code)
        self.visit_info.setText(
            f"{row.elder_name}  {self._level(row.level)}  {row.community}{row.grid}  {row.planned_date}  "
            f"{self._enum(VisitKind, row.kind)}  {row.volunteer_name}  {self._enum(VisitStatus, row.status)}"
        )
        if row.outcome:
            self.outcome_box.setCurrentIndex(self.outcome_box.findData(row.outcome))
        for key, edit in self.findings.items():
            edit.setText(row.findings.get(key, ""))
        self.notes_edit.setText(row.notes)
        self.say(self.tr("已打开探访 %1").replace("%1", row.code))

    def save_record(self) -> None:
        if self._current_code is None:
            self.say(self.tr("请先输入探访编号并按回车"), error=True)
            return
        follow = []
        if self.fu_action.text().strip():
            follow.append((self.fu_action.text(), self.fu_owner.text(), _pydate(self.fu_due)))
        try:
            res = visits.record_visit(
                self.app.services,
                self._current_code,
                self.outcome_box.currentData(),
                visited_by=self.visited_by.text(),
                findings={k: e.text() for k, e in self.findings.items()},
                notes=self.notes_edit.text(),
                follow_ups=follow,
                fall=self.fall_check.isChecked(),
                new_disability=self.disability_box.currentData(),
                today=self.today,
                version=self._current_version,
            )
        except UserError as exc:
            self.fail(exc)
            return
        text = self.tr("已保存 %1").replace("%1", res.visit.code)
        if res.alerts:
            text += "\n" + "\n".join(a.text(self.lang) for a in res.alerts)
        self.say(text, error=bool(res.alerts))
        for edit in (
            *self.findings.values(),
            self.notes_edit,
            self.visited_by,
            self.fu_action,
            self.fu_owner,
        ):
            edit.clear()
        self.fall_check.setChecked(False)
        self.disability_box.setCurrentIndex(0)
        self.code_edit.clear()
        self.code_edit.setFocus()
        self._current_code = None
        self.app.bus.data_changed.emit("visit", [])

    # ------------------------------------------------------------ worklists

    def _work_tab(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        inner = QTabWidget(w)
        self.overdue_model = SimpleTableModel(
            [
                self.tr("等级"),
                self.tr("姓名"),
                self.tr("社区"),
                self.tr("网格"),
                self.tr("最近联系"),
                self.tr("未联系天数"),
                self.tr("应每几天"),
            ],
            w,
        )
        self.follow_model = SimpleTableModel(
            [
                self.tr("期限"),
                self.tr("姓名"),
                self.tr("跟进事项"),
                self.tr("负责人"),
                self.tr("逾期天数"),
                self.tr("探访编号"),
            ],
            w,
        )
        self.alert_model = SimpleTableModel([self.tr("到期"), self.tr("姓名"), self.tr("提醒")], w)
        self.overdue_view = _table(self.overdue_model, w)
        self.follow_view = _table(self.follow_model, w)
        self.alert_view = _table(self.alert_model, w)
        inner.addTab(self.overdue_view, self.tr("逾期未联系（红色优先）"))
        for view, label, text, slot in (
            (self.follow_view, self.tr("跟进事项"), self.tr("标记为已完成"), self.finish_follow_up),
            (self.alert_view, self.tr("提醒"), self.tr("标记为已处理"), self.resolve_alert),
        ):
            box = QWidget(w)
            bl = QVBoxLayout(box)
            bl.addWidget(view)
            b = QPushButton(text, box)
            b.clicked.connect(slot)
            bl.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
            inner.addTab(box, label)
        lay.addWidget(inner)
        self.work_tabs = inner
        return w

    def refresh_work(self) -> None:
        ctx = self.app.services
        rows = worklists.overdue(ctx, self.today)
        self.overdue_model.set_rows(
            [
                (
                    self._level(r.level),
                    r.name,
                    r.community,
                    r.grid,
                    r.last_contact.isoformat() if r.last_contact else self.tr("从未"),
                    r.days_since if r.days_since is not None else "—",
                    r.interval_days,
                )
                for r in rows
            ],
            [r.elder_id for r in rows],
            [Level(r.level).rgb for r in rows],
        )
        fus = worklists.follow_ups_due(ctx, self.today, horizon_days=7)
        self.follow_model.set_rows(
            [
                (f.due_date.isoformat(), f.name, f.action, f.owner, max(0, f.days_late), f.visit_code or "")
                for f in fus
            ],
            [f.id for f in fus],
        )
        alerts = worklists.open_alerts(ctx)
        self.alert_model.set_rows(
            [
                (
                    a.due.strftime("%Y-%m-%d %H:%M") if a.due else "",
                    a.name,
                    a.message_zh if self.lang.startswith("zh") else a.message_en,
                )
                for a in alerts
            ],
            [a.id for a in alerts],
        )
        self.work_tabs.setTabText(0, self.tr("逾期未联系（红色优先）") + f" {len(rows)}")
        self.work_tabs.setTabText(1, self.tr("跟进事项") + f" {len(fus)}")
        self.work_tabs.setTabText(2, self.tr("提醒") + f" {len(alerts)}")
        for v in (self.overdue_view, self.follow_view, self.alert_view):
            v.resizeColumnsToContents()

    def finish_follow_up(self) -> None:
        key = _selected_key(self.follow_view)
        if key is not None:
            visits.complete_follow_up(self.app.services, int(key))  # type: ignore[arg-type]
            self.refresh_work()

    def resolve_alert(self) -> None:
        key = _selected_key(self.alert_view)
        if key is not None:
            visits.resolve_alert(self.app.services, int(key))  # type: ignore[arg-type]
            self.refresh_work()

    # ------------------------------------------------------------ campaigns

    def _campaign_tab(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        self.camp_name = QLineEdit(w)
        self.camp_name.setPlaceholderText(self.tr("名称，如：台风“梅花”关怀"))
        self.camp_kind = QComboBox(w)
        for value, text in (
            ("typhoon", self.tr("台风")),
            ("heat", self.tr("高温")),
            ("cold", self.tr("寒潮")),
            ("spring_festival", self.tr("春节")),
            ("chongyang", self.tr("重阳节")),
            ("other", self.tr("其他")),
        ):
            self.camp_kind.addItem(text, value)
        self.camp_levels = {lv.value: QCheckBox(self._level(lv.value), w) for lv in Level}
        self.camp_levels["red"].setChecked(True)
        self.camp_levels["yellow"].setChecked(True)
        self.camp_start = _date_edit(self.today, w)
        self.camp_days = QSpinBox(w)
        self.camp_days.setRange(1, 60)
        self.camp_days.setValue(3)
        self.camp_days.setSuffix(self.tr(" 个工作日内"))
        create = QPushButton(self.tr("建立专项行动"), w)
        create.clicked.connect(self.create_campaign)
        for x in (
            self.camp_name,
            self.camp_kind,
            *self.camp_levels.values(),
            self.camp_start,
            self.camp_days,
            create,
        ):
            row.addWidget(x)
        lay.addLayout(row)
        self.camp_model = SimpleTableModel(
            [self.tr("名称"), self.tr("开始"), self.tr("天数"), self.tr("等级"), self.tr("已联系/总数")], w
        )
        self.camp_view = _table(self.camp_model, w)
        self.camp_view.setMaximumHeight(140)
        self.camp_view.clicked.connect(lambda _i: self.show_calls())
        lay.addWidget(self.camp_view)
        self.call_model = SimpleTableModel(
            [
                self.tr("日期"),
                self.tr("编号"),
                self.tr("姓名"),
                self.tr("等级"),
                self.tr("电话"),
                self.tr("紧急联系人"),
                self.tr("联系人电话"),
                self.tr("结果"),
            ],
            w,
        )
        self.call_view = _table(self.call_model, w)
        lay.addWidget(self.call_view)
        return w

    def create_campaign(self) -> None:
        levels = [lv for lv, box in self.camp_levels.items() if box.isChecked()]
        try:
            cid = worklists.create_campaign(
                self.app.services,
                self.camp_name.text(),
                self.camp_kind.currentData(),
                levels,
                _pydate(self.camp_start),
                self.camp_days.value(),
            )
        except UserError as exc:
            self.fail(exc)
            return
        self.camp_name.clear()
        self.refresh_campaigns()
        self.show_calls(cid)
        self.say(self.tr("已建立专项行动，电话名单见下表"))

    def refresh_campaigns(self) -> None:
        camps = worklists.campaigns(self.app.services)
        self.camp_model.set_rows(
            [
                (
                    c.name,
                    c.start_date.isoformat(),
                    c.days,
                    "、".join(self._level(x) for x in c.levels.split(",")),
                    f"{c.contacted}/{c.total}",
                )
                for c in camps
            ],
            [c.id for c in camps],
        )

    def show_calls(self, campaign_id: int | None = None) -> None:
        cid = campaign_id if campaign_id is not None else _selected_key(self.camp_view)
        if cid is None:
            return
        calls = worklists.call_list(self.app.services, int(cid))  # type: ignore[arg-type]
        self.call_model.set_rows(
            [
                (
                    c.planned_date.isoformat(),
                    c.visit_code,
                    c.name,
                    self._level(c.level),
                    c.phone,
                    c.contact_name,
                    c.contact_phone,
                    self._enum(Outcome, c.outcome),
                )
                for c in calls
            ],
            [c.elder_id for c in calls],
            [Level(c.level).rgb if c.level else None for c in calls],
        )
        self.call_view.resizeColumnsToContents()

    # ------------------------------------------------------------ rates

    def _rates_tab(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        self.rate_month = _date_edit(self.today, w)
        self.rate_month.setDisplayFormat("yyyy-MM")
        self.rate_by = QComboBox(w)
        for value, text in (
            ("community", self.tr("按社区")),
            ("grid", self.tr("按网格")),
            ("level", self.tr("按等级")),
            ("volunteer", self.tr("按志愿者")),
        ):
            self.rate_by.addItem(text, value)
        self.rate_by.currentIndexChanged.connect(lambda _i: self.refresh_rates())
        self.rate_month.dateChanged.connect(lambda _d: self.refresh_rates())
        for x in (QLabel(self.tr("月份"), w), self.rate_month, self.rate_by):
            row.addWidget(x)
        row.addStretch(1)
        lay.addLayout(row)
        self.rate_model = SimpleTableModel(
            [self.tr("分组"), self.tr("应探访"), self.tr("已探访"), self.tr("探访率（目标100%）")], w
        )
        self.rate_view = _table(self.rate_model, w)
        lay.addWidget(self.rate_view)
        return w

    def refresh_rates(self) -> None:
        d = _pydate(self.rate_month)
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

    # ------------------------------------------------------------ holidays

    def _holiday_tab(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        self.holiday_note = QLabel(w)
        self.holiday_note.setWordWrap(True)
        lay.addWidget(self.holiday_note)
        row = QHBoxLayout()
        self.holiday_year = QSpinBox(w)
        self.holiday_year.setRange(2000, 2100)
        self.holiday_year.setValue(self.today.year + 1)
        self.holiday_year.valueChanged.connect(lambda _v: self.refresh_holidays())
        self.holiday_day = _date_edit(date(self.today.year + 1, 1, 1), w)
        self.holiday_kind = QComboBox(w)
        for k in HolidayKind:
            self.holiday_kind.addItem(k.label(self.lang), k.value)
        self.holiday_name = QLineEdit(w)
        self.holiday_name.setPlaceholderText(self.tr("名称，如：元旦"))
        add, remove = QPushButton(self.tr("添加/修改"), w), QPushButton(self.tr("删除选中"), w)
        add.clicked.connect(self.add_holiday)
        remove.clicked.connect(self.remove_holiday)
        for x in (
            QLabel(self.tr("年份"), w),
            self.holiday_year,
            self.holiday_day,
            self.holiday_kind,
            self.holiday_name,
            add,
            remove,
        ):
            row.addWidget(x)
        row.addStretch(1)
        lay.addLayout(row)
        self.holiday_model = SimpleTableModel([self.tr("日期"), self.tr("类型"), self.tr("名称")], w)
        self.holiday_view = _table(self.holiday_model, w)
        lay.addWidget(self.holiday_view)
        return w

    def refresh_holidays(self) -> None:
        year = self.holiday_year.value()
        rows = visit_settings.list_holidays(self.app.services, year)
        self.holiday_model.set_rows(
            [(h.day.isoformat(), self._enum(HolidayKind, h.kind), h.name) for h in rows],
            [h.day for h in rows],
        )
        warnings = WorkCalendar({h.day: h.kind for h in rows}).warnings(date(year, 1, 1), date(year, 12, 31))
        self.holiday_note.setText(
            "\n".join(x.text(self.lang) for x in warnings)
            if warnings
            else self.tr("%1年的法定节假日和调休已由节假日库提供；此表中的日期优先。").replace(
                "%1", str(year)
            )
        )

    def add_holiday(self) -> None:
        try:
            visit_settings.set_holiday(
                self.app.services,
                _pydate(self.holiday_day),
                self.holiday_kind.currentData(),
                self.holiday_name.text().strip(),
            )
        except UserError as exc:
            self.fail(exc)
            return
        self.holiday_year.setValue(_pydate(self.holiday_day).year)
        self.refresh_holidays()

    def remove_holiday(self) -> None:
        key = _selected_key(self.holiday_view)
        if isinstance(key, date):
            visit_settings.remove_holiday(self.app.services, key)
            self.refresh_holidays()
