"""处理提醒: one alert with the number to phone in full, and the note saying what was done.

The list masks the emergency contact's phone like every list; this dialog is one person's alert
opened to act on it, so it shows the number in full to staff, as the person's record does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QPlainTextEdit, QWidget

from silverage.domain.changes import Changes
from silverage.domain.problems import UserError, ValidationError
from silverage.services.visits import alert_rows
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.form_footer import add_footer
from silverage.ui.widgets.wording import fill, pick


def _problem_text(exc: UserError, lang: str) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(p.text(lang) for p in exc.problems)
    return exc.text(lang)


class AlertDialog(QDialog):
    def __init__(self, app: AppContext, alert_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.saved = False
        self.alert = alert_rows.alert_detail(app.services, alert_id)
        a = self.alert
        self.setWindowTitle(self.tr("处理提醒"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.person = QLabel(fill(self.tr("%1（编号 %2）"), a.name, a.elder_id), self)
        form.addRow(self.tr("老人"), self.person)
        self.text = QLabel(pick(app.lang, a.message_zh, a.message_en), self)
        self.text.setWordWrap(True)
        form.addRow(self.tr("提醒"), self.text)
        self.due = QLabel(a.due.strftime("%Y-%m-%d %H:%M") if a.due else "", self)
        form.addRow(self.tr("到期"), self.due)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("例如：已电话联系女儿，老人在女儿家小住，下周回家"))
        self.note.setFixedHeight(90)
        form.addRow(self.tr("处理情况"), self.note)
        self.message, self.ok_button = add_footer(self, form, self.tr("处理"), self.tr("取消"))

    def save(self) -> None:
        ctx, alert_id, note = self.app.services, self.alert.id, self.note.toPlainText()
        self.ok_button.setEnabled(False)
        self.app.run(
            lambda: alert_rows.resolve_alert(ctx, alert_id, note),
            parent=self,
            title=self.tr("处理提醒"),
            on_done=self._saved,
            on_user_error=lambda exc: self.message.setText(_problem_text(exc, self.app.lang)),
            on_finally=lambda: self.ok_button.setEnabled(not self.saved),
            show_progress=False,
        )

    def _saved(self, _changes: Changes) -> None:
        self.saved = True
        self.accept()
