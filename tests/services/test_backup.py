"""Backups: sealed with the office's password, rotated, and restored whole (SQLite files)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from silverage.db import migrate
from silverage.db.engine import open_database
from silverage.domain.clock import FixedClock
from silverage.domain.enums import Role
from silverage.domain.problems import PermissionDenied, UserError
from silverage.services.backup import backup_file, backup_settings, make, restore, snapshot
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster import roster_query
from tests.conftest import PG_URL, TODAY

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite files: a server's backup is the server's job")

ADMIN = Actor("admin", Role.ADMIN, "管理员")
PASSWORD = "Yuehe-2026-bk"


@pytest.fixture
def office(demo_template: Path, tmp_path: Path):
    path = tmp_path / "office" / "silverage.sqlite"
    path.parent.mkdir()
    shutil.copy(demo_template, path)
    database = open_database(str(path))
    ctx = ServiceContext(database, ADMIN, FixedClock(datetime(2026, 11, 26, 17, 30)))
    backup_settings.set_backup_password(ctx, PASSWORD)
    backup_settings.set_backup_folder(ctx, tmp_path / "usb")
    yield ctx
    database.dispose()


def _elders(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM elder").fetchone()[0]
    finally:
        con.close()


def test_round_trip_brings_the_roster_back_and_keeps_the_current_file_aside(office, tmp_path):
    result = make.backup_now(office)
    assert result.path.parent == tmp_path / "usb"
    assert result.counts["elders_active"] == 979
    assert (result.path.stat().st_mode & 0o777) == 0o600

    target = tmp_path / "office" / "silverage.sqlite"
    con = sqlite3.connect(target)  # the day after: someone deletes most of the roster
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("DELETE FROM elder WHERE id > 10")
    con.commit()
    con.close()
    office.db.dispose()

    done = restore.restore_sqlite(result.path, PASSWORD, target, FixedClock(datetime(2026, 11, 27, 9, 0)))
    assert done.preview.counts["elders"] == 995
    assert _elders(target) == 995
    assert done.kept_aside is not None and _elders(done.kept_aside) == 10
    assert done.kept_aside.name == "silverage.before-restore-20261127-090000.sqlite"
    reopened = ServiceContext(open_database(str(target)), ADMIN)
    try:
        assert roster_query.counts(reopened).elders_active == 979
    finally:
        reopened.db.dispose()


def test_a_lost_backup_reveals_nothing_without_the_password(office):
    result = make.backup_now(office)
    data = result.path.read_bytes()
    for text in ("月河社区", "示范街道", "SQLite format 3"):
        assert text.encode("utf-8") not in data
    with pytest.raises(UserError) as err:
        restore.open_checked(result.path, "not-the-password")
    assert "备份密码不对" in err.value.zh


def test_a_wrong_password_replaces_nothing(office, tmp_path):
    result = make.backup_now(office)
    target = tmp_path / "office" / "silverage.sqlite"
    office.db.dispose()
    before = target.read_bytes()
    with pytest.raises(UserError, match="Wrong backup password"):
        restore.restore_sqlite(result.path, "Guess-12345", target, FixedClock(datetime(2026, 11, 27)))
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir() if "before-restore" in p.name] == []


@pytest.mark.parametrize("where", ["ciphertext", "header"])
def test_a_tampered_backup_is_refused(office, tmp_path, where):
    result = make.backup_now(office)
    data = bytearray(result.path.read_bytes())
    at = len(data) - 100 if where == "ciphertext" else data.index(b'"ephemeral"') + 16
    data[at] ^= 0x01
    forged = tmp_path / "forged.sgbak"
    forged.write_bytes(bytes(data))
    with pytest.raises(UserError) as err:
        restore.open_checked(forged, PASSWORD)
    assert "已损坏或被改动" in err.value.zh


def test_a_file_that_is_not_a_backup_is_named_as_such(tmp_path):
    other = tmp_path / "roster.xlsx"
    other.write_bytes(b"PK\x03\x04 not a backup")
    with pytest.raises(UserError, match="not a silverage backup"):
        restore.open_checked(other, PASSWORD)


def test_a_backup_made_before_a_migration_restores_and_is_upgraded(demo_template, tmp_path):
    old = tmp_path / "old.sqlite"
    shutil.copy(demo_template, old)
    database = open_database(str(old))
    ctx = ServiceContext(database, ADMIN)
    backup_settings.set_backup_password(ctx, PASSWORD)
    key = backup_settings.stored_key(ctx)
    database.dispose()
    from alembic import command
    from sqlalchemy import create_engine

    plain = create_engine(f"sqlite:///{old}")
    with plain.connect() as conn:
        command.downgrade(migrate.config(conn), "0003")  # as an older silverage left it
        conn.commit()
    plain.dispose()
    image = snapshot.copy_sqlite(old)
    with snapshot.load_image(image) as con:
        manifest = snapshot.describe(con)
    assert manifest["schema_revision"] == "0003"
    file = tmp_path / "old-20250101-120000.sgbak"
    file.write_bytes(backup_file.seal({"created_at": "2025-01-01T12:00:00", **manifest}, image, key))

    target = tmp_path / "new-pc" / "silverage.sqlite"  # a new PC: nothing there yet
    done = restore.restore_sqlite(file, PASSWORD, target, FixedClock(datetime(2026, 11, 27)))
    assert done.preview.needs_upgrade and done.kept_aside is None
    con = sqlite3.connect(target)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
    finally:
        con.close()
    reopened = ServiceContext(open_database(str(target)), ADMIN)
    try:
        assert roster_query.counts(reopened).elders_active == 979
    finally:
        reopened.db.dispose()


def test_rotation_runs_after_each_backup(office, tmp_path):
    clock = office.clock
    assert isinstance(clock, FixedClock)
    for _ in range(10):  # ten evenings in a row, several backups on the last
        make.backup_now(office)
        clock.advance(timedelta(days=1))
    clock.advance(timedelta(hours=-20))
    make.backup_now(office)
    files = sorted(p.name for p in (tmp_path / "usb").iterdir())
    # The last 7 days that had a backup (the evening's replaced by the later one of 5 December);
    # the older November days are also no week's or month's newest, so they go.
    assert files[0] == "silverage-20261129-173000.sgbak" and len(files) == 7
    assert "silverage-20261205-213000.sgbak" in files and "silverage-20261205-173000.sgbak" not in files
    assert all(p.startswith("silverage-2026") for p in files)


def test_the_status_warns_after_seven_days_and_when_the_folder_is_gone(office, tmp_path):
    make.backup_now(office)
    assert not make.status(office).stale
    office.clock.advance(timedelta(days=8))
    st = make.status(office)
    assert st.stale and "8天前" in st.problem_zh
    assert make.due(office)
    backup_settings.set_backup_folder(office, tmp_path / "stick" / "银龄备份")  # a USB stick
    make.backup_now(office)
    assert not make.status(office).stale
    shutil.rmtree(tmp_path / "stick")  # the stick is pulled out
    st = make.status(office)
    assert not st.reachable and "无法访问" in st.problem_zh
    (tmp_path / "stick").write_text("a file where the drive was")
    with pytest.raises(UserError, match="cannot be reached"):
        make.backup_now(office)


def test_a_backup_folder_not_made_yet_is_made_by_the_first_backup(office, tmp_path):
    backup_settings.set_backup_folder(office, tmp_path / "share")
    shutil.rmtree(tmp_path / "share")
    assert make.status(office).reachable
    assert make.backup_now(office).path.parent == tmp_path / "share"


def test_only_an_administrator_changes_the_password_or_the_folder(office, tmp_path):
    worker = ServiceContext(office.db, Actor("sheg", Role.WORKER, "李社工"))
    with pytest.raises(PermissionDenied, match="administrator"):
        backup_settings.set_backup_password(worker, "Another-pass-99")
    with pytest.raises(PermissionDenied):
        backup_settings.set_backup_folder(worker, tmp_path / "elsewhere")
    assert make.backup_now(worker).path.exists()  # anyone signed in may make one


def test_after_a_password_change_new_backups_need_the_new_password(office):
    first = make.backup_now(office)
    backup_settings.set_backup_password(office, "New-office-pass-7")
    office.clock.advance(timedelta(days=1))
    second = make.backup_now(office)
    restore.open_checked(first.path, PASSWORD)
    restore.open_checked(second.path, "New-office-pass-7")
    with pytest.raises(UserError):
        restore.open_checked(second.path, PASSWORD)


def test_a_weak_backup_password_is_refused_with_its_reason(office):
    with pytest.raises(UserError) as err:
        backup_settings.set_backup_password(office, "12345678")
    assert "备份密码" in str(err.value)


def test_the_demo_backup_password_is_demo(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    database = open_database(str(path))
    try:
        ctx = ServiceContext(database)
        # the demo is built with it (README), so nothing is left to set
        assert not backup_settings.ensure_demo_backup_password(ctx)
        backup_settings.verify_backup_password(ctx, "demo")
    finally:
        database.dispose()
    assert TODAY.year == 2026
