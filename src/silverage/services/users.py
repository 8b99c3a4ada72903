"""Accounts, sign-in and passwords (argon2id via argon2-cffi; no Qt here).

A new office's database has no accounts: ``init_office`` creates its first administrator (and
stores the subdistrict's name). Administrators add accounts, give community workers their
communities, disable accounts (never the last administrator) and reset passwords; a reset makes
the user choose their own password at the next sign-in. Five wrong passwords in a row lock an
account for five minutes (by the service context's clock); every sign-in, failure and lockout is in
the audit trail, and no password is ever stored or logged in clear.

A database with no accounts at all has nobody to sign in as: the computer's login acts as a
community worker until ``init_office``. The synthetic demo roster's users get the documented demo
password ``DEMO_PASSWORD`` so the README's run command works.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import passwords
from silverage.domain.changes import USERS, Changes
from silverage.domain.enums import Role
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, UserError, ValidationError
from silverage.services import audit
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster.place_match import community_key
from silverage.services.scope import UNSCOPED

if TYPE_CHECKING:
    from argon2 import PasswordHasher

DEMO_PASSWORD = "demo"  # documented in README; only ever set on a database marked synthetic
MAX_FAILURES = 5  # wrong passwords in a row before the account is locked
LOCK_MINUTES = 5
IDLE_SETTING = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10
_USERNAME = re.compile(r"^[\w.@-]{2,50}$")


@cache
def _hasher() -> PasswordHasher:
    """argon2 loads when a password is first hashed or checked, not while the roster opens."""
    from argon2 import PasswordHasher

    return PasswordHasher()


@dataclass(frozen=True)
class UserRow:
    """An active account as the sign-in list and the audit trail show it (no secrets)."""

    username: str
    display_name: str
    role: Role
    has_password: bool


@dataclass(frozen=True)
class AccountRow:
    """An account as an administrator manages it."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    communities: tuple[str, ...]
    has_password: bool
    must_change_password: bool
    locked_until: datetime | None  # UTC; None or past = not locked

    def as_json(self) -> dict[str, object]:
        return {
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role.value,
            "role_zh": self.role.zh,
            "active": self.active,
            "communities": list(self.communities),
            "has_password": self.has_password,
            "must_change_password": self.must_change_password,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
        }


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _load_user(s: Session, username: str) -> m.User:
    user = s.scalar(select(m.User).where(m.User.username == username.strip()))
    if user is None:
        raise UserError(
            f"没有这个用户：{username}（用 silverage users list 查看所有账号）",
            f"No such user: {username} (silverage users list shows every account)",
        )
    return user


def _community_ids(s: Session, user_id: int) -> frozenset[int]:
    return frozenset(
        s.scalars(select(m.UserCommunity.community_id).where(m.UserCommunity.user_id == user_id))
    )


def actor_for(s: Session, user: m.User) -> Actor:
    """The Actor a user acts as: a worker carries their communities (possibly none), others none."""
    role = Role(user.role)
    communities = _community_ids(s, user.id) if role is Role.WORKER else None
    return Actor(
        user.username, role, user.display_name or user.username, communities, bool(user.must_change_password)
    )


def has_accounts(ctx: ServiceContext) -> bool:
    """Whether anybody has an account (active or not): then nobody acts without signing in."""
    with ctx.read() as s:
        return (s.scalar(select(func.count()).select_from(m.User)) or 0) > 0


def list_users(ctx: ServiceContext) -> list[UserRow]:
    """The active accounts, for the sign-in list and for naming who did what (no secrets)."""
    with ctx.read() as s:
        users = s.scalars(select(m.User).where(m.User.active.is_(True)).order_by(m.User.id))
        return [
            UserRow(u.username, u.display_name or u.username, Role(u.role), bool(u.password_hash))
            for u in users
        ]


def accounts(ctx: ServiceContext) -> list[AccountRow]:
    """Every account with its role, communities and state (administrators only)."""
    ctx.require(Action.MANAGE_USERS)
    with ctx.read() as s:
        names = dict(s.execute(select(m.Community.id, m.Community.name).execution_options(**UNSCOPED)).all())
        order = dict(
            s.execute(select(m.Community.id, m.Community.sort_order).execution_options(**UNSCOPED)).all()
        )
        assigned: dict[int, list[int]] = {}
        for uid, cid in s.execute(select(m.UserCommunity.user_id, m.UserCommunity.community_id)):
            assigned.setdefault(uid, []).append(cid)
        out = []
        for u in s.scalars(select(m.User).order_by(m.User.id)):
            comms = sorted(assigned.get(u.id, []), key=lambda c: (order.get(c, 0), c))
            out.append(
                AccountRow(
                    u.id,
                    u.username,
                    u.display_name or u.username,
                    Role(u.role),
                    u.active,
                    tuple(names[c] for c in comms if c in names),
                    bool(u.password_hash),
                    bool(u.must_change_password),
                    u.locked_until,
                )
            )
        return out


