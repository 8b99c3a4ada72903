"""What every tab of the Visits page shares: date and table helpers, and the way back to the page
(its message line, error display, conflict question, today's date and the language)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from silverage.domain.problems import Problem
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.date_box import DateBox
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.simple_table import KEY_ROLE, SimpleTableModel


class VisitHost(Protocol):
    """What a tab needs of the page that holds it: no more, so a tab never reaches into the page."""

    app: AppContext
    lang: str
    today: date

    def say(self, text: str, error: bool = False) -> None: ...
    def fail(self, exc: Exception) -> None: ...
    def ask(self, warnings: list[Problem]) -> bool: ...


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: DateBox) -> date:
    d = q.date()
    return date(d.year(), d.month(), d.day())


def date_edit(d: date, parent: QWidget, month: bool = False) -> DateBox:
    """A date box that takes 2026-12-07, 2026/12/7 or 20261207 as typed (month: 2026-12)."""
    return DateBox(d, parent, month=month)


def table(model: SimpleTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().setVisible(False)
    return view


def selected_key(view: QTableView) -> object:
    idx = view.selectionModel().currentIndex() if view.selectionModel() else None
    if idx is None or not idx.isValid():
        return None
    return view.model().index(idx.row(), 0).data(KEY_ROLE)


class VisitTab(QWidget):
    """A tab of the Visits page; ``refresh`` runs when the tab is shown."""

    def __init__(self, page: VisitHost) -> None:
        super().__init__(page)  # type: ignore[arg-type] - the host is the page widget
        self.page = page
        self.app = page.app
        self.lang = page.lang

    @property
    def today(self) -> date:
        return self.page.today

    def refresh(self) -> None:
        """Reload what the tab shows."""

    def say(self, text: str, error: bool = False) -> None:
        self.page.say(text, error)

    def fail(self, exc: Exception) -> None:
        self.page.fail(exc)

    def ask(self, warnings: list[Problem]) -> bool:
        return self.page.ask(warnings)

    def run(self, work: Callable[[], Any], title: str, on_done: Callable[[Any], None] | None = None) -> None:
        """A change from this tab: on the worker, announced to every page (this one refreshes from
        the announcement), a UserError shown in the page's message line, anything else in the
        error dialog."""
        self.app.run(
            work, parent=self, title=title, on_done=on_done, on_user_error=self.fail, show_progress=False
        )

    def _enum(self, enum, value: str | None) -> str:  # noqa: ANN001
        return enum(value).label(self.lang) if value else ""

    def _level(self, value: str | None) -> str:
        return level_text(value, self.lang)
