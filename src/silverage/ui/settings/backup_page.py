"""设置 → 备份与恢复: the backups in the folder, "back up now", the folder, the password, and restore.

Everyone signed in may back up now; choosing the folder, changing the password and restoring are an
administrator's. Restore first checks the file with the password and shows what it holds (date,
counts), asks once more, puts it in place (the current file kept aside) and then asks for a restart:
the open window still holds the old roster in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.enums import Role
from silverage.domain.problems import UserError
from silverage.services.backup import backup_settings, folder, make, restore
from silverage.services.backup.restore import Preview
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.password_fields import PasswordFields
from silverage.ui.widgets.wording import fill, pick

KINDS = {"daily": ("每日", "daily"), "weekly": ("每周", "weekly"), "monthly": ("每月", "monthly")}


class BackupPasswordDialog(QDialog):
    """A new backup password, typed twice (the account password rules apply)."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(self.tr("设置备份密码"))
        form = QFormLayout(self)
        note = QLabel(
            self.tr("以后的备份用新密码打开；之前做的备份仍要用当时的密码打开。请把密码记在安全的地方。"),
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.fields = PasswordFields(app.lang, lambda: ("", ""), self, form, self.tr("新的备份密码"))
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.error.setText(problem)
            return
        try:
            backup_settings.set_backup_password(self.app.services, self.fields.text())
        except UserError as exc:
            self.error.setText(exc.text(self.app.lang))
            return
        self.accept()


class BackupPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.admin = app.services.actor.role == Role.ADMIN
        # Seams for tests (services never open dialogs; these are the page's questions).
        self.ask_password: Callable[[], str | None] = self._ask_password
        self.confirm_restore: Callable[[Preview], bool] = self._confirm_restore
        self.restart_notice: Callable[[], None] = self._restart_notice
        self.last_preview: Preview | None = None

        layout = QVBoxLayout(self)
        self.status_label = QLabel("", self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("备份文件夹："), self))
        self.folder_label = QLabel("", self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.addWidget(self.folder_label, 1)
        self.folder_button = QPushButton(self.tr("选择文件夹…"), self)
        where.addWidget(self.folder_button)
        layout.addLayout(where)

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("备份时间"), self.tr("类型"), self.tr("大小"), self.tr("文件")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("立即备份"), self)
        self.restore_button = QPushButton(self.tr("恢复所选备份…"), self)
        self.password_button = QPushButton(self.tr("修改备份密码…"), self)
        for b in (self.backup_button, self.restore_button, self.password_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.note = QLabel(
            self.tr(
                "关闭银龄时、以及开着时每天自动备份一次，按7个每日、4个每周、12个每月保留。备份已加密，"
                "没有备份密码谁也打不开（U盘丢了也不会泄露）。"
            ),
            self,
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        if not self.admin:
            for b in (self.folder_button, self.restore_button, self.password_button):
                b.setEnabled(False)
                b.setToolTip(self.tr("只有管理员可以设置备份文件夹、修改备份密码和恢复备份"))

        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.password_button.clicked.connect(self.change_password)
        self.folder_button.clicked.connect(self.choose_folder)
        self.refresh()

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        ctx = self.app.services
        st = make.status(ctx)
        self.folder_label.setText(str(st.folder))
        if not st.sqlite:
            self.status_label.setText(pick(self.app.lang, make.postgres_note().zh, make.postgres_note().en))
            self.backup_button.setEnabled(False)
            self.restore_button.setEnabled(False)
            self.table.setRowCount(0)
            return
        if st.last_at is not None:
            text = fill(self.tr("最近一次备份：%1"), f"{st.last_at:%Y-%m-%d %H:%M}")
        else:
            text = self.tr("还没有备份")
        if st.problem_zh:
            text += " · " + pick(self.app.lang, st.problem_zh, st.problem_en)
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020" if st.stale else "")
        self.backup_button.setEnabled(st.password_set)
        rows = []
        if st.reachable:
            try:
                rows = folder.backups_in(st.folder, Path(ctx.db.url.database or "").stem)
            except UserError:
                rows = []
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            kind = KINDS.get(r.kind, (r.kind, r.kind))
            cells = [
                f"{r.at:%Y-%m-%d %H:%M}",
                pick(self.app.lang, *kind),
                f"{max(1, r.size // 1024)} KB",
                r.path.name,
            ]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        if rows:
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()

    # ------------------------------------------------------------------ actions

    def back_up_now(self) -> None:
        ctx = self.app.services
        self.backup_button.setEnabled(False)
        self.app.run(
            lambda: make.backup_now(ctx),
            parent=self,
            title=self.tr("正在备份"),
            on_done=lambda _r: self.refresh(),
            on_user_error=self._say,
            on_finally=lambda: self.backup_button.setEnabled(True),
        )

    def _say(self, exc: UserError) -> None:
        self.status_label.setText(exc.text(self.app.lang))
        self.status_label.setStyleSheet("color: #b00020")

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), self.folder_label.text())
        if name:
            self.set_folder(Path(name))

    def set_folder(self, path: Path) -> None:
        try:
            backup_settings.set_backup_folder(self.app.services, path)
        except UserError as exc:
            self._say(exc)
            return
        self.refresh()

    def change_password(self) -> None:
        if BackupPasswordDialog(self.app, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def selected_file(self) -> Path | None:
        row = self.table.currentRow()
        return self.rows[row].path if 0 <= row < len(getattr(self, "rows", [])) else None

    def restore_selected(self) -> None:
        file = self.selected_file()
        if file is not None:
            self.restore_file(file)

    def restore_file(self, file: Path) -> None:
        password = self.ask_password()
        if not password:
            return
        ctx = self.app.services

        def checked(result: tuple[Preview, bytes]) -> None:
            preview, image = result
            self.last_preview = preview
            if not self.confirm_restore(preview):
                return
            target = Path(ctx.db.url.database or "")
            ctx.db.dispose()  # the open connections would keep writing to the file set aside
            self.app.run(
                lambda: restore.restore_checked(preview, image, target, ctx.clock),
                parent=self,
                title=self.tr("正在恢复"),
                on_done=lambda _r: self.restart_notice(),
                on_user_error=self._say,
            )

        self.app.run(
            lambda: restore.open_checked(file, password),
            parent=self,
            title=self.tr("正在检查备份"),
            on_done=checked,
            on_user_error=self._say,
        )

    # ------------------------------------------------------------------ questions

    def _ask_password(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("恢复备份"), self.tr("备份密码："), QLineEdit.EchoMode.Password
        )
        return text if ok and text else None

    def preview_text(self, p: Preview) -> str:
        c = p.counts
        when = f"{p.created_at:%Y-%m-%d %H:%M}" if p.created_at else "?"
        text = fill(
            self.tr("备份时间：%1\n街道：%2\n老人：%3人（在册%4人）\n志愿者：%5人\n探访记录：%6条"),
            when,
            p.subdistrict or "—",
            c.get("elders", 0),
            c.get("elders_active", 0),
            c.get("volunteers", 0),
            c.get("visits", 0),
        )
        if p.needs_upgrade:
            text += "\n" + self.tr("这是旧版本的数据，恢复后会自动升级。")
        return text

    def _confirm_restore(self, p: Preview) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("恢复备份"))
        box.setText(self.tr("用这个备份替换现在的数据库吗？现在的数据库文件会改名保留。"))
        box.setInformativeText(self.preview_text(p))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _restart_notice(self) -> None:
        QMessageBox.information(
            self, self.tr("恢复备份"), self.tr("已恢复。请重新启动银龄，以打开恢复的数据。银龄现在关闭。")
        )
        window = self.window()
        if window is not None:
            window.close()
