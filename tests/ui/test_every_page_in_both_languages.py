"""Every page, tab and editor window of the demo roster, read in Chinese and in English.

What a user would notice: an English screen with Chinese words on it (other than the people's and
places' own names, which are data), a stored code such as ``yellow``, ``not_home``, ``override`` or a
login name where a word or a person's name belongs, and a button or label whose text does not fit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from sqlalchemy import select

from silverage.db import models as m
from silverage.services.care import assessment
from silverage.services.roster import roster_query
from silverage.services.roster.roster_query import ElderFilter
from silverage.ui.shell.app_context import AppContext
from silverage.ui.shell.fonts import install_cjk_font
from silverage.ui.shell.i18n import install_language
from silverage.ui.shell.main_window import PAGE_KEYS, MainWindow
from silverage.ui.shell.ui_settings import UiSettings
from tests.conftest import TODAY
from tests.ui import walk

pytestmark = pytest.mark.db

# The language picker names each language in itself, so that someone who cannot read English finds 中文.
OWN_NAMES = {"简体中文"}
# What the walk itself types into the setup wizard and the account dialog: data, like a person's name.
TYPED_IN_DIALOGS = {"新塍街道", "张主任", "钱社工", "新社区", "1网格", "1号微网格"}
# Why a person's level was (re)assessed, as stored; shown raw in the level history before.
TRIGGER_VALUES = {
    "create",
    "override",
    "override_cleared",
    "restore",
    "visit_finding",
    "demo",
    "rules",
    "manual",
}


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The font the real start-up installs (the bundled CJK font, at least 10 pt): clipping depends on it."""
    old = qapp.font()
    install_cjk_font(qapp)
    yield
    qapp.setFont(old)


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    install_language(request.param)
    yield request.param
    install_language("zh")


@pytest.fixture
def screens(qtbot, demo_ctx, lang, app_font, tmp_path) -> Screens:
    # A manual override first, so the level history has a row whose trigger and author used to show raw.
    elder = roster_query.list_elders(demo_ctx, ElderFilter(status="active"), TODAY)[0]
    version = roster_query_version(demo_ctx, elder.id)
    assessment.override_level(demo_ctx, elder.id, "red", "邻居反映近期独自在家时间长", version)
    # Fresh window settings of our own: Qt reads its settings folder once per process, so the
    # XDG_CONFIG_HOME of the test would not stop an earlier test's saved geometry from coming back.
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(AppContext.create(demo_ctx, lang, settings), today=TODAY)
    qtbot.addWidget(window)
    window.load()
    window.show()
    qtbot.waitExposed(window)
    window.app.runner.wait()
    QApplication.processEvents()
    return Screens(qtbot, window, lang, elder.id, tmp_path)


def places_tree(ctx):
    from silverage.services.roster import places

    return places.tree(ctx)


def roster_query_version(ctx, elder_id: int) -> int:
    with ctx.read() as s:
        return s.scalar(select(m.Elder.version).where(m.Elder.id == elder_id))


