"""The audit trail is a hash chain: a row changed, removed or slipped in behind the app's back is
named by ``silverage check`` (id, time, who, what); the app's own writes always keep it whole."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from silverage.db import migrate
from silverage.db.engine import open_database
from silverage.domain.problems import UserError
from silverage.services import audit, integrity, users
from silverage.services.context import ServiceContext
from silverage.services.roster import elders
from tests.conftest import PG_URL, TODAY
from tests.services.elder_helpers import person

pytestmark = pytest.mark.db

GOOD = "Yuehe-2026"


@pytest.fixture
def office(db) -> ServiceContext:  # noqa: ANN001
    ctx = ServiceContext(db)
    ctx.actor = users.init_office(ctx, "南湖街道", "zhang", "张主任", GOOD).actor
    users.add_user(ctx, "li", "李社工", "supervisor", GOOD)
    users.set_password(ctx, "li", "Meiwan-2027")
    res = elders.create_elder(ctx, person(), today=TODAY)
    elders.update_elder(ctx, res.id, person(phone="13911112222"), res.version, today=TODAY)
    return ctx


def _problems(ctx: ServiceContext) -> list[str]:
    """What ``check`` says about the audit trail (the test people have no micro-grid)."""
    return [p for p in integrity.check(ctx).problems if "审计" in p]


def _sql(ctx: ServiceContext, sql: str, **params: object) -> None:
    with ctx.db.engine.begin() as conn:
        conn.execute(text(sql), params)


def _one(ctx: ServiceContext, sql: str) -> object:
    with ctx.db.engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def test_the_apps_own_writes_keep_the_chain_whole(office) -> None:  # noqa: ANN001
    assert _problems(office) == []
    assert integrity.check(office).counts["audit_rows"] > 10


def test_a_changed_phone_in_the_trail_is_named_by_id_time_and_action(office) -> None:  # noqa: ANN001
    rid = _one(office, "SELECT max(id) FROM audit WHERE field = 'phone' AND action = 'update'")
    _sql(office, "UPDATE audit SET new_value = '13000000000' WHERE id = :i", i=rid)
    (problem,) = _problems(office)
    assert f"id {rid}" in problem and "update" in problem and "被改动" in problem


def test_a_rewritten_user_is_caught(office) -> None:  # noqa: ANN001
    rid = _one(office, "SELECT min(id) FROM audit WHERE table_name = 'elder'")
    _sql(office, "UPDATE audit SET \"user\" = 'li' WHERE id = :i", i=rid)
    (problem,) = _problems(office)
    assert f"id {rid}" in problem


def test_a_deleted_set_password_row_is_named_as_missing(office) -> None:  # noqa: ANN001
    rid = _one(office, "SELECT id FROM audit WHERE action = 'reset_password'")
    _sql(office, "DELETE FROM audit WHERE id = :i", i=rid)
    (problem,) = _problems(office)
    assert "缺失" in problem and f"id {rid}" in problem


def test_removing_the_last_rows_is_caught(office) -> None:  # noqa: ANN001
    last = _one(office, "SELECT max(id) FROM audit")
    _sql(office, "DELETE FROM audit WHERE id >= :i", i=last - 1)
    (problem,) = _problems(office)
    assert "最后 2 行" in problem and f"{last - 1}–{last}" in problem


def test_a_row_slipped_in_behind_the_apps_back_is_caught(office) -> None:  # noqa: ANN001
    _sql(
        office,
        'INSERT INTO audit (id, at, "user", action, table_name, field, detail) '
        "VALUES (:i, '2026-11-20 10:00:00', 'zhang', 'export', 'elder', '', '')",
        i=_one(office, "SELECT max(id) FROM audit") + 1,
    )
    (problem,) = _problems(office)
    assert "没有校验值" in problem


def test_an_action_rolled_back_leaves_no_hole_in_the_chain(office) -> None:  # noqa: ANN001
    before = _one(office, "SELECT count(*) FROM audit")
    with pytest.raises(UserError):
        with office.transaction() as s:
            audit.record(s, office.actor, "print", "elder", None, detail="roster")
            raise UserError("中止", "abort")
    elders.create_elder(office, person(name="李秀兰", seq=14, address_detail="解放路1号"), today=TODAY)
    assert _one(office, "SELECT count(*) FROM audit") > before
    assert _problems(office) == []


def test_two_writers_at_once_extend_one_chain(office) -> None:  # noqa: ANN001
    """Two threads, each with its own connection, write audit rows as fast as they can."""
    errors: list[BaseException] = []

    def writer(tag: str) -> None:
        try:
            for i in range(25):
                with office.transaction() as s:
                    audit.record(s, office.actor, "print", "elder", None, detail=f"{tag}{i}")
                    audit.record_many(s, [audit.entry(office.actor, "export", "elder", i, detail=tag)] * 3)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    before = _one(office, "SELECT count(*) FROM audit")
    threads = [threading.Thread(target=writer, args=(t,)) for t in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _one(office, "SELECT count(*) FROM audit") == before + 2 * 25 * 4
    assert _problems(office) == []


@pytest.mark.skipif(PG_URL is not None, reason="builds an old SQLite file")
def test_the_upgrade_chains_the_rows_an_older_database_already_has(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "old.sqlite"
    old = open_database(str(path), upgrade=False)
    migrate.upgrade(old.engine, "0004")
    with old.engine.begin() as conn:
        for i in (1, 2, 5):  # ids with a gap, as an older app could leave
            conn.execute(
                text(
                    'INSERT INTO audit (id, at, "user", action, table_name, record_id, field, old_value, '
                    "new_value, detail) VALUES (:i, '2026-11-0' || :i || ' 09:30:00.250000', 'zhang', "
                    "'update', 'elder', 7, 'phone', NULL, '1391111000' || :i, '')"
                ),
                {"i": i},
            )
    old.dispose()
    ctx = ServiceContext(open_database(str(path)))
    assert _problems(ctx) == []  # the old gap is not reported as a removed row
    users.init_office(ctx, "南湖街道", "zhang", "张主任", GOOD)
    assert _one(ctx, "SELECT min(id) FROM audit WHERE action = 'init'") == 6
    assert _problems(ctx) == []
    _sql(ctx, "UPDATE audit SET new_value = '13900000000' WHERE id = 2")
    (problem,) = _problems(ctx)
    assert "id 2（2026-11-02 09:30:00" in problem
    ctx.db.dispose()


def test_replacing_the_demo_roster_starts_its_trail_again(db) -> None:  # noqa: ANN001
    from silverage.services import demo

    ctx = ServiceContext(db)  # a new SQLite file, or an emptied PostgreSQL schema
    demo.build_demo(ctx, elders=30)
    demo.build_demo(ctx, elders=30, replace=True)
    assert _problems(ctx) == []


def test_the_chain_head_counts_every_row(office) -> None:  # noqa: ANN001
    head = _one(office, "SELECT value FROM app_meta WHERE key = 'audit_head'")
    assert str(head).split()[0] == str(_one(office, "SELECT max(id) FROM audit"))
