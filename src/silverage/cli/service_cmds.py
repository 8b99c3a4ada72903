"""``hours`` and ``needs``: volunteers' service hours per month, and people's needs with who meets them.

``silverage hours --month 2026-11 [--json]`` gives one entry per volunteer with ``visits``,
``services``, ``minutes`` and ``people`` (and ``hours``, ``by_kind``). ``silverage needs list
[--json]`` lists everyone with a need: kind, how often, the last time it was given and by whom.
``silverage print hours OUT.pdf --month 2026-11 [--volunteer NAME]`` prints the certificates
(print_cmds).
"""

from __future__ import annotations

import argparse

from silverage.bootstrap import open_context
from silverage.cli.commands import add_subcommand
from silverage.cli.output import emit_json, say


def _hours_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11 (the month)")
    p.add_argument(
        "--all",
        action="store_true",
        help="也列出当月没有服务记录的志愿者 (also volunteers with nothing that month)",
    )
    p.set_defaults(func=cmd_hours)


def _needs_parser(p: argparse.ArgumentParser) -> None:
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    lst = add_subcommand(what, "list", "有服务需求的老人及由谁提供 (people with needs and who meets them)")
    lst.set_defaults(func=cmd_needs_list)


PARSERS = {"hours": _hours_parser, "needs": _needs_parser}


def cmd_hours(args: argparse.Namespace) -> int:
    from silverage.services.volunteers import hours

    ctx = open_context(args)
    month = hours.parse_month(args.month)
    every = hours.month_hours(ctx, month)
    served = [r for r in every if r.visits]
    rows = every if args.all else served
    if args.json:
        emit_json([r.as_json() for r in rows])
        return 0
    visits, services = sum(r.visits for r in rows), sum(r.services for r in rows)
    idle = len(every) - len(served)
    say(
        f"{month.year}年{month.month}月志愿服务：{len(served)} 名志愿者有服务记录，探访 {visits} 次，"
        f"服务 {services} 项次，共 {sum(r.minutes for r in rows)} 分钟"
        + ("" if args.all or not idle else f"（另有 {idle} 名志愿者当月没有记录，--all 可全部列出）")
    )
    say("志愿者\t社区\t探访\t服务\t分钟\t小时\t服务老人")
    for r in rows:
        say(f"{r.name}\t{r.community}\t{r.visits}\t{r.services}\t{r.minutes}\t{r.hours}\t{r.people}")
    return 0


def cmd_needs_list(args: argparse.Namespace) -> int:
    from silverage.domain.service_kinds import Frequency
    from silverage.services.roster import needs_list

    ctx = open_context(args)
    people = needs_list.people_needs(ctx)
    if args.json:
        emit_json([p.as_json() for p in people])
        return 0
    count = sum(len(p.needs) for p in people)
    met = sum(n.met for p in people for n in p.needs)
    say(f"有服务需求的老人 {len(people)} 位，需求 {count} 项，按期已提供 {met} 项：")
    for p in people:
        parts = []
        for n in p.needs:
            who = "、".join(n.given_by[:2]) or "尚无人提供"
            when = f"最近 {n.last_given}" if n.last_given else "近90天未提供"
            plan = f"，已安排：{'、'.join(n.planned_by)}" if n.planned_by else ""
            parts.append(f"{n.kind}（{Frequency(n.frequency).zh}）{when}，{who}{plan}")
        say(f"  {p.name}\t{p.community}\t" + "；".join(parts))
    return 0
