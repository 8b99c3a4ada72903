"""Run long jobs off the UI thread with a progress dialog and Cancel (after Anki's CollectionOp).

A job is a generator function that yields ``Progress`` and returns its result. The job runs on one
worker thread at a time (SQLite has one writer; Sessions are not thread-safe); progress, results
and errors come back through queued signals. Cancel closes the generator at its next yield, which
unwinds its ``with ctx.transaction()`` and so rolls the whole action back.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from silverage.domain.problems import UserError
from silverage.domain.progress import Progress

log = logging.getLogger(__name__)

JobFactory = Callable[[], Generator[Progress, None, Any]]


class Cancelled(Exception):
    """The user pressed Cancel; nothing was written."""


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)


class _Runnable(QRunnable):
    def __init__(self, factory: JobFactory, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.factory = factory
        self.signals = signals
        self.cancel = cancel
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            job = self.factory()
            result = None
            while True:
                if self.cancel.is_set():
                    job.close()
                    raise Cancelled()
                try:
                    p = next(job)
                except StopIteration as stop:
                    result = stop.value
                    break
                self.signals.progress.emit(p.done, p.total, p.message)
            self.signals.finished.emit(result)
        except Exception as exc:  # delivered to the UI thread; never lost
            self.signals.failed.emit(exc, traceback.format_exc())


class TaskRunner(QObject):
    """One writer at a time: a private pool with a single thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._live: list[_Signals] = []

    def run(
        self,
        factory: JobFactory,
        *,
        parent: QWidget | None,
        title: str,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        show_progress: bool = True,
    ) -> threading.Event:
        """Start ``factory()`` on the worker; returns the cancel flag (tests may set it)."""
        cancel = threading.Event()
        signals = _Signals()
        self._live.append(signals)
        dialog: QProgressDialog | None = None
        if show_progress:
            dialog = QProgressDialog(title, self.tr("取消"), 0, 0, parent)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.canceled.connect(cancel.set)

        def on_progress(done: int, total: int, message: str) -> None:
            if dialog is not None:
                dialog.setMaximum(max(total, 0))
                dialog.setValue(min(done, total) if total else 0)
                if message:
                    dialog.setLabelText(message)

        def cleanup() -> None:
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
            if signals in self._live:
                self._live.remove(signals)

        def finished(result: Any) -> None:
            cleanup()
            if on_success is not None:
                on_success(result)

        def failed(exc: BaseException, details: str) -> None:
            cleanup()
            if on_error is not None:
                on_error(exc)
                return
            show_error(parent, title, exc, details)

        signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self.pool.start(_Runnable(factory, signals, cancel))
        return cancel

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


def show_error(parent: QWidget | None, title: str, exc: BaseException, details: str = "") -> None:
    """A readable message; the technical details are logged and available behind a button."""
    if isinstance(exc, Cancelled):
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    if isinstance(exc, UserError):
        box.setText(exc.zh)
        box.setInformativeText(exc.en)
    else:
        log.error("Job failed: %s\n%s", title, details)
        box.setText(QObject.tr(box, "操作没有完成，数据没有改动。详细信息已写入日志。"))
        box.setInformativeText(type(exc).__name__)
        if details:
            box.setDetailedText(details)
    box.exec()
