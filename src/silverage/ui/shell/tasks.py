"""Run long jobs off the UI thread with a progress dialog and Cancel (after Anki's CollectionOp).

A job is a generator function that yields ``Progress`` and returns its result. The job runs on one
worker thread at a time (SQLite has one writer; Sessions are not thread-safe); progress, results
and errors come back through queued signals. Cancel closes the generator at its next yield, which
unwinds its ``with ctx.transaction()`` and so rolls the whole action back.

An action refused by another writer's lock (a plan or an import in another window or on another
PC) is tried again on the worker (``services.lock_wait``) while a dialog says "正在等待数据库……"
and who writes, with Cancel: the window never sits frozen, and Cancel leaves nothing written.
"""

from __future__ import annotations

import logging
import threading
import traceback
import weakref
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from silverage.domain.problems import UserError
from silverage.domain.progress import Progress
from silverage.services import faults
from silverage.services.lock_wait import LockWait
from silverage.services.writer_note import Holder
from silverage.ui.shell.gc_guard import collect_on_ui_thread
from silverage.ui.shell.i18n import current_language
from silverage.ui.widgets.wording import fill

log = logging.getLogger(__name__)

JobFactory = Callable[[], Generator[Progress, None, Any]]


class Cancelled(Exception):
    """The user pressed Cancel; nothing was written."""


class _Signals(QObject):
    progress = Signal(int, int, str)
    waiting = Signal(object)  # Holder | None: another writer holds the database's lock
    finished = Signal(object)
    failed = Signal(object, str)


class _JobState:
    """Everything one job needs, owned by the UI thread.

    The worker borrows it and signals ``released`` once it holds no reference any more, so the
    last reference to the signals object and to whatever the factory captured (dialogs, pages)
    is always dropped on the UI thread. Letting the worker drop it freed Qt objects on the wrong
    thread: intermittent segfaults while the UI thread was painting.
    """

    def __init__(
        self,
        factory: JobFactory,
        signals: _Signals,
        cancel: threading.Event,
        lock_wait: LockWait | None = None,
    ) -> None:
        self.factory: JobFactory | None = factory
        self.lock_wait = lock_wait
        self.signals = signals
        self.cancel = cancel
        self.released = threading.Event()
        self.reported = False  # the UI thread has handled its result or error


def _drive(state: _JobState) -> None:
    """Run the job to its end on the worker; report progress, result or error through signals."""
    signals, cancel = state.signals, state.cancel
    try:
        if state.lock_wait is None:
            _attempt(state)
        else:
            state.lock_wait.run(lambda: _attempt(state), cancel, signals.waiting.emit)
    except Exception as exc:  # delivered to the UI thread; never lost
        if cancel.is_set() and isinstance(faults.explain(exc), faults.DatabaseLocked):
            exc = Cancelled()  # cancelled while waiting for the lock: nothing was written
        signals.failed.emit(exc, traceback.format_exc())


def _attempt(state: _JobState) -> None:
    """One run of the job from its start."""
    signals, cancel = state.signals, state.cancel
    assert state.factory is not None
    job = state.factory()
    try:
        while True:
            if cancel.is_set():
                job.close()
                raise Cancelled()
            try:
                p = next(job)
            except StopIteration as stop:
                signals.finished.emit(stop.value)
                return
            signals.progress.emit(p.done, p.total, p.message)
    finally:
        del job


class _Runnable(QRunnable):
    def __init__(self, state: _JobState) -> None:
        super().__init__()
        self._state: _JobState | None = state
        self._released = state.released
        self.setAutoDelete(True)

    def run(self) -> None:
        state, self._state = self._state, None
        try:
            if state is not None:
                _drive(state)
        finally:
            del state
            self._released.set()


