"""Who may sign in, and how passwords are checked (argon2id via argon2-cffi; no Qt here).

A database with no users at all (a fresh office install) has nobody to sign in as: the OS login
acts as a community worker until a supervisor creates accounts. The synthetic demo roster's users
get the documented demo password ``DEMO_PASSWORD`` so the README's run command works.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.enums import Role
from silverage.domain.problems import UserError
from silverage.services import audit
from silverage.services.context import Actor, ServiceContext

DEMO_PASSWORD = "demo"  # documented in README; only ever set on a database marked synthetic
_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: Role
    has_password: bool


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def list_users(ctx: ServiceContext) -> list[UserRow]:
    with ctx.read() as s:
        users = s.scalars(select(m.User).where(m.User.active.is_(True)).order_by(m.User.id))
        return [
            UserRow(u.username, u.display_name or u.username, Role(u.role), bool(u.password_hash))
            for u in users
        ]


def _actor(user: m.User) -> Actor:
    return Actor(user.username, Role(user.role), user.display_name or user.username)


def _bad_sign_in() -> UserError:
    # One message for "no such user" and "wrong password": do not reveal which usernames exist.
    return UserError("用户名或密码不对，请重新输入", "Wrong username or password")


def sign_in(ctx: ServiceContext, username: str, password: str) -> Actor:
    """Check the password; return the Actor to act as. Records the sign-in in the audit trail."""
    username = username.strip()
    with ctx.transaction() as s:
        user = s.scalar(select(m.User).where(m.User.username == username, m.User.active.is_(True)))
        if user is None:
            raise _bad_sign_in()
        if not user.password_hash:
            raise UserError(
                f"用户 {username} 还没有设置密码，请督导先设置",
                f"User {username} has no password yet; ask a supervisor to set one",
            )
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise _bad_sign_in() from None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        actor = _actor(user)
        audit.record(s, actor, "sign_in", "app_user", user.id)
        return actor


def set_password(ctx: ServiceContext, username: str, password: str) -> None:
    """A supervisor sets anyone's password; a worker only their own."""
    if username != ctx.actor.username:
        ctx.require_supervisor("设置其他人的密码", "set another user's password")
    if len(password) < 4:
        raise UserError("密码至少4位", "A password needs at least 4 characters")
    with ctx.transaction() as s:
        user = s.scalar(select(m.User).where(m.User.username == username))
        if user is None:
            raise UserError(f"没有这个用户：{username}", f"No such user: {username}")
        user.password_hash = _hasher.hash(password)
        audit.record(s, ctx.actor, "set_password", "app_user", user.id)


def ensure_demo_passwords(ctx: ServiceContext) -> int:
    """Give the demo roster's users the demo password (synthetic databases only); returns how many."""
    with ctx.transaction() as s:
        meta = s.get(m.AppMeta, "synthetic")
        if meta is None or meta.value != "1":
            return 0
        users = list(s.scalars(select(m.User).where(m.User.password_hash == "")))
        for user in users:
            user.password_hash = _hasher.hash(DEMO_PASSWORD)
        return len(users)


def actor_without_password(ctx: ServiceContext, username: str) -> Actor:
    """For a synthetic demo roster only: act as a demo user without typing the demo password."""
    with ctx.read() as s:
        meta = s.get(m.AppMeta, "synthetic")
        user = s.scalar(select(m.User).where(m.User.username == username, m.User.active.is_(True)))
    if meta is None or meta.value != "1" or user is None:
        raise UserError(
            "只有演示数据可以免密码登录", "Only the demo roster allows signing in without a password"
        )
    return _actor(user)
