import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.problems import PermissionDenied, UserError
from silverage.services import users
from silverage.services.roster import bulk, place_choices, roster_query

pytestmark = pytest.mark.db


def test_demo_users_sign_in_with_the_demo_password(demo_ctx):
    assert users.ensure_demo_passwords(demo_ctx) == 4  # admin, duda, sheg and zhao (one community)
    actor = users.sign_in(demo_ctx, "duda", users.DEMO_PASSWORD)
    assert actor.display_name == "王督导" and actor.is_supervisor
    with pytest.raises(UserError) as wrong:
        users.sign_in(demo_ctx, "duda", "wrong")
    assert "密码" in wrong.value.zh
    with demo_ctx.read() as s:
        stored = s.scalar(select(m.User.password_hash).where(m.User.username == "duda"))
    assert stored.startswith("$argon2id$") and users.DEMO_PASSWORD not in stored


def test_only_an_administrator_sets_someone_elses_password(demo_ctx):
    users.ensure_demo_passwords(demo_ctx)
    with pytest.raises(PermissionDenied):
        users.set_password(demo_ctx, "duda", "Newpass-2026")
    demo_ctx.actor = users.sign_in(demo_ctx, "duda", users.DEMO_PASSWORD)
    with pytest.raises(PermissionDenied):  # a supervisor does not manage accounts
        users.set_password(demo_ctx, "sheg", "Newpass-2026")
    demo_ctx.actor = users.sign_in(demo_ctx, "admin", users.DEMO_PASSWORD)
    users.set_password(demo_ctx, "sheg", "Newpass-2026")
    again = users.sign_in(demo_ctx, "sheg", "Newpass-2026")
    assert again.username == "sheg" and again.must_change_password  # a reset: choose your own next


def test_real_database_gets_no_demo_password(ctx):
    with ctx.transaction() as s:
        s.add(m.User(username="a", display_name="甲", role="worker"))
    assert users.ensure_demo_passwords(ctx) == 0
    with pytest.raises(UserError):
        users.sign_in(ctx, "a", users.DEMO_PASSWORD)


def test_bulk_reassign_moves_people_and_audits_each(demo_ctx):
    rows = roster_query.list_elders(demo_ctx)[:3]
    target = place_choices.micro_grids(demo_ctx)[-1]
    moved = bulk.reassign_micro_grid(demo_ctx, [r.id for r in rows], target.id).moved
    assert moved == sum(1 for r in rows if r.micro_grid_id != target.id)
    after = roster_query.list_elders(demo_ctx, roster_query.ElderFilter(ids=tuple(r.id for r in rows)))
    assert {r.micro_grid for r in after} == {target.name}
    with demo_ctx.read() as s:
        entries = s.scalars(select(m.AuditEntry).where(m.AuditEntry.field == "micro_grid_id")).all()
    assert {e.record_id for e in entries} >= {r.id for r in rows if r.micro_grid_id != target.id}
    assert all(e.user == "sheg" for e in entries)


def test_cancelled_bulk_move_changes_nothing(demo_ctx):
    rows = roster_query.list_elders(demo_ctx)[:1200]
    target = place_choices.micro_grids(demo_ctx)[0]
    job = bulk.reassign_micro_grid_job(demo_ctx, [r.id for r in rows], target.id)
    next(job)  # first chunk written inside the transaction
    job.close()  # the user pressed Cancel
    after = roster_query.list_elders(demo_ctx, roster_query.ElderFilter(ids=tuple(r.id for r in rows)))
    assert {r.id: r.micro_grid_id for r in after} == {r.id: r.micro_grid_id for r in rows}


def test_bulk_refuses_unknown_target(demo_ctx):
    with pytest.raises(UserError):
        bulk.reassign_micro_grid(demo_ctx, [1], 10**9)
