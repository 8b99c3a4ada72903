"""Opening the database: SQLite file (default) or a PostgreSQL URL, checked and migrated.

Every failure a person can meet at start-up (not a database, read-only, locked, newer schema,
unreachable server) becomes a UserError with one line in Chinese and English; the file is left
exactly as it was.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from silverage.db import migrate
from silverage.domain.clock import SYSTEM_CLOCK
from silverage.domain.problems import UserError
from silverage.paths import default_db_path, private_dir

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"

# Every database this process opened and has not closed yet, for ``close_open_databases`` at exit.
_OPEN: weakref.WeakValueDictionary[int, Database] = weakref.WeakValueDictionary()


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


BUSY_MS = 5000  # how long a write waits for another writer's lock before "database is locked"
_patience = threading.local()


@contextmanager
def short_lock_waits(ms: int) -> Iterator[None]:
    """On this thread, an SQLite write gives up after ``ms`` when another writer holds the lock.

    For the desktop app's worker: it retries the whole action itself and shows "waiting" with a
    Cancel button meanwhile, instead of sitting unseen inside SQLite for ``BUSY_MS``. Other threads
    (and the command line) keep ``BUSY_MS``."""
    before = getattr(_patience, "ms", None)
    _patience.ms = ms
    try:
        yield
    finally:
        _patience.ms = before


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
    record.info["busy_ms"] = BUSY_MS  # type: ignore[attr-defined]


def _sqlite_patience(dbapi_conn: sqlite3.Connection, record: object, _proxy: object) -> None:
    """At each checkout: the lock wait of the thread taking the connection (see short_lock_waits)."""
    ms = getattr(_patience, "ms", None) or BUSY_MS
    info = record.info  # type: ignore[attr-defined]
    if info.get("busy_ms") != ms:
        dbapi_conn.execute(f"PRAGMA busy_timeout={int(ms)}")
        info["busy_ms"] = ms


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
        # hide_parameters: an error's text (and so the log) never carries a person's name, ID or phone.
        engine = create_engine(url, connect_args={"timeout": 5}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "checkout", _sqlite_patience)
        return engine
    try:
        # A writer waits at most 10 s for another's lock (a plan, an import) instead of hanging;
        # the message then says another window or computer is writing (services.faults).
        return create_engine(
            url,
            pool_pre_ping=True,
            hide_parameters=True,
            # application_name: a writer kept waiting is told which program holds the lock.
            connect_args={
                "connect_timeout": 5,
                "options": "-c lock_timeout=10000",
                "application_name": "silverage",
            },
        )
    except (ImportError, NoSuchModuleError) as exc:  # drivers are optional: say what to install
        raise _missing_driver(url, exc) from exc


POSTGRES_EXTRA = 'python -m pip install "silverage[postgres]"'


def _missing_driver(url: URL, exc: Exception) -> UserError:
    if url.get_backend_name() != "postgresql" or isinstance(exc, NoSuchModuleError):
        return UserError(
            f"不支持这种数据库：{url.drivername}；请使用 SQLite 文件路径或 postgresql:// 地址",
            f"Unsupported database kind {url.drivername}: give an SQLite file path or a postgresql:// URL",
        )
    if url.get_driver_name() == "psycopg":
        return UserError(
            f"连接 PostgreSQL 需要驱动 psycopg，尚未安装；请运行：{POSTGRES_EXTRA}",
            f"PostgreSQL needs the psycopg driver, which is not installed; run: {POSTGRES_EXTRA}",
        )
    return UserError(
        f"数据库驱动 {url.get_driver_name()} 尚未安装；请把地址写成 postgresql://…，并运行：{POSTGRES_EXTRA}",
        f"The database driver {url.get_driver_name()} is not installed; write the URL as postgresql://… "
        f"and run: {POSTGRES_EXTRA}",
    )


@dataclass
class Database:
    url: URL
    engine: Engine
    session_factory: sessionmaker[Session]
    file_identity: tuple[int, int] | None = None  # (device, inode) of the SQLite file as opened

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    def adopt_file(self) -> None:
        """Remember the SQLite file now at the path as this database's (after opening, or after
        the app itself put a restored copy there)."""
        path = self.path
        if path is not None and path.exists():
            st = path.stat()
            self.file_identity = (st.st_dev, st.st_ino)

    def ensure_file(self) -> None:
        """Refuse to write unless the file at the path is still the one opened.

        SQLite keeps writing to a file deleted or moved under it (the open handle survives), so a
        save would say "saved" into a file nobody will find again; a file copied over it would be
        overwritten page by page. One ``stat`` per transaction catches both before anything is
        written."""
        path = self.path
        if path is None or self.file_identity is None:
            return
        try:
            st = path.stat()
        except FileNotFoundError:
            raise UserError(
                f"数据库文件 {path} 不见了（被删除、移走或所在的U盘/网络盘断开了），这次没有保存。"
                "请把文件找回原处或从备份恢复，然后重新打开银龄",
                f"The database file {path} is gone (deleted, moved, or its USB drive or network share "
                "is disconnected); nothing was saved. Put the file back or restore a backup, then "
                "open silverage again",
            ) from None
        except OSError:
            raise UserError(
                f"无法访问数据库文件 {path}，这次没有保存；请检查U盘或网络盘",
                f"Cannot reach the database file {path}; nothing was saved. Check the drive or share",
            ) from None
        if (st.st_dev, st.st_ino) != self.file_identity:
            raise UserError(
                f"数据库文件 {path} 在银龄打开期间被另一个文件替换了，这次没有保存。"
                "请关闭银龄后重新打开，确认打开的是正确的花名册",
                f"The database file {path} was replaced by another file while silverage had it open; "
                "nothing was saved. Close and reopen silverage and make sure it is the right roster",
            )

    def dispose(self) -> None:
        self.engine.dispose()

    def close(self) -> None:
        """Fold the write-ahead log into the database file and close every pooled connection, so a
        closed app leaves one file (no ``-wal``, no ``-shm``): what a person copies to a USB stick
        or a backup is then the whole roster. The engine reconnects if used again."""
        _OPEN.pop(id(self), None)
        if self.is_sqlite:
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except DatabaseError as exc:  # locked by another window, the file gone
                log.warning("No WAL checkpoint at close: %s", type(exc).__name__)
        self.engine.dispose()


def open_database_ids() -> set[int]:
    return set(_OPEN.keys())


def close_open_databases(keep: set[int] | frozenset[int] = frozenset()) -> None:
    """At a clean exit (command line, desktop app, self-test): close every database still open
    except those in ``keep`` (``open_database_ids`` taken before: a caller's own)."""
    for key, database in list(_OPEN.items()):
        if key not in keep:
            database.close()


def missing_database(path: Path) -> UserError:
    return UserError(
        f"找不到数据库文件 {path}；新建请用 silverage init",
        f"No database file at {path}; to make a new one use silverage init",
    )


def open_database(
    target: str | os.PathLike[str] | None = None, *, upgrade: bool = True, create: bool = True
) -> Database:
    """Open (creating if needed and ``create``) and migrate the database; raise UserError on
    anything a person can fix.

    Without ``create`` a SQLite file that does not exist is refused: a mistyped ``--db`` must not
    quietly become a new, empty roster. An existing SQLite file is first looked at through a
    read-only connection, so a file that is refused (another program's, a newer app's) is left
    byte for byte as it was; only then does the app open it for writing (which switches it to WAL)
    and migrate it, after taking a backup.
    """
    url = resolve_url(target)
    sqlite_path = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
    engine: Engine | None = None
    if sqlite_path is not None:
        if not create and not sqlite_path.is_file():
            if sqlite_path.is_dir():
                _check_sqlite_file(sqlite_path)
            raise missing_database(sqlite_path)
        private_dir(sqlite_path.parent)
        _check_sqlite_file(sqlite_path)
        current, has_tables = _peek_sqlite(url, sqlite_path)
    else:
        engine = make_engine(url)
        current, has_tables = _peek_server(url, engine)
    # A current schema (the everyday case) is recognised without Alembic; anything else asks it.
    head = current if current is not None and current == migrate.packaged_head() else migrate.head_revision()
    refusal = None
    if current is not None and current != head and not migrate.is_known(current):
        refusal = UserError(
            f"数据库 {describe(url)} 来自更新版本的银龄，请升级本软件后再打开",
            f"The database {describe(url)} was made by a newer silverage; update the app to open it",
        )
    elif current is None and has_tables:
        refusal = UserError(
            f"{describe(url)} 里已有其他程序的数据表，不是银龄数据库",
            f"{describe(url)} holds another program's tables; it is not a silverage database",
        )
    if refusal is not None:
        if engine is not None:
            engine.dispose()
        raise refusal
    if upgrade and current not in (None, head) and sqlite_path is not None:
        _backup_sqlite(sqlite_path, head)
    if engine is None:
        engine = make_engine(url)
    if upgrade and current != head:
        try:
            migrate.upgrade(engine)
        except OperationalError as exc:
            engine.dispose()
            raise _explain_operational(url, exc) from exc
    database = Database(url, engine, sessionmaker(engine, expire_on_commit=False))
    database.adopt_file()
    _OPEN[id(database)] = database
    return database


def _peek_sqlite(url: URL, path: Path) -> tuple[str | None, bool]:
    """(schema revision, has any table) through a read-only connection that changes nothing."""
    if not path.exists() or path.stat().st_size == 0:
        return None, False
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            current = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                current = row[0] if row else None
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        raise _explain_operational(url, OperationalError("peek", {}, exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise UserError(
            f"无法读取数据库 {describe(url)}：文件已损坏或不是数据库",
            f"Cannot read the database {describe(url)}: damaged or not a database",
        ) from exc
    return current, bool(tables - {"alembic_version"}) or current is not None


def _peek_server(url: URL, engine: Engine) -> tuple[str | None, bool]:
    try:
        with engine.connect() as conn:
            return migrate.current_revision(conn), bool(inspect(conn).get_table_names())
    except OperationalError as exc:
        engine.dispose()
        raise _explain_operational(url, exc) from exc
    except DatabaseError as exc:
        engine.dispose()
        raise UserError(
            f"无法读取数据库 {describe(url)}：已损坏或不是数据库",
            f"Cannot read the database {describe(url)}: damaged or not a database",
        ) from exc


def _backup_sqlite(path: Path, head: str | None) -> Path:
    """A consistent copy (SQLite's backup API, so a pending WAL is included) beside the file."""
    backup = path.with_name(f"{path.stem}.before-{head}-{SYSTEM_CLOCK.now():%Y%m%d%H%M%S}{path.suffix}")
    src = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
    dst = sqlite3.connect(backup)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    log.info("Backed up the database before migration to %s", backup.name)
    return backup


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
