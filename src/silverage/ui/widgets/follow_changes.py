"""Pages follow the change records that ``AppContext.announce`` sends, so nothing goes stale.

A page says which changes concern it; when one arrives it refreshes at once if it is on screen,
or on its next showing if not (a hidden page does no work for changes nobody sees).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from silverage.domain.changes import Changes


class ChangeFollower(QObject):
    def __init__(
        self, page: QWidget, bus: QObject, concerns: Callable[[Changes], bool], refresh: Callable[[], None]
    ) -> None:
        super().__init__(page)
        self._page, self._concerns, self._refresh = page, concerns, refresh
        self.stale = False
        bus.changed.connect(self._changed)  # type: ignore[attr-defined]
        page.installEventFilter(self)

    def _changed(self, changes: Changes) -> None:
        if not self._concerns(changes):
            return
        if self._page.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False


def follow_changes(
    page: QWidget,
    bus: QObject,
    concerns: Callable[[Changes], bool],
    refresh: Callable[[], None] | None = None,
) -> ChangeFollower:
    """Refresh ``page`` (``page.refresh()`` unless given) whenever a change it ``concerns`` arrives."""
    return ChangeFollower(page, bus, concerns, refresh or page.refresh)  # type: ignore[attr-defined]
