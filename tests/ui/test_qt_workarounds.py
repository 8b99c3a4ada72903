import subprocess
import sys

SCRIPT = """
import silverage.ui
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QApplication
app = QApplication([])
m = QStringListModel(["a"]); idx = m.index(0, 0)
for _ in range(300_000):
    m.data(idx, Qt.ItemDataRole.DecorationRole)  # an invalid QVariant comes back as None
print("alive")
"""


def test_many_empty_cells_read_from_python_do_not_abort_the_app():
    """PySide6 6.12 drops a reference to None per empty value read; the app must survive a long day."""
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    assert "alive" in proc.stdout
