"""``backup`` and ``restore``: encrypted backups of the roster, and putting one back.

The backup password comes from ``SILVERAGE_BACKUP_PASSWORD`` or is typed on a terminal (never on
the command line, where ``ps`` and the shell history would keep it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from silverage.bootstrap import db_target, open_context, open_services, read_password
from silverage.cli.output import emit_json, say
from silverage.domain.problems import UserError

ENV_BACKUP_PASSWORD = "SILVERAGE_BACKUP_PASSWORD"
KIND_ZH = {"daily": "每日", "weekly": "每周", "monthly": "每月", "old": "待轮换"}


def _backup_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--to", metavar="DIR", default=None, help="这次备份到此文件夹 (back up to this folder once)"
    )
    p.add_argument("--list", action="store_true", help="列出备份文件夹里的备份 (list the backups)")
    p.add_argument(
        "--set-password",
        action="store_true",
        help=f"设置或修改备份密码（管理员），新密码取自 ${ENV_BACKUP_PASSWORD} 或在终端输入 "
        "(set or change the backup password; administrators)",
    )
    p.add_argument(
        "--set-folder", metavar="DIR", default=None, help="设置备份文件夹（管理员）(choose the backup folder)"
    )
    p.set_defaults(func=cmd_backup)


def _restore_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="备份文件 (.sgbak)")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复 (restore without asking)")
    p.add_argument(
        "--dry-run", action="store_true", help="只检查并显示备份内容，不替换 (check and show only)"
    )
    p.set_defaults(func=cmd_restore)


PARSERS = {"backup": _backup_parser, "restore": _restore_parser}


def _password(prompt: str = "备份密码 Backup password: ", *, twice: bool = False) -> str:
    return read_password(prompt, ENV_BACKUP_PASSWORD, twice=twice)


def cmd_backup(args: argparse.Namespace) -> int:
    from silverage.services.backup import backup_settings, folder, make

    admin_work = args.set_password or args.set_folder
    ctx = open_context(args) if admin_work or getattr(args, "user", None) else open_services(args)
    if args.set_folder:
        where = backup_settings.set_backup_folder(ctx, args.set_folder)
        say(f"备份文件夹：{where} · backup folder set")
    if args.set_password:
        backup_settings.set_backup_password(ctx, _password("新的备份密码 New backup password: ", twice=True))
        say("已设置备份密码；以后的备份用新密码打开 · backup password set")
    if admin_work:
        return 0
    if args.list:
        where = Path(args.to).expanduser() if args.to else backup_settings.backup_folder(ctx)
        stem = Path(ctx.db.url.database or "").stem
        rows = folder.backups_in(where, stem)
        if args.json:
            emit_json([r.as_json() for r in rows])
            return 0
        say(f"备份文件夹 folder: {where}")
        for r in rows:
            say(f"{r.at:%Y-%m-%d %H:%M}\t{KIND_ZH.get(r.kind, r.kind)}\t{r.size // 1024} KB\t{r.path.name}")
        if not rows:
            say("还没有备份 (no backups yet)")
        return 0
    make._sqlite_path(ctx)  # a PostgreSQL URL: say who is in charge before asking a password
    if not backup_settings.has_backup_password(ctx):
        # Never set by a backup in passing: a typo would become the password nobody knows.
        raise UserError(
            "还没有设置备份密码：请管理员先设置（silverage backup --set-password --user 管理员账号，"
            "或 设置 › 备份与恢复），再备份",
            "No backup password is set yet: an administrator sets one first (silverage backup "
            "--set-password --user ADMIN, or Settings › Backup and restore), then back up",
        )
    backup_settings.verify_backup_password(ctx, _password())
    result = make.backup_now(ctx, Path(args.to) if args.to else None)
    if args.json:
        emit_json(result.as_json())
        return 0
    c = result.counts
    say(
        f"已备份：{result.path}（{result.size // 1024} KB，老人{c.get('elders', 0)}人，志愿者"
        f"{c.get('volunteers', 0)}人，探访{c.get('visits', 0)}次） · backup written"
    )
    if result.deleted:
        say(
            f"按轮换规则删除了{len(result.deleted)}个旧备份 · "
            f"{len(result.deleted)} old backup(s) rotated away"
        )
    return 0


def _preview_lines(p) -> list[str]:  # noqa: ANN001 - restore.Preview
    c = p.counts
    when = f"{p.created_at:%Y-%m-%d %H:%M}" if p.created_at else "?"
    demo = "（演示数据）" if p.synthetic and "演示" not in p.subdistrict else ""
    lines = [
        f"备份时间 made at: {when}",
        f"街道 subdistrict: {p.subdistrict or '—'}{demo}",
        f"老人 elders: {c.get('elders', 0)}（在册 active {c.get('elders_active', 0)}）",
        f"志愿者 volunteers: {c.get('volunteers', 0)}",
        f"探访 visits: {c.get('visits', 0)}",
    ]
    if p.needs_upgrade:
        lines.append("这是旧版本的数据库，恢复后会自动升级 · an older schema, upgraded on restore")
    return lines


def cmd_restore(args: argparse.Namespace) -> int:
    from silverage.db.engine import resolve_url
    from silverage.domain.clock import SYSTEM_CLOCK
    from silverage.services.backup import restore

    url = resolve_url(db_target(args))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise UserError(
            "恢复到PostgreSQL服务器请用服务器自己的工具（pg_restore）；银龄只恢复SQLite数据库文件",
            "Restoring into a PostgreSQL server is the server's job (pg_restore); silverage restores "
            "SQLite database files only",
        )
    target = Path(url.database)
    preview, image = restore.open_checked(Path(args.file), _password())
    if args.dry_run:
        if args.json:
            emit_json({**preview.as_json(), "restored": False})
        else:
            for line in _preview_lines(preview):
                say(line)
        return 0
    if not args.json:
        for line in _preview_lines(preview):
            say(line)
    if target.exists() and not args.yes:
        # Replacing a database is never done unasked: on a terminal it asks, elsewhere (a script,
        # a scheduled job) it needs --yes.
        if not sys.stdin.isatty():
            raise UserError(
                f"{target} 已有数据库：确认要用这个备份替换它（现有文件会改名保留）时加 --yes",
                f"{target} already holds a database: add --yes to replace it with this backup "
                "(the current file is kept aside)",
            )
        answer = input(f"恢复到 {target}（现有文件会改名保留）？[y/N] Restore? ")
        if answer.strip().lower() not in ("y", "yes", "是"):
            say("已取消，什么也没有改 (cancelled; nothing was changed)")
            return 1
    result = restore.restore_checked(preview, image, target, SYSTEM_CLOCK)
    if args.json:
        emit_json({**result.as_json(), "restored": True})
        return 0
    say(f"已恢复到 {result.target} · restored")
    if result.kept_aside:
        say(f"原来的数据库已改名保留：{result.kept_aside} · the previous file was kept aside")
    return 0
