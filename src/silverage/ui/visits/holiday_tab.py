"""The editable holiday table: statutory holidays and 调休 working days the library does not know yet."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

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
        self.holiday_kind = QComboBox(w)
        for k in HolidayKind:
            self.holiday_kind.addItem(k.label(self.lang), k.value)
        self.holiday_name = QLineEdit(w)
        self.holiday_name.setPlaceholderText(self.tr("名称，如：元旦"))
        add, remove = QPushButton(self.tr("添加/修改"), w), QPushButton(self.tr("删除选中"), w)
        add.clicked.connect(self.add_holiday)
        remove.clicked.connect(self.remove_holiday)
        for x in (
            QLabel(self.tr("年份"), w),
            self.holiday_year,
            self.holiday_day,
            self.holiday_kind,
            self.holiday_name,
            add,
            remove,
        ):
            row.addWidget(x)
        row.addStretch(1)
        lay.addLayout(row)
        self.holiday_model = SimpleTableModel([self.tr("日期"), self.tr("类型"), self.tr("名称")], w)
        self.holiday_view = table(self.holiday_model, w)
        lay.addWidget(self.holiday_view)

    def refresh(self) -> None:
        year = self.holiday_year.value()
        rows = visit_settings.list_holidays(self.app.services, year)
        self.holiday_model.set_rows(
            [(h.day.isoformat(), self._enum(HolidayKind, h.kind), h.name) for h in rows],
            [h.day for h in rows],
        )
        warnings = WorkCalendar({h.day: h.kind for h in rows}).warnings(date(year, 1, 1), date(year, 12, 31))
        self.holiday_note.setText(
            "\n".join(x.text(self.lang) for x in warnings)
            if warnings
            else fill(self.tr("%1年的法定节假日和调休已由节假日库提供；此表中的日期优先。"), year)
        )

    def add_holiday(self) -> None:
        ctx, day = self.app.services, pydate(self.holiday_day)
        kind, name = self.holiday_kind.currentData(), self.holiday_name.text().strip()
        self.holiday_year.setValue(day.year)
        self.run(lambda: visit_settings.set_holiday(ctx, day, kind, name), self.tr("设置节假日"))

    def remove_holiday(self) -> None:
        key = selected_key(self.holiday_view)
        if isinstance(key, date):
            ctx = self.app.services
            self.run(lambda: visit_settings.remove_holiday(ctx, key), self.tr("删除节假日"))
