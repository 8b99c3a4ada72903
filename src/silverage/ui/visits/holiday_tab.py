"""The holiday table: the year's published or predicted (预测) days and the office's own, side by side.

A supervisor enters days the library does not know yet, and confirms, moves or takes back a predicted
break (select one of its days); the office's days win over the library and over the prediction.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from silverage.domain.calendar_cn import WorkCalendar
from silverage.domain.enums import HolidayKind
from silverage.domain.holiday_table import DaySource
from silverage.services.visits import visit_settings
from silverage.ui.visits.visit_tab_base import VisitTab, date_edit, pydate, selected_key, table
from silverage.ui.widgets.simple_table import SimpleTableModel
from silverage.ui.widgets.wording import fill

if TYPE_CHECKING:
    from silverage.ui.visits.visit_tab_base import VisitHost


class HolidayTab(VisitTab):
    def __init__(self, page: VisitHost) -> None:
        super().__init__(page)
        w = self
        lay = QVBoxLayout(w)
        self.holiday_note = QLabel(w)
        self.holiday_note.setWordWrap(True)
        lay.addWidget(self.holiday_note)
        row = QHBoxLayout()
        self.holiday_year = QSpinBox(w)
        self.holiday_year.setRange(2000, 2100)
        self.holiday_year.setValue(self.today.year + 1)
        self.holiday_year.valueChanged.connect(lambda _v: self.refresh())
        self.holiday_day = date_edit(date(self.today.year + 1, 1, 1), w)
        self.holiday_until = date_edit(date(self.today.year + 1, 1, 1), w)
        self.holiday_until.setToolTip(self.tr("录入或修改一段假期时的最后一天（只录一天时与开始日相同）"))
        self.holiday_kind = QComboBox(w)
        for k in HolidayKind:
            self.holiday_kind.addItem(k.label(self.lang), k.value)
        self.holiday_name = QLineEdit(w)
        self.holiday_name.setPlaceholderText(self.tr("名称，如：元旦"))
        self.holiday_name.setMinimumWidth(170)
        add, remove = QPushButton(self.tr("添加/修改"), w), QPushButton(self.tr("删除选中"), w)
        add.clicked.connect(self.add_holiday)
        remove.clicked.connect(self.remove_holiday)
        for x in (
            QLabel(self.tr("年份"), w),
            self.holiday_year,
            self.holiday_day,
            QLabel(self.tr("至"), w),
            self.holiday_until,
            self.holiday_kind,
            self.holiday_name,
            add,
            remove,
        ):
            row.addWidget(x)
        row.addStretch(1)
        lay.addLayout(row)
        predicted = QHBoxLayout()
        confirm = QPushButton(self.tr("确认所选预测假期"), w)
        change = QPushButton(self.tr("把所选预测假期改为上面的日期"), w)
        drop = QPushButton(self.tr("取消所选预测假期"), w)
        confirm.clicked.connect(self.confirm_predicted)
        change.clicked.connect(self.change_predicted)
        drop.clicked.connect(self.drop_predicted)
        for b in (confirm, change, drop):
            predicted.addWidget(b)
        predicted.addStretch(1)
        lay.addLayout(predicted)
        self.edit_widgets = [add, remove, confirm, change, drop]
        self.holiday_model = SimpleTableModel(
            [self.tr("日期"), self.tr("星期"), self.tr("类型"), self.tr("名称"), self.tr("来源")], w
        )
        self.holiday_view = table(self.holiday_model, w)
        lay.addWidget(self.holiday_view)

    def refresh(self) -> None:
        year = self.holiday_year.value()
        rows = visit_settings.year_table(self.app.services, year)
        self.holiday_model.set_rows(
            [
                (
                    h.day.isoformat(),
                    self.weekdays()[h.day.weekday()],
                    self._enum(HolidayKind, h.kind),
                    h.name if self.lang.startswith("zh") else h.name_en,
                    h.source.label(self.lang),
                )
                for h in rows
            ],
            [h.day for h in rows],
            [_SOURCE_COLOURS[h.source] for h in rows],
        )
        self.holiday_view.resizeColumnsToContents()  # English kinds and names are longer
        entered = {h.day: h.kind for h in rows if h.source is DaySource.OFFICE}
        warnings = WorkCalendar(entered).warnings(date(year, 1, 1), date(year, 12, 31))
        self.holiday_note.setText(
            "\n".join(x.text(self.lang) for x in warnings)
            if warnings
            else fill(self.tr("%1年的法定节假日和调休已由节假日库提供；此表中的日期优先。"), year)
        )
        for b in self.edit_widgets:  # the service checks too; a worker sees the table only
            b.setEnabled(self.app.services.actor.is_supervisor)

    def weekdays(self) -> list[str]:
        """周一 … 周日 / Mon … Sun, from Qt's locale data in the app's language."""
        lang = QLocale.Language.Chinese if self.lang.startswith("zh") else QLocale.Language.English
        loc = QLocale(lang)
        return [loc.dayName(n, QLocale.FormatType.ShortFormat) for n in range(1, 8)]

    def _range(self) -> tuple[date, date]:
        first, last = pydate(self.holiday_day), pydate(self.holiday_until)
        return first, max(first, last) if last.year == first.year else first

    def add_holiday(self) -> None:
        ctx, (first, last) = self.app.services, self._range()
        kind, name = self.holiday_kind.currentData(), self.holiday_name.text().strip()
        self.holiday_year.setValue(first.year)
        self.run(lambda: visit_settings.set_holidays(ctx, first, last, kind, name), self.tr("设置节假日"))

    def remove_holiday(self) -> None:
        key = selected_key(self.holiday_view)
        if isinstance(key, date):
            ctx = self.app.services
            self.run(lambda: visit_settings.remove_holiday(ctx, key), self.tr("删除节假日"))

    def _selected_day(self) -> date | None:
        key = selected_key(self.holiday_view)
        if not isinstance(key, date):
            self.say(self.tr("请先在表中选中预测假期的一天"), error=True)
            return None
        return key

    def confirm_predicted(self) -> None:
        day, ctx = self._selected_day(), self.app.services
        if day is not None:
            self.run(lambda: visit_settings.confirm_predicted(ctx, day), self.tr("确认预测假期"))

    def change_predicted(self) -> None:
        day, ctx, (first, last) = self._selected_day(), self.app.services, self._range()
        if day is not None:
            self.run(lambda: visit_settings.change_predicted(ctx, day, first, last), self.tr("修改预测假期"))

    def drop_predicted(self) -> None:
        day, ctx = self._selected_day(), self.app.services
        if day is not None:
            self.run(lambda: visit_settings.change_predicted(ctx, day, None, None), self.tr("取消预测假期"))


# Predicted days stand out (amber, as an estimate); the office's own blue; published ones plain.
_SOURCE_COLOURS = {DaySource.PREDICTED: "#f0a020", DaySource.OFFICE: "#3070c0", DaySource.PUBLISHED: None}
