"""Opening databases: creation, migrations, and every bad-input case from the foundation issue."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from silverage.db import migrate
from silverage.db.engine import open_database
from silverage.domain.problems import UserError
from tests.conftest import PG_URL

pytestmark = pytest.mark.db
sqlite_only = pytest.mark.skipif(bool(PG_URL), reason="SQLite file behaviour")


def test_new_database_is_created_and_at_head(db):
    with db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()


def test_the_head_read_from_file_names_is_alembics_head():
    """Opening a current database trusts the file names (no Alembic at start-up): a migration
    whose file name and revision id disagree would leave databases un-upgraded."""
    assert migrate.packaged_head() == migrate.head_revision()


def test_models_and_migrations_do_not_drift(db):
    # The equivalent of `alembic check`: autogenerate finds nothing to add.
    migrate.check(db.engine)


@sqlite_only
def test_sqlite_runs_in_wal_with_foreign_keys(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


@sqlite_only
def test_missing_folder_is_created(tmp_path: Path):
    path = tmp_path / "a" / "b" / "roster.sqlite"
    database = open_database(str(path))
    database.dispose()
    assert path.exists()


@sqlite_only
def test_not_a_database_is_refused_and_left_alone(tmp_path: Path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"shopping list\n" * 10)
    before = path.read_bytes()
    with pytest.raises(UserError) as err:
        open_database(str(path))
    assert "不是" in err.value.zh
    assert path.read_bytes() == before


@sqlite_only
def test_read_only_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "ro.sqlite"
    open_database(str(path)).dispose()
    os.chmod(path, 0o444)
    before = path.read_bytes()
    if os.access(path, os.W_OK):
        # Running as root (as CI does), permissions are not enforced: let the OS answer as it
        # would for an ordinary office user.
        real_access = os.access
        monkeypatch.setattr(
            os,
            "access",
            lambda p, mode: False if Path(p) == path and mode == os.W_OK else real_access(p, mode),
        )
    with pytest.raises(UserError) as err:
        open_database(str(path))
    assert "只读" in err.value.zh
    assert path.read_bytes() == before


@sqlite_only
def test_database_from_newer_app_is_refused_unchanged(tmp_path: Path):
    path = tmp_path / "newer.sqlite"
    open_database(str(path)).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(UserError) as err:
        open_database(str(path))
    assert "更新版本" in err.value.zh
    assert path.read_bytes() == before


@sqlite_only
def test_other_programs_database_is_refused(tmp_path: Path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(UserError) as err:
        open_database(str(path))
    assert "其他程序" in err.value.zh


@sqlite_only
def test_locked_database_gets_a_readable_message(tmp_path: Path):
    path = tmp_path / "locked.sqlite"
    open_database(str(path)).dispose()
    con = sqlite3.connect(path, timeout=0)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(UserError) as err:
            open_database(str(path))
        assert "占用" in err.value.zh or "锁" in err.value.zh
    finally:
        con.rollback()
        con.close()


@sqlite_only
def test_upgrading_an_older_file_keeps_a_backup_and_the_data(tmp_path: Path):
    from sqlalchemy import create_engine, inspect

    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO community (id, code, name, sort_order) VALUES (1, 'C1', '月河社区', 0)")
        )
    engine.dispose()

    database = open_database(str(path))
    with database.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision() != "0001"
        assert conn.execute(text("SELECT name FROM community")).scalar() == "月河社区"
        assert "ix_elder_last_contact" in {ix["name"] for ix in inspect(conn).get_indexes("elder")}
    database.dispose()
    backups = list(tmp_path.glob("old.before-*.sqlite"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert con.execute("SELECT name FROM community").fetchall() == [("月河社区",)]
    con.close()


@sqlite_only
def test_refused_file_in_rollback_journal_mode_is_left_byte_for_byte(tmp_path: Path):
    # A file another tool made (journal_mode=DELETE): merely looking must not switch it to WAL.
    path = tmp_path / "theirs.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(UserError):
        open_database(str(path))
    assert path.read_bytes() == before


def test_unreachable_postgres_is_one_readable_error():
    with pytest.raises(UserError) as err:
        open_database("postgresql://nobody@127.0.0.1:1/none")
    assert "无法连接" in err.value.zh


def test_an_existing_database_is_upgraded_to_accounts_and_scopes_and_back(db_target: str):
    """0002 -> 0003 keeps every row (accounts unlocked, places in use), and 0003 downgrades cleanly."""
    from alembic import command
    from sqlalchemy import create_engine

    from silverage.db.engine import resolve_url

    engine = create_engine(resolve_url(db_target))
    try:
        migrate.upgrade(engine, "0002")
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO community (id, code, name, sort_order) VALUES (1, 'C001', '月河社区', 0)")
            )
            conn.execute(
                text(
                    "INSERT INTO app_user (id, username, display_name, role, password_hash, active, "
                    "created_at) VALUES (1, 'duda', '王督导', 'supervisor', '', :t, :now)"
                ),
                {"t": True, "now": "2026-11-26 09:00:00"},
            )
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            user = conn.execute(
                text("SELECT failed_sign_ins, locked_until, must_change_password FROM app_user")
            ).one()
            assert (user[0], user[1], bool(user[2])) == (0, None, False)
            assert not conn.execute(text("SELECT archived FROM community")).scalar()
            assert conn.execute(text("SELECT COUNT(*) FROM user_community")).scalar() == 0
        with engine.begin() as conn:
            command.downgrade(migrate.config(conn), "0002")
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == "0002"
            assert conn.execute(text("SELECT name FROM community")).scalar() == "月河社区"
        migrate.upgrade(engine)
    finally:
        engine.dispose()
