"""Progress of a long job. Long jobs are generators that yield Progress and *return* their result,
so the CLI can run them to the end and the GUI can run them on a worker thread with Cancel."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    message: str = ""


Job = Generator[Progress, None, T]


def run_to_end(job: Job[T], on_progress: Callable[[Progress], None] | None = None) -> T:
    """Drive a job generator without a GUI; returns what the generator returns."""
    while True:
        try:
            p = next(job)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        if on_progress is not None:
            on_progress(p)
