"""Argument parsing and the one place where errors become a readable line and an exit code."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from silverage import __version__
from silverage.domain.problems import UserError

log = logging.getLogger(__name__)

# Each module has ``register(subparsers)``; its parsers set ``func(args) -> int``.
COMMAND_MODULES = [
    "silverage.cli.roster_cmds",
    "silverage.cli.selftest_cmd",
    "silverage.cli.assess_cmds",
    "silverage.cli.print_cmds",
    "silverage.cli.visit_cmds",
    "silverage.cli.excel_cmds",
]

EXIT_USER_ERROR = 2
EXIT_INTERNAL = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="silverage",
        description="银龄：独居空巢老人花名册、三色分级与志愿者探访 "
        "(roster, care levels and volunteer visits). Without a command the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"silverage {__version__}")
    parser.add_argument("--db", help="数据库文件路径或 PostgreSQL 地址 (database file or URL); "
                        "default: $SILVERAGE_DB or the user data folder")
    parser.add_argument("--user", help="以此用户身份操作 (act as this user, e.g. a supervisor)")
    parser.add_argument("--demo", action="store_true",
                        help="打开演示数据库（首次自动生成）(open the demo roster, built on first use)")
    parser.add_argument("--lang", choices=["zh", "en"], help="界面语言 (interface language)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from silverage.logging_setup import setup_logging

    setup_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from silverage.app import run_gui

            return run_gui(args)
        return int(args.func(args) or 0)
    except UserError as exc:
        sys.stderr.write(f"错误：{exc.zh}\nError: {exc.en}\n")
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("已取消 (cancelled)\n")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `silverage list elders | head`): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception:
        log.exception("Unexpected error in command %s", args.command)
        from silverage.paths import log_dir

        sys.stderr.write(
            f"内部错误，详情已写入日志 {log_dir()} (internal error, details in the log)\n"
        )
        return EXIT_INTERNAL


def db_target(args: argparse.Namespace) -> str | None:
    if getattr(args, "demo", False) and not args.db:
        from silverage.paths import demo_db_path

        return str(demo_db_path())
    return args.db or os.environ.get("SILVERAGE_DB")
