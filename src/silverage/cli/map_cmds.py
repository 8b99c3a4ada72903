"""``map OUT.pdf [--community NAME] [--grid NAME] [--size A4|A3]``: the 三色点位图 on paper.

One landscape page per grid; with ``--community`` the community's overview comes first. ``--json``
prints ``people``, ``buildings``, ``points`` per level and ``pages``.
"""

from __future__ import annotations

import argparse

from silverage.bootstrap import open_context
from silverage.cli.output import emit_json, say


def _map_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", help="输出 PDF 文件 (output PDF)")
    p.add_argument("--community", help="只打印这个社区 (only this community: name or number)")
    p.add_argument("--grid", help="只打印这个网格 (only this grid: name or number)")
    p.add_argument(
        "--size",
        type=str.upper,
        choices=["A4", "A3"],
        default="A4",
        help="纸张，横向 (paper, landscape; A3 for the wall)",
    )
    p.set_defaults(func=cmd_map)


PARSERS = {"map": _map_parser}


def cmd_map(args: argparse.Namespace) -> int:
    from silverage.services.map.map_print import print_map

    ctx = open_context(args)
    result = print_map(ctx, args.out, community=args.community, grid=args.grid, size=args.size)
    if args.json:
        emit_json(result.as_json())
    else:
        levels = "，".join(
            f"{word} {result.points[key]}"
            for key, word in (("red", "红"), ("yellow", "黄"), ("green", "绿"), ("none", "未评估"))
            if result.points[key] or key != "none"
        )
        say(
            f"已生成点位图：{result.path}（{result.pages} 页，{result.buildings} 处楼栋，"
            f"{result.people} 人；{levels}）"
        )
    return 0
