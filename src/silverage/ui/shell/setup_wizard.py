"""第一次使用: a new office's database gets its subdistrict, its first administrator and its places.

Four steps: the subdistrict's name; the first administrator (name, login, password twice with the
rule shown while typing); the places, typed into a tree, pasted as lines (社区/网格/微网格, or three
columns copied from Excel) or read from a workbook (a place list, or the roster itself: its
社区/网格/微网格 columns and sheet names); then "import the roster now" or "start empty". Nothing is
written before 完成: then ``users.init_office`` creates the administrator and ``setup.add_places``
the places in one transaction, both on the task runner, and the app opens on the roster signed in
as that administrator. A refusal (a weak password, a place name that cannot be used) sends the
wizard back to the step it concerns, with the services' message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from silverage.domain.problems import UserError, ValidationError
from silverage.services import setup, users
from silverage.services.context import Actor
from silverage.services.roster import places
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.form_footer import GREEN, GREY, RED
from silverage.ui.widgets.password_fields import PasswordFields
from silverage.ui.widgets.wording import fill

SUBDISTRICT, ADMIN, PLACES, ROSTER = range(4)
EXISTING = Qt.ItemDataRole.UserRole + 1  # the place is in the database already


def _problems(exc: UserError, lang: str) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(p.text(lang) for p in exc.problems)
    return exc.text(lang)


class SubdistrictPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("欢迎使用银龄"))
        self.setSubTitle(
            self.tr(
                "这是一个新的数据库。几步设置之后就可以开始工作：街道名称、第一个管理员账号、社区和网格。"
            )
        )
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("subdistrict")
        self.name.setPlaceholderText(self.tr("例如：新塍街道"))
        form.addRow(self.tr("街道名称"), self.name)
        note = QLabel(self.tr("街道名称显示在窗口标题和登录窗口上。"), self)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY}")
        form.addRow("", note)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {RED}")
        form.addRow("", self.message)
        self.registerField("subdistrict*", self.name)


class AdminPage(QWizardPage):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("第一个管理员"))
        self.setSubTitle(
            self.tr("管理员负责账号、地点和设置，以后可以在“设置 → 账号”里为每位社区工作者建立账号。")
        )
        form = QFormLayout(self)
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("admin_name")
        self.display_name.setPlaceholderText(self.tr("例如：张主任"))
        self.username = QLineEdit(self)
        self.username.setObjectName("admin_username")
        self.username.setPlaceholderText(self.tr("登录用的名字，例如 zhang"))
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("用户名"), self.username)
        self.password = PasswordFields(
            lang, lambda: (self.username.text().strip(), self.display_name.text().strip()), self, form
        )
        # The office's backup password (backups are encrypted with it); may be left for later.
        backup_note = QLabel(
            self.tr("备份密码：备份文件用它加密，恢复时需要它。可以留空，以后在“设置 → 备份与恢复”中设置。"),
            self,
        )
        backup_note.setWordWrap(True)
        form.addRow(backup_note)
        self.backup_password = PasswordFields(lang, lambda: ("", ""), self, form, self.tr("备份密码"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {RED}")
        form.addRow(self.message)
        for edit in (self.display_name, self.username):
            edit.textChanged.connect(self.password.update_hint)
        self.password.changed.connect(self.completeChanged)
        self.backup_password.changed.connect(self.completeChanged)

    def backup_password_given(self) -> bool:
        b = self.backup_password
        return bool(b.password.text() or b.again.text())

    def isComplete(self) -> bool:
        backup_ok = not self.backup_password_given() or self.backup_password.problem() is None
        return bool(self.username.text().strip()) and self.password.problem() is None and backup_ok

    def validatePage(self) -> bool:
        self.message.clear()
        return True


class PlacesStep(QWizardPage):
    """The place tree being set up: typed, pasted or read from a workbook, all shown before saving."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.workbook: Path | None = None  # the workbook the places were read from (maybe the roster)
        self.setTitle(self.tr("社区、网格和微网格"))
        self.setSubTitle(
            self.tr(
                "输入本街道的地点。可以逐个添加，可以粘贴多行，也可以从Excel读取（地点清单或花名册本身）。"
            )
        )
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("setup_places")
        self.tree.setHeaderLabels([self.tr("地点（双击改名）")])
        left.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.add_community_button = QPushButton(self.tr("添加社区…"), self)
        self.add_child_button = QPushButton(self.tr("添加下一级…"), self)
        self.remove_button = QPushButton(self.tr("移除所选"), self)
        for b in (self.add_community_button, self.add_child_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        left.addLayout(row)
        self.count_label = QLabel(self)
        left.addWidget(self.count_label)
        outer.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("粘贴（每行一个地点）"), self))
        self.paste = QPlainTextEdit(self)
        self.paste.setObjectName("setup_paste")
        self.paste.setPlaceholderText(
            self.tr(
                "月河社区/1网格/1号微网格\n月河社区/1网格/2号微网格\n南湖社区/1网格\n也可以从Excel复制社区、网格、微网格三列粘贴"
            )
        )
        right.addWidget(self.paste, 1)
        self.paste_button = QPushButton(self.tr("加入左边的列表"), self)
        right.addWidget(self.paste_button)
        self.workbook_button = QPushButton(self.tr("从Excel读取…"), self)
        right.addWidget(self.workbook_button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        outer.addLayout(right, 2)

        self.add_community_button.clicked.connect(self.add_community)
        self.add_child_button.clicked.connect(self.add_child)
        self.remove_button.clicked.connect(self.remove_selected)
        self.paste_button.clicked.connect(self.add_pasted)
        self.workbook_button.clicked.connect(self.choose_workbook)
        self.tree.itemChanged.connect(lambda *_: self._count())
        self.tree.currentItemChanged.connect(lambda *_: self._buttons())
        self._load_existing()

    # ---------------------------------------------------------------- the tree

    def _load_existing(self) -> None:
        """Places already in the database (an older install's) are shown, and kept."""
        for node in places.tree(self.app.services):
            self._add_node(self.tree.invisibleRootItem(), node)
        self.tree.expandAll()
        self._count()

    def _add_node(self, parent: QTreeWidgetItem, node: places.PlaceNode) -> None:
        item = QTreeWidgetItem(parent, [node.name])
        item.setData(0, EXISTING, True)
        item.setForeground(0, Qt.GlobalColor.darkGray)
        item.setToolTip(0, self.tr("已在数据库中"))
        for child in node.children:
            self._add_node(item, child)

    def _new_item(self, parent: QTreeWidgetItem, name: str) -> QTreeWidgetItem:
        for i in range(parent.childCount()):
            if parent.child(i).text(0) == name:
                return parent.child(i)
        item = QTreeWidgetItem(parent, [name])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def add_paths(self, paths: list[str]) -> int:
        """Merge paths into the tree; returns how many lines were new."""
        before = len(self.paths(all_levels=True))
        for path in paths:
            parent = self.tree.invisibleRootItem()
            for part in [p for p in path.split("/") if p][:3]:
                parent = self._new_item(parent, part)
        self.tree.expandAll()
        self._count()
        return len(self.paths(all_levels=True)) - before

    def paths(self, all_levels: bool = False) -> list[str]:
        """Every leaf's path (parents are created on the way), or every item's with ``all_levels``."""
        out: list[str] = []

        def walk(item: QTreeWidgetItem, above: str) -> None:
            for i in range(item.childCount()):
                child = item.child(i)
                name = child.text(0).strip()
                path = f"{above}/{name}" if above else name
                if all_levels or child.childCount() == 0:
                    out.append(path)
                walk(child, path)

        walk(self.tree.invisibleRootItem(), "")
        return out

    def _depth(self, item: QTreeWidgetItem) -> int:
        depth = 0
        while item.parent() is not None:
            item, depth = item.parent(), depth + 1
        return depth

    def _count(self) -> None:
        counts = [0, 0, 0]

        def walk(item: QTreeWidgetItem, depth: int) -> None:
            for i in range(item.childCount()):
                counts[min(depth, 2)] += 1
                walk(item.child(i), depth + 1)

        walk(self.tree.invisibleRootItem(), 0)
        self.count_label.setText(
            fill(self.tr("共 %1 个社区、%2 个网格、%3 个微网格"), counts[0], counts[1], counts[2])
        )
        self._buttons()

    def _buttons(self) -> None:
        item = self.tree.currentItem()
        self.add_child_button.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None and not item.data(0, EXISTING))

    def _ask_name(self, title: str, label: str) -> str:
        text, ok = QInputDialog.getText(self, title, label)
        return text.strip() if ok else ""

    def add_community(self) -> None:
        name = self._ask_name(self.tr("添加社区"), self.tr("社区名称"))
        if name:
            item = self._new_item(self.tree.invisibleRootItem(), name)
            self.tree.setCurrentItem(item)
            self._count()

    def add_child(self) -> None:
        """A grid under the selected community; a micro-grid under the selected grid (or beside the
        selected micro-grid)."""
        item = self.tree.currentItem()
        if item is None:
            return
        depth = self._depth(item)
        if depth == 2:
            item, depth = item.parent(), 1
        title, label = (
            (self.tr("添加网格"), fill(self.tr("“%1”下的网格名称"), item.text(0)))
            if depth == 0
            else (self.tr("添加微网格"), fill(self.tr("“%1”下的微网格名称"), item.text(0)))
        )
        name = self._ask_name(title, label)
        if name:
            child = self._new_item(item, name)
            item.setExpanded(True)
            self.tree.setCurrentItem(child)
            self._count()

    def remove_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None or item.data(0, EXISTING):
            return
        (item.parent() or self.tree.invisibleRootItem()).removeChild(item)
        self._count()

    def add_pasted(self) -> None:
        found = setup.paths_from_text(self.paste.toPlainText())
        if not found:
            self._say(self.tr("没有读到地点：每行写一个，如 月河社区/1网格/1号微网格"), RED)
            return
        usable, refused = [], []
        for path in found:
            try:
                places.split_path(path)
                usable.append(path)
            except UserError as exc:
                refused.append(exc.text(self.app.lang))
        added = self.add_paths(usable)
        text = fill(self.tr("读到 %1 行，新增 %2 个地点"), len(found), added)
        if refused:
            self._say(text + "\n" + "\n".join(refused), RED)
            return  # the lines stay in the box, to be corrected
        self.paste.clear()
        self._say(text, GREEN)

    # ---------------------------------------------------------------- a workbook

    def choose_workbook(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择地点清单或花名册"), "", self.tr("Excel 工作簿 (*.xlsx);;所有文件 (*)")
        )
        if name:
            self.read_workbook(Path(name))

    def read_workbook(self, path: Path) -> None:
        self.app.run(
            lambda: setup.places_in_workbook(path),
            parent=self,
            title=self.tr("读取Excel中的地点"),
            on_done=lambda found: self._workbook_read(path, found),
            on_user_error=lambda exc: self._say(_problems(exc, self.app.lang), RED),
        )

    def _workbook_read(self, path: Path, found: setup.WorkbookPlaces) -> None:
        if not found.paths:
            self._say(
                fill(self.tr("“%1”里没有找到“社区”“网格”“微网格”列，也没有以社区命名的工作表"), path.name),
                RED,
            )
            return
        self.workbook = path
        added = self.add_paths(list(found.paths))
        text = fill(self.tr("从“%1”读到 %2 个地点，新增 %3 个。"), path.name, len(found.paths), added)
        if found.problems:
            sheet, row, zh, en = found.problems[0]
            first = zh if self.app.lang.startswith("zh") else en
            text += "\n" + fill(
                self.tr("有 %1 行没有读入，例如 %2 第%3行：%4"), len(found.problems), sheet, row, first
            )
        self._say(text, GREEN if not found.problems else RED)

    def _say(self, text: str, color: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color}")

    def validatePage(self) -> bool:
        """Every name must be usable before the last step (nothing is written yet)."""
        try:
            setup.check_places(self.app.services, self.paths())
        except UserError as exc:
            self._say(_problems(exc, self.app.lang), RED)
            return False
        return True


