"""The bare peer for start-up: PySide6 and SQLAlchemy imported, the elder rows read with sqlite3
into a ``QAbstractTableModel``, one ``QTableView`` shown and painted, then quit.

    python benchmarks/peers/bare_table.py DB.sqlite

Prints ``{"rows": N}``; ``benchmarks/compare.py`` times the whole process next to ``silverage selftest``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlalchemy  # noqa: E402, F401 - the peer pays for the same database library
import sqlalchemy.orm  # noqa: E402, F401
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

SQL = """
SELECT e.id, e.name, e.gender, e.birth_date, e.living, c.name, g.name, mg.name,
       e.address_detail || e.address_building || e.address_unit || e.address_room,
       e.phone, e.last_contact, e.level, e.status
FROM elder e
LEFT JOIN micro_grid mg ON e.micro_grid_id = mg.id
LEFT JOIN grid g ON mg.grid_id = g.id
LEFT JOIN community c ON g.community_id = c.id
ORDER BY c.sort_order, g.sort_order, mg.sort_order, e.id
"""


class Model(QAbstractTableModel):
    def __init__(self, rows: list[tuple]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 12

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.rows[index.row()][index.column() + 1]
            return "" if value is None else str(value)
        return None


def main() -> int:
    app = QApplication(sys.argv[:1])
    con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    rows = con.execute(SQL).fetchall()
    con.close()
    view = QTableView()
    view.setModel(Model(rows))
    view.resize(1280, 800)
    view.show()
    view.viewport().repaint()  # the first screen of rows painted
    QTimer.singleShot(0, app.quit)
    app.exec()
    print(json.dumps({"rows": len(rows)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
