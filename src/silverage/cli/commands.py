"""The table of sub-commands, and the options every command accepts before or after its name.

``silverage --help`` lists commands from this table alone; only the chosen command's module is
imported (with SQLAlchemy, OR-Tools, openpyxl… as it needs them) to build its own parser. Each
module named here has ``PARSERS``: command name -> a function that adds that command's arguments
to the parser it is given and sets ``func(args) -> int``.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from functools import cache

from silverage.bootstrap import add_start_options


@dataclass(frozen=True)
class Command:
    module: str
    help: str


_ROSTER = "silverage.cli.roster_cmds"
_VISITS = "silverage.cli.visit_cmds"
_PRINT = "silverage.cli.print_cmds"
_EXCEL = "silverage.cli.excel_cmds"
_ACCOUNTS = "silverage.cli.account_cmds"
_BACKUP = "silverage.cli.backup_cmds"
_SERVICES = "silverage.cli.service_cmds"

COMMANDS: dict[str, Command] = {
    "init": Command(_ACCOUNTS, "新数据库：设置街道名称和第一个管理员 (a new office's first administrator)"),
    "users": Command(_ACCOUNTS, "账号：列出、添加、停用、改密码 (accounts: list, add, disable, passwd)"),
    "places": Command(
        "silverage.cli.place_cmds", "社区、网格、微网格：列出、添加、改名、合并、归档、导入 (places)"
    ),
    "demo": Command(_ROSTER, "生成演示街道数据 (build the synthetic demo subdistrict)"),
    "list": Command(_ROSTER, "列出老人、志愿者或探访 (list elders, volunteers or visits)"),
    "check": Command(_ROSTER, "检查数据库完整性 (check database integrity)"),
    "selftest": Command(
        "silverage.cli.selftest_cmd", "离屏启动界面并计时 (open the GUI offscreen and time start-up)"
    ),
    "assess": Command(
        "silverage.cli.assess_cmds",
        "重新评估三色等级 (re-score care levels; only those due unless --all)",
    ),
    "sheets": Command(_PRINT, "打印探访单 PDF (visit sheets for a period, one section per volunteer)"),
    "print": Command(
        _PRINT, "打印花名册、电话名单、空白探访表或时长证明 (roster, call list, blank form, hours)"
    ),
    "visit-code": Command(_PRINT, "按探访单上的编号查找探访 (find the visit a sheet's code names)"),
    "plan": Command(_VISITS, "生成探访计划 (plan visits for a period)"),
    "record": Command(_VISITS, "按探访编号录入结果 (record a visit outcome by its code)"),
    "overdue": Command(_VISITS, "逾期未探访名单 (people overdue for contact)"),
    "rates": Command(_VISITS, "月度探访率 (monthly visit rate)"),
    "standing": Command(
        "silverage.cli.standing_cmds", "本月至今与上月探访进度、逾期名单 (where we stand: month to date)"
    ),
    "campaign": Command(_VISITS, "专项关怀行动与电话名单 (one-off campaign and its call list)"),
    "alerts": Command(
        "silverage.cli.alert_cmds", "未处理的提醒；alerts resolve ID --note 处理 (open alerts; resolve one)"
    ),
    "backup": Command(_BACKUP, "加密备份数据库 (encrypted backup of the database)"),
    "restore": Command(_BACKUP, "从备份恢复数据库（先检查并显示内容）(restore a backup, shown first)"),
    "birthdays": Command(
        "silverage.cli.birthday_cmds", "整寿名单（公历或农历）；--pdf 打印某月寿星名单 (milestone birthdays)"
    ),
    "map": Command(
        "silverage.cli.map_cmds",
        "三色点位图 PDF：每个网格一页 (the red/yellow/green point map, one page a grid)",
    ),
    "hours": Command(
        _SERVICES, "志愿者某月服务时长 (volunteers' visits, services, minutes, people in a month)"
    ),
    "needs": Command(_SERVICES, "老人的服务需求及由谁提供：needs list (people's needs and who meets them)"),
    "export": Command(_EXCEL, "导出Excel (export to Excel)"),
    "import": Command(_EXCEL, "从Excel导入花名册 (import rosters from Excel workbooks)"),
}


def add_global_options(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    """``--db``, ``--user``, ``--demo``, ``--lang`` (shared with the GUI start) and ``--json``."""
    group = parser.add_argument_group("全局选项 global options (before or after the command)")
    add_start_options(group, suppress=suppress)
    group.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="机器可读的 JSON 输出 (machine-readable output)",
    )


@cache
def global_options() -> argparse.ArgumentParser:
    """A parent for every sub-command's parser: its defaults are SUPPRESS, so ``list elders`` does
    not reset a ``--db`` given before ``list``, and ``list elders --db x`` sets it."""
    parent = argparse.ArgumentParser(add_help=False)
    add_global_options(parent, suppress=True)
    return parent


def add_subcommand(
    sub: argparse._SubParsersAction, name: str, help: str, **kwargs: object
) -> argparse.ArgumentParser:
    """A nested sub-command (``print roster``) that also takes the global options."""
    return sub.add_parser(name, help=help, description=help, parents=[global_options()], **kwargs)
