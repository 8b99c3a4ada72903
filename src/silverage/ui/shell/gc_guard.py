"""Run Python's cyclic garbage collector only on the UI thread.

The collector runs in whichever thread happens to allocate when a threshold is crossed. With a
worker thread busy, that can be the worker, which then destroys Qt objects (widgets, signal
holders caught in reference cycles) that belong to the UI thread: an intermittent segfault.
So once the app has a worker, automatic collection is switched off and a timer on the UI thread
collects instead, with the same thresholds (the approach pyqtgraph and others use with PySide).

Once the first roster is shown, what exists then (the modules, the window, 100,000 rows) lives until
the app quits: ``freeze_start_up`` moves it out of the collector's sight (``gc.freeze``), so no later
full collection walks it again, nor the interpreter's own collections as the app quits (at 100,000
people those took about a second). The rows hold no reference cycles: when a reload replaces
them, they are freed all the same.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

_guard: _UiThreadCollector | None = None
_frozen = False
# A full collection walks every object (a million with 100,000 people listed), so at most one per
# this many seconds: Python's own collector likewise defers them until the old objects grow by a
# quarter, a rule an explicit gc.collect(2) bypasses.
FULL_EVERY_S = 30.0


class _UiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 500) -> None:
        super().__init__()
        self.threshold = gc.get_threshold()
        self.last_full = time.monotonic()  # none while starting: what start-up builds lives all day
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        count0, count1, count2 = gc.get_count()
        if count0 > self.threshold[0]:
            generation = 0
            if count1 > self.threshold[1]:
                generation = 1
                if count2 > self.threshold[2] and time.monotonic() - self.last_full >= FULL_EVERY_S:
                    generation = 2
            gc.collect(generation)
            if generation == 2:
                self.last_full = time.monotonic()


def collect_on_ui_thread() -> None:
    """Idempotent; call from the UI thread (the task runner does, when it is created)."""
    global _guard
    if _guard is None:
        _guard = _UiThreadCollector()


def freeze_start_up() -> None:
    """Freeze what start-up built (once per process; later calls do nothing). Young garbage is
    collected first, so little that is already garbage is kept."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect(1)
        gc.freeze()