# ------------------------------------------------------------------ checks


def _check_username(username: str) -> str:
    name = username.strip()
    if not _USERNAME.match(name):
        raise ValidationError(
            [
                Problem(
                    "username",
                    f"用户名“{username}”不合适：2到50个字母、数字或汉字，可含 . _ - @，不能有空格",
                    f"Username '{username}' is not usable: 2 to 50 letters, digits or Chinese characters "
                    "(. _ - @ allowed), no spaces",
                )
            ]
        )
    return name


def _check_display_name(display_name: str, username: str) -> str:
    shown = (display_name or "").strip() or username
    if len(shown) > 50:
        raise ValidationError(
            [Problem("display_name", "显示名太长（最多50个字）", "The display name is too long (50 at most)")]
        )
    return shown


def _check_password(password: str, username: str, display_name: str) -> None:
    problem = passwords.check(password, username, display_name)
    if problem is not None:
        raise ValidationError([problem])


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        found = Role.from_label(str(value))
        if isinstance(found, Role):
            return found
        choices = "、".join(f"{r.value}（{r.zh}）" for r in Role)
        raise ValidationError(
            [Problem("role", f"角色“{value}”无法识别，可选：{choices}", f"Unknown role '{value}'")]
        ) from None


def _resolve_communities(s: Session, wanted: Iterable[str | int]) -> list[int]:
    """Community ids for names (matched loosely, as the importer does: 月河 = 月河社区) or ids."""
    rows = s.execute(
        select(m.Community.id, m.Community.name)
        .where(m.Community.archived.is_(False))
        .order_by(m.Community.sort_order, m.Community.id)
        .execution_options(**UNSCOPED)
    ).all()
    by_key: dict[str, list[int]] = {}
    for cid, name in rows:
        by_key.setdefault(community_key(name), []).append(cid)
    ids: list[int] = []
    problems = []
    for item in wanted:
        if isinstance(item, int):
            if item not in {cid for cid, _ in rows}:
                problems.append(Problem("communities", f"没有编号为{item}的社区", f"No community {item}"))
            else:
                ids.append(item)
            continue
        text = item.strip()
        if not text:
            continue
        found = by_key.get(community_key(text), [])
        if len(found) != 1:
            known = "、".join(name for _, name in rows) or "（还没有社区，请先用 silverage places add 添加）"
            problems.append(
                Problem(
                    "communities",
                    f"没有名为“{text}”的社区（现有：{known}）",
                    f"No community named '{text}' (known: {', '.join(n for _, n in rows) or 'none yet'})",
                )
            )
        else:
            ids.append(found[0])
    if problems:
        raise ValidationError(problems)
    return list(dict.fromkeys(ids))


def _check_scope_for_role(role: Role, community_ids: Sequence[int]) -> None:
    if role is Role.WORKER and not community_ids:
        raise ValidationError(
            [
                Problem(
                    "communities",
                    "社区工作者需要指定负责的社区（如 --communities 月河社区,南湖社区）",
                    "A community worker needs the communities they work for (e.g. --communities A,B)",
                )
            ]
        )
    if role is not Role.WORKER and community_ids:
        raise ValidationError(
            [
                Problem(
                    "communities",
                    f"{role.zh}可以查看所有社区，只有社区工作者按社区分配",
                    f"A {role.en.lower()} sees every community; only community workers are assigned some",
                )
            ]
        )


def _set_communities(s: Session, actor: Actor, user: m.User, ids: Sequence[int]) -> bool:
    before = sorted(_community_ids(s, user.id))
    after = sorted(ids)
    if before == after:
        return False
    s.execute(delete(m.UserCommunity).where(m.UserCommunity.user_id == user.id))
    s.add_all(m.UserCommunity(user_id=user.id, community_id=c) for c in after)
    audit.record(
        s,
        actor,
        "update",
        "app_user",
        user.id,
        field="communities",
        old=",".join(map(str, before)),
        new=",".join(map(str, after)),
    )
    return True


def _active_admins(s: Session) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(m.User)
            .where(m.User.active.is_(True), m.User.role == Role.ADMIN.value)
        )
        or 0
    )


