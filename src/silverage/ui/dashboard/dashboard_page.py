"""总览: where the subdistrict stands — people per level and community, this month's visit rate
against the 100 % target, who is overdue (red first), reassessments due, milestone birthdays."""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from silverage.domain import birthdays
from silverage.domain.care_rules import reassessment_due
from silverage.domain.enums import Level
from silverage.services.roster.roster_query import ElderRow
from silverage.services.visits import coverage, worklists
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.bar_chart import Bar, BarChart
from silverage.ui.widgets.follow_changes import follow_changes
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.overdue_model import OverdueModel
from silverage.ui.widgets.simple_table import KEY_ROLE, SimpleTableModel
from silverage.ui.widgets.wording import fill

LEVEL_ORDER = {"red": 0, "yellow": 1, "green": 2, None: 3}


class DashboardPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = app.clock.today()
        # Counts follow the roster rows (set_rows); visit rates and worklists follow visits.
        follow_changes(self, app.bus, lambda c: bool(c.visits or c.all_visits or c.settings))
        self._rows: list[ElderRow] = []
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        grid = QGridLayout(body)

        self.summary = QLabel(body)
        self.summary.setStyleSheet("font-size: 16px; padding: 4px;")
        grid.addWidget(self.summary, 0, 0, 1, 2)

        self.level_chart = BarChart(body)
        self.community_chart = BarChart(body)
        grid.addWidget(self._box(self.tr("各等级人数"), self.level_chart), 1, 0)
        grid.addWidget(self._box(self.tr("各社区人数"), self.community_chart), 1, 1)

        self.rate_community = BarChart(body, target=1.0)
        self.rate_level = BarChart(body, target=1.0)
        self.rate_note = QLabel(body)
        self.rate_note.setWordWrap(True)
        rate_box = QGroupBox(self.tr("本月探访率（目标 100%，虚线）"), body)
        rate_layout = QGridLayout(rate_box)
        rate_layout.addWidget(QLabel(self.tr("按社区"), rate_box), 0, 0)
        rate_layout.addWidget(QLabel(self.tr("按等级"), rate_box), 0, 1)
        rate_layout.addWidget(self.rate_community, 1, 0)
        rate_layout.addWidget(self.rate_level, 1, 1)
        rate_layout.addWidget(self.rate_note, 2, 0, 1, 2)
        grid.addWidget(rate_box, 2, 0, 1, 2)

        self.overdue_model = OverdueModel(self.app.lang, self)
        self.overdue_box = self._table_box(self.tr("逾期未联系（红色优先）"), self.overdue_model)
        grid.addWidget(self.overdue_box, 3, 0, 1, 2)
        self.reassess_model = SimpleTableModel(
            [self.tr("等级"), self.tr("姓名"), self.tr("社区"), self.tr("应复评日期")], self
        )
        self.reassess_box = self._table_box(self.tr("需要复评"), self.reassess_model)
        grid.addWidget(self.reassess_box, 4, 0)
        self.birthday_model = SimpleTableModel([self.tr("日期"), self.tr("姓名"), self.tr("寿辰")], self)
        self.birthday_box = self._table_box(self.tr("60天内的整寿（80/90/100岁）"), self.birthday_model)
        grid.addWidget(self.birthday_box, 4, 1)

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _table_box(self, title: str, model: SimpleTableModel) -> QGroupBox:
        table = QTableView(self)
        table.setModel(model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(220)
        table.activated.connect(lambda idx: self._open(model, idx.row()))
        box = self._box(title, table)
        box.setProperty("table", table)
        return box

    def _open(self, model: SimpleTableModel, row: int) -> None:
        key = model.index(row, 0).data(KEY_ROLE)
        if key is not None:
            self.app.bus.open_elder.emit(int(key))

    # ---------------------------------------------------------------- data

    def set_rows(self, rows: list[ElderRow], today: date | None = None) -> None:
        self._rows = rows
        self.today = today or self.app.clock.today()
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: ANN001
        if getattr(self, "_dirty", True):
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._dirty = False
        lang = self.app.lang
        active = [r for r in self._rows if r.status == "active"]
        levels = Counter(r.level for r in active)
        self.level_chart.set_bars(
            [Bar(level_text(lv, lang), levels.get(lv.value, 0), lv.rgb) for lv in Level]
            + [Bar(self.tr("未评估"), levels.get(None, 0), "#9E9E9E")]
        )
        communities = Counter(r.community for r in active)
        self.community_chart.set_bars([Bar(name or self.tr("未分配"), n) for name, n in communities.items()])
        due = sorted(
            (r for r in active if reassessment_due(r.status, r.next_assessment, self.today)),
            key=lambda r: (LEVEL_ORDER.get(r.level, 3), r.next_assessment or date.min),
        )
        self.reassess_model.set_rows(
            [
                (
                    level_text(r.level, lang),
                    r.name,
                    r.community,
                    r.next_assessment.isoformat() if r.next_assessment else "",
                )
                for r in due
            ],
            [r.id for r in due],
            [Level(r.level).rgb if r.level else None for r in due],
        )
        marks = birthdays.upcoming([(r.id, r.name, r.birth_date) for r in active], self.today)
        self.birthday_model.set_rows(
            [(m.birthday.isoformat(), m.name, fill(self.tr("%1岁"), m.age)) for m in marks],
            [m.elder_id for m in marks],
        )
        self._counts = (len(active), levels.get("red", 0), levels.get("yellow", 0), levels.get("green", 0))
        self._due_n, self._marks_n = len(due), len(marks)
        self._show_summary(None)
        self._load_visit_figures()

    def _show_summary(self, n_overdue: int | None) -> None:
        n, red, yellow, green = self._counts
        self.summary.setText(
            fill(
                self.tr("在册 %1 人 · 红 %2 · 黄 %3 · 绿 %4 · 逾期未联系 %5 · 需复评 %6 · 近60天整寿 %7"),
                n, red, yellow, green, "…" if n_overdue is None else n_overdue, self._due_n, self._marks_n,
            )
        )  # fmt: skip

    def _load_visit_figures(self) -> None:
        """Who is overdue and this month's visit rates come from the visits table (about 2 s at
        100,000 people): read on the worker, so the window never freezes for them."""
        ctx, today = self.app.services, self.today

        def job():  # noqa: ANN202 - a read that yields no progress
            overdue = worklists.overdue(ctx, today)
            rates = {
                by: coverage.monthly_rates(ctx, today.year, today.month, by=by)
                for by in ("community", "level")
            }
            return overdue, rates
            yield  # pragma: no cover - makes this a generator

        self.app.runner.run(
            job, parent=self, title=self.tr("总览"), on_success=self._show_visit_figures, show_progress=False
        )

    def _show_visit_figures(self, result: tuple[list, dict]) -> None:
        if not isValid(self):
            return  # the page was rebuilt (language switch) while the figures were read
        overdue, rates = result
        self.overdue_model.set_overdue(overdue)
        self._show_summary(len(overdue))
        y, m = self.today.year, self.today.month
        share = self.tr("%1（%2/%3）")  # 85%（214/253）: the rate, then reached / due

        def bars(by: str) -> list[Bar]:
            out = []
            for r in rates[by]:
                label = r.key
                color = "#4A7BB7"
                if by == "level" and r.key in {lv.value for lv in Level}:
                    label = level_text(r.key, self.app.lang)
                    color = Level(r.key).rgb
                color = (
                    color if r.rate >= 1.0 or by == "level" else ("#E8A33D" if r.rate >= 0.8 else "#C0504D")
                )
                out.append(Bar(label, r.rate, color, fill(share, f"{r.rate:.0%}", r.contacted, r.required)))
            return out

        self.rate_community.set_bars(bars("community"), maximum=1.0)
        self.rate_level.set_bars(bars("level"), maximum=1.0)
        self.rate_note.setText(fill(self.tr("本月：%1年%2月；未达100%的社区以橙色/红色显示。"), y, m))
