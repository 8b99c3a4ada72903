"""Logging to a rotating file in the log folder. Never log a person's ID number, phone or health.

Two guards, because a log line is written by code that did not think of it: the engine hides SQL
parameters (``hide_parameters``, so a database error's text has no name, ID or health detail),
and every line, traceback included, passes ``scrub`` on its way to the file, which blanks anything
shaped like an ID number (18 or 15 digits) or a mobile phone (11 digits from 1[3-9]).
"""

from __future__ import annotations

import logging
import logging.handlers
import re

from silverage.paths import log_dir

_done = False

_ID_OR_PHONE = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15}|1[3-9][0-9]{9})(?![0-9Xx])")


def scrub(text: str) -> str:
    """``text`` with every ID-number- or phone-shaped run of digits replaced by [已隐藏]."""
    return _ID_OR_PHONE.sub("[已隐藏]", text)


class ScrubbingFormatter(logging.Formatter):
    """Formats as usual, then scrubs the whole line (message, exception and stack)."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


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
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