class RosterStep(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("花名册"))
        self.setSubTitle(
            self.tr("已经有Excel花名册的街道，可以现在导入；也可以先空着开始，以后再导入或逐个录入。")
        )
        v = QVBoxLayout(self)
        self.import_now = QRadioButton(self.tr("现在导入花名册（Excel）"), self)
        self.start_empty = QRadioButton(self.tr("先不导入，从空花名册开始"), self)
        self.import_now.setChecked(True)
        v.addWidget(self.import_now)
        self.import_note = QLabel(self)
        self.import_note.setWordWrap(True)
        self.import_note.setStyleSheet(f"color: {GREY}")
        self.import_note.setContentsMargins(24, 0, 0, 0)
        v.addWidget(self.import_note)
        v.addWidget(self.start_empty)
        v.addSpacing(12)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {RED}")
        v.addWidget(self.message)
        v.addStretch(1)

    def initializePage(self) -> None:
        w = self._wizard
        book = w.places_page.workbook
        self.import_note.setText(
            fill(self.tr("完成后打开导入向导，先打开“%1”；表格里出现的新地点会一并建立。"), book.name)
            if book is not None
            else self.tr("完成后打开导入向导；表格里出现、还没有建立的地点会一并建立。")
        )
        admin = w.admin_page
        self.summary.setText(
            fill(
                self.tr("点“完成”后建立：街道“%1”；管理员 %2（%3）；地点%4。"),
                w.field("subdistrict").strip(),
                admin.display_name.text().strip() or admin.username.text().strip(),
                admin.username.text().strip(),
                w.places_page.count_label.text(),
            )
        )

    def validatePage(self) -> bool:
        return self._wizard.finish()


