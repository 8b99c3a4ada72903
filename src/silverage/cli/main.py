"""Argument parsing and the one place where errors become a readable line and an exit code.

Parsing runs twice: first with one-line stubs for every command (from ``cli.commands``, no command
module imported) just to learn which command was chosen, then with that command's real parser.
So ``--version`` and ``--help`` import nothing heavy, and ``list`` never loads OR-Tools.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from silverage import __version__
from silverage.cli.commands import COMMANDS, add_global_options, global_options
from silverage.domain.problems import UserError

log = logging.getLogger(__name__)

EXIT_USER_ERROR = 2
EXIT_INTERNAL = 1


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line with ``command``'s own parser; every other command is a stub that
    only shows its one-line help in ``silverage --help``."""
    parser = argparse.ArgumentParser(
        prog="silverage",
        description="银龄：独居空巢老人花名册、三色分级与志愿者探访 "
        "(roster, care levels and volunteer visits). Without a command the desktop app opens.",
        epilog="全局选项可放在命令之前或之后 (global options go before or after the command), e.g. "
        "silverage list elders --json --db roster.sqlite",
    )
    parser.add_argument("--version", action="version", version=f"silverage {__version__}")
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, spec in COMMANDS.items():
        if name == command:
            p = sub.add_parser(name, help=spec.help, description=spec.help, parents=[global_options()])
            importlib.import_module(spec.module).PARSERS[name](p)
        else:
            sub.add_parser(name, help=spec.help, add_help=False)
    return parser


def chosen_command(argv: Sequence[str]) -> str | None:
    """The sub-command ``argv`` names (None: the GUI), found by argparse itself so that
    ``--db=x``, ``--db x`` and ``--`` are read exactly as in the real parse."""
    args, _rest = build_parser(None).parse_known_args(argv)
    return args.command


def main(argv: Sequence[str] | None = None) -> int:
    """The ``silverage`` command (and the frozen ``silverage`` executable). Error lines go to
    stderr, which is the log when there is no console (``streams``); every database opened is
    checkpointed and closed on the way out, whatever the outcome."""
    from silverage.streams import guard_missing_streams

    windowed = guard_missing_streams()
    from silverage.logging_setup import setup_logging
    from silverage.paths import restrict_new_files

    if windowed:  # no console: argparse's own errors must reach the log too
        restrict_new_files()
        setup_logging()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(chosen_command(argv)).parse_args(argv)
    from silverage.bootstrap import closing_databases

    restrict_new_files()
    setup_logging()
    with closing_databases():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command is None:
            from silverage.app import run_gui

            return run_gui(args)
        from silverage.services import writer_note

        writer_note.set_program(f"silverage {args.command}")  # named to anyone kept waiting by it
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
    except Exception as exc:
        from silverage.services.faults import explain

        known = explain(exc)
        if known is not None:  # a full disk, a read-only file, another writer: say so, no traceback
            log.warning("Command %s stopped by %s", args.command, type(exc).__name__)
            sys.stderr.write(f"错误：{known.zh}\nError: {known.en}\n")
            return EXIT_USER_ERROR
        log.exception("Unexpected error in command %s", args.command)
        from silverage.paths import log_dir

        sys.stderr.write(f"内部错误，详情已写入日志 {log_dir()} (internal error, details in the log)\n")
        return EXIT_INTERNAL
