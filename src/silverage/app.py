"""Desktop entry points. Qt is imported only inside silverage.ui, so this stays importable headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from silverage import __version__


def run_gui(args: argparse.Namespace) -> int:
    from silverage.ui.shell.application import run

    return run(args)


def gui_parser() -> argparse.ArgumentParser:
    """``silverage-gui`` takes only the start options (no sub-commands: there is no console to
    print to); they mean what they mean for ``silverage``."""
    from silverage.bootstrap import add_start_options

    parser = argparse.ArgumentParser(
        prog="silverage-gui", description="银龄桌面程序 (the silverage desktop app)"
    )
    parser.add_argument("--version", action="version", version=f"silverage {__version__}")
    add_start_options(parser)
    return parser


def gui_main(argv: Sequence[str] | None = None) -> int:
    """``silverage-gui``: the Windows shortcut target (no console window, so no stdout or stderr:
    ``streams`` puts the null device and the log there). Starts the desktop app straight from the
    start options, not through the command line's parser."""
    from silverage.streams import guard_missing_streams

    windowed = guard_missing_streams()
    from silverage.bootstrap import closing_databases
    from silverage.logging_setup import setup_logging
    from silverage.paths import restrict_new_files

    restrict_new_files()
    setup_logging()  # before parsing: without a console, a wrong argument is said in the log
    raw = sys.argv[1:] if argv is None else argv
    try:
        args = gui_parser().parse_args([a for a in raw if a])
    except SystemExit as exc:
        if exc.code and windowed:
            from silverage.ui.shell.errors import show_bad_arguments

            show_bad_arguments(" ".join(raw))
        raise
    with closing_databases():
        return run_gui(args)
