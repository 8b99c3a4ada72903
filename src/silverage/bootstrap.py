"""Start-up shared by the command line and the desktop app: which database, the services, who acts.

Both ``silverage <command>`` and the GUI start here, so neither goes through the other: ``cli/`` and
``ui/`` import this module, never each other. No Qt here, and nothing heavy at import time: the
database layer (SQLAlchemy) is imported by the functions that open it, so ``silverage --help`` and
``--version`` stay as quick as Python itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from silverage.services.context import Actor, ServiceContext

ENV_DB = "SILVERAGE_DB"
ENV_PASSWORD = "SILVERAGE_PASSWORD"  # the password of --user (and of the first administrator at init)
ENV_NEW_PASSWORD = "SILVERAGE_NEW_PASSWORD"  # a new password: users add, users passwd
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
    group.add_argument(
        "--user",
        default=unset,
        help=f"以此用户身份登录，密码取自 ${ENV_PASSWORD} 或在终端输入 (sign in as this user; password from "
        f"${ENV_PASSWORD} or typed)",
    )
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


@contextmanager
def closing_databases() -> Iterator[None]:
    """Checkpoint and close, on the way out, every database opened inside the block (the command
    line's and the desktop app's whole run), so the folder holds one database file once the app is
    closed. Nothing opened (``--help``): nothing to import either."""
    engine = sys.modules.get("silverage.db.engine")
    before = engine.open_database_ids() if engine is not None else set()
    try:
        yield
    finally:
        engine = sys.modules.get("silverage.db.engine")
        if engine is not None:
            engine.close_open_databases(keep=before)


CREATING_COMMANDS = ("init", "demo", "restore")


def may_create_database(args: argparse.Namespace) -> bool:
    """Only ``init``, ``demo``, ``restore``, ``--demo`` and the desktop app's very first start (on
    the default file, to run the setup wizard) make a new database; every other command, and the
    desktop app given ``--db``/``$SILVERAGE_DB``, refuses a file that is not there (a typo must not
    become an empty roster that ``check`` calls fine)."""
    command = getattr(args, "command", None)
    if command in CREATING_COMMANDS or getattr(args, "demo", False):
        return True
    return command is None and not getattr(args, "db", None) and not os.environ.get(ENV_DB)


def open_services(args: argparse.Namespace) -> ServiceContext:
    """Open (and migrate) the database; with ``--demo`` build the demo roster there on first use.

    Nobody acts yet (the system actor): the GUI signs someone in, a command resolves ``--user``.
    """
    from silverage.db.engine import open_database
    from silverage.services.context import ServiceContext

    ctx = ServiceContext(open_database(db_target(args), create=may_create_database(args)))
    if getattr(args, "demo", False):
        from silverage.services import demo, users
        from silverage.services.roster import roster_query

        if roster_query.counts(ctx).elders_total == 0:
            demo.build_demo(ctx)
        demo.ensure_demo_accounts(ctx)
        users.ensure_demo_passwords(ctx)
        from silverage.services.backup.backup_settings import ensure_demo_backup_password

        ensure_demo_backup_password(ctx)  # the README's: demo
    return ctx


def open_context(args: argparse.Namespace, *, password_change: bool = False) -> ServiceContext:
    """For commands, the self-test and scripts: the database, acting as ``--user`` (signed in with
    that user's password) or, on a database without accounts, the OS login.

    A user whose password an administrator reset must choose their own first: only the command
    that does so (``password_change``) runs for them."""
    ctx = open_services(args)
    ctx.actor = resolve_actor(ctx, getattr(args, "user", None))
    if ctx.actor.must_change_password and not password_change:
        raise password_change_first(ctx.actor.username)
    return ctx


def password_change_first(name: str) -> Exception:
    """What a user whose password was reset is told before anything else runs for them."""
    from silverage.domain.problems import UserError

    return UserError(
        f"管理员重置了 {name} 的密码，请先设置自己的新密码：silverage users passwd {name} --user {name}"
        f"（新密码取自环境变量 {ENV_NEW_PASSWORD}，或在终端输入）",
        f"An administrator reset the password of {name}: choose your own first with "
        f"silverage users passwd {name} --user {name} (the new password from {ENV_NEW_PASSWORD} "
        "or typed)",
    )


def read_password(prompt: str, env: str = ENV_PASSWORD, *, twice: bool = False) -> str:
    """A password from ``env``, else typed (not echoed) on a terminal, twice for a new one; never logged."""
    from silverage.domain.problems import UserError

    value = os.environ.get(env, "")
    if value:
        return value
    if not sys.stdin.isatty():
        raise UserError(
            f"需要密码：请设置环境变量 {env}，或在终端中运行以便输入密码",
            f"A password is needed: set {env}, or run this in a terminal to type it",
        )
    import getpass

    first = getpass.getpass(prompt)
    if twice and getpass.getpass("再输入一次 Once more: ") != first:
        raise UserError("两次输入的密码不一样，什么也没有改", "The two passwords differ; nothing was changed")
    return first


def resolve_actor(ctx: ServiceContext, username: str | None) -> Actor:
    """Who acts. On a database with accounts: ``--user`` with that user's password (a sign-in, with
    the lockout and the audit that go with it), and nobody without ``--user``. On the synthetic demo
    roster, ``--user`` needs no password (as the README's examples run). On a database without
    accounts (before ``silverage init``), the OS login acts as a community worker."""
    from silverage.domain.problems import UserError
    from silverage.services import users
    from silverage.services.roster import roster_query

    synthetic = roster_query.is_synthetic(ctx)
    if not username:
        if not synthetic and users.has_accounts(ctx):
            raise UserError(
                "这个数据库已设置账号，查看或修改个人信息需要登录：请加 --user 用户名"
                f"（密码取自环境变量 {ENV_PASSWORD}，或在终端输入）",
                "This database has accounts; reading or changing personal data needs a sign-in: add "
                f"--user NAME (the password comes from {ENV_PASSWORD} or is typed on a terminal)",
            )
        return os_login_actor()
    if synthetic or not users.has_accounts(ctx):
        if not any(u.username == username for u in users.list_users(ctx)):
            raise UserError(
                f"没有这个用户：{username}（请检查 --user 的拼写）",
                f"No such active user: {username} (check the spelling after --user)",
            )
        return users.actor_without_password(ctx, username)
    return users.sign_in(ctx, username, read_password(f"{username} 的密码 Password: "))


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
