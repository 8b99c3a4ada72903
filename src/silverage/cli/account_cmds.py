"""``init`` and ``users``: the first administrator of a new office, then everyone else's account.

Passwords never appear on the command line (where ``ps`` and the shell history would keep them):
the signing-in user's comes from ``SILVERAGE_PASSWORD``, a new one from ``SILVERAGE_NEW_PASSWORD``
(``init``: ``SILVERAGE_PASSWORD``), or each is typed twice on a terminal without echo.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from silverage.bootstrap import (
    ENV_NEW_PASSWORD,
    ENV_PASSWORD,
    open_context,
    open_services,
    password_change_first,
    read_password,
)
from silverage.cli.commands import add_subcommand
from silverage.cli.output import emit_json, say
from silverage.domain.problems import UserError

if TYPE_CHECKING:
    from silverage.services.context import ServiceContext

ROLES = ("admin", "supervisor", "worker", "viewer")


def _init_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("--subdistrict", required=True, metavar="NAME", help="街道名称 (the subdistrict's name)")
    p.add_argument(
        "--admin", required=True, metavar="USER", help="第一个管理员的用户名 (first administrator)"
    )
    p.add_argument("--admin-name", default="", metavar="显示名", help="管理员的显示名 (display name)")
    p.set_defaults(func=cmd_init)


def _users_parser(p: argparse.ArgumentParser) -> None:
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    ls = add_subcommand(what, "list", "列出所有账号（仅管理员）(every account; administrators only)")
    ls.set_defaults(func=cmd_list)
    add = add_subcommand(
        what, "add", f"添加账号，新密码取自 ${ENV_NEW_PASSWORD} 或在终端输入 (add an account)"
    )
    add.add_argument("username", metavar="USER")
    add.add_argument("--name", required=True, metavar="显示名", help="显示名，如 李社工 (display name)")
    add.add_argument("--role", required=True, choices=ROLES, help="管理员/督导/社区工作者/只读")
    add.add_argument(
        "--communities", default="", metavar="社区,社区", help="社区工作者负责的社区 (a worker's communities)"
    )
    add.set_defaults(func=cmd_add)
    edit = add_subcommand(what, "edit", "修改显示名、角色或负责的社区 (change name, role or communities)")
    edit.add_argument("username", metavar="USER")
    edit.add_argument("--name", default=None, metavar="显示名")
    edit.add_argument("--role", default=None, choices=ROLES)
    edit.add_argument("--communities", default=None, metavar="社区,社区")
    edit.set_defaults(func=cmd_edit)
    dis = add_subcommand(what, "disable", "停用账号（不能停用最后一个管理员）(disable an account)")
    dis.add_argument("username", metavar="USER")
    dis.set_defaults(func=cmd_disable)
    en = add_subcommand(what, "enable", "重新启用停用的账号 (enable a disabled account)")
    en.add_argument("username", metavar="USER")
    en.set_defaults(func=cmd_enable)
    pw = add_subcommand(
        what,
        "passwd",
        "修改自己的密码，或（管理员）重置别人的密码，对方下次登录须改密码 "
        f"(change your password, or reset someone's; new password from ${ENV_NEW_PASSWORD} or typed)",
    )
    pw.add_argument("username", metavar="USER")
    pw.set_defaults(func=cmd_passwd)


PARSERS = {"init": _init_parser, "users": _users_parser}


def _communities(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [c.strip() for c in text.replace("，", ",").replace("、", ",").split(",") if c.strip()]


def _new_password(who: str) -> str:
    return read_password(f"{who} 的新密码 New password: ", ENV_NEW_PASSWORD, twice=True)


def cmd_init(args: argparse.Namespace) -> int:
    from silverage.services import users

    ctx = open_services(args)
    password = read_password(f"管理员 {args.admin} 的密码 Password: ", ENV_PASSWORD, twice=True)
    backup_password = _init_backup_password()  # checked before anything is written
    result = users.init_office(ctx, args.subdistrict, args.admin, args.admin_name, password)
    a = result.actor
    backup_set = False
    if backup_password:
        from dataclasses import replace

        from silverage.services.backup.backup_settings import set_backup_password

        set_backup_password(replace(ctx, actor=a), backup_password)
        backup_set = True
    if args.json:
        emit_json(
            {
                "subdistrict": result.subdistrict,
                "admin": a.username,
                "display_name": a.display_name,
                "backup_password_set": backup_set,
            }
        )
        return 0
    say(
        f"已建立：{result.subdistrict}，管理员 {a.username}（{a.display_name}）"
        f" · set up, administrator {a.username}"
    )
    if not backup_set:
        say(
            "尚未设置备份密码：请运行 silverage backup --set-password --user "
            f"{a.username} · no backup password yet"
        )
    say(f"下一步 next: silverage places add 社区/网格/微网格 --user {a.username}")
    return 0


def _init_backup_password() -> str:
    """The office's backup password at setup: from $SILVERAGE_BACKUP_PASSWORD, or typed twice (may
    be left empty on a terminal, to set later); "" for none."""
    import os
    import sys

    from silverage.services.backup.office_key import check_new_password

    password = os.environ.get("SILVERAGE_BACKUP_PASSWORD", "")
    if not password and sys.stdin.isatty():
        import getpass

        password = getpass.getpass("备份密码（可留空，以后设置）Backup password (empty: later): ")
        if password and getpass.getpass("再输入一次 Once more: ") != password:
            raise UserError(
                "两次输入的备份密码不一样，什么也没有改",
                "The two backup passwords differ; nothing was changed",
            )
    if password:
        check_new_password(password)
    return password


def cmd_list(args: argparse.Namespace) -> int:
    from silverage.services import users

    ctx = open_context(args)
    rows = users.accounts(ctx)
    if args.json:
        emit_json([r.as_json() for r in rows])
        return 0
    now = ctx.clock.utcnow()
    for r in rows:
        state = "在用" if r.active else "已停用"
        if r.locked_until is not None and r.locked_until > now:
            state += "（已锁定）"
        if r.must_change_password:
            state += "（须改密码）"
        say(f"{r.username}\t{r.display_name}\t{r.role.zh}\t{'、'.join(r.communities) or '全部社区'}\t{state}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from silverage.services import users

    ctx = open_context(args)
    password = _new_password(args.username)
    users.add_user(ctx, args.username, args.name, args.role, password, _communities(args.communities) or [])
    return _show(args, ctx, args.username, "已添加账号", "added")


def cmd_edit(args: argparse.Namespace) -> int:
    from silverage.services import users

    ctx = open_context(args)
    users.update_user(
        ctx, args.username, display_name=args.name, role=args.role, communities=_communities(args.communities)
    )
    return _show(args, ctx, args.username, "已修改账号", "changed")


def cmd_disable(args: argparse.Namespace) -> int:
    from silverage.services import users

    ctx = open_context(args)
    users.disable_user(ctx, args.username)
    return _show(args, ctx, args.username, "已停用账号", "disabled")


def cmd_enable(args: argparse.Namespace) -> int:
    from silverage.services import users

    ctx = open_context(args)
    users.enable_user(ctx, args.username)
    return _show(args, ctx, args.username, "已启用账号", "enabled")


def cmd_passwd(args: argparse.Namespace) -> int:
    from silverage.services import users

    ctx = open_context(args, password_change=True)
    own = args.username.strip() == ctx.actor.username
    if not own and ctx.actor.must_change_password:
        raise password_change_first(ctx.actor.username)
    password = _new_password(args.username)
    if own:
        users.change_own_password(ctx, password)
        text_zh, text_en = "已修改密码", "password changed"
    else:
        users.reset_password(ctx, args.username, password)
        text_zh, text_en = (
            "已重置密码，对方下次登录时须设置自己的密码",
            "password reset; they choose their own at next sign-in",
        )
    if args.json:
        emit_json({"username": args.username, "reset": not own})
    else:
        say(f"{text_zh}：{args.username} · {text_en}")
    return 0


def _show(args: argparse.Namespace, ctx: ServiceContext, username: str, zh: str, en: str) -> int:
    from silverage.services import users

    row = next((r for r in users.accounts(ctx) if r.username == username.strip()), None)
    if args.json:
        emit_json(row.as_json() if row else {"username": username})
    elif row is not None:
        scope = "、".join(row.communities) or "全部社区"
        say(f"{zh}：{row.username}（{row.display_name}，{row.role.zh}，{scope}） · {en}")
    return 0
