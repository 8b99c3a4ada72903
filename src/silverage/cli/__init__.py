"""Command line: ``silverage`` with no command opens the GUI; sub-commands are for automation."""

from silverage.cli.main import main

__all__ = ["main"]
