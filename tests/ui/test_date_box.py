"""Typed dates stay as typed: the date box reads the whole text, the way staff write dates."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDateEdit, QPushButton, QVBoxLayout, QWidget

from silverage.ui.shell.i18n import install_language
from silverage.ui.widgets.date_box import DateBox, read_date


@pytest.fixture
def form(qtbot):
    """A date box holding 2027-01-01 (where QDateEdit turns a typed 2026-12-07 into 2027-12-07) and a
    button to move the focus to, as in a real form."""
    host = QWidget()
    layout = QVBoxLayout(host)
    box = DateBox(date(2027, 1, 1), host)
    other = QPushButton("OK", host)
    layout.addWidget(box)
    layout.addWidget(other)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    yield box, other
    host.close()


def retype(qtbot, box: DateBox, text: str, finish: str = "enter") -> None:
    """Click into the box, select everything (Ctrl+A), type, then press Enter or leave the box."""
    box.line.setFocus()
    qtbot.keyClick(box.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box.line, text)
    if finish == "enter":
        qtbot.keyClick(box.line, Qt.Key.Key_Return)


@pytest.mark.parametrize("typed", ["2026-12-07", "2026/12/7", "20261207", "2026-12-7", "2026.12.07"])
def test_select_all_and_type_gives_exactly_the_typed_date(qtbot, form, typed):
    box, _ = form
    with qtbot.waitSignal(box.dateChanged) as changed:
        retype(qtbot, box, typed)
    assert changed.args == [QDate(2026, 12, 7)]
    assert box.date() == QDate(2026, 12, 7)
    assert box.line.text() == "2026-12-07"  # shown one way, whichever way it was typed
    assert box.problem() == ""


def test_the_section_based_qdateedit_really_did_mangle_it(qtbot):
    """Why the box exists: the same keys in a QDateEdit holding 2027-01-01 give 2027-12-07 (PySide6 6.12)."""
    edit = QDateEdit(QDate(2027, 1, 1))
    edit.setDisplayFormat("yyyy-MM-dd")
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, "2026-12-07")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date() != QDate(2026, 12, 7)


def test_leaving_the_box_reads_the_date_too(qtbot, form):
    box, other = form
    retype(qtbot, box, "2026/12/7", finish="none")
    other.setFocus()
    QApplication.processEvents()
    assert box.line.text() == "2026-12-07"
    assert box.date() == QDate(2026, 12, 7)


def test_a_date_still_being_typed_is_read_when_asked_for(qtbot, form):
    """Ctrl+S saves while the focus is still in the box: the typed date, not the old one, is saved."""
    box, _ = form
    retype(qtbot, box, "20261207", finish="none")
    assert box.pydate() == date(2026, 12, 7)


def test_an_impossible_date_is_refused_with_a_message_and_the_old_date_kept(qtbot, form):
    box, _ = form
    with qtbot.assertNotEmitted(box.dateChanged):
        retype(qtbot, box, "2026-02-30")
    assert box.date() == QDate(2027, 1, 1)
    assert box.line.text() == "2027-01-01"
    assert box.message.isVisible()
    assert "2026-02-30" in box.problem() and "28" in box.problem()  # 2026年2月只有 28 天
    retype(qtbot, box, "2026-12-07")
    assert box.problem() == "" and not box.message.isVisible()


def test_the_message_is_in_english_in_the_english_interface(qtbot):
    install_language("en")
    try:
        box = DateBox(date(2026, 11, 26))
        qtbot.addWidget(box)
        box.show()
        retype(qtbot, box, "2026-13-01")
        assert (
            box.problem() == "“2026-13-01” is not a valid date: the month must be 1 to 12. Kept 2026-11-26."
        )
    finally:
        install_language("zh")


def test_letters_cannot_be_typed(qtbot, form):
    box, _ = form
    retype(qtbot, box, "12a", finish="none")
    assert box.line.text() == "12"


def test_chinese_written_dates_and_full_width_digits(qtbot, form):
    box, _ = form
    box.line.setFocus()
    box.line.selectAll()
    event = QInputMethodEvent()
    event.setCommitString("２０２６年１２月７日")  # as a Chinese input method sends it
    QApplication.sendEvent(box.line, event)
    qtbot.keyClick(box.line, Qt.Key.Key_Return)
    assert box.date() == QDate(2026, 12, 7)


def test_the_calendar_button_picks_a_date(qtbot, form):
    box, _ = form
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    calendar = box.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate() == QDate(2027, 1, 1)
    with qtbot.waitSignal(box.dateChanged):
        calendar.clicked.emit(QDate(2026, 12, 24))
    assert not calendar.isVisible()
    assert box.date() == QDate(2026, 12, 24)


def test_a_month_box(qtbot):
    box = DateBox(date(2026, 11, 26), month=True)
    qtbot.addWidget(box)
    box.show()
    assert box.line.text() == "2026-11"
    for typed in ("2027-02", "2027/2", "202702"):
        retype(qtbot, box, typed)
        assert box.date() == QDate(2027, 2, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-07", date(2026, 12, 7)),
        (" 2026 / 12 / 7 ", date(2026, 12, 7)),
        ("2026年12月7日", date(2026, 12, 7)),
        ("2026年12月7号", date(2026, 12, 7)),
        ("2028-02-29", date(2028, 2, 29)),
    ],
)
def test_read_date_forms(text, expected):
    assert read_date(text).value == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2026-02-30", "day"),
        ("2027-02-29", "day"),
        ("2026-13-01", "month"),
        ("1850-01-01", "year"),
        ("12/7/2026", "format"),
    ],
)
def test_read_date_says_what_is_wrong(text, problem):
    found = read_date(text)
    assert found.value is None and found.problem == problem


@pytest.mark.db
def test_a_holiday_typed_as_2027_2_20_is_saved_on_that_day(qtbot, demo_ctx):
    """The Visits page's holiday box, as a user types into it: click, Ctrl+A, 2027/2/20, Add."""
    from silverage.domain.enums import Role
    from silverage.services.context import Actor
    from silverage.services.visits import visit_settings
    from silverage.ui.shell.app_context import AppContext
    from silverage.ui.visits.visits_page import VisitsPage
    from tests.ui.helpers import settle

    demo_ctx.actor = Actor("duda", Role.SUPERVISOR, "王督导")  # the holiday table is a supervisor's
    app = AppContext.create(demo_ctx)
    page = VisitsPage(app)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.holidays)
    box = page.holidays.holiday_day
    qtbot.mouseClick(box.line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(box.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box.line, "2027/2/20")
    page.holidays.holiday_kind.setCurrentIndex(page.holidays.holiday_kind.findData("workday"))
    page.holidays.add_holiday()  # the box has not lost focus: the typed date is still the one used
    settle(qtbot, app)
    assert [h.day for h in visit_settings.list_holidays(demo_ctx, 2027)] == [date(2027, 2, 20)]
    assert box.line.text() == "2027-02-20"
    app.runner.wait()
