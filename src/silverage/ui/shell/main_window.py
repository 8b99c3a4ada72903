"""The main window: navigation on the left, one page per area, a status bar that says where we are."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.changes import Changes
from silverage.services.context import ServiceContext
from silverage.services.roster import roster_query
from silverage.services.roster.roster_query import ElderFilter, ElderRow
from silverage.ui.roster.roster_model import RosterModel, patch_rows
from silverage.ui.roster.roster_page import RosterPage
from silverage.ui.shell.app_context import AppContext
from silverage.ui.shell.gc_guard import freeze_start_up
from silverage.ui.widgets.wording import fill

log = logging.getLogger(__name__)

FIRST_ROWS = 200  # the first read at start-up: a screenful of real rows before the whole roster
PATCH_LIMIT = 2000  # more changed people than this: read the whole roster again (on the worker)
PAGE_KEYS = ("dashboard", "roster", "volunteers", "visits", "map", "print_export", "settings")


class MainWindow(QMainWindow):
    roster_loaded = Signal()  # the roster table shows the freshly read rows
    first_rows_shown = Signal()  # the first screenful of real rows is shown; the rest is being read
    rows_patched = Signal(list)  # these people's rows were read again after a change

    def __init__(self, ctx: ServiceContext | AppContext, today: date | None = None) -> None:
        super().__init__()
        self.app = ctx if isinstance(ctx, AppContext) else AppContext.create(ctx)
        self.ctx = self.app.services
        self.today = today
        self._rows: list[ElderRow] = []
        self._synthetic = False
        from silverage.services import users

        self.subdistrict = users.subdistrict_name(self.ctx)
        self.setWindowTitle(self._title())
        self.resize(1280, 800)
        self.db_label = QLabel(self)
        self.count_label = QLabel(self)
        self.user_label = QLabel(self)
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.app.bus.changed.connect(self._changed)
        self.app.bus.open_elder.connect(self.open_elder)
        self._build()
        geometry = self.app.settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.app.settings.window_state
        if state is not None:
            self.restoreState(state)
        from silverage.ui.shell.idle_lock import IdleLock

        self.idle_lock = IdleLock(self, self.app)  # covers personal data after the set idle minutes
        from silverage.ui.shell.backup_watch import BackupWatch

        self.backup_watch = BackupWatch(self, self.app)  # daily and on-close backups, status-bar warning

    def _title(self) -> str:
        title = self.tr("银龄 · 独居空巢老人关爱")
        return f"{title} · {self.subdistrict}" if self.subdistrict else title

    # ---------------------------------------------------------------- building (again on language change)

    def _page_factories(self) -> list[tuple[str, str, Callable[[], QWidget]]]:
        """Each page's module is imported when the page is first shown: start-up imports the roster's."""
        return [
            ("dashboard", self.tr("总览"), self._dashboard_page),
            ("roster", self.tr("花名册"), lambda: RosterPage(self.app, self)),
            ("volunteers", self.tr("志愿者", "page"), self._volunteers_page),
            ("visits", self.tr("探访"), self._visits_page),
            ("map", self.tr("点位图"), self._map_page),
            ("print_export", self.tr("打印与导出"), self._print_export_page),
            ("settings", self.tr("设置"), self._settings_page),
        ]

    def _dashboard_page(self) -> QWidget:
        from silverage.ui.dashboard.dashboard_page import DashboardPage

        return DashboardPage(self.app, self)

    def _volunteers_page(self) -> QWidget:
        from silverage.ui.volunteers.volunteers_page import VolunteersPage

        return VolunteersPage(self.app, self)

    def _settings_page(self) -> QWidget:
        from silverage.ui.settings.settings_page import SettingsPage

        return SettingsPage(self.app, self)

    def _visits_page(self) -> QWidget:
        from silverage.ui.visits.visits_page import VisitsPage

        return VisitsPage(self.app, self)

    def _map_page(self) -> QWidget:
        from silverage.ui.map.map_page import MapPage

        return MapPage(self.app, self)

    def _print_export_page(self) -> QWidget:
        from PySide6.QtWidgets import QTabWidget

        from silverage.ui.print_export.excel_panel import ExcelPanel
        from silverage.ui.print_export.print_panel import PrintPanel

        tabs = QTabWidget(self)
        tabs.addTab(PrintPanel(self.app, tabs), self.tr("打印"))
        tabs.addTab(ExcelPanel(self.app, tabs), self.tr("Excel 导入导出"))
        return tabs

    def _build(self) -> None:
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(central)
        self.nav.setFixedWidth(128)
        self.nav.setObjectName("navigation")
        self.nav.setStyleSheet(
            "QListWidget#navigation { font-size: 15px; }QListWidget#navigation::item { padding: 10px 8px; }"
        )
        self.stack = QStackedWidget(central)
        self.pages: dict[str, QWidget] = {}  # pages built so far; the others are built on first visit
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._holders: dict[str, QWidget] = {}
        self.page_keys: list[str] = []
        for key, title, factory in self._page_factories():
            holder = QWidget(self.stack)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            self._holders[key] = holder
            self._factories[key] = factory
            self.page_keys.append(key)
            self.stack.addWidget(holder)
            QListWidgetItem(title, self.nav).setData(Qt.ItemDataRole.UserRole, key)
        self._ensure_page("roster")
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.roster: RosterPage = self.pages["roster"]  # type: ignore[assignment]
        self.roster.open_requested.connect(self.open_elder)
        self.roster.new_requested.connect(self.new_elder)
        header_state = self.app.settings.header_state("roster")
        if header_state is not None:
            self.roster.table.horizontalHeader().restoreState(header_state)
        self.nav.currentRowChanged.connect(self._page_changed)
        self._build_menus()
        last = self.app.settings.last_page
        self.show_page(last if last in self.page_keys else "roster")

    def _action(
        self, menu, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.new_action = self._action(
            file_menu, self.tr("新增老人…"), self.new_elder, QKeySequence.StandardKey.New
        )
        self._action(file_menu, self.tr("刷新"), self.load, QKeySequence.StandardKey.Refresh)
        file_menu.addSeparator()
        self.switch_user_action = self._action(file_menu, self.tr("切换用户…"), self.switch_user)
        self._action(file_menu, self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        self.find_action = self._action(
            edit_menu, self.tr("查找老人"), self.focus_search, QKeySequence.StandardKey.Find
        )
        view_menu = bar.addMenu(self.tr("查看(&V)"))
        for n in range(self.nav.count()):
            item = self.nav.item(n)
            key = item.data(Qt.ItemDataRole.UserRole)
            self._action(view_menu, item.text(), lambda k=key: self.show_page(k), f"Ctrl+{n + 1}")
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("关于银龄"), self.about)

    # ---------------------------------------------------------------- navigation

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.page_keys.index(key))

    def current_page_key(self) -> str:
        return self.page_keys[self.stack.currentIndex()]

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.page_keys[row]
        fresh = key not in self.pages
        page = self._ensure_page(key)
        self.stack.setCurrentIndex(row)
        self.app.settings.last_page = key
        own = getattr(page, "refreshes_on_show", False)  # its showEvent has just reloaded it
        if not fresh and not own and hasattr(page, "refresh") and self._rows:
            page.refresh()

    def _ensure_page(self, key: str) -> QWidget:
        """Build a page on its first visit: start-up pays only for the roster."""
        page = self.pages.get(key)
        if page is None:
            page = self._factories[key]()
            page.setObjectName(f"page_{key}")
            self._holders[key].layout().addWidget(page)
            self.pages[key] = page
            if self._rows and hasattr(page, "set_rows"):
                page.set_rows(self._rows, self.today)
        return page

    def focus_search(self) -> None:
        self.show_page("roster")
        self.roster.focus_search()

    # ---------------------------------------------------------------- data

    @property
    def model(self) -> RosterModel:
        return self.roster.model

    def load(self) -> None:
        """Read the whole roster once (blocking); pages filter it in memory."""
        self._rows = roster_query.list_elders(self.ctx, ElderFilter(status=None), self.today)
        self._synthetic = roster_query.is_synthetic(self.ctx)
        self._distribute()

    def load_async(self) -> None:
        """Read the roster on the worker thread: the window is usable (and repaints) at once. On
        the first load a small first read (``FIRST_ROWS`` people) is shown while the rest is read."""
        ctx, today = self.ctx, self.today
        self.count_label.setText(self.tr("正在载入花名册…"))
        if not self._rows and self.model.rowCount() == 0:
            self._show_first_rows()

        places = self.app.micro_grids

        def job():  # noqa: ANN202 - a job generator that yields no progress
            rows = roster_query.list_elders(ctx, ElderFilter(status=None), today)
            places()  # the place tree (23,800 micro-grids at 100,000) read here, not on the UI thread
            return rows, roster_query.is_synthetic(ctx)
            yield  # pragma: no cover - makes this a generator

        def loaded(result: tuple[list[ElderRow], bool]) -> None:
            self._rows, self._synthetic = result
            self._distribute()
            freeze_start_up()  # the first roster lives all day: no full collection walks it again

        self.app.runner.run(
            job, parent=self, title=self.tr("载入花名册"), on_success=loaded, show_progress=False
        )

    def _show_first_rows(self) -> None:
        ctx, today = self.ctx, self.today

        def job():  # noqa: ANN202 - a read that yields no progress
            return roster_query.list_elders(ctx, ElderFilter(status=None), today, limit=FIRST_ROWS)
            yield  # pragma: no cover - makes this a generator

        def shown(rows: list[ElderRow]) -> None:
            if not self._rows:  # the whole roster has not arrived first (the worker runs jobs in turn)
                self.roster.set_rows(rows, self.today, first_of_more=True)
                self.first_rows_shown.emit()

        self.app.runner.run(
            job, parent=self, title=self.tr("载入花名册"), on_success=shown, show_progress=False
        )

    def _distribute(self) -> None:
        self.roster.set_rows(self._rows, self.today)
        self._rows_changed()
        self.roster_loaded.emit()

    def _rows_changed(self) -> None:
        """The dashboard (once built) and the status bar follow ``self._rows``."""
        dashboard = self.pages.get("dashboard")
        if dashboard is not None and hasattr(dashboard, "set_rows"):
            dashboard.set_rows(self._rows, self.today)
        self.update_status()

    def update_status(self) -> None:
        self.db_label.setText(
            self.tr("数据库：") + self.ctx.location + (self.tr("（演示数据）") if self._synthetic else "")
        )
        active = sum(1 for r in self._rows if r.status == "active")
        self.count_label.setText(self.tr("在册 %n 人", "", active))
        actor = self.ctx.actor
        name, role = actor.display_name or actor.username, actor.role.label(self.app.lang)
        self.user_label.setText(fill(self.tr("用户：%1（%2）"), name, role))

    def _changed(self, changes: Changes) -> None:
        """One user action changed people: their roster rows (and so the dashboard and the status
        bar) are read again on the worker, a few by id or the whole roster when many or unnamed
        ones changed, so the window never freezes. Other pages follow changes themselves
        (``ui.widgets.follow_changes``).
        """
        if changes.touches_people:
            ids = sorted(changes.elders)
            if changes.all_elders or changes.places or len(ids) > PATCH_LIMIT:
                self.load_async()
            else:
                self._patch_async(ids)

    def _patch_async(self, ids: list[int]) -> None:
        ctx, today = self.ctx, self.today

        def job():  # noqa: ANN202 - a read that yields no progress
            return roster_query.list_elders(ctx, ElderFilter(status=None, ids=tuple(ids)), today)
            yield  # pragma: no cover - makes this a generator

        def patch(fresh: list[ElderRow]) -> None:
            found = {r.id for r in fresh}
            patch_rows(self.roster.model, fresh, [i for i in ids if i not in found])
            self._rows = self.roster.model.all_rows()
            self._rows_changed()
            self.rows_patched.emit(ids)

        self.app.runner.run(
            job, parent=self, title=self.tr("刷新花名册"), on_success=patch, show_progress=False
        )

    # ---------------------------------------------------------------- people

    def open_elder(self, elder_id: int | None) -> None:
        from silverage.ui.roster.person_editor import PersonEditor

        editor = PersonEditor(self.app, elder_id, self)
        editor.exec()
        if editor.saved_id is not None and elder_id is None:
            self.show_page("roster")
            self.roster.select_id(editor.saved_id)

    def new_elder(self) -> None:
        self.open_elder(None)

    # ---------------------------------------------------------------- users and language

    def switch_user(self) -> None:
        from silverage.ui.shell.sign_in import sign_in_interactively

        actor = sign_in_interactively(self.app, "", self)
        if actor is not None:
            self.ctx.actor = actor
            self.app.settings.last_user = actor.username
            self.app.forget_places()  # another worker sees other communities
            self.rebuild()
            self.load_async()

    def set_language(self, lang: str) -> None:
        """Applies at once: the translator is swapped and every page is built again."""
        from silverage.ui.shell.i18n import install_language

        install_language(lang)
        self.app.lang = lang
        self.app.settings.language = lang
        self.rebuild()

    def rebuild(self) -> None:
        self._save_layout()
        key = self.current_page_key()
        self._build()  # setCentralWidget deletes the old pages
        self.setWindowTitle(self._title())
        self._distribute()
        self.show_page(key)

    def about(self) -> None:
        from silverage import __version__

        QMessageBox.about(
            self,
            self.tr("关于银龄"),
            self.tr("银龄：独居空巢老人花名册、三色分级与志愿者探访") + f"\n\nsilverage {__version__}",
        )

    # ---------------------------------------------------------------- closing

    def _save_layout(self) -> None:
        self.app.settings.set_header_state("roster", self.roster.table.horizontalHeader().saveState())
        self.app.settings.last_page = self.current_page_key()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.app.runner.wait()  # no job may outlive the window (it would write into deleted widgets)
        self.backup_watch.on_close()
        self._save_layout()
        self.app.settings.geometry = self.saveGeometry()
        self.app.settings.window_state = self.saveState()
        self.app.settings.sync()
        super().closeEvent(event)
