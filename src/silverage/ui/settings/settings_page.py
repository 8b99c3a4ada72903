"""设置: a tab of general settings (language, who is signed in, the care rules, the database), and for
those who may, the tabs 地点 and 审计记录 (supervisors and administrators), 账号 (administrators) and
备份与恢复 (staff)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.changes import Changes
from silverage.domain.permissions import Action
from silverage.domain.problems import UserError
from silverage.services import users
from silverage.services.roster import birthday_list, roster_query
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.wording import fill


class SettingsPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs)
        general = QWidget(self.tabs)
        self.tabs.addTab(general, self.tr("常规"))
        self.places_page: QWidget | None = None
        self.users_page: QWidget | None = None
        actor = app.services.actor
        if actor.may(Action.EDIT_PLACES):
            from silverage.ui.settings.places_page import PlacesPage

            self.places_page = PlacesPage(app, self.tabs)
            self.tabs.addTab(self.places_page, self.tr("地点", "tab"))
        if actor.may(Action.MANAGE_USERS):
            from silverage.ui.settings.users_page import UsersPage

            self.users_page = UsersPage(app, self.tabs)
            self.tabs.addTab(self.users_page, self.tr("账号"))
        self.backup_page: QWidget | None = None
        if actor.may(Action.EDIT_ROSTER):  # staff: anyone who may change the roster may back it up
            from silverage.ui.settings.backup_page import BackupPage

            self.backup_page = BackupPage(app, self.tabs)
            self.tabs.addTab(self.backup_page, self.tr("备份与恢复"))
        self.audit_page: QWidget | None = None
        if actor.may(Action.VIEW_AUDIT):
            from silverage.ui.settings.audit_page import AuditPage

            self.audit_page = AuditPage(app, self.tabs)
            self.tabs.addTab(self.audit_page, self.tr("审计记录"))
        self._general(general)

    def _general(self, page: QWidget) -> None:
        app = self.app
        layout = QVBoxLayout(page)

        lang_box = QGroupBox(self.tr("界面语言"), page)
        lang_form = QFormLayout(lang_box)
        self.language = QComboBox(lang_box)
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(app.lang)))
        lang_form.addRow(self.tr("语言"), self.language)
        lang_form.addRow(QLabel(self.tr("切换后立即生效，并在下次启动时保持。"), lang_box))
        layout.addWidget(lang_box)

        user_box = QGroupBox(self.tr("当前用户"), page)
        user_form = QFormLayout(user_box)
        actor = app.services.actor
        name, role = actor.display_name or actor.username, actor.role.label(app.lang)
        who = fill(self.tr("%1（%2，%3）"), name, actor.username, role)
        self.user_label = QLabel(who, user_box)
        user_form.addRow(self.tr("已登录"), self.user_label)
        self.switch_button = QPushButton(self.tr("切换用户…"), user_box)
        self.password_button = QPushButton(self.tr("修改我的密码…"), user_box)
        self.password_button.setEnabled(users.has_accounts(app.services))
        user_form.addRow("", self.switch_button)
        user_form.addRow("", self.password_button)
        layout.addWidget(user_box)

        rules_box = QGroupBox(self.tr("分级规则"), page)
        rules_layout = QVBoxLayout(rules_box)
        self.rules_button = QPushButton(self.tr("查看和修改分级规则…"), rules_box)
        self.rules_note = QLabel(rules_box)
        rules_layout.addWidget(self.rules_button)
        rules_layout.addWidget(self.rules_note)
        if not actor.is_supervisor:
            self.rules_button.setEnabled(False)
            self.rules_note.setText(self.tr("只有督导可以修改分级规则；请用“切换用户”以督导身份登录。"))
        layout.addWidget(rules_box)

        bday_box = QGroupBox(self.tr("整寿名单"), page)
        bday_form = QFormLayout(bday_box)
        self.birthday_calendar = QComboBox(bday_box)
        self.birthday_calendar.addItem(self.tr("两个日子都列出，待问清"), None)
        self.birthday_calendar.addItem(self.tr("公历"), "solar")
        self.birthday_calendar.addItem(self.tr("农历"), "lunar")
        current = birthday_list.get_default_calendar(app.services)
        self.birthday_calendar.setCurrentIndex(max(0, self.birthday_calendar.findData(current)))
        self.birthday_calendar.setEnabled(actor.is_supervisor)
        bday_form.addRow(self.tr("未登记历法的老人"), self.birthday_calendar)
        self.age_counting = QComboBox(bday_box)
        self.age_counting.addItem(self.tr("周岁（满几年）"), "full")
        self.age_counting.addItem(self.tr("虚岁（多算一岁）"), "nominal")
        counting = birthday_list.get_age_counting(app.services)
        self.age_counting.setCurrentIndex(max(0, self.age_counting.findData(counting)))
        self.age_counting.setEnabled(actor.is_supervisor)
        bday_form.addRow(self.tr("整寿年龄按"), self.age_counting)
        layout.addWidget(bday_box)

        db_box = QGroupBox(self.tr("数据库"), page)
        db_form = QFormLayout(db_box)
        synthetic = roster_query.is_synthetic(app.services)
        subdistrict = users.subdistrict_name(app.services)
        if subdistrict:
            db_form.addRow(self.tr("街道"), QLabel(subdistrict, db_box))
        db_form.addRow(self.tr("位置"), QLabel(app.services.location, db_box))
        db_form.addRow(
            self.tr("数据"), QLabel(self.tr("演示数据（合成）") if synthetic else self.tr("正式数据"), db_box)
        )
        layout.addWidget(db_box)
        layout.addStretch(1)

        self.language.currentIndexChanged.connect(self._language_chosen)
        self.switch_button.clicked.connect(self._switch_user)
        self.password_button.clicked.connect(self._change_password)
        self.rules_button.clicked.connect(self._open_rules)
        self.birthday_calendar.currentIndexChanged.connect(self._birthday_calendar_chosen)
        self.age_counting.currentIndexChanged.connect(self._age_counting_chosen)

    def _birthday_calendar_chosen(self) -> None:
        """The office default for people whose birthday calendar is not recorded (one small write)."""
        chosen = self.birthday_calendar.currentData()
        self._save_birthday_setting(lambda: birthday_list.save_default_calendar(self.app.services, chosen))

    def _age_counting_chosen(self) -> None:
        """周岁 or 虚岁 for the dashboard, the 寿星名单 and ``silverage birthdays``."""
        chosen = self.age_counting.currentData()
        self._save_birthday_setting(lambda: birthday_list.save_age_counting(self.app.services, chosen))

    def _save_birthday_setting(self, save) -> None:  # noqa: ANN001 - a service call returning Changes
        try:
            changes = save()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("整寿名单"), exc.text(self.app.lang))
            return
        self.app.announce(changes)

    def _main_window(self):  # noqa: ANN202
        w = self.window()
        return w if hasattr(w, "set_language") else None

    def _language_chosen(self) -> None:
        lang = self.language.currentData()
        window = self._main_window()
        if window is not None and lang != self.app.lang:
            window.set_language(lang)

    def _switch_user(self) -> None:
        window = self._main_window()
        if window is not None:
            window.switch_user()

    def _change_password(self) -> None:
        from silverage.ui.shell.sign_in import ChangePasswordDialog

        ChangePasswordDialog(self.app, self.app.services.actor, self, forced=False).exec()

    def _open_rules(self) -> None:
        from silverage.ui.settings.rules_dialog import RulesDialog

        RulesDialog(self.app, self).exec()
        self.app.announce(Changes(rules=True))
