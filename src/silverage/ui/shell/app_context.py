"""What every window and page gets: services, the task runner, the change bus, the language, settings."""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from silverage.domain.changes import Changes, changes_of
from silverage.domain.clock import Clock
from silverage.domain.problems import UserError
from silverage.domain.progress import Progress
from silverage.services import lock_wait
from silverage.services.context import ServiceContext
from silverage.services.roster import place_choices
from silverage.services.roster.place_choices import MicroGridChoice
from silverage.ui.shell.tasks import TaskRunner
from silverage.ui.shell.ui_settings import UiSettings


class Bus(QObject):
    """``changed(Changes)``: what one user action changed (see silverage.domain.changes); the main
    window refreshes every page from it. Only ``AppContext.announce`` emits it.

    ``open_elder(id)`` asks the main window to open the person editor (from any page).
    """

    changed = Signal(object)
    open_elder = Signal(int)


@dataclass
class AppContext:
    services: ServiceContext
    runner: TaskRunner
    bus: Bus
    lang: str = "zh"
    settings: UiSettings = field(default_factory=UiSettings)
    _places: list[MicroGridChoice] | None = None

    @property
    def clock(self) -> Clock:
        """The one clock (the services'): views ask it for today, never the system."""
        return self.services.clock

    def micro_grids(self) -> list[MicroGridChoice]:
        """The place tree, read once per session (23,800 micro-grids at 100,000 people)."""
        if self._places is None:
            self._places = place_choices.micro_grids(self.services)
        return self._places

    def forget_places(self) -> None:
        self._places = None

    # ------------------------------------------------------------ the one way to run a change

    def run(
        self,
        work: Callable[[], Any],
        *,
        parent: QWidget | None,
        title: str,
        on_done: Callable[[Any], None] | None = None,
        on_user_error: Callable[[UserError], None] | None = None,
        on_finally: Callable[[], None] | None = None,
        show_progress: bool = True,
    ) -> threading.Event:
        """Run one user action on the worker and announce what it changed.

        ``work`` is a job (a generator function yielding Progress) or a plain function; both run
        off the UI thread, one at a time (SQLite has one writer). On success the result's change
        record is announced to every page, then ``on_done(result)`` runs. Errors: see
        ``TaskRunner.run`` (a readable dialog for anything but a UserError handled by the form).
        """

        def finished(result: Any) -> None:
            self.announce(changes_of(result))
            if on_done is not None:
                on_done(result)

        return self.runner.run(
            as_job(work),
            parent=parent,
            title=title,
            on_success=finished,
            on_user_error=on_user_error,
            on_finally=on_finally,
            show_progress=show_progress,
        )

    def announce(self, changes: Changes) -> None:
        """Tell every page what changed (the only place that emits ``bus.changed``)."""
        if changes.places:
            self.forget_places()
        if changes:
            self.bus.changed.emit(changes)

    @classmethod
    def create(
        cls, services: ServiceContext, lang: str = "zh", settings: UiSettings | None = None
    ) -> AppContext:
        runner = TaskRunner()
        runner.lock_wait = lock_wait.for_context(services)  # waits for another writer visibly
        return cls(services, runner, Bus(), lang, settings or UiSettings())


def as_job(work: Callable[[], Any]) -> Callable[[], Generator[Progress, None, Any]]:
    """A plain function as a job that yields nothing; a job factory stays as it is."""
    if inspect.isgeneratorfunction(work):
        return work

    def job() -> Generator[Progress, None, Any]:
        result = work()
        if inspect.isgenerator(result):  # a lambda that returns a job
            return (yield from result)
        return result
        yield  # pragma: no cover - makes this a generator

    return job
