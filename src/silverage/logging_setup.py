"""Logging to a rotating file in the log folder. Never log a person's ID number, phone or health."""

from __future__ import annotations

import logging
import logging.handlers

from silverage.paths import log_dir

_done = False


def setup_logging(level: int = logging.INFO) -> None:
    global _done
    if _done:
        return
    _done = True
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_dir() / "silverage.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
