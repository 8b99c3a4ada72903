"""A consistent copy of the SQLite database, in memory, and what it holds.

SQLite's online backup API copies a live database page by page while the app keeps working (a
pending WAL included), into an in-memory database whose image is then serialised: the roster never
lands in a plain temporary file. The same few queries describe a copy before it is sealed and an
image before it is restored, on any schema revision (raw SQL, not the ORM: a backup from before a
migration has older tables).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any


def copy_sqlite(path: Path) -> bytes:
    """The database image of ``path``, consistent as of one moment."""
    src = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=10)
    mem = sqlite3.connect(":memory:")
    try:
        src.backup(mem)
        return as_rollback_journal(mem.serialize())
    finally:
        mem.close()
        src.close()


def as_rollback_journal(image: bytes) -> bytes:
    """The image marked as a rollback-journal database (header bytes 18-19): a WAL-mode image cannot
    be opened in memory, and the app switches a file back to WAL when it opens it."""
    if len(image) >= 20 and image[18:20] == b"\x02\x02":
        image = image[:18] + b"\x01\x01" + image[20:]
    return image


def load_image(image: bytes) -> sqlite3.Connection:
    """An in-memory database from an image (for describing and checking it)."""
    con = sqlite3.connect(":memory:")
    con.deserialize(as_rollback_journal(image))
    return con


def _tables(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _count(con: sqlite3.Connection, sql: str) -> int:
    try:
        return int(con.execute(sql).fetchone()[0] or 0)
    except sqlite3.DatabaseError:
        return 0


def _audit_head(con: sqlite3.Connection, tables: set[str]) -> dict[str, Any] | None:
    """The last audit row's id, and its chain hash when the audit table carries one."""
    if "audit" not in tables:
        return None
    columns = [r[1] for r in con.execute("PRAGMA table_info(audit)")]
    hashed = next((c for c in ("row_hash", "hash", "chain_hash", "entry_hash") if c in columns), None)
    row = con.execute(
        f"SELECT id{', ' + hashed if hashed else ''} FROM audit ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return {"max_id": 0}
    head: dict[str, Any] = {"max_id": int(row[0])}
    if hashed:
        head["hash"] = row[1]
    return head


def describe(con: sqlite3.Connection) -> dict[str, Any]:
    """Schema revision, counts, the audit chain head and the subdistrict, read from a database."""
    tables = _tables(con)
    revision = None
    if "alembic_version" in tables:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    meta: dict[str, str] = {}
    if "app_meta" in tables:
        meta = {k: v for k, v in con.execute("SELECT key, value FROM app_meta")}
    return {
        "schema_revision": revision,
        "subdistrict": meta.get("subdistrict", ""),
        "synthetic": meta.get("synthetic") == "1",
        "counts": {
            "elders": _count(con, "SELECT count(*) FROM elder") if "elder" in tables else 0,
            "elders_active": (
                _count(con, "SELECT count(*) FROM elder WHERE status='active'") if "elder" in tables else 0
            ),
            "volunteers": _count(con, "SELECT count(*) FROM volunteer") if "volunteer" in tables else 0,
            "visits": _count(con, "SELECT count(*) FROM visit") if "visit" in tables else 0,
        },
        "audit_head": _audit_head(con, tables),
    }


def check_image(image: bytes) -> tuple[bool, dict[str, Any]]:
    """Whether SQLite finds the image sound (``integrity_check``), and what it holds."""
    with closing(load_image(image)) as con:
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            return False, {}
        return ok, describe(con) if ok else {}