def _last_admin_error(username: str) -> UserError:
    return UserError(
        f"{username} 是最后一个在用的管理员，不能停用或改为其他角色；请先添加另一个管理员",
        f"{username} is the last active administrator and cannot be disabled or given another role; "
        "add another administrator first",
    )


# ------------------------------------------------------------------ the first administrator


@dataclass(frozen=True)
class InitResult:
    actor: Actor
    subdistrict: str

    @property
    def changes(self) -> Changes:
        return Changes.of(settings=[USERS])


def init_office(
    ctx: ServiceContext, subdistrict: str, username: str, display_name: str, password: str
) -> InitResult:
    """The first administrator of a database that has no accounts, and the subdistrict's name."""
    name = (subdistrict or "").strip()
    problems = []
    if not name:
        problems.append(Problem("subdistrict", "请填写街道名称", "Give the subdistrict's name"))
    elif len(name) > 50:
        problems.append(
            Problem("subdistrict", "街道名称太长（最多50个字）", "The name is too long (50 at most)")
        )
    if problems:
        raise ValidationError(problems)
    username = _check_username(username)
    shown = _check_display_name(display_name, username)
    with ctx.transaction() as s:
        n = s.scalar(select(func.count()).select_from(m.User)) or 0
        if n:
            raise UserError(
                f"这个数据库已经设置过账号（共{n}个），不能再次初始化；请用管理员账号登录后添加账号"
                "（silverage users add）",
                f"This database already has {n} account(s) and cannot be set up again; sign in as an "
                "administrator and add accounts (silverage users add)",
            )
        _check_password(password, username, shown)
        user = m.User(
            username=username,
            display_name=shown,
            role=Role.ADMIN.value,
            password_hash=_hasher().hash(password),
            active=True,
        )
        s.add(user)
        s.flush()
        s.merge(m.AppMeta(key="subdistrict", value=name))
        actor = actor_for(s, user)
        audit.record(s, actor, "init", "app_user", user.id, field="subdistrict", new=name)
        audit.record(s, actor, "create", "app_user", user.id, field="role", new=Role.ADMIN.value)
    return InitResult(actor, name)


def subdistrict_name(ctx: ServiceContext) -> str:
    with ctx.read() as s:
        row = s.get(m.AppMeta, "subdistrict")
        return row.value if row is not None else ""


# ------------------------------------------------------------------ administrators' work


def add_user(
    ctx: ServiceContext,
    username: str,
    display_name: str,
    role: Role | str,
    password: str,
    communities: Iterable[str | int] = (),
) -> Changes:
    """A new account; a community worker needs at least one community."""
    ctx.require(Action.MANAGE_USERS)
    username = _check_username(username)
    shown = _check_display_name(display_name, username)
    the_role = _role(role)
    with ctx.transaction() as s:
        taken = s.scalar(select(m.User.username).where(func.lower(m.User.username) == username.lower()))
        if taken is not None:
            raise ValidationError(
                [Problem("username", f"已有用户名“{taken}”，请换一个", f"The username '{taken}' is taken")]
            )
        ids = _resolve_communities(s, communities)
        _check_scope_for_role(the_role, ids)
        _check_password(password, username, shown)
        user = m.User(
            username=username,
            display_name=shown,
            role=the_role.value,
            password_hash=_hasher().hash(password),
            active=True,
        )
        s.add(user)
        s.flush()
        audit.record_changes(
            s,
            ctx.actor,
            "app_user",
            user.id,
            {},
            {"username": username, "display_name": shown, "role": the_role.value},
            action="create",
        )
        _set_communities(s, ctx.actor, user, ids)
    return Changes.of(settings=[USERS])


def update_user(
    ctx: ServiceContext,
    username: str,
    *,
    display_name: str | None = None,
    role: Role | str | None = None,
    communities: Iterable[str | int] | None = None,
) -> Changes:
    """Change an account's display name, role or communities (administrators only)."""
    ctx.require(Action.MANAGE_USERS)
    with ctx.transaction() as s:
        user = _load_user(s, username)
        new_role = _role(role) if role is not None else Role(user.role)
        if (
            user.role == Role.ADMIN.value
            and new_role is not Role.ADMIN
            and user.active
            and _active_admins(s) <= 1
        ):
            raise _last_admin_error(user.username)
        if communities is not None:
            ids = _resolve_communities(s, communities)
        elif new_role is Role.WORKER:
            ids = sorted(_community_ids(s, user.id))
        else:
            ids = []
        _check_scope_for_role(new_role, ids)
        after = {
            "display_name": _check_display_name(display_name, user.username)
            if display_name is not None
            else user.display_name,
            "role": new_role.value,
        }
        before = {"display_name": user.display_name, "role": user.role}
        user.display_name, user.role = after["display_name"], after["role"]
        audit.record_changes(s, ctx.actor, "app_user", user.id, before, after)
        _set_communities(s, ctx.actor, user, ids)
    return Changes.of(settings=[USERS])


