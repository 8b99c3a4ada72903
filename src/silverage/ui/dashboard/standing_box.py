"""探访进度: this month to date against what is due so far, beside last month in full.

The figures come from ``services.visits.standing`` (read on the worker); this box only turns them
into a headline and four bar charts (per level and per community, the communities furthest behind
by name and the rest as one 其他 bar).
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from silverage.domain.enums import Level
from silverage.services.visits.standing import (
    NO_COMMUNITY,
    OTHERS,
    MonthStanding,
    Standing,
    group_communities,
)
from silverage.ui.widgets.bar_chart import Bar, BarChart
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.wording import fill

ON_PACE, BEHIND, FAR_BEHIND, NOTHING_DUE = "#4A7BB7", "#E8A33D", "#C0504D", "#9E9E9E"


class StandingBox(QGroupBox):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("探访进度（目标 100%，虚线）"), parent)
        self.lang = lang
        layout = QGridLayout(self)
        self.headline = QLabel(self)
        self.headline.setWordWrap(False)
        self.headline.setStyleSheet("font-size: 14px; padding: 2px;")
        layout.addWidget(self.headline, 0, 0, 1, 2)
        self.this_title = QLabel(self)
        self.last_title = QLabel(self)
        for label in (self.this_title, self.last_title):
            label.setWordWrap(False)
            label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.this_title, 1, 0)
        layout.addWidget(self.last_title, 1, 1)
        self.this_level = BarChart(self, target=1.0)
        self.last_level = BarChart(self, target=1.0)
        self.this_community = BarChart(self, target=1.0)
        self.last_community = BarChart(self, target=1.0)
        layout.addWidget(QLabel(self.tr("按等级"), self), 2, 0)
        layout.addWidget(QLabel(self.tr("按等级"), self), 2, 1)
        layout.addWidget(self.this_level, 3, 0)
        layout.addWidget(self.last_level, 3, 1)
        self.community_label = QLabel(self.tr("按社区"), self)
        self.community_label_last = QLabel(self.tr("按社区"), self)
        layout.addWidget(self.community_label, 4, 0)
        layout.addWidget(self.community_label_last, 4, 1)
        layout.addWidget(self.this_community, 5, 0)
        layout.addWidget(self.last_community, 5, 1)
        self.note = QLabel(
            self.tr("应完成：截至昨天已结束的探访周期全数计入，进行中的周期按已过天数折算。")
            + "\n"
            + self.tr("本月第一天还没有应完成的探访；超过100%表示进度超前。"),
            self,
        )
        self.note.setWordWrap(False)
        self.note.setStyleSheet("color: #555555;")
        layout.addWidget(self.note, 6, 0, 1, 2)

    # ---------------------------------------------------------------- figures

    def show_months(self, this: MonthStanding, last: MonthStanding) -> None:
        self.headline.setText(self._headline(this, last))
        self.this_title.setText(
            fill(self.tr("本月至今（%1年%2月，已过 %3 天）"), this.year, this.month, this.days_elapsed)
        )
        self.last_title.setText(fill(self.tr("上月全月（%1年%2月）"), last.year, last.month))
        self.this_level.set_bars([self._bar(r, level=True) for r in this.by_level], maximum=1.0)
        self.last_level.set_bars([self._bar(r, level=True) for r in last.by_level], maximum=1.0)
        this_rows, last_rows = group_communities(this.by_community), group_communities(last.by_community)
        self.this_community.set_bars([self._bar(r) for r in this_rows], maximum=1.0)
        self.last_community.set_bars([self._bar(r) for r in last_rows], maximum=1.0)
        grouped = len(this_rows) < len(this.by_community)
        for label in (self.community_label, self.community_label_last):
            label.setText(
                fill(self.tr("按社区（落后最多的 %1 个，其余合并）"), len(this_rows) - 1)
                if grouped
                else self.tr("按社区")
            )

    def _headline(self, this: MonthStanding, last: MonthStanding) -> str:
        t, p = this.total, last.total
        if t.required == 0 and p.required == 0:
            return self.tr("还没有应探访的人：导入花名册或新增老人后，这里显示本月和上月的探访进度。")
        if t.due == 0:
            now = fill(
                self.tr("本月至今：还没有到期的探访（全月应探访 %1 次，已完成 %2 次）。"),
                t.required,
                t.reached,
            )
        else:
            now = fill(
                self.tr("本月至今：应完成 %1 次，已完成 %2 次（%3），已错过 %4 次；全月应探访 %5 次。"),
                t.due, t.reached, _percent(t.rate), t.missed, t.required,
            )  # fmt: skip
        before = fill(
            self.tr("上月全月：应探访 %1 次，完成 %2 次（%3），错过 %4 次。"),
            p.required, p.reached, _percent(p.rate if p.due else 1.0), p.missed,
        )  # fmt: skip
        return now + "\n" + before

    def _label(self, r: Standing, level: bool) -> str:
        if level:
            return level_text(r.key, self.lang)
        if r.key == OTHERS and r.others:
            return fill(self.tr("其他 %1 个社区"), r.others)
        if r.key == NO_COMMUNITY:
            return self.tr("未分配社区")
        return r.key

    def _bar(self, r: Standing, level: bool = False) -> Bar:
        label = self._label(r, level)
        if r.rate is None:
            return Bar(label, 0.0, NOTHING_DUE, fill(self.tr("尚无到期（已完成 %1）"), r.reached))
        text = fill(self.tr("%1（%2/%3）"), _percent(r.rate), r.reached, r.due)
        if r.missed:
            text = fill(self.tr("%1（%2/%3，错过 %4）"), _percent(r.rate), r.reached, r.due, r.missed)
        if level and r.key in {lv.value for lv in Level}:
            color = Level(r.key).rgb
        else:
            color = ON_PACE if r.rate >= 1.0 else (BEHIND if r.rate >= 0.8 else FAR_BEHIND)
        return Bar(label, min(r.rate, 1.0), color, text)


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"
