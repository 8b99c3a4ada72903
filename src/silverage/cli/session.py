"""Opening the database and choosing the acting user for a command."""

from __future__ import annotations

import argparse
import getpass

from sqlalchemy import select

from silverage.cli.main import db_target
from silverage.db import models as m
from silverage.db.engine import open_database
from silverage.domain.enums import Role
from silverage.domain.problems import UserError
from silverage.services.context import Actor, ServiceContext


def open_context(args: argparse.Namespace) -> ServiceContext:
    db = open_database(db_target(args))
    ctx = ServiceContext(db)
    ctx.actor = resolve_actor(ctx, getattr(args, "user", None))
    return ctx


def resolve_actor(ctx: ServiceContext, username: str | None) -> Actor:
    """``--user`` must name a user in the database; without it the OS login acts as a worker."""
    if username:
        with ctx.read() as s:
            user = s.scalar(select(m.User).where(m.User.username == username, m.User.active.is_(True)))
        if user is None:
            raise UserError(f"没有这个用户：{username}", f"No such active user: {username}")
        return Actor(user.username, Role(user.role), user.display_name)
    try:
        login = getpass.getuser()
    except Exception:
        login = "cli"
    return Actor(login, Role.WORKER, login)
