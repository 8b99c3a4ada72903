"""Worklists: overdue people (red first), follow-ups due and open alerts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.problems import UserError
from silverage.services.visits import visits, worklists
from silverage.ui.visits.alert_dialog import AlertDialog
from silverage.ui.visits.visit_tab_base import VisitTab, selected_key, table
from silverage.ui.widgets.overdue_model import OverdueModel
from silverage.ui.widgets.simple_table import SimpleTableModel
from silverage.ui.widgets.wording import pick

if TYPE_CHECKING:
    from silverage.ui.visits.visit_tab_base import VisitHost


class WorklistTab(VisitTab):
    def __init__(self, page: VisitHost) -> None:
        super().__init__(page)
        w = self
        lay = QVBoxLayout(w)
        inner = QTabWidget(w)
        self.overdue_model = OverdueModel(self.lang, w)
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
        self.overdue_view = table(self.overdue_model, w)
        self.follow_view = table(self.follow_model, w)
        self.alert_view = table(self.alert_model, w)
        inner.addTab(self.overdue_view, self.tr("逾期未联系（红色优先）"))
        for view, label, text, slot in (
            (self.follow_view, self.tr("跟进事项"), self.tr("标记为已完成"), self.finish_follow_up),
            (self.alert_view, self.tr("提醒"), self.tr("处理…"), self.resolve_alert),
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

    def refresh(self) -> None:
        ctx = self.app.services
        rows = worklists.overdue(ctx, self.today)
        self.overdue_model.set_overdue(rows)
        fus = worklists.follow_ups_due(ctx, self.today, horizon_days=7)
        self.follow_model.set_rows(
            [
                (f.due_date.isoformat(), f.name, f.action, f.owner, max(0, f.days_late), f.visit_code or "")
                for f in fus
            ],
            [f.id for f in fus],
        )
        alerts = worklists.open_alerts(ctx)  # messages name the contact, phone masked as in every list
        self.alert_model.set_rows(
            [
                (
                    a.due.strftime("%Y-%m-%d %H:%M") if a.due else "",
                    a.name,
                    pick(self.lang, a.message_zh, a.message_en),
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
        key = selected_key(self.follow_view)
        if key is not None:
            ctx = self.app.services
            self.run(lambda: visits.complete_follow_up(ctx, int(key)), self.tr("完成跟进事项"))  # type: ignore[arg-type]

    def resolve_alert(self) -> None:
        """处理: the alert with the number to phone, and a note saying what was done (kept as history)."""
        key = selected_key(self.alert_view)
        if key is None:
            self.say(self.tr("请先在列表中选择一条提醒"), error=True)
            return
        try:
            dialog = AlertDialog(self.app, int(key), self)  # type: ignore[arg-type]
        except UserError as exc:
            self.fail(exc)
            return
        self.alert_dialog = dialog
        dialog.exec()
