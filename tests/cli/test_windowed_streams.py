"""The windowed build (silverage-gui.exe, pythonw) has no stdin, stdout or stderr: every entry point
must still end with its exit status, its error in the log and, for the desktop app, in a dialog.

Each test runs a fresh Python that sets the three streams to None (as PyInstaller's windowed
bootloader does) and then calls the entry point, as the frozen launcher would. A dialog that opens is
read and closed by a timer, and its text written to a file the test reads.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

WRAPPER = """
import os, sys
sys.stdin = sys.stdout = sys.stderr = None
entry, argv = sys.argv[1], sys.argv[2:]
if os.environ.get("PATCH") == "boom":
    import silverage.bootstrap
    def boom(*args, **kwargs):
        raise RuntimeError("boom: a bug at start-up")
    silverage.bootstrap.open_services = boom
if os.environ.get("DIALOGS"):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from silverage.ui.shell.application import make_app
    app = make_app()
    seen = open(os.environ["DIALOGS"], "w", encoding="utf-8")
    def close_dialog():
        box = QApplication.activeModalWidget()
        if box is not None:
            seen.write(box.text() + "\\n")
            seen.flush()
            box.done(0)
    timer = QTimer()
    timer.timeout.connect(close_dialog)
    timer.start(50)
if entry == "excepthook":
    from PySide6.QtCore import QTimer
    from silverage.logging_setup import setup_logging
    from silverage.streams import guard_missing_streams
    from silverage.ui.shell.errors import install_excepthook
    guard_missing_streams()
    setup_logging()
    install_excepthook()
    def fails():
        raise ValueError("a slot that fails")
    QTimer.singleShot(0, fails)
    QTimer.singleShot(1500, app.quit)
    sys.exit(app.exec())
if entry == "cli":
    from silverage.cli import main
else:
    from silverage.app import gui_main as main
try:
    code = main(argv)
except SystemExit as exc:
    code = exc.code
sys.exit(code)
"""


def _windowed(tmp_path: Path, entry: str, *argv: str, **env: str) -> tuple[int, str, str]:
    """(exit status, the log, the dialogs' texts) of ``entry`` run without any standard stream."""
    home = tmp_path / "home"
    dialogs = tmp_path / "dialogs.txt"
    full_env = {**os.environ, "SILVERAGE_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **env}
    full_env["DIALOGS"] = str(dialogs)
    proc = subprocess.run(
        [sys.executable, "-c", WRAPPER, entry, *argv],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr  # nothing escaped to the (absent) console
    log = home / "logs" / "silverage.log"
    shown = dialogs.read_text(encoding="utf-8") if dialogs.exists() else ""
    return proc.returncode, log.read_text(encoding="utf-8") if log.exists() else "", shown


def test_a_command_error_goes_to_the_log(tmp_path: Path) -> None:
    code, log, shown = _windowed(tmp_path, "cli", "--db", str(tmp_path / "missing.sqlite"), "list", "elders")
    assert code == 2
    assert shown == ""  # a command never opens a dialog
    assert "找不到数据库文件" in log and "No database file at" in log


def test_a_bug_in_a_command_is_logged_with_its_traceback(tmp_path: Path) -> None:
    code, log, _ = _windowed(tmp_path, "cli", "list", "elders", PATCH="boom")
    assert code == 1
    assert "Unexpected error in command list" in log
    assert "RuntimeError: boom: a bug at start-up" in log
    assert "内部错误" in log  # the line meant for the console reached the log instead


@pytest.mark.parametrize("entry", ["cli", "gui"])
def test_a_desktop_app_that_cannot_open_its_database_says_so_in_a_dialog(tmp_path: Path, entry: str) -> None:
    code, log, shown = _windowed(tmp_path, entry, "--db", str(tmp_path / "missing.sqlite"))
    assert code == 2
    assert "找不到数据库文件" in shown
    assert "No database file at" in log


def test_a_bug_at_desktop_start_is_a_dialog_and_a_logged_traceback(tmp_path: Path) -> None:
    code, log, shown = _windowed(tmp_path, "gui", PATCH="boom")
    assert code == 1
    assert "操作没有完成" in shown
    assert "RuntimeError: boom: a bug at start-up" in log


def test_an_error_in_the_running_app_reaches_the_log_and_a_dialog(tmp_path: Path) -> None:
    code, log, shown = _windowed(tmp_path, "excepthook")
    assert code == 0
    assert "Unhandled error in the desktop app" in log and "ValueError: a slot that fails" in log
    assert "操作没有完成" in shown


def test_a_wrong_shortcut_argument_is_a_dialog_and_logged(tmp_path: Path) -> None:
    code, log, shown = _windowed(tmp_path, "gui", "--lang", "fr")
    assert code == 2
    assert "参数有误（--lang fr）" in shown
    assert "invalid choice: 'fr'" in log


def test_a_mistyped_command_is_logged(tmp_path: Path) -> None:
    code, log, _ = _windowed(tmp_path, "cli", "lsit")
    assert code == 2
    assert "invalid choice: 'lsit'" in log


def test_no_writable_log_folder_still_ends_with_the_commands_status(tmp_path: Path) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("a file where the home folder should be", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", WRAPPER, "cli", "--db", str(tmp_path / "missing.sqlite"), "list", "elders"],
        env={**os.environ, "SILVERAGE_HOME": str(blocker)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
