"""Accounts of a real office: the first administrator, adding and disabling accounts, passwords,
and signing in with a lockout after five wrong passwords (by the service context's clock)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain import passwords
from silverage.domain.clock import FixedClock
from silverage.domain.enums import Role
from silverage.domain.problems import PermissionDenied, UserError, ValidationError
from silverage.services import users
from silverage.services.context import ServiceContext
from silverage.services.roster import places
from tests.conftest import TODAY

pytestmark = pytest.mark.db

GOOD = "Yuehe-2026"


@pytest.fixture
def office(db) -> ServiceContext:  # noqa: ANN001
    """A new office's database: its first administrator signed in, two communities."""
    ctx = ServiceContext(db, clock=FixedClock.on(TODAY))
    ctx.actor = users.init_office(ctx, "南湖街道", "zhang", "张主任", GOOD).actor
    places.add_place(ctx, "月河社区/1网格/1号微网格")
    places.add_place(ctx, "梅湾社区/1网格")
    return ctx


def _audit(ctx: ServiceContext) -> list[tuple[str, str, str]]:
    with ctx.read() as s:
        rows = s.execute(
            select(m.AuditEntry.user, m.AuditEntry.action, m.AuditEntry.detail)
            .where(m.AuditEntry.table_name == "app_user")
            .order_by(m.AuditEntry.id)
        ).all()
    return [tuple(r) for r in rows]


def test_init_creates_the_first_administrator_and_names_the_subdistrict(office: ServiceContext) -> None:
    assert office.actor.role is Role.ADMIN and office.actor.display_name == "张主任"
    assert users.subdistrict_name(office) == "南湖街道"
    assert users.sign_in(office, "zhang", GOOD).username == "zhang"
    with office.read() as s:
        stored = s.scalar(select(m.User.password_hash).where(m.User.username == "zhang"))
    assert stored.startswith("$argon2id$") and GOOD not in stored


def test_a_second_init_is_refused_and_changes_nothing(office: ServiceContext) -> None:
    with pytest.raises(UserError) as err:
        users.init_office(office, "别的街道", "li", "李", GOOD)
    assert "已经设置过账号" in err.value.zh
    assert users.subdistrict_name(office) == "南湖街道"
    assert [u.username for u in users.list_users(office)] == ["zhang"]


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("abc12", "太短"),
        ("12345678", "连续"),
        ("zhang2026", "用户名"),
        ("88888888", "同一个字符"),
        ("11112222", "常见"),
        ("password1", "常见"),
        ("aaaaaaaa", "同一个字符"),
        ("qiuzhiyuanzi", None),  # twelve letters: long enough on its own
        ("abcdefghx", "两种"),
    ],
)
def test_a_weak_password_is_refused_with_the_reason(password: str, reason: str | None) -> None:
    problem = passwords.check(password, "zhang", "张主任")
    if reason is None:
        assert problem is None
    else:
        assert problem is not None and reason in problem.zh and problem.en


def test_init_with_a_weak_password_says_why(db) -> None:  # noqa: ANN001
    ctx = ServiceContext(db)
    with pytest.raises(ValidationError) as err:
        users.init_office(ctx, "南湖街道", "zhang", "张主任", "123456")
    assert "太短" in err.value.zh
    assert not users.has_accounts(ctx)


def test_an_administrator_adds_a_worker_for_one_community(office: ServiceContext) -> None:
    users.add_user(office, "li", "李社工", "worker", GOOD, ["月河"])  # matched loosely, as imports are
    li = users.sign_in(office, "li", GOOD)
    with office.read() as s:
        yuehe = s.scalar(select(m.Community.id).where(m.Community.name == "月河社区"))
    assert li.role is Role.WORKER and li.communities == frozenset({yuehe})
    row = next(a for a in users.accounts(office) if a.username == "li")
    assert row.communities == ("月河社区",) and row.active and not row.must_change_password


def test_account_rules_are_explained(office: ServiceContext) -> None:
    with pytest.raises(ValidationError) as err:
        users.add_user(office, "li", "李社工", "worker", GOOD)
    assert "负责的社区" in err.value.zh
    with pytest.raises(ValidationError) as err:
        users.add_user(office, "li", "李社工", "worker", GOOD, ["南门社区"])
    assert "没有名为“南门社区”的社区" in err.value.zh and "月河社区" in err.value.zh
    with pytest.raises(ValidationError) as err:
        users.add_user(office, "wang", "王督导", "supervisor", GOOD, ["月河社区"])
    assert "只有社区工作者按社区分配" in err.value.zh
    with pytest.raises(ValidationError):
        users.add_user(office, "Zhang", "另一个张", "viewer", GOOD)  # taken, whatever the case
    with pytest.raises(ValidationError):
        users.add_user(office, "a b", "空格", "viewer", GOOD)
    assert [u.username for u in users.list_users(office)] == ["zhang"]


