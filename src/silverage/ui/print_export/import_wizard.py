"""The import wizard: choose workbooks, confirm the column mapping, look at the preview, import.

Every step that reads or writes runs on the task runner (progress + Cancel). The preview is a dry run;
"导入" writes the previewed rows in one transaction (Cancel rolls everything back). The rejected rows
can be saved as an error workbook, fixed there and imported again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.enums import Disability, Economic, Gender, Living, Mobility
from silverage.domain.permissions import Action
from silverage.io import header_map
from silverage.io.excel_errors import write_error_workbook
from silverage.services.print_export import roster_import
from silverage.services.print_export.roster_import import Diff, ImportPlan, ImportResult, TableInfo
from silverage.ui.shell.app_context import AppContext
from silverage.ui.shell.tasks import show_error
from silverage.ui.widgets.field_label import field_label
from silverage.ui.widgets.wording import fill, pick

FILES, MAPPING, PREVIEW, REPORT = range(4)
ENUM_FIELDS = {
    "gender": Gender,
    "living": Living,
    "disability": Disability,
    "mobility": Mobility,
    "economic": Economic,
}


def _table(headers: list[str], rows: list[tuple[object, ...]], parent: QWidget) -> QTableWidget:
    t = QTableWidget(len(rows), len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            item = QTableWidgetItem("" if v is None else str(v))
            item.setToolTip(item.text())  # long reasons are cut off in the cell
            t.setItem(r, c, item)
    t.horizontalHeader().setStretchLastSection(True)
    t.resizeColumnsToContents()
    return t


class ImportWizard(QDialog):
    """``create_places``: start with "create the places the workbook names" ticked (a new office's
    first import); the box is offered only to those who may set up places."""

    def __init__(
        self,
        app: AppContext,
        parent: QWidget | None = None,
        today: date | None = None,
        create_places: bool = False,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.today = today
        self.files: list[Path] = []
        self.tables: list[TableInfo] = []
        self.mapping_boxes: dict[str, list[QComboBox]] = {}
        self.mapping_grids: dict[str, QTableWidget] = {}
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.setWindowTitle(self.tr("导入Excel花名册"))
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        self.step_label = QLabel(self)
        layout.addWidget(self.step_label)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._files_page())
        self.mapping_tabs = QTabWidget(self)
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.addWidget(
            QLabel(self.tr("请核对每一列对应的内容；改动会被记住，下次导入同样格式的表格时自动使用。"), page)
        )
        v.addWidget(QLabel(self.tr("示例取自每列的前几行数据，身份证号码和电话号码已部分隐藏。"), page))
        v.addWidget(self.mapping_tabs, 1)
        self.stack.addWidget(page)
        page = QWidget(self)
        v = QVBoxLayout(page)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        # Rows refused only for an old 15-digit ID: preview again with the 18-digit numbers they
        # became, once someone has checked them against the cards (the preview lists them masked).
        self.upgrade_button = QPushButton(self.tr("升级15位身份证号码"), page)
        self.upgrade_button.setToolTip(
            self.tr("把15位旧号码换成对应的18位号码后重新预览；请先对照身份证核对拒绝原因中列出的号码")
        )
        self.upgrade_button.clicked.connect(self.upgrade_old_ids)
        self.upgrade_button.setVisible(False)
        v.addWidget(self.upgrade_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.preview_tabs = QTabWidget(page)
        v.addWidget(self.preview_tabs, 1)
        self.stack.addWidget(page)
        page = QWidget(self)
        v = QVBoxLayout(page)
        self.report = QLabel(page)
        self.report.setWordWrap(True)
        v.addWidget(self.report)
        v.addStretch(1)
        self.stack.addWidget(page)
        buttons = QHBoxLayout()
        self.errors_button = QPushButton(self.tr("保存错误工作簿…"), self)
        self.errors_button.clicked.connect(self._save_errors_dialog)
        self.back_button = QPushButton(self.tr("上一步"), self)
        self.next_button = QPushButton(self.tr("下一步"), self)
        self.import_button = QPushButton(self.tr("导入"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        buttons.addWidget(self.errors_button)
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self.create_places.setChecked(create_places and self._may_create_places)
        self._show(FILES)

    # ------------------------------------------------------------------ pages

    def _files_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.addWidget(
            QLabel(
                self.tr(
                    "选择要导入的Excel工作簿（.xlsx，可多个，例如每个社区一份）。"
                    "旧版.xls、WPS .et和CSV请先另存为.xlsx。"
                ),
                page,
            )
        )
        self.file_list = QListWidget(page)
        v.addWidget(self.file_list, 1)
        self.create_places = QCheckBox(
            self.tr("表格里出现、系统中还没有的社区、网格和微网格，导入时一并新建（预览中列出）"), page
        )
        self._may_create_places = self.app.services.actor.may(Action.EDIT_PLACES)
        self.create_places.setVisible(self._may_create_places)
        v.addWidget(self.create_places)
        # A password-protected workbook (an unmasked or complete export): its password, used in memory.
        self.password_row = QWidget(page)
        pw = QHBoxLayout(self.password_row)
        pw.setContentsMargins(0, 0, 0, 0)
        self.password_edit = QLineEdit(self.password_row)
        self.password_edit.setObjectName("import_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        pw.addWidget(QLabel(self.tr("文件设置了打开密码，请输入："), self.password_row))
        pw.addWidget(self.password_edit, 1)
        self.password_row.setVisible(False)
        v.addWidget(self.password_row)
        row = QHBoxLayout()
        add = QPushButton(self.tr("添加文件…"), page)
        clear = QPushButton(self.tr("清空"), page)
        add.clicked.connect(self._choose_files)
        clear.clicked.connect(lambda: self.set_files([]))
        row.addWidget(add)
        row.addWidget(clear)
        row.addStretch(1)
        v.addLayout(row)
        return page

    def _show(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        titles = {
            FILES: self.tr("第1步：选择文件"),
            MAPPING: self.tr("第2步：核对列的对应"),
            PREVIEW: self.tr("第3步：预览（尚未写入）"),
            REPORT: self.tr("完成"),
        }
        self.step_label.setText(f"<b>{titles[step]}</b>")
        self.back_button.setEnabled(step in (MAPPING, PREVIEW))
        self.next_button.setVisible(step in (FILES, MAPPING))
        self.next_button.setEnabled(step != FILES or bool(self.files))
        self.import_button.setVisible(step == PREVIEW)
        self.import_button.setEnabled(
            step == PREVIEW and self.plan is not None and bool(self.plan.created or self.plan.updated)
        )
        self.errors_button.setVisible(
            step in (PREVIEW, REPORT)
            and self.plan is not None
            and bool(self.plan.rejected or self.plan.warnings)
        )

    def set_files(self, files: list[Path]) -> None:
        self.files = [Path(f) for f in files]
        self.file_list.clear()
        self.file_list.addItems([str(f) for f in self.files])
        from silverage.io.encrypted_xlsx import is_encrypted

        self.password_row.setVisible(any(is_encrypted(f) for f in self.files))
        self._show(FILES)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择Excel花名册"), "", self.tr("Excel 工作簿 (*.xlsx);;所有文件 (*)")
        )
        if names:
            self.set_files(self.files + [Path(n) for n in names])

    def file_password(self) -> str | None:
        return self.password_edit.text() or None

    def back(self) -> None:
        self._show(max(FILES, self.stack.currentIndex() - 1))

    def next(self) -> None:
        if self.stack.currentIndex() == FILES:
            self.go_mapping()
        elif self.stack.currentIndex() == MAPPING:
            self.start_preview()

    # ------------------------------------------------------------------ mapping

    def go_mapping(self) -> None:
        try:
            self.tables = roster_import.describe_tables(
                self.app.services, self.files, password=self.file_password()
            )
        except Exception as exc:  # a bad file: say why, stay on the file page
            show_error(self, self.tr("导入Excel花名册"), exc)
            return
        self.mapping_tabs.clear()
        self.mapping_boxes.clear()
        self.mapping_grids.clear()
        for info in self.tables:
            if info.signature in self.mapping_boxes:
                continue  # sheets with the same layout share one mapping
            page = self._mapping_page(info)
            label = f"{info.source} / {info.sheet}" + (self.tr("（已记住）") if info.remembered else "")
            self.mapping_tabs.addTab(page, label)
        self._show(MAPPING)

    def _mapping_page(self, info: TableInfo) -> QWidget:
        """One table's columns: the header, a few (masked) values from its first rows, the field."""
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setContentsMargins(4, 4, 4, 4)
        if info.remembered:
            note = QLabel(
                self.tr("已沿用上次的对应：表头相同的表格上次是这样导入的，如有不对可以修改。"), page
            )
            note.setWordWrap(True)
            note.setObjectName("remembered")
            v.addWidget(note)
        grid = QTableWidget(len(info.headers), 3, page)
        grid.setHorizontalHeaderLabels([self.tr("表格中的列"), self.tr("示例（前几行）"), self.tr("导入为")])
        grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        grid.verticalHeader().setVisible(False)
        boxes = []
        for col, header in enumerate(info.headers):
            grid.setItem(col, 0, QTableWidgetItem(header or self.tr("（无表头）")))
            samples = info.samples[col] if col < len(info.samples) else ()
            shown = QTableWidgetItem(self.tr("、").join(samples))
            shown.setToolTip("\n".join(samples))
            grid.setItem(col, 1, shown)
            box = QComboBox(grid)
            box.addItem(self.tr("（不导入）"), header_map.IGNORE)
            for spec in header_map.FIELDS:
                if spec.key != header_map.IGNORE:
                    box.addItem(spec.label(self.app.lang), spec.key)
            box.setCurrentIndex(max(0, box.findData(info.mapping.get(col, header_map.IGNORE))))
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            grid.setCellWidget(col, 2, box)
            boxes.append(box)
        head = grid.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        v.addWidget(grid, 1)
        self.mapping_boxes[info.signature] = boxes
        self.mapping_grids[info.signature] = grid
        return page

    def _field_chosen_twice(self) -> str:
        """Two columns chosen for one field would fill it twice: say which, import nothing yet."""
        for sig, boxes in self.mapping_boxes.items():
            headers = next(t.headers for t in self.tables if t.signature == sig)
            seen: dict[str, int] = {}
            for col, box in enumerate(boxes):
                key = box.currentData()
                if key == header_map.IGNORE:
                    continue
                if key in seen:
                    return fill(
                        self.tr(
                            "“%1”和“%2”两列都导入为“%3”：每项内容只能来自一列，请把其中一列改为“（不导入）”"
                        ),
                        headers[seen[key]] or self.tr("（无表头）"),
                        headers[col] or self.tr("（无表头）"),
                        box.currentText(),
                    )
                seen[key] = col
        return ""

    def mappings(self) -> dict[str, dict[int, str]]:
        out = {}
        for sig, boxes in self.mapping_boxes.items():
            out[sig] = {
                col: box.currentData()
                for col, box in enumerate(boxes)
                if box.currentData() != header_map.IGNORE
            }
        return out

    # ------------------------------------------------------------------ preview and import

    def start_preview(self, upgrade_15_digit_ids: bool = False) -> None:
        mappings = self.mappings()
        if any(header_map.missing_required(mapping) for mapping in mappings.values()):
            self.step_label.setText(self.tr("请指定“姓名”和“身份证号码”两列"))
            return
        twice = self._field_chosen_twice()
        if twice:
            self.step_label.setText(twice)
            return
        ctx, files, today = self.app.services, list(self.files), self.today
        password = self.file_password()
        create = self.create_places.isChecked() and self._may_create_places
        upgrade = upgrade_15_digit_ids
        self.plan = None
        self.app.runner.run(
            lambda: roster_import.plan_job(
                ctx,
                files,
                mappings,
                today,
                create_places=create,
                upgrade_15_digit_ids=upgrade,
                password=password,
            ),
            parent=self,
            title=self.tr("正在检查表格"),
            on_success=self._previewed,
        )

    def upgrade_old_ids(self) -> None:
        self.start_preview(upgrade_15_digit_ids=True)

    def _previewed(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.upgrade_button.setVisible(plan.old_id_rows > 0 and not plan.upgrade_15_digit_ids)
        if plan.old_id_rows:
            self.upgrade_button.setText(fill(self.tr("升级15位身份证号码（%1 行）"), plan.old_id_rows))
        self.summary.setText(
            fill(
                self.tr(
                    "读取 %1 行：新增 %2 人，更新 %3 人，无变化 %4 人，拒绝 %5 行，"
                    "合并重复 %6 行。尚未写入任何数据。"
                ),
                plan.rows_read,
                len(plan.created),
                len(plan.updated),
                len(plan.unchanged),
                plan.rejected_rows,
                plan.merged_duplicates,
            )
            + (
                "\n"
                + fill(
                    self.tr("%1 条警告：这些人会导入，但所列内容未导入或待处理（见“警告”页）。"),
                    len(plan.warnings),
                )
                if plan.warnings
                else ""
            )
        )
        self.preview_tabs.clear()
        lang, change = self.app.lang, self.tr("%1：%2 → %3")
        where = [self.tr("工作表"), self.tr("行")]
        self.preview_tabs.addTab(
            _table(
                where + [self.tr("姓名"), self.tr("身份证号码"), self.tr("地点"), field_label("living")],
                [
                    (
                        p.sheet,
                        p.row,
                        p.name,
                        p.id_masked,
                        self._place(plan, p.inp.micro_grid_id),
                        self._living(p),
                    )
                    for p in plan.created
                ],
                self,
            ),
            fill(self.tr("新增 (%1)"), len(plan.created)),
        )
        self.preview_tabs.addTab(
            _table(
                where + [self.tr("姓名"), self.tr("变化")],
                [
                    (
                        p.sheet,
                        p.row,
                        p.name,
                        self.tr("；").join(
                            fill(change, d.label(lang), self._value(d, d.old), self._value(d, d.new))
                            for d in p.diffs
                        ),
                    )
                    for p in plan.updated
                ],
                self,
            ),
            fill(self.tr("更新 (%1)"), len(plan.updated)),
        )
        self.preview_tabs.addTab(
            _table(
                where + [self.tr("列"), self.tr("原因")],
                [(r.sheet, r.row, r.column, pick(lang, r.zh, r.en)) for r in plan.rejected],
                self,
            ),
            fill(self.tr("拒绝 (%1)"), plan.rejected_rows),
        )
        if plan.warnings:
            # The people land; these cells did not (or the person awaits a micro-grid).
            self.preview_tabs.addTab(
                _table(
                    where + [self.tr("列"), self.tr("内容"), self.tr("说明")],
                    [
                        (w.sheet, w.row, w.column or field_label(w.field), w.value, pick(lang, w.zh, w.en))
                        for w in plan.warnings
                    ],
                    self,
                ),
                fill(self.tr("警告 (%1)"), len(plan.warnings)),
            )
        if plan.places_created:
            self.preview_tabs.addTab(
                _table([self.tr("将新建的地点")], [(p,) for p in plan.places_created], self),
                fill(self.tr("新建地点 (%1)"), len(plan.places_created)),
            )
        if plan.skipped_sheets:
            self.preview_tabs.addTab(
                _table(
                    [self.tr("文件"), self.tr("工作表"), self.tr("原因")],
                    [(f, s, pick(lang, zh, en)) for f, s, zh, en in plan.skipped_sheets],
                    self,
                ),
                self.tr("跳过的工作表"),
            )
        self._show(PREVIEW)

    @staticmethod
    def _place(plan: ImportPlan, micro_grid_id: int | None) -> str:
        """Where a new person lands, as the roster names it (社区/网格/微网格)."""
        if plan.places is None or micro_grid_id is None:
            return "—"
        return "/".join(n for n in plan.places.names_of(micro_grid_id) if n) or "—"

    def _living(self, row: object) -> str:
        value = getattr(getattr(row, "inp", None), "living", "")
        return Living(value).label(self.app.lang) if value in {m.value for m in Living} else "—"

    def _value(self, diff: Diff, value: str) -> str:
        """A changed value as the person editor shows it: 独居, not "alone"; 是/否, not True/False."""
        if not value:
            return "—"
        enum = ENUM_FIELDS.get(diff.field)
        if enum is not None and value in {m.value for m in enum}:
            return enum(value).label(self.app.lang)
        if value in ("True", "False"):
            return self.tr("是") if value == "True" else self.tr("否")
        return value

    def start_import(self) -> None:
        if self.plan is None:
            return
        ctx, plan, today = self.app.services, self.plan, self.today
        self.import_button.setEnabled(False)
        self.app.run(
            lambda: roster_import.apply_job(ctx, plan, today),
            parent=self,
            title=self.tr("正在导入"),
            on_done=self._imported,
            on_finally=lambda: self.import_button.setEnabled(self.result is None),
        )

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self.report.setText(
            fill(
                self.tr("导入完成：新增 %1 人，更新 %2 人，无变化 %3 人，拒绝 %4 行。"),
                result.created,
                result.updated,
                result.unchanged,
                result.rejected,
            )
            + (self.tr("被拒绝的行没有导入，可保存为错误工作簿，修改后再次导入。") if result.rejected else "")
            + (
                "\n"
                + fill(
                    self.tr(
                        "%1 条警告（见预览的“警告”页，也写在错误工作簿中）；"
                        "没有微网格的人在花名册“只看待分配微网格”中。"
                    ),
                    len(self.plan.warnings),
                )
                if self.plan is not None and self.plan.warnings
                else ""
            )
            + (
                "\n"
                + fill(
                    self.tr("新建了 %1 个地点：%2"),
                    len(result.places_created),
                    self.tr("、").join(result.places_created),
                )
                if result.places_created
                else ""
            )
        )
        self._show(REPORT)

    def save_errors(self, path: Path) -> int:
        assert self.plan is not None
        return write_error_workbook(
            path, self.plan.rejected, self.plan.headers, self.app.lang, warnings=self.plan.warnings
        )

    def _save_errors_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存错误工作簿"), "导入错误.xlsx", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            n = self.save_errors(Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"))
            self.report.setText(self.report.text() + "\n" + fill(self.tr("已保存 %1 行到错误工作簿"), n))
            self.summary.setText(self.summary.text() + "\n" + fill(self.tr("已保存 %1 行到错误工作簿"), n))
