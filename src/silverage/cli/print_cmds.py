"""``sheets``, ``print roster|calllist|blank`` and ``visit-code``: the printouts from the command line."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from silverage.bootstrap import open_context
from silverage.cli.commands import add_subcommand
from silverage.cli.output import emit_json, say
from silverage.domain.progress import Progress, run_to_end

if TYPE_CHECKING:
    from silverage.services.print_export.printing import PrintResult

# ``services.printing`` pulls in reportlab and SQLAlchemy; it is imported by the commands that
# print, not when their parsers are built, so ``silverage print --help`` does not load it.


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期格式应为 YYYY-MM-DD，例如 2026-12-01 (not a date: {text!r})"
        ) from None


def _sheets_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", help="输出 PDF 文件 (output PDF)")
    p.add_argument("--from", dest="start", type=_date, required=True, help="开始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_date, required=True, help="结束日期 YYYY-MM-DD")
    p.add_argument("--volunteer", help="只打印这位志愿者的 (only this volunteer: name or number)")
    p.add_argument("--micro-grid", help="只打印这个微网格的 (only this micro-grid: name or number)")
    p.add_argument(
        "--by",
        choices=["volunteer", "micro-grid"],
        default="volunteer",
        help="按志愿者或按微网格分组 (one section per volunteer or per micro-grid)",
    )
    p.set_defaults(func=cmd_sheets)


def _print_parser(p: argparse.ArgumentParser) -> None:
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    r = add_subcommand(what, "roster", "按社区、等级的花名册 (roster by community and level)")
    r.add_argument("out")
    r.add_argument(
        "--unmasked",
        action="store_true",
        help="显示完整身份证号和电话（仅督导）(full ID numbers and phones; supervisors only)",
    )
    r.set_defaults(func=cmd_roster)
    c = add_subcommand(what, "calllist", "专项行动电话名单 (campaign call list)")
    c.add_argument("out")
    c.add_argument("--campaign", required=True, help="专项行动名称 (campaign name)")
    c.set_defaults(func=cmd_calllist)
    b = add_subcommand(what, "blank", "空白探访表 (blank visit form for walk-ins)")
    b.add_argument("out")
    b.set_defaults(func=cmd_blank)
    h = add_subcommand(what, "hours", "志愿服务时长证明，每位志愿者一页 (volunteers' certificates of hours)")
    h.add_argument("out")
    h.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11 (the month)")
    h.add_argument(
        "--volunteer", default=None, help="只打印这位志愿者的（姓名或编号）(one volunteer: name or number)"
    )
    h.set_defaults(func=cmd_hours)


def _visit_code_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("code")
    p.set_defaults(func=cmd_visit_code)


PARSERS = {"sheets": _sheets_parser, "print": _print_parser, "visit-code": _visit_code_parser}


def _progress(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    def show(p: Progress) -> None:
        if not args.json and sys.stderr.isatty() and p.total:
            sys.stderr.write(f"\r{p.message} ")

    return show


def _report(args: argparse.Namespace, result: PrintResult, what: str) -> int:
    if args.json:
        emit_json(
            {
                "kind": result.kind,
                "path": str(result.path),
                "pages": result.pages,
                "people": result.people,
                "entries": result.entries,
            }
        )
    else:
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        say(f"已生成{what}：{result.path}（{result.pages} 页，{result.people} 人）")
    return 0


def cmd_sheets(args: argparse.Namespace) -> int:
    from silverage.services.print_export import printing

    ctx = open_context(args)
    job = printing.sheets_job(
        ctx,
        args.out,
        args.start,
        args.end,
        volunteer=args.volunteer,
        micro_grid=args.micro_grid,
        group_by=args.by.replace("-", "_"),
    )
    return _report(args, run_to_end(job, _progress(args)), "探访单")


def cmd_roster(args: argparse.Namespace) -> int:
    from silverage.services.print_export import printing

    ctx = open_context(args)
    result = run_to_end(printing.roster_job(ctx, args.out, unmasked=args.unmasked), _progress(args))
    return _report(args, result, "花名册")


def cmd_calllist(args: argparse.Namespace) -> int:
    from silverage.services.print_export import printing

    ctx = open_context(args)
    return _report(
        args, run_to_end(printing.call_list_job(ctx, args.out, args.campaign), _progress(args)), "电话名单"
    )


def cmd_hours(args: argparse.Namespace) -> int:
    from silverage.services.print_export.hours_print import hours_certificates_job
    from silverage.services.volunteers.hours import parse_month

    ctx = open_context(args)
    job = hours_certificates_job(ctx, args.out, parse_month(args.month), args.volunteer)
    return _report(args, run_to_end(job, _progress(args)), "志愿服务时长证明")


def cmd_blank(args: argparse.Namespace) -> int:
    from silverage.services.print_export import printing

    ctx = open_context(args)
    return _report(args, printing.print_blank_form(ctx, args.out), "空白探访表")


def cmd_visit_code(args: argparse.Namespace) -> int:
    from silverage.services.print_export import printing

    ctx = open_context(args)
    ref = printing.find_visit_by_code(ctx, args.code)
    if args.json:
        emit_json(
            {
                "id": ref.id,
                "code": ref.code,
                "elder_id": ref.elder_id,
                "elder_name": ref.elder_name,
                "volunteer": ref.volunteer_name,
                "planned_date": ref.planned_date,
                "status": ref.status,
            }
        )
    else:
        from silverage.domain.enums import VisitStatus

        who = ref.volunteer_name or "未分配"
        status = VisitStatus(ref.status).zh if ref.status in VisitStatus._value2member_map_ else ref.status
        say(f"{ref.code}\t探访 #{ref.id}\t{ref.elder_name}\t{ref.planned_date}\t{who}\t{status}")
    return 0
