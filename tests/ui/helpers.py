"""What the GUI tests share: waiting for a user action to finish on the worker thread."""

from __future__ import annotations

from silverage.ui.shell.app_context import AppContext


def settle(qtbot, app: AppContext, timeout: int = 45000) -> None:  # noqa: ANN001
    """Wait until every action started so far has finished and its result was shown, including
    the follow-up reads it caused (a changed person's roster row)."""
    qtbot.waitUntil(app.runner.idle, timeout=timeout)
