"""A date box that keeps a typed date as typed.

QDateEdit edits a date section by section: select all and type 2026-12-07 and the digits land in
the wrong sections (2027-12-07), 2026/12/7 and 20261207 do not go in at all. Staff type dates the
way they write them, so this box is a line edit that reads the whole text when it is finished
(Enter, leaving the box, or whenever the date is asked for):

    2026-12-07   2026-12-7   2026/12/7   2026.12.7   20261207   2026年12月7日   (full-width digits too)

and then shows it as 2026-12-07. An impossible date (2026-02-30) or an unreadable text is not
guessed into a date: the box says what is wrong under itself and goes back to the date it had.
A button opens a calendar to pick from. The interface follows QDateEdit (``date()``, ``setDate()``,
``dateChanged``) so callers change little. ``month=True`` makes a month box (2026-12, 2026/12,
202612, 2026年12月), whose date is the first of the month.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from silverage.ui.widgets.wording import fill

MIN_YEAR, MAX_YEAR = 1900, 2100

_DAY_FORMS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?"),
)
_MONTH_FORMS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})"),
    re.compile(r"(\d{4})年(\d{1,2})月?"),
)
_TYPABLE = re.compile(r"[0-9\-/.年月日号 ]*")


@dataclass(frozen=True)
class ReadDate:
    """What a typed text says: a date, or why it is not one (``problem``: format, year, month, day)."""

    value: date | None
    problem: str = ""
    year: int = 0
    month: int = 0
    day: int = 0


def _normal(text: str) -> str:
    """Full-width digits and dashes (a Chinese input method's) as ASCII; no spaces."""
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("－", "-")


def read_date(text: str, month: bool = False) -> ReadDate:
    """Read 2026-12-07, 2026/12/7, 20261207 or 2026年12月7日 (month: 2026-12, 202612, 2026年12月)."""
    t = _normal(text)
    for form in _MONTH_FORMS if month else _DAY_FORMS:
        found = form.fullmatch(t)
        if found is None:
            continue
        y, m = int(found.group(1)), int(found.group(2))
        d = 1 if month else int(found.group(3))
        if not MIN_YEAR <= y <= MAX_YEAR:
            return ReadDate(None, "year", y, m, d)
        if not 1 <= m <= 12:
            return ReadDate(None, "month", y, m, d)
        if not 1 <= d <= calendar.monthrange(y, m)[1]:
            return ReadDate(None, "day", y, m, d)
        return ReadDate(date(y, m, d), "", y, m, d)
    return ReadDate(None, "format")


class DateValidator(QValidator):
    """Acceptable: a whole date; Intermediate: digits and date separators on the way to one;
    Invalid: anything else (a letter cannot be typed into a date box)."""

    def __init__(self, month: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.month = month

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if read_date(text, self.month).value is not None:
            return QValidator.State.Acceptable, text, pos
        if len(text) <= 16 and _TYPABLE.fullmatch(_normal(text)):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos


class _Line(QLineEdit):
    """Reads the text when the user is done with it: Enter, or leaving the box."""

    finished = Signal()
    popup_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finished.emit()
        elif event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.popup_requested.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finished.emit()
        super().focusOutEvent(event)


class DateBox(QWidget):
    """A typed date (see the module docstring). ``dateChanged(QDate)`` fires once per real change."""

    dateChanged = Signal(QDate)
    problemChanged = Signal(str)  # the message shown under the box; "" when there is none

    def __init__(
        self, value: date | QDate | None = None, parent: QWidget | None = None, month: bool = False
    ) -> None:
        super().__init__(parent)
        self.month = month
        self._date = _as_date(value)
        if self._date is not None and month:
            self._date = self._date.replace(day=1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.line = _Line(self)
        self.line.setValidator(DateValidator(month, self.line))
        self.line.setPlaceholderText("2026-12" if month else "2026-12-07")
        self.line.setToolTip(
            self.tr("可写 2026-12、2026/12 或 202612")
            if month
            else self.tr("可写 2026-12-07、2026/12/7、20261207 或 2026年12月7日")
        )
        width = self.line.fontMetrics().horizontalAdvance("2026-12-07" if not month else "2026-12") + 24
        self.line.setMinimumWidth(width)
        self.line.setMaximumWidth(width + 40)
        self.button = QToolButton(self)
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip(self.tr("从日历中选择"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(self.line)
        row.addWidget(self.button)
        row.addStretch(1)  # the button stays beside the text when the message below widens the box
        outer.addLayout(row)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #B3261E")
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)  # not one word a line
        self.message.hide()
        outer.addWidget(self.message)
        self.calendar: QCalendarWidget | None = None
        self._show_date()
        self.line.finished.connect(self.commit)
        self.line.popup_requested.connect(self.open_calendar)
        self.button.clicked.connect(self.open_calendar)

    # ---------------------------------------------------------------- QDateEdit's interface

    def date(self) -> QDate:
        """The date in the box; a typed text not yet read is read now (a shortcut such as Ctrl+S
        saves without the box ever losing focus)."""
        if self.line.isModified():
            self.commit()
        d = self._date
        return QDate(d.year, d.month, d.day) if d is not None else QDate()

    def setDate(self, value: date | QDate) -> None:
        new = _as_date(value)
        if new is not None and self.month:
            new = new.replace(day=1)
        self._set(new)
        self._say("")

    def pydate(self) -> date | None:
        self.date()
        return self._date

    # ---------------------------------------------------------------- reading what was typed

    def commit(self) -> bool:
        """Read the typed text: True when it is a date (now shown as 2026-12-07)."""
        text = self.line.text()
        self.line.setModified(False)
        if not text.strip():
            self._show_date()
            return self._date is not None
        found = read_date(text, self.month)
        if found.value is None:
            self._say(self._problem_text(text, found))
            self._show_date()
            return False
        self._say("")
        self._set(found.value)
        return True

    def _problem_text(self, typed: str, found: ReadDate) -> str:
        if found.problem == "day":
            days = calendar.monthrange(found.year, found.month)[1]
            why = fill(self.tr("%1年%2月只有 %3 天"), found.year, found.month, days)
        elif found.problem == "month":
            why = self.tr("月份应为 1 到 12")
        elif found.problem == "year":
            why = fill(self.tr("年份应在 %1 到 %2 之间"), MIN_YEAR, MAX_YEAR)
        elif self.month:
            why = self.tr("请写成 2026-12、2026/12 或 202612")
        else:
            why = self.tr("请写成 2026-12-07、2026/12/7 或 20261207")
        text = fill(self.tr("“%1”不是有效日期：%2。"), typed.strip(), why)
        if self._date is not None:
            text += fill(self.tr("仍为 %1。"), self._format(self._date))
        return text

    def problem(self) -> str:
        """The message shown under the box ("" when the box holds what was typed)."""
        return self.message.text() if self.message.isVisibleTo(self) else ""

    # ---------------------------------------------------------------- calendar

    def open_calendar(self) -> QCalendarWidget:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
            self.calendar.installEventFilter(self)
        if self.line.isModified():
            self.commit()
        current = self.date()
        if current.isValid():
            self.calendar.setSelectedDate(current)
        self.calendar.move(self.mapToGlobal(QPoint(0, self.line.height())))
        self.calendar.show()
        self.calendar.setFocus()
        return self.calendar

    def _picked(self, value: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.setDate(value)
        self.line.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendar and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
                self.calendar.hide()
                self.line.setFocus()
                return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- internals

    def _format(self, d: date) -> str:
        return f"{d:%Y-%m}" if self.month else d.isoformat()

    def _show_date(self) -> None:
        self.line.setText(self._format(self._date) if self._date is not None else "")
        self.line.setModified(False)

    def _set(self, new: date | None) -> None:
        changed = new != self._date
        self._date = new
        self._show_date()
        if changed and new is not None:
            self.dateChanged.emit(QDate(new.year, new.month, new.day))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.line.setStyleSheet("border: 1px solid #B3261E;" if text else "")
        self.problemChanged.emit(text)


def _as_date(value: date | QDate | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, QDate):
        return date(value.year(), value.month(), value.day()) if value.isValid() else None
    return value
