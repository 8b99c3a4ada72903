"""Opening the database: SQLite file (default) or a PostgreSQL URL, checked and migrated.

Every failure a person can meet at start-up (not a database, read-only, locked, newer schema,
unreachable server) becomes a UserError with one line in Chinese and English; the file is left
exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from silverage.db import migrate
from silverage.domain.problems import UserError
from silverage.paths import default_db_path

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


def resolve_url(target: str | os.PathLike[str] | None = None) -> URL:
    """``--db`` value, else ``SILVERAGE_DB``, else the default file; a plain path means SQLite."""
    raw = str(target) if target else os.environ.get("SILVERAGE_DB") or str(default_db_path())
    if "://" in raw:
        try:
            url = make_url(raw)
        except ArgumentError as exc:
            raise UserError(
                f"数据库地址无法识别：{raw}", f"Cannot understand the database URL: {raw}"
            ) from exc
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url
    path = Path(raw).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def describe(url: URL) -> str:
    """For the status bar and logs: never includes a password."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"{path} 是一个文件夹，不是数据库文件", f"{path} is a folder, not a database file")
    if not path.exists():
        if not os.access(path.parent if path.parent.exists() else path.parent.parent, os.W_OK):
            raise UserError(
                f"无法在 {path.parent} 创建数据库：没有写入权限",
                f"Cannot create the database in {path.parent}: no write permission",
            )
        return
    if path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise UserError(
            f"{path} 不是银龄数据库文件（也不是SQLite数据库），请检查路径",
            f"{path} is not a silverage database (not an SQLite file); check the path",
        )
    if not os.access(path, os.W_OK):
        raise UserError(
            f"数据库文件 {path} 是只读的，请检查文件属性或权限",
            f"The database file {path} is read-only; check its properties or permissions",
        )


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


@dataclass
class Database:
    url: URL
    engine: Engine
    session_factory: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(target: str | os.PathLike[str] | None = None, *, upgrade: bool = True) -> Database:
    """Open (creating if needed) and migrate the database; raise UserError on anything a person can fix."""
    url = resolve_url(target)
    sqlite_path = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
    if sqlite_path is not None:
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        _check_sqlite_file(sqlite_path)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            current = migrate.current_revision(conn)
            has_tables = bool(inspect(conn).get_table_names())
    except OperationalError as exc:
        engine.dispose()
        raise _explain_operational(url, exc) from exc
    except DatabaseError as exc:
        engine.dispose()
        raise UserError(
            f"无法读取数据库 {describe(url)}：文件已损坏或不是数据库",
            f"Cannot read the database {describe(url)}: damaged or not a database",
        ) from exc
    head = migrate.head_revision()
    if current is not None and not migrate.is_known(current):
        engine.dispose()
        raise UserError(
            f"数据库 {describe(url)} 来自更新版本的银龄，请升级本软件后再打开",
            f"The database {describe(url)} was made by a newer silverage; update the app to open it",
        )
    if current is None and has_tables:
        engine.dispose()
        raise UserError(
            f"{describe(url)} 里已有其他程序的数据表，不是银龄数据库",
            f"{describe(url)} holds another program's tables; it is not a silverage database",
        )
    if upgrade and current != head:
        if sqlite_path is not None and current is not None:
            backup = sqlite_path.with_name(
                f"{sqlite_path.stem}.before-{head}-{datetime.now():%Y%m%d%H%M%S}{sqlite_path.suffix}"
            )
            engine.dispose()
            shutil.copy2(sqlite_path, backup)
            log.info("Backed up the database before migration to %s", backup.name)
        try:
            migrate.upgrade(engine)
        except OperationalError as exc:
            engine.dispose()
            raise _explain_operational(url, exc) from exc
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False))


def _explain_operational(url: URL, exc: OperationalError) -> UserError:
    msg = str(exc.orig).lower() if exc.orig else str(exc).lower()
    where = describe(url)
    if "locked" in msg or "busy" in msg:
        return UserError(
            f"数据库 {where} 正被其他程序占用，请关闭其他银龄窗口后重试",
            f"The database {where} is locked by another program; close other silverage windows and retry",
        )
    if "readonly" in msg or "read-only" in msg:
        return UserError(f"数据库 {where} 是只读的", f"The database {where} is read-only")
    if "not a database" in msg or "malformed" in msg:
        return UserError(
            f"{where} 不是有效的数据库或已损坏", f"{where} is not a valid database or is damaged"
        )
    if url.get_backend_name() == "postgresql":
        return UserError(
            f"无法连接数据库服务器 {where}：请检查地址、端口、用户名和网络",
            f"Cannot reach the database server {where}: check host, port, user and network",
        )
    return UserError(f"无法打开数据库 {where}", f"Cannot open the database {where}")
