"""The visit policy editor: how often each care level gets a home visit and a phone check-in.

Supervisors change it (the service checks the role again and writes the audit trail); everyone
else sees it read-only. A change applies to plans generated afterwards, not to visits already
planned. Opened from the Visits page and from the Settings page (``open_policy_dialog``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.enums import Level
from silverage.domain.visit_policy import CADENCES, DEFAULT_POLICY, LevelPolicy, VisitPolicy
from silverage.services.visits import visit_settings
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.wording import pick


class VisitPolicyDialog(QDialog):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.lang = app.lang
        self.setWindowTitle(self.tr("探访频次"))
        self.setMinimumWidth(460)
        self.editable = app.services.actor.is_supervisor
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "每个等级多久上门探访一次、每周电话问候几次，以及多少天未联系算逾期。修改后对之后生成的计划生效。"
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        grid = QGridLayout()
        for col, text in enumerate(
            (self.tr("等级"), self.tr("上门探访"), self.tr("每周电话"), self.tr("逾期天数"))
        ):
            head = QLabel(f"<b>{text}</b>", self)
            grid.addWidget(head, 0, col)
        self.home: dict[str, QComboBox] = {}
        self.phone: dict[str, QSpinBox] = {}
        self.overdue: dict[str, QSpinBox] = {}
        for row, lv in enumerate(Level, start=1):
            name = QLabel(level_text(lv, self.lang), self)
            name.setStyleSheet(f"color: {lv.rgb}; font-weight: bold;")
            grid.addWidget(name, row, 0)
            box = QComboBox(self)
            for value, (zh, en) in CADENCES.items():
                box.addItem(pick(self.lang, zh, en), value)
            self.home[lv.value] = box
            self.phone[lv.value] = self._spin(0, 7, self.tr(" 次"))
            self.overdue[lv.value] = self._spin(1, 366, self.tr(" 天"))
            for col, widget in enumerate((box, self.phone[lv.value], self.overdue[lv.value]), start=1):
                widget.setEnabled(self.editable)
                grid.addWidget(widget, row, col)
        lay.addLayout(grid)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.default_button = QPushButton(self.tr("恢复默认"), self)
        buttons.addButton(self.default_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setEnabled(self.editable)
        self.default_button.setEnabled(self.editable)
        self.save_button.clicked.connect(self.save)
        self.default_button.clicked.connect(lambda: self.show_policy(DEFAULT_POLICY))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.show_policy(visit_settings.get_policy(app.services))
        if not self.editable:
            self.say(self.tr("只有督导可以修改探访频次。"))

    def _spin(self, lo: int, hi: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(lo, hi)
        spin.setSuffix(suffix)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def say(self, text: str, error: bool = False) -> None:
        self.note.setStyleSheet("color: #B3261E;" if error else "")
        self.note.setText(text)

    def show_policy(self, policy: VisitPolicy) -> None:
        for lv in Level:
            p = policy.for_level(lv.value)
            self.home[lv.value].setCurrentIndex(self.home[lv.value].findData(p.home))
            self.phone[lv.value].setValue(p.phone_per_week)
            self.overdue[lv.value].setValue(p.overdue_days)

    def policy(self) -> VisitPolicy:
        def level(lv: str) -> LevelPolicy:
            return LevelPolicy(self.home[lv].currentData(), self.phone[lv].value(), self.overdue[lv].value())

        return VisitPolicy(level("red"), level("yellow"), level("green"))

    def save(self) -> None:
        ctx, policy = self.app.services, self.policy()
        self.app.run(
            lambda: visit_settings.save_policy(ctx, policy),
            parent=self,
            title=self.tr("保存探访频次"),
            on_done=lambda _c: self.say(self.tr("已保存；之后生成的探访计划按新的频次。")),
            on_user_error=lambda exc: self.say(exc.text(self.lang), error=True),
            show_progress=False,
        )


def open_policy_dialog(app: AppContext, parent: QWidget | None = None) -> VisitPolicyDialog:
    """Show the editor window-modal without blocking; returns it (the Settings page uses this too)."""
    dialog = VisitPolicyDialog(app, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
