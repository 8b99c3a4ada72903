"""Start-up imports only what the first window needs: the libraries for planning, Excel, PDFs and
migrations load when first used, not while a person waits for the roster."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.db

HEAVY = (
    "ortools",
    "numpy",
    "openpyxl",
    "reportlab",
    "alembic",
    "pypinyin",  # search keys wait for a search
    "cryptography",  # backups: the status bar reads only dates and the folder
    "argon2",  # passwords: hashed when someone signs in or sets one
    "lunar_python",  # lunar dates: holidays and birthdays when a page asks
)

# The desktop entry (what the Windows shortcut starts), stopped once the roster shows its rows.
SCRIPT = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from silverage.ui.shell import main_window

shown = main_window.MainWindow._distribute

def report(self):
    shown(self)
    def done():
        heavy = sorted(name for name in sys.argv[2].split(",") if name in sys.modules)
        print(json.dumps({"rows": self.model.rowCount(), "heavy": heavy}), flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, done)

main_window.MainWindow._distribute = report
from silverage.app import gui_main
sys.exit(gui_main(["--db", sys.argv[1]]))
"""


def test_the_first_window_shows_rows_without_loading_planning_excel_pdf_or_migrations(
    demo_template, tmp_path
):
    db = tmp_path / "roster.sqlite"
    shutil.copy(demo_template, db)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]),
    )
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db), ",".join(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["rows"] > 900  # the demo's people are listed
    assert result["heavy"] == []
