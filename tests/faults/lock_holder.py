"""Run as a second process by the lock-wait tests: hold the write lock of the SQLite database
``SILVERAGE_DB`` names for ``argv[2]`` seconds, as ``argv[1]`` says:

- ``raw``: a bare ``BEGIN IMMEDIATE`` (another program, or a writer that leaves no note);
- ``app``: a silverage transaction of 王督导 in ``silverage plan`` (which leaves its note), holding
  the audit chain's head row, which every audited save needs (on PostgreSQL, a row lock).

Prints ``held`` once the lock is taken. ``lock_held`` runs it from a test."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import update

from silverage.db import models as m
from silverage.db.engine import open_database
from silverage.domain.enums import Role
from silverage.services import audit_chain, writer_note
from silverage.services.context import Actor, ServiceContext

HOLDER = Path(__file__)


@contextmanager
def lock_held(path: Path | str, how: str, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """A second process holding the write lock of ``path`` (a file, or a server URL for ``app``),
    for ``seconds`` at most."""
    env = {**os.environ, "SILVERAGE_DB": str(path)}
    proc = subprocess.Popen(
        [sys.executable, str(HOLDER), how, str(seconds)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=30)


def main(how: str, seconds: float) -> None:
    path = os.environ["SILVERAGE_DB"]
    if how == "raw":
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        print("held", flush=True)
        time.sleep(seconds)
        con.execute("ROLLBACK")
        return
    writer_note.set_program("silverage plan")
    ctx = ServiceContext(open_database(path, create=False), Actor("duda", Role.SUPERVISOR, "王督导"))
    with ctx.transaction() as s:
        head = m.AppMeta.key == audit_chain.HEAD_KEY
        s.execute(update(m.AppMeta).where(head).values(value=m.AppMeta.value))
        print("held", flush=True)
        time.sleep(seconds)
        s.rollback()


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