class Screens:
    """Drives the window through every page and tab, and opens each editor window once."""

    def __init__(self, qtbot, window: MainWindow, lang: str, elder_id: int, tmp_path: Path) -> None:
        self.qtbot, self.window, self.lang, self.elder_id = qtbot, window, lang, elder_id
        self.tmp_path = tmp_path
        self.import_file, self.import_cells = self._workbook()
        self.import_cells |= TYPED_IN_DIALOGS

    def settle(self) -> None:
        self.window.app.runner.wait()
        for _ in range(3):
            QApplication.processEvents()

    def states(self) -> Iterator[tuple[str, QWidget]]:
        """(name, top-level widget) once per page, tab and sub-tab, with that view on screen."""
        for key in PAGE_KEYS:
            self.window.show_page(key)
            self.settle()
            yield from self._tabs(key, self.window.pages[key], self.window)
        yield from self._extra_views()
        yield from self._dialogs()

    def _tabs(self, name: str, page: QWidget, top: QWidget) -> Iterator[tuple[str, QWidget]]:
        tabs = [t for t in page.findChildren(QTabWidget) if t.isVisible()]
        outer = [t for t in tabs if not any(o is not t and o.isAncestorOf(t) for o in tabs)]
        if not outer:
            yield name, top
            return
        for tab_widget in outer:
            for i in range(tab_widget.count()):
                tab_widget.setCurrentIndex(i)
                self.settle()
                yield from self._tabs(f"{name}/{i}", tab_widget.widget(i), top)

    def _extra_views(self) -> Iterator[tuple[str, QWidget]]:
        """Views behind a switch rather than a tab: the plan's week calendar, each kind of printout."""
        self.window.show_page("visits")
        visits = self.window.pages["visits"]
        visits.tabs.setCurrentWidget(visits.plan)
        visits.plan.show_view(1)
        self.settle()
        yield "visits/plan/week", self.window
        visits.plan.show_view(0)
        self.window.show_page("print_export")
        panel = self.window.pages["print_export"].widget(0)
        for i in range(panel.kind_box.count()):
            panel.kind_box.setCurrentIndex(i)
            self.settle()
            yield f"print/{panel.kind_box.itemData(i)}", self.window
        self.window.show_page("roster")
        self.window.roster.table.selectRow(0)
        self.settle()
        yield "roster/selected", self.window
        self.window.show_page("volunteers")
        volunteers = self.window.pages["volunteers"]
        volunteers.table.selectRow(0)  # the editor, this month's load, whom they visit
        self.settle()
        yield "volunteers/selected", self.window
        self.window.show_page("visits")
        visits.tabs.setCurrentWidget(visits.plan)
        visits.plan.volunteer_box.setCurrentIndex(1)  # one volunteer's week: names, phone calls, status
        visits.plan.show_view(1)
        self.settle()
        yield "visits/plan/one volunteer's week", self.window
        visits.plan.show_view(0)
        visits.tabs.setCurrentWidget(visits.record)
        with self.window.app.services.read() as s:
            code = s.scalar(select(m.Visit.code).order_by(m.Visit.id))
        visits.record.code_edit.setText(code)
        visits.record.open_code()
        self.settle()
        yield "visits/record/opened", self.window
        yield from self._administrator_views()

    def _administrator_views(self) -> Iterator[tuple[str, QWidget]]:
        """Settings as the demo's administrator (the 地点 and 账号 tabs), and the idle lock's cover."""
        from silverage.domain.enums import Role
        from silverage.services.context import Actor

        ctx = self.window.app.services
        worker = ctx.actor
        ctx.actor = Actor("admin", Role.ADMIN, "管理员")
        self.window.rebuild()
        self.window.show_page("settings")
        self.settle()
        settings = self.window.pages["settings"]
        for i in range(settings.tabs.count()):
            settings.tabs.setCurrentIndex(i)
            self.settle()
            yield f"settings as administrator/{i}", self.window
        places_page = settings.places_page
        settings.tabs.setCurrentWidget(places_page)
        places_page.tree.setCurrentItem(places_page.tree.topLevelItem(0).child(0).child(0))
        self.settle()
        yield "settings/places/a micro-grid selected", self.window
        settings.tabs.setCurrentWidget(settings.users_page)
        settings.users_page.table.selectRow(0)
        self.settle()
        yield "settings/accounts/selected", self.window
        self.window.idle_lock.lock()
        self.settle()
        yield "locked", self.window
        self.window.idle_lock.unlock()
        ctx.actor = worker
        self.window.rebuild()
        self.settle()

    def _dialogs(self) -> Iterator[tuple[str, QWidget]]:
        from silverage.domain.enums import Role
        from silverage.services import users
        from silverage.services.context import Actor, ServiceContext
        from silverage.ui.print_export.export_dialog import ExportDialog
        from silverage.ui.print_export.import_wizard import ImportWizard
        from silverage.ui.print_export.print_panel import SelectionPrintDialog
        from silverage.ui.roster.person_editor import PersonEditor
        from silverage.ui.settings.rules_dialog import RulesDialog
        from silverage.ui.settings.users_page import AccountDialog, ResetPasswordDialog
        from silverage.ui.shell.setup_wizard import SetupWizard
        from silverage.ui.shell.sign_in import ChangePasswordDialog, SignInDialog
        from silverage.ui.visits.visit_policy_dialog import VisitPolicyDialog

        app, w = self.window.app, self.window
        # The wizard runs before anyone signs in (the system acts); the account dialogs as an administrator.
        first_start = AppContext.create(ServiceContext(app.services.db), self.lang, app.settings)
        admin = AppContext.create(
            ServiceContext(app.services.db, Actor("admin", Role.ADMIN, "管理员")), self.lang, app.settings
        )
        communities = [n.name for n in places_tree(admin.services)]
        account = next(a for a in users.accounts(admin.services) if a.username == "zhao")
        makers: list[tuple[str, Callable[[], QWidget]]] = [
            ("setup wizard", lambda: SetupWizard(first_start, w)),
            ("new password", lambda: ChangePasswordDialog(app, app.services.actor, w, forced=True)),
            ("my password", lambda: ChangePasswordDialog(app, app.services.actor, w, forced=False)),
            ("add account", lambda: AccountDialog(admin, communities, None, w)),
            ("change account", lambda: AccountDialog(admin, communities, account, w)),
            ("reset password", lambda: ResetPasswordDialog(admin, account, w)),
            ("person editor", lambda: PersonEditor(app, self.elder_id, w, today=TODAY)),
            ("new person", lambda: PersonEditor(app, None, w, today=TODAY)),
            ("rules", lambda: RulesDialog(app, w)),
            ("visit policy", lambda: VisitPolicyDialog(app, w)),
            ("export all", lambda: ExportDialog(app, w, today=TODAY)),
            ("export selection", lambda: ExportDialog(app, w, elder_ids=[self.elder_id], today=TODAY)),
            ("import", lambda: ImportWizard(app, w, today=TODAY)),
            ("sign in", lambda: SignInDialog(app.services, "", w, self.lang)),
            ("print selection", lambda: SelectionPrintDialog(app, w, [self.elder_id])),
        ]
        then: dict[str, list[Callable[[QWidget], None]]] = {
            "setup wizard": [
                lambda d: (d.subdistrict_page.name.setText("新塍街道"), d.next()),
                lambda d: (
                    d.admin_page.display_name.setText("张主任"),
                    d.admin_page.username.setText("zhang"),
                    d.admin_page.password.password.setText("Yuehe#2026"),
                    d.admin_page.password.again.setText("Yuehe#2026"),
                    d.next(),
                ),
                lambda d: (
                    d.places_page.paste.setPlainText("新社区/1网格/1号微网格"),
                    d.places_page.add_pasted(),
                ),
                lambda d: d.next(),
            ],
            "add account": [
                lambda d: (
                    d.display_name.setText("钱社工"),
                    d.role.setCurrentIndex(d.role.findData("supervisor")),
                    d.password.password.setText("12345678"),
                )
            ],
            "rules": [lambda d: d.run_preview()],  # the preview: who changes level, counts per level
            "import": [
                lambda d: (d.set_files([self.import_file]), d.go_mapping()),
                lambda d: d.start_preview(),
            ],
        }
        for name, make in makers:
            dialog = make()
            dialog.show()
            self.qtbot.waitExposed(dialog)
            self.settle()
            yield from self._tabs(name, dialog, dialog)
            for i, step in enumerate(then.get(name, []), start=1):
                step(dialog)
                self.settle()
                yield from self._tabs(f"{name}/step {i}", dialog, dialog)
            dialog.done(0)  # QDialog.done: closes without the editor's "save changes?" question
            dialog.deleteLater()

    def _workbook(self) -> tuple[Path, set[str]]:
        """An office roster to import: a known person whose living situation changed, a new person,
        and a row with a broken ID number, so the preview shows every tab."""
        from openpyxl import Workbook

        from tests.io.helpers import make_id

        with self.window.app.services.read() as s:
            name, number, living = s.execute(
                select(m.Elder.name, m.Elder.id_number, m.Elder.living).where(m.Elder.id == self.elder_id)
            ).one()
        book = Workbook()
        sheet = book.active
        sheet.append(["姓名", "身份证号码", "居住情况", "联系电话"])
        sheet.append([name, number, "空巢" if living != "empty_nest" else "独居", ""])
        sheet.append(["新来人", make_id(date(1941, 3, 9), male=False, seq=77), "独居", "13957300001"])
        sheet.append(["号码错", "33040219410309", "独居", ""])
        path = self.tmp_path / "花名册.xlsx"
        book.save(path)
        cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
        return path, cells | {path.name, sheet.title}  # what the workbook says is data too


