"""Smoke test: every page, every tab, every button and every menu action, on the demo roster.

Dialogs are answered "cancel" automatically (file pickers return no file, questions "no"), so
each click does the harmless thing; any exception in a slot (pytest-qt fails the test on those)
or any "操作没有完成" error dialog fails the test and names the button. It would have caught the
export button that did nothing.
"""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from silverage.domain.enums import Role
from silverage.services.context import Actor
from silverage.ui.shell.main_window import PAGE_KEYS, MainWindow
from tests.conftest import TODAY
from tests.ui.helpers import settle

pytestmark = pytest.mark.db

SKIP = {"退出"}  # closes the window under test


@pytest.fixture
def answered(monkeypatch):  # noqa: ANN001, ANN201
    """Every question is answered with Cancel / No / no file; what was shown is recorded."""
    seen: list[str] = []

    def box_exec(box: QMessageBox) -> int:
        seen.append(f"{box.text()} | {box.informativeText()}")
        return int(QMessageBox.StandardButton.Cancel)

    def static(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        seen.append(" | ".join(a for a in args if isinstance(a, str)))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(static))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: seen.append("about")))
    monkeypatch.setattr(QDialog, "exec", lambda self: seen.append(type(self).__name__) or 0)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: seen.append("QPrintDialog") or 0)  # its own exec
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QMenu, "exec", lambda *a, **k: None)
    return seen


def _close_new_windows(before: set[int]) -> None:
    for w in QApplication.topLevelWidgets():
        if id(w) not in before and w.isVisible():
            w.close()


def _buttons(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled() and b.text()]


def _click_everything(qtbot, window: MainWindow, answered: list[str]) -> list[str]:  # noqa: ANN001
    clicked = []
    for key in PAGE_KEYS:
        window.show_page(key)
        settle(qtbot, window.app)
        page = window.pages[key]
        tab_sets = [t for t in page.findChildren(QTabWidget) if t.isVisible()] or [None]
        if isinstance(page, QTabWidget):
            tab_sets = [page]
        for tabs in tab_sets:
            for index in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(index)
                    settle(qtbot, window.app)
                for button in _buttons(page):
                    if not (button.isVisible() and button.isEnabled()):
                        continue  # an earlier click hid or disabled it
                    before = {id(w) for w in QApplication.topLevelWidgets()}
                    where = f"{key}/{tabs.tabText(index) if tabs is not None else ''}/{button.text()}"
                    answered.append(f"[{where}]")
                    button.click()
                    settle(qtbot, window.app)
                    _close_new_windows(before)
                    clicked.append(where)
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.text().replace("&", "") in SKIP:
                continue
            before = {id(w) for w in QApplication.topLevelWidgets()}
            answered.append(f"[menu/{action.text()}]")
            action.trigger()
            settle(qtbot, window.app)
            _close_new_windows(before)
            clicked.append(f"menu/{action.text()}")
    return clicked


def _failures(answered: list[str]) -> list[str]:
    where, found = "", []
    for line in answered:
        if line.startswith("["):
            where = line
        elif "没有完成" in line or "Error" in line:
            found.append(f"{where} {line}")
    return found


@pytest.mark.parametrize("role", [Role.WORKER, Role.SUPERVISOR, Role.ADMIN])
def test_every_button_and_menu_action_works_on_the_demo(qtbot, demo_ctx, answered, role) -> None:  # noqa: ANN001
    if role is Role.SUPERVISOR:
        demo_ctx.actor = Actor("duda", role, "王督导")
    elif role is Role.ADMIN:  # and the 地点 and 账号 tabs under Settings
        demo_ctx.actor = Actor("admin", role, "管理员")
    window = MainWindow(demo_ctx, today=TODAY)
    qtbot.addWidget(window)
    window.load()
    window.show()
    clicked = _click_everything(qtbot, window, answered)
    window.app.runner.wait()
    assert len(clicked) >= 40, clicked  # it really went through the pages
    if role is Role.ADMIN:
        assert {"settings/地点/添加社区…", "settings/账号/添加账号…"} <= set(clicked), clicked
    assert _failures(answered) == []


def test_every_button_and_menu_action_works_on_a_brand_new_database(qtbot, ctx, answered) -> None:  # noqa: ANN001
    """A new office's first screen: no places, no people, no volunteers, nothing may break."""
    window = MainWindow(ctx, today=TODAY)
    qtbot.addWidget(window)
    window.load()
    window.show()
    clicked = _click_everything(qtbot, window, answered)
    window.app.runner.wait()
    assert len(clicked) >= 30, clicked
    assert _failures(answered) == []
