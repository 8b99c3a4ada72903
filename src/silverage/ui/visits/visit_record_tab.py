"""Recording a visit's outcome by the short code on the returned sheet (typed or scanned).

What the user types is theirs: opening a code (again, or another one) never writes over a field
they changed. A visit that already has an outcome shows it read-only; changing it is a correction,
ticked on purpose (更正), which fills the fields the user has not touched with what is on file.
Enter in the code box opens the visit, Ctrl+Enter saves.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from silverage.domain import visit_code
from silverage.domain.enums import Disability, Outcome, VisitKind, VisitStatus
from silverage.domain.problems import UserError
from silverage.domain.visit_record_rules import MAX_MINUTES
from silverage.services import service_catalog
from silverage.services.visits import visit_rows, visits
from silverage.ui.visits.visit_tab_base import VisitTab, date_edit, pydate
from silverage.ui.widgets.wording import fill, pick

if TYPE_CHECKING:
    from silverage.ui.visits.visit_tab_base import VisitHost

WARN, ERROR = "color: #8A5300;", "color: #B3261E;"


class RecordTab(VisitTab):
    def __init__(self, page: VisitHost) -> None:
        super().__init__(page)
        w = self
        self.form = form = QFormLayout(w)
        self.code_edit = QLineEdit(w)
        self.code_edit.setPlaceholderText(self.tr("输入或扫描探访单上的编号，按回车打开"))
        self.code_edit.returnPressed.connect(self.open_code)
        form.addRow(self.tr("探访编号"), self.code_edit)
        self.visit_info = QLabel(w)
        form.addRow("", self.visit_info)
        self.stored_info = QLabel(w)  # the outcome on file, read-only
        self.stored_info.setWordWrap(True)
        self.stored_info.setStyleSheet("background: #EEF3F8; padding: 4px;")
        self.correct_check = QCheckBox(self.tr("更正已录入的结果"), w)
        self.correct_check.setToolTip(self.tr("原结果保留在操作日志中"))
        self.correct_check.toggled.connect(self._correction_toggled)
        stored = QHBoxLayout()
        stored.addWidget(self.stored_info, 1)
        stored.addWidget(self.correct_check)
        self.stored_row = QWidget(w)
        self.stored_row.setLayout(stored)
        stored.setContentsMargins(0, 0, 0, 0)
        form.addRow("", self.stored_row)
        self.date_box = date_edit(self._clock_today(), w)
        self.date_hint = QLabel(w)
        self.date_hint.setWordWrap(True)
        day = QHBoxLayout()
        day.addWidget(self.date_box)
        day.addWidget(self.date_hint, 1)
        form.addRow(self.tr("探访日期", "one visit"), day)
        self.outcome_box = QComboBox(w)
        for o in Outcome:
            self.outcome_box.addItem(o.label(self.lang), o.value)
        form.addRow(self.tr("探访结果"), self.outcome_box)
        self.visited_by = QLineEdit(w)
        self.visited_by.setPlaceholderText(self.tr("由他人代为探访时填写"))
        form.addRow(self.tr("代班探访人"), self.visited_by)
        self.findings: dict[str, QLineEdit] = {}
        self.finding_labels = {
            "health": self.tr("健康"),
            "mental": self.tr("精神状态"),
            "safety": self.tr("居家安全（燃气、水、电）"),
            "hygiene": self.tr("卫生"),
            "needs": self.tr("需求"),
        }
        for key in visits.FINDING_AREAS:
            self.findings[key] = QLineEdit(w)
            form.addRow(self.finding_labels[key], self.findings[key])
        self.service_boxes: dict[str, QCheckBox] = {}
        given = QGridLayout()
        for i, kind in enumerate(service_catalog.list_kinds(self.app.services)):
            box = QCheckBox(kind.label(self.lang), w)
            box.toggled.connect(lambda _on, b=box: self._filling or self._touched.add(b))
            given.addWidget(box, i // 6, i % 6)
            self.service_boxes[kind.name] = box
        form.addRow(self.tr("提供的服务"), given)
        self.minutes_box = QSpinBox(w)
        self.minutes_box.setRange(0, MAX_MINUTES)
        self.minutes_box.setSingleStep(5)
        self.minutes_box.setMaximumWidth(160)
        self.minutes_box.setSpecialValueText(self.tr("未填"))
        self.minutes_box.setSuffix(self.tr(" 分钟"))
        self.minutes_box.valueChanged.connect(lambda _v: self._filling or self._touched.add(self.minutes_box))
        form.addRow(self.tr("服务时长"), self.minutes_box)
        self.notes_edit = QLineEdit(w)
        form.addRow(self.tr("备注"), self.notes_edit)
        fu = QHBoxLayout()
        self.fu_action, self.fu_owner = QLineEdit(w), QLineEdit(w)
        self.fu_action.setPlaceholderText(self.tr("跟进事项"))
        self.fu_owner.setPlaceholderText(self.tr("负责人"))
        self.fu_due = date_edit(self.today + timedelta(days=7), w)
        for x in (self.fu_action, self.fu_owner, self.fu_due):
            fu.addWidget(x)
        form.addRow(self.tr("跟进"), fu)
        risk = QHBoxLayout()
        self.fall_check = QCheckBox(self.tr("发现跌倒"), w)
        self.disability_box = QComboBox(w)
        self.disability_box.addItem(self.tr("失能情况无变化"), None)
        for d in Disability:
            self.disability_box.addItem(d.label(self.lang), d.value)
        risk.addWidget(self.fall_check)
        risk.addWidget(self.disability_box)
        form.addRow(self.tr("风险变化"), risk)
        self.save_button = QPushButton(self.tr("保存探访结果"), w)
        self.save_button.setToolTip(self.tr("Ctrl+Enter 保存"))
        self.save_button.clicked.connect(self.save_record)
        form.addRow("", self.save_button)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # the main keyboard's Enter and the keypad's
            QShortcut(
                QKeySequence(keys),
                self,
                self.save_record,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        self._row: visit_rows.VisitRow | None = None
        self._touched: set[QWidget] = set()  # the fields the user changed since the last save
        self._filling = False
        for edit in (self.visited_by, self.notes_edit, *self.findings.values()):
            edit.textEdited.connect(lambda _t, e=edit: self._touched.add(e))
        self.outcome_box.activated.connect(lambda _i: self._touched.add(self.outcome_box))
        self.date_box.dateChanged.connect(self._date_changed)
        self._show_row(None)

    # ---------------------------------------------------------------- opening a code

    @property
    def _current_code(self) -> str | None:
        return self._row.code if self._row else None

    def open_code(self) -> None:
        try:
            row = visits.find_visit(self.app.services, self.code_edit.text())
        except UserError as exc:
            self._show_row(None)
            self.fail(exc)
            return
        keep_correction = (
            self._row is not None and row.code == self._row.code and self.correct_check.isChecked()
        )
        self.code_edit.setText(row.code)
        self._show_row(row, keep_correction)
        self.say(fill(self.tr("已打开探访 %1"), row.code))
        self.date_box.line.setFocus()

    def _show_row(self, row: visit_rows.VisitRow | None, keep_correction: bool = False) -> None:
        """Show the visit; the editable fields change only where the user has not typed."""
        self._row = row
        done = row is not None and row.status == VisitStatus.DONE.value
        self.visit_info.setText(self._describe(row) if row else "")
        self.form.setRowVisible(self.stored_row, done)
        self.correct_check.blockSignals(True)
        self.correct_check.setChecked(done and keep_correction)
        self.correct_check.blockSignals(False)
        if row is not None and done:
            self.stored_info.setText(self._stored_text(row))
        self._correction_toggled(self.correct_check.isChecked())

    def _describe(self, row: visit_rows.VisitRow) -> str:
        window = (
            fill(self.tr("时间窗 %1 至 %2"), row.window_start, row.window_end)
            if row.window_start and row.window_end
            else ""
        )
        return "  ".join(
            x
            for x in (
                row.elder_name,
                self._level(row.level),
                f"{row.community}{row.grid}",
                # A done visit's planned date became its visit date (shown below, with the outcome).
                "" if row.status == VisitStatus.DONE.value else fill(self.tr("计划 %1"), row.planned_date),
                window,
                self._enum(VisitKind, row.kind),
                row.volunteer_name,
                self._enum(VisitStatus, row.status),
            )
            if x
        )

    def _stored_text(self, row: visit_rows.VisitRow) -> str:
        text = fill(
            self.tr("已于 %1 录入为“%2”"),
            _recorded_day(row),
            self._enum(Outcome, row.outcome) or "—",
        )
        colon, sep = pick(self.lang, "：", ": "), pick(self.lang, "；", "; ")
        found = [
            f"{self.finding_labels[k]}{colon}{v}" for k, v in row.findings.items() if k in self.finding_labels
        ]
        extra = [*found, *([fill(self.tr("备注：%1"), row.notes)] if row.notes else [])]
        if row.visited_by:
            extra.insert(0, fill(self.tr("代班：%1"), row.visited_by))
        if row.services:
            shown = [self.service_boxes[k].text() if k in self.service_boxes else k for k in row.services]
            extra.append(fill(self.tr("服务：%1"), pick(self.lang, "、", ", ").join(shown)))
        if row.minutes:
            extra.append(fill(self.tr("时长：%1 分钟"), row.minutes))
        return sep.join([text, *extra])

    def _correction_toggled(self, on: bool) -> None:
        """Correcting starts from what is on file (where the user has not typed); otherwise the
        untouched fields are blank, dated today."""
        row = self._row if on else None
        self._filling = True
        try:
            if self.outcome_box not in self._touched:
                found = self.outcome_box.findData(row.outcome) if row and row.outcome else 0
                self.outcome_box.setCurrentIndex(max(found, 0))
            if self.date_box not in self._touched:
                self.date_box.setDate(_recorded_day(row) if row else self._clock_today())
            for key, edit in self.findings.items():
                if edit not in self._touched:
                    edit.setText(row.findings.get(key, "") if row else "")
            if self.notes_edit not in self._touched:
                self.notes_edit.setText(row.notes if row else "")
            if self.visited_by not in self._touched:
                self.visited_by.setText(row.visited_by if row else "")
            # what was given (correcting), else what the plan put on this visit
            shown = self._row
            ticked = (row.services if row else shown.planned_services if shown else ()) or ()
            for kind, box in self.service_boxes.items():
                if box not in self._touched:
                    box.setChecked(kind in ticked)
            if self.minutes_box not in self._touched:
                self.minutes_box.setValue((row.minutes or 0) if row else 0)
        finally:
            self._filling = False
        self.save_button.setText(self.tr("保存更正") if on else self.tr("保存探访结果"))
        self._update_date_hint()

    def _date_changed(self) -> None:
        if not self._filling:
            self._touched.add(self.date_box)
        self._update_date_hint()

    def _update_date_hint(self) -> None:
        day, row, today = self.date_box.pydate(), self._row, self._clock_today()
        text, style = "", WARN
        if day is not None and day > today:
            text, style = self.tr("晚于今天：只能录入已经进行的探访"), ERROR
        elif row and day and row.window_start and row.window_end:
            if not row.window_start <= day <= row.window_end:
                text = fill(
                    self.tr("不在时间窗（%1 至 %2）内：可以保存，保存时会提示"),
                    row.window_start,
                    row.window_end,
                )
        self.date_hint.setStyleSheet(style)
        self.date_hint.setText(text)

    def _clock_today(self) -> date:
        return self.app.clock.today()

    # ---------------------------------------------------------------- saving

    def save_record(self) -> None:
        row = self._row
        if row is None:
            self.say(self.tr("请先输入探访编号并按回车"), error=True)
            return
        if visit_code.normalize(self.code_edit.text()) != row.code:  # a new code typed, not opened
            self.say(self.tr("编号已改动：请先按回车打开这次探访"), error=True)
            return
        correct = self.correct_check.isChecked()
        if row.status == VisitStatus.DONE.value and not correct:
            self.say(
                fill(
                    self.tr("探访 %1 已于 %2 录入为“%3”。如需更正，请勾选“更正已录入的结果”后再保存。"),
                    row.code,
                    _recorded_day(row),
                    self._enum(Outcome, row.outcome),
                ),
                error=True,
            )
            return
        follow = []
        if self.fu_action.text().strip():
            follow.append((self.fu_action.text(), self.fu_owner.text(), pydate(self.fu_due)))
        ctx, code, outcome, version = self.app.services, row.code, self.outcome_box.currentData(), row.version
        visited_by, notes, day = self.visited_by.text(), self.notes_edit.text(), self.date_box.pydate()
        findings = {k: e.text() for k, e in self.findings.items()}
        fall, disability = self.fall_check.isChecked(), self.disability_box.currentData()
        given = [k for k, box in self.service_boxes.items() if box.isChecked()]
        minutes = self.minutes_box.value() or None
        self.run(
            lambda: visits.record_visit(
                ctx, code, outcome, visited_by=visited_by, findings=findings, notes=notes,
                follow_ups=follow, fall=fall, new_disability=disability, visited_on=day,
                version=version, correct=correct, services=given, minutes=minutes,
            ),
            self.tr("录入探访结果"),
            self._recorded,
        )  # fmt: skip

    def _recorded(self, res: visits.RecordResult) -> None:
        day = _recorded_day(res.visit)
        text = fill(self.tr("已保存 %1（探访日期 %2）"), res.visit.code, day)
        if res.corrected_outcome:
            was = Outcome(res.corrected_outcome).label(self.lang)
            text += fill(self.tr("（更正了原先录入的结果：%1）"), was)
        notes = [*res.warnings, *res.alerts]
        if notes:
            text += "\n" + "\n".join(a.text(self.lang) for a in notes)
        self.say(text, error=bool(notes))
        for edit in (self.fu_action, self.fu_owner):
            edit.clear()
        self.fall_check.setChecked(False)
        self.disability_box.setCurrentIndex(0)
        self._touched.clear()
        self.code_edit.clear()
        self._show_row(None)  # the untouched fields go back to blank, dated today
        self.code_edit.setFocus()


def _recorded_day(row: visit_rows.VisitRow) -> date:
    return row.visited_at.date() if row.visited_at else row.planned_date