def _walk_roots(screens: Screens) -> Iterator[tuple[str, QWidget]]:
    yield from screens.states()


def test_english_screens_show_no_chinese_but_the_data(screens, demo_ctx):
    if screens.lang != "en":
        pytest.skip("the English interface only")
    mask = walk.DataMask(walk.data_strings(demo_ctx) + sorted(screens.import_cells))
    found: dict[str, str] = {}
    for state, root in _walk_roots(screens):
        for seen in walk.texts(root):
            if seen.text in OWN_NAMES:
                continue
            if walk.CJK.search(seen.text):
                left = mask(seen.text)
                if walk.CJK.search(left):  # one line per wording, not one per person in a list
                    found.setdefault(left.replace("\x00", "…"), f"{seen.text!r} in {state}: {seen.where}")
    assert not found, "Chinese in the English interface:\n" + "\n".join(
        f"  {t!r}  ({w})" for t, w in found.items()
    )


def test_no_stored_value_is_shown_as_such(screens, demo_ctx):
    from silverage.services.backup.folder import default_folder

    # A folder path is data too (the backup page shows it; "home" in /home/... is no stored value).
    mask = walk.DataMask(walk.data_strings(demo_ctx) + [str(default_folder())])
    users = {u.username for u in _users(demo_ctx)}
    display = {u.username: u.display_name for u in _users(demo_ctx)}
    raw = walk.enum_values() | TRIGGER_VALUES | users
    not_english = {"gugua", "dibao", "dibian", "tekun", *users}  # and every value with an underscore
    found: dict[str, str] = {}
    for state, root in _walk_roots(screens):
        for seen in walk.texts(root):
            hits = walk.raw_hits(seen.text, raw, screens.lang, not_english)
            if hits:  # not when the word is inside data, e.g. the rule set named "默认规则 Default rules"
                hits = walk.raw_hits(mask(seen.text), raw, screens.lang, not_english)
            for value in hits:
                if value in users and display[value] and display[value] in seen.text:
                    continue  # "李社工（sheg，社区工作者）": the login name beside the name, to sign in
                if value in users and ("account_list" in seen.where or "account_username" in seen.where):
                    continue  # the accounts page's and dialog's username: what one signs in with
                found.setdefault(f"{value!r} in {seen.text!r}", f"{state}: {seen.where}")
    assert not found, "stored values on screen:\n" + "\n".join(f"  {t}  ({w})" for t, w in found.items())


