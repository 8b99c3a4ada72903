"""A volunteer's week at a glance: 7 days x morning/afternoon, the visits in each cell.

The coordinator phones a volunteer and reads out "Tuesday morning: 王秀英, 李桂兰 (phone)"; the
list view answers that question only after sorting and scrolling. With every volunteer selected
the cells show how many visits fall in each half-day instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from silverage.domain.enums import VisitKind, VisitStatus
from silverage.services.visits.visit_rows import VisitRow
from silverage.ui.widgets.wording import fill


class VolunteerWeekView(QTableWidget):
    def __init__(self, parent: QWidget | None = None, lang: str = "zh") -> None:
        super().__init__(2, 7, parent)
        self.lang = lang
        self.setVerticalHeaderLabels([self.tr("上午"), self.tr("下午")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def show_week(
        self,
        monday: date,
        rows: Sequence[VisitRow],
        one_volunteer: bool,
        is_working_day=None,  # noqa: ANN001
    ) -> None:
        """Fill the grid for the week starting ``monday``; ``is_working_day`` greys out days off."""
        names = (
            self.tr("周一"),
            self.tr("周二"),
            self.tr("周三"),
            self.tr("周四"),
            self.tr("周五"),
            self.tr("周六"),
            self.tr("周日"),
        )
        self.setHorizontalHeaderLabels([f"{names[i]}\n{monday + timedelta(days=i):%m-%d}" for i in range(7)])
        cells: dict[tuple[int, int], list[VisitRow]] = {}
        for r in rows:
            i = (r.planned_date - monday).days
            if 0 <= i < 7:
                cells.setdefault((r.half_day, i), []).append(r)
        for half in (0, 1):
            for i in range(7):
                visits = cells.get((half, i), [])
                if one_volunteer:
                    text = "\n".join(self._line(r) for r in visits)
                else:
                    text = self.tr("%n 次", "", len(visits)) if visits else ""
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                day = monday + timedelta(days=i)
                if is_working_day is not None and not is_working_day(day):
                    item.setBackground(QBrush(QColor("#EEEEEE")))
                    item.setToolTip(self.tr("非工作日"))
                self.setItem(half, i, item)

    def _line(self, r: VisitRow) -> str:
        text = r.elder_name
        if r.kind != VisitKind.HOME.value:
            text = fill(self.tr("%1（%2）"), text, VisitKind(r.kind).label(self.lang))
        if r.status != VisitStatus.PLANNED.value:
            text += f" [{VisitStatus(r.status).label(self.lang)}]"
        return text
