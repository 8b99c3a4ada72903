"""``places``: the 社区 → 网格 → 微网格 tree with its counts, and a supervisor's changes to it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from silverage.bootstrap import open_context
from silverage.cli.commands import add_subcommand
from silverage.cli.output import emit_json, say

if TYPE_CHECKING:
    from silverage.services.roster.places import PlaceChange, PlaceNode

PATH_HELP = "社区[/网格[/微网格]]，如 月河社区/3网格/1号微网格"


def _places_parser(p: argparse.ArgumentParser) -> None:
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    ls = add_subcommand(what, "list", "地点树及在册人数、志愿者人数 (the tree with people and volunteers)")
    ls.add_argument("--all", action="store_true", help="包括已归档的地点 (include archived places)")
    ls.set_defaults(func=cmd_list)
    add = add_subcommand(what, "add", "添加社区、网格或微网格（缺少的上级一并添加）(add a place)")
    add.add_argument("path", metavar="PATH", help=PATH_HELP)
    add.set_defaults(func=cmd_add)
    ren = add_subcommand(what, "rename", "改名 (rename a place)")
    ren.add_argument("path", metavar="PATH", help=PATH_HELP)
    ren.add_argument("new", metavar="NEW", help="新名称 (the new name, without its parents)")
    ren.set_defaults(func=cmd_rename)
    mer = add_subcommand(
        what, "merge", "把一个地点合并到另一个（人员和志愿者随之调整）(merge PATH into INTO)"
    )
    mer.add_argument("path", metavar="PATH", help=PATH_HELP)
    mer.add_argument("into", metavar="INTO", help="并入的地点 (the place it joins)")
    mer.set_defaults(func=cmd_merge)
    mov = add_subcommand(what, "move", "把微网格移到另一个网格下 (move a micro-grid to another grid)")
    mov.add_argument("path", metavar="PATH", help="社区/网格/微网格")
    mov.add_argument("grid", metavar="GRID", help="社区/网格")
    mov.set_defaults(func=cmd_move)
    order = add_subcommand(what, "reorder", "调整排列顺序 (put a place at a position among its siblings)")
    order.add_argument("path", metavar="PATH", help=PATH_HELP)
    order.add_argument("position", type=int, metavar="N", help="第几位，1为第一 (1 = first)")
    order.set_defaults(func=cmd_reorder)
    arc = add_subcommand(what, "archive", "归档没有在册人员的地点 (archive a place nobody active is in)")
    arc.add_argument("path", metavar="PATH", help=PATH_HELP)
    arc.set_defaults(func=cmd_archive)
    res = add_subcommand(what, "restore", "恢复已归档的地点 (restore an archived place)")
    res.add_argument("path", metavar="PATH", help=PATH_HELP)
    res.set_defaults(func=cmd_restore)
    imp = add_subcommand(
        what, "import", "从地点清单或花名册工作簿的社区/网格/微网格列建立地点 (places from a workbook)"
    )
    imp.add_argument("files", nargs="+", metavar="FILE", help=".xlsx 文件（可多个）")
    imp.add_argument("--dry-run", action="store_true", help="只预览，不写入 (preview only)")
    imp.set_defaults(func=cmd_import)


PARSERS = {"places": _places_parser}


def _line(node: PlaceNode, depth: int) -> str:
    gone = "（已归档）" if node.archived else ""
    return f"{'  ' * depth}{node.name}{gone}\t在册 {node.people} 人\t志愿者 {node.volunteers} 名"


def cmd_list(args: argparse.Namespace) -> int:
    from silverage.services.roster import places

    ctx = open_context(args)
    roots = places.tree(ctx, include_archived=args.all)
    if args.json:
        emit_json([n.as_json() for n in roots])
        return 0
    if not roots:
        say("还没有任何地点：用 silverage places add 社区/网格/微网格 添加 · no places yet")
    for community in roots:
        say(_line(community, 0))
        for grid in community.children:
            say(_line(grid, 1))
            for micro in grid.children:
                say(_line(micro, 2))
    return 0


def _done(args: argparse.Namespace, change: PlaceChange) -> int:
    if args.json:
        emit_json(
            {
                "message": change.zh,
                "message_en": change.en,
                "places_created": list(change.created),
                "people_moved": change.people_moved,
                "volunteers_moved": change.volunteers_moved,
            }
        )
    else:
        say(f"{change.zh} · {change.en}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from silverage.services.roster import places

    return _done(args, places.add_place(open_context(args), args.path))


def cmd_rename(args: argparse.Namespace) -> int:
    from silverage.services.roster import places

    return _done(args, places.rename_place(open_context(args), args.path, args.new))


def cmd_merge(args: argparse.Namespace) -> int:
    from silverage.services.roster import places

    return _done(args, places.merge_places(open_context(args), args.path, args.into))


def cmd_move(args: argparse.Namespace) -> int:
    from silverage.services.roster import places

    return _done(args, places.move_micro_grid(open_context(args), args.path, args.grid))


def cmd_reorder(args: argparse.Namespace) -> int:
    from silverage.services.roster import places

    return _done(args, places.reorder_place(open_context(args), args.path, args.position))


def cmd_archive(args: argparse.Namespace) -> int:
    from silverage.services.roster import places

    return _done(args, places.archive_place(open_context(args), args.path))


def cmd_restore(args: argparse.Namespace) -> int:
    from silverage.services.roster import places

    return _done(args, places.restore_place(open_context(args), args.path))


def cmd_import(args: argparse.Namespace) -> int:
    from silverage.services.roster import places

    ctx = open_context(args)
    result = places.import_places(ctx, [Path(f) for f in args.files], dry_run=args.dry_run)
    if args.json:
        emit_json(result.as_json())
    else:
        verb = "将新建" if args.dry_run else "新建"
        say(
            f"读取 {result.rows_read} 行：{verb}地点 {len(result.created)} 个，已有 {result.existing} 个，"
            f"无法处理 {len(result.problems)} 行"
        )
        for path in result.created:
            say(f"  {verb} {path}")
        for f, sheet, row, zh, _ in result.problems:
            say(f"  无法处理 {f}「{sheet}」第{row}行：{zh}")
        for f, sheet in result.skipped_sheets:
            say(f"  跳过 {f}「{sheet}」：没有社区、网格或微网格列")
        if args.dry_run:
            say("（预览，未写入任何数据 / dry run: nothing was written）")
    return 0 if not result.problems else 3
