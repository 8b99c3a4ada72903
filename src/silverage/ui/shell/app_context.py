"""What every window and page gets: services, the task runner, the change bus, the language, settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from silverage.domain.clock import Clock
from silverage.services.context import ServiceContext
from silverage.services.roster import place_choices
from silverage.services.roster.place_choices import MicroGridChoice
from silverage.ui.shell.tasks import TaskRunner
from silverage.ui.shell.ui_settings import UiSettings


class Bus(QObject):
    """``data_changed(kind, ids)``: kind is "elder", "volunteer", "visit", "rules", "places" ...

    ``open_elder(id)`` asks the main window to open the person editor (from any page).
    """

    data_changed = Signal(str, list)
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

    @classmethod
    def create(
        cls, services: ServiceContext, lang: str = "zh", settings: UiSettings | None = None
    ) -> AppContext:
        return cls(services, TaskRunner(), Bus(), lang, settings or UiSettings())
