"""设置 → 审计记录 (supervisors and administrators): who changed what, newest first, and whether the
trail is whole.

Filters by person (part of a name or a whole ID number), user, action and days. Rows are read off
the UI thread a page at a time ("加载更多" fetches the next, older page), ID numbers and phones
masked by the service; "导出…" writes the matching rows (masked) to an xlsx. The chain check runs
once when the page opens (and again after an export) and says on the page whether it passes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from silverage.domain import fields
from silverage.domain.enums import (
    Disability,
    Economic,
    ElderStatus,
    Gender,
    Level,
    Living,
    Mobility,
    Outcome,
    Role,
    VisitKind,
    VisitStatus,
)
from silverage.domain.problems import UserError
from silverage.services import audit_view
from silverage.services.audit_view import AuditFilter, AuditRow, AuditRows, ChainStatus
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.date_box import DateBox
from silverage.ui.widgets.simple_table import SimpleTableModel
from silverage.ui.widgets.wording import fill, pick

OK_STYLE, BROKEN_STYLE = "color: #1b5e20", "color: #b00020; font-weight: bold"


# Fields whose stored values are an enum's: shown by the enum's label.
_VALUE_ENUMS = {
    "level": Level,
    "override_level": Level,
    "level_override": Level,
    "living": Living,
    "disability": Disability,
    "economic": Economic,
    "mobility": Mobility,
    "status": ElderStatus,
    "outcome": Outcome,
    "gender": Gender,
    "kind": VisitKind,
    "role": Role,
}


class AuditPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.ask_path: Callable[[], Path | None] = self._ask_path  # a seam for tests
        self.rows: list[AuditRow] = []
        self.more = False
        self._generation = 0  # a newer search makes an older page's answer stale

        layout = QVBoxLayout(self)
        self.chain_label = QLabel(self.tr("正在校验审计记录…"), self)
        self.chain_label.setWordWrap(True)
        layout.addWidget(self.chain_label)

        top = QHBoxLayout()
        self.person = QLineEdit(self)
        self.person.setPlaceholderText(self.tr("老人姓名或身份证号"))
        self.person.setClearButtonEnabled(True)
        top.addWidget(self.person, 2)
        self.user_box = QComboBox(self)
        self.action_box = QComboBox(self)
        top.addWidget(QLabel(self.tr("用户"), self))
        top.addWidget(self.user_box, 1)
        top.addWidget(QLabel(self.tr("操作"), self))
        top.addWidget(self.action_box, 1)
        top.addWidget(QLabel(self.tr("从"), self))
        self.since = DateBox(None, self)
        top.addWidget(self.since)
        top.addWidget(QLabel(self.tr("到"), self))
        self.until = DateBox(None, self)
        top.addWidget(self.until)
        self.search_button = QPushButton(self.tr("查询"), self)
        top.addWidget(self.search_button)
        layout.addLayout(top)

        self.model = SimpleTableModel(
            [
                self.tr("时间"),
                self.tr("用户"),
                self.tr("操作"),
                self.tr("老人"),
                self.tr("表"),
                self.tr("记录"),
                self.tr("字段"),
                self.tr("原值"),
                self.tr("新值"),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        # The technical note a row carries (counts, file names) shows for the row chosen.
        self.detail_label = QLabel("", self)
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

        bottom = QHBoxLayout()
        self.count_label = QLabel("", self)
        bottom.addWidget(self.count_label, 1)
        self.more_button = QPushButton(self.tr("加载更多"), self)
        self.export_button = QPushButton(self.tr("导出…"), self)
        bottom.addWidget(self.more_button)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        note = QLabel(
            self.tr("身份证号和电话部分隐藏；导出的表格同样隐藏。审计记录只增不改，任何改动都会被校验发现。"),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)

        self.search_button.clicked.connect(self.search)
        self.person.returnPressed.connect(self.search)
        self.more_button.clicked.connect(self.load_more)
        self.export_button.clicked.connect(self.export)
        self._fill_choices()
        self.search()
        self.check_chain()

    # ------------------------------------------------------------------ filters

    def _fill_choices(self) -> None:
        users, actions = audit_view.choices(self.app.services)
        self.names = audit_view.display_names(self.app.services)
        self.user_box.addItem(self.tr("全部用户"), "")
        for u in users:
            self.user_box.addItem(self._who(u), u)
        self.action_box.addItem(self.tr("全部操作"), "")
        for a in actions:
            self.action_box.addItem(self._action(a), a)

    # ------------------------------------------------------------------ words, not stored values

    def _who(self, username: str) -> str:
        if username in ("", "system"):
            return self.tr("系统")
        return self.names.get(username) or fill(self.tr("账号%1"), username)

    def _action(self, action: str) -> str:
        words = {
            "create": self.tr("新增"),
            "update": self.tr("修改"),
            "delete": self.tr("删除"),
            "archive": self.tr("归档"),
            "restore": self.tr("恢复"),
            "correct": self.tr("更正"),
            "override": self.tr("人工调整等级"),
            "assess": self.tr("评估"),
            "import": self.tr("导入"),
            "export": self.tr("导出"),
            "print": self.tr("打印"),
            "resolve": self.tr("处理提醒"),
            "sign_in": self.tr("登录"),
            "sign_in_failed": self.tr("登录失败"),
            "sign_in_locked": self.tr("账号锁定"),
            "change_password": self.tr("修改密码"),
            "set_password": self.tr("重设密码"),
            "set_backup_password": self.tr("设置备份密码"),
            "backup": self.tr("备份"),
            "enable": self.tr("启用账号"),
            "disable": self.tr("停用账号"),
            "init": self.tr("建立数据库"),
        }
        return words.get(action, action)

    def _table(self, table: str) -> str:
        words = {
            "elder": self.tr("老人"),
            "emergency_contact": self.tr("紧急联系人"),
            "visit": self.tr("探访"),
            "visit_plan": self.tr("探访计划"),
            "alert": self.tr("提醒"),
            "volunteer": self.tr("志愿者"),
            "app_user": self.tr("账号"),
            "setting": self.tr("设置"),
            "community": self.tr("社区"),
            "grid": self.tr("网格"),
            "micro_grid": self.tr("微网格"),
            "assessment": self.tr("评估"),
        }
        return words.get(table, table)

    def _value(self, field: str, value: str, table: str = "") -> str:
        """A changed value as the editor shows it: 黄, not "yellow"; 是, not True."""
        if value in ("True", "False"):
            return self.tr("是") if value == "True" else self.tr("否")
        enum = VisitStatus if (table, field) == ("visit", "status") else _VALUE_ENUMS.get(field)
        if enum is not None and value in {e.value for e in enum}:
            return enum(value).label(self.app.lang)
        return value

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            person=self.person.text().strip(),
            user=self.user_box.currentData() or "",
            action=self.action_box.currentData() or "",
            since=self.since.pydate(),
            until=self.until.pydate(),
        )

    # ------------------------------------------------------------------ reading

    def search(self) -> None:
        self.rows, self.more = [], False
        self._generation += 1
        self._load(None)

    def load_more(self) -> None:
        if self.more and self.rows:
            self._load(self.rows[-1].id)

    def _load(self, before_id: int | None) -> None:
        ctx, flt, generation = self.app.services, self.current_filter(), self._generation
        self.more_button.setEnabled(False)

        def got(page: AuditRows) -> None:
            if generation != self._generation:
                return
            self.rows = self.rows + page.rows
            self.more = page.more
            self._show()

        self.app.run(
            lambda: audit_view.page(ctx, flt, before_id),
            parent=self,
            title=self.tr("读取审计记录"),
            on_done=got,
            on_user_error=self._say,
            show_progress=False,
        )

    def _show(self) -> None:
        self.model.set_rows(
            [
                (
                    f"{r.at:%Y-%m-%d %H:%M:%S}",
                    self._who(r.user),
                    self._action(r.action),
                    r.person,
                    self._table(r.table),
                    r.record_id,
                    fields.label(r.field, self.app.lang, r.table) if r.field else "",
                    self._value(r.field, r.old, r.table),
                    self._value(r.field, r.new, r.table),
                )
                for r in self.rows
            ],
            keys=[r.id for r in self.rows],
        )
        self.table.resizeColumnsToContents()
        if self.more:
            self.count_label.setText(fill(self.tr("已显示最新的 %1 条，还有更早的记录"), len(self.rows)))
        else:
            self.count_label.setText(fill(self.tr("共 %1 条"), len(self.rows)))
        self.more_button.setEnabled(self.more)

    def _show_detail(self, current, _previous=None) -> None:  # noqa: ANN001 - QModelIndex
        row = current.row()
        detail = self.rows[row].detail if 0 <= row < len(self.rows) else ""
        self.detail_label.setText(fill(self.tr("说明：%1"), detail) if detail else "")

    def _say(self, exc: UserError) -> None:
        self.count_label.setText(exc.text(self.app.lang))

    # ------------------------------------------------------------------ the chain

    def check_chain(self) -> None:
        ctx = self.app.services
        self.app.run(
            lambda: audit_view.chain_status(ctx),
            parent=self,
            title=self.tr("校验审计记录"),
            on_done=self._chain_checked,
            on_user_error=self._say,
            show_progress=False,
        )

    def _chain_checked(self, status: ChainStatus) -> None:
        text = pick(self.app.lang, status.zh, status.en)
        if not status.ok:
            text = fill(self.tr("审计记录校验未通过：%1。请把此情况报告给管理员。"), text)
        self.chain_label.setText(text)
        self.chain_label.setStyleSheet(OK_STYLE if status.ok else BROKEN_STYLE)

    # ------------------------------------------------------------------ export

    def _ask_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出审计记录"), "审计记录.xlsx", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not name:
            return None
        return Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    def export(self) -> None:
        path = self.ask_path()
        if path is None:
            return
        ctx, flt, lang = self.app.services, self.current_filter(), self.app.lang
        self.export_button.setEnabled(False)

        def done(n: int) -> None:
            self.count_label.setText(fill(self.tr("已导出 %1 条到 %2（号码已隐藏）"), n, path.name))
            self.check_chain()

        self.app.run(
            lambda: audit_view.export(ctx, flt, path, lang),
            parent=self,
            title=self.tr("正在导出审计记录"),
            on_done=done,
            on_user_error=self._say,
            on_finally=lambda: self.export_button.setEnabled(True),
        )
