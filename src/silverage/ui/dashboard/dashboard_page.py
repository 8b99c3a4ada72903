"""总览: where the subdistrict stands — this month's visits to date against what is due so far and
last month in full (per level and community), who is overdue (red first), people per level and
community, reassessments due, milestone birthdays.

Everything is worked out on the worker thread (``services.visits.standing`` and the roster rows the
window already holds): at 100,000 people that is about a second, and switching to the page never
waits for it — the page says it is loading and fills in when the figures arrive.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from silverage.services.roster import birthday_list, needs_list
from silverage.services.roster.roster_query import ElderRow
from silverage.services.visits import standing
from silverage.services.visits.standing import NO_COMMUNITY, OTHERS, DashboardStanding
from silverage.ui.dashboard.overdue_list import OverdueListModel
from silverage.ui.dashboard.standing_box import StandingBox
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.bar_chart import Bar, BarChart
from silverage.ui.widgets.follow_changes import follow_changes
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.simple_table import KEY_ROLE, SimpleTableModel
from silverage.ui.widgets.wording import fill

LEVEL_ORDER = {"red": 0, "yellow": 1, "green": 2, None: 3}
SHOWN = 300  # rows a dashboard list shows (the first, most urgent); the Visits page lists them all


@dataclass(frozen=True)
class RowLists:
    """What the dashboard reads from the roster rows (worked out on the worker, too)."""

    reassess: list[ElderRow]
    birthdays: list[birthdays.Milestone]
    nominal: bool = False  # ages are 虚岁 (the office's setting)


def row_lists(
    rows: list[ElderRow], today: date, default_calendar: str | None = None, nominal: bool = False
) -> RowLists:
    active = [r for r in rows if r.status == "active"]
    due = sorted(
        (r for r in active if reassessment_due(r.status, r.next_assessment, today)),
        key=lambda r: (LEVEL_ORDER.get(r.level, 3), r.next_assessment or date.min),
    )
    # People whose calendar is not recorded count on the office default (none set: both dates listed).
    marks = birthdays.upcoming(
        [(r.id, r.name, r.birth_date, r.birthday_calendar or default_calendar) for r in active],
        today,
        nominal=nominal,
    )
    return RowLists(due, marks, nominal)


class DashboardPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = app.clock.today()
        # People changes arrive through set_rows (the window's roster rows); visits and settings here.
        follow_changes(self, app.bus, lambda c: bool(c.visits or c.all_visits or c.settings))
        self._rows: list[ElderRow] = []
        self._dirty = True
        self.loading = False  # a read is running on the worker
        self._again = False  # something changed while it ran: read once more when it ends
        self.figures: DashboardStanding | None = None
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        grid = QGridLayout(body)

        self.summary = QLabel(body)
        self.summary.setStyleSheet("font-size: 16px; padding: 4px;")
        self.summary.setWordWrap(False)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        self.loading_label = QLabel(self.tr("正在计算总览…"), body)
        self.loading_label.setStyleSheet("color: #555555; padding: 4px;")
        grid.addWidget(self.loading_label, 1, 0, 1, 2)

        self.standing_box = StandingBox(self.app.lang, body)
        grid.addWidget(self.standing_box, 2, 0, 1, 2)

        self.overdue_model = OverdueListModel(self.app.lang, self)
        self.overdue_box = self._table_box(self.tr("逾期未联系（红色优先）"), self.overdue_model)
        grid.addWidget(self.overdue_box, 3, 0, 1, 2)

        self.level_chart = BarChart(body)
        self.community_chart = BarChart(body)
        grid.addWidget(self._box(self.tr("各等级人数"), self.level_chart), 4, 0)
        self.community_box = self._box(self.tr("各社区人数"), self.community_chart)
        grid.addWidget(self.community_box, 4, 1)

        self.reassess_model = SimpleTableModel(
            [self.tr("等级"), self.tr("姓名"), self.tr("社区"), self.tr("应复评日期")], self
        )
        self.reassess_box = self._table_box(self.tr("需要复评"), self.reassess_model)
        grid.addWidget(self.reassess_box, 5, 0)
        self.birthday_model = SimpleTableModel(
            [self.tr("日期"), self.tr("姓名"), self.tr("寿辰"), self.tr("历法")], self
        )
        self.birthday_box = self._table_box(
            self.tr("60天内的整寿（60/70/80/90/100岁，公历或农历）"), self.birthday_model
        )
        grid.addWidget(self.birthday_box, 5, 1)
        self.services_model = SimpleTableModel(
            [
                self.tr("社区"),
                self.tr("服务需求（项）"),
                self.tr("按期已提供"),
                self.tr("已安排"),
                self.tr("本月志愿服务（小时）"),
            ],
            self,
        )
        self.services_box = self._table_box(self.tr("精准服务：需求与志愿服务时长"), self.services_model)
        grid.addWidget(self.services_box, 6, 0, 1, 2)
        self._show_summary()

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
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the figures on the worker; while they are read the page says so and stays usable."""
        self._dirty = False
        if self.loading:
            self._again = True
            return
        self.loading, self._again = True, False
        self.loading_label.show()
        ctx, today, rows = self.app.services, self.today, self._rows

        def job():  # noqa: ANN202 - a read that yields no progress
            default = birthday_list.get_default_calendar(ctx)
            nominal = birthday_list.get_age_counting(ctx) == "nominal"
            services = needs_list.community_figures(ctx, today)
            return standing.dashboard_standing(ctx, today), row_lists(rows, today, default, nominal), services
            yield  # pragma: no cover - makes this a generator

        self.app.runner.run(
            job,
            parent=self,
            title=self.tr("总览"),
            on_success=self._show_figures,
            on_finally=self._read_done,
            show_progress=False,
        )

    def _read_done(self) -> None:
        if not isValid(self):
            return  # the page was rebuilt (language switch) while the figures were read
        self.loading = False
        if self._again:
            self.refresh()
        else:
            self.loading_label.hide()

    def _show_figures(
        self, result: tuple[DashboardStanding, RowLists, list[needs_list.CommunityServices]]
    ) -> None:
        if not isValid(self):
            return
        figures, lists, services = result
        self.services_model.set_rows(
            [(c.community, c.needs, c.met, c.planned, f"{c.minutes / 60:.1f}") for c in services]
        )
        self.figures = figures
        lang = self.app.lang
        levels = figures.people_by_level
        self.level_chart.set_bars(
            [Bar(level_text(lv, lang), levels.get(lv.value, 0), lv.rgb) for lv in Level]
            + [Bar(self.tr("未评估"), levels.get(None, 0), "#9E9E9E")]
        )
        counts = standing.group_counts(figures.people_by_community)
        self.community_chart.set_bars([Bar(self._community(k, others), n) for k, n, others in counts])
        self.community_box.setTitle(
            fill(self.tr("各社区人数（人数最多的 %1 个，其余合并）"), len(counts) - 1)
            if len(counts) < len(figures.people_by_community)
            else self.tr("各社区人数")
        )
        self.standing_box.show_months(figures.this_month, figures.last_month)
        self.overdue_model.set_people(figures.overdue[:SHOWN])
        title = self.tr("逾期未联系（红色优先）")
        if len(figures.overdue) > SHOWN:
            title = fill(
                self.tr("逾期未联系（红色优先）：共 %1 人，这里是最紧急的 %2 人，全部名单在“探访 › 待办”"),
                len(figures.overdue), SHOWN,
            )  # fmt: skip
        self.overdue_box.setTitle(title)
        reassess = lists.reassess[:SHOWN]
        self.reassess_model.set_rows(
            [
                (
                    level_text(r.level, lang),
                    r.name,
                    r.community,
                    r.next_assessment.isoformat() if r.next_assessment else "",
                )
                for r in reassess
            ],
            [r.id for r in reassess],
            [Level(r.level).rgb if r.level else None for r in reassess],
        )
        self.reassess_box.setTitle(
            fill(self.tr("需要复评：共 %1 人，这里是最紧急的 %2 人"), len(lists.reassess), SHOWN)
            if len(lists.reassess) > SHOWN
            else self.tr("需要复评")
        )
        self.birthday_model.set_rows(
            [
                (
                    m.birthday.isoformat(),
                    m.name,
                    fill(self.tr("虚岁%1岁") if lists.nominal else self.tr("%1岁"), m.age),
                    self._calendar_text(m),
                )
                for m in lists.birthdays
            ],
            [m.elder_id for m in lists.birthdays],
        )
        self._show_summary(len(lists.reassess), len({m.elder_id for m in lists.birthdays}))

    def _calendar_text(self, m: birthdays.Milestone) -> str:
        """公历 / 农历十月廿五; "未登记" when the person's calendar is not recorded (both are listed)."""
        if m.lunar is None:
            text = self.tr("公历")
        elif self.app.lang == "en":
            text = fill(self.tr("农历%1月%2日"), m.lunar.month, m.lunar.day)
        else:
            text = self.tr("农历") + m.lunar.zh
        return text if m.chosen else fill(self.tr("%1（未登记历法）"), text)

    def _community(self, key: str, others: int) -> str:
        if key == OTHERS and others:
            return fill(self.tr("其他 %1 个社区"), others)
        return self.tr("未分配社区") if key == NO_COMMUNITY else key

    def _show_summary(self, due_n: int | None = None, marks_n: int | None = None) -> None:
        f = self.figures
        if f is None:
            self.summary.setText(self.tr("总览"))
            return
        lv = f.people_by_level
        n = sum(lv.values())
        self.summary.setText(
            fill(
                self.tr("在册 %1 人 · 红 %2 · 黄 %3 · 绿 %4 · 逾期未联系 %5 · 需复评 %6 · 近60天整寿 %7"),
                n, lv.get("red", 0), lv.get("yellow", 0), lv.get("green", 0), len(f.overdue), due_n, marks_n,
            )
        )  # fmt: skip
