"""``standing``: where the office stands — this month to date and last month in full (see
``services.visits.standing`` for what "due so far" means), per level and community, and who is
overdue (red first, phones masked)."""

from __future__ import annotations

import argparse
from dataclasses import replace

from silverage.bootstrap import open_context
from silverage.cli.output import emit_json, say
from silverage.domain.enums import Level


def _standing_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("--today", default=None, help="按这一天计算 YYYY-MM-DD (as of this day; default today)")
    p.add_argument(
        "--top", type=int, default=None, help="只列落后最多的 N 个社区，其余合并为“其他” (group the rest)"
    )
    p.set_defaults(func=cmd_standing)


PARSERS = {"standing": _standing_parser}


def _line(r, level: bool = False) -> str:  # noqa: ANN001 - a Standing
    key = f"{Level(r.key).zh}色" if level else (f"其他{r.others}个社区" if r.others else r.key)
    rate = "尚无到期" if r.rate is None else f"{r.rate:.1%}"
    return f"  {key}\t应完成 {r.due}\t已完成 {r.reached}\t{rate}\t错过 {r.missed}\t全月应探访 {r.required}"


def cmd_standing(args: argparse.Namespace) -> int:
    from silverage.cli.visit_cmds import _date
    from silverage.services.visits import standing

    ctx = open_context(args)
    today = _date(args.today, "日期", "Date") if args.today else ctx.clock.today()
    figures = standing.dashboard_standing(ctx, today)
    if args.top is not None:
        figures = replace(
            figures,
            this_month=replace(
                figures.this_month,
                by_community=standing.group_communities(figures.this_month.by_community, args.top),
            ),
            last_month=replace(
                figures.last_month,
                by_community=standing.group_communities(figures.last_month.by_community, args.top),
            ),
        )
    if args.json:
        emit_json(figures.as_json())
        return 0
    for title, month in (("本月至今", figures.this_month), ("上月全月", figures.last_month)):
        until = "" if month.finished else f"，{month.as_of} 之前"
        say(f"{title}（{month.year}年{month.month}月{until}）")
        say(_line(month.total))
        for r in month.by_level:
            say(_line(r, level=True))
        for r in month.by_community:
            say(_line(r))
    say(f"逾期未联系 {len(figures.overdue)} 人（红色优先）：")
    for p in figures.overdue[:20]:
        since = "从未联系" if p.days_since is None else f"{p.days_since} 天未联系"
        say(f"  {Level(p.level).zh}\t{p.name}\t{p.phone}\t{p.community}{p.grid}\t{since}")
    if len(figures.overdue) > 20:
        say(f"  ……另有 {len(figures.overdue) - 20} 人（用 silverage overdue 列出全部）")
    return 0
