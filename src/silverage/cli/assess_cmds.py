"""``assess``: re-score the roster into red / yellow / green and say who moved."""

from __future__ import annotations

import argparse

from silverage.bootstrap import open_context
from silverage.cli.output import emit_json, say
from silverage.domain.enums import Level


def _assess_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("--all", action="store_true", help="评估所有在册老人 (everyone, not only those due)")
    p.set_defaults(func=cmd_assess)


PARSERS = {"assess": _assess_parser}


def _name(level: str | None) -> str:
    return Level(level).zh if level else "未评估"


def cmd_assess(args: argparse.Namespace) -> int:
    from silverage.services.care import assessment

    ctx = open_context(args)
    summary = assessment.assess_all(ctx, trigger="cli", only_due=not args.all)
    if args.json:
        emit_json(summary.as_json())
        return 0
    scope = "全部在册老人" if args.all else "到期复评的老人"
    say(
        f"已评估{scope} {summary.assessed} 人（规则第 {summary.rule_version} 版）"
        f" · assessed {summary.assessed} ({'all' if args.all else 'due'}), rules v{summary.rule_version}"
    )
    say(
        "本次 this run:  " + "  ".join(f"{Level(k).zh} {Level(k).en}: {v}" for k, v in summary.counts.items())
    )
    say(
        "全部在册 roster: "
        + "  ".join(f"{_name(k if k != 'none' else None)} {k}: {v}" for k, v in summary.roster_counts.items())
    )
    if summary.overrides_to_review:
        say(f"人工调整待复核 overrides to review: {summary.overrides_to_review}")
    say(f"等级变化 moved: {len(summary.moved)}")
    for mv in summary.moved:
        say(f"{mv.id}\t{mv.name}\t{_name(mv.old)} → {_name(mv.new)}")
    return 0