def test_nothing_is_clipped_at_the_default_size(screens):
    default = screens.window.size().toTuple()
    assert default == (1280, 800)
    found: dict[str, str] = {}
    for state, root in _walk_roots(screens):
        if root is screens.window and root.size().toTuple() != default:
            found.setdefault(f"the window grew to {root.size().toTuple()}", state)
        for c in walk.clipped(root):
            found.setdefault(f"{c.text!r} needs {c.needed}px, has {c.available}px", f"{state}: {c.where}")
    assert not found, "clipped:\n" + "\n".join(f"  {t}  ({w})" for t, w in found.items())


def test_the_rosters_fixed_words_fit_their_columns(screens):
    """Female / Empty nest (and 女 / 空巢) are shown whole, not as Fem…: widths follow the language."""
    from silverage.ui.roster.roster_model import Col

    table = screens.window.roster.table
    model, metrics = table.model(), table.fontMetrics()
    for col in (Col.GENDER, Col.LIVING):
        texts = {str(model.index(r, col).data()) for r in range(min(model.rowCount(), 200))}
        assert texts, "the roster shows rows"
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        assert widest + 8 <= table.columnWidth(col), (col.name, sorted(texts), table.columnWidth(col))


def _users(ctx):
    from silverage.services import users

    return users.list_users(ctx)


def test_the_level_history_says_why_and_who_in_words(screens):
    """The override made in the fixture reads 人工调整 / Manual override, by 李社工, not override / sheg."""
    from silverage.ui.roster.person_editor import PersonEditor

    editor = PersonEditor(screens.window.app, screens.elder_id, screens.window, today=TODAY)
    screens.qtbot.addWidget(editor)
    model = editor.level_panel.history
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    newest = dict(zip(header, model.rows[0], strict=True))
    if screens.lang == "zh":
        assert (newest["触发"], newest["操作人"]) == ("人工调整", "李社工")
        assert dict(zip(header, model.rows[-1], strict=True))["触发"] == "演示数据"
    else:
        assert (newest["Trigger"], newest["By"]) == ("Manual override", "李社工")