def test_only_an_administrator_manages_accounts(office: ServiceContext) -> None:
    users.add_user(office, "wang", "王督导", "supervisor", GOOD)
    supervisor = ServiceContext(office.db, users.sign_in(office, "wang", GOOD))
    with pytest.raises(PermissionDenied) as err:
        users.add_user(supervisor, "li", "李社工", "worker", GOOD, ["月河社区"])
    assert "只有管理员" in err.value.zh
    with pytest.raises(PermissionDenied):
        users.accounts(supervisor)


def test_the_last_administrator_cannot_be_disabled_or_demoted(office: ServiceContext) -> None:
    users.add_user(office, "wang", "王督导", "supervisor", GOOD)
    with pytest.raises(UserError) as err:
        users.disable_user(office, "zhang")
    assert "自己" in err.value.zh
    users.add_user(office, "liu", "刘管理", "admin", GOOD)
    other_admin = ServiceContext(office.db, users.sign_in(office, "liu", GOOD))
    users.disable_user(other_admin, "zhang")  # two administrators: one may go
    with pytest.raises(UserError) as err:
        users.update_user(other_admin, "liu", role="supervisor")
    assert "最后一个在用的管理员" in err.value.zh
    users.enable_user(other_admin, "zhang")
    users.disable_user(other_admin, "wang")
    with pytest.raises(UserError) as err:
        users.sign_in(office, "wang", GOOD)
    assert "已停用" in err.value.zh
    with pytest.raises(UserError) as err:
        users.sign_in(office, "wang", "not-it-1")
    assert "用户名或密码不对" in err.value.zh  # a wrong password does not learn the account is disabled


def test_a_reset_password_must_be_changed_at_the_next_sign_in(office: ServiceContext) -> None:
    users.add_user(office, "li", "李社工", "worker", GOOD, ["月河社区"])
    users.reset_password(office, "li", "Temp-0417")
    li = users.sign_in(office, "li", "Temp-0417")
    assert li.must_change_password
    own = ServiceContext(office.db, li)
    with pytest.raises(ValidationError):
        users.change_own_password(own, "123")
    with pytest.raises(UserError):
        users.change_own_password(own, "Mine-2027x", old_password="wrong")
    users.change_own_password(own, "Mine-2027x", old_password="Temp-0417")
    assert not users.sign_in(office, "li", "Mine-2027x").must_change_password


def test_five_wrong_passwords_lock_the_account_for_five_minutes(office: ServiceContext) -> None:
    clock = office.clock
    assert isinstance(clock, FixedClock)
    for _ in range(4):
        with pytest.raises(UserError) as err:
            users.sign_in(office, "zhang", "wrong-pass")
        assert "用户名或密码不对" in err.value.zh
    with pytest.raises(UserError) as err:
        users.sign_in(office, "zhang", "wrong-pass")
    assert "已被锁定" in err.value.zh and "5分钟" in err.value.zh
    with pytest.raises(UserError) as err:
        users.sign_in(office, "zhang", GOOD)  # even the right password waits
    assert "已被锁定" in err.value.zh
    clock.advance(timedelta(minutes=4, seconds=59))
    with pytest.raises(UserError):
        users.sign_in(office, "zhang", GOOD)
    clock.advance(timedelta(seconds=2))
    assert users.sign_in(office, "zhang", GOOD).username == "zhang"
    actions = [a for _, a, _ in _audit(office)]
    assert actions.count("sign_in_failed") == 4 and actions.count("lockout") == 1
    assert actions.count("sign_in_locked") == 2 and actions[-1] == "sign_in"
    assert all(GOOD not in d and "wrong-pass" not in d for _, _, d in _audit(office))


def test_a_success_starts_the_count_again(office: ServiceContext) -> None:
    for _ in range(4):
        with pytest.raises(UserError):
            users.sign_in(office, "zhang", "wrong-pass")
    users.sign_in(office, "zhang", GOOD)
    for _ in range(4):
        with pytest.raises(UserError) as err:
            users.sign_in(office, "zhang", "wrong-pass")
        assert "锁定" not in err.value.zh


def test_an_unknown_user_is_audited_without_the_name_typed(office: ServiceContext) -> None:
    with pytest.raises(UserError) as err:
        users.sign_in(office, "13812345678", "whatever")
    assert "用户名或密码不对" in err.value.zh
    who, action, detail = _audit(office)[-1]
    assert (who, action, detail) == ("(unknown)", "sign_in_failed", "unknown user")


def test_the_idle_lock_is_an_administrators_setting(office: ServiceContext) -> None:
    assert users.idle_lock_minutes(office) == 10
    users.set_idle_lock_minutes(office, 15)
    assert users.idle_lock_minutes(office) == 15
    users.add_user(office, "wang", "王督导", "supervisor", GOOD)
    with pytest.raises(PermissionDenied):
        users.set_idle_lock_minutes(ServiceContext(office.db, users.sign_in(office, "wang", GOOD)), 5)
