"""导出志愿服务时长: the month's hours as an Excel sheet for a volunteer platform, with the columns
that platform wants chosen once and saved as a named template."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.problems import UserError
from silverage.services.print_export import hours_export
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.wording import fill


class HoursExportDialog(QDialog):
    def __init__(self, app: AppContext, month: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.month = app, month
        self.setWindowTitle(self.tr("导出志愿服务时长"))
        form = QFormLayout()
        form.addRow(self.tr("服务月份"), QLabel(fill(self.tr("%1年%2月"), month.year, month.month), self))
        self.template_box = QComboBox(self)
        form.addRow(self.tr("模板"), self.template_box)
        grid = QGridLayout()
        self.column_boxes: dict[str, QCheckBox] = {}
        for i, col in enumerate(hours_export.COLUMNS):
            box = QCheckBox(col.label(app.lang), self)
            grid.addWidget(box, i // 3, i % 3)
            self.column_boxes[col.key] = box
        form.addRow(self.tr("导出列"), grid)
        self.unmasked = QCheckBox(self.tr("完整手机号码（仅督导，记入操作日志）"), self)
        self.unmasked.setEnabled(app.services.actor.is_supervisor)
        form.addRow("", self.unmasked)
        save = QHBoxLayout()
        self.template_name = QLineEdit(self)
        self.template_name.setPlaceholderText(self.tr("模板名称，如：志愿汇"))
        self.save_template_button = QPushButton(self.tr("保存为模板"), self)
        save.addWidget(self.template_name, 1)
        save.addWidget(self.save_template_button)
        form.addRow(self.tr("保存所选列"), save)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        close = QPushButton(self.tr("关闭"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.message)
        outer.addLayout(buttons)
        self.template_box.currentIndexChanged.connect(self._template_chosen)
        self.save_template_button.clicked.connect(self.save_template)
        self.export_button.clicked.connect(lambda: self.export())
        close.clicked.connect(self.reject)
        self._load_templates()

    def _load_templates(self, select: str | None = None) -> None:
        saved = hours_export.templates(self.app.services)
        self.template_box.blockSignals(True)
        self.template_box.clear()
        self.template_box.addItem(self.tr("默认"), hours_export.DEFAULT_TEMPLATE)
        for name, cols in saved.items():
            self.template_box.addItem(name, cols)
        self.template_box.blockSignals(False)
        index = self.template_box.findText(select) if select else 0
        self.template_box.setCurrentIndex(max(0, index))
        self._template_chosen()

    def _template_chosen(self) -> None:
        cols = self.template_box.currentData() or ()
        for key, box in self.column_boxes.items():
            box.setChecked(key in cols)
        if self.template_box.currentIndex() > 0:
            self.template_name.setText(self.template_box.currentText())

    def columns(self) -> tuple[str, ...]:
        return tuple(k for k, box in self.column_boxes.items() if box.isChecked())

    def _failed(self, exc: UserError) -> None:
        self.message.setStyleSheet("color: #B3261E")
        self.message.setText(exc.text(self.app.lang))

    def save_template(self) -> None:
        name, cols = self.template_name.text(), self.columns()
        try:
            hours_export.save_template(self.app.services, name, cols)
        except UserError as exc:
            self._failed(exc)
            return
        self._load_templates(name.strip())
        self.message.setStyleSheet("color: #1E6E2E")
        self.message.setText(fill(self.tr("已保存模板“%1”"), name.strip()))

    def export(self, path: str | Path | None = None) -> None:
        if path is None:
            suggested = str(Path.home() / fill(self.tr("志愿服务时长_%1.xlsx"), f"{self.month:%Y%m}"))
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("导出 Excel"), suggested, "Excel (*.xlsx)")
            if not chosen:
                return
            path = chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx"
        ctx, month, cols, full = self.app.services, self.month, self.columns(), self.unmasked.isChecked()
        target = Path(path)

        def done(n: int) -> None:
            self.message.setStyleSheet("color: #1E6E2E")
            self.message.setText(fill(self.tr("已导出 %1 位志愿者到 %2"), n, target))

        self.app.runner.run(
            lambda: hours_export.export_hours_job(
                ctx, target, month, cols, unmasked=full, lang=self.app.lang
            ),
            parent=self,
            title=self.tr("导出志愿服务时长"),
            on_success=done,
            on_user_error=self._failed,
        )