class SetupWizard(QWizard):
    """The first start of a new office. ``actor`` is the administrator once 完成 succeeded."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.actor: Actor | None = None
        self.places_done = False
        self.created: tuple[str, ...] = ()
        self._finished = False
        self.setWindowTitle(self.tr("银龄 · 第一次使用"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(860, 600)
        self.subdistrict_page = SubdistrictPage(self)
        self.admin_page = AdminPage(app.lang, self)
        self.places_page = PlacesStep(app, self)
        self.roster_page = RosterStep(self)
        for pid, page in (
            (SUBDISTRICT, self.subdistrict_page),
            (ADMIN, self.admin_page),
            (PLACES, self.places_page),
            (ROSTER, self.roster_page),
        ):
            self.setPage(pid, page)
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("上一步")),
            (QWizard.WizardButton.NextButton, self.tr("下一步")),
            (QWizard.WizardButton.FinishButton, self.tr("完成", "wizard")),
            (QWizard.WizardButton.CancelButton, self.tr("取消")),
        ):
            self.setButtonText(button, text)

    # ---------------------------------------------------------------- what the office chose

    @property
    def import_now(self) -> bool:
        return self.roster_page.import_now.isChecked()

    @property
    def import_files(self) -> list[Path]:
        book = self.places_page.workbook
        return [book] if book is not None else []

    # ---------------------------------------------------------------- 完成

    def finish(self) -> bool:
        """Called by 完成: True once everything is written, else start writing (and say False)."""
        if self._finished:
            return True
        self.roster_page.message.clear()
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        if self.actor is None:
            self._create_admin()
        else:
            self._create_places()
        return False

    def _create_admin(self) -> None:
        ctx = self.app.services
        subdistrict = self.field("subdistrict").strip()
        a = self.admin_page
        username, name, password = a.username.text().strip(), a.display_name.text().strip(), a.password.text()
        backup_password = a.backup_password.text() if a.backup_password_given() else ""

        def init() -> users.InitResult:
            result = users.init_office(ctx, subdistrict, username, name, password)
            if backup_password:
                from silverage.services.backup.backup_settings import set_backup_password

                set_backup_password(replace(ctx, actor=result.actor), backup_password)
            return result

        self.app.run(
            init,
            parent=self,
            title=self.tr("建立管理员账号"),
            on_done=self._admin_created,
            on_user_error=self._admin_refused,
            on_finally=self._enable_finish,
        )

    def _admin_created(self, result: users.InitResult) -> None:
        self.actor = result.actor
        # The account exists now: what it was made from can no longer be changed here.
        for page in (self.subdistrict_page, self.admin_page):
            for edit in page.findChildren(QLineEdit):
                edit.setReadOnly(True)
        self._create_places()

    def _admin_refused(self, exc: UserError) -> None:
        fields = {p.field for p in exc.problems} if isinstance(exc, ValidationError) else set()
        target = SUBDISTRICT if "subdistrict" in fields else ADMIN if fields else ROSTER
        self._back_to(target, _problems(exc, self.app.lang))

    def _create_places(self) -> None:
        assert self.actor is not None
        ctx = replace(self.app.services, actor=self.actor)
        paths = self.places_page.paths()
        self.app.run(
            lambda: setup.add_places(ctx, paths),
            parent=self,
            title=self.tr("建立地点"),
            on_done=self._places_created,
            on_user_error=lambda exc: self._back_to(PLACES, _problems(exc, self.app.lang)),
            on_finally=self._enable_finish,
        )

    def _places_created(self, change: places.PlaceChange) -> None:
        assert self.actor is not None
        self.created = change.created
        self.places_done = True
        self._finished = True
        self.app.services.actor = self.actor
        self.accept()

    def _enable_finish(self) -> None:
        if not self._finished:
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)

    def _back_to(self, page_id: int, text: str) -> None:
        while self.currentId() > page_id:
            self.back()
        page = self.page(page_id)
        message = getattr(page, "message", None)
        if isinstance(message, QLabel):
            message.setText(text)
            message.setStyleSheet(f"color: {RED}")


def open_after_setup(
    window: QWidget, wizard: SetupWizard, open_import: Callable[[], None] | None = None
) -> None:
    """The main window after the wizard: on the roster, and the import wizard when that was chosen."""
    show_page = getattr(window, "show_page", None)
    if show_page is not None:
        show_page("roster")
    if wizard.import_now:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, open_import or (lambda: open_import_wizard(window, wizard.import_files)))


def open_import_wizard(window: QWidget, files: list[Path]) -> QWidget:
    """The roster import with "create the places it names" ticked (and the workbook chosen, if any)."""
    from silverage.ui.print_export.import_wizard import ImportWizard

    app: AppContext = window.app  # type: ignore[attr-defined]
    dialog = ImportWizard(app, window, create_places=True)
    if files:
        dialog.set_files(files)
    dialog.open()
    return dialog
