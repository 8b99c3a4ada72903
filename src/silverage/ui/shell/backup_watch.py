"""The automatic backups of an open window, and the status-bar warning when backups are not happening.

Every half hour the window asks (on the task runner, never blocking the UI) whether the newest
backup is a day old, and makes one if so; closing the window makes one too. The status bar shows
a warning when the newest backup is older than 7 days, the folder cannot be reached (the USB stick
is out) or no backup password is set; a PostgreSQL database shows nothing (the server's backup is
in charge).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from silverage.domain.problems import UserError
from silverage.services.backup import make
from silverage.services.backup.make import BackupStatus
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.wording import pick

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 30 * 60 * 1000


class BackupWatch(QObject):
    def __init__(self, window: QMainWindow, app: AppContext) -> None:
        super().__init__(window)
        self.window, self.app = window, app
        self.backup_on_close = True  # the self-test turns it off: a smoke test leaves no backup behind
        self.label = QLabel("", window)
        self.label.setObjectName("backup_warning")
        self.label.setStyleSheet("color: #b00020")
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.show(self._status())

    def _status(self) -> BackupStatus | None:
        try:
            return make.status(self.app.services)
        except Exception:  # the status bar must never stop the window from opening
            log.warning("Could not read the backup status", exc_info=True)
            return None

    def show(self, st: BackupStatus | None) -> None:
        if st is None or not st.sqlite or not st.stale:
            self.label.setText("")
            return
        self.label.setText("⚠ " + pick(self.app.lang, st.problem_zh, st.problem_en))

    def tick(self) -> None:
        """The daily backup when due, then the warning again (on the worker)."""
        ctx = self.app.services

        def work() -> BackupStatus:
            if make.due(ctx):
                make.backup_now(ctx)
            return make.status(ctx)

        self.app.run(
            work,
            parent=None,
            title=self.tr("自动备份"),
            on_done=self.show,
            on_user_error=lambda exc: self.label.setText("⚠ " + exc.text(self.app.lang)),
            show_progress=False,
        )

    def on_close(self) -> None:
        """A backup as the window closes (after the runner's jobs ended); a failure is logged only."""
        self.timer.stop()
        if not self.backup_on_close:
            return
        ctx = self.app.services
        try:
            st = make.status(ctx)
            if st.sqlite and st.password_set and st.reachable:
                make.backup_now(ctx)
        except UserError as exc:
            log.warning("No backup on close: %s", exc.en)
        except Exception:
            log.warning("No backup on close", exc_info=True)