def disable_user(ctx: ServiceContext, username: str) -> Changes:
    """Nobody can sign in as this account any more (its history stays); never the last administrator."""
    ctx.require(Action.MANAGE_USERS)
    with ctx.transaction() as s:
        user = _load_user(s, username)
        if user.username == ctx.actor.username:
            raise UserError(
                "不能停用自己正在使用的账号；请让另一位管理员操作",
                "You cannot disable the account you are signed in with; ask another administrator",
            )
        if not user.active:
            raise UserError(
                f"账号 {user.username} 已经停用", f"The account {user.username} is already disabled"
            )
        if user.role == Role.ADMIN.value and _active_admins(s) <= 1:
            raise _last_admin_error(user.username)
        user.active = False
        audit.record(s, ctx.actor, "disable", "app_user", user.id, field="active", old=True, new=False)
    return Changes.of(settings=[USERS])


def enable_user(ctx: ServiceContext, username: str) -> Changes:
    ctx.require(Action.MANAGE_USERS)
    with ctx.transaction() as s:
        user = _load_user(s, username)
        if user.active:
            raise UserError(
                f"账号 {user.username} 正在使用中", f"The account {user.username} is already active"
            )
        user.active = True
        user.failed_sign_ins, user.locked_until = 0, None
        audit.record(s, ctx.actor, "enable", "app_user", user.id, field="active", old=False, new=True)
    return Changes.of(settings=[USERS])


def reset_password(ctx: ServiceContext, username: str, password: str) -> Changes:
    """An administrator sets someone's password; they must choose their own at the next sign-in.
    The lock from wrong passwords is lifted."""
    ctx.require(Action.MANAGE_USERS)
    with ctx.transaction() as s:
        user = _load_user(s, username)
        _check_password(password, user.username, user.display_name)
        user.password_hash = _hasher().hash(password)
        user.must_change_password = user.username != ctx.actor.username
        user.failed_sign_ins, user.locked_until = 0, None
        audit.record(
            s, ctx.actor, "reset_password", "app_user", user.id, field="must_change_password",
            new=user.must_change_password,
        )  # fmt: skip
    return Changes.of(settings=[USERS])


def change_own_password(ctx: ServiceContext, password: str, old_password: str | None = None) -> Changes:
    """The signed-in user chooses a new password (with the old one, when the screen asks for it)."""
    with ctx.transaction() as s:
        user = _load_user(s, ctx.actor.username)
        if old_password is not None and not _verifies(user, old_password):
            raise UserError("原密码不对，密码没有修改", "The current password is wrong; nothing was changed")
        if old_password is not None and old_password == password:
            raise ValidationError(
                [
                    Problem(
                        "password", "新密码不能与原密码相同", "The new password must differ from the old one"
                    )
                ]
            )
        _check_password(password, user.username, user.display_name)
        user.password_hash = _hasher().hash(password)
        user.must_change_password = False
        audit.record(s, ctx.actor, "change_password", "app_user", user.id)
    return Changes.of(settings=[USERS])


def set_password(ctx: ServiceContext, username: str, password: str) -> Changes:
    """One's own password, or (administrators) someone else's, which they must then change."""
    if username.strip() == ctx.actor.username:
        return change_own_password(ctx, password)
    return reset_password(ctx, username, password)


# ------------------------------------------------------------------ signing in


