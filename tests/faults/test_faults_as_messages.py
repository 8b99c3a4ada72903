"""Faults of the machine end in a message a community worker understands, nothing half-written,
and nothing personal in the log: disk full, read-only, another writer holding the lock, a value
longer than its column, a record saved by someone else meanwhile."""

from __future__ import annotations

import io
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from silverage.db import models as m
from silverage.db.engine import open_database
from silverage.domain.problems import UserError, ValidationError
from silverage.logging_setup import ScrubbingFormatter
from silverage.services import users
from silverage.services.context import ServiceContext
from silverage.services.roster import elders
from tests.conftest import PG_URL, TODAY
from tests.services.elder_helpers import person

GOOD = "Yuehe-2026"
NAME, PHONE = "张桂英", "13812345678"
ID = person().id_number


@pytest.fixture
def log_text() -> Iterator[io.StringIO]:
    """What the log file would hold: the app's own formatter on a string."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(ScrubbingFormatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    old = root.level
    root.setLevel(logging.DEBUG)
    yield out
    root.removeHandler(handler)
    root.setLevel(old)


def _nothing_personal(text: str) -> None:
    for secret in (NAME, PHONE, ID, "中山路12号", "王建国"):
        assert secret not in text


def _office(path: Path) -> ServiceContext:
    ctx = ServiceContext(open_database(str(path) if PG_URL is None else PG_URL))
    ctx.actor = users.init_office(ctx, "南湖街道", "zhang", "张主任", GOOD).actor
    return ctx


def _elders(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(m.Elder)) or 0


sqlite_only = pytest.mark.skipif(PG_URL is not None, reason="SQLite pragmas simulate the fault")


@sqlite_only
def test_a_full_disk_is_a_message_and_nothing_is_half_written(tmp_path, log_text) -> None:  # noqa: ANN001
    path = tmp_path / "roster.sqlite"
    first = _office(path)
    with first.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    first.db.dispose()
    ctx = _office_again(path, f"PRAGMA max_page_count={pages}")
    saved = 0
    with pytest.raises(UserError, match="磁盘已满") as caught:
        for seq in range(1, 400):
            elders.create_elder(
                ctx, person(seq=seq, address_detail=f"中山路{seq}号" + "记" * 150), today=TODAY
            )
            saved += 1
    assert "disk is full" in caught.value.en
    assert _elders(ctx) == saved  # the save that did not fit left nothing behind
    _nothing_personal(log_text.getvalue())
    ctx.db.dispose()


def _office_again(path: Path, *pragmas: str) -> ServiceContext:
    """The office's database opened again with ``pragmas`` on every connection (the fault)."""
    signed_in = ServiceContext(open_database(str(path)))
    actor = users.sign_in(signed_in, "zhang", GOOD)
    signed_in.db.dispose()
    db = open_database(str(path))

    @event.listens_for(db.engine, "connect")
    def _pragmas(conn: sqlite3.Connection, _record: object) -> None:
        for pragma in pragmas:
            conn.execute(pragma)

    return ServiceContext(db, actor)


@sqlite_only
def test_a_read_only_database_is_a_message(tmp_path, log_text) -> None:  # noqa: ANN001
    path = tmp_path / "roster.sqlite"
    _office(path).db.dispose()
    ctx = _office_again(path, "PRAGMA query_only=ON")
    with pytest.raises(UserError, match="只读"):
        elders.create_elder(ctx, person(), today=TODAY)
    assert _elders(ctx) == 0
    _nothing_personal(log_text.getvalue())
    ctx.db.dispose()


@sqlite_only
def test_another_writer_holding_the_lock_is_named(tmp_path, log_text) -> None:  # noqa: ANN001
    path = tmp_path / "roster.sqlite"
    _office(path).db.dispose()
    ctx = _office_again(path, "PRAGMA busy_timeout=200")
    other = sqlite3.connect(path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another window in the middle of a plan
    try:
        with pytest.raises(UserError, match="另一个银龄窗口或另一台电脑正在写入"):
            elders.create_elder(ctx, person(), today=TODAY)
    finally:
        other.rollback()
        other.close()
    assert _elders(ctx) == 0
    elders.create_elder(ctx, person(), today=TODAY)  # and once it is done, the save goes through
    assert _elders(ctx) == 1
    _nothing_personal(log_text.getvalue())
    ctx.db.dispose()


def test_a_value_longer_than_its_column_is_refused_by_field_on_every_backend(tmp_path) -> None:  # noqa: ANN001
    ctx = _office(tmp_path / "roster.sqlite")
    with pytest.raises(ValidationError) as caught:
        elders.create_elder(ctx, person(address_detail="中山路" * 100, address_room="1" * 30), today=TODAY)
    fields = {p.field for p in caught.value.problems}
    assert {"address_detail", "address_room"} <= fields
    assert "最多200个字，现在有300个" in caught.value.zh
    assert _elders(ctx) == 0
    ctx.db.dispose()


def test_a_record_saved_by_someone_else_is_a_conflict_not_an_internal_error(tmp_path) -> None:  # noqa: ANN001
    from sqlalchemy.orm.exc import StaleDataError

    from silverage.services.faults import explain

    assert "有人在您打开之后保存了同一条记录" in explain(StaleDataError("x")).zh  # type: ignore[union-attr]


def test_the_log_scrubs_ids_and_phones_in_messages_and_tracebacks(log_text) -> None:  # noqa: ANN001
    log = logging.getLogger("silverage.test")
    try:
        raise ValueError(f"bad row {ID} {PHONE} 330402400305012")
    except ValueError:
        log.exception("import failed for %s", ID)
    text = log_text.getvalue()
    assert ID not in text and PHONE not in text and "330402400305012" not in text
    assert "[已隐藏]" in text and "ValueError" in text
