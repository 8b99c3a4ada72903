"""``demo``, ``list elders``, ``list volunteers`` and ``check``."""

from __future__ import annotations

import argparse
import sys

from silverage.bootstrap import open_context
from silverage.cli.output import emit_json, say
from silverage.domain.enums import Level, Living

# The services (and SQLAlchemy with them) are imported by the commands that run, not here, so
# ``silverage list elders --help`` stays quick.


def _demo_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--seed", type=int, default=2026, help="随机种子：同一种子生成相同数据 (same seed, same roster)"
    )
    p.add_argument("--elders", type=int, default=None, help="老人人数 (number of elders, ≤100000)")
    p.add_argument(
        "--replace", action="store_true", help="替换已有的演示数据 (replace an existing demo roster)"
    )
    p.set_defaults(func=cmd_demo)


def _list_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=["elders", "volunteers", "visits"])
    p.add_argument("--from", dest="date_from", help="探访起始日期 YYYY-MM-DD (visits: first day)")
    p.add_argument("--to", dest="date_to", help="探访截止日期 YYYY-MM-DD (visits: last day)")
    p.add_argument("--level", choices=[lv.value for lv in Level], help="只列出该等级 (only this care level)")
    p.add_argument("--all", action="store_true", help="包括已归档的老人 (include archived people)")
    p.add_argument(
        "--search",
        metavar="TEXT",
        help="同花名册搜索框：姓名、拼音或首字母、电话、地址"
        " (as the roster search box: name, pinyin, initials, phone, address)",
    )
    p.add_argument(
        "--unmasked",
        action="store_true",
        help="完整身份证号码和电话，仅限督导，记入审计 (full IDs and phones: supervisors only, audited)",
    )
    p.set_defaults(func=cmd_list)


def _check_parser(p: argparse.ArgumentParser) -> None:
    p.set_defaults(func=cmd_check)


PARSERS = {"demo": _demo_parser, "list": _list_parser, "check": _check_parser}


def cmd_demo(args: argparse.Namespace) -> int:
    from silverage.services import demo

    ctx = open_context(args)

    def progress(i: int, n: int) -> None:
        if not args.json and sys.stderr.isatty():
            sys.stderr.write(f"\r生成中 building… {i}/{n}")

    elders = demo.BASE_ELDERS if args.elders is None else args.elders
    summary = demo.build_demo(ctx, seed=args.seed, elders=elders, replace=args.replace, progress=progress)
    from silverage.services.backup.backup_settings import ensure_demo_backup_password

    ensure_demo_backup_password(ctx)  # the README's backup password of the demo: demo
    if args.json:
        emit_json(summary.__dict__)
    else:
        say(
            f"已生成演示数据（合成，非真实人员）: {summary.communities} 个社区, {summary.grids} 个网格, "
            f"{summary.micro_grids} 个微网格, {summary.elders} 位老人, {summary.volunteers} 名志愿者, "
            f"{summary.visits} 条探访记录"
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    if args.what == "visits":
        from silverage.cli.visit_cmds import list_visits

        return list_visits(args)
    from silverage.services.roster import roster_query

    ctx = open_context(args)
    if args.what == "volunteers":
        vols = roster_query.list_volunteers(ctx, unmasked=args.unmasked)
        if args.json:
            emit_json([v.as_json() for v in vols])
        else:
            for v in vols:
                say(f"{v.id}\t{v.name}\t{v.community}{v.grid}\t{'在岗' if v.active else '停用'}")
        return 0
    f = roster_query.ElderFilter(
        level=Level(args.level) if args.level else None, status=None if args.all else "active"
    )
    rows = roster_query.list_elders(ctx, f, unmasked=args.unmasked)
    if args.search:
        from silverage.domain.pinyin_search import matches, person_haystack

        # The haystack of the roster page (ID numbers and phones as listed, i.e. masked), one matcher.
        rows = [
            r for r in rows if matches(person_haystack(r.name, r.id_number, r.phone, r.address), args.search)
        ]
    if args.json:
        emit_json([r.as_json() for r in rows])
    else:
        for r in rows:
            level = Level(r.level).zh if r.level else "未评估"
            living = Living(r.living).zh
            say(f"{r.id}\t{r.name}\t{r.age}岁\t{living}\t{level}\t{r.community}{r.grid}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from silverage.services import integrity

    ctx = open_context(args)
    report = integrity.check(ctx)
    if args.json:
        emit_json(report.as_json())
    else:
        for line in report.lines():
            say(line)
    return 0 if report.ok else 3
