"""The peer for Excel export: pandas reads the roster with sqlite3 and writes it with openpyxl.

python benchmarks/peers/export_pandas.py DB.sqlite OUT.xlsx
"""

from __future__ import annotations

import sqlite3
import sys

import pandas as pd

SQL = """
SELECT e.name, e.gender, e.id_number, e.birth_date, e.phone, c.name AS community, g.name AS grid,
       mg.name AS micro_grid, e.address_detail, e.living, e.level, e.status, e.last_contact
FROM elder e
LEFT JOIN micro_grid mg ON e.micro_grid_id = mg.id
LEFT JOIN grid g ON mg.grid_id = g.id
LEFT JOIN community c ON g.community_id = c.id
ORDER BY c.sort_order, g.sort_order, mg.sort_order, e.id
"""


def main() -> int:
    con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    frame = pd.read_sql_query(SQL, con)
    con.close()
    frame.to_excel(sys.argv[2], index=False, engine="openpyxl")
    return 0


if __name__ == "__main__":
    sys.exit(main())
