"""``birthdays``: milestone birthdays (寿星) coming up, on the calendar each person celebrates.

``silverage birthdays [--days N] [--json]`` lists the next N days (default 30); each entry has the
person (name and id), the age reached, ``calendar`` ("solar" or "lunar"), the Gregorian ``date`` it
falls on and the community. ``--pdf OUT.pdf --month 2026-12`` prints that month's 寿星名单 instead.
"""

from __future__ import annotations

import argparse

from silverage.bootstrap import open_context
from silverage.cli.output import emit_json, say
from silverage.domain.problems import Problem, ValidationError


def _birthdays_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("--days", type=int, default=30, help="列出今后 N 天内的整寿（默认30）(next N days)")
    p.add_argument("--today", default=None, help="按这一天计算 YYYY-MM-DD (as of this day; default today)")
    p.add_argument("--pdf", default=None, metavar="OUT.pdf", help="打印某月寿星名单 (print a month's list)")
    p.add_argument("--month", default=None, metavar="YYYY-MM", help="与 --pdf 同用 (the month to print)")
    p.set_defaults(func=cmd_birthdays)


PARSERS = {"birthdays": _birthdays_parser}


def _month(raw: str | None, default_year: int, default_month: int) -> tuple[int, int]:
    if raw is None:
        return default_year, default_month
    try:
        year, month = (int(x) for x in raw.split("-"))
        if 1 <= month <= 12 and 1900 <= year <= 2200:
            return year, month
    except ValueError:
        pass
    raise ValidationError(
        [Problem("month", f"月份“{raw}”应写成 2026-12", f"The month '{raw}' should be written as 2026-12")]
    )


def cmd_birthdays(args: argparse.Namespace) -> int:
    from silverage.cli.visit_cmds import _date
    from silverage.services.roster import birthday_list

    ctx = open_context(args)
    today = _date(args.today, "日期", "Date") if args.today else ctx.clock.today()
    if args.pdf:
        from silverage.services.print_export.birthday_print import print_birthday_list

        year, month = _month(args.month, today.year, today.month)
        result = print_birthday_list(ctx, args.pdf, year, month)
        if args.json:
            emit_json({"path": str(result.path), "pages": result.pages, "people": result.people})
        else:
            say(f"{year}年{month}月寿星名单：{result.people} 人，{result.pages} 页 -> {result.path}")
        return 0
    if args.month:
        raise ValidationError([Problem("month", "--month 只与 --pdf 同用", "--month goes with --pdf")])
    entries = birthday_list.upcoming_milestones(ctx, today, args.days)
    if args.json:
        emit_json([e.as_json() for e in entries])
        return 0
    say(f"{args.days} 天内逢整寿的老人 {len({e.elder_id for e in entries})} 位：")
    for e in entries:
        cal = f"农历{e.lunar}" if e.calendar == "lunar" else "公历"
        ask = "" if e.chosen else "（历法待确认）"
        age = f"虚岁{e.age}岁" if e.nominal else f"{e.age}岁"
        say(f"  {e.date}\t{e.name}\t{age}\t{cal}{ask}\t{e.community}")
    return 0
