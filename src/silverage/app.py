"""Desktop entry points. Qt is imported only inside silverage.ui, so this stays importable headless."""

from __future__ import annotations

import argparse
import sys


def run_gui(args: argparse.Namespace) -> int:
    from silverage.ui.shell.application import run

    return run(args)


def gui_main() -> int:
    """``silverage-gui``: the Windows shortcut target (no console window)."""
    from silverage.cli import main

    return main([a for a in sys.argv[1:] if a])
