"""Shared fixtures: a fresh data folder and database per test, Qt offscreen, no stray threads.

Set ``SILVERAGE_TEST_DB_URL`` to a PostgreSQL URL to run the database tests against a server:
each test then gets a freshly emptied schema on that server.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from silverage.db.engine import Database, open_database  # noqa: E402
from silverage.domain.enums import Role  # noqa: E402
from silverage.services.context import Actor, ServiceContext  # noqa: E402

TODAY = date(2026, 11, 26)
PG_URL = os.environ.get("SILVERAGE_TEST_DB_URL")


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs on TODAY, whatever the machine's date: the app's one clock honours
    SILVERAGE_TODAY (services, views, the CLI in-process and in a subprocess alike)."""
    monkeypatch.setenv("SILVERAGE_TODAY", TODAY.isoformat())


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Data, logs and Qt settings go to a temp folder: tests never touch a real roster."""
    monkeypatch.setenv("SILVERAGE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SILVERAGE_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def _no_dangling_threads() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    extra = [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]
    for t in extra:
        t.join(timeout=5)
    still = [t.name for t in extra if t.is_alive()]
    assert not still, f"test left threads running: {still}"


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal message box nobody answers would hang the whole suite (offscreen, no user): make
    it fail the test instead, naming the box. Tests that expect a question replace the app's own
    asking function (e.g. ``person_editor.confirm_discard``) with monkeypatch."""
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QMessageBox

    def refuse_exec(self: QMessageBox, *args: object, **kwargs: object) -> int:
        raise AssertionError(f"unexpected modal message box: {self.text()!r}")

    def refuse_static(*args: object, **kwargs: object) -> object:
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected modal message box: {texts!r}")

    monkeypatch.setattr(QMessageBox, "exec", refuse_exec)
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse_static))


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_ui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt tests free their cyclic garbage here, on the main thread (see silverage.ui.shell.gc_guard)."""
    yield
    if "qtbot" in request.fixturenames:
        import gc

        gc.collect()


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def db_target(tmp_path: Path) -> str:
    """A database location nobody has used: a new SQLite file, or an emptied PostgreSQL schema."""
    if PG_URL:
        _reset_postgres(PG_URL)
        return PG_URL
    return str(tmp_path / "roster.sqlite")


def _finish_gui_jobs() -> None:
    """A GUI test's background reads must end inside that test: left running, they would meet the
    next test's emptied database (on PostgreSQL a DROP SCHEMA deadlocks with them)."""
    import sys

    if "silverage.ui.shell.tasks" in sys.modules:
        from silverage.ui.shell.tasks import TaskRunner

        TaskRunner.finish_all()


@pytest.fixture
def db(db_target: str) -> Iterator[Database]:
    database = open_database(db_target)
    yield database
    _finish_gui_jobs()
    database.dispose()


@pytest.fixture
def ctx(db: Database) -> ServiceContext:
    return ServiceContext(db, Actor("sheg", Role.WORKER, "李社工"))


@pytest.fixture
def supervisor_ctx(db: Database) -> ServiceContext:
    return ServiceContext(db, Actor("duda", Role.SUPERVISOR, "王督导"))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo roster built per test session (SQLite); copy it with ``demo_ctx``."""
    from silverage.services import demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(str(path))
    demo.build_demo(ServiceContext(database), seed=2026, today=TODAY)
    database.dispose()
    return path


@pytest.fixture
def demo_ctx(demo_template: Path, tmp_path: Path) -> Iterator[ServiceContext]:
    """A private copy of the demo roster (979 people), acting as a community worker."""
    import shutil

    if PG_URL:
        from silverage.services import demo

        _reset_postgres(PG_URL)
        database = open_database(PG_URL)
        demo.build_demo(ServiceContext(database), seed=2026, today=TODAY)
    else:
        path = tmp_path / "demo.sqlite"
        shutil.copy(demo_template, path)
        database = open_database(str(path))
    yield ServiceContext(database, Actor("sheg", Role.WORKER, "李社工"))
    _finish_gui_jobs()
    database.dispose()
