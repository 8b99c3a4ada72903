"""One-off campaigns (typhoon, cold snap, 重阳节 ...) and their call lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from silverage.domain.enums import Level, Outcome
from silverage.services.visits import worklists
from silverage.ui.visits.visit_tab_base import VisitTab, date_edit, pydate, selected_key, table
from silverage.ui.widgets.simple_table import SimpleTableModel

if TYPE_CHECKING:
    from silverage.ui.visits.visit_tab_base import VisitHost


class CampaignTab(VisitTab):
    def __init__(self, page: VisitHost) -> None:
        super().__init__(page)
        w = self
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
        self.camp_start = date_edit(self.today, w)
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
        self.camp_view = table(self.camp_model, w)
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
                self.tr("紧急联系人", "call list column"),
                self.tr("联系人电话"),
                self.tr("结果"),
            ],
            w,
        )
        self.call_view = table(self.call_model, w)
        lay.addWidget(self.call_view)

    def create_campaign(self) -> None:
        levels = [lv for lv, box in self.camp_levels.items() if box.isChecked()]
        ctx, name, kind = self.app.services, self.camp_name.text(), self.camp_kind.currentData()
        start, days = pydate(self.camp_start), self.camp_days.value()

        def created(cid: int) -> None:
            self.camp_name.clear()
            self.refresh()
            self.show_calls(cid)
            self.say(self.tr("已建立专项行动，电话名单见下表"))

        self.run(
            lambda: worklists.create_campaign(ctx, name, kind, levels, start, days),
            self.tr("建立专项行动"),
            created,
        )

    def refresh(self) -> None:
        camps = worklists.campaigns(self.app.services)
        self.camp_model.set_rows(
            [
                (
                    c.name,
                    c.start_date.isoformat(),
                    c.days,
                    self.tr("、").join(self._level(x) for x in c.levels.split(",")),
                    f"{c.contacted}/{c.total}",
                )
                for c in camps
            ],
            [c.id for c in camps],
        )

    def show_calls(self, campaign_id: int | None = None) -> None:
        cid = campaign_id if campaign_id is not None else selected_key(self.camp_view)
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
