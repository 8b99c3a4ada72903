"""The Excel box on the "打印与导出" page: import office rosters, export the roster for supervisors."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from silverage.ui.print_export.export_dialog import ExportDialog
from silverage.ui.print_export.import_wizard import ImportWizard
from silverage.ui.shell.app_context import AppContext


class ExcelPanel(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "导入：读取社区现有的Excel花名册（可多个文件、多个工作表），先预览新增、更新和被拒绝的行，"
                "确认后一次性导入。\n导出：按等级或社区导出花名册、汇总表和逾期名单；身份证号码和电话默认部分隐藏。"
            ),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("导入Excel花名册…"), self)
        self.export_button = QPushButton(self.tr("导出Excel花名册…"), self)
        self.import_button.clicked.connect(lambda _checked=False: self.open_import())
        self.export_button.clicked.connect(lambda _checked=False: self.open_export())
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def open_import(self) -> ImportWizard:
        wizard = ImportWizard(self.app, self)
        wizard.show()
        return wizard

    def open_export(self, elder_ids: list[int] | None = None) -> ExportDialog:
        dialog = ExportDialog(self.app, self, elder_ids)
        dialog.show()
        return dialog