def _verifies(user: m.User, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    if not user.password_hash:
        return False
    try:
        return bool(_hasher().verify(user.password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def _bad_sign_in() -> UserError:
    # One message for "no such user" and "wrong password": do not reveal which usernames exist.
    return UserError("用户名或密码不对，请重新输入", "Wrong username or password")


def _locked(username: str, until: datetime, now: datetime) -> UserError:
    minutes = max(1, math.ceil((until - now).total_seconds() / 60))
    return UserError(
        f"账号 {username} 因密码连续输错{MAX_FAILURES}次已被锁定，请{minutes}分钟后再试"
        "（或请管理员重置密码）",
        f"The account {username} is locked after {MAX_FAILURES} wrong passwords; try again in "
        f"{minutes} minute(s) (or ask an administrator to reset the password)",
    )


def sign_in(ctx: ServiceContext, username: str, password: str) -> Actor:
    """Check the password; return the Actor to act as. Every outcome is audited: a sign-in, a wrong
    password, an attempt on a locked account and the lockout itself (the fifth wrong password)."""
    username = username.strip()
    now = ctx.clock.utcnow()
    error: UserError | None = None
    actor: Actor | None = None
    with ctx.transaction() as s:
        user = s.scalar(select(m.User).where(m.User.username == username))
        if user is None:
            audit.record(s, Actor("(unknown)"), "sign_in_failed", "app_user", None, detail="unknown user")
            error = _bad_sign_in()
        elif user.locked_until is not None and user.locked_until > now:
            audit.record(s, Actor(user.username), "sign_in_locked", "app_user", user.id)
            error = _locked(user.username, user.locked_until, now)
        elif not user.password_hash:
            audit.record(s, Actor(user.username), "sign_in_failed", "app_user", user.id, detail="no password")
            error = UserError(
                f"用户 {username} 还没有设置密码，请管理员先设置",
                f"User {username} has no password yet; ask an administrator to set one",
            )
        elif not _verifies(user, password):
            user.failed_sign_ins = (user.failed_sign_ins or 0) + 1
            if user.failed_sign_ins >= MAX_FAILURES:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                user.failed_sign_ins = 0
                audit.record(
                    s, Actor(user.username), "lockout", "app_user", user.id, field="locked_until",
                    new=user.locked_until, detail=f"{MAX_FAILURES} wrong passwords",
                )  # fmt: skip
                error = _locked(user.username, user.locked_until, now)
            else:
                audit.record(
                    s, Actor(user.username), "sign_in_failed", "app_user", user.id,
                    detail=f"wrong password {user.failed_sign_ins}/{MAX_FAILURES}",
                )  # fmt: skip
                error = _bad_sign_in()
        elif not user.active:
            audit.record(s, Actor(user.username), "sign_in_failed", "app_user", user.id, detail="disabled")
            error = UserError(
                f"账号 {username} 已停用，请联系管理员",
                f"The account {username} is disabled; ask an administrator",
            )
        else:
            user.failed_sign_ins, user.locked_until = 0, None
            if _hasher().check_needs_rehash(user.password_hash):
                user.password_hash = _hasher().hash(password)
            actor = actor_for(s, user)
            audit.record(s, actor, "sign_in", "app_user", user.id)
    if error is not None:
        raise error  # after the commit: the failure and the lockout stay recorded
    assert actor is not None
    return actor


# ------------------------------------------------------------------ the demo roster


def _synthetic(s: Session) -> bool:
    meta = s.get(m.AppMeta, "synthetic")
    return meta is not None and meta.value == "1"


def ensure_demo_passwords(ctx: ServiceContext) -> int:
    """Give the demo roster's users the demo password (synthetic databases only); returns how many."""
    with ctx.transaction() as s:
        if not _synthetic(s):
            return 0
        users = list(s.scalars(select(m.User).where(m.User.password_hash == "")))
        for user in users:
            user.password_hash = _hasher().hash(DEMO_PASSWORD)
        return len(users)


def actor_without_password(ctx: ServiceContext, username: str) -> Actor:
    """For a synthetic demo roster only: act as a demo user without typing the demo password."""
    with ctx.read() as s:
        synthetic = _synthetic(s)
        user = s.scalar(select(m.User).where(m.User.username == username, m.User.active.is_(True)))
        if not synthetic or user is None:
            raise UserError(
                "只有演示数据可以免密码登录", "Only the demo roster allows signing in without a password"
            )
        return actor_for(s, user)


# ------------------------------------------------------------------ the idle lock


def idle_lock_minutes(ctx: ServiceContext) -> int:
    """Minutes without input after which the window covers personal data and asks the password again."""
    with ctx.read() as s:
        row = s.get(m.Setting, IDLE_SETTING)
        return int(row.value) if row is not None and isinstance(row.value, int) else DEFAULT_IDLE_MINUTES


def set_idle_lock_minutes(ctx: ServiceContext, minutes: int) -> Changes:
    ctx.require(Action.MANAGE_USERS)
    if not 1 <= minutes <= 240:
        raise ValidationError(
            [Problem("minutes", "锁屏时间应在1到240分钟之间", "The idle lock must be 1 to 240 minutes")]
        )
    with ctx.transaction() as s:
        row = s.get(m.Setting, IDLE_SETTING)
        old = None if row is None else row.value
        if row is None:
            s.add(m.Setting(key=IDLE_SETTING, value=minutes, updated_by=ctx.actor.username))
        else:
            row.value, row.updated_by = minutes, ctx.actor.username
        audit.record(s, ctx.actor, "update", "setting", None, field=IDLE_SETTING, old=old, new=minutes)
    return Changes.of(settings=[USERS])
