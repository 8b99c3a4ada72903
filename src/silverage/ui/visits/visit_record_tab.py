"""Recording a visit's outcome by the short code on the returned sheet (typed or scanned)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from silverage.domain.enums import Disability, Outcome, VisitKind, VisitStatus
from silverage.domain.problems import UserError
from silverage.services.visits import visits
from silverage.ui.visits.visit_tab_base import VisitTab, date_edit, pydate
from silverage.ui.widgets.wording import fill

if TYPE_CHECKING:
    from silverage.ui.visits.visit_tab_base import VisitHost


class RecordTab(VisitTab):
    def __init__(self, page: VisitHost) -> None:
        super().__init__(page)
        w = self
        form = QFormLayout(w)
        self.code_edit = QLineEdit(w)
        self.code_edit.setPlaceholderText(self.tr("输入或扫描探访单上的编号，按回车打开"))
        self.code_edit.returnPressed.connect(self.open_code)
        form.addRow(self.tr("探访编号"), self.code_edit)
        self.visit_info = QLabel(w)
        form.addRow("", self.visit_info)
        self.outcome_box = QComboBox(w)
        for o in Outcome:
            self.outcome_box.addItem(o.label(self.lang), o.value)
        form.addRow(self.tr("探访结果"), self.outcome_box)
        self.visited_by = QLineEdit(w)
        self.visited_by.setPlaceholderText(self.tr("由他人代为探访时填写"))
        form.addRow(self.tr("代班探访人"), self.visited_by)
        self.findings: dict[str, QLineEdit] = {}
        labels = {
            "health": self.tr("健康"),
            "mental": self.tr("精神状态"),
            "safety": self.tr("居家安全（燃气、水、电）"),
            "hygiene": self.tr("卫生"),
            "needs": self.tr("需求"),
        }
        for key in visits.FINDING_AREAS:
            self.findings[key] = QLineEdit(w)
            form.addRow(labels[key], self.findings[key])
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
        self.save_button.clicked.connect(self.save_record)
        form.addRow("", self.save_button)
        self._current_code: str | None = None
        self._current_version: int | None = None

    def open_code(self) -> None:
        try:
            row = visits.find_visit(self.app.services, self.code_edit.text())
        except UserError as exc:
            self._current_code = None
            self.visit_info.setText("")
            self.fail(exc)
            return
        self._current_code, self._current_version = row.code, row.version
        self.code_edit.setText(row.code)
        self.visit_info.setText(
            f"{row.elder_name}  {self._level(row.level)}  {row.community}{row.grid}  {row.planned_date}  "
            f"{self._enum(VisitKind, row.kind)}  {row.volunteer_name}  {self._enum(VisitStatus, row.status)}"
        )
        if row.outcome:
            self.outcome_box.setCurrentIndex(self.outcome_box.findData(row.outcome))
        for key, edit in self.findings.items():
            edit.setText(row.findings.get(key, ""))
        self.notes_edit.setText(row.notes)
        self.say(fill(self.tr("已打开探访 %1"), row.code))

    def save_record(self) -> None:
        if self._current_code is None:
            self.say(self.tr("请先输入探访编号并按回车"), error=True)
            return
        follow = []
        if self.fu_action.text().strip():
            follow.append((self.fu_action.text(), self.fu_owner.text(), pydate(self.fu_due)))
        ctx, code, outcome, version = (
            self.app.services,
            self._current_code,
            self.outcome_box.currentData(),
            self._current_version,
        )
        visited_by, notes, today = self.visited_by.text(), self.notes_edit.text(), self.today
        findings = {k: e.text() for k, e in self.findings.items()}
        fall, disability = self.fall_check.isChecked(), self.disability_box.currentData()
        self.run(
            lambda: visits.record_visit(
                ctx, code, outcome, visited_by=visited_by, findings=findings, notes=notes,
                follow_ups=follow, fall=fall, new_disability=disability, today=today, version=version,
            ),
            self.tr("录入探访结果"),
            self._recorded,
        )  # fmt: skip

    def _recorded(self, res: visits.RecordResult) -> None:
        text = fill(self.tr("已保存 %1"), res.visit.code)
        if res.corrected_outcome:
            was = Outcome(res.corrected_outcome).label(self.lang)
            text += fill(self.tr("（更正了原先录入的结果：%1）"), was)
        if res.alerts:
            text += "\n" + "\n".join(a.text(self.lang) for a in res.alerts)
        self.say(text, error=bool(res.alerts))
        for edit in (
            *self.findings.values(),
            self.notes_edit,
            self.visited_by,
            self.fu_action,
            self.fu_owner,
        ):
            edit.clear()
        self.fall_check.setChecked(False)
        self.disability_box.setCurrentIndex(0)
        self.code_edit.clear()
        self.code_edit.setFocus()
        self._current_code = None
