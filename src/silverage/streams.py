"""Standard streams that a windowed start does not have.

The frozen ``silverage-gui.exe`` (PyInstaller, ``console=False``), ``pythonw.exe`` and a desktop
shortcut start Python with ``sys.stdin``, ``sys.stdout`` and ``sys.stderr`` set to None, so any
error path that writes a line (``sys.stderr.write``) would raise AttributeError and end in
PyInstaller's unhandled-exception box instead of the app's own message. Every entry point calls
``guard_missing_streams`` first: a missing stdout and stdin become the null device (stdout carries
rosters and JSON, which never go to the log), a missing stderr becomes the log (it carries the
error lines meant for a person, and every log line is scrubbed of ID numbers and phones).
"""

from __future__ import annotations

import io
import logging
import os
import sys

STDERR_LOGGER = "silverage.stderr"


class LogWriter(io.TextIOBase):
    """A text stream that logs each complete line at WARNING (for a missing ``sys.stderr``)."""

    def __init__(self, logger: logging.Logger) -> None:
        super().__init__()
        self._log = logger
        self._pending = ""
        self._busy = False  # logging's own fallbacks write to sys.stderr: never loop back into it

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self._busy:
            return len(text)
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        self._emit(lines)
        return len(text)

    def flush(self) -> None:
        if self._pending and not self._busy:
            lines, self._pending = [self._pending], ""
            self._emit(lines)

    def _emit(self, lines: list[str]) -> None:
        self._busy = True
        try:
            for line in lines:
                if line.strip():
                    self._log.warning("%s", line)
        finally:
            self._busy = False


def guard_missing_streams() -> bool:
    """Put a writable stream where Python has none; True if there was no stderr (a windowed start)."""
    windowed = sys.stderr is None
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = LogWriter(logging.getLogger(STDERR_LOGGER))
    return windowed
