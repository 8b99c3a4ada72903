"""The overdue list (no contact within the level's interval) as the dashboard and Visits page show it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from silverage.domain.enums import Level
from silverage.services.visits.worklists import OverdueRow
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.simple_table import SimpleTableModel


class OverdueModel(SimpleTableModel):
    """Strings go through QCoreApplication.translate with literals so pyside6-lupdate finds them.

    Rows in the service's order (red first, longest silence first); keys are elder ids."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(
            [
                QCoreApplication.translate("OverdueModel", "等级"),
                QCoreApplication.translate("OverdueModel", "姓名"),
                QCoreApplication.translate("OverdueModel", "社区"),
                QCoreApplication.translate("OverdueModel", "网格"),
                QCoreApplication.translate("OverdueModel", "最近联系"),
                QCoreApplication.translate("OverdueModel", "已过天数"),
                QCoreApplication.translate("OverdueModel", "规定间隔（天）"),
            ],
            parent,
        )
        self.lang = lang

    def set_overdue(self, rows: list[OverdueRow]) -> None:
        never = QCoreApplication.translate("OverdueModel", "从未")
        self.set_rows(
            [
                (
                    level_text(r.level, self.lang),
                    r.name,
                    r.community,
                    r.grid,
                    r.last_contact.isoformat() if r.last_contact else never,
                    r.days_since if r.days_since is not None else "—",
                    r.interval_days,
                )
                for r in rows
            ],
            [r.elder_id for r in rows],
            [Level(r.level).rgb if r.level else None for r in rows],
        )
