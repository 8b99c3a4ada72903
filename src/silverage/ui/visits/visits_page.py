"""The Visits page (探访): a tab per job. Plan a period and change it, record outcomes by code,
worklists, campaigns, visit rates and the holiday table; supervisors also edit the visit policy
from here. Services do the work; the tabs only show it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from silverage.domain.problems import Problem, UserError
from silverage.ui.shell.app_context import AppContext
from silverage.ui.visits.campaign_tab import CampaignTab
from silverage.ui.visits.coverage_tab import CoverageTab
from silverage.ui.visits.holiday_tab import HolidayTab
from silverage.ui.visits.visit_plan_tab import PlanTab
from silverage.ui.visits.visit_policy_dialog import open_policy_dialog
from silverage.ui.visits.visit_record_tab import RecordTab
from silverage.ui.visits.visit_tab_base import VisitTab
from silverage.ui.visits.worklist_tab import WorklistTab
from silverage.ui.widgets.ask import ask_yes_no
from silverage.ui.widgets.follow_changes import follow_changes


class VisitsPage(QWidget):
    refreshes_on_show = True  # showEvent reloads the current tab; the main window need not again

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = app.clock.today()
        self.lang = app.lang
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.policy_button = QPushButton(self.tr("探访频次…"), self)
        self.policy_button.setToolTip(self.tr("各等级上门和电话问候的频次（督导可修改）"))
        self.policy_button.clicked.connect(lambda: open_policy_dialog(self.app, self))
        self.tabs.setCornerWidget(self.policy_button)
        layout.addWidget(self.tabs)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        self.plan = PlanTab(self)
        self.record = RecordTab(self)
        self.work = WorklistTab(self)
        self.campaigns = CampaignTab(self)
        self.coverage = CoverageTab(self)
        self.holidays = HolidayTab(self)
        for tab, title in (
            (self.plan, self.tr("计划")),
            (self.record, self.tr("录入结果")),
            (self.work, self.tr("待办")),
            (self.campaigns, self.tr("专项行动", "tab")),
            (self.coverage, self.tr("探访率")),
            (self.holidays, self.tr("节假日")),
        ):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        # Its showEvent refreshes anyway; a change while it is in view refreshes the current tab.
        follow_changes(self, app.bus, lambda c: c.touches_visits)

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
        return ask_yes_no(
            self, self.tr("有冲突"), self.tr("这样调整有以下冲突，仍然调整吗？") + "\n\n" + text
        )

    def refresh(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, VisitTab):
            try:
                tab.refresh()
            except UserError as exc:
                self.fail(exc)

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        self.refresh()
