"""What every window and page gets: services, the task runner, the change bus, the language."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from silverage.services.context import ServiceContext
from silverage.ui.tasks import TaskRunner


class Bus(QObject):
    """``data_changed(kind, ids)``: kind is "elder", "volunteer", "visit", "rules", "places" ..."""

    data_changed = Signal(str, list)


@dataclass
class AppContext:
    services: ServiceContext
    runner: TaskRunner
    bus: Bus
    lang: str = "zh"

    @classmethod
    def create(cls, services: ServiceContext, lang: str = "zh") -> AppContext:
        return cls(services, TaskRunner(), Bus(), lang)