class TaskRunner(QObject):
    """One writer at a time: a private pool with a single thread."""

    _every: weakref.WeakSet[TaskRunner] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        TaskRunner._every.add(self)
        collect_on_ui_thread()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._live: list[_JobState] = []
        self._pending = 0  # jobs started whose result or error the UI thread has not handled yet
        self.lock_wait: LockWait | None = None  # set for a database (AppContext.create)

    def run(
        self,
        factory: JobFactory,
        *,
        parent: QWidget | None,
        title: str,
        on_success: Callable[[Any], None] | None = None,
        on_user_error: Callable[[UserError], None] | None = None,
        on_finally: Callable[[], None] | None = None,
        show_progress: bool = True,
    ) -> threading.Event:
        """Start ``factory()`` on the worker; returns the cancel flag (tests may set it).

        A ``UserError`` (something the person can fix) goes to ``on_user_error`` when given, to
        show it beside the form; every other failure is logged and shown in the error dialog,
        always, so nothing fails silently. ``on_finally`` runs after success, failure or Cancel
        (to enable a button again).
        """
        cancel = threading.Event()
        signals = _Signals()
        state = _JobState(factory, signals, cancel, self.lock_wait)
        self._live.append(state)
        self._pending += 1
        dialog: QProgressDialog | None = None

        def make_dialog(after_ms: int) -> QProgressDialog:
            made = QProgressDialog(title, self.tr("取消"), 0, 0, parent)
            made.setWindowTitle(title)
            made.setWindowModality(Qt.WindowModality.WindowModal)
            made.setMinimumDuration(after_ms)
            made.canceled.connect(cancel.set)
            return made

        if show_progress:
            dialog = make_dialog(300)

        def on_waiting(holder: Holder | None) -> None:
            nonlocal dialog
            if dialog is None:  # a quick save shows nothing, until it has to wait
                dialog = make_dialog(0)
            text = self.tr("正在等待数据库……（另一程序正在写入）")
            if holder is not None:
                text += "\n" + fill(self.tr("正在写入的是：%1"), holder.text(current_language()))
            dialog.setLabelText(text)
            dialog.setRange(0, 0)
            dialog.show()

        def on_progress(done: int, total: int, message: str) -> None:
            if dialog is not None:
                dialog.setMaximum(max(total, 0))
                dialog.setValue(min(done, total) if total else 0)
                if message:
                    dialog.setLabelText(message)

        def cleanup() -> None:
            state.reported = True
            self._pending -= 1
            # Break the cycle signals -> these closures -> signals, so nothing waits for the
            # garbage collector to free them.
            for sig in (signals.progress, signals.waiting, signals.finished, signals.failed):
                sig.disconnect()
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
            self._prune()

        def finished(result: Any) -> None:
            cleanup()
            try:
                if on_success is not None:
                    on_success(result)
            finally:
                if on_finally is not None:
                    on_finally()

        def failed(exc: BaseException, details: str) -> None:
            cleanup()
            exc = explained(exc)
            try:
                if isinstance(exc, UserError) and on_user_error is not None:
                    on_user_error(exc)
                else:
                    show_error(parent, title, exc, details)
            finally:
                if on_finally is not None:
                    on_finally()

        signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        signals.waiting.connect(on_waiting, Qt.ConnectionType.QueuedConnection)
        signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self.pool.start(_Runnable(state))
        return cancel

    def _prune(self) -> None:
        """Drop reported jobs once the worker has let go of them (see _JobState), on this thread."""
        self._live = [st for st in self._live if not st.released.is_set()]
        if any(st.reported for st in self._live):
            QTimer.singleShot(10, self, self._prune)

    def idle(self) -> bool:
        """No job is running or waiting for the UI thread to handle its result."""
        return self._pending == 0

    @classmethod
    def finish_all(cls, msecs: int = 30000) -> None:
        """Let every runner's jobs end and hand their results to the UI thread (before a database
        is closed under them: at quit, and between tests)."""
        for runner in list(cls._every):
            runner.wait(msecs)
        QCoreApplication.processEvents()

    def wait(self, msecs: int = 30000) -> bool:
        done = self.pool.waitForDone(msecs)
        self._prune()
        return done


def explained(exc: BaseException) -> BaseException:
    """A fault a person can act on (disk full, read-only, locked, saved by someone else) as the
    UserError that says so; anything else as it is."""
    from silverage.services.faults import explain

    known = explain(exc)
    if known is not None and known is not exc:
        log.warning("Job stopped by %s", type(exc).__name__)
        return known
    return exc


def show_error(parent: QWidget | None, title: str, exc: BaseException, details: str = "") -> None:
    """A readable message; the technical details are logged and available behind a button."""
    if isinstance(exc, Cancelled):
        return
    exc = explained(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    if isinstance(exc, UserError):
        box.setText(exc.text(current_language()))
    else:
        log.error("Job failed: %s\n%s", title, details or repr(exc))
        box.setText(
            QCoreApplication.translate("TaskRunner", "操作没有完成，数据没有改动。详细信息已写入日志。")
        )
        box.setInformativeText(
            fill(
                QCoreApplication.translate("TaskRunner", "错误类型：%1。如果再次出现，请把日志交给管理员。"),
                type(exc).__name__,
            )
        )
        box.setDetailedText(details or "".join(traceback.format_exception(exc)))
    box.exec()
