"""The dashboard's overdue list: red first, longest silence first, with the person's phone masked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from silverage.domain.enums import Level
from silverage.services.visits.standing import OverduePerson
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.simple_table import SimpleTableModel


class OverdueListModel(SimpleTableModel):
    """Literal QCoreApplication.translate calls so pyside6-lupdate finds them; keys are elder ids."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(
            [
                QCoreApplication.translate("OverdueListModel", "等级"),
                QCoreApplication.translate("OverdueListModel", "姓名"),
                QCoreApplication.translate("OverdueListModel", "电话"),
                QCoreApplication.translate("OverdueListModel", "社区"),
                QCoreApplication.translate("OverdueListModel", "网格"),
                QCoreApplication.translate("OverdueListModel", "最近联系"),
                QCoreApplication.translate("OverdueListModel", "已过天数"),
                QCoreApplication.translate("OverdueListModel", "间隔（天）"),
            ],
            parent,
        )
        self.lang = lang

    def set_people(self, rows: list[OverduePerson]) -> None:
        never = QCoreApplication.translate("OverdueListModel", "从未")
        self.set_rows(
            [
                (
                    level_text(r.level, self.lang),
                    r.name,
                    r.phone,
                    r.community,
                    r.grid,
                    r.last_contact.isoformat() if r.last_contact else never,
                    r.days_since if r.days_since is not None else "—",
                    r.interval_days,
                )
                for r in rows
            ],
            [r.elder_id for r in rows],
            [Level(r.level).rgb for r in rows],
        )
