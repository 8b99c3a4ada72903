"""After some idle minutes the window covers personal data and asks the signed-in user's password again.

Nothing is closed or reloaded: the pages are hidden behind a cover and every open editor window
gets a cover of its own, with its fields disabled (not cleared), so what someone was typing is
still there after the right password. A modal editor blocks the main window, so each cover asks
for the password itself; the right one on any cover lifts them all. The number of minutes is the
administrators' setting (``services.users.idle_lock_minutes``); the password is checked (and
audited, with its lockout after five wrong tries) by ``services.users.sign_in``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.changes import USERS, Changes
from silverage.domain.problems import UserError
from silverage.services import users
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.ask import ask_yes_no
from silverage.ui.widgets.wording import fill

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
    QEvent.Type.TouchBegin,
}
CHECK_MS = 10_000  # how often the idle time is looked at
QWIDGETSIZE_MAX = 16777215


class LockCover(QFrame):
    """The opaque cover over one window: who is signed in, the password, 解锁."""

    unlock_requested = Signal(object, str)  # this cover, the password
    quit_requested = Signal()

    def __init__(self, parent: QWidget, who: str) -> None:
        super().__init__(parent)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QFrame#lock_cover { background: #ECEFF1; }")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QFrame(self)
        box.setObjectName("lock_box")
        box.setStyleSheet(
            "QFrame#lock_box { background: white; border: 1px solid #B0BEC5; border-radius: 6px; }"
        )
        box.setMaximumWidth(460)
        v = QVBoxLayout(box)
        title = QLabel(self.tr("已锁定"), box)
        title.setStyleSheet("font-size: 18px; font-weight: bold")
        v.addWidget(title)
        text = self.tr("较长时间没有操作，为保护老人的个人信息，窗口已锁定。请输入 %1 的密码继续。")
        self.note = QLabel(fill(text, who), box)
        self.note.setWordWrap(True)
        v.addWidget(self.note)
        self.password = QLineEdit(box)
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        v.addWidget(self.password)
        self.message = QLabel(box)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B3261E")
        v.addWidget(self.message)
        row = QHBoxLayout()
        self.quit_button = QPushButton(self.tr("退出银龄…"), box)
        self.unlock_button = QPushButton(self.tr("解锁"), box)
        self.unlock_button.setDefault(True)
        row.addWidget(self.quit_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        v.addLayout(row)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(box, 3)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.unlock_button.clicked.connect(self._unlock)
        self.password.returnPressed.connect(self._unlock)
        self.quit_button.clicked.connect(self.quit_requested.emit)

    def _unlock(self) -> None:
        self.unlock_requested.emit(self, self.password.text())

    def fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()


class _Covered:
    """One window under a cover, and what was switched off to cover it (to switch it on again)."""

    def __init__(self, window: QWidget, cover: LockCover) -> None:
        self.window = window
        self.cover = cover
        self.hidden: list[QWidget] = []
        self.disabled: list[QObject] = []
        self.size: tuple[QSize, QSize, QSize, QLayout.SizeConstraint] | None = None  # a small dialog grown

    def make_room(self) -> None:
        """A small dialog (a question) grows while covered, so the password fits; then shrinks back."""
        w, need = self.window, self.cover.sizeHint()
        if w.width() >= need.width() and w.height() >= need.height():
            return
        layout = w.layout()
        constraint = (
            layout.sizeConstraint() if layout is not None else QLayout.SizeConstraint.SetDefaultConstraint
        )
        self.size = (w.size(), w.minimumSize(), w.maximumSize(), constraint)
        if layout is not None:
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        w.setMinimumSize(0, 0)
        w.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        w.resize(max(w.width(), need.width()), max(w.height(), need.height()))

    def give_room_back(self) -> None:
        if self.size is None:
            return
        size, smallest, largest, constraint = self.size
        w = self.window
        w.setMinimumSize(smallest)
        w.setMaximumSize(largest)
        if w.layout() is not None:
            w.layout().setSizeConstraint(constraint)
        w.resize(size)


class IdleLock(QObject):
    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, app: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.app = app
        self.enabled = users.has_accounts(app.services)
        self.minutes = users.idle_lock_minutes(app.services) if self.enabled else 0
        self.last_activity = time.monotonic()
        self._covered: list[_Covered] = []
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        if self.enabled:
            self.timer.start()
            app_instance = QApplication.instance()
            if app_instance is not None:
                app_instance.installEventFilter(self)
        app.bus.changed.connect(self._changed)

    @property
    def locked(self) -> bool:
        return bool(self._covered)

    def _changed(self, changes: Changes) -> None:
        if USERS in changes.settings and self.enabled:
            self.minutes = users.idle_lock_minutes(self.app.services)

    # ---------------------------------------------------------------- noticing idleness

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.locked:
            self.last_activity = time.monotonic()
        elif event.type() == QEvent.Type.Resize and self.locked:
            for c in self._covered:
                if watched is c.window:
                    c.cover.fit()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self.last_activity

    def check(self) -> None:
        """Lock when nobody has touched the keyboard or mouse for the set minutes."""
        if self.enabled and not self.locked and self.minutes > 0 and self.idle_seconds() >= self.minutes * 60:
            self.lock()

    # ---------------------------------------------------------------- covering

    def lock(self) -> None:
        if self.locked:
            return
        who = self.app.services.actor.shown_name
        windows: list[QWidget] = [self.window]
        for w in QApplication.topLevelWidgets():
            if w is self.window or not w.isVisible() or not isinstance(w, QDialog):
                continue
            if isinstance(w, QMessageBox):
                # A question or a notice holds no typing: it is answered "no" (nothing changes)
                # and closed, so none of its words stay on screen; the action can be repeated.
                w.done(int(QMessageBox.StandardButton.Cancel))
            elif not isinstance(w, QProgressDialog):  # a running job shows no personal data
                windows.append(w)
        for w in windows:
            cover = LockCover(w, who)
            covered = _Covered(w, cover)
            self._switch_off(covered)
            if w is not self.window:
                covered.make_room()
            cover.unlock_requested.connect(self._try_unlock)
            cover.quit_requested.connect(self._quit)
            cover.fit()
            cover.show()
            w.installEventFilter(self)
            self._covered.append(covered)
        top = self._covered[-1].cover  # the window that takes input (a modal editor, if one is open)
        top.password.setFocus()
        self.locked_changed.emit(True)

    def _switch_off(self, covered: _Covered) -> None:
        w = covered.window
        if isinstance(w, QMainWindow):
            central = w.centralWidget()
            if central is not None and central.isVisible():
                central.hide()  # the pages are hidden, not only painted over
                covered.hidden.append(central)
            children: list[QObject] = [w.menuBar()]
        else:
            children = [
                c
                for c in w.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if c is not covered.cover and c.isWindow() is False
            ]
        children += w.findChildren(QAction) + w.findChildren(QShortcut)
        for c in children:
            if c.isEnabled():  # type: ignore[attr-defined]
                c.setEnabled(False)  # type: ignore[attr-defined]
                covered.disabled.append(c)

    def unlock(self) -> None:
        """Lift every cover (after the right password)."""
        for covered in self._covered:
            try:
                self._switch_on(covered)
            except RuntimeError:  # that window was closed meanwhile (a job ended and closed it)
                pass
        self._covered.clear()
        self.last_activity = time.monotonic()
        self.locked_changed.emit(False)

    def _switch_on(self, covered: _Covered) -> None:
        covered.window.removeEventFilter(self)
        for c in covered.disabled:
            try:
                c.setEnabled(True)  # type: ignore[attr-defined]
            except RuntimeError:  # deleted meanwhile (a page rebuilt by a change)
                pass
        for w in covered.hidden:
            try:
                w.show()
            except RuntimeError:
                pass
        covered.cover.hide()
        covered.cover.deleteLater()
        covered.give_room_back()

    # ---------------------------------------------------------------- the password

    def _try_unlock(self, cover: LockCover, password: str) -> None:
        ctx, username = self.app.services, self.app.services.actor.username
        cover.unlock_button.setEnabled(False)

        def refused(exc: UserError) -> None:
            cover.message.setText(exc.text(self.app.lang))
            cover.password.selectAll()
            cover.password.setFocus()

        def finally_() -> None:
            if cover in [c.cover for c in self._covered]:
                cover.unlock_button.setEnabled(True)

        self.app.run(
            lambda: users.sign_in(ctx, username, password),
            parent=cover.window(),
            title=self.tr("解锁"),
            on_done=lambda _actor: self.unlock(),
            on_user_error=refused,
            on_finally=finally_,
            show_progress=False,
        )

    def _quit(self) -> None:
        if not ask_yes_no(
            self._covered[-1].cover if self._covered else self.window,
            self.tr("退出银龄"),
            self.tr("没有保存的内容会丢失。确定要退出吗？"),
        ):
            return
        for covered in reversed(self._covered):
            if isinstance(covered.window, QDialog):
                covered.window.done(0)
        self.window.close()
