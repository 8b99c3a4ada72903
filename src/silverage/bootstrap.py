"""Start-up shared by the command line and the desktop app: which database, the services, who acts.

Both ``silverage <command>`` and the GUI start here, so neither goes through the other: ``cli/`` and
``ui/`` import this module, never each other. No Qt here, and nothing heavy at import time: the
database layer (SQLAlchemy) is imported by the functions that open it, so ``silverage --help`` and
``--version`` stay as quick as Python itself.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from silverage.services.context import Actor, ServiceContext

ENV_DB = "SILVERAGE_DB"
LANGUAGES = ("zh", "en")


def add_start_options(group: argparse._ActionsContainer, *, suppress: bool = False) -> None:
    """``--db``, ``--user``, ``--demo``, ``--lang``: where to work, as whom, in which language.

    ``group`` is a parser or an argument group. With ``suppress`` the options leave the namespace
    alone unless given (``argparse.SUPPRESS``), so a sub-command's parser can accept them too
    without overwriting a value given before the sub-command.
    """
    unset = argparse.SUPPRESS if suppress else None
    group.add_argument(
        "--db",
        default=unset,
        help="数据库文件路径或 PostgreSQL 地址 (database file or URL); "
        f"default: ${ENV_DB} or the user data folder",
    )
    group.add_argument("--user", default=unset, help="以此用户身份操作 (act as this user, e.g. a supervisor)")
    group.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="打开演示数据库（首次自动生成）(open the demo roster, built on first use)",
    )
    group.add_argument("--lang", choices=LANGUAGES, default=unset, help="界面语言 (interface language)")


def db_target(args: argparse.Namespace) -> str | None:
    """``--db``, else the demo file with ``--demo``, else ``$SILVERAGE_DB`` (None: the default file)."""
    db = getattr(args, "db", None)
    if getattr(args, "demo", False) and not db:
        from silverage.paths import demo_db_path

        return str(demo_db_path())
    return db or os.environ.get(ENV_DB)


def open_services(args: argparse.Namespace) -> ServiceContext:
    """Open (and migrate) the database; with ``--demo`` build the demo roster there on first use.

    Nobody acts yet (the system actor): the GUI signs someone in, a command resolves ``--user``.
    """
    from silverage.db.engine import open_database
    from silverage.services.context import ServiceContext

    ctx = ServiceContext(open_database(db_target(args)))
    if getattr(args, "demo", False):
        from silverage.services import demo, users
        from silverage.services.roster import roster_query

        if roster_query.counts(ctx).elders_total == 0:
            demo.build_demo(ctx)
        users.ensure_demo_passwords(ctx)
    return ctx


def open_context(args: argparse.Namespace) -> ServiceContext:
    """For commands, the self-test and scripts: the database, acting as ``--user`` or the OS login."""
    ctx = open_services(args)
    ctx.actor = resolve_actor(ctx, getattr(args, "user", None))
    return ctx


def resolve_actor(ctx: ServiceContext, username: str | None) -> Actor:
    """``--user`` must name an active user in the database; without it the OS login acts as a worker."""
    if not username:
        return os_login_actor()
    from sqlalchemy import select

    from silverage.db import models as m
    from silverage.domain.enums import Role
    from silverage.domain.problems import UserError
    from silverage.services.context import Actor

    with ctx.read() as s:
        user = s.scalar(select(m.User).where(m.User.username == username, m.User.active.is_(True)))
    if user is None:
        raise UserError(
            f"没有这个用户：{username}（请检查 --user 的拼写）",
            f"No such active user: {username} (check the spelling after --user)",
        )
    return Actor(user.username, Role(user.role), user.display_name or user.username)


def os_login_actor() -> Actor:
    """The person logged in to the computer, as a community worker (no accounts set up yet)."""
    import getpass

    from silverage.domain.enums import Role
    from silverage.services.context import Actor

    try:
        login = getpass.getuser()
    except Exception:  # no login name in a service account or a bare container
        login = "cli"
    return Actor(login, Role.WORKER, login)
