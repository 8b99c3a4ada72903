"""Waiting for another writer's lock where the person can see it and cancel it (the desktop app).

SQLite lets one writer at a time. Left to itself, a save that meets a plan or an import being
written in another window or on another PC sits inside SQLite for ``BUSY_MS`` and then fails; and
once the other writer commits, a transaction that had already read cannot write at all (its
snapshot is stale: "database is locked" at once). So the app's worker gives each attempt only a
short lock wait and, when the lock refused it and the attempt committed nothing, runs the whole
action again, as pressing the button again would. Between attempts it reports who holds the lock
(``writer_note``) so the window can show "正在等待数据库……" with Cancel; after ``patience_s`` it
gives up with a message that names the writer and says the typing is kept.

Everything here runs on the worker thread that owns the action's session.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from silverage.db.engine import Database, short_lock_waits
from silverage.services import faults, writer_note
from silverage.services.context import ServiceContext
from silverage.services.writer_note import Holder


@dataclass
class LockWait:
    db: Database
    patience_s: float = 60.0  # how long to keep trying before saying who holds the lock
    attempt_ms: int = 250  # each attempt's own wait inside SQLite
    pause_s: float = 0.25  # between attempts (Cancel answers within it)

    def run(
        self,
        attempt: Callable[[], Any],
        cancel: threading.Event,
        waiting: Callable[[Holder | None], None],
    ) -> Any:
        """``attempt()`` until it is not refused by another writer's lock.

        ``waiting(holder)`` is called before each pause. When ``cancel`` is set while waiting, the
        lock's refusal is raised as it is (nothing was written; the caller knows it cancelled)."""
        started: float | None = None
        while True:
            commits = writer_note.commits_here()
            try:
                with short_lock_waits(self.attempt_ms):
                    return attempt()
            except Exception as exc:
                known = faults.explain(exc)
                if (
                    not isinstance(known, faults.DatabaseLocked)
                    or writer_note.commits_here() != commits  # part of it is written: never run twice
                    or cancel.is_set()
                ):
                    raise
                now = time.monotonic()
                started = now if started is None else started
                holder = writer_note.holder_of(self.db)
                if now - started >= self.patience_s:
                    raise faults.locked(holder, typing_kept=True) from exc
                waiting(holder)
                if _cancelled_within(cancel, self.pause_s):
                    raise


def _cancelled_within(cancel: threading.Event, seconds: float) -> bool:
    """``cancel.wait(seconds)`` by short sleeps: a timed wait on a condition never times out when
    the process's clock is moved (libfaketime, a clock changed by the OS), sleep does."""
    deadline = time.monotonic() + seconds
    while not cancel.is_set():
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(left, 0.05))
    return True


def for_context(ctx: ServiceContext) -> LockWait:
    return LockWait(ctx.db)
