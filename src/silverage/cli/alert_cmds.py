"""``alerts``: the open alerts (``--json``: ``kind``, ``elder_id``, ``message``, ``due``), their
history, and ``alerts resolve ID --note TEXT`` to close one with a note.

A "not at home twice" message names the emergency contact with the phone masked, like every list;
a supervisor may ask for it in full with ``--unmasked`` (audited).
"""

from __future__ import annotations

import argparse

from silverage.bootstrap import open_context
from silverage.cli.commands import add_subcommand
from silverage.cli.output import emit_json, say


def _alerts_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--unmasked",
        action="store_true",
        help="显示完整电话，仅限督导，记入审计 (full phones: supervisors only, audited)",
    )
    p.set_defaults(func=cmd_list)
    what = p.add_subparsers(dest="what", metavar="WHAT")
    res = add_subcommand(what, "resolve", "处理一条提醒并写明处理情况 (close an alert with a note)")
    res.add_argument("alert_id", type=int, metavar="ID")
    res.add_argument("--note", required=True, help="处理情况，如 已电话联系女儿 (what was done)")
    res.set_defaults(func=cmd_resolve)
    hist = add_subcommand(what, "history", "已处理的提醒：何时、何人、处理情况 (resolved alerts)")
    hist.add_argument("--elder", type=int, default=None, metavar="ELDER_ID", help="只看这位老人")
    hist.set_defaults(func=cmd_history)


PARSERS = {"alerts": _alerts_parser}


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "zh"


def _due(row: object, lang: str = "zh") -> str:
    due = getattr(row, "due", None)
    if not due:
        return "-"
    when = due.strftime("%Y-%m-%d %H:%M")
    return f"应于 {when} 前处理" if lang.startswith("zh") else f"due by {when}"


def _kind(kind: str, lang: str) -> str:
    """The alert's kind in words (a kind this version does not know: as stored)."""
    from silverage.domain.enums import AlertKind

    try:
        return AlertKind(kind).label(lang)
    except ValueError:
        return kind


def cmd_list(args: argparse.Namespace) -> int:
    from silverage.services.visits import alert_rows

    ctx = open_context(args)
    rows = alert_rows.open_alerts(ctx, unmasked=args.unmasked)
    lang = _lang(args)
    if args.json:
        emit_json([r.as_json(lang) for r in rows])
        return 0
    for r in rows:
        say(f"{r.id}\t{_due(r, lang)}\t{_kind(r.kind, lang)}\t{r.elder_id}\t{r.message(lang)}")
    say(f"共 {len(rows)} 条未处理的提醒 ({len(rows)} open)")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from silverage.services.visits import alert_rows

    ctx = open_context(args)
    alert_rows.resolve_alert(ctx, args.alert_id, args.note)
    if args.json:
        emit_json({"id": args.alert_id, "resolved": True, "resolved_by": ctx.actor.username})
    else:
        say(f"已处理提醒 {args.alert_id} (alert {args.alert_id} resolved)")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from silverage.services.visits import alert_rows

    ctx = open_context(args)
    rows = alert_rows.alert_history(ctx, args.elder)
    lang = _lang(args)
    if args.json:
        emit_json([r.as_json(lang) for r in rows])
        return 0
    for r in rows:
        when = r.resolved_at.strftime("%Y-%m-%d %H:%M") if r.resolved_at else ""
        kind = _kind(r.kind, lang)
        say(f"{r.id}\t{when}\t{r.resolved_by}\t{kind}\t{r.elder_id}\t{r.message(lang)}\t{r.note}")
    return 0
