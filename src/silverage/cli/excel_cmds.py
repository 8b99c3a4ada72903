"""``export roster`` and ``import``: Excel rosters from the command line (scripts, scheduled jobs)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from silverage.bootstrap import open_context
from silverage.cli.output import emit_json, say
from silverage.domain.enums import Level
from silverage.domain.problems import UserError
from silverage.domain.progress import Progress, run_to_end

# openpyxl, numpy and SQLAlchemy come with the Excel services: imported by the command that runs
# (and by ``export``'s parser, whose help lists the columns), not by ``import --help``.


def _export_parser(p: argparse.ArgumentParser) -> None:
    from silverage.services.print_export.roster_export import ALL_COLUMNS

    p.add_argument("what", choices=["roster"], help="roster = 花名册")
    p.add_argument("out", help="输出文件 OUT.xlsx")
    p.add_argument("--level", choices=[lv.value for lv in Level], help="只导出该等级 (only this care level)")
    p.add_argument("--community", help="只导出该社区 (only this community, by name)")
    p.add_argument("--columns", help="逗号分隔的列 (comma-separated columns): " + ",".join(ALL_COLUMNS))
    p.add_argument(
        "--unmasked",
        action="store_true",
        help="导出完整身份证号码和电话，仅限督导，记入审计 (full IDs and phones: supervisors only, audited)",
    )
    p.add_argument(
        "--complete",
        action="store_true",
        help="完整花名册：每个字段、全部紧急联系人、人工调整等级，可导入另一个数据库；仅限督导，记入审计 "
        "(every field, every contact and level overrides, to import into another database: "
        "supervisors only, audited)",
    )
    p.set_defaults(func=cmd_export)


def _import_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help=".xlsx 文件（可多个）")
    p.add_argument("--dry-run", action="store_true", help="只预览，不写入 (preview only, change nothing)")
    p.add_argument(
        "--report",
        metavar="ERRORS.xlsx",
        help="把被拒绝的行写入错误工作簿，修改后可再次导入 (write rejected rows for fixing and re-import)",
    )
    p.add_argument(
        "--create-places",
        action="store_true",
        help="新建工作簿中写到、但还没有的社区/网格/微网格，仅限督导和管理员 "
        "(create the places the rows name that do not exist yet: supervisors and administrators)",
    )
    p.add_argument(
        "--upgrade-15-digit-ids",
        action="store_true",
        help="把15位旧身份证号码升级为18位后导入（请先对照身份证核对预览中列出的号码） "
        "(import old 15-digit ID numbers as the 18-digit numbers they became; check them first)",
    )
    p.set_defaults(func=cmd_import)


PARSERS = {"export": _export_parser, "import": _import_parser}


def _progress(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    def show(p: Progress) -> None:
        if not args.json and sys.stderr.isatty() and p.total:
            sys.stderr.write(f"\r{p.message} {p.done}/{p.total}   ")

    return show


def cmd_export(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from silverage.db import models as m
    from silverage.services.print_export import roster_export
    from silverage.services.roster.roster_query import ElderFilter

    ctx = open_context(args)
    community_id = None
    if args.community:
        with ctx.read() as s:
            community_id = s.scalar(select(m.Community.id).where(m.Community.name == args.community))
        if community_id is None:
            raise UserError(f"没有名为“{args.community}”的社区", f"No community named '{args.community}'")
    columns = (
        tuple(c.strip() for c in args.columns.split(",")) if args.columns else roster_export.DEFAULT_COLUMNS
    )
    if args.complete and args.columns:
        raise UserError(
            "--complete 导出全部列，不能同时指定 --columns", "--complete writes every column; drop --columns"
        )
    if args.unmasked or args.complete:  # refuse a worker before asking for a file password
        from silverage.domain.permissions import Action

        ctx.require(Action.EXPORT)
        ctx.require(Action.UNMASKED)
    opts = roster_export.ExportOptions(
        filter=ElderFilter(level=Level(args.level) if args.level else None, community_id=community_id),
        columns=columns,
        unmasked=args.unmasked,
        complete=args.complete,
        lang=getattr(args, "lang", None) or "zh",
        password=_export_password() if args.unmasked or args.complete else None,
    )
    result = run_to_end(roster_export.export_roster_job(ctx, Path(args.out), opts), _progress(args))
    if args.json:
        emit_json(
            {
                "file": result.path,
                "people": result.people,
                "overdue": result.overdue,
                "unmasked": result.unmasked,
                "complete": result.complete,
                "encrypted": result.unmasked,
                "columns": list(result.columns),
            }
        )
    else:
        say(
            f"已导出 {result.people} 人到 {result.path}（逾期未联系 {result.overdue} 人；"
            + (
                "完整花名册（全部字段），可导入另一个数据库，已加密（打开需要文件密码），已记入审计"
                if result.complete
                else "完整身份证号码和电话，已加密（打开需要文件密码），已记入审计"
                if result.unmasked
                else "身份证号码和电话已部分隐藏"
            )
            + "）"
        )
    return 0


ENV_EXPORT_PASSWORD = "SILVERAGE_EXPORT_PASSWORD"
ENV_IMPORT_PASSWORD = "SILVERAGE_IMPORT_PASSWORD"


def _export_password() -> str:
    """An unmasked or complete export is encrypted: its file password from the environment or typed."""
    from silverage.bootstrap import read_password

    return read_password("导出文件的密码 File password: ", ENV_EXPORT_PASSWORD, twice=True)


def _import_password(paths: list[Path]) -> str | None:
    """The password of encrypted workbooks among ``paths`` ($SILVERAGE_IMPORT_PASSWORD or typed)."""
    import os

    from silverage.io.encrypted_xlsx import is_encrypted

    given = os.environ.get(ENV_IMPORT_PASSWORD, "")
    if given or not any(is_encrypted(p) for p in paths) or not sys.stdin.isatty():
        return given or None  # without one, the reader says which file needs a password
    import getpass

    return getpass.getpass("文件密码 File password: ")


def cmd_import(args: argparse.Namespace) -> int:
    from silverage.domain import fields
    from silverage.io.excel_errors import write_error_workbook
    from silverage.services.print_export import roster_import

    ctx = open_context(args)
    paths = [Path(f) for f in args.files]
    job = roster_import.plan_job(
        ctx,
        paths,
        create_places=args.create_places,
        upgrade_15_digit_ids=args.upgrade_15_digit_ids,
        password=_import_password(paths),
    )
    plan = run_to_end(job, _progress(args))
    applied = False
    if not args.dry_run and (plan.created or plan.updated):
        run_to_end(roster_import.apply_job(ctx, plan), _progress(args))
        applied = True
    if args.report:
        write_error_workbook(
            Path(args.report),
            plan.rejected,
            plan.headers,
            getattr(args, "lang", None) or "zh",
            warnings=plan.warnings,
        )
    if args.json:
        data = plan.as_json(applied)
        data["report"] = args.report
        emit_json(data)
    else:
        verb = "将" if args.dry_run else ""
        say(
            f"读取 {plan.rows_read} 行：{verb}新增 {len(plan.created)} 人，"
            f"{verb}更新 {len(plan.updated)} 人，"
            f"无变化 {len(plan.unchanged)} 人，拒绝 {plan.rejected_rows} 行"
            + (f"，合并重复 {plan.merged_duplicates} 行" if plan.merged_duplicates else "")
        )
        if plan.places_created:
            say(f"{verb}新建地点 {len(plan.places_created)} 个：")
            for place in plan.places_created:
                say(f"  新建 {place}")
        for _, sheet, row, old, new in plan.upgraded_ids:
            say(f"  升级 {sheet} 第{row}行 身份证号码 {old} → {new}")
        if plan.old_id_rows and not args.upgrade_15_digit_ids:
            say(
                f"  {plan.old_id_rows} 行只因15位旧身份证号码被拒绝：对照身份证核对后，"
                "加 --upgrade-15-digit-ids 重新导入"
            )
        for f, sheet, zh, _ in plan.skipped_sheets:
            say(f"  跳过 {f}「{sheet}」：{zh}")
        for p in plan.updated[:50]:
            changes = "；".join(f"{d.label()} {d.old or '（空）'} → {d.new or '（空）'}" for d in p.diffs)
            say(f"  更新 {p.sheet} 第{p.row}行 {p.name}：{changes}")
        for r in plan.rejected:
            say(f"  拒绝 {r.sheet} 第{r.row}行 [{r.column}]：{r.zh}")
        if plan.warnings:
            who = "这些人将照样导入" if args.dry_run else "这些人已照样导入"
            say(f"警告 {len(plan.warnings)} 条（{who}，以下内容未导入或待处理）：")
        for w in plan.warnings:
            say(f"  警告 {w.sheet} 第{w.row}行 [{w.column or fields.label(w.field)}]：{w.zh}")
        if args.dry_run:
            say("（预览，未写入任何数据 / dry run: nothing was written）")
        if args.report:
            say(f"错误工作簿：{args.report}（修改后可再次导入）")
    return 0 if not plan.rejected else 3
