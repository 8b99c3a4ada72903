"""Who holds the database's write lock: a small note beside the SQLite file while one of the app's
transactions holds it, so a writer kept waiting (another window, another PC on the same share) can
say whom it waits for: "用户 王督导 · silverage plan · 本机 · 自 10:02:03 起".

The note is written just after the transaction's first write statement has run, that is once the
lock is really held (SQLite gives it to one writer at a time, so only one note is ever current),
and removed at commit or rollback. A process killed while writing leaves its note behind; a note
from this computer whose process is gone is ignored. On PostgreSQL there is no file: the server
itself says which session has written in its open transaction (``pg_stat_activity``: database
user, program, client address, since when).

``commits_here()`` counts the transactions committed on the calling thread: the desktop app
retries an action refused by the lock only when that attempt committed nothing, so a retry is
exactly what pressing the button again would have done.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from silverage.db.engine import Database
from silverage.domain.clock import Clock

log = logging.getLogger(__name__)

SUFFIX = ".writer"
PROGRAM = ["silverage"]  # what this process is: the command line sets "silverage plan", the app its window
_WATCH = "writer_note"
_local = threading.local()


def set_program(name: str) -> None:
    PROGRAM[0] = name


def note_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


@dataclass(frozen=True)
class Holder:
    """The writer a note names."""

    user: str
    program: str
    host: str
    pid: int
    since: datetime

    def text(self, lang: str = "zh") -> str:
        here = self.host == socket.gethostname()
        if lang == "en":
            where = "this computer" if here else f"computer {self.host}"
            return f"user {self.user} · {self.program} · {where} · since {self.since:%H:%M:%S}"
        where = "本机" if here else f"电脑 {self.host}"
        return f"用户 {self.user} · {self.program} · {where} · 自 {self.since:%H:%M:%S} 起"


class _Watch:
    """One transaction's note: written once at its first write, removed at its end."""

    def __init__(self, path: Path, user: str, clock: Clock) -> None:
        self.path, self.user, self.clock = path, user, clock
        self.written = False
        self.conn_info: dict[Any, Any] | None = None

    def write(self) -> None:
        self.written = True
        note = {
            "user": self.user,
            "program": PROGRAM[0],
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": self.clock.now().isoformat(timespec="seconds"),
        }
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(note, fh, ensure_ascii=False)
        except OSError as exc:  # a note is a courtesy: never let it stop a save
            log.info("No writer note: %s", type(exc).__name__)

    def end(self) -> None:
        if self.conn_info is not None:
            self.conn_info.pop(_WATCH, None)
            self.conn_info = None
        if not self.written:
            return
        self.written = False
        try:
            held = json.loads(self.path.read_text(encoding="utf-8"))
            if held.get("pid") == os.getpid() and held.get("host") == socket.gethostname():
                self.path.unlink()
        except (OSError, ValueError):
            pass


def watch(session: Session, db_path: Path | None, user: str, clock: Clock) -> None:
    """Note this transaction as the writer once it writes (a no-op on PostgreSQL)."""
    if db_path is not None:
        session.info[_WATCH] = _Watch(note_path(db_path), user, clock)


def holder(db_path: Path | None) -> Holder | None:
    """The writer the note beside ``db_path`` names, if it is still there (None: nobody known)."""
    if db_path is None:
        return None
    try:
        held = json.loads(note_path(db_path).read_text(encoding="utf-8"))
        found = Holder(
            str(held["user"]),
            str(held["program"]),
            str(held["host"]),
            int(held["pid"]),
            datetime.fromisoformat(held["since"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if found.host == socket.gethostname() and not _alive(found.pid):
        return None  # left by a process that was killed
    return found


def holder_of(db: Database) -> Holder | None:
    """Who holds the write lock of ``db``: the note beside an SQLite file, or the server's word."""
    if db.path is not None:
        return holder(db.path)
    if db.url.get_backend_name() != "postgresql":
        return None
    try:
        with db.engine.connect() as conn:
            row = conn.execute(_OLDEST_WRITER).first()
    except DBAPIError:
        return None
    if row is None:
        return None
    user, program, host, pid, since = row
    return Holder(user or "", program or "PostgreSQL", host or "", int(pid), since)


# The oldest other session of this database whose open transaction has written (has an xid).
_OLDEST_WRITER = text(
    "SELECT usename, application_name, host(client_addr), pid, xact_start FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL "
    "ORDER BY xact_start LIMIT 1"
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


def commits_here() -> int:
    return getattr(_local, "commits", 0)


@event.listens_for(Session, "after_begin")
def _lend_to_connection(session: Session, _txn: object, connection: Any) -> None:
    w = session.info.get(_WATCH)
    if w is not None:
        w.conn_info = connection.info
        connection.info[_WATCH] = w


@event.listens_for(Engine, "after_cursor_execute")
def _after_write(conn: Any, _cursor: object, _stmt: str, _params: object, context: Any, _many: bool) -> None:
    if context is None or not (context.isinsert or context.isupdate or context.isdelete):
        return
    w = conn.info.get(_WATCH)
    if w is not None and not w.written:
        w.write()


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    _local.commits = commits_here() + 1
    _end(session)


@event.listens_for(Session, "after_rollback")
def _end(session: Session) -> None:
    w = session.info.pop(_WATCH, None)
    if w is not None:
        w.end()
