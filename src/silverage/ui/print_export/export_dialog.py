"""Export the roster (or the selected people) to an Excel workbook.

Masking is the default; the "full ID numbers and phones" choice and the complete roster (every field
and contact, to import into another database) are enabled only for a supervisor and ask for
confirmation, and the service writes either export to the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.enums import Level
from silverage.domain.problems import UserError
from silverage.services.print_export import roster_export
from silverage.services.print_export.roster_export import ExportOptions, ExportResult
from silverage.services.roster import place_choices
from silverage.services.roster.roster_query import ElderFilter
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.ask import ask_yes_no
from silverage.ui.widgets.wording import fill, pick


class ExportDialog(QDialog):
    def __init__(
        self,
        app: AppContext,
        parent: QWidget | None = None,
        elder_ids: list[int] | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.elder_ids = elder_ids
        self.today = today
        self.last_result: ExportResult | None = None
        self.confirm_unmasked: Callable[[], bool] = self._ask_unmasked
        self.setWindowTitle(self.tr("导出Excel花名册"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.level_box = QComboBox(self)
        self.community_box = QComboBox(self)
        if elder_ids is not None:
            form.addRow(self.tr("范围："), QLabel(self.tr("所选的 %n 人", "", len(elder_ids)), self))
        else:
            self.level_box.addItem(self.tr("全部等级"), None)
            for lv in Level:
                self.level_box.addItem(lv.label(app.lang), lv.value)
            self.community_box.addItem(self.tr("全部社区"), None)
            for community in place_choices.communities(app.services):
                self.community_box.addItem(community.name, community.id)
            form.addRow(self.tr("关爱等级："), self.level_box)
            form.addRow(self.tr("社区："), self.community_box)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("导出的列："), self))
        self.columns = QListWidget(self)
        for spec in roster_export.COLUMNS:
            item = QListWidgetItem(pick(app.lang, spec.zh, spec.en), self.columns)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = spec.key in roster_export.DEFAULT_COLUMNS
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.columns.setMinimumHeight(220)
        layout.addWidget(self.columns)
        self.masked_radio = QRadioButton(self.tr("身份证号码和电话部分隐藏（推荐）"), self)
        self.unmasked_radio = QRadioButton(self.tr("完整的身份证号码和电话（仅限督导，将记入审计）"), self)
        self.complete_radio = QRadioButton(
            self.tr("完整花名册：全部字段和紧急联系人，可导入另一个数据库（仅限督导，将记入审计）"), self
        )
        self.masked_radio.setChecked(True)
        supervisor = app.services.actor.is_supervisor
        for radio in (self.unmasked_radio, self.complete_radio):
            radio.setEnabled(supervisor)
            if not supervisor:
                radio.setToolTip(self.tr("只有督导可以导出完整的身份证号码和电话"))
        self.complete_radio.toggled.connect(lambda on: self.columns.setEnabled(not on))
        layout.addWidget(self.masked_radio)
        layout.addWidget(self.unmasked_radio)
        layout.addWidget(self.complete_radio)
        # An unmasked or complete export is a password-protected workbook (Excel and WPS ask for it).
        self.password_row = QWidget(self)
        pw = QHBoxLayout(self.password_row)
        pw.setContentsMargins(0, 0, 0, 0)
        self.password_edit = QLineEdit(self.password_row)
        self.password_edit.setObjectName("export_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("打开这个文件时要输入的密码"))
        pw.addWidget(QLabel(self.tr("文件密码："), self.password_row))
        pw.addWidget(self.password_edit, 1)
        self.password_row.setVisible(False)
        layout.addWidget(self.password_row)
        for radio in (self.masked_radio, self.unmasked_radio, self.complete_radio):
            radio.toggled.connect(self._password_shown)
        row = QHBoxLayout()
        name = fill(self.tr("花名册_%1.xlsx"), f"{(today or app.clock.today()):%Y%m%d}")
        self.file_edit = QLineEdit(str(Path.home() / name), self)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(QLabel(self.tr("保存到："), self))
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("导出"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 620)

    def chosen_columns(self) -> tuple[str, ...]:
        keys = []
        for i in range(self.columns.count()):
            item = self.columns.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                keys.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(keys)

    def options(self) -> ExportOptions:
        f = None
        if self.elder_ids is None:
            level = self.level_box.currentData()
            f = ElderFilter(
                level=Level(level) if level else None, community_id=self.community_box.currentData()
            )
        return ExportOptions(
            elder_ids=tuple(self.elder_ids) if self.elder_ids is not None else None,
            filter=f,
            columns=self.chosen_columns(),
            unmasked=self.unmasked_radio.isChecked() or self.complete_radio.isChecked(),
            complete=self.complete_radio.isChecked(),
            lang=self.app.lang,
            password=self.password_edit.text() or None,
        )

    def _password_shown(self) -> None:
        full = self.unmasked_radio.isChecked() or self.complete_radio.isChecked()
        self.password_row.setVisible(full)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存Excel花名册"), self.file_edit.text(), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            self.file_edit.setText(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    def _ask_unmasked(self) -> bool:
        return ask_yes_no(
            self,
            self.tr("导出完整信息"),
            self.tr(
                "将导出完整的身份证号码和电话号码。此次导出会记入审计记录（导出人、时间、人数、列）。"
                "请妥善保管文件，用后删除。确定导出吗？"
            ),
        )

    def start_export(self) -> None:
        opts = self.options()
        if not opts.columns and not opts.complete:
            self.status.setText(self.tr("请至少选择一列"))
            return
        if opts.unmasked and not opts.password:
            self.status.setText(self.tr("完整号码的导出会加密：请填写文件密码（打开文件时要输入它）"))
            self.password_edit.setFocus()
            return
        if opts.unmasked and not self.confirm_unmasked():
            return
        path = Path(self.file_edit.text().strip())
        self.status.setText(self.tr("正在导出…"))
        self.export_button.setEnabled(False)
        ctx, today = self.app.services, self.today
        self.app.runner.run(
            lambda: roster_export.export_roster_job(ctx, path, opts, today),
            parent=self,
            title=self.tr("导出Excel花名册"),
            on_success=self._done,
            on_user_error=self._failed,
            on_finally=lambda: self.export_button.setEnabled(True),
        )

    def _done(self, result: ExportResult) -> None:
        self.last_result = result
        self.status.setText(fill(self.tr("已导出 %1 人到 %2"), result.people, result.path))

    def _failed(self, exc: UserError) -> None:
        from silverage.ui.shell.tasks import show_error

        self.status.setText(self.tr("没有导出"))
        show_error(self, self.tr("导出Excel花名册"), exc)
