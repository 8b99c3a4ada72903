"""The "打印" tab: choose a printout, look at it, then print it or save it as a PDF.

Every printout is first written to a PDF by the printing service (on the worker thread, with progress
and Cancel, audited there); preview, printer and "save as" all use that same file, so what was looked
at is exactly what comes out of the printer.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Generator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.progress import Progress
from silverage.services.map import map_print
from silverage.services.map import points as map_points
from silverage.services.print_export import birthday_print, hours_print, printing
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.date_box import DateBox
from silverage.ui.widgets.pdf_preview import PdfPreview, print_pdf
from silverage.ui.widgets.wording import fill

JobFactory = Callable[[], Generator[Progress, None, "printing.PrintResult | map_print.MapPrintResult"]]

SHEETS_BY_VOLUNTEER = "sheets_volunteer"
SHEETS_BY_MICRO_GRID = "sheets_micro_grid"
ROSTER = "roster"
CALL_LIST = "call_list"
BLANK = "blank"
POINT_MAP = "point_map"
BIRTHDAYS = "birthdays"
HOURS = "hours"


def recent_months(today: date, n: int = 12) -> list[date]:
    """This month and the n - 1 before it (first days), newest first."""
    out, y, m = [], today.year, today.month
    for _ in range(n):
        out.append(date(y, m, 1))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out


def next_week(today: date) -> tuple[date, date]:
    monday = today + timedelta(days=7 - today.weekday())
    return monday, monday + timedelta(days=6)


class _PrintFiles:
    """A private temp folder for previews; removed with the widget (the files hold personal data)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="silverage-print-"))
        self.counter = 0

    def new(self, stem: str) -> Path:
        self.counter += 1
        return self.folder / f"{stem}-{self.counter}.pdf"

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class PrintPanel(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = today or app.clock.today()
        self.files = _PrintFiles()
        self.destroyed.connect(lambda *_: self.files.remove())
        self.last_result: printing.PrintResult | map_print.MapPrintResult | None = None
        self._build()
        self.reload_choices()
        self._kind_changed()

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        form = QFormLayout()
        self.kind_box = QComboBox(self)
        for key, text in (
            (SHEETS_BY_VOLUNTEER, self.tr("探访单（每位志愿者一份）")),
            (SHEETS_BY_MICRO_GRID, self.tr("探访单（每个微网格一份）")),
            (ROSTER, self.tr("花名册（按社区、等级）")),
            (CALL_LIST, self.tr("专项行动电话名单")),
            (BLANK, self.tr("空白探访表")),
            (POINT_MAP, self.tr("三色点位图（每个网格一页）")),
            (BIRTHDAYS, self.tr("寿星名单（某月逢整寿的老人）")),
            (HOURS, self.tr("志愿服务时长证明（每位志愿者一页）")),
        ):
            self.kind_box.addItem(text, key)
        form.addRow(self.tr("打印内容"), self.kind_box)
        start, end = next_week(self.today)
        self.start_edit = DateBox(start, self)
        self.end_edit = DateBox(end, self)
        period = QHBoxLayout()
        period.addWidget(self.start_edit)
        self.period_to = QLabel(self.tr("至"), self)
        period.addWidget(self.period_to)
        period.addWidget(self.end_edit)
        self.period_label = QLabel(self.tr("探访日期"), self)
        form.addRow(self.period_label, period)
        self.volunteer_box = QComboBox(self)
        self.volunteer_label = QLabel(self.tr("志愿者"), self)
        form.addRow(self.volunteer_label, self.volunteer_box)
        self.micro_box = QComboBox(self)
        self.micro_label = QLabel(self.tr("微网格"), self)
        form.addRow(self.micro_label, self.micro_box)
        self.campaign_box = QComboBox(self)
        self.campaign_label = QLabel(self.tr("专项行动"), self)
        form.addRow(self.campaign_label, self.campaign_box)
        self.map_place_box = QComboBox(self)
        self.map_place_label = QLabel(self.tr("社区或网格"), self)
        form.addRow(self.map_place_label, self.map_place_box)
        self.map_size_box = QComboBox(self)
        for size in ("A3", "A4"):
            self.map_size_box.addItem(fill(self.tr("%1 横向"), size), size)
        self.map_size_label = QLabel(self.tr("纸张"), self)
        form.addRow(self.map_size_label, self.map_size_box)
        self.month_edit = DateBox(self.today.replace(day=1), self, month=True)
        self.month_label = QLabel(self.tr("月份"), self)
        form.addRow(self.month_label, self.month_edit)
        self.month_box = QComboBox(self)
        for first in recent_months(self.today):
            self.month_box.addItem(fill(self.tr("%1年%2月"), first.year, first.month), first)
        self.hours_month_label = QLabel(self.tr("服务月份"), self)
        form.addRow(self.hours_month_label, self.month_box)
        self.hours_excel_button = QPushButton(self.tr("导出时长 Excel（志愿者平台）…"), self)
        self.hours_excel_button.clicked.connect(self.export_hours_excel)
        form.addRow("", self.hours_excel_button)
        self.unmasked_box = QCheckBox(self.tr("显示完整身份证号和电话（仅督导，会记录在操作日志中）"), self)
        self.unmasked_box.setEnabled(self.app.services.actor.is_supervisor)
        form.addRow("", self.unmasked_box)

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("预览"), self)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.save_button = QPushButton(self.tr("保存为 PDF…"), self)
        for b in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        privacy = self.tr("打印的纸张含个人信息：请交给志愿者本人，用后收回。每次打印都记入操作日志。")
        note = QLabel(privacy, self)
        note.setWordWrap(True)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.addLayout(form)
        lv.addLayout(buttons)
        lv.addWidget(self.status)
        lv.addStretch(1)
        lv.addWidget(note)
        self.preview = PdfPreview(self)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.preview_button.clicked.connect(lambda: self.preview_pdf())
        self.print_button.clicked.connect(lambda: self.print_now())
        self.save_button.clicked.connect(lambda: self.save_pdf())

    def reload_choices(self) -> None:
        choices = printing.choices(self.app.services)
        self.volunteer_box.clear()
        self.volunteer_box.addItem(self.tr("全部志愿者"), None)
        where = self.tr("%1（%2）")
        for vid, name, micro_grid in choices.volunteers:
            self.volunteer_box.addItem(fill(where, name, micro_grid) if micro_grid else name, vid)
        self.micro_box.clear()
        self.micro_box.addItem(self.tr("全部微网格"), None)
        for gid, label in choices.micro_grids:
            self.micro_box.addItem(label, gid)
        self.campaign_box.clear()
        for name in choices.campaigns:
            self.campaign_box.addItem(name, name)
        self.map_place_box.clear()
        self.map_place_box.addItem(self.tr("全部社区（每个网格一页）"), (None, None))
        for place in map_points.places(self.app.services):
            self.map_place_box.addItem(place.community, (place.community_id, None))
            for gid, name in place.grids:
                self.map_place_box.addItem(f"    {place.community} · {name}", (place.community_id, gid))

    def _kind_changed(self) -> None:
        kind = self.kind_box.currentData()
        sheets = kind in (SHEETS_BY_VOLUNTEER, SHEETS_BY_MICRO_GRID)
        for w in (
            self.period_label,
            self.start_edit,
            self.period_to,
            self.end_edit,
            self.volunteer_label,
            self.volunteer_box,
            self.micro_label,
            self.micro_box,
        ):
            w.setVisible(sheets)
        self.volunteer_box.setVisible(kind in (SHEETS_BY_VOLUNTEER, HOURS))
        self.volunteer_label.setVisible(kind in (SHEETS_BY_VOLUNTEER, HOURS))
        for w in (self.hours_month_label, self.month_box, self.hours_excel_button):
            w.setVisible(kind == HOURS)
        for w in (self.campaign_label, self.campaign_box):
            w.setVisible(kind == CALL_LIST)
        for w in (self.month_label, self.month_edit):
            w.setVisible(kind == BIRTHDAYS)
        self.unmasked_box.setVisible(kind == ROSTER)
        for w in (self.map_place_label, self.map_place_box, self.map_size_label, self.map_size_box):
            w.setVisible(kind == POINT_MAP)

    # ---------------------------------------------------------------- jobs

    def period(self) -> tuple[date, date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()  # type: ignore[return-value]

    def job_factory(self, out: Path) -> JobFactory:
        """The service job for the current choices, writing to ``out`` (read now, run later)."""
        ctx = self.app.services
        kind = self.kind_box.currentData()
        if kind in (SHEETS_BY_VOLUNTEER, SHEETS_BY_MICRO_GRID):
            start, end = self.period()
            vol = self.volunteer_box.currentData() if kind == SHEETS_BY_VOLUNTEER else None
            mg = self.micro_box.currentData()
            group = "micro_grid" if kind == SHEETS_BY_MICRO_GRID else "volunteer"
            return lambda: printing.sheets_job(
                ctx,
                out,
                start,
                end,
                volunteer=str(vol) if vol else None,
                micro_grid=str(mg) if mg else None,
                group_by=group,
            )
        if kind == ROSTER:
            unmasked = self.unmasked_box.isChecked()
            return lambda: printing.roster_job(ctx, out, unmasked=unmasked)
        if kind == CALL_LIST:
            name = self.campaign_box.currentData() or ""
            return lambda: printing.call_list_job(ctx, out, name)
        if kind == POINT_MAP:
            cid, gid = self.map_place_box.currentData() or (None, None)
            # A grid by its id alone (ids are unique); a community by its id; neither: every grid.
            community = None if cid is None or gid is not None else str(cid)
            grid = None if gid is None else str(gid)
            size = self.map_size_box.currentData()
            return lambda: map_print.map_job(ctx, out, community=community, grid=grid, size=size)
        if kind == BIRTHDAYS:  # names and communities only: nothing to mask on it
            month = self.month_edit.date()
            year, number = month.year(), month.month()
            return lambda: birthday_print.birthday_list_job(ctx, out, year, number)
        if kind == HOURS:
            month, vol = self.month_box.currentData(), self.volunteer_box.currentData()
            return lambda: hours_print.hours_certificates_job(ctx, out, month, str(vol) if vol else None)
        return lambda: printing.blank_form_job(ctx, out)

    def export_hours_excel(self) -> None:
        from silverage.ui.print_export.hours_export_dialog import HoursExportDialog

        HoursExportDialog(self.app, self.month_box.currentData(), self).exec()

    def _run(self, out: Path, then: Callable[[printing.PrintResult], None]) -> None:
        def done(result: Any) -> None:
            self.last_result = result
            self.status.setText(fill(self.tr("已生成 %n 页，涉及 %1 人。", "", result.pages), result.people))
            then(result)

        self.app.runner.run(
            self.job_factory(out), parent=self, title=self.tr("正在生成打印文件"), on_success=done
        )

    def preview_pdf(self) -> None:
        self._run(self.files.new("preview"), lambda r: self.preview.show_pdf(r.path))

    def print_now(self) -> None:
        self._run(self.files.new("print"), lambda r: print_pdf(r.path, self))

    def save_pdf(self, path: str | Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("保存为 PDF"), self._default_name(), self.tr("PDF 文件 (*.pdf)")
            )
            if not chosen:
                return
            path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
        target = Path(path)
        self._run(
            target,
            lambda r: self.status.setText(self.status.text() + " " + fill(self.tr("已保存到 %1"), r.path)),
        )

    def _default_name(self) -> str:
        kind = self.kind_box.currentData()
        start, end = self.period()
        week = (f"{start:%m%d}", f"{end:%m%d}")
        names = {
            SHEETS_BY_VOLUNTEER: fill(self.tr("探访单_%1-%2.pdf"), *week),
            SHEETS_BY_MICRO_GRID: fill(self.tr("探访单_微网格_%1-%2.pdf"), *week),
            ROSTER: fill(self.tr("花名册_%1.pdf"), f"{self.today:%Y%m%d}"),
            CALL_LIST: self.tr("电话名单.pdf"),
            BLANK: self.tr("空白探访表.pdf"),
            POINT_MAP: fill(self.tr("点位图_%1.pdf"), f"{self.today:%Y%m%d}"),
            BIRTHDAYS: fill(self.tr("寿星名单_%1.pdf"), self.month_edit.date().toString("yyyy-MM")),
            HOURS: fill(self.tr("志愿服务时长证明_%1.pdf"), f"{self.month_box.currentData():%Y%m}"),
        }
        return str(Path.home() / names.get(kind, self.tr("打印.pdf")))


class SelectionPrintDialog(QDialog):
    """Sheets for people chosen on the roster: preview first, then print or save."""

    def __init__(self, app: AppContext, parent: QWidget | None, elder_ids: list[int]) -> None:
        super().__init__(parent)
        self.app = app
        self.elder_ids = list(elder_ids)
        self.files = _PrintFiles()
        self.destroyed.connect(lambda *_: self.files.remove())
        self.result_: printing.PrintResult | None = None
        self.setWindowTitle(self.tr("打印探访单（%n 人）", "", len(self.elder_ids)))
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        self.preview = PdfPreview(self)
        layout.addWidget(self.preview, 1)
        box = QDialogButtonBox(self)
        self.print_button = box.addButton(self.tr("打印…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = box.addButton(self.tr("保存为 PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        for b in (self.print_button, self.save_button):
            b.setEnabled(False)
        layout.addWidget(box)

    def start(self) -> None:
        ctx, ids, out = self.app.services, self.elder_ids, self.files.new("selection")
        self.app.runner.run(
            lambda: printing.selection_job(ctx, out, ids),
            parent=self.parent(),
            title=self.tr("正在生成探访单"),
            on_success=self._ready,
        )

    def _ready(self, result: printing.PrintResult) -> None:
        self.result_ = result
        for b in (self.print_button, self.save_button):
            b.setEnabled(True)
        self.preview.show_pdf(result.path)
        self.show()

    def _print(self) -> None:
        if self.result_ is not None:
            print_pdf(self.result_.path, self)

    def _save(self) -> None:
        if self.result_ is None:
            return
        suggested = str(Path.home() / self.tr("探访单.pdf"))
        pdf = self.tr("PDF 文件 (*.pdf)")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存为 PDF"), suggested, pdf)
        if chosen:
            shutil.copyfile(self.result_.path, chosen)


def print_selection(app: AppContext, parent: QWidget | None, elder_ids: list[int]) -> SelectionPrintDialog:
    """The roster's bulk "打印探访单…": generate (with progress), then show the preview dialog."""
    dialog = SelectionPrintDialog(app, parent, elder_ids)
    dialog.start()
    return dialog
