"""``plan``, ``record``, ``overdue``, ``rates``, ``campaign`` (and ``list visits`` via roster_cmds)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from silverage.bootstrap import open_context
from silverage.cli.output import emit_json, say
from silverage.domain.enums import Level, Outcome, VisitKind, VisitStatus
from silverage.domain.problems import Problem, ValidationError

# The visit services bring SQLAlchemy, and planning OR-Tools and numpy: each command imports what
# it runs, so ``silverage overdue`` never loads the solver and ``plan --help`` loads nothing heavy.


def _date(raw: str | None, what_zh: str, what_en: str) -> date:
    try:
        return date.fromisoformat(raw or "")
    except ValueError:
        raise ValidationError(
            [
                Problem(
                    "date",
                    f"{what_zh}“{raw or ''}”不是日期，应写成 2026-12-01",
                    f"{what_en} '{raw or ''}' is not a date; write it as 2026-12-01",
                )
            ]
        ) from None


def _emit_rows(args: argparse.Namespace, rows: Sequence[Any], line: Callable[[Any], str]) -> None:
    """The rows as JSON with ``--json``, else one ``line`` per row."""
    if args.json:
        emit_json([r.as_json() for r in rows])
    else:
        for r in rows:
            say(line(r))


def _plan_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", required=True, help="起始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, help="截止日期 YYYY-MM-DD")
    p.set_defaults(func=cmd_plan)


def _record_parser(p: argparse.ArgumentParser) -> None:
    from silverage.services.visits.visits import FINDING_AREAS

    p.add_argument("code", metavar="VISIT_CODE")
    p.add_argument("--outcome", required=True, choices=[o.value for o in Outcome])
    p.add_argument("--visited-by", default=None, help="代班探访人 (the substitute who visited)")
    p.add_argument("--notes", default=None, help="备注；更正时不写则保留原备注 (notes; kept when correcting)")
    p.add_argument(
        "--date",
        default=None,
        help="探访日期，默认今天；更正时默认原日期 (visit date: today, or the recorded one when correcting)",
    )
    p.add_argument(
        "--correct",
        action="store_true",
        help="更正已录入的结果，原记录保留在操作日志中 (change an outcome already recorded; audited)",
    )
    for area in FINDING_AREAS:
        p.add_argument(f"--{area}", default="", help=f"发现：{FINDING_AREAS[area][0]}")
    p.add_argument(
        "--services",
        default=None,
        help="这次提供的服务，逗号分隔，如 助浴,代购；更正时不写则保留 (services given, e.g. 助浴,代购)",
    )
    p.add_argument("--minutes", type=int, default=None, help="服务时长（分钟）(time spent, in minutes)")
    p.add_argument("--fall", action="store_true", help="发现跌倒 (a fall was found)")
    p.add_argument("--disability", default=None, help="新的失能等级 (new disability grade)")
    p.set_defaults(func=cmd_record)


def _overdue_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("--today", default=None)
    p.set_defaults(func=cmd_overdue)


def _rates_parser(p: argparse.ArgumentParser) -> None:
    from silverage.services.visits.coverage import BY

    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--by", choices=list(BY), default="community")
    p.set_defaults(func=cmd_rates)


def _campaign_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("--name", help="新建：名称 (create: name)")
    p.add_argument(
        "--kind", default="other", help="typhoon / heat / cold / spring_festival / chongyang / other"
    )
    p.add_argument("--levels", default="red,yellow", help="red,yellow,green")
    p.add_argument("--start", default=None, help="YYYY-MM-DD")
    p.add_argument("--days", type=int, default=3)
    p.add_argument(
        "--calls", type=int, default=None, help="列出该行动的电话名单 (list this campaign's calls)"
    )
    p.add_argument(
        "--unmasked",
        action="store_true",
        help="电话名单显示完整电话，仅限督导，记入审计 (full phones in --calls: supervisors only, audited)",
    )
    p.set_defaults(func=cmd_campaign)


PARSERS = {
    "plan": _plan_parser,
    "record": _record_parser,
    "overdue": _overdue_parser,
    "rates": _rates_parser,
    "campaign": _campaign_parser,
}


def cmd_plan(args: argparse.Namespace) -> int:
    from silverage.services.visits import planning

    ctx = open_context(args)
    start = _date(args.date_from, "起始日期", "Start date")
    end = _date(args.date_to, "截止日期", "End date")
    summary = planning.plan_period(ctx, start, end)
    if args.json:
        emit_json(summary.as_json())
        return 0
    for w in summary.warnings:
        say(f"注意：{w['zh']}")
    say(
        f"探访计划 {summary.start} 至 {summary.end}：共 {summary.planned_total} 次（已完成/已确认等 "
        f"{summary.already_done} 次不动）"
    )
    say(
        f"  与原计划相比：保留 {summary.kept}，新增 {summary.added}，改动 {summary.moved}，"
        f"取消 {summary.cancelled}"
    )
    for lv in Level:
        kinds = summary.planned.get(lv.value, {})
        if kinds:
            parts = "，".join(f"{VisitKind(k).zh} {n} 次" for k, n in sorted(kinds.items()))
            say(f"  {lv.zh}色：{parts}")
    if summary.uncovered_total:
        say(f"未能安排 {summary.uncovered_total} 次：")
        for u in summary.uncovered:
            say(f"  {u['zh']}")
    else:
        say("全部应探访次数均已安排。")
    if summary.services_planned or summary.unmet_needs:
        say(
            f"服务需求：安排 {summary.services_planned} 项服务（其中上门服务 {summary.service_visits} 次，"
            "其余随上门探访同行）"
        )
        for u in summary.unmet_needs:
            say(f"  {u['zh']}")
    if summary.void_sheets:
        say(f"需要重印探访单的志愿者 {len(summary.void_sheets)} 名（其余已打印的探访单仍然有效）：")
        for sheet in summary.void_sheets:
            say(f"  {sheet['name']}（{sheet['volunteer_id']}）：{' '.join(sheet['codes'])}")
    else:
        say("已打印的探访单全部仍然有效，无需重印。")
    exact = (
        "最优解 (optimal)"
        if summary.optimal
        else "为守住技能每周上限再次求解，未证明最优 "
        "(solved again to hold skills' weekly limits; not proven optimal)"
    )
    say(f"总成本 {summary.total_cost}（{exact}，用时 {summary.seconds} 秒）")
    return 0


def list_visits(args: argparse.Namespace) -> int:
    from silverage.services.visits import coverage

    ctx = open_context(args)
    start = _date(args.date_from, "起始日期", "Start date")
    end = _date(args.date_to, "截止日期", "End date")
    _emit_rows(
        args,
        coverage.visits_between(ctx, start, end, unmasked=args.unmasked),
        lambda r: (
            f"{r.code}\t{r.planned_date}\t{'上午' if r.half_day == 0 else '下午'}\t{r.elder_name}\t"
            f"{r.volunteer_name or '-'}\t{VisitKind(r.kind).zh}\t{VisitStatus(r.status).zh}"
        ),
    )
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from silverage.services.visits import visits

    ctx = open_context(args)
    findings = {a: getattr(args, a) for a in visits.FINDING_AREAS if getattr(args, a)}
    # A correction keeps the findings and notes it does not state again (--correct --notes … only
    # changes the notes); a new outcome states them all.
    visited_on = _date(args.date, "探访日期", "Visit date") if args.date else None
    res = visits.record_visit(
        ctx,
        args.code,
        args.outcome,
        visited_by=args.visited_by,
        findings=findings if findings or not args.correct else None,
        notes=args.notes if args.notes is not None or args.correct else "",
        fall=args.fall,
        new_disability=args.disability,
        visited_on=visited_on,
        correct=args.correct,
        services=None if args.services is None else re.split(r"[、,，;；\s]+", args.services),
        minutes=args.minutes,
    )
    if args.json:
        emit_json(
            {
                "visit": res.visit.as_json(),
                "visited_on": res.visit.visited_at.date().isoformat() if res.visit.visited_at else None,
                "alerts": [{"zh": a.zh, "en": a.en} for a in res.alerts],
                "warnings": [{"zh": w.zh, "en": w.en} for w in res.warnings],
                "urgent_visit_code": res.urgent_visit_code,
                "corrected_outcome": res.corrected_outcome,
            }
        )
    else:
        day = res.visit.visited_at.date() if res.visit.visited_at else res.visit.planned_date
        say(f"已录入 {res.visit.code}：{day} {Outcome(res.visit.outcome or 'well').zh}")
        if res.visit.services or res.visit.minutes:
            given = "、".join(res.visit.services) or "无"
            say(f"服务：{given}；时长：{res.visit.minutes or '未填'} 分钟")
        if res.corrected_outcome:
            say(f"（更正了原先录入的结果：{Outcome(res.corrected_outcome).zh}；原记录保留在操作日志中）")
        for w in res.warnings:
            say(f"注意：{w.zh}")
            say(f"  Note: {w.en}")
        for a in res.alerts:
            say(f"提醒：{a.zh}")
    return 0


def cmd_overdue(args: argparse.Namespace) -> int:
    from silverage.services.visits import worklists

    ctx = open_context(args)
    today = _date(args.today, "日期", "Date") if args.today else ctx.clock.today()
    rows = worklists.overdue(ctx, today)
    if args.json:
        emit_json([r.as_json() for r in rows])
    else:
        for r in rows:
            since = "从未联系" if r.days_since is None else f"{r.days_since} 天未联系"
            say(
                f"{Level(r.level).zh}\t{r.elder_id}\t{r.name}\t{r.community}{r.grid}\t"
                f"{since}（应每 {r.interval_days} 天）"
            )
        say(f"共 {len(rows)} 人逾期")
    return 0


def cmd_rates(args: argparse.Namespace) -> int:
    from silverage.services.visits import coverage

    ctx = open_context(args)
    try:
        year, month = (int(x) for x in args.month.split("-"))
    except ValueError:
        raise ValidationError(
            [Problem("month", "月份应写成 2026-12", "Write the month as 2026-12")]
        ) from None
    _emit_rows(
        args,
        coverage.monthly_rates(ctx, year, month, args.by),
        lambda r: (
            f"{_rate_key(r.key, args.by)}\t应探访 {r.required}\t已探访 {r.contacted}\t探访率 {r.rate:.1%}"
        ),
    )
    return 0


def _rate_key(key: str, by: str) -> str:
    """A row's key as the office reads it: 红/黄/绿 by level (the stored value stays in --json)."""
    from silverage.domain.enums import Level

    return Level(key).zh if by == "level" and key in Level._value2member_map_ else key


def cmd_campaign(args: argparse.Namespace) -> int:
    from silverage.services.visits import worklists

    ctx = open_context(args)
    if args.name:
        start = _date(args.start, "开始日期", "Start date") if args.start else ctx.clock.today()
        cid = worklists.create_campaign(
            ctx, args.name, args.kind, [x.strip() for x in args.levels.split(",")], start, args.days
        )
        calls = worklists.call_list(ctx, cid)
        if args.json:
            emit_json({"campaign_id": cid, "calls": len(calls)})
        else:
            say(f"已建立专项行动 {cid}：{len(calls)} 通电话，{args.days} 个工作日内完成")
        return 0
    if args.calls is not None:
        _emit_rows(
            args,
            worklists.call_list(ctx, args.calls, unmasked=args.unmasked),
            lambda r: (
                f"{r.planned_date}\t{r.visit_code}\t{r.name}\t{r.phone}\t{r.contact_name} {r.contact_phone}"
            ),
        )
        return 0
    _emit_rows(
        args,
        worklists.campaigns(ctx),
        lambda c: f"{c.id}\t{c.name}\t{c.start_date}\t{c.contacted}/{c.total}",
    )
    return 0
